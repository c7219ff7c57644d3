"""A five-year plan named in a title line or a part title dates the targets under it that name no
year of their own to the plan's end year (SCHEMA: a multi-year plan's one-off targets take its end
year), not to the year of the report that states them, nor to none (invented texts; see
metrics._period_titles and the short headings of metrics._modes)."""

from __future__ import annotations

from taizhang.extract import extract_text


def _years(text: str) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in extract_text(text).metrics}


NOTICE = (
    "某省人民政府办公厅关于印发重点工作分工的通知\n\n"
    "各市人民政府，省政府各部门：\n现将分工方案印发给你们，请认真贯彻落实。\n\n"
    "附件\n\n"
    "西部开发“十三五”规划任务分工\n\n"
    "一、新建节水灌溉面积80万亩，油料产量稳定在45亿斤以上。（省农业厅牵头）\n"
    "二、湿地保护率达到55%。（省林业局负责）\n"
)


def test_an_attached_plan_title_dates_its_targets_to_the_plans_end() -> None:
    got = _years(NOTICE)
    assert got[800000.0] == ("target", 2020)
    assert got[4500000000.0] == ("target", 2020)
    assert got[55.0] == ("target", 2020)


def test_the_same_with_a_date_line_of_the_notice() -> None:
    got = _years(NOTICE + "\n某省人民政府办公厅\n2017年3月8日\n")
    assert got[55.0] == ("target", 2020)


def test_a_line_reviewing_a_period_dates_nothing() -> None:
    text = NOTICE.replace("西部开发“十三五”规划任务分工", "“十二五”以来工作回顾")
    assert _years(text)[55.0] == ("target", None)


REPORT = (
    "某区2025年国民经济和社会发展计划执行情况的报告\n\n"
    "2025年，全区一般公共预算收入完成56亿元，增长3.3%。\n\n"
    "“十五五”时期主要目标\n"
    "常住人口城镇化率达到72%，城镇新增就业3万人。\n\n"
    "2026年主要目标\n"
    "城镇新增就业6500人。\n"
)


def test_an_unnumbered_goal_heading_naming_a_plan_dates_its_goals_to_its_end() -> None:
    got = _years(REPORT)
    assert got[5600000000.0] == ("actual", 2025)
    assert got[72.0] == ("target", 2030)
    assert got[30000.0] == ("target", 2030)
    assert got[6500.0] == ("target", 2026)


REPORT_2021 = (
    "某区2021年政府工作报告\n\n"
    "{review}\n"
    "全区一般公共预算收入年均增长6.3%，新增城镇就业4.6万人。\n\n"
    "“十四五”时期主要目标\n"
    "一般公共预算收入年均增长5%。\n"
)


def test_a_part_titled_by_a_plan_over_before_the_document_reports_its_results() -> None:
    for review in ("“十三五”时期发展成就", "一、“十三五”时期发展成就"):
        got = _years(REPORT_2021.format(review=review))
        assert got[6.3] == ("actual", 2020), review
        assert got[46000.0] == ("actual", 2020), review
        assert got[5.0] == ("target", 2025), review
