"""Items of goals under a heading of their own after the goal paragraph (sentences written here)."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text

OPINIONS = DocInfo(title="某区关于加快发展现代服务业的实施意见", year=2023, kind="measures")


def found(text: str) -> list[tuple[str, float, int | None]]:
    return [
        (m.indicator, m.value, m.year)
        for m in find_metrics(text, working_text(text), line_passages(text), OPINIONS)
    ]


def test_items_under_a_numbered_goal_subheading_take_the_goal_paragraphs_year() -> None:
    text = (
        "（一）总体目标\n到2027年，现代服务业发展能级明显提升。\n（二）具体目标\n"
        "1.服务业增加值达到800亿元。\n2.培育服务业龙头企业20家。\n"
        "二、重点任务\n（一）壮大市场主体\n建成服务业集聚区3个。\n"
    )
    got = found(text)
    assert got[:2] == [("服务业增加值", 8e10, 2027), ("培育服务业龙头企业", 20, 2027)]
    assert got[2][2] is None  # the tasks after the next heading are of no goal year


def test_items_under_an_unnumbered_line_of_indicators_take_the_year_and_lose_their_dash() -> None:
    text = (
        "二、发展目标\n力争到2026年，服务业占比稳步提高。\n主要指标：\n"
        "——规模以上服务业企业营业收入达到300亿元；\n——新增省级服务业示范园区4个。\n"
    )
    assert found(text) == [
        ("规模以上服务业企业营业收入", 3e10, 2026),
        ("新增省级服务业示范园区", 4, 2026),
    ]


def test_a_subheading_of_tasks_is_no_heading_of_goals() -> None:
    text = "（一）总体目标\n到2027年，现代服务业发展能级明显提升。\n（二）重点任务\n1.建成服务业集聚区3个。\n"
    assert found(text) == [("建成服务业集聚区", 3, None)]
