"""The requirements part of division notices (关于印发…任务分解的通知): role nouns written together as
subjects, and the closing lines (signature and date, contact lines) that are no part of the last
requirement.

The texts are written for these tests: they follow the conventions of county and city notices that
distribute the tasks of a work report (杭州's 2020 notice, 泾县's 2023 notice, a county's 2016 notice
in the tune corpus), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import clean_unit_name, parse_units


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("各乡镇各部门", ["各乡镇", "各部门"]),
        ("各地各部门", ["各地", "各部门"]),
        ("各街道各有关单位", ["各街道", "各有关单位"]),
        ("各牵头单位和汇总单位", ["各牵头单位", "各汇总单位"]),
        ("各协作和配合单位", ["各协作单位", "各配合单位"]),
        ("各責任部門和配合部門", ["各責任部門", "各配合部門"]),
        # one name each: a 各 of a kind, 各级, a collective of units and departments, two bodies
        ("各级各类学校", ["各级各类学校"]),
        ("各级各部门", ["各级各部门"]),
        ("各有关部门和单位", ["各有关部门和单位"]),
        ("各区政府和市相关部门", ["各区政府", "市相关部门"]),
    ],
)
def test_collectives_written_together(written: str, units: list[str]) -> None:
    assert parse_units(written) == units


NOTICE = """某市人民政府办公厅关于印发2026年政府工作报告重点工作责任分解的通知

各区人民政府,市政府各部门:

《2026年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们,请结合以下要求认真贯彻执行。

一、各乡镇各部门要强化责任,不折不扣落实重点工作任务。

二、责任分解中,列第一位的责任单位为牵头单位。各牵头单位和汇总单位要及时向市政府报告重点工作完成情况。市政府督查室要将重点工作完成情况作为重点督查内容,督促推进落实。

联系人:张三,联系电话:1234567。

某市人民政府办公厅\u3000\u3000

2026年1月20日

来源:   作者:   编辑:李四
"""


def test_requirements_hand_work_to_role_nouns_and_end_before_the_closing_lines() -> None:
    tasks = extract_text(NOTICE).tasks
    got = [(t.text, t.lead_units) for t in tasks]
    assert ("各乡镇各部门要强化责任,不折不扣落实重点工作任务。", ("各乡镇", "各部门")) in got
    assert ("各牵头单位和汇总单位要及时向市政府报告重点工作完成情况。", ("各牵头单位", "各汇总单位")) in got
    assert ("市政府督查室要将重点工作完成情况作为重点督查内容,督促推进落实。", ("市政府督查室",)) in got
    assert not any("联系" in t.text or "2026年1月20日" in t.text or "编辑" in t.text for t in tasks)


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("区政府分管领导要站", None),  # a leader, and a name that ran into its clause
        ("各牵头县领导", None),
        ("政府各组成部门广大干部", None),
        ("区政府重点任务实行区领导包干负责制和部门单位", None),  # a system of duty
        ("各配合单位", ("co", "各配合单位")),
        ("协同配合单位", ("co", "协同配合单位")),
        ("属地街镇长", ("", "属地街镇长")),  # a chief of a chief system answers as a unit
        ("应急管理局", ("", "应急管理局")),
    ],
)
def test_leaders_systems_and_helpers_named_as_subjects(name: str, cleaned: tuple[str, str] | None) -> None:
    assert clean_unit_name(name) == cleaned


COUNTY_NOTICE = """某县人民政府关于印发2026年县政府重点工作任务分解的通知
各乡镇人民政府,县直各单位:
《2026年县政府重点工作任务分解》已经县人民政府同意,现印发给你们,请认真抓好贯彻落实。
一、强化责任落实。县政府重点工作任务实行县政府分管领导牵头负责制和部门单位具体负责制。主要责任单位要认真抓好牵头落实,及时通报工作进展;其他责任单位要按分工做好配合,服从主要责任单位的统筹安排。
二、加强调度协调。县政府分管领导要站位全局,对重点工作任务统筹调度。各主要责任单位要主动协调,其他责任单位要积极配合,及时提请县政府协调推进。
三、严格督查考核。各主要责任单位要于每月28日前将工作进展情况报送县政府督查室。
"""


def test_other_units_that_help_are_co_units_of_the_clause_before() -> None:
    tasks = extract_text(COUNTY_NOTICE).tasks
    got = {t.text: (t.lead_units, t.co_units) for t in tasks}
    first = next(t for t in got if t.startswith("主要责任单位要认真抓好"))
    assert first.endswith("服从主要责任单位的统筹安排。")
    assert got[first] == (("主要责任单位",), ("其他责任单位",))
    second = next(t for t in got if t.startswith("各主要责任单位要主动协调"))
    assert got[second] == (("各主要责任单位",), ("其他责任单位",))
    assert not any(t.startswith("其他责任单位") for t in got)
    assert not any("要站" in u or "领导" in u for t in tasks for u in (*t.lead_units, *t.co_units))
    assert not any("负责制" in u for t in tasks for u in (*t.lead_units, *t.co_units))
    monthly = next(t for t in tasks if "每月28日前" in t.text)
    assert monthly.deadline is not None and monthly.deadline.kind == "ongoing"


ONE_PARAGRAPH_NOTICE = """各乡镇人民政府,县政府各部门:
县人民代表大会审议通过的《政府工作报告》,安排部署了2026年工作任务。现将各项目标任务分解下达。各牵头单位要积极履行牵头抓总职责,加强组织协调,把握工作进展和质量。各配合单位要积极主动与牵头单位衔接联系,形成工作合力。县政府督查室要跟踪问效,严肃责任追究。
附件:2026年县政府重点工作任务分解表
"""


def test_a_notice_with_no_numbered_item_hands_work_in_its_own_paragraph() -> None:
    got = [(t.text, t.lead_units, t.co_units) for t in extract_text(ONE_PARAGRAPH_NOTICE).tasks]
    assert got == [
        ("各牵头单位要积极履行牵头抓总职责,加强组织协调,把握工作进展和质量。", ("各牵头单位",), ()),
        ("各配合单位要积极主动与牵头单位衔接联系,形成工作合力。", (), ("各配合单位",)),
        ("县政府督查室要跟踪问效,严肃责任追究。", ("县政府督查室",), ()),
    ]


HEADS_NOTICE = """某区人民政府办公室关于印发2026年政府工作报告重点工作任务分解表的通知
各街道办事处,区政府各部门:
现将任务分解表印发给你们,请认真抓好落实。
一、高度重视,夯实责任。各责任单位主要负责人要进一步树立目标导向,将所承担任务进一步明确、细化。
二、主动作为,强化协作。各责任单位要加强沟通联系,齐心协力推进重点工作任务完成。
"""


def test_a_requirement_handed_to_the_heads_of_units_is_a_task_with_no_unit() -> None:
    got = [(t.text, t.lead_units) for t in extract_text(HEADS_NOTICE).tasks]
    heads = [(text, lead) for text, lead in got if "主要负责人要" in text]
    assert len(heads) == 1 and heads[0][1] == ()
    assert ("各责任单位要加强沟通联系,齐心协力推进重点工作任务完成。", ("各责任单位",)) in got


def test_a_requirement_headed_by_two_parallel_phrases_takes_them_as_its_measure() -> None:
    # "1.明确任务,压实责任。…" (盘锦's and 谯城's notices): the two phrases of four to six characters
    # head the item; they are its measure, not a task of their own.
    text = (
        "某县人民政府办公室关于印发2031年政府工作报告重点任务分解方案的通知\n"
        "各乡镇人民政府,县政府各部门:\n"
        "现将《2031年政府工作报告重点任务分解方案》印发给你们,并就抓好落实通知如下:\n"
        "1.细化分工,落实责任。各牵头单位要制定具体推进方案,于2031年3月10日前报县政府办公室。\n"
        "2.加强调度,跟踪问效。县政府督查室要定期调度各项任务进展情况,及时通报。\n"
    )
    tasks = extract_text(text).tasks
    assert [t.measure for t in tasks] == ["细化分工,落实责任", "加强调度,跟踪问效"]
    assert [t.text[:6] for t in tasks] == ["各牵头单位要", "县政府督查室"]
