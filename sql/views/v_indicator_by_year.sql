-- v_indicator_by_year: the report's curated indicators year over year, one row per report
-- year, entity and indicator, beside the value of the previous report year loaded.
-- A year's figure comes from the text export when it was loaded, else from the PDF; a
-- quantity stated more than once in a year keeps its first statement (`statements` counts
-- them). A figure missing from a year has no row for that year, so `previous_year` says
-- which year `previous_value` comes from. `departement_code` is the département each entity
-- belongs to (up its parents), so that several départements' reports can sit side by side.
create or replace view v_indicator_by_year as
with recursive lineage (entity_code, ancestor_code) as (
    select entity_code, entity_code from dim_entity
    union all
    select lineage.entity_code, entity.parent_code
    from lineage
    inner join dim_entity as entity on entity.entity_code = lineage.ancestor_code
    where entity.parent_code is not null
),

departement as (
    select
        lineage.entity_code,
        lineage.ancestor_code as departement_code
    from lineage
    inner join dim_entity as entity on entity.entity_code = lineage.ancestor_code
    where entity.entity_type = 'department'
),

source as (
    select
        figure.*,
        indicator.indicator_label
    from fact_figure as figure
    inner join dim_indicator as indicator on indicator.indicator_code = figure.indicator_code
    where indicator.is_curated and figure.source_kind in ('text', 'pdf')
),

ranked as (
    select
        *,
        row_number() over (
            partition by report_year, entity_code, indicator_code
            order by source_kind <> 'text', page nulls first, line nulls first, value
        ) as statement_rank,
        count(*) over (
            partition by report_year, entity_code, indicator_code, source_kind
        ) as statements
    from source
),

yearly as (
    select * from ranked where statement_rank = 1
),

final as (
    select
        yearly.report_year,
        departement.departement_code,
        entity.entity_type,
        yearly.entity_code,
        entity.entity_name,
        yearly.indicator_code,
        yearly.indicator_label,
        yearly.value,
        yearly.unit,
        yearly.qualifier,
        lag(yearly.report_year) over by_year as previous_year,
        lag(yearly.value) over by_year as previous_value,
        yearly.value - lag(yearly.value) over by_year as change,
        case
            when lag(yearly.value) over by_year <> 0
                then round(
                    100 * (yearly.value - lag(yearly.value) over by_year)
                    / abs(lag(yearly.value) over by_year),
                    2
                )
        end as change_pct,
        yearly.source_kind,
        yearly.source_file,
        yearly.page,
        yearly.line,
        yearly.statements
    from yearly
    left join dim_entity as entity on entity.entity_code = yearly.entity_code
    left join departement on departement.entity_code = yearly.entity_code
    window by_year as (
        partition by yearly.entity_code, yearly.indicator_code order by yearly.report_year
    )
)

select * from final
