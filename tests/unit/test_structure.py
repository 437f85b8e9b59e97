"""The code's shape: stages import only the stages before them, settings come from one place."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.settings import PROJECT_ROOT, Settings, SettingsError

# The data path, from the bottom up: a module may import its own layer and the ones before.
LAYERS = [
    "pipelines.errors",
    "schemas",
    "pipelines.settings",
    "pipelines.read",
    "pipelines.extract",
    "pipelines.validate",
    "pipelines.load",
    "pipelines.check",
    "pipelines.publish",
    "pipelines.run",
]
ENVIRONMENT_READERS = {"pipelines.settings", "pipelines.run.cli"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(
        [*PROJECT_ROOT.glob("pipelines/**/*.py"), *PROJECT_ROOT.glob("schemas/*.py")]
    ):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _layer(module: str) -> int:
    for rank, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return rank
    raise AssertionError(f"{module}: in no layer of the data path; add it to a stage folder")


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The project's modules a file imports (`from pipelines.load import warehouse` is the
    module pipelines.load.warehouse)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in modules}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {module: _imports(path, modules) - {module} for module, path in modules.items()}


def _upward(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} -> {imported}"
        for module, imported_set in graph.items()
        for imported in imported_set
        if _layer(imported) > _layer(module)
    )


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.get(module, ())):
            if state.get(imported) == 1:
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_module_imports_a_later_stage() -> None:
    assert _upward(_graph()) == []


def test_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_the_import_checks_find_a_planted_upward_import_and_cycle() -> None:
    """The two tests above can fail: a reader importing the warehouse, two modules importing
    each other, are found in the real graph with one edge planted."""
    graph = _graph()
    assert "pipelines.load.warehouse" in graph["pipelines.run.steps"]  # the graph is read
    planted = {
        **graph,
        "pipelines.read.pdf": graph["pipelines.read.pdf"] | {"pipelines.load.warehouse"},
    }
    assert _upward(planted) == ["pipelines.read.pdf -> pipelines.load.warehouse"]
    circle = {
        **graph,
        "pipelines.load.schema": graph["pipelines.load.schema"] | {"pipelines.load.warehouse"},
    }
    [cycle] = _cycles(circle)
    assert set(cycle) == {"pipelines.load.schema", "pipelines.load.warehouse"}


def test_only_the_settings_and_the_command_line_read_the_environment() -> None:
    readers = set()
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"environ", "getenv"}
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
            ):
                readers.add(module)
    assert readers <= ENVIRONMENT_READERS, readers - ENVIRONMENT_READERS


def _bound_twice(source: str) -> set[str]:
    """The module-level names a module's top-level statements bind more than once (an
    assignment or a def): the later silently replaces the earlier for every use after it."""
    seen: set[str] = set()
    twice: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            continue
        twice |= seen & set(names)
        seen |= set(names)
    return twice


def test_no_module_binds_a_name_twice() -> None:
    twice = {m: n for m, p in _modules().items() if (n := _bound_twice(p.read_text("utf-8")))}
    assert twice == {}
    assert _bound_twice("_A = 1\ndef f(): pass\n_A = re.compile('x')\n") == {"_A"}


def test_every_stage_says_what_it_does() -> None:
    for stage in LAYERS[3:]:
        init = PROJECT_ROOT / stage.replace(".", "/") / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 40, stage


def test_importing_every_module_reads_no_setting() -> None:
    """A bad value in the environment is an error of the run that uses it, never of an import."""
    names = [m for m in _modules() if m.startswith("pipelines")]
    env = {**os.environ, "INDICATORS_PDF_WORKERS": "many", "INDICATORS_LOCK_TIMEOUT": "soon",
           "INDICATORS_WORKERS": "x", "INDICATORS_WAREHOUSE_DIR": "/nonexistent/w"}  # fmt: skip
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    done = subprocess.run(
        [sys.executable, "-c", code, *names], env=env, cwd=PROJECT_ROOT, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]


def test_settings_come_from_arguments_over_the_environment_over_the_defaults() -> None:
    environ = {
        "INDICATORS_WAREHOUSE_DIR": "/data/w",
        "INDICATORS_PDF_WORKERS": "3",
        "INDICATORS_LOCK_TIMEOUT": "5.5",
        "INDICATORS_CHECK_HISTORY_RUNS": "0",
    }
    settings = Settings.from_environment(environ, lock_timeout_s=9.0, workers=None)
    assert settings.warehouse == Path("/data/w/indicators.duckdb")
    assert (settings.pdf_workers, settings.lock_timeout_s, settings.workers) == (3, 9.0, None)
    assert settings.check_history_runs == 1  # at least the run just written
    assert settings.staging_for(settings.warehouse) == Path("/data/w/staging")
    defaults = Settings.from_environment({})
    assert defaults.warehouse == PROJECT_ROOT / "warehouse" / "indicators.duckdb"
    assert defaults.check_history_runs == 100 and defaults.lock_timeout_s == 120
    assert (
        Settings.from_environment({"INDICATORS_CHECK_HISTORY_RUNS": "lots"}).check_history_runs
        == 100
    )


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        (
            {"INDICATORS_PDF_WORKERS": "many"},
            "INDICATORS_PDF_WORKERS='many': expected a whole number",
        ),
        ({"INDICATORS_WORKERS": "-1"}, "INDICATORS_WORKERS='-1': expected a number of at least 0"),
        ({"INDICATORS_SERVER_STARTUP_TIMEOUT": "0"}, "expected a number above 0"),
        (
            {"INDICATORS_LOCK_TIMEOUT": "soon"},
            "INDICATORS_LOCK_TIMEOUT='soon': expected a number of seconds",
        ),
    ],
)
def test_a_bad_setting_names_its_variable(environ: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(")):
        Settings.from_environment(environ)


def test_a_folder_given_for_the_warehouse_is_refused(tmp_path) -> None:
    with pytest.raises(SettingsError, match=r"is a folder; give the path of a \.duckdb file"):
        Settings.from_environment({}, warehouse=tmp_path)


def test_the_task_runner_comes_from_the_settings_not_from_the_import() -> None:
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    from pipelines.run.flows import build_warehouse, flow_for

    assert isinstance(build_warehouse.task_runner, ThreadPoolTaskRunner)
    assert build_warehouse.task_runner._max_workers == 2  # two threads unless told
    single = flow_for(Settings(workers=1)).task_runner
    assert isinstance(single, ThreadPoolTaskRunner) and single._max_workers == 1
    pooled = flow_for(Settings(workers=2)).task_runner
    assert isinstance(pooled, ProcessPoolTaskRunner) and pooled._max_workers == 2
    assert isinstance(build_warehouse.task_runner, ThreadPoolTaskRunner)  # the module's unchanged


def test_the_pdf_readers_thresholds_are_named_settings() -> None:
    """No threshold as a bare number inside the PDF reader's functions: no fraction, and no
    number compared with, but 0, 1, 2 and the 99 of "no gap yet"; each threshold is a field of
    `LayoutSettings`, with why it is where it is (rotations and the last character of Unicode's
    basic plane are no thresholds)."""
    allowed = {0, 1, 2, 99, 90, 270, 0xFFFF}
    bare = []
    for name in ("pdf.py", "pdf_layout.py"):
        tree = ast.parse((PROJECT_ROOT / "pipelines" / "read" / name).read_text(encoding="utf-8"))
        settings = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and node.name == "LayoutSettings"
            for inner in ast.walk(node)
        }
        indices = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Subscript)
            for inner in ast.walk(node.slice)
        }
        compared = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Compare)
            for inner in ast.walk(node)
            if id(inner) not in indices
        }
        bare += [
            f"{name}:{node.lineno} {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and type(node.value) in (int, float)
            and node.value not in allowed
            and id(node) not in settings
            and (isinstance(node.value, float) or id(node) in compared)
        ]
    assert bare == []
