-- The data version: every write transaction adds one (store::sqlite::version), so a server
-- notices what another process wrote into the file it serves (`tarikh ingest`, a second
-- server) with one cheap read, and drops the answers it cached before.
create table data_version (
    -- one row
    data_version_id integer primary key check (data_version_id = 1),
    version integer not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) strict;

insert into data_version (data_version_id, version) values (1, 0);
