-- id: children__sum_vs_parent
-- family: children
-- severity: error
-- section: territory profiles, MDS and MDADT tables, department overview and key figures
-- description: An additive figure stated for the children must add up to the figure stated for their parent.
-- Why: the 7 territories make the department, and the 9 MDS and 7 MDADT each cover part of
-- it; a figure the report states at both levels (communes, inhabitants, RSA recipients,
-- APA beneficiaries ...) must add up. When a child's figure is missing (the MDS Lens-Liévin
-- table), the children present can only stay below the parent: the residual is reported in
-- v_derived_residual, attributed to the missing child, and never mixed with the facts.
-- Counts must add up exactly; figures the overview rounds (inhabitants, km of roads) within 1 %.
with tolerances (indicator_code, tolerance_rel) as (
    values ('population', 0.01), ('road_length_km', 0.01)
)

select
    sums.report_year,
    sums.parent_code as entity_code,
    sums.indicator_code,
    sums.parent_value as expected,
    sums.children_total as observed,
    coalesce(tolerances.tolerance_rel, 0) * sums.parent_value as tolerance,
    case when len(sums.missing_children) > 0 then 'at_most' else 'equal' end as comparison,
    case when len(sums.missing_children) > 0 then
        sums.n_children || ' of ' || sums.n_expected || ' ' || sums.child_type
        || ' state this figure; the residual ' || cast(sums.parent_value - sums.children_total as varchar)
        || ' is attributed to ' || array_to_string(sums.missing_children, ', ')
        || ' (derived, see v_derived_residual).'
    end as message,
    sums.parent_source as expected_source,
    'sum of ' || sums.n_children || ' ' || sums.child_type || ' (' || sums.terms || ') at '
        || sums.children_source as observed_source
from v_child_parent_sum as sums
left join tolerances on tolerances.indicator_code = sums.indicator_code
