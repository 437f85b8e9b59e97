"""`indicators site`: a static HTML site of the warehouse that works offline.

DIR/
  index.html               the findings first (each with both figures and where each is
                           printed), then the charts, then the territories' scorecard
  indicators.html          every indicator, with a link to its page
  indicator/<code>.html    one page per indicator: its card and its values by entity
  plotly.min.js            the charting library, shipped beside the pages (no CDN)
  style.css

Charts are Plotly figures whose data is inlined in the page; the library is a local file, so
the site opens from a folder, a USB key or any static server, with no network.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

import duckdb
from plotly.offline import get_plotlyjs

from pipelines.dictionary import definition, format_number, indicator_rows
from pipelines.outputs import open_output
from pipelines.warehouse import connect

STYLE = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem;
       color: #1d2733; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #d9dee5; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #e3e7ec; padding: 0.3rem 0.45rem; text-align: left;
         vertical-align: top; }
th { background: #f3f5f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border-left: 4px solid #c0392b; background: #fbf3f2; margin: 0.6rem 0;
           padding: 0.5rem 0.8rem; }
.finding.warn { border-color: #d68910; background: #fdf7ec; }
.finding .both { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8rem; }
.finding .figure { font-size: 1.3rem; font-weight: 600; }
.src { color: #5b6572; font-size: 0.8rem; }
.tag { font-size: 0.75rem; padding: 0.05rem 0.4rem; border-radius: 0.6rem; background: #e8ecf1; }
.chart { min-height: 380px; }
nav a { margin-right: 1rem; }
table.codes td:first-child { max-width: 20rem; overflow-wrap: anywhere; }
table.codes td:nth-child(2) { min-width: 18rem; }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    script = f'<script src="{up}plotly.min.js"></script>\n' if 'class="chart"' in body else ""
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<link rel="stylesheet" href="{up}style.css">
<link rel="icon" href="data:,">
{script}</head>
<body>
<nav><a href="{up}index.html">Findings and charts</a><a href="{up}indicators.html">Indicators</a>
</nav>
{body}
</body>
</html>
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list[dict]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _chart(data: list[dict], layout: dict, div_id: str) -> str:
    """A Plotly chart: its data and layout inlined as JSON, drawn by the local plotly.min.js."""
    layout = {
        "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
        "height": 380,
        "font": {"family": "system-ui, sans-serif"},
        "plot_bgcolor": "white",
        "yaxis": {"gridcolor": "#e3e7ec"},
        **layout,
    }
    spec = json.dumps([data, layout, {"displaylogo": False, "responsive": True}])
    spec = spec.replace("</", "<\\/")  # never close the script element from inside the JSON
    return (
        f'<div class="chart" id="{div_id}"></div>\n'
        f"<script>Plotly.newPlot({json.dumps(div_id)}, ...{spec});</script>"
    )


def _shown(value: float | None) -> str:
    """A figure as a reader wants it: in full, at most two decimals."""
    if value is None:
        return ""
    whole, _, decimals = format_number(round(value, 2)).partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f") if whole.lstrip("-").isdigit() else whole
    return grouped + ("," + decimals if decimals else "")


def _side(which: str, finding: dict) -> str:
    return (
        f'<div><div class="figure">{_e(_shown(finding[which]))}</div>'
        f'<div class="src">{which}: {_e(finding[which + "_source"])}</div></div>'
    )


def _findings(con: duckdb.DuckDBPyConnection, known: set[str]) -> str:
    findings = _rows(
        con,
        """
        select check_id, family, severity, status, accepted, justification, entity_code,
            indicator_code, expected, observed, expected_source, observed_source, message
        from v_check_result
        where status <> 'pass'
        order by status = 'warn', family, check_id, entity_code, indicator_code
        """,
    )
    parts = [
        '<h2 id="findings">Findings</h2>',
        f"<p>{len(findings)} comparisons of the latest check run do not hold: figures of the "
        "report that disagree with another figure of the report or with the official data. "
        "Each shows both figures and where each is printed.</p>",
    ]
    for f in findings:
        accepted = (
            f'<span class="tag">accepted: {_e(f["justification"])}</span>' if f["accepted"] else ""
        )
        code = f["indicator_code"]
        link = f'<a href="indicator/{_e(code)}.html">{_e(code)}</a>' if code in known else _e(code)
        parts.append(
            f"""<div class="finding {_e(f["status"])}">
<div><b>{_e(f["check_id"])}</b> <span class="tag">{_e(f["status"])}</span> {accepted}
 · {_e(f["entity_code"])} · {link}</div>
<div class="both">{_side("expected", f)}{_side("observed", f)}</div>
<div class="src">{_e(f["message"])}</div>
</div>"""
        )
    return "\n".join(parts)


def _charts(con: duckdb.DuckDBPyConnection) -> str:
    card = _rows(con, "select * from v_territory_scorecard order by territory_name")
    names = [r["territory_name"] for r in card]
    shares = []
    for column, label in (
        ("population", "inhabitants"),
        ("road_length_km", "km of departmental roads"),
        ("colleges_count", "collèges"),
    ):
        total = sum(r[column] or 0 for r in card) or 1
        shares.append(
            {
                "type": "bar",
                "name": label,
                "x": names,
                "y": [round(100 * (r[column] or 0) / total, 1) for r in card],
            }
        )
    rates = [
        {"type": "bar", "name": label, "x": names, "y": [r[column] for r in card]}
        for column, label in (
            ("rsa_allocataires_per_1000", "RSA allocataires"),
            ("apa_home_beneficiaries_per_1000", "APA at home"),
            ("pch_beneficiaries_per_1000", "PCH"),
        )
    ]
    status = _rows(
        con,
        "select family, status, count(*) as n from v_check_result group by all order by family",
    )
    families = sorted({r["family"] for r in status})
    checks = []
    for state, colour in (("pass", "#2e86c1"), ("warn", "#d68910"), ("fail", "#c0392b")):
        counts = {r["family"]: r["n"] for r in status if r["status"] == state}
        checks.append(
            {
                "type": "bar",
                "name": state,
                "x": families,
                "y": [counts.get(f, 0) for f in families],
                "marker": {"color": colour},
            }
        )
    derived = [r["territory_name"] for r in card if r["includes_derived_residual"]]
    note = (
        f"<p class='src'>MDS figures of {_e(', '.join(derived))} include the derived residual "
        "of an MDS whose table is missing (department total minus the MDS present).</p>"
        if derived
        else ""
    )
    return "\n".join(
        [
            '<h2 id="charts">Charts</h2>',
            _chart(
                shares,
                {
                    "title": {"text": "Territory shares of the seven territories' total (%)"},
                    "yaxis": {"title": {"text": "% of total"}, "gridcolor": "#e3e7ec"},
                },
                "chart-shares",
            ),
            _chart(
                rates,
                {
                    "title": {"text": "MDS activity per 1 000 inhabitants (official population)"},
                    "yaxis": {"title": {"text": "per 1 000 inhabitants"}, "gridcolor": "#e3e7ec"},
                },
                "chart-mds-rates",
            ),
            note,
            _chart(
                checks,
                {
                    "title": {"text": "Check results by family, latest run (% of comparisons)"},
                    "barmode": "stack",
                    "barnorm": "percent",
                    "yaxis": {"title": {"text": "% of the family's comparisons"}},
                },
                "chart-checks",
            ),
        ]
    )


def _scorecard(con: duckdb.DuckDBPyConnection) -> str:
    columns = (
        ("territory_name", "territory"),
        ("population", "inhabitants (profile)"),
        ("reference_population", "inhabitants (official)"),
        ("area_km2", "km²"),
        ("colleges_count", "collèges"),
        ("road_length_km", "km of roads"),
        ("rsa_allocataires_count", "RSA allocataires"),
        ("rsa_allocataires_per_1000", "RSA per 1 000"),
    )
    card = _rows(con, "select * from v_territory_scorecard order by territory_name")
    head = "".join(f"<th>{_e(label)}</th>" for _, label in columns)

    def cell(row: dict, column: str) -> str:
        if column == "territory_name":
            return f"<td>{_e(row[column])}</td>"
        star = "*" if column.startswith("rsa") and row["includes_derived_residual"] else ""
        return f"<td class='num'>{_e(_shown(row[column]))}{star}</td>"

    body = "".join("<tr>" + "".join(cell(r, c) for c, _ in columns) + "</tr>" for r in card)
    return (
        "<h2 id='territories'>Territories</h2>"
        "<p class='src'>v_territory_scorecard; * includes a derived residual.</p>"
        f"<table><tr>{head}</tr>{body}</table>"
    )


def _by_indicator(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["indicator_code"], []).append(row)
    return grouped


def _indicator_page(row: dict, figures: list[dict], reference: list[dict]) -> str:
    code = row["indicator_code"]
    table = "".join(
        f"<tr><td>{_e(f['report_year'])}</td><td>{_e(f['entity_type'])}</td>"
        f"<td>{_e(f['entity_name'])}</td><td class='num'>{_e(_shown(f['value']))}</td>"
        f"<td>{_e(f['unit'])}</td><td>{_e(f['qualifier'])}</td>"
        f"<td>{'yes' if f['is_preferred'] else ''}</td><td>{_e(f['section'])}</td>"
        f"<td>{_e(f['read_from'])}: line {_e(f['text_line'])}, PDF page {_e(f['pdf_page'])}</td>"
        f"<td>“{_e(f['source_span'])}”</td></tr>"
        for f in figures
    )
    chart = ""
    by_entity = [f for f in figures if f["is_preferred"] and f["entity_type"] != "department"]
    if len(by_entity) > 1:
        bars = {
            "type": "bar",
            "x": [f["entity_name"] for f in by_entity],
            "y": [f["value"] for f in by_entity],
            "name": code,
        }
        title = {"text": f"{row['indicator_label']} ({row['unit']})"}
        chart = _chart([bars], {"title": title}, "chart-indicator")
    ref = ""
    if reference:
        ref = "<h2>Official reference data</h2><table>"
        ref += "<tr><th>year</th><th>entity</th><th>value</th></tr>"
        ref += "".join(
            f"<tr><td>{_e(r['report_year'])}</td><td>{_e(r['entity_name'])}</td>"
            f"<td class='num'>{_e(_shown(r['value']))} {_e(r['unit'])}</td></tr>"
            for r in reference
        )
        ref += "</table>"
    concept = row.get("concept_code")
    same = (
        f' · same quantity as <a href="{_e(concept)}.html"><code>{_e(concept)}</code></a>'
        if concept
        else ""
    )
    body = f"""<h1><code>{_e(code)}</code>: {_e(row["indicator_label"])}</h1>
<p>{_e(definition(row))}</p>
<p>unit <b>{_e(row["unit"])}</b> · domain {_e(row["domain"])} ·
{"curated" if row["is_curated"] else "generated"} · entity levels: {_e(row["levels"])}{same}</p>
{chart}
<h2>Printed in the report</h2>
<table><tr><th>year</th><th>level</th><th>entity</th><th>value</th><th>unit</th><th>qualifier</th>
<th>preferred</th><th>section</th><th>where</th><th>as printed</th></tr>{table}</table>
{ref}"""
    return _page(f"{code} · {row['indicator_label']}", body, depth=1)


def _indicator_index(rows: list[dict]) -> str:
    lines = "".join(
        f"<tr><td><a href='indicator/{_e(r['indicator_code'])}.html'>{_e(r['indicator_code'])}</a>"
        f"</td><td>{_e(r['indicator_label'])}</td><td>{_e(r['unit'])}</td>"
        f"<td>{_e(r['levels'])}</td><td class='num'>{_e(r['figures'])}</td></tr>"
        for r in rows
    )
    body = (
        f"<h1>Indicators</h1><p>{len(rows)} indicators, curated first.</p>"
        "<table class='codes'><tr><th>code</th><th>label</th><th>unit</th><th>entity levels</th>"
        f"<th>printed figures</th></tr>{lines}</table>"
    )
    return _page("Indicators", body)


def build_site(warehouse: Path, output: Path) -> list[Path]:
    """Write the site into `output`; returns the HTML pages written."""
    folder = open_output(output, warehouse, "site")
    pages: list[Path] = []
    with connect(warehouse, read_only=True) as con:
        folder.remove_earlier("indicator/")  # pages of indicators gone since must not stay
        folder.write_text("plotly.min.js", get_plotlyjs())
        folder.write_text("style.css", STYLE.lstrip())
        rows = indicator_rows(con)
        years = ", ".join(
            str(y)
            for (y,) in con.execute(
                "select distinct report_year from v_figure order by 1"
            ).fetchall()
        )
        body = "\n".join(
            [
                f"<h1>Pas-de-Calais activity report {years}: what the figures say</h1>",
                "<p>Every figure of the report is in the warehouse (<code>v_figure</code>). "
                "Below: where the report disagrees with itself or with the official data, then "
                "charts, then the territories side by side.</p>",
                _findings(con, {r["indicator_code"] for r in rows}),
                _charts(con),
                _scorecard(con),
            ]
        )
        pages.append(
            folder.write_text("index.html", _page("Pas-de-Calais activity report: findings", body))
        )
        figures = _by_indicator(
            _rows(
                con,
                """
                select indicator_code, report_year, entity_type, entity_name, value, unit,
                    qualifier, is_preferred, read_from, text_line, pdf_page, section, source_span
                from v_figure
                order by report_year, entity_type <> 'department', entity_type, entity_name,
                    statement_rank
                """,
            )
        )
        reference = _by_indicator(
            _rows(
                con,
                "select indicator_code, report_year, entity_type, entity_name, value, unit "
                "from v_reference_figure where entity_type in ('department', 'territory') "
                "order by report_year, entity_type <> 'department', entity_name",
            )
        )
        pages.append(folder.write_text("indicators.html", _indicator_index(rows)))
        for row in rows:
            code = row["indicator_code"]
            html_text = _indicator_page(row, figures.get(code, []), reference.get(code, []))
            pages.append(folder.write_text(f"indicator/{code}.html", html_text))
    folder.finish()
    return pages
