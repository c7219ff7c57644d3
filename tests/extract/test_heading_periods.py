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


def test_a_year_with_a_season_or_a_verb_of_building_after_zai() -> None:
    from taizhang.extract.deadlines import find_deadline

    for words in ("区排水公司在2027年汛期前完成预案修订", "区城投公司在2027年建立运维体系"):
        d = find_deadline(words, None, 2026)
        assert d is not None and (d.kind, d.year) == ("year", 2027)
    d = find_deadline("在2027年底前建立养护队伍", None, 2026)
    assert d is not None and (d.kind, d.year, d.month) == ("month", 2027, 12)
    assert find_deadline("在2025年基础上完成提升", None, 2026) is None
    assert find_deadline("在2025年建成了示范区", None, 2026) is None
