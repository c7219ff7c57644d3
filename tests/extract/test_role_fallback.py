"""The units a task's own words name as the doers of its work, read when no reader of its layout
gave it any (``role_fallback.fallback_roles``, the last reading of ``pipeline._own_units``).

The sentences are written for these tests, in the manner of ministries' and provinces' notices to
lower bodies, pilot notices to their pilot areas and county notices: the doer is the subject of a
clause (X要/应/务必/负责…), the unit after 由 (由X负责…), the unit helped (X配合Y…), or the subject of
the heading the item sits under. Units named as the object of another's act are refused.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.normalise import working_text
from taizhang.extract.role_fallback import fallback_roles, requested_units
from taizhang.extract.units import subject_and_verb


def _roles(text: str, headings: tuple[str | None, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    work = working_text(text)
    return fallback_roles(text, work, 0, len(work), headings)


class SubjectOfAClauseTestCase:
    @pytest.mark.parametrize(
        ("text", "lead"),
        [
            # a modal verb the layout readers do not stop at (务必) after the subject
            ("各示范县农业农村部门务必按期报送监测数据，不得迟报漏报。", ("各示范县农业农村部门",)),
            # the subject of a later clause, after a clause of work
            ("统一填报口径。各市场监管部门必须逐户核对登记信息。", ("各市场监管部门",)),
            # after a condition ("…的,"), the unit that owes the answer
            (
                "企业对抽检结果有异议的，可以申请复检，各级市场监管部门应当在5日内作出答复。",
                ("各级市场监管部门",),
            ),
            # two units of a list, their shared suffix distributed
            ("全面落实质量责任。勘察、设计单位必须对成果质量负责。", ("勘察单位", "设计单位")),
            # the request word before the units is no part of them
            ("认真组织自查，请各乡镇、各有关单位务必于月底前报送自查报告。", ("各乡镇", "各有关单位")),
            # collectives and agencies the list grammar does not take as units
            ("统一数据口径。各省份要按月报送进展。", ("各省份",)),
            ("规范结算流程。医保经办机构应当按时拨付资金。", ("医保经办机构",)),
        ],
    )
    def test_reads_the_subject(self, text: str, lead: tuple[str, ...]) -> None:
        assert _roles(text)[0] == lead

    def test_helper_and_helped(self) -> None:
        # X配合Y做好…: Y leads, X helps (SCHEMA: 配合 marks co-units)
        text = "加强站点运维。各村委会配合镇农业服务中心做好设施巡查。"
        assert _roles(text) == (("镇农业服务中心",), ("各村委会",))

    def test_helper_alone(self) -> None:
        # a helper with no unit helped named: a co-unit, no lead invented
        text = "推进信息共享。各乡镇卫生院协助开展随访工作。"
        assert _roles(text) == ((), ("各乡镇卫生院",))


class AgentAfterByTestCase:
    def test_agent_of_a_later_clause(self) -> None:
        text = "试点所需工作经费，按照现行渠道，由各试点县财政局统筹解决。"
        assert _roles(text)[0] == ("各试点县财政局",)

    @pytest.mark.parametrize(
        "text",
        [
            # 由X审核: a step of another's procedure, X is no doer of the work (also when X 负责 it)
            "实施方案形成后，由市发展改革委审核后组织实施。",
            "实施方案由区发展改革委负责审核。",
            "调整事项由省教育厅批准后执行。",
            # the work parted among several bodies: no one doer
            "运维经费由区财政局承担，设备更新费用由各街道承担。",
        ],
    )
    def test_refuses_a_reviewer(self, text: str) -> None:
        assert _roles(text) == ((), ())


class ObjectsRefusedTestCase:
    @pytest.mark.parametrize(
        "text",
        [
            # the unit reported to, the unit that approves, the unit answered to
            "重大事项及时向县应急管理局报告。",
            "经市人民政府批准后，按程序组织实施。",
            "项目单位对县发展改革局负责，按期完成建设。",
            # the bodies overseen are the objects of the oversight
            "督促施工单位落实安全责任，严格执行专项方案。",
            # a person is no unit; a thing before 要 is no unit
            "主要负责同志要亲自部署，层层压实责任。",
            "工程质量要达到设计要求。",
            "有关工作要按照进度推进。",
            # a zone named by its kind is the place; people are no units; a verb before an agency
            "开发区应当完善基础设施。",
            "各级领导干部要以上率下。",
            "支持专业机构牵头建设交易平台。",
            # the task opens with parties the grammar cannot name: no later subject is guessed
            "合作各方要明确代偿责任。各银行要落实贷后管理。",
            "省级担保基金和再担保基金要加强培训，各县担保机构要做好对接。",
            # role nouns, not duties
            "每项工作均列出牵头单位、配合单位及完成时限。",
            "各类企业要遵守规定。",
            # the issuing place speaking of itself
            "我市要进一步优化营商环境。",
            # a clause of work whose last word is a unit ending, before a verb that is also a noun
            "加快项目建设，提升城乡统筹能级。",
            "厚植企业承担社会责任的良好环境。",
            # a person after 由 (负责人), tiers of levels after 由, a relative clause before a party
            "各村设村级护路员，由村委会负责人担任。",
            "改造资金由区、镇两级财政承担。",
            "取得经营许可的企业应当建立台账。",
            # members of a mechanism described, no work of theirs
            "建立街道党工委领导，社区居委会配合，物业企业参与的协商机制。",
        ],
    )
    def test_names_no_doer(self, text: str) -> None:
        assert _roles(text) == ((), ())


def test_suoxu_is_no_unit_ending_before_xu() -> None:
    # 所需 is "what is needed": "示范点所需资金" names no unit 示范点所 that 需 (must) do the work
    text = "示范点所需资金由县财政局负责保障。"
    work = working_text(text)
    assert subject_and_verb(text, work, 0, len(work)) == ((), "")


class HeadingTestCase:
    def test_heading_subject(self) -> None:
        # an item with no subject under a heading whose subject has a duty
        text = "建立工作台账，逐项销号管理。"
        assert _roles(text, ("（一）各县区人民政府要压实属地责任", None)) == (("各县区人民政府",), ())

    def test_own_words_first(self) -> None:
        text = "县林业局负责组织巡山护林。"
        assert _roles(text, ("各乡镇要加强森林防火",)) == (("县林业局",), ())

    def test_heading_with_no_subject(self) -> None:
        assert _roles("建立工作台账。", ("加强组织领导", "二、工作要求")) == ((), ())


NOTICE = """某某省农业农村厅关于开展耕地质量监测试点的通知

各市农业农村局：

现就有关事项通知如下。

一、试点任务

（一）统一监测标准。各试点县农业农村部门务必按照统一标准布设监测点，不得擅自调整。

（二）保障工作经费。监测点建设按照现行渠道安排，所需经费由各试点县财政局统筹解决。

（三）做好结果复核。监测单位对复核结果有异议的，可以申请复核，省耕地质量监测中心应当在10个工作日内答复。

某某省农业农村厅
2025年3月1日
"""


def test_notice_items_get_their_doers() -> None:
    tasks = {t.ref: t for t in extract_text(NOTICE).tasks}
    assert tasks["一.(一)"].lead_units == ("各试点县农业农村部门",)
    assert tasks["一.(二)"].lead_units == ("各试点县财政局",)
    assert tasks["一.(三)"].lead_units == ("省耕地质量监测中心",)


LETTER = """某某部办公厅关于做好灌区管理工作的通知

各省、自治区、直辖市水利厅（局）：

现就有关事项通知如下。

请各市县水利部门务必于6月底前完成灌区名录核查，并报送核查结果。

请你厅（局）组织相关部门加强灌区工程管理。

某某部办公厅
2025年3月1日
"""


def test_request_names_whom_it_asks() -> None:
    # the request's own units outrank the salutation; "你厅(局)" is the addressee spoken to
    tasks = extract_text(LETTER).tasks
    assert [t.lead_units for t in tasks] == [
        ("各市县水利部门",),
        ("各省、自治区、直辖市水利厅（局）",),
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("请各街道、各有关单位务必于月底前上报。", ("各街道", "各有关单位")),
        ("请各地按照要求抓好落实。", ()),  # the addressees' short form
        ("请贵单位及时反馈意见。", ()),
        ("请按照要求抓好落实。", ()),  # no one named
    ],
)
def test_requested_units(text: str, units: tuple[str, ...]) -> None:
    work = working_text(text)
    assert requested_units(text, work, 0, len(work)) == units


BULLETIN = """某某省安委会办公室关于一季度全省道路运输安全生产形势的通报

各市安委会：

一、一季度道路运输安全生产形势

（一）事故总量有所下降。一季度全省共发生道路运输事故120起，同比下降5.2%。

（二）部分地区事故多发。3个市发生较大事故。

二、下一步工作要求

（一）强化源头管控。各市交通运输部门要加强对重点运输企业的安全检查。

某某省安委会办公室
2025年4月10日
"""


def test_bulletin_review_items_are_no_tasks() -> None:
    # a bulletin's part that reviews the period (…形势) states the situation; its work requirements
    # are the tasks
    tasks = extract_text(BULLETIN).tasks
    assert [t.ref for t in tasks] == ["二.(一)"]
    assert tasks[0].lead_units == ("各市交通运输部门",)
