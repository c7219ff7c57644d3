"""A deadline cell or phrase that makes work recur every few years reads as ongoing, as 每年 does.

The phrases are written for these tests, as regulations and task tables write them."""

from __future__ import annotations

import pytest

from taizhang.extract.deadlines import parse_deadline


@pytest.mark.parametrize("phrase", ["每五年组织一次", "每两年开展一次评估", "每3年修订一次", "每年"])
def test_work_every_few_years_is_ongoing(phrase: str) -> None:
    d = parse_deadline(phrase)
    assert d is not None and d.kind == "ongoing"


@pytest.mark.parametrize("phrase", ["2025年底前", "三年内完成"])
def test_a_date_is_still_a_date(phrase: str) -> None:
    d = parse_deadline(phrase, year=2024)
    assert d is None or d.kind != "ongoing"
