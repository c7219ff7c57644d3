"""A heading that dates its group in brackets ("(一)推进平稳移交(2025年1月-2025年12月)") dates the
steps under it that give no date of their own (invented sentences; see outline._heading_period)."""

from __future__ import annotations

from taizhang.extract import extract_text

TEXT = (
    "关于推进体制改革的工作方案\n一、主要任务\n"
    "（一）推进平稳移交（2025年1月-2025年12月）\n"
    "1．动员部署（2025年1月-4月）：建立工作小组，压实工作责任。\n"
    "2．资料移交：区水务局收集移交资料，建立档案。\n"
    "（二）构建运营体系（2025年3月-2026年12月）\n"
    "1．队伍组建：区城投公司负责组建专业运维队伍。\n"
    "（三）加强宣传引导\n"
    "1．区委宣传部做好宣传工作。\n"
)


def _deadlines() -> dict[str, tuple[str, int | None, int | None] | None]:
    out: dict[str, tuple[str, int | None, int | None] | None] = {}
    for t in extract_text(TEXT).tasks:
        d = t.deadline
        out[t.ref or ""] = (d.kind, d.year, d.month) if d is not None else None
    return out


def test_a_step_with_its_own_period_keeps_it() -> None:
    assert _deadlines()["一.(一).1"] == ("month", 2025, 4)


def test_a_step_without_a_date_is_due_by_its_groups_end() -> None:
    got = _deadlines()
    assert got["一.(一).2"] == ("month", 2025, 12)
    assert got["一.(二).1"] == ("month", 2026, 12)


def test_a_heading_with_no_period_dates_nothing() -> None:
    assert _deadlines()["一.(三).1"] is None
