-- A posting list per country: one row for each country among the participants of each dated
-- event, with the event's place in timeline order. The feed's country filter walks the list
-- of the rarest of its countries in timeline order (store::feed) and checks the others in
-- `event_countries_by_event`, so a page reads about as many index entries as it shows, and
-- only the events it shows, instead of every event of the period. Kept by triggers from
-- `participants` (an event's countries are those of all its reports, which may be more than
-- its participant_key) and from the dates of `events`, so every write path keeps it in step.
create table event_countries (
    country text not null,
    width_class integer not null,
    earliest text not null,
    latest text not null,
    event_id integer not null
) strict;

-- A country's events in timeline order, and by width class for a scan bounded by `from`.
create index event_countries_timeline on event_countries (country, earliest, latest desc, event_id);
create index event_countries_by_class
    on event_countries (country, width_class, earliest, latest desc, event_id);
-- Whether an event has a country; one row per pair.
create unique index event_countries_by_event on event_countries (event_id, country);

insert into event_countries (country, width_class, earliest, latest, event_id)
select distinct p.country, ev.width_class, ev.earliest, ev.latest, ev.event_id
from participants p join events ev on ev.event_id = p.event_id
where ev.earliest is not null and ev.width_class is not null;

-- How many events each country has: the feed walks the list of the rarest country asked for.
create table country_counts (
    country text primary key,
    events integer not null
) strict, without rowid;

insert into country_counts (country, events)
select country, count(*) from event_countries group by country;

create trigger country_counts_add after insert on event_countries
begin
    insert into country_counts (country, events) values (new.country, 1)
    on conflict (country) do update set events = events + 1;
end;

create trigger country_counts_remove after delete on event_countries
begin
    update country_counts set events = events - 1 where country = old.country;
end;

-- A report's participant: its country joins the event's postings (once) when it is dated.
create trigger event_countries_participant after insert on participants
begin
    insert or ignore into event_countries (country, width_class, earliest, latest, event_id)
    select new.country, ev.width_class, ev.earliest, ev.latest, ev.event_id
    from events ev
    where ev.event_id = new.event_id and ev.earliest is not null and ev.width_class is not null;
end;

-- The last report naming a country goes (re-extraction, an event deleted): so does its posting.
create trigger event_countries_participant_gone after delete on participants
when not exists (
    select 1 from participants p where p.event_id = old.event_id and p.country = old.country
)
begin
    delete from event_countries where event_id = old.event_id and country = old.country;
end;

-- An event written after its participants (or dated later) gets its postings.
create trigger event_countries_insert after insert on events
when new.earliest is not null and new.width_class is not null
begin
    insert or ignore into event_countries (country, width_class, earliest, latest, event_id)
    select distinct p.country, new.width_class, new.earliest, new.latest, new.event_id
    from participants p
    where p.event_id = new.event_id;
end;

-- A merge that changes an event's date moves its postings.
create trigger event_countries_update after update of width_class, earliest, latest on events
when old.width_class is not new.width_class
    or old.earliest is not new.earliest or old.latest is not new.latest
begin
    delete from event_countries where event_id = old.event_id;
    insert or ignore into event_countries (country, width_class, earliest, latest, event_id)
    select distinct p.country, new.width_class, new.earliest, new.latest, new.event_id
    from participants p
    where p.event_id = new.event_id and new.earliest is not null and new.width_class is not null;
end;

create trigger event_countries_delete after delete on events
begin
    delete from event_countries where event_id = old.event_id;
end;
