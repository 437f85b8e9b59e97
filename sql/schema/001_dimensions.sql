-- Dimensions: who a figure is about, what it measures, where it was read.
-- dim_entity and dim_indicator are refreshed from the catalogs at every load.
create table if not exists dim_entity (
    entity_code varchar primary key,
    entity_type varchar not null,
    entity_name varchar not null,
    parent_code varchar,
    departement_code varchar  -- every entity code of the catalog starts with it (62-arrageois)
);

create table if not exists dim_indicator (
    indicator_code varchar primary key,
    indicator_label varchar not null,
    unit varchar not null,
    domain varchar not null,
    is_additive boolean not null,
    is_curated boolean not null default true,
    share_of varchar,  -- a share: the concept it is a part of, at the department level
    ratio_numerator varchar,  -- a ratio (density): numerator and denominator concepts
    ratio_denominator varchar
);

create table if not exists dim_source (
    departement_code varchar not null,
    report_year integer not null,
    source_kind varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    loaded_at timestamp not null,
    source_path varchar,  -- where the file was read from: a later build reads it again
    primary key (departement_code, report_year, source_kind)
);

-- Official departmental councillors (reference files), one row per councillor.
create table if not exists ref_councillor (
    canton_code varchar not null,
    nom varchar not null,
    prenom varchar not null,
    sexe varchar not null,
    fonction varchar,
    ordre_fonction double
);

-- Curated: the EPCIs of each territory, with the name the report's profile gives each.
create table if not exists ref_territory_epci (
    territory_code varchar not null,
    epci_code varchar not null,
    report_name varchar not null
);

-- The concept of each indicator (pipelines/extract/concepts.py): curated indicators are their own
-- concept; a generated one is linked when its label means the same, with the score and how
-- the link was decided (curated, lemma match, reviewed, kept apart, unlinked).
create table if not exists map_indicator_concept (
    indicator_code varchar primary key,
    concept_code varchar,
    score double not null,
    method varchar not null
);
