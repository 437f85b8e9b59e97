-- what a report had, per kind: the blocks read, the curated indicators stated (by entity),
-- the comparisons with the reference data; each with where the report stated it. A report is
-- compared with the previous report of its own département (an entity's code carries it).
with item as (
    -- a block by its kind and subject: a key-figure block's id ends with its line (None in
    -- a PDF), which moves from one year's report to the next
    select departement_code, report_year, source_kind, 'block' as kind, entity_code,
        regexp_replace(block_id, ':(\d+|None)$', '') as code,
        min(source_file || coalesce(':' || line::varchar, '') || coalesce(' p.' || page::varchar, ''))
            as place
    from fact_block_quality
    where status <> 'missing'
    group by all
    union all
    -- each source's own figures (the views keep one source per year: a year read from its
    -- PDF only would otherwise lose every figure its text export had)
    select figure.departement_code, figure.report_year, figure.source_kind, 'curated indicator',
        figure.entity_code,
        figure.indicator_code,
        min(figure.source_file || coalesce(':' || figure.line::varchar, '')
            || coalesce(' p.' || figure.page::varchar, '')) as place
    from fact_figure as figure
    join dim_indicator as indicator using (indicator_code)
    where indicator.is_curated and figure.source_kind <> 'reference'
    group by all
    union all
    -- the comparisons with the reference data are the report's, whichever source: kind 'report'
    select entity.departement_code, comparison.report_year, 'report', 'reference comparison',
        comparison.entity_code, comparison.indicator_code,
        'report ' || comparison.report_source_span || ' vs reference '
            || fr_number(comparison.reference_value)
    from v_report_vs_reference as comparison
    join dim_entity as entity using (entity_code)
),

-- the report's sources by kind, and the report as a whole (kind 'report')
source as (
    select departement_code, report_year, source_kind, source_file
    from dim_source where source_kind <> 'reference'
    union all
    select departement_code, report_year, 'report',
        string_agg(distinct source_file, ', ' order by source_file)
    from dim_source where source_kind <> 'reference'
    group by departement_code, report_year
),

-- each report year and the latest earlier year the warehouse holds of the same département,
-- for the same kind
pair as (
    select this.departement_code, this.report_year, this.source_kind,
        max(previous.report_year) as previous_year, any_value(this.source_file) as source_file
    from source as this
    join source as previous
        on previous.departement_code = this.departement_code
        and previous.source_kind = this.source_kind and previous.report_year < this.report_year
    group by this.departement_code, this.report_year, this.source_kind
),

lost as (
    select pair.departement_code, pair.report_year, pair.source_kind, pair.source_file,
        pair.previous_year, before.* exclude (departement_code, report_year, source_kind)
    from pair
    join item as before
        on before.departement_code = pair.departement_code
        and before.report_year = pair.previous_year and before.source_kind = pair.source_kind
    anti join item as now
        on now.departement_code = pair.departement_code
        and now.report_year = pair.report_year and now.source_kind = pair.source_kind
        and now.kind = before.kind and now.entity_code is not distinct from before.entity_code
        and now.code = before.code
)

select
    lost.report_year,
    coalesce(lost.entity_code, lost.departement_code) as entity_code,
    lost.code as indicator_code,
    1 as expected,
    0 as observed,
    'the ' || lost.kind || ' ' || lost.code || ' of ' || lost.previous_year
        || ' is not in the ' || lost.report_year || ' report'
        || case when lost.source_kind = 'report' then '.' else ' (' || lost.source_kind || ').' end
        as message,
    lost.previous_year || ': ' || lost.place as expected_source,
    lost.report_year || ': not found in ' || lost.source_file as observed_source
from lost
union all
select
    pair.report_year,
    pair.departement_code,
    'since_' || pair.previous_year,
    0, 0, null,
    'what the ' || pair.previous_year || ' report had',
    'all of it in ' || pair.source_file
from pair
where not exists (
    select 1 from lost
    where lost.departement_code = pair.departement_code
        and lost.report_year = pair.report_year and lost.source_kind = pair.source_kind
)
