"""Load: validated frames into the DuckDB warehouse, its schema and comments; one writer at once."""
