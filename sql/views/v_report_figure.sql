-- v_report_figure / v_reference_figure: v_indicator split by origin. Checks of the report's
-- own consistency read v_report_figure, so that official reference figures never stand in
-- for a figure the report states.
create or replace view v_report_figure as
select * from v_indicator where source_kind in ('text', 'pdf');

create or replace view v_reference_figure as
select * from v_indicator where source_kind = 'reference';
