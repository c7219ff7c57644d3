"""Speeches in prose (a minister's reply in a debate, a budget speech): tense, the speech's own parts,
reviews of a paragraph. One rule per test; every sentence is written here."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

SPEECH = DocInfo(title="某局局长：主席，多谢各位议员的意见。", year=2013, kind="work_report")


def find(text: str, info: DocInfo = SPEECH) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), info)


def by_value(text: str, info: DocInfo = SPEECH) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in find(text, info)}


class TestTheSpeechsOwnParts:
    def test_a_count_of_the_parts_of_an_argument_is_not_a_metric(self) -> None:
        text = "议员就交通、房屋和环境3个范畴提出意见。我们考虑了4个因素。政府新建公屋单位2万个。"
        assert [(m.value, m.unit) for m in find(text)] == [(20000, "个")]

    def test_a_count_of_the_domains_named_before_it_is_not_a_metric(self) -> None:
        text = "政府对安老、康复及就业3个范畴都十分重视。"
        assert find(text) == []

    def test_a_count_of_things_named_before_it_is_still_read(self) -> None:
        text = "完成对胜利路、学府路和北大街3条主干道路的改造。"
        assert [(m.value, m.unit) for m in find(text)] == [(3, "条")]


class TestDoneByTense:
    def test_money_said_done_with_no_time_has_no_year(self) -> None:
        found = by_value("当局已从某基金拨出3.8亿元，推行试验计划。")
        assert found[380000000] == ("actual", None)

    def test_done_on_a_day_of_the_speechs_year_is_of_that_year(self) -> None:
        found = by_value("某署已于4月5日通过自动转换计划，向超过27万名合资格的长者发放津贴款项。")
        assert found[270000] == ("actual", 2013)

    def test_done_and_then_looking_ahead_is_not_done(self) -> None:
        found = by_value("政府已在研究方案，将新增宿位1000个。")
        assert found[1000][0] == "target"


class TestAReviewOfOneParagraph:
    def test_a_review_opener_in_a_speech_dates_its_paragraph_only(self) -> None:
        text = (
            "某局局长：主席，多谢议员。\n"
            " 回顾过去十多年，政府不断投入资源，共培训教师5000名。\n"
            " 我们建议向某基金注资2000万元，鼓励学生追求卓越。\n"
        )
        found = by_value(text)
        assert found[5000][0] == "actual"
        assert found[20000000][0] == "target"


class TestRunningHead:
    def test_the_date_atop_every_page_is_the_documents(self) -> None:
        head = "某议会  ─  2013年 4月 24日"
        text = (
            "某局局长：主席，该措施于2012年5月31日推出，反应良好。\n"
            f"{head}\n\n101\n正文一。\n{head}\n\n102\n正文二。\n{head}\n\n103\n正文三。\n"
        )
        assert doc_info(text, working_text(text), "x.txt").year == 2013

    def test_a_deadline_cell_said_three_times_is_no_running_head(self) -> None:
        text = "某区2024年工作方案\n发布日期:2024-03-01\n任务一\n2025年12月31日\n任务二\n2025年12月31日\n任务三\n2025年12月31日\n"
        assert doc_info(text, working_text(text), "x.txt").year == 2024


class TestFromAFigureToAnother:
    def test_a_change_to_come_starts_from_now(self) -> None:
        found = by_value("到2040年，本地长者人口将由90万人急升至250万人。")
        assert found[900000] == ("actual", 2013)
        assert found[2500000] == ("target", 2040)

    def test_a_change_made_reaches_where_things_stand_now(self) -> None:
        found = by_value("本学年的首年学位已由每年12 000个增加至13 000个。")
        assert found[12000] == ("actual", None)
        assert found[13000] == ("actual", 2013)


class TestAMonthJustPast:
    def test_a_count_of_last_month_is_an_actual_of_the_speechs_year(self) -> None:
        assert by_value("有关个案大幅减少，上月只有12宗。")[12] == ("actual", 2013)

    def test_a_deadline_of_last_months_end_is_no_such_count(self) -> None:
        assert by_value("上月底前完成改造10处。")[10][0] == "target"


class TestNowAfterAYearNamed:
    def test_a_clause_that_says_now_is_of_the_speechs_year(self) -> None:
        found = by_value("在2010-2011学年成立某奖学金，每年名额有50个，现已有约160人获得这项奖学金。")
        assert found[160] == ("actual", 2013)


class TestAPagesRunningHead:
    def test_a_running_head_inside_a_paragraph_is_passed_over(self) -> None:
        line = "政府一直大力投资教育，各项资助计划的受惠人数不断增加，本学年的首年学位已由每年"
        body = "\n".join([line] * 24)
        text = f"{body}\n某议会  ─  2013年 4月 24日  \n \n6134 \n12 000个增加至 13 000个，{line}\n{body}\n"
        found = by_value(text)
        assert found[13000] == ("actual", 2013)


class TestClassifiersOfHongKongSpeeches:
    """間 (hotels, banks, firms, care homes) and 班 (classes of a course) count things in 香港's
    budget speeches (全港共有超過210間酒店, 私人銀行由27間增加至41間) and the Secretaries' replies
    (加開10班社福界登記護士訓練課程)."""

    def test_jian_counts_hotels(self) -> None:
        assert [(m.value, m.unit) for m in find("全港共有超过210间酒店。")] == [(210, "间")]

    def test_ban_counts_classes(self) -> None:
        assert (10, "班") in [(m.value, m.unit) for m in find("明年开办多10班两年全日制课程。")]

    def test_a_service_frequency_is_no_class(self) -> None:
        assert find("每天开行10班次。") == []


class TestNowAtTheEndOfAChange:
    def test_the_figure_a_change_reaches_now_is_of_the_speechs_year(self) -> None:
        found = by_value("私人银行的数目由2007年年底的20间增加至现时的35间。")
        assert found[20] == ("actual", 2007)
        assert found[35] == ("actual", 2013)


class TestDwellings:
    def test_thousands_of_danwei_are_flats(self) -> None:
        found = find("我们会在2018年或以前提供3万个单位。")
        assert [(m.value, m.unit, m.year) for m in found] == [(30000, "个", 2018)]

    def test_a_few_danwei_are_still_the_bodies_that_answer(self) -> None:
        assert find("本区26个单位参与评比。") == []


class TestAFundLaunched:
    def test_the_size_of_a_fund_launched_is_money_committed(self) -> None:
        found = by_value("我们于去年6月底推出了总值10亿元的专项基金，向企业提供资助。")
        assert found[1000000000] == ("actual", 2012)


class TestTermsOfABenefitInASpeech:
    def test_what_each_recipient_gets_a_month_is_no_metric(self) -> None:
        assert find("合资格长者可领取每月 2,200元津贴。") == []

    def test_a_yearly_budget_committed_is_still_read(self) -> None:
        assert [(m.value, m.unit) for m in find("我们建议由今年起每年拨款 1,200万元。")] == [(12000000, "元")]

    def test_a_count_of_domains_with_a_wrapped_line_is_no_metric(self) -> None:
        # (a soft line break of a wrapped text is read as a space)
        assert find("大家可看到政府对社会福利、劳工及人力 3个范 畴的重视。") == []


class TestTheBaseOfAComparison:
    def test_the_revised_estimates_of_the_closing_fiscal_year_are_an_actual(self) -> None:
        text = "与2012-2013年度修订预算案的400亿元比较，经常开支大幅增加100亿元。"
        found = find(
            text, DocInfo(title="主席：", year=2013, period_start=2013, period_end=2014, kind="work_report")
        )
        assert [(m.value, m.kind, m.year) for m in found][0] == (40000000000, "actual", 2013)


class TestMonths:
    def test_a_span_of_months_in_chinese_numerals_is_no_count(self) -> None:
        assert find("计划下引入两个月的工作适应期。") == []


class TestTheSpeakersWordsBeforeAnIndicator:
    def test_the_speaker_and_joining_words_are_no_part_of_the_indicator(self) -> None:
        text = "我们亦计划在屯门西划定约10公顷的土地。以及4000个货尾单位。在上月只有19宗。\n"
        names = [m.indicator for m in find(text)]
        assert names[0].startswith("在屯门西划定")
        assert not any(n.startswith(("我们", "以及", "在上月", "上月")) for n in names)
