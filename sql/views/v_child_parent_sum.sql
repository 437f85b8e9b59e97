-- v_child_parent_sum: for every additive concept the report states for a parent entity and
-- for its children, the parent's value, the children's sum, and which children are missing.
-- Pairs: territory, MDS and MDADT under the department; MDS and MDADT under their territory.
-- Figures are taken by concept (v_concept_figure): a territory block's "sections sportives
-- de collèges" meets the department key figure "sections sportives en collèges". Each child
-- counts once (its first statement); the sums carry the intervals of the printed figures.
create or replace view v_child_parent_sum as
with pairs (child_type, parent_type) as (
    values ('territory', 'department'), ('mds', 'department'), ('mdadt', 'department'),
        ('mds', 'territory'), ('mdadt', 'territory')
),

family as (
    select
        pairs.child_type,
        pairs.parent_type,
        case when pairs.parent_type = 'department' then entity.departement_code else entity.parent_code end as parent_code,
        entity.entity_code as child_code
    from dim_entity as entity
    inner join pairs on pairs.child_type = entity.entity_type
),

statements as (
    select
        figure.*,
        row_number() over (
            partition by figure.report_year, figure.source_kind, figure.entity_code, figure.concept_code
            order by coalesce(figure.page, 0), coalesce(figure.line, 0), figure.value, figure.indicator_code
        ) as rank
    from v_concept_figure as figure
    inner join dim_indicator as concept on concept.indicator_code = figure.concept_code
    where concept.is_additive
),

children as (
    select
        statements.report_year, statements.source_kind, family.child_type, family.parent_type,
        family.parent_code, statements.concept_code, statements.entity_code, statements.value,
        statements.value_low, statements.value_high, statements.qualifier,
        statements.source_file, coalesce(statements.line, statements.page) as place
    from statements
    inner join family on family.child_code = statements.entity_code
    where statements.rank = 1
),

summed as (
    select
        report_year, source_kind, child_type, parent_type, parent_code,
        concept_code as indicator_code,
        sum(value order by entity_code) as children_total,
        -- null as soon as one child has no lower (upper) end: "plus de 288 000" bounds no sum
        case when count(value_low) = count(*) then sum(value_low order by entity_code) end as children_low,
        case when count(value_high) = count(*) then sum(value_high order by entity_code) end as children_high,
        count(*) as n_children,
        list(entity_code) as present,
        string_agg(entity_code || '=' || fr_number(value) || coalesce(' [' || qualifier || ']', ''), ', ' order by entity_code) as terms,
        string_agg(cast(place as varchar), ', ' order by entity_code) as places,
        min(source_file) as source_file
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
    parent.value_low as parent_low,
    parent.value_high as parent_high,
    summed.children_total,
    summed.children_low,
    summed.children_high,
    summed.n_children,
    len(expected.all_children) as n_expected,
    list_filter(expected.all_children, lambda c: not list_contains(summed.present, c)) as missing_children,
    summed.terms,
    summed.source_file || ':' || summed.places as children_source,
    parent.provenance as parent_source
from summed
inner join expected
    on expected.child_type = summed.child_type
    and expected.parent_type = summed.parent_type
    and expected.parent_code = summed.parent_code
inner join v_concept_figure as parent
    on parent.report_year = summed.report_year
    and parent.source_kind = summed.source_kind
    and parent.entity_type = summed.parent_type
    and parent.entity_code = summed.parent_code
    and parent.concept_code = summed.indicator_code
where len(expected.all_children) > 1
