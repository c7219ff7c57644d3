"""The layering of taizhang's apps (docs/architecture.md): each app imports only the apps of lower
layers, and no two apps import each other, even through an import hidden inside a function.

The graph is read from the source with ``ast`` (module-level and function-local imports alike, and
``TYPE_CHECKING`` blocks too), so a new loop fails here before it fails at import time.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import taizhang

PACKAGE = Path(taizhang.__file__).parent

# The layers, lowest first. An app may import the apps of lower layers only; apps of one layer
# do not import each other. The modules at the package's top (settings, urls, cli, wsgi, dbcheck)
# are the project, above every app.
LAYERS: list[tuple[str, ...]] = [
    ("extract",),  # the extraction library: plain Python, nothing of Django
    ("core",),  # history, append-only, concurrency, backup, form helpers
    ("jobs",),  # the background-job record and runner; handlers are named by dotted path, never imported
    ("units",),  # the registry of units and their names
    ("accounts",),  # people, roles, access decisions, user administration
    ("policies",),  # Policy and Measure: the documents, below the tasks made of them
    ("ledger",),  # tasks, assignments, metrics, reports: the one writer of their tables
    ("supervision",),  # colours, supervision notices, reminders, scoring
    ("monitoring", "api", "enterprises"),  # dashboards and indicators; the REST API; enterprises
    ("bulletins",),  # the periodic bulletin (reads monitoring's figures)
    ("portal",),  # the public portal and blue book (reads bulletins and monitoring)
    ("devtools",),  # demo, builders, bench data, benches, buildlocales: imported by no app
    ("project",),  # settings, urls, cli, wsgi
]
RANK = {app: i for i, layer in enumerate(LAYERS) for app in layer}


def _app_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return "project" if len(parts) == 1 else parts[0]


def _imported_modules(path: Path) -> list[tuple[str, int]]:
    """(absolute module name, line) of every import in ``path``, at any depth."""
    package = ["taizhang", *path.relative_to(PACKAGE).parts[:-1]]
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
                if node.module is None:  # from . import x: x may be a module
                    found.extend((f"{module}.{alias.name}", node.lineno) for alias in node.names)
                    continue
            else:
                module = node.module or ""
            found.append((module, node.lineno))
    return found


def app_imports() -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) -> the places ("file:line") of the imports."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = _app_of(path)
        for module, line in _imported_modules(path):
            parts = module.split(".")
            if parts[0] != "taizhang" or len(parts) < 2:
                continue
            target = parts[1] if (PACKAGE / parts[1]).is_dir() else "project"
            if target != source:
                edges[(source, target)].append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return edges


def _cycles(edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one app (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_every_app_has_a_layer():
    apps = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert apps - set(RANK) == set(), "give the new app its place in LAYERS and docs/architecture.md"
    assert set(RANK) - apps - {"project"} == set(), "LAYERS names an app that is gone"


def test_no_import_loop_between_apps():
    edges = app_imports()
    loops = _cycles(edges)
    detail = [
        f"{a} -> {b}: {', '.join(places[:3])}"
        for loop in loops
        for (a, b), places in sorted(edges.items())
        if a in loop and b in loop
    ]
    assert loops == [], "import loops between apps:\n" + "\n".join(detail)


def test_no_app_imports_a_layer_above_or_beside_it():
    upward = [
        f"{a} (layer {RANK[a]}) imports {b} (layer {RANK[b]}): {', '.join(places)}"
        for (a, b), places in sorted(app_imports().items())
        if RANK[b] >= RANK[a]
    ]
    assert upward == [], "imports against the layering (docs/architecture.md):\n" + "\n".join(upward)


def test_the_reader_sees_function_local_and_relative_imports():
    """The reader itself: an import inside a function and a relative one are both edges, and a
    loop through three apps is found."""
    found = _imported_modules(PACKAGE / "ledger" / "views.py")
    assert any(m == "taizhang.ledger.access" for m, _ in found)  # from .access import ...
    local = [m for m, line in _imported_modules(PACKAGE / "cli.py") if line > 30]
    assert "taizhang.extract.bench" in local  # imported inside _bench()
    assert _cycles({("a", "b"): ["x"], ("b", "c"): ["y"], ("c", "a"): ["z"], ("c", "d"): ["w"]}) == [
        ["a", "b", "c"]
    ]


def test_every_hook_of_a_lower_app_is_answered():
    """The ways a lower app asks a higher one (docs/architecture.md) all resolve: a renamed function
    must fail here, not leave a page silently without its part."""
    from django.apps import apps
    from django.utils.module_loading import import_string

    from taizhang.ledger.parts import page_part

    paths = {
        (config.label, hook): getattr(config, hook)
        for config in apps.get_app_configs()
        for hook in ("unit_rows_mover", "unit_people", "open_work_of")
        if getattr(config, hook, None)
    }
    for path in paths.values():
        assert callable(import_string(path))
    assert ("accounts", "unit_people") in paths
    assert {("ledger", "open_work_of"), ("supervision", "open_work_of")} <= set(paths)
    for name in ("task_notices", "notices_to_answer"):
        assert page_part(name) is not None, name
