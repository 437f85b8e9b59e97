"""`indicators site`: a static HTML site of the warehouse that works offline.

DIR/
  index.html               a one-screen summary, the charts, the territories' scorecard, then
                           the findings (collapsed by kind: errors, warnings, accepted), each
                           with both figures and where each is printed
  indicators.html          every indicator, with a search box (code, label, domain, unit)
  indicator/<code>.html    one page per indicator: its card, its values by entity, its findings
  catalogue.html           every table and view: its meaning, its columns, what it reads and
                           what reads it (lineage), and its files to download
  data/                    the release (`indicators export`): Parquet, CSV, datapackage.json,
                           a DuckDB file, linked from the pages
  plotly.min.js            the charting library, shipped beside the pages (no CDN)
  style.css

Charts are Plotly figures whose data is inlined in the page; the library is a local file, so
the site opens from a folder, a USB key or any static server, with no network.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path

import duckdb
from plotly.offline import get_plotlyjs

from pipelines.load.warehouse import connect, departements_held
from pipelines.publish.dictionary import definition, format_number, indicator_rows
from pipelines.publish.outputs import OutputFolder, open_output
from pipelines.publish.release import PUBLIC_VIEWS, Release, export

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
.finding.accepted { border-color: #8a96a3; background: #f5f6f8; }
details { margin: 0.8rem 0; } summary { cursor: pointer; font-weight: 600; font-size: 1.05rem; }
.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.8rem; margin: 1rem 0; }
.summary div { background: #f3f5f8; padding: 0.6rem 0.8rem; border-radius: 0.4rem; }
.summary b { display: block; font-size: 1.5rem; }
.verdict-pass { color: #1e7e34; } .verdict-fail { color: #c0392b; }
input.search { width: 100%; font-size: 1rem; padding: 0.4rem 0.6rem; margin: 0.5rem 0; }
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
<nav><a href="{up}index.html">Summary and charts</a><a href="{up}indicators.html">Indicators</a>
<a href="{up}catalogue.html">Tables and columns</a><a href="{up}index.html#findings">Findings</a>
<a href="{up}data/README.md">Downloads</a></nav>
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


# how a qualified figure is shown: "plus de 288 000" is "> 288 000"
QUALIFIER_SIGNS = {"at_least": "> ", "at_most": "< ", "approx": "≈ "}
# the export's inline markup that may stay in a quoted text: `1^{er}`, `**`, `<p>`
_MARKUP = re.compile(r"\^\{([^}]*)\}|\*\*|__|</?[a-z]+\s*/?>")


def _clean(text: object) -> str:
    """A quoted text as a reader reads it: `1^{er}` is `1er`, no `**` nor tags."""
    if text is None:
        return ""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", str(text)).split())


def _shown(value: float | None, qualifier: str | None = None) -> str:
    """A figure as a reader wants it: in full, at most two decimals, its qualifier first."""
    if value is None:
        return ""
    whole, _, decimals = format_number(round(value, 2)).partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f") if whole.lstrip("-").isdigit() else whole
    return QUALIFIER_SIGNS.get(qualifier or "", "") + grouped + ("," + decimals if decimals else "")


def _side(which: str, finding: dict) -> str:
    return (
        f'<div><div class="figure">{_e(_shown(finding[which]))}</div>'
        f'<div class="src">{which}: {_e(_clean(finding[which + "_source"]))}</div></div>'
    )


# the kinds of finding, worst first: how each is titled and whether it starts open
KINDS = (
    ("error", "Errors the baseline does not accept", True),
    ("warning", "Warnings", False),
    ("accepted", "Accepted findings (reviewed: the report's, not ours)", False),
)


def finding_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The comparisons of the latest run that do not hold, each with its kind and anchor."""
    rows = _rows(
        con,
        """
        select check_id, family, severity, status, accepted, justification, entity_code,
            indicator_code, expected, observed, expected_source, observed_source, message
        from v_check_result
        where status <> 'pass'
        order by status = 'warn', family, check_id, entity_code, indicator_code
        """,
    )
    for number, row in enumerate(rows, start=1):
        row["kind"] = (
            "warning" if row["status"] == "warn" else "accepted" if row["accepted"] else "error"
        )
        row["anchor"] = f"finding-{number}"
    return rows


def _findings(findings: list[dict], known: set[str]) -> str:
    parts = [
        '<h2 id="findings">Findings</h2>',
        f"<p>{len(findings)} comparisons of the latest check run do not hold: figures of the "
        "report that disagree with another figure of the report or with the official data. "
        "Each shows both figures and where each is printed.</p>",
    ]
    for kind, title, opened in KINDS:
        these = [f for f in findings if f["kind"] == kind]
        if not these:
            continue
        cards = []
        for f in these:
            accepted = (
                f'<span class="tag">accepted: {_e(f["justification"])}</span>'
                if f["accepted"]
                else ""
            )
            code = f["indicator_code"]
            link = (
                f'<a href="indicator/{_e(code)}.html">{_e(code)}</a>' if code in known else _e(code)
            )
            css = "accepted" if kind == "accepted" else _e(f["status"])
            cards.append(
                f"""<div class="finding {css}" id="{f["anchor"]}">
<div><b>{_e(f["check_id"])}</b> <span class="tag">{_e(kind)}</span> {accepted}
 · {_e(f["entity_code"])} · {link}</div>
<div class="both">{_side("expected", f)}{_side("observed", f)}</div>
<div class="src">{_e(_clean(f["message"]))}</div>
</div>"""
            )
        parts.append(
            f'<details class="kind-{kind}"{" open" if opened else ""}>'
            f"<summary>{_e(title)}: {len(these)}</summary>\n" + "\n".join(cards) + "</details>"
        )
    return "\n".join(parts)


def _summary(con: duckdb.DuckDBPyConnection, findings: list[dict], indicators: int) -> str:
    """What a visitor needs on the first screen: what is here, and does it hold."""
    figures, years = con.execute(
        "select count(*), string_agg(distinct report_year::varchar, ', ' "
        "order by report_year::varchar) "
        "from v_figure"
    ).fetchone() or (0, "")
    checks = dict(con.execute("select status, count(*) from v_check_result group by 1").fetchall())
    kinds = {kind: sum(1 for f in findings if f["kind"] == kind) for kind, _, _ in KINDS}
    verdict = (
        '<span class="verdict-fail">gate failed</span>'
        if kinds["error"]
        else '<span class="verdict-pass">gate passes</span>'
    )
    return f"""<div class="summary">
<div><b>{_e(_shown(figures))}</b>figures printed in the report ({_e(years)})</div>
<div><b>{_e(_shown(indicators))}</b><a href="indicators.html">indicators</a></div>
<div><b>{_e(_shown(sum(checks.values())))}</b>comparisons: {checks.get("pass", 0)} pass,
{checks.get("warn", 0)} warn, {checks.get("fail", 0)} fail</div>
<div><b>{verdict}</b><a href="#findings">{kinds["error"]} errors, {kinds["warning"]} warnings,
{kinds["accepted"]} accepted</a></div>
</div>
<p class="src">Download everything: <a href="data/v_figure.parquet">v_figure.parquet</a>,
<a href="data/v_figure.csv">v_figure.csv</a>, <a href="data/datapackage.json">datapackage.json</a>,
<a href="data/indicators.duckdb">indicators.duckdb</a> (DuckDB 1.0 and later); every table is
listed in the <a href="catalogue.html">catalogue</a>.</p>"""


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
                    "title": {
                        "text": "MDS activity rolled up to territories, per 1 000 inhabitants"
                    },
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


def _indicator_page(
    row: dict, figures: list[dict], reference: list[dict], findings: list[dict]
) -> str:
    code = row["indicator_code"]
    table = "".join(
        f"<tr><td>{_e(f['report_year'])}</td><td>{_e(f['entity_type'])}</td>"
        f"<td>{_e(f['entity_name'])}</td>"
        f"<td class='num'>{_e(_shown(f['value'], f['qualifier']))}</td>"
        f"<td>{_e(f['unit'])}</td><td>{_e(f['qualifier'])}</td>"
        f"<td>{'yes' if f['is_preferred'] else ''}</td><td>{_e(_clean(f['section']))}</td>"
        f"<td>{_e(f['read_from'])}: line {_e(f['text_line'])}, PDF page {_e(f['pdf_page'])}</td>"
        f"<td>“{_e(_clean(f['source_span']))}”</td></tr>"
        for f in figures
    )
    found = ""
    if findings:
        found = (
            "<h2 id='findings'>Findings about it</h2><ul>"
            + "".join(
                f"<li><a href='../index.html#{f['anchor']}'>{_e(f['check_id'])}</a> "
                f"<span class='tag'>{_e(f['kind'])}</span> {_e(f['entity_code'])}: "
                f"{_e(_clean(f['message']))}</li>"
                for f in findings
            )
            + "</ul>"
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
{found}
{chart}
<h2>Printed in the report</h2>
<table><tr><th>year</th><th>level</th><th>entity</th><th>value</th><th>unit</th><th>qualifier</th>
<th>preferred</th><th>section</th><th>where</th><th>as printed</th></tr>{table}</table>
{ref}"""
    return _page(f"{code} · {row['indicator_label']}", body, depth=1)


_SEARCH = """<script>
function filterIndicators() {
  const words = document.getElementById("search").value.toLowerCase().split(/\\s+/)
    .filter(Boolean);
  let shown = 0;
  for (const row of document.querySelectorAll("#indicators tr[data-text]")) {
    const hit = words.every(word => row.dataset.text.includes(word));
    row.hidden = !hit;
    shown += hit ? 1 : 0;
  }
  document.getElementById("shown").textContent = shown;
}
// indicators.html?q=budget opens with that search
window.addEventListener("DOMContentLoaded", () => {
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    document.getElementById("search").value = asked;
    filterIndicators();
  }
});
</script>"""


def _indicator_index(rows: list[dict]) -> str:
    def text(r: dict) -> str:
        return " ".join(
            str(r[k] or "") for k in ("indicator_code", "indicator_label", "domain", "unit")
        ).lower()

    lines = "".join(
        f"<tr data-text='{_e(text(r))}'><td><a href='indicator/{_e(r['indicator_code'])}.html'>"
        f"{_e(r['indicator_code'])}</a></td><td>{_e(r['indicator_label'])}</td>"
        f"<td>{_e(r['domain'])}</td><td>{_e(r['unit'])}</td>"
        f"<td>{_e(r['levels'])}</td><td class='num'>{_e(r['figures'])}</td></tr>"
        for r in rows
    )
    body = (
        f"<h1>Indicators</h1><p><span id='shown'>{len(rows)}</span> of {len(rows)} indicators, "
        "curated first. Search by code, label, domain or unit:</p>"
        "<input id='search' class='search' type='search' placeholder='budget, RSA, culture…' "
        "oninput='filterIndicators()' autofocus>"
        "<table class='codes' id='indicators'><tr><th>code</th><th>label</th><th>domain</th>"
        f"<th>unit</th><th>entity levels</th><th>printed figures</th></tr>{lines}</table>"
        f"{_SEARCH}"
    )
    return _page("Indicators", body)


def _lineage(con: duckdb.DuckDBPyConnection) -> tuple[list[dict], dict[str, list[str]]]:
    """Every table and view with its comment, and what each view reads (by name in its SQL)."""
    objects = _rows(
        con,
        """
        select view_name as name, 'view' as kind, comment, sql from duckdb_views()
        where not internal and schema_name = 'main'
        union all
        select table_name, 'table', comment, null from duckdb_tables() where schema_name = 'main'
        order by kind desc, name
        """,
    )
    # the public views in the order a reader meets them, then the rest
    order = {name: rank for rank, name in enumerate(PUBLIC_VIEWS)}
    objects.sort(key=lambda o: (order.get(o["name"], len(order)), o["kind"] != "view", o["name"]))
    names = [o["name"] for o in objects]
    reads = {
        o["name"]: [n for n in names if n != o["name"] and re.search(rf"\b{n}\b", o["sql"] or "")]
        for o in objects
    }
    return objects, reads


def _catalogue(con: duckdb.DuckDBPyConnection, exported: set[str]) -> str:
    objects, reads = _lineage(con)
    read_by: dict[str, list[str]] = {}
    for name, sources in reads.items():
        for source in sources:
            read_by.setdefault(source, []).append(name)
    columns = _rows(
        con,
        "select table_name, column_name, data_type, comment from duckdb_columns() "
        "where schema_name = 'main' order by table_name, column_index",
    )
    by_table: dict[str, list[dict]] = {}
    for column in columns:
        by_table.setdefault(column["table_name"], []).append(column)

    def links(names: list[str]) -> str:
        return ", ".join(f"<a href='#{_e(n)}'><code>{_e(n)}</code></a>" for n in names) or "-"

    sections = []
    for o in objects:
        name = o["name"]
        files = (
            f" · download <a href='data/{_e(name)}.parquet'>Parquet</a>, "
            f"<a href='data/{_e(name)}.csv'>CSV</a>"
            if name in exported
            else ""
        )
        rows = "".join(
            f"<tr><td><code>{_e(c['column_name'])}</code></td><td>{_e(c['data_type'])}</td>"
            f"<td>{_e(c['comment'])}</td></tr>"
            for c in by_table.get(name, [])
        )
        sections.append(
            f"<h2 id='{_e(name)}'><code>{_e(name)}</code> <span class='tag'>{o['kind']}</span>"
            f"</h2><p>{_e(o['comment'])}</p>"
            f"<p class='src'>reads: {links(reads[name])} · read by: "
            f"{links(sorted(read_by.get(name, [])))}{files}</p>"
            f"<details><summary>{len(by_table.get(name, []))} columns</summary>"
            f"<table><tr><th>column</th><th>type</th><th>meaning</th></tr>{rows}</table>"
            "</details>"
        )
    body = (
        "<h1>Tables and columns</h1><p>Every table and view of the warehouse, what it means, "
        "what it reads and what reads it. Start with <a href='#v_figure'><code>v_figure</code>"
        "</a>.</p>" + "".join(sections)
    )
    return _page("Tables and columns", body)


def build_site(warehouse: Path, output: Path, staging_dir: Path | None = None) -> list[Path]:
    """Write the site into `output`, with the release in `output/data/`; returns the HTML
    pages written."""
    folder = open_output(output, warehouse, "site", staging_dir)
    try:
        return _write_site(folder, warehouse, export(warehouse, folder.path / "data"))
    finally:
        folder.finish()  # what was written, even by a run that failed: the next one replaces it


def _write_site(folder: OutputFolder, warehouse: Path, release: Release) -> list[Path]:
    pages: list[Path] = []
    with connect(warehouse, read_only=True) as con:
        folder.remove_earlier("indicator/")  # pages of indicators gone since must not stay
        folder.write_text("plotly.min.js", get_plotlyjs())
        folder.write_text("style.css", STYLE.lstrip())
        rows = indicator_rows(con)
        findings = finding_rows(con)
        years = ", ".join(
            str(y)
            for (y,) in con.execute(
                "select distinct report_year from v_figure order by 1"
            ).fetchall()
        )
        names = " and ".join(d.name for d in departements_held(con)) or "Département"
        body = "\n".join(
            [
                f"<h1>{html.escape(names)} activity report {years}: what the figures say</h1>",
                _summary(con, findings, len(rows)),
                _charts(con),
                _scorecard(con),
                _findings(findings, {r["indicator_code"] for r in rows}),
            ]
        )
        title = f"{names} activity report"
        pages.append(folder.write_text("index.html", _page(html.escape(title), body)))
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
        about = _by_indicator(findings)
        pages.append(folder.write_text("indicators.html", _indicator_index(rows)))
        pages.append(folder.write_text("catalogue.html", _catalogue(con, set(release.tables))))
        for row in rows:
            code = row["indicator_code"]
            html_text = _indicator_page(
                row, figures.get(code, []), reference.get(code, []), about.get(code, [])
            )
            pages.append(folder.write_text(f"indicator/{code}.html", html_text))
    return pages
