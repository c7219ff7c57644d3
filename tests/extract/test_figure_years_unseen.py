"""The year and kind of figures in layouts the seeds do not show: a work plan titled by its year
under a disclosure page's furniture, goal bullets under a dated lead paragraph, a work report's
turn to this year, a plan's figure reviewed against (sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text


def found(text: str, name: str = "doc.txt") -> list[tuple[str, float, str, int | None]]:
    d = doc_info(text, working_text(text), name)
    return [
        (m.kind, m.value, m.unit, m.year)
        for m in find_metrics(text, working_text(text), line_passages(text), d)
    ]


def test_a_plan_titled_by_its_year_under_disclosure_furniture() -> None:
    text = (
        "索引号：00000000/2024-00031\n"
        "发布机构：某乡人民政府\n"
        "生成日期：2024-02-27\n"
        "某乡2024年工作计划\n"
        "一、发展经济\n全年实现农业总产值9亿元，新增家庭农场6家。\n"
    )
    d = doc_info(text, working_text(text), "doc.txt")
    assert d.title == "某乡2024年工作计划"
    assert (d.kind, d.year, d.period_start, d.period_end) == ("plan", 2024, 2024, 2024)
    assert found(text) == [("target", 900000000, "元", 2024), ("target", 6, "家", 2024)]


def test_the_plan_a_review_part_reports_on_is_of_the_year_reviewed() -> None:
    text = (
        "关于某县2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n"
        "（2023年1月12日在某县第三届人民代表大会第二次会议上）\n"
        "一、2022年计划执行情况\n"
        "全县完成工业投资45亿元，完成年计划50亿元的90%。外贸出口额为年计划30亿元的105%。\n"
        "二、2023年计划草案\n工业投资增长8%。\n"
    )
    assert found(text) == [
        ("actual", 4500000000, "元", 2022),
        ("target", 5000000000, "元", 2022),
        ("actual", 90, "%", 2022),
        ("target", 3000000000, "元", 2022),
        ("actual", 105, "%", 2022),
        ("target", 8, "%", 2023),
    ]


def test_the_plan_reviewed_after_a_year_that_opens_the_paragraph() -> None:
    text = (
        "关于某区2021年计划执行情况及2022年计划草案的报告\n2022年1月6日\n"
        "2021年，全区完成地区生产总值88亿元，完成年计划90亿元的98%；"
        "一般公共预算收入完成年计划6亿元的101%。\n"
        "2022年主要预期目标：地区生产总值增长6%。\n"
    )
    got = found(text)
    assert ("target", 9000000000, "元", 2021) in got
    assert ("target", 600000000, "元", 2021) in got
    assert ("target", 6, "%", 2022) in got
