"""Reviews of part of a year, plan figures told in a review, and paragraphs whose opening says which
past time they report on (sentences written here)."""

from __future__ import annotations

from pathlib import Path

from taizhang.extract import extract
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text

from .test_review_years import found, info


class TestTitlesOfProgress:
    def test_a_plan_execution_review_reviews_the_year_of_its_title(self) -> None:
        text = "关于某县2023年上半年国民经济和社会发展计划执行情况的报告\n一、主要指标完成情况\n——地区生产总值15.2亿元,增长5%。\n"
        assert info(text).reviews == 2023
        assert found(text) == [("actual", 1.52e9, "元", 2023), ("actual", 5, "%", 2023)]

    def test_a_progress_notice_reviews_its_year(self) -> None:
        text = "关于某区2021年重点工作1-9月进展情况的通报\n各镇街:\n全区完成固定资产投资88.5亿元,同比增长4.2%。\n"
        assert info(text).reviews == 2021
        assert found(text) == [("actual", 8.85e9, "元", 2021), ("actual", 4.2, "%", 2021)]

    def test_a_table_of_tasks_and_their_progress_is_no_review(self) -> None:
        text = "2023年民生实事项目一季度进展情况\n序号 | 项目内容 | 进展情况 |\n1 | 新建学校2所 | 已开工 |\n"
        assert info(text).reviews is None

    def test_a_plan_and_its_draft_for_the_next_year_is_no_review_of_one_year(self) -> None:
        title = "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n"
        assert info(title + "各位代表:\n").reviews is None


class TestPlanFiguresInAReview:
    def test_the_year_s_planned_figure_is_a_target_of_the_year_reviewed(self) -> None:
        text = (
            "关于某区2021年重点工作1-9月进展情况的通报\n"
            "全区列入省重点项目12项,计划总投资300亿元,年度投资计划60亿元。1-9月累计完成投资48亿元,投资完成率80%。\n"
        )
        assert found(text) == [
            ("actual", 12, "项", 2021),
            ("actual", 3e10, "元", 2021),
            ("target", 6e9, "元", 2021),
            ("actual", 4.8e9, "元", 2021),
            ("actual", 80, "%", 2021),
        ]

    def test_a_share_of_the_plan_stays_a_result(self) -> None:
        text = "某县2020年上半年经济运行情况\n固定资产投资完成18.1亿元,占年计划的45.2%。\n"
        assert found(text) == [("actual", 1.81e9, "元", 2020), ("actual", 45.2, "%", 2020)]


class TestOpeningsOfReportedParagraphs:
    REPORT = "某区二届人大三次会议开幕\n3月5日,某区人大会议开幕,区长作政府工作报告。\n"

    def test_a_first_sentence_of_a_past_year_achieved_dates_the_paragraph(self) -> None:
        text = (
            self.REPORT + "报告指出,某区2023年实现了经济平稳增长。全年地区生产总值达520亿元、增长6.1%;"
            "一般公共预算收入达30亿元。\n"
            "2024年主要预期目标是:地区生产总值增长5.5%左右。\n"
        )
        assert info(text, "news_2024.txt").year == 2024
        assert found(text, "news_2024.txt") == [
            ("actual", 5.2e10, "元", 2023),
            ("actual", 6.1, "%", 2023),
            ("actual", 3e9, "元", 2023),
            ("target", 5.5, "%", 2024),
        ]

    def test_a_first_sentence_that_plans_dates_nothing(self) -> None:
        text = self.REPORT + "报告提出,某区2023年实现的成绩将巩固提升。全年地区生产总值增长5.5%左右。\n"
        assert [k for k, *_ in found(text, "news_2024.txt")] == ["target"]

    def test_a_part_of_the_year_gone_by_opening_a_paragraph_is_reported(self) -> None:
        text = (
            self.REPORT
            + "2024年一季度,某区经济运行开局良好。初步预计,地区生产总值增长6%以上;规上工业增加值增长9.2%。\n"
        )
        assert found(text, "news_2024.txt") == [("actual", 6, "%", 2024), ("actual", 9.2, "%", 2024)]

    def test_a_part_of_the_year_gone_by_does_not_report_what_is_planned(self) -> None:
        text = self.REPORT + "上半年,某区经济平稳。下一步将确保全年地区生产总值增长6%。\n"
        assert found(text, "news_2024.txt") == [("target", 6, "%", 2024)]


class TestHeadcountsAtAMeeting:
    def test_the_members_attending_a_session_are_no_metric(self) -> None:
        text = (
            "某县人大会议开幕\n来自全县各条战线的180名人大代表出席会议。会议应到代表150人,实到141人。"
            "县长作政府工作报告,去年共办复人大代表建议96件,培训志愿者300名。\n"
        )
        assert [(v, u) for _, v, u, _ in found(text, "news_2020.txt")] == [(96, "件"), (300, "名")]


class TestTablesOfAReview:
    def test_a_communique_s_table_with_units_in_its_headings_gives_actuals_of_its_year(
        self, tmp_path: Path
    ) -> None:
        text = (
            "某市2020年国民经济和社会发展统计公报\n一、综合\n全市实现生产总值420.5亿元。\n"
            "表1 2020年某市生产总值\n| 绝对数 (亿元) | 比上年增长 (%) |\n"
            "地区生产总值 | 420.5 | 3.1 |\n第一产业 | 20.2 | 2.0 |\n"
        )
        path = _write(tmp_path, text)
        got = [(m.kind, m.indicator, m.value, m.unit, m.year) for m in extract(path).metrics]
        assert got == [
            ("actual", "生产总值", 4.205e10, "元", 2020),
            ("actual", "地区生产总值", 4.205e10, "元", 2020),
            ("actual", "地区生产总值比上年增长", 3.1, "%", 2020),
            ("actual", "第一产业", 2.02e9, "元", 2020),
            ("actual", "第一产业比上年增长", 2.0, "%", 2020),
        ]

    def test_a_table_with_another_kind_of_column_is_not_read_so(self, tmp_path: Path) -> None:
        text = (
            "某市2020年国民经济和社会发展统计公报\n"
            "| 绝对数 (亿元) | 备注 |\n地区生产总值 | 420.5 | 含开发区 |\n"
        )
        assert [m.value for m in extract(_write(tmp_path, text)).metrics] == []


def _write(where: Path, text: str) -> Path:
    p = where / "review_2020.txt"
    p.write_text(text, encoding="utf-8")
    return p


class TestReviewsToldInTheOpeningClause:
    def test_the_year_before_achieved_in_the_first_clause_dates_the_next_clauses(self) -> None:
        text = (
            "某县人大会议开幕\n2024年1月8日,某县人大会议开幕。县长作政府工作报告。\n"
            "县长在报告中说,过去一年,全县实现地区生产总值98亿元,增长5.6%;一般公共预算收入6.1亿元。\n"
            "今年的主要预期目标是:地区生产总值增长6%左右。\n"
        )
        assert found(text, "news_2024.txt") == [
            ("actual", 9.8e9, "元", 2023),
            ("actual", 5.6, "%", 2023),
            ("actual", 6.1e8, "元", 2023),
            ("target", 6, "%", 2024),
        ]

    def test_news_of_its_own_year_so_far_plans_the_rest_of_that_year(self) -> None:
        text = (
            "某县召开经济运行分析会\n记者从会上获悉,今年以来,全县实现规上工业产值40亿元,同比增长9%。"
            "会议要求,全年力争规上工业产值突破90亿元。\n"
        )
        assert found(text, "news_2024.txt") == [
            ("actual", 4e9, "元", 2024),
            ("actual", 9, "%", 2024),
            ("target", 9e9, "元", 2024),
        ]


class TestGrowthListedAfterItsSubject:
    def test_a_growth_after_a_figure_and_a_pause_mark_is_its_subject_s(self) -> None:
        text = (
            "2022年某区经济运行情况\n全年地区生产总值达88.2亿元、增长4.4%,一般公共预算收入达5亿元、增长3%。\n"
        )
        d = info(text)
        got = [(m.indicator, m.value) for m in find_metrics(text, working_text(text), line_passages(text), d)]
        assert got == [
            ("地区生产总值", 8.82e9),
            ("地区生产总值增长", 4.4),
            ("一般公共预算收入", 5e8),
            ("一般公共预算收入增长", 3),
        ]


class TestGapsAndSharesInAReview:
    TITLE = "某县2022年上半年国民经济和社会发展计划执行情况的报告\n"

    def test_a_gap_to_the_year_s_target_is_a_result(self) -> None:
        text = self.TITLE + "地区生产总值同比增长4.1%,低于年度目标2.9个百分点。\n"
        assert found(text) == [("actual", 4.1, "%", 2022), ("actual", 2.9, "个百分点", 2022)]

    def test_a_growth_after_a_share_of_the_plan_is_the_first_subject_s(self) -> None:
        text = self.TITLE + "地区生产总值完成45.6亿元,占年计划的48.2%,同比增长4.1%。\n"
        d = info(text)
        got = [m.indicator for m in find_metrics(text, working_text(text), line_passages(text), d)]
        assert got == ["地区生产总值", "地区生产总值占年计划", "地区生产总值同比增长"]
