"""The goals of a five-year plan stated in running text, and a plan's long-range vision in its title
(sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text


def info(text: str) -> DocInfo:
    return doc_info(text, working_text(text), "doc.txt")


def found(text: str) -> list[tuple[str, float, str, int | None]]:
    metrics = find_metrics(text, working_text(text), line_passages(text), info(text))
    return [(m.kind, m.value, m.unit, m.year) for m in metrics]


class TestVisionInTitle:
    def test_the_vision_year_of_a_plan_title_is_not_its_own_year(self) -> None:
        text = "某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展目标\n森林覆盖率达到45%。\n"
        assert info(text).year == 2021

    def test_a_vision_in_arabic_digits_neither(self) -> None:
        text = "某区国民经济和社会发展第十五个五年规划和2040年远景目标纲要\n一、主要目标\n新增就业2万人。\n"
        assert info(text).year == 2026


class TestGoalsAnnounced:
    def test_a_work_report_s_five_year_goals_are_for_the_plan_s_end(self) -> None:
        text = (
            "某县人民政府工作报告\n2026年1月15日\n"
            "各位代表，“十五五”时期全县发展的主要目标是：县域经济总量年均增长5%，"
            "森林覆盖率达到48%。\n今年的主要预期目标是：县域经济总量增长5.5%。\n"
        )
        assert found(text) == [
            ("target", 5, "%", 2030),
            ("target", 48, "%", 2030),
            ("target", 5.5, "%", 2026),
        ]

    def test_news_of_the_goals_of_the_next_five_years(self) -> None:
        text = (
            "某区描绘未来发展蓝图\n来源：某区融媒体中心 2021-02-03\n"
            "区人代会审议通过了规划纲要。纲要确定了今后五年的主要目标：常住人口城镇化率达到70%，"
            "新建保障性住房3000套。\n"
        )
        assert found(text) == [("target", 70, "%", 2025), ("target", 3000, "套", 2025)]

    def test_a_plan_reviewed_after_its_end_is_not_announced(self) -> None:
        text = (
            "某县人民政府工作报告\n2021年1月15日\n"
            "“十三五”规划主要目标任务全面完成，全县生产总值达到210亿元。\n"
        )
        assert ("target", 21e9, "元", 2020) not in found(text)
