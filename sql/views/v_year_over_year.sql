-- v_year_over_year: each curated indicator's preferred figure per entity and report year,
-- beside the same figure of the previous report loaded (null when that report is not loaded
-- or did not state it). Generated kf_ codes are left out: their labels change with the
-- wording of each year's report, so the same code in two years may not be the same quantity.
create or replace view v_year_over_year as
with curated as (
    select figure.*
    from v_figure as figure
    inner join dim_indicator as indicator on indicator.indicator_code = figure.indicator_code
    where figure.is_preferred and indicator.is_curated
),

with_previous as (
    select
        curated.*,
        lag(report_year) over w as previous_year,
        lag(value) over w as previous_value
    from curated
    window w as (partition by entity_code, indicator_code order by report_year)
)

select
    report_year,
    entity_type,
    entity_code,
    entity_name,
    indicator_code,
    indicator_label,
    unit,
    value,
    qualifier,
    previous_year,
    previous_value,
    value - previous_value as change,
    round(100 * (value - previous_value) / nullif(previous_value, 0), 2) as change_pct
from with_previous
