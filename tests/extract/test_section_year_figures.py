"""The year and kind of figures set by the section they stand in: a news page's sections headed by
a year and a review or target word (2022成绩单 / 2023新目标), its caption lines that repeat the
paragraph's figure, and a yearly target list (2016年:计划…。完成情况:…) (sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text
from taizhang.extract.periods import year_heading_marks


def found(text: str) -> list[tuple[str, float, str, int | None]]:
    d = doc_info(text, working_text(text), "doc.txt")
    return [
        (m.kind, m.value, m.unit, m.year)
        for m in find_metrics(text, working_text(text), line_passages(text), d)
    ]


NEWS_PAGE = (
    "图解：某县经济社会发展亮点\n"
    "发布时间：2023-01-18\n\n"
    "2022成绩单\n\n"
    "增长6.5%\n\n"
    "全县地区生产总值同比增长6.5%。\n\n"
    "35个村\n\n"
    "新增35个村通硬化路。\n\n"
    "2023新目标\n\n"
    "300万亩\n\n"
    "全年粮食播种面积稳定在300万亩左右。\n\n"
    "9%\n\n"
    "城镇居民人均可支配收入增长9%。\n"
)


def test_a_year_heading_without_nian_dates_its_section_and_its_word_the_kind() -> None:
    assert found(NEWS_PAGE) == [
        ("actual", 6.5, "%", 2022),
        ("actual", 35, "个", 2022),
        ("target", 3000000, "亩", 2023),
        ("target", 9, "%", 2023),
    ]


def test_a_caption_line_gives_no_metric_of_its_own() -> None:
    text = NEWS_PAGE
    d = doc_info(text, working_text(text), "doc.txt")
    spans = [m.span_text for m in find_metrics(text, working_text(text), line_passages(text), d)]
    assert "增长6.5%" not in spans and "9%" not in spans and "35个村" not in spans


def test_a_year_heading_with_nian_and_no_blank_lines() -> None:
    text = (
        "某镇新闻：去年干了啥今年干啥\n"
        "发布时间：2024-02-05\n"
        "2023年工作回顾\n"
        "全镇完成固定资产投资12亿元。\n"
        "2024年目标任务\n"
        "全镇固定资产投资达到15亿元。\n"
    )
    assert found(text) == [("actual", 1200000000, "元", 2023), ("target", 1500000000, "元", 2024)]


def test_a_review_heading_of_the_pages_own_year_is_reported() -> None:
    text = "某区年终盘点\n发布时间：2022-12-30\n\n2022成绩单\n\n全区新增市场主体5000户。\n"
    marks = list(year_heading_marks(working_text(text), 2022))
    assert [(m.kind, m.year) for m in marks] == [("actual", 2022)]


def test_a_short_line_of_a_figure_does_not_end_a_year_section() -> None:
    work = working_text(
        "某县报告\n\n2025年工作安排\n\n80%\n\n全县森林覆盖率达到80%。\n\n保障措施\n\n各部门要落实责任。\n"
    )
    (mark,) = year_heading_marks(work, 2025)
    assert work[mark.start : mark.end].strip().endswith("80%。")


def test_a_cell_is_no_caption_of_a_longer_number_below_it() -> None:
    text = "某计划\n\n200辆\n\n(15)更新投运低地板公交车1200辆。\n"
    assert (200, "辆") in [(v, u) for _, v, u, _ in found(text)]


def test_a_yearly_target_list_dates_each_line_by_its_year() -> None:
    text = (
        "某县脱贫攻坚三年行动计划(2016—2018年)\n"
        "2017年，全县计划实现0.8万贫困人口脱贫，5个贫困村出列。\n"
        "2018年，全县计划实现1.1万贫困人口脱贫，7个贫困村出列。\n"
    )
    assert found(text) == [
        ("target", 8000, "", 2017),
        ("target", 5, "个", 2017),
        ("target", 11000, "", 2018),
        ("target", 7, "个", 2018),
    ]


def test_a_past_years_plan_and_what_was_done_after_its_label() -> None:
    text = (
        "某县易地扶贫搬迁工作情况\n"
        "发布日期：2017-03-02\n"
        "2016年：计划搬迁1500户5800人，其中建档立卡人口4700人。完成情况：建成安置点9个，搬迁入住5200人。\n"
    )
    assert found(text) == [
        ("target", 1500, "户", 2016),
        ("target", 5800, "人", 2016),
        ("target", 4700, "人", 2016),
        ("actual", 9, "个", 2016),
        ("actual", 5200, "人", 2016),
    ]


def test_what_was_done_after_its_label_in_a_plan_of_that_year() -> None:
    text = (
        "某县脱贫攻坚三年行动计划(2016—2018年)\n"
        "2016年：计划搬迁1500户5800人。完成情况：建成安置点9个。\n"
        "2017年：计划搬迁1800户6600人。\n"
    )
    assert found(text) == [
        ("target", 1500, "户", 2016),
        ("target", 5800, "人", 2016),
        ("actual", 9, "个", 2016),
        ("target", 1800, "户", 2017),
        ("target", 6600, "人", 2017),
    ]


def test_a_heading_with_a_digit_but_no_figure_still_ends_a_year_section() -> None:
    work = working_text("某县报告\n\n2025年工作安排\n\n全县新建基站500个。\n\n5G网络建设\n\n加快网络覆盖。\n")
    (mark,) = year_heading_marks(work, 2025)
    assert work[mark.start : mark.end].strip().endswith("500个。")
