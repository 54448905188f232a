-- Indexes for the event's page (store::detail): its participants and disagreements are
-- read from indexes alone, whatever the number of its reports.

-- An event's participants, distinct, from the index alone (an event of 10,000 reports has
-- 20,000 rows here). It extends participants_by_event (0002), which it replaces.
create index participants_of_event on participants (event_id, country, name, wikidata);
drop index participants_by_event;

-- The reports whose own date lies outside the event's, from the index alone.
create index evidence_claims on evidence (event_id, claimed_latest, claimed_earliest);
