"""The PDF reader before and after a change, in one run: seconds per page on the same file.

The "before" reader is `pipelines/read/pdf.py` as committed at REV (default `main`),
loaded from git into a module of its own; the "after" reader is the working tree's.
Readings alternate (before, after, before, ...) so that both see the same machine load;
medians are printed. Run under `flock /tmp/heavy.lock`.

    python scripts/bench_pdf_reader.py [--rev main] [--runs 3] [PDF]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.read import pdf as after  # noqa: E402
from pipelines.settings import shipped_reports  # noqa: E402


def reader_at(rev: str):
    shown = subprocess.run(
        ["git", "show", f"{rev}:pipelines/read/pdf.py"], cwd=ROOT, capture_output=True, text=True
    )
    if shown.returncode != 0:
        sys.exit(
            f"{rev}: no pipelines/read/pdf.py (a revision before the stage folders?): compare "
            "with a revision that has it"
        )
    source = shown.stdout
    folder = Path(tempfile.mkdtemp(prefix="reader-before-"))
    path = folder / "pdf_reader_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("pdf_reader_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pdf_reader_before"] = module  # worker processes import it by name
    sys.path.insert(0, str(folder))
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=shipped_reports()[1])
    parser.add_argument("--rev", default="main")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    before = reader_at(args.rev)
    pages = after.page_count(args.pdf)
    times: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(args.runs):
        for name, module in (("before", before), ("after", after)):
            start = time.perf_counter()
            module.read_pdf(args.pdf, workers=args.workers)
            times[name].append(time.perf_counter() - start)
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:6s} ({args.rev if name == 'before' else 'working tree'}): "
            f"{median:.2f} s for {pages} pages, {median / pages:.4f} s/page "
            f"(runs: {', '.join(f'{v:.2f}' for v in values)})"
        )
    ratio = statistics.median(times["after"]) / statistics.median(times["before"])
    print(f"after / before: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
