-- The data version: every write transaction adds one and announces it on the channel
-- `tarikh_data` (NOTIFY is delivered at commit), so every replica drops the answers it cached
-- before another replica's write within moments (store::postgres::version). One row: the
-- writers queue on it only for the instant between their last statement and their commit.
create table data_version (
    data_version_id bigint primary key check (data_version_id = 1),
    version bigint not null,
    created_at timestamptz not null default now()
);

insert into data_version (data_version_id, version) values (1, 0);
