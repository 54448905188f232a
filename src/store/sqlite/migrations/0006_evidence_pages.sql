-- An event's page reads its evidence a page at a time (store::detail), and every column it
-- shows is stored with the evidence: the date expression's own text was cut out of the whole
-- document (substr over documents.text) for every report, which for an event of thousands of
-- reports read the documents' text thousands of times.

-- The text of the date expression that dates this report (date_start..date_end of the
-- document); null when undated.
alter table evidence add column date_text text;

update evidence set date_text = (
    select substr(d.text, evidence.date_start + 1, evidence.date_end - evidence.date_start)
    from documents d where d.document_id = evidence.document_id)
where date_start is not null;

-- A page of one event's reports in the order they joined, at any depth.
create index evidence_pages on evidence (event_id, evidence_id);
