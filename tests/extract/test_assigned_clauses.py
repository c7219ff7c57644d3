"""A text with no numbered item and no note that hands out work in its sentences: each "由X牵头,
Y配合,…" clause is a task led by X with Y's help (invented sentences; see outline._ASSIGNED)."""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.units import parse_units

REPORT = (
    "2023年5月10日，某县召开闲置厂房盘活工作推进会。副县长主持会议。\n"
    "会议要求，由县工业和信息化局牵头，县商务局、县税务局配合，在8月底前完成首批厂房盘活；"
    "由城关镇牵头，县市场监管局配合，在年底前完成沿街商铺摸底。其他部门要积极支持。\n"
)


def test_each_assignment_is_a_task() -> None:
    tasks = extract_text(REPORT).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("县工业和信息化局",), ("县商务局", "县税务局")),
        (("城关镇",), ("县市场监管局",)),
    ]
    d0, d1 = (t.deadline for t in tasks)
    assert d0 is not None and (d0.kind, d0.year, d0.month) == ("month", 2023, 8)
    assert d1 is not None and (d1.kind, d1.year, d1.month) == ("month", 2023, 12)


def test_a_report_with_no_assignment_gives_no_task() -> None:
    text = "2023年5月10日，某县召开闲置厂房盘活工作推进会。会议强调，要提高认识，加快进度。\n"
    assert extract_text(text).tasks == ()


def test_a_party_school_is_a_unit_of_its_own() -> None:
    assert parse_units("县委党校、县自然资源局") == ["县委党校", "县自然资源局"]
