"""Print the build's timings: each step (median of several runs) and a cold `indicators build`.

Run with `make bench`. Times vary with the machine's load; compare medians and ratios taken in
the same run rather than absolute figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import steps  # noqa: E402
from pipelines import warehouse as wh  # noqa: E402
from pipelines.extract.report import extract_report  # noqa: E402
from pipelines.paths import DEFAULT_REPORTS  # noqa: E402
from pipelines.readers.text_export import read_text_export  # noqa: E402
from pipelines.staging import to_staging  # noqa: E402
from pipelines.validate import validate_staging  # noqa: E402
from schemas.catalog import load_entity_catalog, load_indicator_catalog  # noqa: E402


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per step (median reported)")
    parser.add_argument("--cold-builds", type=int, default=3, help="cold CLI builds to time")
    args = parser.parse_args()

    report = DEFAULT_REPORTS[0]
    indicators, entities = load_indicator_catalog(), load_entity_catalog()
    document = read_text_export(report)
    extraction = extract_report(document, indicators, entities)
    frames = to_staging(document, extraction)

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "indicators.duckdb"
        staged = steps.validate_staged(steps.stage_report(report, Path(tmp) / "staging"))

        def load_check_publish() -> None:
            candidate = steps.load_candidate([staged], target)
            steps.check_warehouse(candidate)
            wh.publish(candidate, target)

        rows = [
            ("read text export", median_ms(lambda: read_text_export(report), args.runs)),
            (
                "extract",
                median_ms(lambda: extract_report(document, indicators, entities), args.runs),
            ),
            ("validate (pandera)", median_ms(lambda: validate_staging(frames), args.runs)),
            ("load + check + publish", median_ms(load_check_publish, args.runs)),
        ]
        cold = []
        for i in range(args.cold_builds):
            out = Path(tmp) / f"cold-{i}.duckdb"
            start = time.perf_counter()
            subprocess.run(
                [str(Path(sys.executable).parent / "indicators"), "build", "--warehouse", str(out)],
                check=True,
                capture_output=True,
            )
            cold.append(time.perf_counter() - start)

    print(f"figures: {len(extraction.figures)}, lines read: {sum(1 for _ in document.lines())}")
    for name, ms in rows:
        print(f"{name:<28} {ms:9.1f} ms  (median of {args.runs})")
    if cold:
        print(
            f"{'cold indicators build':<28} {statistics.median(cold):9.1f} s   "
            f"(median of {len(cold)}; min {min(cold):.1f} s, max {max(cold):.1f} s)"
        )


if __name__ == "__main__":
    main()
