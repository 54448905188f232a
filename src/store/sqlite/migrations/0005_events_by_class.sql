-- With `from`, the feed scans each width class apart (store::feed::Widths): the events of
-- class k overlapping `from` start at most 2^k days before it, and this index reads them in
-- timeline order. It also answers max(width_class), so it replaces events_wide.
create index events_by_class on events (width_class, earliest, latest desc);
drop index events_wide;
