"""What a document says of itself: title, own year, plan period and kind."""

from __future__ import annotations

from typing import Any

import pytest

from taizhang.extract import docinfo as docinfo_module
from taizhang.extract.docinfo import doc_info, five_year_period
from taizhang.extract.lexicon import LexiconError
from taizhang.extract.model import DocInfo
from taizhang.extract.normalise import working_text


def info(text: str, name: str = "doc.txt") -> DocInfo:
    return doc_info(text, working_text(text), name)


class YearTestCase:
    def test_it_reads_a_date_line_with_slashes(self) -> None:
        assert info("某区产业发展规划\n\n浏览量:12\n发布时间:2022/02/24\n正文。").year == 2022

    def test_it_reads_a_news_time_line(self) -> None:
        assert info("标题新闻\n • 时间:2022-06-21 16:38\n正文。").year == 2022

    def test_it_reads_a_date_in_chinese_numerals_at_the_end(self) -> None:
        text = "关于加强某项工作的意见\n一、总体要求。\n某市人民政府\n二〇二一年六月十八日"
        assert info(text).year == 2021

    def test_it_ignores_the_year_of_a_cited_document_number(self) -> None:
        text = "关于推进开发区创新提升的若干措施\n根据《某某意见》(国发〔2019〕11号)精神,制定如下措施。"
        assert info(text).year is None

    def test_a_period_in_the_title_gives_its_first_year(self) -> None:
        d = info("某市数字经济发展规划(2023—2025年)\n正文。")
        assert (d.year, d.period_start, d.period_end) == (2023, 2023, 2025)

    def test_a_work_report_without_a_date_plans_for_the_latest_year_it_names(self) -> None:
        text = "记者某某 报道\n区长作政府工作报告。报告总结回顾2023年工作,部署安排2024年工作,全面推进各项任务落实落细落到位。"
        d = info(text)
        assert (d.kind, d.year) == ("work_report", 2024)

    def test_the_file_name_gives_the_year_when_the_text_gives_none(self) -> None:
        assert info("关于支持企业发展的若干措施\n正文。", name="measures_2021.txt").year == 2021

    def test_with_nothing_to_go_on_the_year_is_none(self) -> None:
        assert info("关于支持企业发展的若干措施\n正文。", name="a.txt").year is None

    def test_a_work_report_dated_at_a_congress_session_is_a_work_report(self) -> None:
        text = (
            "2019年1月29日某区第二届人民代表大会第三次会议\n某区人民政府区长 某某\n一、2018年工作回顾\n正文。"
        )
        d = info(text)
        assert (d.kind, d.year) == ("work_report", 2019)


class PeriodTestCase:
    @pytest.mark.parametrize(("n", "years"), [(13, (2016, 2020)), (14, (2021, 2025)), (11, (2006, 2010))])
    def test_five_year_plans_are_numbered_from_the_sixth_in_1981(
        self, n: int, years: tuple[int, int]
    ) -> None:
        assert five_year_period(n) == years

    def test_a_plan_named_shisiwu_covers_2021_to_2025(self) -> None:
        d = info("罗湖区产业发展“十四五”规划\n\n正文。")
        assert (d.period_start, d.period_end, d.kind) == (2021, 2025, "plan")

    def test_the_period_of_a_cited_document_is_not_the_documents_own(self) -> None:
        d = info(
            "为贯彻落实《某省数字经济发展规划(2018-2022年)》,制定本行动方案。\n一、工作任务\n正文。",
            "p_2019.txt",
        )
        assert (d.year, d.period_start, d.period_end, d.kind) == (2019, None, None, "plan")

    def test_a_plan_named_by_the_full_number_of_its_five_year_plan(self) -> None:
        d = info("某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n正文。")
        assert (d.period_start, d.period_end, d.kind) == (2021, 2025, "plan")


class TitleTestCase:
    def test_a_title_wrapped_over_two_lines_is_joined(self) -> None:
        d = info("廣州開發區關于推進創新提升打造\n改革開放新高地的若干措施\n為深入貫徹……,制定如下措施。")
        assert d.title == "廣州開發區關于推進創新提升打造改革開放新高地的若干措施"
        assert d.kind == "measures"

    def test_breadcrumbs_and_bylines_are_not_the_title(self) -> None:
        d = info("首页 > 服务\n\n设立产业母基金!某区优化营商环境“放大招”\n\n • 来源:某报\n正文。")
        assert d.title == "设立产业母基金!某区优化营商环境“放大招”"
        assert d.kind == "news"

    def test_a_photo_caption_and_boxed_figures_are_not_the_title(self) -> None:
        d = info(
            "(资料图片仅供参考)\n●新增企业12家\n某区经济稳中向好\n某某网讯 (记者 某某) 2023年,某区完成投资5亿元。"
        )
        assert d.title == "某区经济稳中向好"

    def test_without_a_heading_line_the_first_cited_title_is_taken(self) -> None:
        long_line = "日前," + "某" * 70 + "《某区优化营商环境行动方案》正式印发。"
        assert info(long_line).title == "某区优化营商环境行动方案"

    def test_a_title_the_document_follows_is_not_its_title(self) -> None:
        long_line = "为贯彻落实《某省数字经济发展规划》," + "某" * 70 + "。"
        assert info(long_line).title == ""

    def test_a_markdown_heading_is_a_title_without_its_marks(self) -> None:
        d = info("# 关于印发《某区城市体检实施方案(试行)》的通知\n\n正文。")
        assert (d.title, d.kind) == ("关于印发《某区城市体检实施方案(试行)》的通知", "plan")

    def test_a_dateline_is_not_the_title(self) -> None:
        text = "2019年1月29日某区第二届人民代表大会第三次会议上\n一、2018年工作回顾\n正文。"
        assert info(text).title == ""


class KindTestCase:
    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("《某区优化营商环境若干措施》任务分解表", "table"),
            ("2025年某区政府工作报告", "work_report"),
            ("2013-14年度财政预算案", "work_report"),
            ("关于支持先进制造业发展的若干措施", "measures"),
            ("某区营商环境创新试点行动纲要(2022-2025年)", "plan"),
            ("某区推进数字政府建设实施方案", "plan"),
            ("关于印发《某区城市更新三年行动方案》的通知", "plan"),
            ("我区出台优化营商环境行动方案", "news"),
            ("某区召开营商环境工作会议", "news"),
            ("某区营商环境工作简报第3期", "other"),
        ],
    )
    def test_the_title_names_the_kind(self, title: str, kind: str) -> None:
        assert info(f"{title}\n\n正文。").kind == kind

    @pytest.mark.parametrize(
        ("opening", "kind"),
        [
            ("为加快数字经济发展,特制定本行动计划。", "plan"),
            ("为加快数字经济发展,结合我市实际,制定本实施方案。", "plan"),
            ("为促进先进制造业发展,制定若干政策措施如下。", "measures"),
            ("各市人民政府:为加快产业发展,现提出如下意见。", "measures"),
            ("受国务院委托,现就数字经济发展情况报告如下,请审议。", "report"),
            ("为做好全年工作,召开会议研究部署。", "other"),
        ],
    )
    def test_without_a_title_the_name_it_gives_itself_tells_the_kind(self, opening: str, kind: str) -> None:
        assert info(f"{opening}\n一、总体要求\n正文。").kind == kind

    def test_a_speech_to_a_congress_standing_committee_is_a_report(self) -> None:
        text = "2022年10月28日在全国人民代表大会常务委员会第三十七次会议上\n某某\n正文。"
        assert info(text).kind == "report"

    def test_a_page_with_a_source_line_is_news(self) -> None:
        assert info("某区又有新举措\n来源:某报 记者 某某\n正文。").kind == "news"


class OneYearTestCase:
    """A document of one year plans for it (docinfo.plan_year): its period is that one year."""

    def test_a_notice_whose_title_names_its_year_plans_for_it(self) -> None:
        d = info(
            "关于做好2024年本市可再生能源开发建设有关事项的通知\n一、本年度新增光伏100万千瓦。\n2024年9月12日"
        )
        assert (d.year, d.period_start, d.period_end) == (2024, 2024, 2024)

    def test_a_title_naming_the_next_year_plans_for_that_year(self) -> None:
        d = info("某区2025年工作要点\n一、重点任务。\n某区人民政府\n2024年12月28日")
        assert (d.year, d.period_start, d.period_end) == (2024, 2025, 2025)

    def test_a_title_naming_a_past_year_plans_for_none(self) -> None:
        d = info("关于2023年度某项工作开展情况的通知\n正文。\n2024年3月1日")
        assert (d.period_start, d.period_end) == (None, None)

    def test_an_annual_plan_with_deadlines_in_its_year_plans_for_it(self) -> None:
        text = "某区城市更新实施方案\n一、完成旧住房修缮20万平方米(6月底前完成)。\n2025年3月1日"
        d = info(text)
        assert (d.kind, d.year, d.period_start, d.period_end) == ("plan", 2025, 2025, 2025)

    def test_an_annual_plan_dated_by_month_in_its_task_table_plans_for_its_year(self) -> None:
        text = (
            "某区养老服务提升工作方案\n一、年度目标\n新增养老床位200张。\n附件\n序号\n\n工作任务\n\n完成时限\n\n"
            "1\n\n完成床位建设\n\n2031年6月\n\n2\n\n完成验收\n\n2031年11月\n某区民政局\n2031年2月10日"
        )
        assert (info(text).period_start, info(text).period_end) == (2031, 2031)

    def test_an_annual_plan_scheduled_by_quarter_plans_for_its_year(self) -> None:
        text = "某区背街小巷整治实施方案\n一、二季度完成排查;三季度完成整治;四季度完成验收。\n2031年2月10日"
        assert (info(text).period_start, info(text).period_end) == (2031, 2031)

    def test_a_plan_dated_by_month_into_a_later_year_is_not_of_one_year(self) -> None:
        text = "某区排水改革实施方案\n一、2031年6月完成清单;2031年12月完成移交;2032年6月完成考核。\n2031年2月10日"
        d = info(text)
        assert d.period_start != d.period_end or d.period_start is None

    def test_a_plan_with_a_later_year_to_reach_is_not_of_one_year(self) -> None:
        text = "某区城市更新实施方案\n到2027年,完成修缮100万平方米;年底前启动试点。\n2025年3月1日"
        d = info(text)
        assert d.period_start != d.period_end or d.period_start is None

    def test_work_points_naming_a_later_milestone_still_plan_for_their_year(self) -> None:
        text = (
            "某区优化营商环境工作要点\n一、全年新增市场主体8000户。到2026年,营商环境评价进入全省前列。\n"
            "二、年底前建成政务服务驿站30个。\n某区人民政府办公室\n2031年3月5日"
        )
        d = info(text)
        assert (d.kind, d.year, d.period_start, d.period_end) == ("plan", 2031, 2031, 2031)

    def test_an_annual_plan_by_its_title_is_of_one_year_despite_a_later_year(self) -> None:
        text = (
            "某县农村公路年度建设计划\n一、新改建农村公路50公里。到2033年,实现等级公路全覆盖。\n2031年2月1日"
        )
        assert (info(text).period_start, info(text).period_end) == (2031, 2031)

    def test_a_later_year_inside_a_cited_title_does_not_count(self) -> None:
        text = "某区城市更新实施方案\n按照《某市行动方案(2024-2027年)》要求,年底前完成修缮20万平方米。\n2025年3月1日"
        assert (info(text).period_start, info(text).period_end) == (2025, 2025)

    def test_the_day_a_record_of_proceedings_heads_its_pages_with_is_no_plan_year(self) -> None:
        # 香港 立法会's records head each page with the day of the sitting (the 2013 policy address
        # and budget speech): the speech given that day plans for no year the heading names.
        text = (
            "立法会 ─ 2031年 1月 16日\n\n3395\n\n会议过程正式纪录\n\n2031年 1月 16日星期三\n\n"
            "行政长官:主席,我们会增设120张康复病床。\n\n立法会 ─ 2031年 1月 16日\n\n3396\n"
        )
        d = info(text)
        assert (d.year, d.period_start, d.period_end) == (2031, None, None)

    def test_the_year_of_a_revision_is_no_plan_year(self) -> None:
        d = info("某市文明行为促进条例(2021年修订)\n第一条 为了……\n2021年9月29日")
        assert (d.period_start, d.period_end) == (None, None)

    def test_a_standing_rule_on_trial_plans_for_no_year(self) -> None:
        text = "某区城市体检实施方案(试行)\n每年选取4个试点镇,年底前完成体检报告。\n2024年5月18日"
        assert (info(text).period_start, info(text).period_end) == (None, None)

    def test_a_period_in_a_second_cited_title_is_not_the_documents_own(self) -> None:
        text = (
            "关于印发《某市粮仓光伏建设实施方案》的通知\n按照《某市碳达峰实施方案》《某市绿色低碳转型行动方案"
            "(2024-2027年)》等文件要求,制定如下方案。\n2025年2月28日"
        )
        assert (info(text).period_start, info(text).period_end) == (None, None)

    def test_a_policy_address_is_a_work_report(self) -> None:
        assert info("二〇一三年施政報告\n主席先生:\n正文。").kind == "work_report"

    def test_the_label_of_a_front_matter_title_is_not_part_of_it(self) -> None:
        assert (
            info("---\n标题: 某区城市更新2025年度实施计划\n---\n正文。").title
            == "某区城市更新2025年度实施计划"
        )


class SignatureDateTestCase:
    def test_the_signature_of_a_notice_before_a_long_plan_gives_the_year(self) -> None:
        body = "正文。" * 400
        text = f"关于转发某区城市更新实施方案的通知\n各街镇:\n现转发给你们。\n二〇一九年三月十五日\n某区城市更新实施方案\n{body}\n附件"
        assert info(text).year == 2019

    def test_a_date_that_opens_a_sentence_is_not_a_signature(self) -> None:
        body = "正文。" * 400
        text = f"某项工作的通知\n{body}\n2018年3月1日,区政府召开会议。\n{body}"
        assert info(text, "a.txt").year is None

    def test_a_task_table_whose_title_names_its_year_is_of_that_year(self) -> None:
        d = info(
            "某区2019年生活垃圾分类工作任务分解表\n序号 任务 牵头单位\n1 完成 区绿化市容局\n2019年2月1日"
        )
        assert (d.kind, d.period_start, d.period_end) == ("table", 2019, 2019)


class ErrorTestCase:
    def test_a_working_text_of_another_length_is_refused_with_the_file_name(self) -> None:
        with pytest.raises(ValueError, match="plan.txt"):
            doc_info("abc", "ab", "plan.txt")

    def test_a_malformed_word_list_names_its_file_and_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = docinfo_module.load_data

        def broken(name: str) -> dict[str, Any]:
            return {**real(name), "plan": "规划"}

        monkeypatch.setattr(docinfo_module, "load_data", broken)
        docinfo_module.doc_words.cache_clear()
        try:
            with pytest.raises(LexiconError, match=r"doc_kinds\.json.*'plan'"):
                docinfo_module.doc_words()
        finally:
            docinfo_module.doc_words.cache_clear()


# The tail of an item cut from the middle of a division of tasks: no title of its own.
PART_HEAD = (
    "责任单位:省发展改革委、省经信厅、省科技厅、省财政厅、省商务厅、省税务局、省统计局、省地方金融监管局、"
    "省人力社保厅、省交通运输厅、省农业农村厅\n"
)


def test_an_untitled_part_of_a_division_of_tasks_plans_for_its_year_when_it_sets_targets_of_the_year() -> (
    None
):
    text = PART_HEAD + "2.稳住工业增长,力争全年工业增加值增长6%。\n责任单位:省经信厅\n"
    got = doc_info(text, working_text(text), "part_2024.txt")
    assert (got.year, got.period_start, got.period_end) == (2024, 2024, 2024)


def test_an_untitled_text_with_no_target_of_the_year_plans_for_no_one_year() -> None:
    text = PART_HEAD + "2.稳住工业增长,工业增加值增长6%。\n责任单位:省经信厅\n"
    got = doc_info(text, working_text(text), "part_2024.txt")
    assert (got.year, got.period_start) == (2024, None)


def test_a_plan_a_task_of_the_plan_names_is_cited_and_gives_no_period() -> None:
    text = (
        "关于印发《2026年某市城市更新行动方案》的通知\n各区:\n现将方案印发给你们。\n2026年3月1日\n"
        "任务1:推进《某市历史文化名城保护规划（2024—2035年）》编制与实施。\n"
    )
    got = doc_info(text, working_text(text), "doc.txt")
    assert (got.year, got.period_start, got.period_end) == (2026, 2026, 2026)


def test_the_plan_announced_keeps_its_period() -> None:
    text = "某区人民政府关于印发《某区绿化三年行动计划（2024—2026年）》的通知\n现将《某区绿化三年行动计划（2024—2026年）》印发给你们。\n"
    got = doc_info(text, working_text(text), "doc.txt")
    assert (got.period_start, got.period_end) == (2024, 2026)


def test_a_row_of_page_metadata_cells_is_not_the_title():
    text = (
        "索引号 | 11223344/2031-00012 | 公开方式 | 主动公开 |\n"
        "发布单位 | 县府办 | 发文日期 | 2031-07-05 |\n"
        "2031年县政府民生实事项目进展情况表(截至6月底)\n"
        "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
    )
    got = info(text)
    assert got.title == "2031年县政府民生实事项目进展情况表(截至6月底)"
    assert got.year == 2031 and got.period_start == got.period_end == 2031


def test_an_untitled_text_opening_with_a_years_livelihood_projects_is_of_that_year():
    text = "2031年市政府民生实事项目共有35项任务,各责任单位高度重视。现将1—6月份进展情况予以公示。\n1.新建公园8个。\n"
    info = doc_info(text, working_text(text), "notice_2031.txt")
    assert (info.year, info.period_start, info.period_end) == (2031, 2031, 2031)


def test_a_chapter_heading_is_not_the_title_of_a_part_cut_out_of_a_plan() -> None:
    text = "第三部分：发展目标\n\n一、总体目标\n\n到2031年，基本建成某区公园城市。\n"
    got = doc_info(text, working_text(text), "some_plan_2027_part.txt")
    assert (got.title, got.year, got.kind) == ("", 2027, "other")
    text = "第二章 主要任务\n\n推进绿道建设。\n"
    assert doc_info(text, working_text(text), "x_2027_part.txt").title == ""
