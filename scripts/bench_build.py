"""What a build costs against what its work costs: whole commands, interleaved, medians.

    .venv/bin/python scripts/bench_build.py [--runs 3]   (`make bench`)

Each round runs, one after the other, in fresh processes:

- the naive pass: pdfplumber's `extract_text` and `extract_tables` on every page of the
  shipped PDF, in one process (what reading the report costs with no structure at all);
- a cold `indicators build` on a running Prefect server (a new warehouse folder and an
  empty staging cache: text, PDF and reference read, loaded, checked, published);
- the same build again, nothing changed (the published warehouse stands);
- a flow of one empty task on the same server (a command's fixed cost);
- `indicators build --report /nonexistent.pdf` (an argument refused before any server);
- a cold build on a temporary server (no PREFECT_API_URL: a newcomer's first command; its
  home migrated once before the rounds).

It prints each command's median wall and CPU seconds (the process and its children) with
the spread, then the ratios the build is held to, all from this one run; and the share of
the cold build spent reading the PDF (read alone, in this process, 2 page-reading processes).
Times vary with the machine's load: compare the ratios, taken in the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.settings import shipped_reports  # noqa: E402

PDF = shipped_reports()[1]
# the command line of this tree (not of whichever checkout the environment was installed from)
INDICATORS = [sys.executable, "-m", "pipelines.run.cli"]

NAIVE_PASS = f"""
import pdfplumber
with pdfplumber.open({str(PDF)!r}) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.extract_tables()
        page.close()
"""

# the French parse of the shipped report's sentences, in a fresh process (the model loaded
# when a sentence is missing from the cache file given): prints its seconds
PARSE = """
import sys, time
start = time.perf_counter()
from pathlib import Path
from pipelines.extract.parse import ParseCache
from pipelines.read.text_export import read_text_export
from pipelines.settings import shipped_reports
lines = [line.text for _, line in read_text_export(shipped_reports()[0]).lines()]
begin = time.perf_counter()
cache = ParseCache(Path(sys.argv[1]))
cache.parse_all(lines)
print(time.perf_counter() - begin, cache.parsed)
"""

EMPTY_FLOW = """
from prefect import flow, task
import pipelines.run.flows
@task
def nothing():
    return 1
@flow
def empty():
    return nothing()
empty()
"""


def timed(command: list[str], env: dict[str, str], expect: int = 0) -> tuple[float, float]:
    """Wall and CPU seconds (the process and every child it waited for) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != expect:
        raise SystemExit(
            f"{' '.join(command)} exited {done.returncode}, not {expect}:\n{done.stderr[-2000:]}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def describe(values: list[float]) -> str:
    return (
        f"{statistics.median(values):6.2f} s "
        f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds of every command")
    args = parser.parse_args()
    from pipelines.run.server import free_port, running_server

    base = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "INDICATORS_"))}
    base["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    base["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "300"
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        temporary = {**base, "PREFECT_HOME": str(work / "temporary-home")}
        timed([sys.executable, "-c", EMPTY_FLOW], temporary)  # migrates that home once
        with running_server(free_port(), home=work / "server-home", ui=False) as api_url:
            served = {**base, "PREFECT_HOME": str(work / "client-home"), "PREFECT_API_URL": api_url}
            unchanged = work / "unchanged" / "indicators.duckdb"
            build = [*INDICATORS, "build", "--warehouse"]
            timed([*build, str(unchanged)], served)  # the warehouse the unchanged build finds

            def cold(name: str) -> list[str]:
                folder = work / name
                shutil.rmtree(folder, ignore_errors=True)  # a new warehouse, staging cache
                return [*build, str(folder / "indicators.duckdb")]

            commands = {
                "naive pdfplumber pass": lambda: ([sys.executable, "-c", NAIVE_PASS], base, 0),
                "cold build, running server": lambda: (cold("cold"), served, 0),
                "unchanged build, running server": lambda: ([*build, str(unchanged)], served, 0),
                "empty flow, running server": lambda: (
                    [sys.executable, "-c", EMPTY_FLOW],
                    served,
                    0,
                ),
                "bad argument (--report missing)": lambda: (
                    [*INDICATORS, "build", "--report", "/nonexistent.pdf"],
                    temporary,
                    3,
                ),
                "cold build, temporary server": lambda: (cold("cold-temporary"), temporary, 0),
            }
            walls: dict[str, list[float]] = {name: [] for name in commands}
            cpus: dict[str, list[float]] = {name: [] for name in commands}
            for round_ in range(1, args.runs + 1):
                for name, make in commands.items():
                    command, env, expect = make()
                    wall, cpu = timed(command, env, expect)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
                print(f"round {round_}/{args.runs} done", file=sys.stderr)
        reading = pdf_share(args.runs)
        parse_cold, parse_warm = parse_share(args.runs, work / "parses.sqlite", base)

    print(f"{'command':<34} {'wall':<36} cpu")
    for name in commands:
        print(f"{name:<34} {describe(walls[name]):<36} {describe(cpus[name])}")

    def ratio(a: str, b: str, limit: str) -> None:
        wall = statistics.median(walls[a]) / statistics.median(walls[b])
        cpu = statistics.median(cpus[a]) / statistics.median(cpus[b])
        print(f"  {a} / {b}: {wall:.2f} wall, {cpu:.2f} CPU  (held to {limit})")

    print("ratios (medians of this run):")
    ratio("cold build, running server", "naive pdfplumber pass", "<= 0.5")
    ratio("unchanged build, running server", "empty flow, running server", "<= 1.2")
    ratio("cold build, temporary server", "naive pdfplumber pass", "as low as it goes")
    bad = statistics.median(walls["bad argument (--report missing)"])
    print(f"  bad argument: {bad:.2f} s  (held to < 1 s)")
    cold_build = statistics.median(walls["cold build, running server"])
    print(
        f"reading the PDF (2 processes, in this process): {describe(reading)}, "
        f"{statistics.median(reading) / cold_build:.0%} of the cold build's wall time"
    )
    print(
        f"the French parse of the text export's sentences: cold (model loaded, empty cache) "
        f"{describe(parse_cold)}, {statistics.median(parse_cold) / cold_build:.0%} of the cold "
        f"build's wall time; warm (every sentence in the cache) {describe(parse_warm)}"
    )


def parse_share(runs: int, cache: Path, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Seconds of the parse alone, in fresh processes: with an empty cache, then a full one."""
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(runs):
        cache.unlink(missing_ok=True)
        for into in (cold, warm):
            done = subprocess.run(
                [sys.executable, "-c", PARSE, str(cache)],
                env=env, cwd=ROOT, capture_output=True, text=True, check=True,
            )  # fmt: skip
            into.append(float(done.stdout.split()[0]))
    return cold, warm


def pdf_share(runs: int) -> list[float]:
    """Seconds to read the shipped PDF into the document model, as the build does."""
    from pipelines.read.pdf import read_pdf

    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        read_pdf(PDF, workers=2)
        seconds.append(time.perf_counter() - start)
    return seconds


if __name__ == "__main__":
    main()
