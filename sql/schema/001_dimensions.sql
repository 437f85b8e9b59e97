-- Dimensions: who a figure is about, what it measures, where it was read.
-- dim_entity and dim_indicator are refreshed from the catalogs at every load.
create table if not exists dim_entity (
    entity_code varchar primary key,
    entity_type varchar not null,
    entity_name varchar not null,
    parent_code varchar
);

create table if not exists dim_indicator (
    indicator_code varchar primary key,
    indicator_label varchar not null,
    unit varchar not null,
    domain varchar not null,
    is_additive boolean not null
);

create table if not exists dim_source (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    loaded_at timestamp not null,
    primary key (report_year, source_kind)
);
