-- v_statement: every place a figure is printed. Statements of one quantity (same source,
-- entity, indicator, value, qualifier and period) share a fact: `statement_rank` 1 is the
-- first in reading order, the one v_indicator shows. A year narrowed to the days an event
-- took is that year ("44 lauréats" of the year, "44 lauréats ... récompensés ... le 24
-- novembre 2022"): one fact, each statement keeping its own days.
create or replace view v_statement as
with source as (
    select
        *,
        coalesce(period_kind, 'year') as period_kind_or_year,
        coalesce(period_start, make_date(report_year, 1, 1)) as period_start_or_year,
        case when period_kind is null then make_date(report_year, 12, 31) else period_end end
            as period_end_or_year
    from fact_figure
),

keyed as (
    select
        *,
        case
            when
                period_kind_or_year = 'year'
                and year(period_start_or_year) = year(period_end_or_year)
                then cast(year(period_end_or_year) as varchar)
            else concat_ws('..', period_start, period_end)
        end as period_key
    from source
),

ranked as (
    select
        *,
        row_number() over (fact order by page nulls first, line nulls first) as statement_rank,
        count(*) over fact as statements
    from keyed
    window fact as (
        partition by
            report_year, source_kind, entity_code, indicator_code, value, unit,
            coalesce(qualifier, ''), period_kind_or_year, period_key
    )
)

select
    report_year,
    source_kind,
    entity_code,
    indicator_code,
    value,
    unit,
    qualifier,
    rounding,
    period_kind_or_year as period_kind,
    -- a stock at a date or a forecast has no start; a year runs from January to December
    case when period_kind is null then period_start_or_year else period_start end as period_start,
    period_end_or_year as period_end,
    statement_rank,
    statements,
    page,
    line,
    section,
    block,
    source_text,
    source_span,
    source_file,
    -- where to find it, one label for every check: the line of the export, the page (and
    -- paragraph) of the PDF, the file alone for a figure derived from reference files
    source_file || case
        when page is not null then ' p.' || page || coalesce(' ¶' || line, '')
        else coalesce(':' || line, '')
    end as source_ref,
    extractor,
    is_derived,
    part_of
from ranked
