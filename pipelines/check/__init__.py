"""Check: the SQL cross-checks over a warehouse, their history, the baseline and the reports."""
