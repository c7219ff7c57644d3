"""Fixtures of the enterprise tests: departments, a small generated registry, enterprise users."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

AS_OF = dt.date(2025, 3, 31)


@pytest.fixture
def departments(cast: Any) -> dict[str, Any]:
    from taizhang.devtools.builders import make_unit

    names = ["区市场监督管理局", "区统计局", "区科技创新局", "区工业和信息化局", "区税务局", "区发展改革局"]
    return {name: make_unit(name) for name in names}


def import_file(user: Any, source: Any, name: str, data: bytes, as_of: dt.date = AS_OF) -> Any:
    from taizhang.enterprises.actions import do_import_registry
    from taizhang.enterprises.imports import parse_registry

    parsed = parse_registry(name, data)
    assert parsed.ok, [str(e) for e in parsed.errors]
    return do_import_registry(user, parsed, source=source, as_of=as_of)


@pytest.fixture
def registry(cast: Any, departments: dict[str, Any]) -> list[Any]:
    """Sixty generated enterprises imported from the six departments' exports."""
    from taizhang.enterprises.builders import department_exports, generate_enterprises, to_csv, to_xlsx

    generated = generate_enterprises(60, seed=11)
    for department, name, rows in department_exports(generated):
        data = to_xlsx(rows) if name.endswith(".xlsx") else to_csv(rows)
        import_file(cast.sam, departments[department], name, data)
    return generated


@pytest.fixture
def catalogue(cast: Any, departments: dict[str, Any]) -> dict[str, Any]:
    """The demo's nine benefits, with their example cases, created by sam."""
    from taizhang.enterprises.actions import do_add_benefit_example, do_create_benefit
    from taizhang.enterprises.builders import load_catalogue

    out = {}
    for item in load_catalogue():
        benefit = do_create_benefit(
            cast.sam,
            code=item["code"],
            name=item["name"],
            unit=departments[item["unit"]],
            conditions=item["conditions"],
            formula=item["formula"],
            summary=item["summary"],
            for_hk=item.get("for_hk", False),
        )
        for example in item["examples"]:
            do_add_benefit_example(
                cast.sam,
                benefit,
                name=example["name"],
                as_of=dt.date.fromisoformat(example["as_of"]),
                inputs=example["inputs"],
                expected=example["expected"],
                expected_amount=example.get("amount"),
            )
        out[item["code"]] = benefit
    return out
