-- The feed finds the few events longer than 512 days (decades, centuries) that overlap `from`
-- apart from the others (store::feed::Widths): by width class, then last day. It also answers
-- max(width_class), so it replaces events_by_width.
create index events_wide on events (width_class, latest);
drop index events_by_width;
