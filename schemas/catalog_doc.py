"""Render the indicator catalog as Markdown (`docs/indicators.md`); a test keeps it current.

python -m schemas.catalog_doc > docs/indicators.md
"""

from __future__ import annotations

import sys

from schemas.catalog import IndicatorCatalog, load_indicator_catalog


def _where(indicator) -> str:
    if indicator.table:
        column = f", column `{indicator.column.pattern}`" if indicator.column else ""
        return f"table `{indicator.table}`, row `{indicator.row.pattern}`{column}"
    if indicator.key_figure is not None:
        if indicator.key_figure.pattern == "^$":
            return f"key-figure line: a figure in {indicator.unit} with no label after it"
        return f"key-figure line whose label matches `{indicator.key_figure.pattern}`"
    if indicator.sentences:
        return "sentence"
    return "derived (share or aside of another line)"


def render(catalog: IndicatorCatalog) -> str:
    lines = [
        "# Indicator catalog",
        "",
        "Generated from `schemas/catalog/indicators.yaml` by `python -m schemas.catalog_doc`.",
        "Curated codes only: one-off figures of the key-figure blocks get generated codes",
        "(`kf_<block>__<label>`); [data-dictionary.md](data-dictionary.md) lists every code,",
        "generated ones included, with its entities, where it is printed and an example value.",
        "",
        "| code | label | unit | domain | adds up | read from |",
        "|---|---|---|---|---|---|",
    ]
    for code, indicator in catalog.indicators.items():
        where = _where(indicator).replace("|", "\\|")
        adds_up = "yes" if indicator.additive else "no"
        lines.append(
            f"| `{code}` | {indicator.label} | {indicator.unit} | {indicator.domain} | "
            f"{adds_up} | {where} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(load_indicator_catalog()))
