-- Columns added after a warehouse may already exist: `create table if not exists` leaves an
-- older table as it was, so each later column is added here too (idempotent).
alter table fact_figure add column if not exists part_of varchar;
alter table dim_indicator add column if not exists is_curated boolean default true;
alter table check_result add column if not exists accepted boolean default false;
alter table check_result add column if not exists justification varchar;
alter table fact_figure add column if not exists rounding double;
alter table check_result add column if not exists finding_key varchar;
alter table dim_indicator add column if not exists share_of varchar;
alter table dim_indicator add column if not exists ratio_numerator varchar;
alter table dim_indicator add column if not exists ratio_denominator varchar;
alter table fact_block_quality add column if not exists title_score double;
alter table dim_entity add column if not exists departement_code varchar;
