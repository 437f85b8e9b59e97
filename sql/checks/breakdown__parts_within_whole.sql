with wholes as (
    select figure.report_year, figure.source_kind, figure.entity_code, figure.indicator_code,
        figure.value, figure.unit, figure.line, figure.page, entity.departement_code,
        figure.source_ref || ' "' || figure.source_text || '"' as source
    from v_report_figure as figure
    inner join dim_entity as entity on entity.entity_code = figure.entity_code
),

-- a part is on its whole's entity, or on its own place on the whole's line of the same page
-- of the same report ("75 places créées (24 à Oignies, ...)": 24 is Oignies'; a PDF's lines
-- are numbered per page; two départements' reports share line numbers)
parts as (
    select distinct
        wholes.report_year, wholes.entity_code, wholes.indicator_code,
        wholes.value as expected, wholes.source as expected_source,
        part.entity_code as part_entity, part.indicator_code as part_code,
        part.value, part.line, part.page
    from v_report_figure as part
    inner join dim_entity as part_entity on part_entity.entity_code = part.entity_code
    inner join wholes
        on wholes.report_year = part.report_year
        and wholes.source_kind = part.source_kind
        and wholes.indicator_code = part.part_of
        and wholes.unit = part.unit
        and wholes.departement_code = part_entity.departement_code
        and (
            wholes.entity_code = part.entity_code
            or (wholes.line = part.line and wholes.page is not distinct from part.page)
        )
    where part.part_of is not null
)

-- each whole with the sum of its parts
select
    report_year,
    entity_code,
    indicator_code,
    expected,
    sum(value order by page nulls first, line, value) as observed,
    expected_source,
    'sum of ' || count(*) || ' parts: ' || string_agg(
        fr_number(value) || ' (' || coalesce(line, page) || ')', ' + '
        order by page nulls first, line, value
    ) as observed_source
from parts
group by report_year, entity_code, indicator_code, expected, expected_source
