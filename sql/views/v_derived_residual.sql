-- v_derived_residual: what the parent states minus what its children present state,
-- attributed to the children whose figure is missing (the MDS Lens-Liévin table, absent from
-- the export). Derived, never a fact: it lives in this view, not in fact_figure.
create or replace view v_derived_residual as
select
    report_year,
    source_kind,
    unnest(missing_children) as entity_code,
    len(missing_children) as shared_by,
    indicator_code,
    parent_value - children_total as residual_value,
    true as is_derived,
    'department figure minus the ' || n_children || ' ' || child_type || ' present: '
        || parent_source || ' minus (' || terms || ')' as derivation
from v_child_parent_sum
where len(missing_children) > 0
