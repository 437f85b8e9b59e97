-- v_concept_figure: the report's own figures (the primary source of each year) by concept,
-- each with the interval its printed form stands for. Checks that compare figures across the
-- report read this view: two figures of one concept are the same quantity.
--
-- The interval: an exact figure stands for value ± rounding (half its last printed digit:
-- "1,87 milliard" is ± 5 000 000); "plus de" (at_least) has no upper end, "moins de"
-- (at_most) no lower end; "près de", "environ", "une cinquantaine" (approx) stand for
-- ± 10 %, which is what such words promise at most.
create or replace view v_concept_figure as
with source as (
    select
        figure.*,
        link.concept_code as linked_concept,
        link.score as concept_score,
        link.method as concept_method
    from v_report_figure as figure
    left join map_indicator_concept as link on link.indicator_code = figure.indicator_code
),

renamed as (
    select
        report_year,
        source_kind,
        entity_type,
        entity_code,
        entity_name,
        coalesce(linked_concept, indicator_code) as concept_code,
        indicator_code,
        coalesce(concept_method, 'unlinked') as concept_method,
        concept_score,
        value,
        unit,
        qualifier,
        coalesce(rounding, 0) as rounding,
        case qualifier
            when 'at_most' then null
            when 'approx' then value * 0.9 - coalesce(rounding, 0)
            else value - coalesce(rounding, 0)
        end as value_low,
        case qualifier
            when 'at_least' then null
            when 'approx' then value * 1.1 + coalesce(rounding, 0)
            else value + coalesce(rounding, 0)
        end as value_high,
        part_of,
        section,
        line,
        page,
        source_file,
        source_ref,
        source_text,
        source_span,
        -- where and how it is printed: the place, and the words around the figure
        source_ref || ' "' || case
            when length(source_text) <= 90 then source_text
            else (case when strpos(source_text, source_span) > 31 then '…' else '' end)
                || substr(source_text, greatest(1, strpos(source_text, source_span) - 30), 90) || '…'
        end || '"' as provenance
    from source
)

select * from renamed
