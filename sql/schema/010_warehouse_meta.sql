-- What wrote this warehouse: `schema_sha256` is the hash of sql/schema/, the fact tables (made
-- of the staging models) and sql/views/ of the code that built it, so that `indicators check`
-- and `query` can tell an older warehouse from a damaged one and say "rebuild" instead of
-- failing on a missing column.
create table if not exists warehouse_meta (
    key varchar primary key,
    value varchar not null
);
