"""Reports of a year told in news and in 臺灣's government writing: the 中华民国 calendar's years, a
year the text says it reviews. One rule per test; every sentence is
written here."""

from __future__ import annotations

from pathlib import Path

from taizhang.extract import extract
from taizhang.extract.docinfo import years_reviewed
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

COUNTY_REPORT = DocInfo(title="某县议会定期大会县长施政报告", year=2015, kind="work_report")
NEWS = DocInfo(title="某县第十届人民代表大会第三次会议开幕", year=2018, kind="work_report")


def find(text: str, info: DocInfo) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), info)


def by_value(text: str, info: DocInfo) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in find(text, info)}


class TestTheRepublicsCalendar:
    def test_a_budget_year_of_the_republic_is_its_year_plus_1911(self) -> None:
        text = "某縣議會第五次定期大會開議。縣府編列106年度總預算為180億元,較上年度增加3.5%。"
        found = by_value(text, COUNTY_REPORT)
        assert found[18000000000][1] == 2017

    def test_a_year_after_min_guo_is_read_whatever_its_size(self) -> None:
        text = "某縣議會開議。民國99年全縣觀光人次達到320萬人次。"
        found = by_value(text, COUNTY_REPORT)
        assert found[3200000] == ("actual", 2010)

    def test_three_digit_years_are_no_years_without_the_republics_marks(self) -> None:
        text = "时隔100年再次举办，全县接待游客320万人次。"
        found = by_value(text, NEWS)
        assert found[3200000][1] != 2011

    def test_a_span_of_years_is_no_year_of_the_republic(self) -> None:
        text = "某縣議會開議。本縣建縣100年來,人口增加到52萬人。"
        found = by_value(text, COUNTY_REPORT)
        assert found[520000][1] != 2011


class TestAYearTheTextReviews:
    def test_the_figures_of_a_year_said_reviewed_are_results(self) -> None:
        text = (
            "县长某某向大会作政府工作报告。在回顾2018年工作时,他说:2018年,我们迎难而上。"
            "全年实现地区生产总值65.2亿元、增长7.5%,完成一般公共预算收入4.1亿元。"
        )
        found = by_value(text, NEWS)
        assert found[6520000000] == ("actual", 2018)
        assert found[7.5] == ("actual", 2018)

    def test_what_the_review_plans_stays_a_target(self) -> None:
        text = "在回顾2018年工作时,他说:2018年,全县计划新建农村公路120公里。"
        found = by_value(text, NEWS)
        assert found[120][0] == "target"

    def test_a_part_of_a_year_reviewed_is_no_whole_year_reviewed(self) -> None:
        assert years_reviewed("回顾2018年上半年工作,报告说:") == frozenset()
        assert years_reviewed("一、2018年工作回顾\n") == frozenset({2018})


class TestWhoQualifiesByAge:
    def test_an_age_band_before_the_people_it_names_is_no_metric(self) -> None:
        text = "吸纳18-35岁返乡青年参加技能培训,全年培训3000人次。"
        assert [(m.value, m.unit) for m in find(text, NEWS)] == [(3000, "人次")]

    def test_an_age_band_reached_stays_a_metric(self) -> None:
        found = find("到2025年,人均预期寿命达到80-81岁。", NEWS)
        assert [(m.value, m.unit) for m in found] == [(80, "岁")]


class TestABreakdownAfterItsTotal:
    MEASURES = DocInfo(title="某市推动经济高质量发展若干政策", year=2024, kind="measures")

    def test_the_parts_after_qizhong_take_the_totals_year(self) -> None:
        text = "全市财政2025年预算拟安排60.5亿元。其中,产业发展领域资金8.2亿元,交通领域资金15.6亿元。"
        found = by_value(text, self.MEASURES)
        assert found[820000000][1] == 2025
        assert found[1560000000][1] == 2025

    def test_a_clause_opening_with_qizhong_takes_the_year_before_it(self) -> None:
        text = "2023年全县新开发工业用地320公顷,其中可供出让的用地180公顷。"
        found = by_value(text, NEWS)
        assert found[180][1] == found[320][1] == 2023


class TestTheCapOfAGrant:
    MEASURES = DocInfo(title="某区支持青年创业若干措施", year=2023, kind="measures")

    def test_a_bound_in_a_sentence_naming_its_recipient_is_a_term(self) -> None:
        text = "对入驻区级创业孵化基地的青年团队,提供免租办公场地,面积不超过150平方米。"
        assert find(text, self.MEASURES) == []

    def test_a_bound_of_the_plan_itself_stays_a_metric(self) -> None:
        text = "到2025年,全区城镇调查失业率控制在5%以内,新增创业孵化场地面积不少于2万平方米。"
        found = by_value(text, self.MEASURES)
        assert found[5] == ("target", 2025)


class TestAnOpenerAfterTheSpeakersWords:
    DATED = DocInfo(title="某县召开第十八届人民代表大会第一次会议", year=2020, kind="work_report")

    def test_last_year_after_a_quoted_speaker_is_the_year_before(self) -> None:
        text = "县长在报告中说,过去一年,全县发展稳中向好。预计全年实现地区生产总值188亿元,增长6.6%。\n"
        found = by_value(text, self.DATED)
        assert found[18800000000] == ("actual", 2019)

    def test_this_year_after_a_speakers_words_is_planned(self) -> None:
        text = "他表示,今年全县地区生产总值增长6%左右。\n"
        found = by_value(text, self.DATED)
        assert found[6] == ("target", 2020)

    def test_a_year_achieved_after_the_lead_sentence_dates_the_rest_of_its_sentence(self) -> None:
        text = "本报讯 县人代会昨日开幕。报告指出,去年全县实现地区生产总值98.6亿元;固定资产投资增长11.3%。\n"
        found = by_value(text, self.DATED)
        assert found[11.3] == ("actual", 2019)


class TestTheYearsPlanInAPartYearReview:
    HALF_YEAR = DocInfo(title="关于2022年上半年计划执行情况的报告", year=2022, kind="report")

    def test_the_years_planned_growth_is_a_target(self) -> None:
        text = "1.地区生产总值。年计划增长7.5%,上半年完成86.3亿元,同比增长5.2%。\n"
        found = by_value(text, self.HALF_YEAR)
        assert found[7.5] == ("target", 2022)
        assert found[8630000000] == ("actual", 2022)

    def test_the_years_planned_amount_is_a_target(self) -> None:
        text = "2.固定资产投资。年计划完成120亿元,上半年完成62.5亿元,完成年计划的52.1%。\n"
        found = by_value(text, self.HALF_YEAR)
        assert found[12000000000] == ("target", 2022)
        assert found[52.1] == ("actual", 2022)

    def test_the_plans_figure_in_parentheses_is_a_target(self) -> None:
        text = "1-6月,全县重点项目累计完成投资41.2亿元,为上半年投资目标(38亿元)的108.4%。\n"
        found = by_value(text, self.HALF_YEAR)
        assert found[3800000000] == ("target", 2022)
        assert found[108.4] == ("actual", 2022)


class TestANewsCopyDatedByTheYearItReviews:
    # docinfo read the one year the text names, the year reviewed, as the document's own.
    READ_AS_REVIEWED = DocInfo(title="某县第十届人民代表大会第五次会议开幕", year=2017, kind="work_report")

    def test_this_years_goals_are_for_the_year_after_the_one_reviewed(self) -> None:
        text = (
            "县长某某作政府工作报告。他说,2017年,全县实现地区生产总值72.4亿元、增长8.3%。\n"
            "今年全县经济社会发展的主要预期目标是:地区生产总值增长7.5%左右。\n"
        )
        found = by_value(text, self.READ_AS_REVIEWED)
        assert found[7240000000] == ("actual", 2017)
        assert found[7.5] == ("target", 2018)

    def test_a_later_year_named_leaves_the_documents_year_alone(self) -> None:
        text = (
            "2017年,全县实现地区生产总值72.4亿元。\n"
            "今年全县经济社会发展的主要预期目标是:地区生产总值增长7.5%左右,到2020年突破100亿元。\n"
        )
        found = by_value(text, self.READ_AS_REVIEWED)
        assert found[7.5] == ("target", 2017)


class TestATargetCellWritingItsOwnUnit:
    def test_a_division_table_with_no_unit_column_reads_each_cells_unit(self, tmp_path: Path) -> None:
        doc = tmp_path / "some_district_targets_2024.md"
        doc.write_text(
            "某区2024年主要指标任务分解表\n"
            "| 序号 | 指标名称 | 2024年目标 | 牵头单位 |\n"
            "| --- | --- | --- | --- |\n"
            "| 1 | 地区生产总值增长 | 6%左右 | 区发改局 |\n"
            "| 2 | 固定资产投资 | 86亿元 | 区发改局 |\n"
            "| 3 | 城镇新增就业 | 4500人以上 | 区人社局 |\n",
            encoding="utf-8",
        )
        found = {(m.value, m.unit, m.comparator) for m in extract(doc).metrics}
        assert found == {(6, "%", "~"), (8600000000, "元", "="), (4500, "人", ">=")}
