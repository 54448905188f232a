-- The store: documents and what the extractor read in them (temporal expressions, evidence
-- of events), and the events those reports are merged into. Dates are 'YYYY-MM-DD' text,
-- timestamps are UTC ISO 8601 text. Spans are Unicode code point offsets into documents.text,
-- end exclusive.

create table documents (
    document_id integer primary key,
    -- blake3 of text, hex: the same text ingested again is "unchanged" and skipped
    content_hash text not null unique,
    -- the document creation time relative dates were resolved against (YYYY-MM-DD[Thh:mm[:ss]])
    published_at text not null,
    -- the publisher; events.source_count counts distinct values
    source text,
    url text,
    title text,
    -- store::EXTRACTOR_VERSION that produced this document's timexes and evidence; older
    -- documents are re-extracted by `tarikh reextract`
    extractor_version integer not null,
    -- when timexes and evidence were last extracted (ingest or reextract)
    ingested_at text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- the article body, front matter removed: every span in the store points into it. Last,
    -- because SQLite reads a row's columns in order and a long text spills onto overflow
    -- pages that reading any later column would walk.
    text text not null
) strict;

create table timexes (
    timex_id integer primary key,
    document_id integer not null references documents (document_id) on delete cascade,
    text text not null,
    span_start integer not null,
    span_end integer not null,
    -- TIMEX3 type: DATE, TIME, DURATION, SET
    type text not null,
    -- TIMEX3 value: 2022-09-15, 2022-W37, P3D, PRESENT_REF …
    value text not null,
    -- TIMEX3 mod: START, MID, END, APPROX
    mod text,
    -- first and last calendar day the value covers, when it names one
    earliest text,
    latest text,
    -- the grammar rule that found it (extract::timex)
    rule text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) strict;

create index timexes_by_document on timexes (document_id);

-- One row per real happening. Every column below participant_key is an aggregate of the
-- event's evidence rows (store::merge::Aggregate folds them in evidence_id order), so an
-- event can be recomputed when evidence goes away.
create table events (
    -- autoincrement: an event deleted by a re-extraction never lends its id to another
    event_id integer primary key autoincrement,
    -- ISO 3166 alpha-3 codes of the participants, sorted and distinct, joined by '+'
    -- ('CHN+RUS'): reports merge only into an event with the same key
    participant_key text not null,
    -- meeting | visit | summit | call | agreement | military | statement | other; within the
    -- contact family the most specific reported kind wins (summit > visit > meeting > call)
    kind text not null,
    -- PLOVER event type and mode; plain statements have no PLOVER type
    plover text,
    plover_mode text,
    cameo text not null,
    -- held | announced | cancelled: held as soon as one source says it took place
    status text not null,
    -- the tightest date any source gives (TimeML value), its interval and precision; all null
    -- for an undated event
    date_value text,
    earliest text,
    latest text,
    precision text,
    -- ceil(log2(days covered)): an event of class k lasts at most 2^k days, so the events
    -- overlapping a report are found by one narrow range scan per class (store::events)
    width_class integer,
    -- null when sources agree; otherwise 'sources disagree: 2018-06-08 vs 2018-06-09'
    date_conflict text,
    place_name text,
    place_country text,
    place_lat real,
    place_lon real,
    place_wikidata text,
    -- distinct documents among the evidence
    article_count integer not null default 0,
    -- distinct sources among the evidence (evidence.source_key)
    source_count integer not null default 0,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) strict;

-- The timeline lists events oldest first.
create index events_by_earliest on events (earliest);
-- Merging looks up the events with the same participants whose dates are near a new report.
create index events_by_participants on events (participant_key, width_class, earliest);

-- One report of an event: the sentence of one document that says it happened, with that
-- source's own claim (kind, date, place), and why it joined the event.
create table evidence (
    evidence_id integer primary key,
    event_id integer not null references events (event_id) on delete cascade,
    document_id integer not null references documents (document_id) on delete cascade,
    -- documents.source, or 'document <document_id>' when unknown (such a document counts as its
    -- own source): copied here so that events.source_count is counted from an index alone
    source_key text not null,
    kind text not null,
    plover text,
    plover_mode text,
    cameo text not null,
    status text not null,
    trigger_start integer not null,
    trigger_end integer not null,
    sentence_start integer not null,
    sentence_end integer not null,
    -- span of the date expression that dates this report; null when undated
    date_start integer,
    date_end integer,
    -- this source's own date, which may be coarser than the event's or disagree with it
    claimed_value text,
    claimed_earliest text,
    claimed_latest text,
    claimed_precision text,
    -- this source's own place
    place_name text,
    place_country text,
    place_lat real,
    place_lon real,
    place_wikidata text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- the texts last (see documents.text)
    trigger text not null,
    -- in words, why this report joined its event, or why it started a new one
    merge_reason text not null,
    -- the sentence, cut around the trigger when long: what a timeline entry shows
    quote text not null,
    sentence text not null
) strict;

-- An event's evidence, and its distinct documents (article_count) from the index alone.
create index evidence_by_event on evidence (event_id, document_id);
create index evidence_by_source on evidence (event_id, source_key);
create index evidence_by_document on evidence (document_id);

-- Who took part, as each report names them; the event's participants are the distinct rows
-- over its evidence.
create table participants (
    participant_id integer primary key,
    -- the same as evidence.event_id, kept here so that the index below answers "events with
    -- these countries" without going through evidence
    event_id integer not null references events (event_id) on delete cascade,
    evidence_id integer not null references evidence (evidence_id) on delete cascade,
    name text not null,
    -- ISO 3166 alpha-3
    country text not null,
    wikidata text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) strict;

-- The timeline filters events by participant country.
create index participants_by_country on participants (country, event_id);
-- Deleting evidence (reextract) cascades here.
create index participants_by_evidence on participants (evidence_id);

-- Full-text search over Arabic text normalised by extract::normalize::fold (أ/إ/آ→ا, ى→ي,
-- ة→ه, no diacritics or tatweel, ASCII digits), so that أبريل finds ابريل. SQL cannot fold,
-- so the store inserts the folded text itself (and the tokenizer need not remove diacritics
-- again); rowid is documents.document_id and evidence.evidence_id, and the triggers below
-- delete with the row.
-- documents_fts keeps no copy of the folded text (content=''), only the index: a search
-- reads titles and snippets from documents. contentless_delete lets the trigger delete rows.
create virtual table documents_fts using fts5 (
    title, text, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
create virtual table evidence_fts using fts5 (quote, tokenize = 'unicode61 remove_diacritics 0');

create trigger documents_fts_delete after delete on documents begin
    delete from documents_fts where rowid = old.document_id;
end;

create trigger evidence_fts_delete after delete on evidence begin
    delete from evidence_fts where rowid = old.evidence_id;
end;
