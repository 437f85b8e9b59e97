-- what a report had, per kind: the blocks read, the curated indicators stated (by entity),
-- the comparisons with the reference data; each with where the report stated it
with item as (
    -- a block by its kind and subject: a key-figure block's id ends with its line (None in
    -- a PDF), which moves from one year's report to the next
    select report_year, source_kind, 'block' as kind, entity_code,
        regexp_replace(block_id, ':(\d+|None)$', '') as code,
        min(source_file || coalesce(':' || line::varchar, '') || coalesce(' p.' || page::varchar, ''))
            as place
    from fact_block_quality
    where status <> 'missing'
    group by all
    union all
    -- each source's own figures (the views keep one source per year: a year read from its
    -- PDF only would otherwise lose every figure its text export had)
    select figure.report_year, figure.source_kind, 'curated indicator', figure.entity_code,
        figure.indicator_code,
        min(figure.source_file || coalesce(':' || figure.line::varchar, '')
            || coalesce(' p.' || figure.page::varchar, '')) as place
    from fact_figure as figure
    join dim_indicator as indicator using (indicator_code)
    where indicator.is_curated and figure.source_kind <> 'reference'
    group by all
    union all
    -- the comparisons with the reference data are the report's, whichever source: kind 'report'
    select comparison.report_year, 'report', 'reference comparison',
        comparison.entity_code, comparison.indicator_code,
        'report ' || comparison.report_source_span || ' vs reference '
            || fr_number(comparison.reference_value)
    from v_report_vs_reference as comparison
),

-- the report's sources by kind, and the report as a whole (kind 'report')
source as (
    select report_year, source_kind, source_file from dim_source where source_kind <> 'reference'
    union all
    select report_year, 'report', string_agg(distinct source_file, ', ' order by source_file)
    from dim_source where source_kind <> 'reference'
    group by report_year
),

-- each report year and the latest earlier year the warehouse holds, for the same kind
pair as (
    select this.report_year, this.source_kind, max(previous.report_year) as previous_year,
        any_value(this.source_file) as source_file
    from source as this
    join source as previous
        on previous.source_kind = this.source_kind and previous.report_year < this.report_year
    group by this.report_year, this.source_kind
),

lost as (
    select pair.report_year, pair.source_kind, pair.source_file, pair.previous_year, before.*
        exclude (report_year, source_kind)
    from pair
    join item as before
        on before.report_year = pair.previous_year and before.source_kind = pair.source_kind
    anti join item as now
        on now.report_year = pair.report_year and now.source_kind = pair.source_kind
        and now.kind = before.kind and now.entity_code is not distinct from before.entity_code
        and now.code = before.code
)

select
    lost.report_year,
    coalesce(lost.entity_code, (select entity_code from dim_entity where entity_type = 'department'))
        as entity_code,
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
    (select entity_code from dim_entity where entity_type = 'department'),
    'since_' || pair.previous_year,
    0, 0, null,
    'what the ' || pair.previous_year || ' report had',
    'all of it in ' || pair.source_file
from pair
where not exists (
    select 1 from lost
    where lost.report_year = pair.report_year and lost.source_kind = pair.source_kind
)
