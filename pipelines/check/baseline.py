"""Rewrite the accepted-findings baseline (`sql/checks/accepted.yaml`) from a check run.

The file is reviewed like code: this writes what the run finds so that the diff shows it.
Entries that still match a failure keep their justification; a failure nobody has justified
yet gets an entry whose justification says `TO REVIEW` (the gate refuses such an entry until
someone writes why the finding is the report's and not ours); entries that no longer fail are
dropped. Values are written as found, so that a changed value shows in the diff.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from pipelines.check.checks import REVIEW_MARK, Accepted, CheckRun, load_baseline

HEADER = """\
# Accepted findings: known inconsistencies of the source report, reviewed one by one.
# A failing check listed here does not fail CI; one not listed does, and so does an entry
# that no longer fails (stale: remove it). Each entry says why the finding is the report's,
# not ours. Never "fix" a figure to make a check pass: list it here with its reason.
#
# check: check id (file name in sql/checks/); entity / indicator: as in v_check_result;
# year: the report year; expected / observed: the two values accepted. Another year or a
# changed value is a new finding, to be reviewed again. `indicators baseline` rewrites this
# file from a check run (new findings say TO REVIEW until someone justifies them).
"""


def _entry(accepted: Accepted) -> str:
    why = textwrap.wrap(" ".join(accepted.justification.split()), width=88)
    lines = [
        f"- check: {accepted.check_id}",
        f"  entity: {json.dumps(accepted.entity_code, ensure_ascii=False)}",
        f"  indicator: {accepted.indicator_code}",
        f"  year: {accepted.report_year}",
        f"  expected: {_value(accepted.expected)}",
        f"  observed: {_value(accepted.observed)}",
        "  why: >-",
        *(f"    {line}" for line in why),
    ]
    return "\n".join(lines)


def _value(value: float | None) -> str:
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def updated_entries(run: CheckRun, existing: list[Accepted]) -> tuple[list[Accepted], int, int]:
    """The entries the run calls for, and how many were added and dropped."""
    failing = run.results[(run.results.status == "fail") & ~run.results.check_id.isin(run.errors)]
    by_key = {(e.check_id, e.entity_code, e.indicator_code, e.report_year): e for e in existing}
    entries: list[Accepted] = []
    added = 0
    seen: set[tuple] = set()
    for row in failing.to_dict("records"):
        key = (row["check_id"], str(row["entity_code"]), str(row["indicator_code"]),
               int(row["report_year"]))  # fmt: skip
        if (*key, row["expected"], row["observed"]) in seen:
            continue  # the same count stated again fails alike: one entry accepts both
        seen.add((*key, row["expected"], row["observed"]))
        previous = by_key.get(key)
        if previous is not None:
            why = previous.justification
        else:
            why = f"{REVIEW_MARK}: {row['message']}"
            added += 1
        entries.append(Accepted(*key, row["expected"], row["observed"], why))
    kept = {(e.check_id, e.entity_code, e.indicator_code, e.report_year) for e in entries}
    dropped = sum(1 for e in existing if e.key not in kept)
    return entries, added, dropped


def write_baseline(run: CheckRun, path: Path, source: Path | None = None) -> tuple[int, int, int]:
    """Rewrite the baseline file; returns (kept, added, dropped). The justifications come
    from `source` (by default the file itself), so that a baseline written elsewhere for
    review keeps every one of them."""
    existing = load_baseline(source or path, allow_unreviewed=True)
    entries, added, dropped = updated_entries(run, existing)
    text = HEADER + "\n" + "\n\n".join(_entry(e) for e in entries) + "\n"
    Path(path).write_text(text, encoding="utf-8")
    return len(entries) - added, added, dropped
