"""Responsible bodies named in the running text of work plans (工作方案, 实施意见), not in a parenthetical.

- a list of fields of work closed by 等部门 with one body written whole among them: the body keeps its
  own suffix, each field takes the shared kind (no 宣传办 from the 办 of 金融办);
- two bodies joined by 和 as one subject, one of them named by its kind (金融机构), are two units, and a
  clause before 的 that qualifies both is distributed to each (SCHEMA's shared prefix);
- a level and a field of work with no suffix (市财政, 县住建) is a unit as a clause's subject, and the
  later clauses of a sentence that open with their own bodies share its task;
- bodies named as the bearers of a responsibility (落实X主体责任) lead a task that names no other.

Guards: a kind of body alone that opens a clause of work (优化机构编制…), places a policy selects
(纳入名单的园区应…), parties (企业, 管理单位) stay no units.

The texts are written for these tests in the form of city and county plans.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.normalise import working_text
from taizhang.extract.units import parse_units, subject_and_verb


@pytest.mark.parametrize(
    ("written", "units"),
    [
        (
            "宣传、公安、发改、住建、金融办、税务等部门",
            ["宣传部门", "公安部门", "发改部门", "住建部门", "金融办", "税务部门"],
        ),
        ("教育、人社、信访局等有关部门", ["教育部门", "人社部门", "信访局", "有关部门"]),
        # every member a field: the fields stand for the bureaus, kept as written
        ("财政、税务、房管等部门", ["财政", "税务", "房管"]),
        # places before a body written whole take its suffix (SCHEMA)
        ("东坡、西岭、南湖街道办", ["东坡街道办", "西岭街道办", "南湖街道办"]),
    ],
)
def test_fields_beside_a_whole_body(written: str, units: list[str]) -> None:
    assert parse_units(written) == units


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("商业银行和公积金管理中心", ["商业银行", "公积金管理中心"]),
        ("金融机构和住房公积金管理中心", ["金融机构", "住房公积金管理中心"]),
        ("实行独立核算的园区和乡镇", ["实行独立核算的园区", "实行独立核算的乡镇"]),
        # a kind of body named by its role is of no level
        ("县区政府和职能部门", ["县区政府", "职能部门"]),
        # one name with 和 inside stays whole
        ("区人力资源和社会保障局", ["区人力资源和社会保障局"]),
    ],
)
def test_two_bodies_joined_by_he(written: str, units: list[str]) -> None:
    assert parse_units(written) == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("由县财政统筹安排补助资金", ("县财政",)),
        ("区住建牵头做好质量监管", ("区住建",)),
        ("金融机构和公积金管理中心应简化审批流程", ("金融机构", "公积金管理中心")),
        ("实行独立核算的园区和乡镇负责本辖区资金保障", ("实行独立核算的园区", "实行独立核算的乡镇")),
        # alone, a kind of body or the places a policy picks out name no unit
        ("优化机构设置，提升服务效能", ()),
        ("列入试点名单的园区应制定建设方案", ()),
        # fields sharing the last one's kind: no level's field standing alone
        ("市住房城乡建设、交通行政管理部门制定标准", ()),
    ],
)
def test_subjects_read(text: str, units: tuple[str, ...]) -> None:
    w = working_text(text)
    assert subject_and_verb(text, w, 0, len(w))[0] == units


PLAN = """某某县关于加快棚户区改造的实施意见

一、重点任务

（一）保障征收资金。由县财政落实征收补偿资金，相关镇政府加快房屋征收进度，确保按期交地。

（二）强化部门联动。宣传、公安、自然资源、住建、金融办、税务等部门要各司其职，形成工作合力。

（三）压实工作责任。落实乡镇政府和职能部门主体责任，加大督查考核力度。

（四）加强安全管理。完善消防设施配置，定期开展隐患排查。落实物业管理单位主体责任。

（五）推进项目建设。列入改造计划的园区应按要求编制实施方案，按期完成建设。

某某县人民政府
2024年5月6日
"""


def _leads() -> dict[str, tuple[str, ...]]:
    return {t.text[:6]: t.lead_units for t in extract_text(PLAN).tasks}


def test_clause_subjects_of_one_sentence_all_lead() -> None:
    assert _leads()["由县财政落实"] == ("县财政", "相关镇政府")


def test_list_of_fields_with_a_whole_body_leads() -> None:
    assert _leads()["宣传、公安、"] == (
        "宣传部门",
        "公安部门",
        "自然资源部门",
        "住建部门",
        "金融办",
        "税务部门",
    )


def test_bearers_of_a_responsibility_lead() -> None:
    assert _leads()["落实乡镇政府"] == ("乡镇政府", "职能部门")


def test_no_false_units() -> None:
    leads = _leads()
    assert leads["完善消防设施"] == ()  # a later sentence's bearer, and a party (管理单位)
    assert leads["列入改造计划"] == ()
