-- fr_number: a number as the report prints it and as the consistency report writes it
-- everywhere (pipelines.read.numbers.format_fr): thousands separated by a space, a decimal comma,
-- up to four decimals, no trailing zeros ("4 752", "-9 223", "14,5416", "0,5").
create or replace macro fr_number(x) as (
    case
        when x is null then null
        else regexp_replace(
            replace(replace(format('{:,.4f}', cast(x as double)), ',', ' '), '.', ','),
            ',?0+$',
            ''
        )
    end
);
