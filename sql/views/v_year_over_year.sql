-- v_year_over_year: each curated concept's preferred figure per entity and report year,
-- beside the same concept's figure in the previous report loaded (null when that report is
-- not loaded or did not state it). A figure counts for the concept its indicator is linked to
-- (map_indicator_concept): a quantity the catalog curates stays one row per year however
-- each year's report words it ("foyers RSA" one year, "ménages bénéficiaires du RSA" the
-- next). Generated codes that no concept holds are left out: their labels change with the
-- wording of each year's report, so the same code in two years may not be the same quantity.
create or replace view v_year_over_year as
with linked as (
    select
        figure.*,
        coalesce(link.concept_code, figure.indicator_code) as concept_code
    from v_figure as figure
    left join map_indicator_concept as link on link.indicator_code = figure.indicator_code
    where figure.is_preferred
),

curated as (
    select
        linked.* exclude (indicator_label),
        concept.indicator_label,
        row_number() over (
            partition by linked.entity_code, linked.concept_code, linked.report_year
            -- the concept's own code first, then as v_figure prefers a statement: an exact
            -- figure, then the first printed
            order by (linked.indicator_code = linked.concept_code) desc,
                linked.qualifier is not null, linked.text_line nulls last, linked.indicator_code
        ) as pick
    from linked
    inner join dim_indicator as concept on concept.indicator_code = linked.concept_code
    where concept.is_curated
),

with_previous as (
    select
        curated.*,
        lag(report_year) over w as previous_year,
        lag(value) over w as previous_value
    from curated
    where pick = 1
    window w as (partition by entity_code, concept_code order by report_year)
)

select
    report_year,
    entity_type,
    entity_code,
    entity_name,
    concept_code as indicator_code,
    indicator_label,
    indicator_code as stated_as,
    unit,
    value,
    qualifier,
    previous_year,
    previous_value,
    value - previous_value as change,
    round(100 * (value - previous_value) / nullif(previous_value, 0), 2) as change_pct
from with_previous
