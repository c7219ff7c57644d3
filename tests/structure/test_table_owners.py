"""One writer per table: the rows of the ledger's tables (tasks, assignments, metrics, reports...)
are written by the ledger app only; every other app calls the ledger's functions.

Read from the source with ``ast``: a call of a writing method (``create``, ``save``, ``update``,
``delete``, ``bulk_*``, ``get_or_create``, ``update_or_create``) on a chain that starts at a ledger
model (by any name it is imported as) or passes through a relation to one (``policy.tasks``,
``task.assignments``, ``unit.reports``...), outside taizhang/ledger.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

import taizhang

PACKAGE = Path(taizhang.__file__).parent
OWNER = "ledger"
WRITES = frozenset(
    {"create", "save", "update", "delete", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
)
# Generators of developer data that write in bulk, faster than any action could: the province-sized
# bench ledger. They are tools, not the product (docs/architecture.md).
ALLOWED = {"devtools/benchdata.py"}


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


# What a ledger row is usually called in a variable: ``task.save()``, ``report.delete()``.
ROW_NAMES = frozenset(
    {"task", "tasks", "report", "reports", "assignment", "assignments", "metric", "metrics"}
)


def _owned_models() -> set[str]:
    return {model.__name__ for model in apps.get_app_config(OWNER).get_models()}


def _relations_to_owned() -> set[str]:
    """The accessors that reach a ledger model from another row: reverse relations (related_name)
    of the ledger's foreign keys, and forward relations of other apps to ledger models."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if related is None or not field.is_relation:
                continue
            if field.auto_created and not field.concrete:  # a reverse accessor on ``model``
                if related._meta.app_label == OWNER and model._meta.app_label != OWNER:
                    names.add(field.get_accessor_name())
    return names - {"+"}


def _chain(node: ast.AST) -> list[str]:
    """The names along ``a.b(...).c`` from its root: ["a", "b", "c"]."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


def ledger_writes_outside_ledger() -> list[str]:
    owned = _owned_models()
    relations = _relations_to_owned()
    rows = ROW_NAMES | {_snake(name) for name in owned}
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == OWNER or "migrations" in rel.parts or str(rel) in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        aliases = set()  # the names ledger models go by in this file
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                f"taizhang.{OWNER}.models"
            ):
                aliases |= {a.asname or a.name for a in node.names if a.name in owned}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in WRITES:
                continue
            chain = _chain(node.func.value)
            one_row = len(chain) == 1 and chain[0] in rows and node.func.attr in ("save", "delete")
            if one_row or (chain and chain[0] in aliases) or any(name in relations for name in chain[1:]):
                found.append(f"taizhang/{rel}:{node.lineno} {'.'.join(chain)}.{node.func.attr}()")
    return found


def test_only_the_ledger_writes_its_tables():
    found = ledger_writes_outside_ledger()
    assert found == [], (
        "writes to the ledger's tables outside taizhang/ledger (call a ledger function):\n" + "\n".join(found)
    )


def test_the_reader_finds_a_write():
    """The finder itself: ledger models and the relations that reach them are known, and a chain
    is read from its root."""
    owned, relations = _owned_models(), _relations_to_owned()
    assert {"Task", "TaskAssignment", "ProgressReport"} <= owned
    assert {"tasks", "assignments"} <= relations
    tree = ast.parse("policy.tasks.filter(x=1).update(status='closed')").body[0].value
    assert _chain(tree.func.value) == ["policy", "tasks", "filter"]
    assert _snake("TaskAssignment") == "task_assignment"
