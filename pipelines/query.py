"""`indicators query`: one read-only statement on the warehouse, guarded.

The analysts' own Python or DuckDB connections may do what they like; this command may not
change anything. It runs exactly one `select` (or `explain`) on a read-only connection with
external access off and the configuration locked: no ATTACH, COPY, EXPORT, INSTALL or LOAD,
no reading or writing a file, no SET. A query that runs longer than its time limit, or that
the user stops with Ctrl-C, is interrupted.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.errors import IndicatorsError

# A few seconds serve every view of the warehouse (the largest, v_indicator, answers in ms).
DEFAULT_TIMEOUT_S = 5.0
# The statement kinds a query may be: reading, and explaining how it reads.
ALLOWED_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# The connection's settings: nothing outside the warehouse file, and no way to change that.
GUARDED_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class QueryRefused(IndicatorsError):
    """The SQL is not one read-only statement: a bad argument (exit 2)."""


class QueryFailed(IndicatorsError):
    """DuckDB refused the query (syntax, unknown name, type): its whole message is kept, hints
    and caret included, for the user to correct the SQL (exit 2)."""


class QueryStopped(IndicatorsError):
    """The query ran past its time limit or was stopped with Ctrl-C."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def one_read_only_statement(sql: str) -> str:
    """The statement to run, or `QueryRefused` naming why it may not run."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as err:
        raise QueryFailed(str(err)) from None
    if len(statements) != 1:
        raise QueryRefused(
            f"give exactly one statement ({len(statements)} given); "
            "run them one `indicators query` at a time"
        )
    statement = statements[0]
    if statement.type not in ALLOWED_STATEMENTS:
        kind = statement.type.name.lower()
        raise QueryRefused(
            f"a {kind} statement is not a query: `indicators query` only reads "
            "(select, explain); open the warehouse in your own DuckDB session to change things"
        )
    return sql


def run_guarded(warehouse: Path, sql: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> QueryResult:
    """Columns and rows of one read-only query (None for null), stopped at `timeout_s`."""
    from pipelines.warehouse import WarehouseError, open_failure

    statement = one_read_only_statement(sql)
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise WarehouseError(f"{warehouse}: no warehouse here; run `indicators build` first")
    try:
        con = duckdb.connect(str(warehouse), read_only=True, config=GUARDED_CONFIG)
    except duckdb.Error as err:
        raise WarehouseError(f"{warehouse}: {open_failure(err)}") from err
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        con.interrupt()

    # the query runs in this (the main) thread, where DuckDB turns Ctrl-C into an interrupt;
    # a timer interrupts it at its time limit
    timer = threading.Timer(timeout_s, stop)
    timer.start()
    try:
        cursor = con.execute(statement)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return QueryResult(columns, cursor.fetchall() if columns else [])
    except (duckdb.InterruptException, KeyboardInterrupt) as err:
        raise QueryStopped(_stopped(timed_out.is_set(), timeout_s)) from err
    except duckdb.PermissionException:
        raise QueryRefused(
            "the query reads or writes outside the warehouse (a file, another database, an "
            "extension): `indicators query` only reads the warehouse"
        ) from None
    except duckdb.Error as err:
        raise QueryFailed(str(err).strip()) from None
    except RuntimeError as err:  # DuckDB's word for a query stopped by Ctrl-C
        if "interrupted" not in str(err).lower():
            raise
        raise QueryStopped(_stopped(timed_out.is_set(), timeout_s)) from err
    finally:
        timer.cancel()
        con.close()


def _stopped(timed_out: bool, timeout_s: float) -> str:
    if timed_out:
        return f"stopped after {timeout_s:g} s (raise it with --timeout SECONDS)"
    return "stopped by the user (Ctrl-C)"
