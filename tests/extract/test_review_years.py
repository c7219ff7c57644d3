"""The year of a review of one year and of a plan with no period (sentences written here)."""

from __future__ import annotations

from pathlib import Path

from taizhang.extract import extract, indicator_tables
from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text


def info(text: str, name: str = "doc.txt") -> DocInfo:
    return doc_info(text, working_text(text), name)


def found(text: str, name: str = "doc.txt") -> list[tuple[str, float, str, int | None]]:
    d = info(text, name)
    metrics: list[Metric] = find_metrics(text, working_text(text), line_passages(text), d)
    return [(m.kind, m.value, m.unit, m.year) for m in metrics]


class TestReviews:
    def test_a_statistical_communique_reviews_the_year_of_its_title(self) -> None:
        text = (
            "2021年某某区国民经济和社会发展统计公报\n发布时间:2022-03-30\n一、综合\n"
            "全年全区实现生产总值120亿元,比上年增长5.1%。\n"
        )
        assert info(text).reviews == 2021
        assert found(text) == [("actual", 12e9, "元", 2021), ("actual", 5.1, "%", 2021)]

    def test_a_title_of_how_a_year_went_reviews_it(self) -> None:
        text = "某开发区2021年经济社会发展情况\n发布时间:2022-02-10\n全区完成固定资产投资32亿元。\n"
        assert info(text).reviews == 2021
        assert found(text) == [("actual", 3.2e9, "元", 2021)]

    def test_news_of_a_year_s_results_reviews_that_year(self) -> None:
        text = (
            "某某网讯 (记者 某某) 这是记者从3月2日全市2021年经济社会发展成就新闻发布会上获悉的。\n"
            "全区新签约项目15个,外贸进出口总额完成12亿元。\n"
        )
        assert info(text, "news_2022.txt").reviews == 2021
        assert found(text, "news_2022.txt") == [("actual", 15, "个", 2021), ("actual", 1.2e9, "元", 2021)]

    def test_news_of_a_year_end_stock_taking_reviews_that_year(self) -> None:
        text = (
            "某县专场新闻发布会\n11月30日,某市系列新闻发布会某县专场召开,某市2019年年终盘点采访组随后走进基层。\n"
            "全县地区生产总值2019年预计达到150亿元,人均GDP发展到2019年的3.1万元。\n"
        )
        assert info(text, "news_2019.txt").reviews == 2019
        assert found(text, "news_2019.txt") == [("actual", 1.5e10, "元", 2019), ("actual", 31000, "元", 2019)]

    def test_news_of_a_year_s_results_turning_to_the_next_year_sets_targets(self) -> None:
        text = (
            "记者从某开发区工作会议上了解到,去年经开区完成固定资产投资50亿元,增长9.1%。"
            "2024年,经开区将实现地区生产总值增长6.5%、规上工业增加值增长7%。\n"
        )
        assert info(text, "news_2024.txt").reviews == 2023
        assert found(text, "news_2024.txt") == [
            ("actual", 5e9, "元", 2023),
            ("actual", 9.1, "%", 2023),
            ("target", 6.5, "%", 2024),
            ("target", 7, "%", 2024),
        ]

    def test_news_of_a_five_year_period_s_results_reviews_up_to_its_own_year(self) -> None:
        text = (
            "某县发展成效显著\n本报讯(记者 某某)6月10日,某市政府新闻办举行发布会,展示某县“十四五”期间经济社会发展成就。\n"
            "全县森林覆盖率达58%,新增就业1.2万人。\n"
        )
        assert info(text, "news_2025.txt").reviews == 2025
        assert found(text, "news_2025.txt") == [("actual", 58, "%", 2025), ("actual", 12000, "人", 2025)]

    def test_a_span_of_past_years_dates_the_later_sentences_of_its_paragraph(self) -> None:
        text = (
            "某县发展成效显著\n本报讯(记者 某某)6月10日,某市政府新闻办举行发布会,展示某县“十四五”期间经济社会发展成就。\n"
            "数据显示,2020年至2024年间,全县生产总值年均增速达5.1%。农村居民人均可支配收入达16500元。\n"
            "全县森林覆盖率达58%。\n"
        )
        assert found(text, "news_2025.txt") == [
            ("actual", 5.1, "%", 2024),
            ("actual", 16500, "元", 2024),
            ("actual", 58, "%", 2025),
        ]

    def test_greater_results_to_come_are_no_review(self) -> None:
        text = "某县新闻\n本报讯(记者 某某)某县将在“十五五”期间取得更大成就,新建学校3所。\n"
        assert info(text, "news_2025.txt").reviews is None

    def test_a_place_in_a_ranking_is_no_metric(self) -> None:
        text = "据介绍,某县地区生产总值2020年达到90亿元,县域经济排名从全省101位跃升至76位。\n"
        assert [(v, u) for _, v, u, _ in found(text, "news_2020.txt")] == [(9e9, "元")]

    def test_the_last_figure_before_the_goals_named_is_one_of_them(self) -> None:
        text = "2024年,某区将实现地区生产总值增长6%、实际利用外资增长12.5%的经济发展目标。\n"
        assert found(text, "news_2024.txt") == [("target", 6, "%", 2024), ("target", 12.5, "%", 2024)]

    def test_a_statistical_account_with_no_year_is_of_the_document_s_own(self) -> None:
        text = "初步核算,全年完成地区生产总值88.5亿元,比上年增长6.2%。\n"
        assert found(text, "review_2021.txt") == [("actual", 8.85e9, "元", 2021), ("actual", 6.2, "%", 2021)]

    def test_news_of_last_year_s_results_reviews_it_to_the_end(self) -> None:
        text = (
            "某区经开区发展成效显著\n来源:某某日报 2023-02-10\n"
            "记者获悉,去年经开区实现地区生产总值62亿元,同比增长5.3%。\n规模以上工业增加值增长10.4%。\n"
        )
        assert info(text).reviews == 2022
        assert found(text)[-1] == ("actual", 10.4, "%", 2022)

    def test_news_of_the_months_gone_by_reviews_the_year_so_far(self) -> None:
        text = (
            "经开区经济运行稳中向好\n来源:某某网 2023-12-15\n"
            "1-11月,经开区完成固定资产投资125亿元,同比增长8.2%。规上工业增加值增长6.1%。\n"
        )
        assert info(text).reviews == 2023
        assert [k for k, *_ in found(text)] == ["actual"] * 3

    def test_so_far_this_year_is_reported(self) -> None:
        text = "经开区经济运行稳中向好\n来源:某某网 2023-12-15\n今年以来,经开区完成固定资产投资125亿元。\n"
        assert found(text) == [("actual", 1.25e10, "元", 2023)]

    def test_news_of_what_is_to_be_done_is_no_review(self) -> None:
        text = "某区新闻\n来源:某某日报 2023-02-10\n记者获悉,去年以来,全区将完成投资10亿元。\n"
        assert info(text).reviews is None

    def test_news_of_a_policy_issued_is_no_review(self) -> None:
        text = (
            "某区新闻\n来源:某某日报 2023-02-10\n近日,某区印发《某区数字经济实施方案》。"
            "去年全区完成数字经济投资10亿元。方案提出,新建5G基站500个。\n"
        )
        assert info(text).reviews is None

    def test_news_of_a_plan_reaching_a_later_year_is_no_review(self) -> None:
        text = (
            "某区印发数字经济行动方案(2023-2025年)\n来源:某某日报 2023-02-10\n"
            "记者获悉,去年全区完成数字经济投资10亿元。方案提出,新建5G基站500个。\n"
        )
        assert info(text).reviews is None

    def test_a_year_to_reach_is_no_review(self) -> None:
        text = "某某网讯 记者获悉,到2025年取得更大成就。全区将新建学校3所。\n"
        assert info(text, "news_2023.txt").reviews is None

    def test_a_plan_is_no_review(self) -> None:
        text = "某区实施方案\n初步核算,2022年全区完成投资10亿元。\n一、工作目标\n新建公园5个。\n"
        assert info(text, "plan_2023.txt").reviews is None


class TestPlansWithNoPeriod:
    def test_an_implementation_plan_naming_no_later_year_sets_targets_of_its_year(self) -> None:
        text = "某区垃圾分类实施方案\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个,70%以上居住区实现分类。\n"
        d = info(text)
        assert (d.period_start, d.written_for) == (None, 2019)
        assert found(text) == [("target", 120, "个", 2019), ("target", 70, "%", 2019)]

    def test_a_standing_plan_keeps_no_year(self) -> None:
        text = "某区垃圾分类实施方案(试行)\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个。\n"
        assert info(text).written_for is None
        assert found(text) == [("target", 120, "个", None)]

    def test_a_plan_naming_a_later_year_plans_up_to_it(self) -> None:
        text = "某区垃圾分类实施方案\n发布日期:2019-04-02\n一、工作目标\n到2021年,创建达标小区120个。\n"
        assert info(text).written_for is None
        assert found(text) == [("target", 120, "个", 2021)]

    def test_a_later_year_named_for_one_step_is_a_milestone_not_the_plans_end(self) -> None:
        text = (
            "某区垃圾分类实施方案\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个。\n"
            "二、主要任务\n1.推进设施建设。2019年完成选址,2019年完成立项,2019年完成环评,2019年开工建设,2020年形成处置能力。\n"
        )
        assert info(text).written_for == 2019
        assert ("target", 120, "个", 2019) in found(text)

    def test_a_later_year_named_as_often_as_its_own_makes_a_plan_of_several_years(self) -> None:
        text = (
            "某区垃圾分类实施方案\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个。\n"
            "二、主要任务\n1.2019年完成立项,2020年完成建设,2020年投入运行。\n"
        )
        assert info(text).written_for is None

    def test_a_plan_carrying_out_a_cited_regulation_is_no_standing_rule(self) -> None:
        text = "某区关于贯彻《某市生活垃圾管理条例》的实施方案\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个。\n"
        assert info(text).written_for == 2019
        issued = "关于印发《某区垃圾分类实施方案（试行）》的通知\n发布日期:2019-04-02\n一、工作目标\n创建达标小区120个。\n"
        assert info(issued).written_for is None  # the notice issues a standing (试行) plan

    def test_measures_stay_a_standing_policy(self) -> None:
        text = "关于促进某产业发展的若干措施\n发布日期:2019-04-02\n一、培育企业。新增企业20家。\n"
        assert info(text).written_for is None
        assert found(text) == [("target", 20, "家", None)]


class TestListsOfAYear:
    def test_a_sentence_opening_with_a_year_dates_the_list_after_its_colon(self) -> None:
        text = (
            "索引号 | 001/2021-00012 | 成文日期 | 2021-05-06 |\n"
            "区长在人代会上作政府工作报告时表示,2019年,区政府将重点办好以下实事:\n"
            "1.改善居住条件。完成老旧小区改造30个。\n2.缓解交通拥堵。新增公交线路5条。\n"
        )
        assert info(text).year == 2021
        assert found(text) == [("target", 30, "个", 2019), ("target", 5, "条", 2019)]

    def test_a_year_with_nothing_to_be_done_announces_no_targets(self) -> None:
        # (What was done in a past year: the year that opens the paragraph makes it a review.)
        text = "某区实施方案\n发布日期:2021-05-06\n2019年,全区完成以下工作:\n1.完成老旧小区改造30个。\n"
        assert found(text) == [("actual", 30, "个", 2019)]


class TestTargetsByArea:
    """A table of targets handed out by 街镇 with a column of a daily quota (吨/日)."""

    MARKDOWN = (
        "某区生活垃圾分类实施方案\n发布日期:2019-03-01\n附件\n各街镇达标小区任务分解表\n\n"
        "| 街镇 | 达标小区(个) | 湿垃圾分出量(吨/日) |\n| --- | --- | --- |\n"
        "| 甲街道 | 120 | 35 |\n| 乙街道 | 85 | 20 |\n| 合计 | 205 | 55 |\n"
    )
    BY_PARAGRAPH = (
        "某区生活垃圾分类实施方案\n发布日期:2019-03-01\n附件\n各街镇达标小区任务分解表\n\n"
        "街镇\n\n达标小区(个)\n\n湿垃圾分出量(吨/日)\n\n甲街道\n\n120\n\n35\n\n乙街道\n\n85\n\n20\n"
    )

    def extract(self, text: str, tmp_path: Path) -> list[tuple[str, float, str, int | None]]:
        path = tmp_path / "plan.txt"
        path.write_text(text, encoding="utf-8")
        return [(m.indicator, m.value, m.unit, m.year) for m in extract(path).metrics]

    def test_a_column_of_a_daily_quota_is_read_with_the_counts(self, tmp_path: Path) -> None:
        got = self.extract(self.MARKDOWN, tmp_path)
        assert ("甲街道湿垃圾分出量", 35, "吨/日", 2019) in got
        assert ("湿垃圾分出量", 55, "吨/日", 2019) in got  # 合计: the district's
        assert ("乙街道达标小区", 85, "个", 2019) in got
        assert len(got) == 6

    def test_a_table_flattened_a_cell_a_paragraph_is_read_by_its_unit_headings(self, tmp_path: Path) -> None:
        got = self.extract(self.BY_PARAGRAPH, tmp_path)
        assert sorted(got) == sorted(
            [
                ("甲街道达标小区", 120, "个", 2019),
                ("甲街道湿垃圾分出量", 35, "吨/日", 2019),
                ("乙街道达标小区", 85, "个", 2019),
                ("乙街道湿垃圾分出量", 20, "吨/日", 2019),
            ]
        )

    def test_a_column_of_sequence_numbers_is_passed_over(self, tmp_path: Path) -> None:
        text = (
            "某区生活垃圾分类实施方案\n发布日期:2019-03-01\n附件\n各街镇目标任务分解表\n\n"
            "| 序号 | 街镇 | 达标小区(个) | 绿色账户(万户) |\n| --- | --- | --- | --- |\n"
            "| 1 | 甲街道 | 120 | 6.7 |\n| 2 | 乙街道 | 85 | 4.2 |\n"
        )
        got = self.extract(text, tmp_path)
        assert ("甲街道绿色账户", 67000, "户", 2019) in got
        assert len(got) == 4

    def test_a_unit_line_above_gives_headings_their_unit(self, tmp_path: Path) -> None:
        text = (
            "某区生活垃圾分类实施方案\n发布日期:2019-03-01\n附件\n各街镇目标任务分解表\n单位:个\n\n"
            "| 街镇 | 达标小区 | 示范小区 |\n| --- | --- | --- |\n| 甲街道 | 120 | 10 |\n| 乙街道 | 85 | 6 |\n"
        )
        got = self.extract(text, tmp_path)
        assert ("乙街道示范小区", 6, "个", 2019) in got
        assert len(got) == 4

    def test_a_table_flattened_a_cell_a_line_is_read(self, tmp_path: Path) -> None:
        text = (
            "某区生活垃圾分类实施方案\n发布日期:2019-03-01\n附件\n各街镇目标任务分解表\n"
            "序号\n街镇\n达标小区(个)\n绿色账户(万户)\n1\n甲街道\n120\n6.7\n2\n乙街道\n85\n4.2\n"
        )
        got = self.extract(text, tmp_path)
        assert ("乙街道达标小区", 85, "个", 2019) in got
        assert len(got) == 4

    def test_a_magnitude_per_head_is_no_unit_heading(self) -> None:
        assert not indicator_tables._unit_word("人均收入(万元/人)", 0, len("人均收入(万元/人)"))
        assert indicator_tables._unit_word("日处理能力(吨/天)", 0, len("日处理能力(吨/天)"))


class TestPastYearsInAParagraph:
    def test_a_past_year_opening_a_sentence_dates_the_later_sentences(self) -> None:
        text = (
            "某市工作会议召开\n发布日期:2020-04-15\n"
            "会议总结了去年的工作。2019年,全市创建示范街镇35个。可回收物回收量达到2000吨/日,环比增长40%。"
            "2020年,本市将实现湿垃圾分出量9000吨/日。\n"
        )
        assert found(text) == [
            ("actual", 35, "个", 2019),
            ("actual", 2000, "吨/日", 2019),
            ("actual", 40, "%", 2019),
            ("target", 9000, "吨/日", 2020),
        ]

    def test_what_the_paragraph_plans_is_not_dated_by_a_past_year(self) -> None:
        text = "某市工作方案\n发布日期:2020-04-15\n一、目标\n回顾过去。2019年,全市完成改造10个。下一步将力争新建公园5个。\n"
        assert ("actual", 5, "个", 2019) not in found(text)


class TestFiguresWithALeadingZero:
    def test_a_number_with_a_leading_zero_is_no_figure(self) -> None:
        text = "某市工作方案\n发布日期:2020-04-15\n确保回收量?000吨/日以上,湿垃圾分出量达到0.6吨/日。\n"
        assert [v for _, v, _, _ in found(text)] == [0.6]


class TestTheEndOfAChange:
    def test_the_year_a_change_starts_from_does_not_date_its_end(self) -> None:
        text = (
            "某市工作会议召开\n发布日期:2020-04-15\n会议指出,2019年居住区达标率由2018年年底的15%提高到90%。\n"
        )
        assert found(text) == [("actual", 15, "%", 2018), ("actual", 90, "%", 2019)]


class TestWorkReportsLateInTheYear:
    def test_a_report_given_in_december_reviews_its_own_year_and_plans_the_next(self) -> None:
        text = (
            "政府工作报告\n——2018年12月20日在某县第十八届人民代表大会第二次会议上\n各位代表:\n"
            "2018年是本届政府的开局之年。预计到年末,全县地区生产总值完成115亿元,同比增长7%。\n"
            "一、主要工作\n园区新建标准厂房30万平方米。\n"
            "二、明年工作安排\n地区生产总值增长6%。\n"
        )
        d = info(text)
        assert (d.kind, d.year, d.reviews) == ("work_report", 2018, 2018)
        assert found(text) == [
            ("actual", 11.5e9, "元", 2018),
            ("actual", 7, "%", 2018),
            ("actual", 300000, "平方米", 2018),
            ("target", 6, "%", 2019),
        ]

    def test_a_report_given_early_in_the_year_reviews_the_year_before(self) -> None:
        text = (
            "政府工作报告\n——2019年1月10日在某县第十八届人民代表大会第三次会议上\n各位代表:\n"
            "一、2018年工作回顾\n全县地区生产总值完成115亿元。\n二、2019年工作安排\n地区生产总值增长6%。\n"
        )
        d = info(text)
        assert (d.year, d.reviews) == (2019, None)
        assert found(text) == [("actual", 11.5e9, "元", 2018), ("target", 6, "%", 2019)]


class TestNewsReadingAReport:
    def test_a_review_opener_after_the_report_it_is_read_from_reviews_the_year_before(self) -> None:
        text = (
            "某市政协网 发布时间:2022-06-21\n对《市政府工作报告》进行解读。\n"
            "《市政府工作报告》指出,过去一年全市经济发展稳中有进。实现地区生产总值418亿元,增长13.9%。\n"
        )
        assert found(text) == [("actual", 41.8e9, "元", 2021), ("actual", 13.9, "%", 2021)]

    def test_a_point_made_with_no_opener_after_it_dates_nothing(self) -> None:
        text = "某局局长：主席，\n我要指出,新措施将新增宿位500个。\n"
        assert ("actual", 500, "个", 2012) not in found(text, "speech_2013.txt")


class TestAYearOpeningAParagraph:
    """A year alone at a paragraph's or sentence's opening dates every result its clauses report,
    in news of a year's results whose own year is that year or is not given (dated 3月2日 only)."""

    NEWS = (
        "3月2日,某高新区召开新闻发布会。\n"
        "2021年,某高新区经济运行保持稳中向好态势,实现地区生产总值61.3亿元、同比增长5.2%;"
        "实现一般公共预算收入3.05亿元;实现固定资产投资增长7.4%;规模以上工业增加值增长9.8%。\n"
        "2021年,全区坚持项目为王,集聚规模以上工业企业58家,营业收入达80亿元。"
        "其中,2家龙头企业过10亿元。\n"
    )
    FOUND = [
        ("actual", 6.13e9, "元", 2021),
        ("actual", 5.2, "%", 2021),
        ("actual", 3.05e8, "元", 2021),
        ("actual", 7.4, "%", 2021),
        ("actual", 9.8, "%", 2021),
        ("actual", 58, "家", 2021),
        ("actual", 8e9, "元", 2021),
        ("actual", 2, "家", 2021),
        ("actual", 1e9, "元", 2021),
    ]

    def test_every_clause_after_the_year_reports_it(self) -> None:
        assert info(self.NEWS, "news.txt").year is None
        assert found(self.NEWS, "news.txt") == self.FOUND

    def test_so_it_does_when_the_news_is_of_that_same_year(self) -> None:
        text = "某某网讯(记者 某某)" + self.NEWS
        assert info(text, "news_2021.txt").year == 2021
        assert found(text, "news_2021.txt") == self.FOUND

    def test_a_goal_of_the_text_s_own_year_stays_a_target(self) -> None:
        text = "三、工作目标\n2025年,完成120辆新能源环卫车辆配置工作,实现环卫设施更新率达到30%。\n"
        assert [(k, y) for k, _, _, y in found(text, "notice_2025.txt")] == [
            ("target", 2025),
            ("target", 2025),
        ]

    def test_a_speaker_quoted_names_the_year_without_a_comma(self) -> None:
        text = (
            "日前,某市政府新闻办举行新闻发布会。\n"
            "某区负责人:“经济社会发展保持稳中有进态势。2021年全区实现地区生产总值70.2亿元、同比增长4.3%,"
            "实现一般公共预算收入3.6亿元。”\n"
        )
        assert found(text, "news_2021.txt") == [
            ("actual", 7.02e9, "元", 2021),
            ("actual", 4.3, "%", 2021),
            ("actual", 3.6e8, "元", 2021),
        ]

    def test_a_review_of_a_period_dates_its_clauses_by_its_last_year(self) -> None:
        text = (
            "一、发展基础\n“十三五”时期,我县各项经济指标保持平稳增长,到2020年底,预计实现地区生产总值"
            "80.5亿元,同比2015年增长55.2%;财政收入预计实现5.2亿元,同比2015年增长61%。\n"
        )
        assert found(text) == [
            ("actual", 8.05e9, "元", 2020),
            ("actual", 55.2, "%", 2020),
            ("actual", 5.2e8, "元", 2020),
            ("actual", 61, "%", 2020),
        ]

    def test_a_goal_paragraph_keeps_its_targets(self) -> None:
        text = (
            "到2025年,地区生产总值达到150亿元;财政收入达到9亿元。\n"
            "2024年,全区将实现地区生产总值增长6%,新增市场主体500家。\n"
        )
        assert [(k, y) for k, _, _, y in found(text)] == [
            ("target", 2025),
            ("target", 2025),
            ("target", 2024),
            ("target", 2024),
        ]

    def test_a_measure_s_own_year_before_its_figures_keeps_them_targets(self) -> None:
        text = "2.争取资金支持。2023年政府专项债储备额度40亿元以上,年度专项债资金使用完成率实现100%。\n"
        assert [(k, y) for k, _, _, y in found(text, "measures_2023.txt")] == [
            ("target", 2023),
            ("target", 2023),
        ]


class TestAHeadlineOfAYearsResults:
    def test_news_of_a_work_report_headed_by_a_result_reviews_that_year(self) -> None:
        text = (
            "某市2021年地区生产总值增长6.2%,全年新签约项目300个\n"
            "1月28日上午,某市人民代表大会开幕,市长在会上作政府工作报告。\n"
            "报告指出,2021年,全市地区生产总值增长6.2%,一般公共预算收入增长5.1%。\n"
            "过去一年,全市新签约招商项目300个。\n"
        )
        d = info(text, "news_2022.txt")
        assert (d.year, d.reviews) == (2021, 2021)
        assert all(k == "actual" and y == 2021 for k, _, _, y in found(text, "news_2022.txt"))

    def test_a_headline_of_a_goal_does_not(self) -> None:
        text = (
            "某市2022年地区生产总值预期增长6%\n"
            "1月28日上午,某市人民代表大会开幕,市长在会上作政府工作报告。\n"
            "报告提出,2022年,全市地区生产总值预期增长6%。\n"
        )
        assert info(text, "news_2022.txt").reviews != 2022


class TestNewsOfTheYearsResults:
    """A reporter's account of a year's results (记者从…获悉,2021年,…): every clause after the year."""

    TEXT = (
        "记者 某某3月5日,记者从某区经济发展成效新闻发布会获悉,2021年,某经开区经济运行稳中向好,"
        "实现地区生产总值58.3亿元、同比增长6.1%;实现一般公共预算收入3.16亿元;实现固定资产投资增长7.4%。"
        "全区集聚规模以上工业企业64家。\n"
    )

    def test_every_clause_after_the_opening_year_is_that_year_s_result(self) -> None:
        got = found(self.TEXT, "some_zone_review_2021.txt")
        assert got == [
            ("actual", 5.83e9, "元", 2021),
            ("actual", 6.1, "%", 2021),
            ("actual", 3.16e8, "元", 2021),
            ("actual", 7.4, "%", 2021),
            ("actual", 64, "家", 2021),
        ]

    def test_what_the_news_says_will_be_done_stays_a_target(self) -> None:
        text = self.TEXT.replace("全区集聚规模以上工业企业64家。", "下一步,全区将新增规模以上工业企业10家。")
        assert found(text, "some_zone_review_2021.txt")[-1][0] == "target"


class TestCapacitiesOnceRunning:
    """What projects or land will yield once running or if carried out (达产后, 建成后, 如果…落实) is a
    capacity of no year, even inside a review (光明新区's 2016 work report, 香港's 2013 policy address)."""

    def test_a_park_s_output_once_running_has_no_year(self) -> None:
        text = (
            "东湖新区2031年政府工作报告\n2030年工作回顾\n"
            "2030年,全区完成地区生产总值300亿元。\n"
            "一是产业集聚加快。科技园区共入驻42家企业,达产后预计年产值约560亿元。"
            "物流园新入驻企业12家,全部投产后年产值90亿元。\n"
        )
        got = found(text)
        assert ("target", 56e9, "元", None) in got
        assert ("target", 9e9, "元", None) in got
        assert ("actual", 30e9, "元", 2030) in got

    def test_what_land_would_yield_if_carried_out_has_no_year(self) -> None:
        text = (
            "某某区2031年施政报告\n"
            "规划部门已检讨23幅用地,如果项目落实,预计可提供超过8 000个单位。\n"
            "规划部门完成检讨后,全年可提供约500个单位。\n"
        )
        got = found(text)
        assert ("target", 8000, "个", None) in got
        assert not any(v == 500 and y is None for _, v, _, y in got)

    def test_what_land_can_yield_has_no_year_unless_years_ahead_date_it(self) -> None:
        text = (
            "某某区2031年施政报告\n"
            "北部新区按规划可提供约320公顷可发展土地,其中房屋用地可建21 000个单位。\n"
            "未来3年,一手市场预计可以提供12 000个单位。\n"
        )
        got = found(text)
        assert ("target", 320, "公顷", None) in got
        assert ("target", 21000, "个", None) in got
        assert ("target", 12000, "个", 2034) in got
