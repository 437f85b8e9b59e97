"""Figures that come from damaged input become rejects marked `damaged:`, never facts.

Damage that a reader cannot see by itself, found in the extracted figures:

- a line cut off at the end of a text export that does not end with a line end (a truncated
  file: `4752` would be read as `47`);
- a row stated twice (the same entity, indicator, section and text at two lines: a table row
  or a key-figure line copied; not a sentence: the report repeats whole paragraphs), which
  would count the figure twice in every sum;
- a garbled number (`12 3x4`: digits and letters glued together), which would be read as
  several made-up figures.

The check `completeness__damaged_input` turns these rejects into error findings, so that the
gate refuses the build and the last good warehouse stays published.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipelines.extract.staging import REJECT_COLUMNS, StagingFrames
from pipelines.read import ends_inside_line
from pipelines.read.text_export import decode_export

DAMAGED = "damaged: "
# digits and letters glued together, then digits again; 9h30 (a time) is not damage
_GARBLED = re.compile(r"\d(?!h\d\d\b)[^\W\d_]+\d")


def _last_line_cut_off(path: Path) -> int | None:
    """The number of the last line of a text export that does not end with a line end,
    counted as its reader counts lines (`\r`, U+2028 ... end a line as `\n` does)."""
    path = Path(path)
    return ends_inside_line(decode_export(path.read_bytes(), path.name))


def damage_of(figures: pd.DataFrame, source: Path | None = None) -> pd.Series:
    """For each figure, why it comes from damaged input (an empty string when it does not)."""
    reasons = pd.Series("", index=figures.index, dtype=object)
    if figures.empty:
        return reasons
    if source is not None and Path(source).suffix.lower() == ".txt":
        last = _last_line_cut_off(source)
        if last is not None:
            cut = figures.line.eq(last).fillna(False)
            reasons[cut] = (
                f"{DAMAGED}the file ends inside line {last} (no line end): it may be cut off"
            )
    # a row is damaged by any garbled number in it; a sentence only by its figure's own
    # span (it may name a road "RD 119E1" beside a sound figure)
    sentences = figures.extractor.fillna("").str.contains("sentence")
    checked = figures.source_text.where(~sentences, figures.source_span).fillna("")
    garbled = checked.map(lambda text: _GARBLED.search(text))
    for index, match in zip(garbled.index, garbled, strict=True):
        if match is not None and not reasons[index]:
            reasons[index] = f"{DAMAGED}garbled number {match.group()!r}"
    where = figures.line.fillna(-1).astype("int64") * 100_000 + figures.page.fillna(0).astype(
        "int64"
    )
    key = ["entity_code", "indicator_code", "section", "source_text"]
    # prose may repeat itself (the report restates a paragraph); a row or a key figure may not
    rows = ~sentences
    ordered = figures[rows].assign(at=where[rows]).sort_values("at")
    first_where = ordered.groupby(key, dropna=False)["at"].transform("min")
    first_line = ordered.groupby(key, dropna=False)["line"].transform("first")
    twice = ordered.index[ordered["at"].ne(first_where)]
    for index in twice:
        if not reasons[index]:
            reasons[index] = (
                f"{DAMAGED}the same row as line {first_line[index]} (a row stated twice)"
            )
    return reasons


def screen(frames: StagingFrames, source: Path | None = None) -> StagingFrames:
    """Move the figures of damaged input to the rejects, with their reason."""
    reasons = damage_of(frames.figures, source)
    damaged = reasons.ne("")
    if not damaged.any():
        return frames
    rejects = (
        frames.figures[damaged]
        .assign(stage="extract", staging_table="stg_figure", reason=reasons[damaged])
        .reindex(columns=REJECT_COLUMNS)
    )
    parts = [df for df in (frames.rejects, rejects) if not df.empty]
    return StagingFrames(
        figures=frames.figures[~damaged].reset_index(drop=True),
        epci_mentions=frames.epci_mentions,
        councillor_mentions=frames.councillor_mentions,
        generated_indicators=frames.generated_indicators,
        blocks=frames.blocks,
        list_items=frames.list_items,
        rejects=pd.concat(parts, ignore_index=True).reindex(columns=REJECT_COLUMNS),
    )
