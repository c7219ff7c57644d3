"""Golden fixtures: small Chinese documents and the tasks they must give (one test each)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taizhang.extract import extract_text

GOLDEN = Path(__file__).parent / "golden" / "tasks"
FIELDS = ("ref", "measure", "text", "lead_units", "co_units", "deadline")


def _tasks(path: Path) -> list[dict[str, object]]:
    result = extract_text(path.read_text(encoding="utf-8"), name=path.name)
    out = []
    for task in result.tasks:
        d = task.to_dict()
        row = {k: d[k] for k in FIELDS}
        if isinstance(row["deadline"], dict):
            row["deadline"] = {k: v for k, v in row["deadline"].items() if k != "text"}
        out.append(row)
    return out


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.txt")), ids=lambda p: p.stem)
def test_it_extracts_the_expected_tasks(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["tasks"]
    assert _tasks(path) == expected


def test_every_task_points_at_its_source() -> None:
    for path in sorted(GOLDEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = extract_text(text, name=path.name)
        for task in result.tasks:
            source = text[task.span.start : task.span.end]
            # The task's words are the source's, less the line breaks inside a wrapped cell.
            assert source.replace("\n", "") == task.text, (path.name, task.ref)
