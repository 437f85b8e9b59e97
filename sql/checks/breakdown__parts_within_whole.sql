with wholes as (
    select report_year, source_kind, entity_code, indicator_code, value, unit,
        source_ref || ' "' || source_text || '"' as source
    from v_report_figure
),

parts as (
    select report_year, source_kind, entity_code, part_of, unit,
        sum(value order by page nulls first, line, value) as total,
        count(*) as n_parts,
        string_agg(fr_number(value) || ' (' || coalesce(line, page) || ')', ' + ' order by page nulls first, line, value) as terms
    from v_report_figure
    where part_of is not null
    group by all
)

select
    wholes.report_year,
    wholes.entity_code,
    wholes.indicator_code,
    wholes.value as expected,
    parts.total as observed,
    wholes.source as expected_source,
    'sum of ' || parts.n_parts || ' parts: ' || parts.terms as observed_source
from parts
inner join wholes
    on wholes.report_year = parts.report_year
    and wholes.source_kind = parts.source_kind
    and wholes.entity_code = parts.entity_code
    and wholes.indicator_code = parts.part_of
    and wholes.unit = parts.unit
