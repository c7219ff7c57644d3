"""Rules of the extraction library that no other test reached (found with branch coverage of
tests/extract, 2026-12-07), each with a case that fails without it.

The sentences are written for these tests in the manner of the documents each rule is for (district
notices and plans, news of a work report, cities' 条例); they are no document's own words.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.deadlines import find_deadline
from taizhang.extract.docinfo import as_its_figures_are_dated, doc_info
from taizhang.extract.model import Deadline, DocInfo
from taizhang.extract.normalise import working_text
from taizhang.extract.numbers import NumberError, parse_fraction
from taizhang.extract.periods import FiscalNow, fiscal_paragraph_marks
from taizhang.extract.role_fallback import fallback_roles

from .docfactory import tasks_by_ref


def _info(text: str, name: str = "notice.txt") -> DocInfo:
    return doc_info(text, working_text(text), name)


# A notice whose date of issue stands alone on its line under the issuer's name, with its body long
# enough and an annex after it, so that neither the opening nor the end of the text holds the date.
_BODY = "一、加强组织领导。各街道要明确专人负责，按月报送工作进展情况。\n" * 30
_ANNEX = "附件\n\n工作任务清单\n" + "序号 任务 责任单位\n" * 30


def _signed(date_line: str) -> str:
    return "关于做好某项工作的通知\n\n" + _BODY + "某区人民政府办公室\n" + date_line + "\n\n" + _ANNEX


class TestTheDocumentsOwnYear:
    def test_a_signature_date_in_arabic_numerals_between_the_body_and_an_annex(self) -> None:
        assert _info(_signed("2031年7月15日")).year == 2031

    def test_a_signature_date_indented_by_a_lost_encodings_question_marks(self) -> None:
        # the date of issue under the issuer's name reads the same indentation (docinfo._DATE_ALONE)
        assert _info(_signed("??2031年7月15日")).year == 2031

    def test_a_review_whose_title_names_no_year_reviews_the_documents_own(self) -> None:
        text = "全区经济运行情况\n\n发布时间:2031-03-05\n\n1-2月,全区规模以上工业增加值增长6.5%。"
        assert _info(text).reviews == 2031

    def test_a_plan_titled_with_an_earlier_year_is_written_for_no_year(self) -> None:
        # the title's year (before the date of issue) is read by plan_year, which refuses it: the
        # plan's own year is not taken from its text instead
        text = "某区2030年生活垃圾分类工作实施方案\n\n一、工作目标。2031年全区新增示范小区20个，年底前完成。\n\n某区人民政府\n2031年3月5日\n"
        info = _info(text)
        assert (info.kind, info.year, info.period_start, info.written_for) == ("plan", 2031, None, None)


class TestTheYearAReportInTheNewsIsGivenIn:
    """News of a work report that names only the year it reviews was given the year after."""

    _GOALS = "今年全县经济社会发展的主要预期目标是：地区生产总值增长7%。"

    def _year(self, opening: str) -> int | None:
        work = working_text("县长作政府工作报告。" + opening + self._GOALS)
        return as_its_figures_are_dated(work, DocInfo(kind="news", year=2030), ()).year

    def test_a_part_headed_with_the_year_and_gongzuo_huigu(self) -> None:
        assert self._year("报告在2030年工作回顾部分指出，全县经济平稳增长。") == 2031

    def test_a_review_of_half_a_year_is_given_within_it(self) -> None:
        assert self._year("回顾2030年上半年，全县经济平稳增长。") == 2030


_HERITAGE_PLAN = """某区历史建筑保护工作方案

一、加强日常巡查。区房管局要加强历史建筑日常巡查。形成文物、公安、消防等部门共同参与的联合执法格局，及时查处违法行为。

二、完善修缮机制。区规划资源局要做好修缮方案审查工作，建立健全住建、财政等部门参加的资金保障机制，及时拨付修缮资金。

三、加强宣传引导。区文化旅游局负责开展历史建筑宣传活动。
"""


class TestMechanismsUnitsTakePartIn:
    """outline's _PARTICIPATION and _PARTNERS read one form: 建立 / 建立健全 / 形成 … 等部门(共同)参与的."""

    def test_a_mechanism_formed_with_units_is_a_piece_of_work_of_its_own(self) -> None:
        tasks = [t for t in extract_text(_HERITAGE_PLAN).tasks if t.ref == "一"]
        assert [t.lead_units for t in tasks] == [("区房管局",), ()]
        assert tasks[1].text.startswith("形成") and tasks[1].co_units

    def test_jianquan_after_jianli_is_no_part_of_a_units_name(self) -> None:
        (task,) = [t for t in extract_text(_HERITAGE_PLAN).tasks if t.ref == "二"]
        assert task.lead_units == ("区规划资源局",)
        assert task.co_units and not any(n.startswith("健全") for n in task.co_units)


class TestClosingProvisions:
    def test_a_measure_taking_effect_is_no_task(self) -> None:
        text = (
            "某区关于促进消费的若干措施\n\n"
            "一、支持商场开展促销活动。(区商务局负责)\n\n"
            "二、加强夜间经济街区建设。(区商务局牵头,各街道配合)\n\n"
            "三、上述措施自印发之日起生效，由区商务局负责解释。\n"
        )
        assert [t.ref for t in extract_text(text).tasks] == ["一", "二"]


def _roles(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    work = working_text(text)
    return fallback_roles(text, work, 0, len(work))


class TestRolesInTheTasksOwnWords:
    @pytest.mark.parametrize(
        "text",
        [
            # tiers of government counted before an agency: levels, no unit (role_fallback._TIERS)
            "完善基层诊疗网络。县乡两级医疗机构要按月上报就诊数据。",
            "完善基层诊疗网络。区、镇两级医疗机构要按月上报就诊数据。",
            # a place of work named like a collective (各…地) whose words hold a clause (在建):
            # no list of names (role_fallback._NOT_A_LIST)
            "加强扬尘治理。各在建工地要落实围挡和喷淋措施。",
            # the issuing place speaking of itself (units.is_self_reference)
            "加强河道巡查。我镇要落实每日巡河制度。",
        ],
    )
    def test_no_doer_is_named(self, text: str) -> None:
        assert _roles(text) == ((), ())

    def test_a_collective_of_places_is_a_doer(self) -> None:
        # (the same forms with a unit: the refusals above are of the names, not of the sentences)
        assert _roles("加强河道巡查。各乡镇要落实每日巡河制度。") == (("各乡镇",), ())


_REGULATION = """某市文明行为促进条例

第一条　为了促进文明行为，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市文明行为促进工作主管部门负责本市文明行为促进的组织协调工作。

第三条　区人民政府应当将文明行为促进工作纳入国民经济和社会发展规划。

第四条　市教育部门应当将文明行为教育纳入学校教育内容。

第五条　各经营单位在开展经营活动过程中存在不文明行为。

第六条　经营者拒不整改的，由市场监督管理部门负责吊销其营业执照。

第七条　市文明行为促进工作主管部门应当组织开展文明出行宣传；公安、交通运输等有关部门按照各自职责，做好文明出行引导工作。

第八条　本条例自2031年1月1日起施行。
"""


@pytest.fixture(scope="module")
def regulation() -> dict[str, list]:
    return tasks_by_ref(_REGULATION)


class TestArticles:
    def test_the_bodies_of_the_regulation_are_read(self, regulation: dict[str, list]) -> None:
        assert [regulation[r][0].lead_units for r in ("第二条", "第三条", "第四条")] == [
            ("市文明行为促进工作主管部门",),
            ("区人民政府",),
            ("市教育部门",),
        ]

    def test_the_verb_of_an_acts_course_is_no_duty(self, regulation: dict[str, list]) -> None:
        # 在开展…过程中: when the subject does something, not what it is to do (articles._IN_THE_COURSE)
        assert "第五条" not in regulation

    def test_a_licence_revoked_is_a_penalty(self, regulation: dict[str, list]) -> None:
        # 由X吊销…执照: the penalty of an offence, no task of X's (articles._LIABILITY)
        assert "第六条" not in regulation

    def test_bodies_sharing_a_duty_by_field_after_a_semicolon(self, regulation: dict[str, list]) -> None:
        # "…;X等有关部门按照各自职责,做好…": the basis of their duty alone before the comma opens a
        # clause of their own (articles._OWN_DUTIES read whole, then the verb after the comma)
        assert [t.lead_units for t in regulation["第七条"]] == [
            ("市文明行为促进工作主管部门",),
            ("公安部门", "交通运输部门", "有关部门"),
        ]


class TestYearsFromNow:
    def test_a_span_of_years_with_yong_is_a_deadline(self) -> None:
        found = find_deadline(working_text("用三年时间完成现有河道的综合整治"), None, 2030)
        assert found == Deadline("year", 2033, None, "用三年时间")

    def test_a_span_of_years_alone_is_a_duration(self) -> None:
        # "三年时间" with no 用 before it: how long, not by when (deadlines._years_from_now)
        assert find_deadline(working_text("经过三年时间完成现有河道的综合整治"), None, 2030) is None


class TestFiscalYears:
    def test_the_first_date_of_the_documents_own_year_tells_the_current_fiscal_year(self) -> None:
        # (a date of another year, cited, is passed over; April on is the next fiscal year)
        work = working_text("财政预算案\n2012年3月1日的预算曾提出…\n2031年4月24日\n2031-32年度的开支…")
        assert FiscalNow(work, 2031).end() == 2032

    def test_with_no_date_of_its_year_a_budget_is_of_its_own_time(self) -> None:
        assert FiscalNow(working_text("财政预算案\n2031-32年度的开支…"), 2031).end() == 2031

    def test_a_paragraph_of_a_fiscal_year_decades_away_is_no_mark(self) -> None:
        work = working_text(
            "财政预算演词\n\n在1970-1971年度,政府开支为1亿元。\n在2031-2032年度,政府开支为3000亿元。\n"
        )
        assert [m.year for m in fiscal_paragraph_marks(work, 2031)] == [2032]


def test_a_fraction_needs_fen_zhi() -> None:
    with pytest.raises(NumberError):
        parse_fraction("三分")


def test_a_refunds_rate_said_before_its_verb_is_a_benefit_term() -> None:
    # 失业保险费的50%返还: the share of a fee returned to a firm (metrics._REFUND_AFTER), not an indicator
    text = (
        "某区2031年稳就业工作方案\n\n"
        "一、对不裁员的参保企业，上年度失业保险费的50%返还给企业。\n\n"
        "二、全区城镇新增就业1.2万人。\n"
    )
    assert [(m.value, m.unit) for m in extract_text(text).metrics] == [(12000.0, "人")]
