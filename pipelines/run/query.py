"""`indicators query`: one read-only statement on the warehouse, guarded.

The analysts' own Python or DuckDB connections may do what they like; this command may not
change anything. It runs exactly one `select` (or `explain`) on a read-only connection with
external access off and the configuration locked: no ATTACH, COPY, EXPORT, INSTALL or LOAD,
no reading or writing a file, no SET. A query that runs longer than its time limit, or that
the user stops with Ctrl-C, is interrupted.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    """Columns and rows of one read-only query (None for null), stopped at `timeout_s` or by
    Ctrl-C."""
    from pipelines.load.warehouse import WarehouseError

    statement = one_read_only_statement(sql)
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise WarehouseError(f"{warehouse}: no warehouse here; run `indicators build` first")
    with _ctrl_c_watched() as watch:
        con = _connect(warehouse)
        watch.connection = con
        if watch.stopped:  # Ctrl-C while connecting
            con.close()
            raise QueryStopped(_stopped(False, timeout_s))
        timer = threading.Timer(timeout_s, watch.stop, kwargs={"timed_out": True})
        timer.daemon = True
        try:
            timer.start()
            cursor = con.execute(statement)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            return QueryResult(columns, cursor.fetchall() if columns else [])
        except (duckdb.InterruptException, KeyboardInterrupt) as err:
            raise QueryStopped(_stopped(watch.timed_out, timeout_s)) from err
        except duckdb.PermissionException:
            raise QueryRefused(
                "the query reads or writes outside the warehouse (a file, another database, "
                "an extension): `indicators query` only reads the warehouse"
            ) from None
        except duckdb.Error as err:
            raise QueryFailed(str(err).strip()) from None
        except RuntimeError as err:  # how DuckDB reports some interrupts
            if "interrupted" not in str(err).lower():
                raise
            raise QueryStopped(_stopped(watch.timed_out, timeout_s)) from err
        finally:
            timer.cancel()
            watch.connection = None
            con.close()


def _connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    from pipelines.load.warehouse import WarehouseError, open_failure

    try:
        return duckdb.connect(str(warehouse), read_only=True, config=GUARDED_CONFIG)
    except duckdb.Error as err:
        raise WarehouseError(f"{warehouse}: {open_failure(err)}") from err


@dataclass
class _Watch:
    """Who stops the running query: its time limit, or Ctrl-C."""

    connection: duckdb.DuckDBPyConnection | None = None
    timed_out: bool = False
    stopped: bool = False  # asked to stop, even before the query started
    done: threading.Event = field(default_factory=threading.Event)

    def stop(self, *, timed_out: bool = False) -> None:
        self.timed_out = self.timed_out or timed_out
        self.stopped = True
        connection = self.connection  # the main thread may let go of it meanwhile
        if connection is not None:
            # closed as the query ended: nothing left to stop
            with contextlib.suppress(duckdb.Error):
                connection.interrupt()


@contextmanager
def _ctrl_c_watched() -> Iterator[_Watch]:
    """Ctrl-C interrupts the query. DuckDB's own Ctrl-C handling is off on a connection
    without external access, and Python runs a signal handler only when the main thread, busy
    in the query, comes back to it. So while the query runs, SIGINT's handler only records
    it, the interpreter writes each signal to a pipe (`signal.set_wakeup_fd`, whichever thread
    the kernel delivers it to), and a watcher thread reading that pipe interrupts the query."""
    watch = _Watch()
    usable = threading.current_thread() is threading.main_thread() and signal.getsignal(
        signal.SIGINT
    ) not in (signal.SIG_IGN, None)
    if not usable:  # ignored (nohup, a background job), or not the main thread
        yield watch
        return
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    previous_handler = signal.signal(signal.SIGINT, lambda number, frame: watch.stop())

    def wait_for_ctrl_c() -> None:
        while not watch.done.is_set():
            ready, _, _ = select.select([read_end], [], [], 0.1)
            if ready and signal.SIGINT in os.read(read_end, 64):
                watch.stop()

    watcher = threading.Thread(target=wait_for_ctrl_c, name="ctrl-c", daemon=True)
    watcher.start()
    try:
        yield watch
    finally:
        watch.done.set()
        watcher.join()
        signal.signal(signal.SIGINT, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        os.close(read_end)
        os.close(write_end)


def _stopped(timed_out: bool, timeout_s: float) -> str:
    if timed_out:
        return f"stopped after {timeout_s:g} s (raise it with --timeout SECONDS)"
    return "stopped by the user (Ctrl-C)"
