-- v_mds_wide: one row per MDS and report year, one column per figure of its table.
-- The preferred statement of each figure (v_figure.is_preferred); a figure the table does not
-- give is null (the MDS Lens-Liévin table is missing from the report: its derived residual is
-- in v_derived_residual and v_territory_scorecard, never here).
-- The indicator_columns line becomes one column per indicator of the catalog's MDS tables
-- when the schema is applied (pipelines.load.schema.render_view): they are declared once.
create or replace view v_mds_wide as
select
    years.report_year,
    entity.entity_code as mds_code,
    entity.entity_name as mds_name,
    entity.parent_code as territory_code,
    -- the figures of its table (its page's sentences give others, in v_figure)
    count(figure.indicator_code) filter (where not starts_with(figure.indicator_code, 'tx_'))
        as figures_count,
    -- one column per indicator of the MDS tables, from the indicator catalog
    {{ indicator_columns('mds') }}
from dim_entity as entity
inner join (  -- the years of its own département's reports
    select distinct departement_code, report_year from dim_source where source_kind <> 'reference'
) as years on years.departement_code = entity.departement_code
left join v_figure as figure
    on figure.entity_code = entity.entity_code
    and figure.report_year = years.report_year
    and figure.is_preferred
where entity.entity_type = 'mds'
group by all

