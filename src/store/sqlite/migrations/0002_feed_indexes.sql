-- Indexes for the HTTP feed (store::feed).

-- The feed's order is (earliest, latest desc, event_id): coarser dates first on a tie. With
-- this index a keyset page is one range scan in order, at any depth, in either direction.
-- It replaces events_by_earliest, of which it is an extension.
create index events_timeline on events (earliest, latest desc);
drop index events_by_earliest;

-- The longest event bounds how far before `from` an event overlapping it can start: the feed
-- reads max(width_class) from here instead of scanning.
create index events_by_width on events (width_class);

-- A participant filter by name or Wikidata id looks at one event's participants.
create index participants_by_event on participants (event_id, country);
