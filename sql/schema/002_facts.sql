-- Facts: one row per figure read from a source, with its provenance.
-- A source (report_year, source_kind) is replaced as a whole when it is loaded again.
create table if not exists fact_figure (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    page integer,
    line integer,
    section varchar not null,
    entity_code varchar not null,
    indicator_code varchar not null,
    value double not null,
    unit varchar not null,
    qualifier varchar,
    rounding double,  -- half the last printed digit, in the unit: "1,87 milliard" is ± 5 000 000
    source_text varchar not null,
    source_span varchar not null,
    extractor varchar not null,
    is_derived boolean not null default false,
    part_of varchar,  -- indicator code of the whole this figure is a part of ("dont")
    period_kind varchar,  -- null: the report year (year, as_of, cumulative, multi_year, forecast)
    period_start date,
    period_end date,
    block varchar  -- the table, key-figure block or paragraph it was read from
);

-- The EPCIs each territory profile names, in the profile's order.
create table if not exists fact_territory_epci (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    page integer,
    line integer,
    section varchar not null,
    territory_code varchar not null,
    position integer not null,
    epci_name varchar not null,
    source_text varchar not null
);

-- The councillors named in the report's political organisation table (garbled in the
-- export: match them to the official list on names, not on the printed canton label).
create table if not exists fact_councillor_mention (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    page integer,
    line integer,
    section varchar not null,
    cell_number integer not null,
    cell_label varchar not null,
    prenom varchar not null,
    nom varchar not null,
    roles_in_cell varchar,
    source_text varchar not null
);

-- How well each table and key-figure block was read; expected blocks not found are here
-- too (status 'missing'), so completeness can be checked.
create table if not exists fact_block_quality (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    page integer,
    line integer,
    section varchar,
    block_id varchar not null,
    extractor varchar not null,
    entity_code varchar,
    lines varchar,
    rows_expected integer not null,
    rows_found integer not null,
    cells_expected integer not null,
    cells_found integer not null,
    cells_parsed integer not null,
    status varchar not null,
    message varchar not null,
    title_score double  -- how well the section title matched (0-100), when looked up
);

-- The items of dated lists, each tied to the count that summarises the list.
create table if not exists fact_list_item (
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    page integer,
    line integer,
    section varchar not null,
    list_code varchar not null,
    position integer not null,
    item_date varchar not null,
    item_text varchar not null,
    source_text varchar not null
);

-- Everything that looked like data but could not be loaded, with the reason.
create table if not exists stg_reject (
    report_year integer,
    source_kind varchar,
    source_file varchar,
    source_sha256 varchar,
    page integer,
    line integer,
    section varchar,
    stage varchar not null,
    staging_table varchar not null,
    reason varchar not null,
    entity_code varchar,
    indicator_code varchar,
    value double,
    unit varchar,
    source_text varchar,
    extractor varchar
);
