with report as (
    select report_year, entity_code, value, qualifier,
        source_ref || ' "' || source_text || '"' as source
    from v_report_figure
    where entity_type = 'territory' and indicator_code = 'area_km2'
),

reference as (
    select report_year, entity_code, value, source_text
    from v_reference_figure
    where entity_type = 'territory' and indicator_code = 'area_km2'
)

select
    report.report_year,
    report.entity_code,
    'area_km2' as indicator_code,
    reference.value as expected,
    report.value as observed,
    'Relative delta '
        || coalesce(fr_number(round(100 * (report.value - reference.value) / reference.value, 1)), '?')
        || ' %.' as message,
    'reference ' || coalesce(reference.source_text, '(no reference figure)') as expected_source,
    'report ' || report.source || coalesce(' [' || report.qualifier || ']', '') as observed_source
from report
left join reference
    on reference.report_year = report.report_year
    and reference.entity_code = report.entity_code
