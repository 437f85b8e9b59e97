"""One writer per warehouse, and a swap that never replaces a file someone is writing.

Every command that writes a warehouse (`indicators build`; `indicators check` only reads it)
holds an exclusive lock on `<warehouse>.lock` for its whole run. A second writer waits up to a
timeout (`--lock-timeout`, or `INDICATORS_LOCK_TIMEOUT`, default 120 s), then fails with a
message naming the holder, which the holder writes into the lock file. The lock is the kernel's
(`flock`), so a killed build releases it.

Tools outside this project (an analyst's `duckdb` shell opened read-write, a notebook) do not
take that lock. DuckDB itself takes a POSIX record lock on the database file: a write lock
for a read-write connection, a read lock for a read-only one. `writer_of` asks the kernel who
holds a write lock, so a build neither copies nor replaces a file open for writing. Readers
hold read locks, which never block a build: they keep reading the file they opened, and the
swap gives new readers the new file.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import struct
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from pipelines.errors import IndicatorsError
from pipelines.settings import Settings

DEFAULT_LOCK_TIMEOUT = Settings.lock_timeout_s  # a run passes its own (INDICATORS_LOCK_TIMEOUT)
_POLL_SECONDS = 0.2
# how long the holder of a warehouse's lock waits for other writers (tasks may run in threads)
_WAITS: dict[Path, float] = {}


class WarehouseBusy(IndicatorsError):
    """Another process writes the warehouse; the message names it."""


def lock_path(warehouse: Path) -> Path:
    return Path(warehouse).with_name(f"{Path(warehouse).name}.lock")


def _describe_self(purpose: str) -> str:
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} on {socket.gethostname()} ({purpose}, since {started})"


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "another process"


@contextlib.contextmanager
def writer_lock(warehouse: Path, *, purpose: str, timeout: float | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock; wait up to `timeout` seconds for it."""
    warehouse = Path(warehouse)
    timeout = DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(warehouse)
    note = _describe_self(purpose).encode()

    def write_note(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.pwrite(fd, note, 0)

    lock = FileLock(str(path), timeout=timeout, on_acquired=write_note, fallback_to_soft=False)
    try:
        lock.acquire()
    except Timeout:
        raise WarehouseBusy(
            f"{warehouse}: locked by {_holder(path)}; waited {timeout:g} s "
            "(raise --lock-timeout to wait longer)"
        ) from None
    _WAITS[warehouse.resolve()] = timeout
    try:
        yield
    finally:
        _WAITS.pop(warehouse.resolve(), None)
        lock.release()


# struct flock of Linux and the BSDs as Python's fcntl documentation packs it
_FLOCK = "hhqqi" if sys.platform.startswith("linux") else "qqihh"


def writer_of(path: Path) -> str | None:
    """Who holds a write lock on `path` (a read-write DuckDB connection), or None.

    F_GETLK asks the kernel without taking anything; it sees other processes' locks only,
    which is what we want (our own connections are closed before we copy or swap).
    """
    if not Path(path).is_file() or not sys.platform.startswith("linux"):
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, probe))
    finally:
        os.close(fd)
    kind, pid = answer[0], answer[4]
    if kind != fcntl.F_WRLCK:
        return None  # no lock, or read locks only (readers)
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        command = ""
    return f"pid {pid}" + (f" ({command[:80]})" if command else "")


def wait_for_no_writer(path: Path, *, timeout: float | None = None) -> None:
    """Wait until no other process holds `path` open for writing, or fail naming it; by
    default as long as the holder of the warehouse's lock was told to wait for it."""
    if timeout is None:
        timeout = _WAITS.get(Path(path).resolve(), DEFAULT_LOCK_TIMEOUT)
    deadline = time.monotonic() + timeout
    while (holder := writer_of(path)) is not None:
        if time.monotonic() >= deadline:
            raise WarehouseBusy(
                f"{path}: open for writing by {holder}; waited {timeout:g} s; "
                "close that connection (or open it read-only) and build again"
            )
        time.sleep(_POLL_SECONDS)


def fingerprint(path: Path) -> dict:
    """What identifies the state of a warehouse file and its write-ahead log."""
    result: dict[str, list[int] | None] = {}
    for name, candidate in (("file", Path(path)), ("wal", Path(f"{path}.wal"))):
        try:
            stat = candidate.stat()
            result[name] = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
        except FileNotFoundError:
            result[name] = None
    return result


def write_fingerprint(candidate: Path, warehouse: Path) -> None:
    Path(f"{candidate}.base").write_text(json.dumps(fingerprint(warehouse)), encoding="utf-8")


def changed_since_copy(candidate: Path, warehouse: Path) -> bool:
    """True when the live warehouse was written after the candidate was made beside it (and
    read its analyst tables)."""
    base = Path(f"{candidate}.base")
    if not base.is_file():
        return False
    return json.loads(base.read_text(encoding="utf-8")) != fingerprint(warehouse)


@contextlib.contextmanager
def no_new_writer(path: Path) -> Iterator[None]:
    """Hold a read lock on `path` (if it exists): no one can open it read-write meanwhile."""
    if not Path(path).is_file():
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            raise WarehouseBusy(f"{path}: open for writing by {writer_of(path)}") from None
        yield
    finally:
        os.close(fd)
