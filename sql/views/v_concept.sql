-- v_concept: one row per concept (curated indicator) of the report, with what it carries: its
-- unit, whether it adds up, its relations (the concept it is a share of, the two it is a
-- ratio of), the entity levels the report states it at, and which indicators are linked to it.
create or replace view v_concept as
with figures as (
    select report_year, concept_code, entity_type, indicator_code, concept_method
    from v_concept_figure
),

levels as (
    select
        concept_code,
        list(distinct entity_type order by entity_type) as entity_levels,
        count(*) as n_figures,
        list(distinct indicator_code order by indicator_code)
            filter (where indicator_code <> concept_code) as linked_indicators
    from figures
    group by concept_code
)

select
    concept.indicator_code as concept_code,
    concept.indicator_label as concept_label,
    concept.unit,
    concept.is_additive,
    concept.share_of,
    concept.ratio_numerator,
    concept.ratio_denominator,
    coalesce(levels.entity_levels, []) as entity_levels,
    coalesce(levels.n_figures, 0) as n_figures,
    coalesce(levels.linked_indicators, []) as linked_indicators
from dim_indicator as concept
left join levels on levels.concept_code = concept.indicator_code
where concept.is_curated
