"""Profile a cold and a warm build of the shipped report: seconds per step, top functions.

    .venv/bin/python scripts/profile_build.py [--top 15] [--pdf-workers 1]

The build runs in this process without Prefect (`steps.build`, the steps the flow runs as
tasks), under cProfile: first cold (an empty warehouse folder and staging cache), then warm
(the same inputs again: the staging cache serves, the warehouse is rebuilt from empty). The
documents are staged one after the other (a build stages two side by side, in threads). With
`--pdf-workers 1` (the default) the PDF pass runs in this process too, so that the profile
holds it; with 2, the page-reading processes are outside the profile and their wall time
shows as waiting in the parent.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.run import steps
from pipelines.settings import REFERENCE_DIR, Settings, report_files

# the steps of a build, as `steps` names them, in the order they run
STEPS = (
    ("read report", "read_report"),
    ("extract", "extract_report"),
    ("stage (write parquet)", "write_staging"),
    ("validate", "validate_staged"),
    ("reference", "stage_reference"),
    ("load candidate", "load_candidate"),
    ("checks", "check_warehouse"),
    ("publish", "publish_gated"),
)


def _cumulative(stats: pstats.Stats, name: str) -> tuple[float, int]:
    """Cumulative seconds and calls of every function of this name."""
    seconds, calls = 0.0, 0
    table = stats.stats  # type: ignore[attr-defined]
    for (_, _, function), (_, ncalls, _, cumulative, _) in table.items():
        if function == name:
            seconds += cumulative
            calls += ncalls
    return seconds, calls


def profile(label: str, warehouse: Path, settings: Settings, top: int) -> None:
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    steps.build(report_files(), warehouse, REFERENCE_DIR, settings=settings)
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    print(f"\n== {label} build: {wall:.2f} s wall")
    for what, name in STEPS:
        seconds, calls = _cumulative(stats, name)
        print(f"  {what:<24} {seconds:7.2f} s  ({calls} call{'s' if calls != 1 else ''})")
    print(f"  top {top} functions by own time:")
    stats.sort_stats("tottime")
    rows = sorted(
        stats.stats.items(),  # type: ignore[attr-defined]
        key=lambda item: item[1][2],
        reverse=True,
    )[:top]
    for (path, line, function), (_, ncalls, own, cumulative, _) in rows:
        where = f"{Path(path).name}:{line}" if line else path
        print(f"    {own:7.2f} s own {cumulative:7.2f} s cum {ncalls:>9}  {function} ({where})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="functions listed per build")
    parser.add_argument("--pdf-workers", type=int, default=1, help="processes reading the PDF")
    args = parser.parse_args()
    # cProfile follows one thread: the documents are staged one after the other here
    steps.DOCUMENT_THREADS = 1
    with tempfile.TemporaryDirectory(prefix="profile-") as folder:
        warehouse = Path(folder) / "indicators.duckdb"
        settings = Settings(pdf_workers=max(1, args.pdf_workers))
        profile("cold", warehouse, settings, args.top)
        profile("warm (unchanged inputs)", warehouse, settings, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
