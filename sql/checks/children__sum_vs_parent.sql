-- id: children__sum_vs_parent
-- family: children
-- severity: error
-- comparison: overlap
-- section: territory profiles and support blocks, MDS and MDADT tables, department overview and key figures
-- description: An additive figure stated for the children must add up to the figure stated for their parent.
-- Why: the 7 territories make the department, and the 9 MDS and 7 MDADT each cover part of
-- it; a concept the report states at both levels (communes, inhabitants, RSA recipients,
-- APA beneficiaries, sport sections of the territory blocks and of the department's key
-- figures ...) must add up. Both sides are intervals (printed precision, "plus de"); when a
-- child's figure is missing (the MDS Lens-Liévin table), the children present can only stay
-- below the parent: the residual is reported in v_derived_residual, attributed to the
-- missing child, and never mixed with the facts. The overview rounds inhabitants and km of
-- roads ("1 472 000", "6 200 km"): 1 % is allowed for those two.
with rounded_by_the_overview (indicator_code, tolerance_rel) as (
    values ('population', 0.01), ('road_length_km', 0.01)
)

select
    sums.report_year,
    sums.parent_code as entity_code,
    sums.indicator_code,
    sums.parent_value as expected,
    sums.children_total as observed,
    sums.parent_low - coalesce(rounded.tolerance_rel, 0) * sums.parent_value as expected_low,
    sums.parent_high + coalesce(rounded.tolerance_rel, 0) * sums.parent_value as expected_high,
    sums.children_low as observed_low,
    case when len(sums.missing_children) = 0 then sums.children_high end as observed_high,
    case when len(sums.missing_children) > 0 then
        sums.n_children || ' of ' || sums.n_expected || ' ' || sums.child_type
        || ' state this figure; the residual ' || fr_number(sums.parent_value - sums.children_total)
        || ' is attributed to ' || array_to_string(sums.missing_children, ', ')
        || ' (derived, see v_derived_residual).'
    end as message,
    sums.parent_source as expected_source,
    'sum of ' || sums.n_children || ' ' || sums.child_type || ' (' || sums.terms || ') at '
        || sums.children_source as observed_source
from v_child_parent_sum as sums
left join rounded_by_the_overview as rounded on rounded.indicator_code = sums.indicator_code
