"""Indicator warehouse of a département's yearly activity report.

One path for the data, one folder per stage, each importing only the stages before it:

    read      source files -> document model (`read.document`), reference files -> frames
    extract   document model -> records with provenance -> staging frames
    validate  staging frames -> validated frames (pandera) and rejected rows with reasons
    load      validated frames -> the DuckDB warehouse (schema, comments, writer lock)
    check     warehouse -> SQL cross-checks, their history, the consistency report
    publish   a checked warehouse -> the published file, exports, the static site
    run       the Prefect flow and its steps, the server, the command line

`errors` (the one base of every foreseen error) and `settings` (paths and the settings
object built from arguments and the environment) sit below every stage.
"""
