"""Every example case of the demo's benefit catalogue (taizhang/enterprises/data/benefits.json)
runs as a test: the rules give the expected outcome and amount, in Python and in Polars alike."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from taizhang.enterprises.engine import (
    Outcome,
    Rule,
    amounts,
    evaluate,
    evaluate_row,
    explain,
    frame_from_records,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "taizhang" / "enterprises" / "data" / "benefits.json"
BENEFITS = json.loads(CATALOGUE.read_text(encoding="utf-8"))["benefits"]
CASES = [(b, e) for b in BENEFITS for e in b["examples"]]


def _row(inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        k: dt.date.fromisoformat(v) if k.endswith(("_from", "_until")) and isinstance(v, str) else v
        for k, v in inputs.items()
    }


@pytest.mark.parametrize(("benefit", "example"), CASES, ids=[f"{b['code']}: {e['name']}" for b, e in CASES])
def test_example_case(benefit: dict[str, Any], example: dict[str, Any]) -> None:
    rule = Rule.parse(benefit["code"], benefit["conditions"], benefit["formula"])
    as_of = dt.date.fromisoformat(example["as_of"])
    row = _row(example["inputs"])
    outcome, _ = evaluate_row(rule, row, as_of)
    assert outcome == example["expected"]
    batch = evaluate(frame_from_records([{"id": 7, **row}]), [rule], as_of)
    assert batch.ids(rule.code, outcome) == [7]
    if "amount" in example:
        assert explain(rule, row, as_of).amount == pytest.approx(example["amount"])
        assert amounts(batch, rule.code, [7])[7] == pytest.approx(example["amount"])


def test_every_benefit_quotes_its_document_verbatim_and_has_examples_of_each_kind() -> None:
    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "docs"
    for benefit in BENEFITS:
        assert {e["expected"] for e in benefit["examples"]} & {Outcome.ELIGIBLE}
        assert {e["expected"] for e in benefit["examples"]} & {Outcome.NOT_ELIGIBLE, Outcome.POSSIBLY}
        document = corpus / benefit["document"]
        if document.exists():  # the shared corpus is beside the clone on this machine and in CI
            assert benefit["clause"] in document.read_text(encoding="utf-8"), benefit["code"]
    assert len(BENEFITS) >= 8
