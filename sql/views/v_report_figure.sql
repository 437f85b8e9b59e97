-- v_primary_source: for each report (département and year), the source the report's own
-- checks read: the text export when it is loaded, else the PDF. (The two are compared with
-- each other by the check source__pdf_vs_text, so each inconsistency is listed once.)
create or replace view v_primary_source as
select
    departement_code,
    report_year,
    case when bool_or(source_kind = 'text') then 'text' else 'pdf' end as source_kind
from dim_source
where source_kind in ('text', 'pdf')
group by departement_code, report_year;

-- v_report_figure / v_reference_figure: v_indicator split by origin. Checks of the report's
-- own consistency read v_report_figure, so that official reference figures never stand in
-- for a figure the report states.
create or replace view v_report_figure as
select figure.*
from v_indicator as figure
inner join dim_entity as entity on entity.entity_code = figure.entity_code
inner join v_primary_source as primary_source
    on primary_source.departement_code = entity.departement_code
    and primary_source.report_year = figure.report_year
    and primary_source.source_kind = figure.source_kind;

create or replace view v_reference_figure as
select * from v_indicator where source_kind = 'reference';
