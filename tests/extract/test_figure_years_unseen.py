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


def test_news_of_a_work_report_turns_to_this_year_within_its_paragraph() -> None:
    # After the turn (他表示,今年…), 新增 / 实现 with a figure plan this year, as 完成 does.
    text = (
        "某市人民代表大会开幕\n发布时间：2022-01-18\n"
        "市长在报告中说，过去一年全市实现地区生产总值520亿元，同比增长7%；完成进出口总额90亿元。"
        "他表示，今年全市主要预期目标是地区生产总值增长6.5%。"
        "新增城镇就业1.5万人，实现旅游总收入80亿元。\n"
    )
    assert found(text) == [
        ("actual", 52000000000, "元", 2021),
        ("actual", 7, "%", 2021),
        ("actual", 9000000000, "元", 2021),
        ("target", 6.5, "%", 2022),
        ("target", 15000, "人", 2022),
        ("target", 8000000000, "元", 2022),
    ]


def test_a_paragraph_on_last_year_that_turns_to_a_sentence_opening_with_this_year() -> None:
    text = (
        "某区政府工作报告速递\n2022-02-10\n"
        "2021年，全区实现财政总收入31亿元，同比增长9%。2022年，全区主要预期目标是：财政总收入增长7%。"
        "全年新增市场主体4000户，完成技术改造投资12亿元。\n"
    )
    assert found(text) == [
        ("actual", 3100000000, "元", 2021),
        ("actual", 9, "%", 2021),
        ("target", 7, "%", 2022),
        ("target", 4000, "户", 2022),
        ("target", 1200000000, "元", 2022),
    ]


def test_goals_reviewed_are_no_turn() -> None:
    text = (
        "某县人民政府工作报告\n2026年1月20日\n"
        "各位代表！过去一年，全县实现地区生产总值300亿元。2025年主要目标任务如期完成，"
        "新增城镇就业6000人。\n"
    )
    assert found(text) == [("actual", 30000000000, "元", 2025), ("actual", 6000, "人", 2025)]


def test_goal_items_under_an_undated_goal_paragraph_take_its_year() -> None:
    # No date anywhere: the items take the year of the goal paragraph above them, to the next heading.
    text = (
        "关于加快发展会展业的意见\n\n（二）发展目标\n\n"
        "到2020年，全市会展业综合竞争力明显增强。\n\n"
        "——展会规模扩大。年办展面积达到120万平方米。\n\n"
        "——带动效应显现。会展业直接收入占服务业增加值比重达到3%。\n\n"
        "二、主要任务\n\n（一）建设场馆\n\n建成专业展馆2个。\n"
    )
    assert found(text) == [
        ("target", 1200000, "平方米", 2020),
        ("target", 3, "%", 2020),
        ("target", 2, "个", None),
    ]


def test_numbered_goal_items_after_a_run_in_goal_heading() -> None:
    text = (
        "某县关于推动文旅融合发展的若干措施\n（2022年4月8日）\n"
        "（二）主要目标。力争到2026年，全县文旅产业成为支柱产业，具体目标：\n"
        "1.接待游客量达到900万人次；\n（2）旅游总收入达到70亿元；\n一是新增A级景区4家。\n"
        "（三）基本原则\n坚持保护优先，打造精品线路3条。\n"
    )
    assert found(text) == [
        ("target", 9000000, "人次", 2026),
        ("target", 7000000000, "元", 2026),
        ("target", 4, "家", 2026),
        ("target", 3, "条", None),
    ]


def test_a_task_list_titled_by_its_year_under_its_number_and_date_lines() -> None:
    text = (
        "文号：某管委〔2023〕2号\n成文日期：2023年02月10日\n"
        "2023年度某开发区重点工作任务分解一览表\n"
        "一、招商引资\n引进亿元以上项目8个。\n"
    )
    d = doc_info(text, working_text(text), "doc.txt")
    assert d.title == "2023年度某开发区重点工作任务分解一览表"
    assert found(text) == [("target", 8, "个", 2023)]


def test_a_plan_aims_at_a_quarter_of_its_year() -> None:
    text = "某镇2023年一季度工作安排\n一、稳住开局\n确保一季度农业总产值增长5%，工业用电量增长6%。\n"
    assert found(text) == [("target", 5, "%", 2023), ("target", 6, "%", 2023)]


def test_the_whole_year_aimed_at_in_news_of_its_first_half() -> None:
    text = (
        "某区前三季度经济稳中有进\n发布时间：2020-10-26\n"
        "前三季度，全区实现外贸进出口额45亿元，同比增长4.1%。全年力争外贸进出口额增长5%。\n"
    )
    assert found(text) == [
        ("actual", 4500000000, "元", 2020),
        ("actual", 4.1, "%", 2020),
        ("target", 5, "%", 2020),
    ]


def test_an_item_with_a_year_of_its_own_dates_no_later_item() -> None:
    text = (
        "某区关于促进消费的若干措施\n（2023年3月1日）\n一、主要措施\n"
        "一是经过三年努力，到2025年，培育特色街区3个。\n二是新建社区便民市场5个。\n二、保障\n加强领导。\n"
    )
    assert found(text) == [("target", 3, "个", 2025), ("target", 5, "个", None)]
