"""Periods a speech or report reviews and plans (taizhang.extract.periods) and rates said before
their measure (taizhang.extract.rates): one convention per test, on short synthetic texts."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text
from taizhang.extract.periods import (
    TO_DATE,
    arabic_years,
    fiscal_paragraph_marks,
    fiscal_year_closed,
    relative_fiscal_years,
    reviews_past_years,
    year_heading_marks,
    years_ahead,
)
from taizhang.extract.rates import (
    compares_with_measure,
    shared_comparator_after,
    sizes_amount_after,
    sizes_measure_after,
    tenths_is_share,
)

SPEECH = DocInfo(title="财政预算案", year=2016, kind="work_report")


def find(text: str, info: DocInfo = SPEECH) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), info)


def by_value(text: str, info: DocInfo = SPEECH) -> dict[float, Metric]:
    return {m.value: m for m in find(text, info)}


class TestFiscalYears:
    def test_a_fiscal_year_named_with_caizheng_is_a_fiscal_year(self) -> None:
        m = by_value("2016-2017财政年度的土地供应可兴建约3万个住宅单位。")[30000]
        assert (m.kind, m.year) == ("target", 2017)

    def test_a_school_year_is_the_year_it_ends_in(self) -> None:
        m = by_value("在2014-2015学年,有接近600名有特殊教育需要的同学就读专上课程。")[600]
        assert (m.kind, m.year) == ("actual", 2015)

    def test_a_fiscal_year_that_ends_in_the_speech_year_is_reported(self) -> None:
        m = by_value("2015-2016年度政府收入的修订预算达5,000亿元。")[500_000_000_000]
        assert (m.kind, m.year) == ("actual", 2016)

    def test_a_fiscal_year_after_the_speech_year_is_planned(self) -> None:
        m = by_value("2016-17年度的总收入预计为4,800亿元。")[480_000_000_000]
        assert (m.kind, m.year) == ("target", 2017)

    def test_a_fiscal_year_after_a_word_of_comparison_is_a_base_not_the_year(self) -> None:
        text = "2016-2017年度的总开支预计为4,900亿元,较2015-2016年度的修订预算增加12.5%。"
        m = by_value(text)[12.5]
        assert (m.kind, m.year) == ("target", 2017)

    def test_closed_needs_the_fiscal_year_to_be_the_nearest_year(self) -> None:
        w = working_text("2015-16年度的收入达100亿元")
        assert fiscal_year_closed(w, 0, w.index("100"), 2016, 2016)
        w = working_text("2016年收入达100亿元")
        assert not fiscal_year_closed(w, 0, w.index("100"), 2016, 2016)


class TestYearHeadings:
    TEXT = (
        "引言\n \n 今年的预算案有四个重点。\n \n"
        "2015年经济表现\n \n 本港经济全年增长2.4%,失业率为3.3%。\n \n"
        "2016年经济展望\n \n 本港经济增长1%至2%。\n \n"
        "支援中小企\n \n 我建议拨款10亿元。\n"
    )

    def test_a_heading_naming_a_past_year_reviews_its_section(self) -> None:
        found = by_value(self.TEXT)
        assert (found[2.4].kind, found[2.4].year) == ("actual", 2015)
        assert (found[3.3].kind, found[3.3].year) == ("actual", 2015)

    def test_a_heading_naming_the_speech_year_plans_its_section(self) -> None:
        m = by_value(self.TEXT)[1]
        assert (m.kind, m.year) == ("target", 2016)

    def test_the_section_ends_at_the_next_heading(self) -> None:
        marks = list(year_heading_marks(working_text(self.TEXT), 2016))
        assert [(k.kind, k.year) for k in marks] == [("actual", 2015), ("target", 2016)]
        assert working_text(self.TEXT)[marks[1].end :].startswith("支援中小企")

    def test_a_fiscal_year_heading_that_ends_in_the_speech_year_reviews(self) -> None:
        text = "引言\n \n 本年度。\n \n2015-2016年度修订预算\n \n 我预计修订预算为3,900亿元。\n"
        m = by_value(text)[390_000_000_000]
        assert (m.kind, m.year) == ("actual", 2016)

    def test_a_report_without_blank_lines_titles_its_parts_by_year(self) -> None:
        text = "某省政府工作报告\n2015年1月20日\n2015年工作回顾\n全省经济增长6.5%。\n2016年工作安排\n经济增长7%以上。\n"
        marks = list(year_heading_marks(working_text(text), 2016))
        assert [(k.kind, k.year) for k in marks] == [("actual", 2015), ("target", 2016)]
        found = by_value(text, DocInfo(year=2016, kind="work_report"))
        assert (found[6.5].kind, found[6.5].year, found[7].kind, found[7].year) == (
            "actual",
            2015,
            "target",
            2016,
        )

    def test_the_title_and_sentences_are_not_year_headings(self) -> None:
        text = "2016年财政预算案\n \n2015年,全市经济增长2.4%。\n"
        assert list(year_heading_marks(working_text(text), 2016)) == []


class TestFiscalParagraphs:
    def test_a_paragraph_opening_with_a_fiscal_year_is_of_that_year(self) -> None:
        text = (
            "引言\n 回顾2010-2011年度及2010-2011年度。\n"
            " 在2016-2017年度,政府的总开支为4,900亿元。当中经常开支约3,400亿元,占六成。\n 其他。\n"
        )
        marks = list(fiscal_paragraph_marks(working_text(text), 2016))
        assert [(k.kind, k.year) for k in marks] == [("target", 2017)]
        m = by_value(text)[340_000_000_000]
        assert (m.kind, m.year) == ("target", 2017)


class TestYearsInChineseNumerals:
    def test_years_and_fiscal_years_in_chinese_numerals_read_as_arabic_ones(self) -> None:
        text = "二零一八年经济回顾,二〇二四年,二零一四/一五年度及二零一九至二零年度的开支"
        folded = arabic_years(text)
        assert folded == "2018年经济回顾,2024年,2014/15年度及2019-20年度的开支"
        assert len(folded) == len(text)

    def test_numerals_that_are_no_year_are_left_alone(self) -> None:
        text = "二十年来,一千二零一八年,二零一四个单位,一九九"
        assert arabic_years(text) == text

    def test_a_numbered_paragraph_opening_with_a_fiscal_year_in_numerals_is_of_that_year(self) -> None:
        text = (
            "某某财政预算\n"
            "151. 二零一六/一七年度的经营开支预计为三千亿元。经常开支为二千五百亿元。\n"
            "152. 其他。\n"
        )
        marks = list(fiscal_paragraph_marks(arabic_years(working_text(text)), 2016))
        assert [(k.kind, k.year) for k in marks] == [("target", 2017)]
        assert {m.value: m.year for m in find(text)} == {3e11: 2017, 2.5e11: 2017}

    def test_a_chinese_percentage_keeps_its_decimals(self) -> None:
        text = "二零一六年,货物出口实质上升百分之三点五,第四季按年下跌百分之零点二,占百分之十二点零五。\n"
        assert [(m.value, m.unit, m.year) for m in find(text)] == [
            (3.5, "%", 2016),
            (0.2, "%", 2016),
            (12.05, "%", 2016),
        ]


class TestPartsOfTheYearPast:
    def test_hong_kong_quarters_and_months_are_parts_of_the_year_past(self) -> None:
        for words in ("今年首季", "第一季", "首 3季", "首两个月", "前三季度", "一季度"):
            assert TO_DATE.search(words), words
        for words in ("下半年", "第四季", "首都"):
            assert not TO_DATE.search(words), words

    def test_a_figure_of_the_first_months_is_reported(self) -> None:
        m = by_value("今年首两个月合计出口货量按年仅微升0.3%。")[0.3]
        assert (m.kind, m.year) == ("actual", 2016)


class TestWrappedRelativeYears:
    def test_a_relative_year_broken_by_a_wrapped_line_still_dates_the_figure(self) -> None:
        m = by_value("去年第四季回落至3.8%,远低于前 年第四季的6.4%。")[6.4]
        assert (m.kind, m.year) == ("actual", 2014)


class TestRatesBeforeTheirMeasure:
    def test_a_rate_followed_by_its_measure_is_kept(self) -> None:
        found = by_value("零售销货量录得12.5%的可观按年升幅,远低于4.5%的趋势增长率。")
        assert {12.5, 4.5} <= set(found)

    def test_a_rate_followed_by_things_it_qualifies_is_a_threshold(self) -> None:
        w = working_text("占比超过30%的企业增长较快")
        end = w.index("%") + 1
        assert not sizes_measure_after(w, end, len(w), "%")
        w = working_text("录得4.1%的实质按年增长")
        assert sizes_measure_after(w, w.index("%") + 1, len(w), "%")
        assert not sizes_measure_after(w, w.index("%") + 1, len(w), "元")


class TestAmountsBeforeTheirNoun:
    def test_money_followed_by_the_amount_it_sizes_is_kept(self) -> None:
        found = by_value("我预计会有9,000亿元的财政储备,相等于20个月的政府开支。")
        assert 900_000_000_000 in found

    def test_money_followed_by_things_it_classes_is_a_threshold(self) -> None:
        w = working_text("营收10亿元的企业")
        assert not sizes_amount_after(w, w.index("元") + 1, len(w), "元")
        w = working_text("每年超过20亿元的经济收益")
        assert sizes_amount_after(w, w.index("元") + 1, len(w), "元")

    def test_money_followed_by_the_works_it_pays_for_is_kept(self) -> None:
        w = working_text("完成投资2100万元的老旧小区供热改造")
        assert sizes_amount_after(w, w.index("元") + 1, len(w), "元")
        w = working_text("对投资2000万元的企业技术改造项目")
        assert not sizes_amount_after(w, w.index("元") + 1, len(w), "元")

    def test_a_share_of_an_amount_is_not_its_size(self) -> None:
        w = working_text("创造30%的营业收入")
        assert not sizes_amount_after(w, w.index("%") + 1, len(w), "%")


class TestPastYearsInASentence:
    def test_a_span_of_years_up_to_now_is_reviewed(self) -> None:
        for words in ("在过去5年,", "过去 10 年", "过去数年", "十年来,", "近五年来"):
            assert reviews_past_years(working_text(words)), words
        for words in ("未来5年", "5年内", "过去的做法", "近年"):
            assert not reviews_past_years(working_text(words)), words

    def test_a_figure_after_a_past_span_in_a_plan_is_reported_for_last_year(self) -> None:
        m = by_value("我们会开拓新市场。在过去5年,与新兴市场的货物贸易增长超过40%。")[40]
        assert (m.kind, m.year) == ("actual", 2015)


class TestComparatorClosingAList:
    def test_a_comparator_after_the_last_rate_of_a_list_holds_for_each(self) -> None:
        found = by_value("城镇调查失业率、居民消费价格涨幅分别控制在6%和4%以内。")
        assert (found[6].comparator, found[4].comparator) == ("<=", "<=")
        found = by_value("城镇、农村居民人均可支配收入分别增长5.5%、7.5%左右。")
        assert (found[5.5].comparator, found[7.5].comparator) == ("~", "~")

    def test_a_list_with_no_closing_comparator_gives_none(self) -> None:
        w = working_text("分别增长8%和10%。")
        assert shared_comparator_after(w, w.index("%") + 1, len(w), {"以内": "<=", "左右": "~"}) == ""
        w = working_text("增长1%至3%左右")
        assert shared_comparator_after(w, w.index("%") + 1, len(w), {"以内": "<=", "左右": "~"}) == ""


class TestTenthsAsShares:
    def test_tenths_after_zhan_and_the_whole_are_a_share(self) -> None:
        assert by_value("三方面的经常开支约2,000亿元,占政府经常开支六成。").get(60) is not None
        assert by_value("本地生产总值则只增加七成。").get(70) is not None

    def test_cheng_as_a_common_character_is_not_tenths(self) -> None:
        w = working_text("占地100亩,建成三成")
        assert not tenths_is_share(w, w.index("三成"), w.index("建"))
        w = working_text("占政府开支六成")
        assert tenths_is_share(w, w.index("六成"), 0)


class TestRelativeFiscalYears:
    DATED = "立法会 ─ 2016年 4月 20日\n 2016-17年度的开支。\n"

    def test_the_next_fiscal_year_of_a_budget_given_before_april(self) -> None:
        text = "立法会 ─ 2016年 2月 24日\n 2016-17年度的开支。在下一个财政年度,我们会提供额外4,400万元。\n"
        m = by_value(text)[44_000_000]
        assert m.year == 2017
        w = working_text(text)
        assert [y for _, y in relative_fiscal_years(w, 0, len(w), 2016)] == [2017]

    def test_this_fiscal_year_of_a_speech_given_after_april_ends_next_year(self) -> None:
        w = working_text(self.DATED + "今个财政年度的土地供应。")
        assert [y for _, y in relative_fiscal_years(w, 0, len(w), 2016)] == [2017]

    def test_without_two_year_fiscal_years_the_fiscal_year_is_the_calendar_year(self) -> None:
        w = working_text("本年度目标。下年度。")
        assert [y for _, y in relative_fiscal_years(w, 0, len(w), 2016)] == [2016, 2017]

    def test_lai_nian_inside_other_words_is_no_year(self) -> None:
        w = working_text(self.DATED + "未来年均增长。带来年均收益。")
        assert list(relative_fiscal_years(w, 0, len(w), 2016)) == []


class TestWrappedDecimals:
    def test_a_wrapped_line_opening_with_a_decimal_runs_on_from_the_line_before(self) -> None:
        filler = "本港经济的基本情况大致良好而内部需求保持稳定增长的势头"  # 27 characters
        lines = [filler + "的态势。"] * 24
        lines[10] = "今年第一季的失业率微升至百分之三点五而劳工市场的失业率从去年年中"
        lines[11] = "3.2%的低位上升0.3%,走势在未来一段时间确有上行风险。"
        text = "\n".join(lines) + "\n"
        m = by_value(text, DocInfo(year=2016, kind="work_report"))[3.2]
        assert m.year == 2015
        assert "去年年中" in m.span_text


class TestYearsAhead:
    def test_a_span_of_years_from_now_counts_from_the_document_year(self) -> None:
        for words, year in (
            ("未来5年", 2021),
            ("未来 3年至 4年", 2019),
            ("未来一年", 2017),
            ("未来十年", 2026),
        ):
            w = working_text(words)
            assert years_ahead(w, 0, len(w), 2016) == year, words
        for words in ("未来一段时间", "过去5年", "未来发展"):
            w = working_text(words)
            assert years_ahead(w, 0, len(w), 2016) is None, words

    def test_a_figure_after_years_from_now_is_for_their_last_year(self) -> None:
        m = by_value("引言。\n未来3年至4年,一手私人住宅单位供应预计达到7万个。\n")[70000]
        assert (m.kind, m.year) == ("target", 2019)


class TestComparatorWords:
    def test_kuayue_before_a_size_reads_as_more_than(self) -> None:
        m = by_value("两市经济总量跨越2000亿元规模。", DocInfo(year=2025, kind="work_report"))[
            200_000_000_000
        ]
        assert m.comparator == ">"

    def test_yue_you_before_a_count_reads_as_about(self) -> None:
        m = by_value("建筑中而可即时预售的楼花单位约有9 000个。")[9000]
        assert m.comparator == "~"


class TestComparedWithAMeasure:
    def test_a_rate_compared_with_is_stated_as_it_is(self) -> None:
        found = by_value("首3季按年实质增长只有1%,远低于 4.5%的趋势增长率。")
        assert found[4.5].comparator == "="

    def test_a_bound_stays_a_bound(self) -> None:
        w = working_text("失业率低于6.5%和通胀率不低于2%的水平")
        assert not compares_with_measure(w, w.index("6.5"), w.index("6.5") + 4, "%")
        assert not compares_with_measure(w, w.index("2%"), w.index("2%") + 2, "%")
