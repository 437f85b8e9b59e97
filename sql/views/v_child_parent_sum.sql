-- v_child_parent_sum: for every additive figure the report states for a parent entity and
-- for its children, the parent's value, the children's sum, and which children are missing.
-- Pairs: territory, MDS and MDADT under the department; MDS and MDADT under their territory.
create or replace view v_child_parent_sum as
with pairs (child_type, parent_type) as (
    values ('territory', 'department'), ('mds', 'department'), ('mdadt', 'department'),
        ('mds', 'territory'), ('mdadt', 'territory')
),

family as (
    select
        pairs.child_type,
        pairs.parent_type,
        case when pairs.parent_type = 'department' then '62' else entity.parent_code end as parent_code,
        entity.entity_code as child_code
    from dim_entity as entity
    inner join pairs on pairs.child_type = entity.entity_type
),

children as (
    select
        figure.report_year, figure.source_kind, family.child_type, family.parent_type,
        family.parent_code, figure.indicator_code, figure.entity_code, figure.value,
        figure.qualifier, figure.source_file, coalesce(figure.line, figure.page) as place
    from v_report_figure as figure
    inner join family on family.child_code = figure.entity_code
    inner join dim_indicator as indicator on indicator.indicator_code = figure.indicator_code
    where indicator.is_additive
),

summed as (
    select
        report_year, source_kind, child_type, parent_type, parent_code, indicator_code,
        sum(value) as children_total,
        count(*) as n_children,
        list(entity_code) as present,
        string_agg(entity_code || '=' || cast(value as varchar) || coalesce(' [' || qualifier || ']', ''), ', ' order by entity_code) as terms,
        string_agg(cast(place as varchar), ', ' order by entity_code) as places,
        any_value(source_file) as source_file
    from children
    group by all
),

expected as (
    select child_type, parent_type, parent_code, list(child_code order by child_code) as all_children
    from family
    group by all
)

select
    summed.report_year,
    summed.source_kind,
    summed.child_type,
    summed.parent_type,
    summed.parent_code,
    summed.indicator_code,
    parent.value as parent_value,
    summed.children_total,
    summed.n_children,
    len(expected.all_children) as n_expected,
    list_filter(expected.all_children, lambda c: not list_contains(summed.present, c)) as missing_children,
    summed.terms,
    summed.source_file || ':' || summed.places as children_source,
    parent.source_file || ':' || coalesce(parent.line, parent.page) || ' "' || parent.source_text || '"' as parent_source
from summed
inner join expected
    on expected.child_type = summed.child_type
    and expected.parent_type = summed.parent_type
    and expected.parent_code = summed.parent_code
inner join v_report_figure as parent
    on parent.report_year = summed.report_year
    and parent.source_kind = summed.source_kind
    and parent.entity_type = summed.parent_type
    and parent.entity_code = summed.parent_code
    and parent.indicator_code = summed.indicator_code
where len(expected.all_children) > 1
