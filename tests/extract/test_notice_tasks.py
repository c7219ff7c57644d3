"""Notices that set up a group or hand work to lower bodies: what their outline reads as tasks but
hands no work to anyone (the act founding the group, its members and the rule for replacing them,
the signature, date and address lines, the issuing body's own part, a statement of the work's
significance), and who answers for the group's duties and its office's.

The texts are written for these tests: they follow the conventions of such notices (国务院办公厅's
and ministries' notices setting up a group, provincial departments' notices calling for
nominations), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

GROUP_NOTICE = """某部办公厅关于成立某某工作协调小组的通知
某办发〔2026〕3号
各省、自治区、直辖市某某厅(局):
为加强某某工作的统筹协调,推动有关政策落实,经研究,成立某某工作协调小组(以下简称协调小组)。现将有关事项通知如下:
一、主要职责
负责统筹协调某某工作;研究拟订有关政策措施;督促检查重点任务的落实。
二、组成人员
组 长:张 三 某部副部长
副组长:李 四 某部某司司长
成 员:王 五 某部某司副司长
三、工作机构
协调小组在某部某司设办公室,主要负责协调小组的日常工作,承办协调小组交办的其他事项。
因工作变动等原因,协调小组成员需要调整的,由所在单位提出,报协调小组组长审批。
某部办公厅
二○二六年三月二日
http://www.example.org/notice/2026/3.html
"""

NOMINATION_NOTICE = """某省某某厅办公室关于开展某某示范县推荐工作的通知
甲市、乙市、丙州某某局:
根据有关工作安排,现就我省推荐工作通知如下。
一、推荐程序
请相关市(州)某某局对照推荐条件,初选1个县,经审核后行文向我厅推荐。我厅将会同省直有关部门从中遴选2个县,报请省人民政府同意后上报。
二、工作要求
(一)精心组织。开展示范县创建,是推动某某产业高质量发展的必然要求,是一项具有标志性意义的重要工作。各地要认真对照推荐条件,加强统筹组织,保证推荐质量。
"""


@pytest.fixture(scope="module")
def group():
    return extract_text(GROUP_NOTICE).tasks


def test_the_group_answers_for_its_duties_and_the_unit_its_office_is_in_for_the_office_s(group) -> None:
    (duties,) = [t for t in group if t.text.startswith("负责统筹协调")]
    assert duties.lead_units == ("某某工作协调小组",)
    (office,) = [t for t in group if "设办公室" in t.text]
    assert office.lead_units == ("某部某司",)


def test_founding_members_replacing_and_signature_lay_no_task(group) -> None:
    assert len(group) == 2
    texts = "".join(t.text for t in group)
    assert "组 长" not in texts and "需要调整" not in texts and "成立" not in texts
    assert "二○二六年" not in texts and "http" not in texts


def test_the_issuer_s_own_part_and_the_significance_lay_no_task() -> None:
    tasks = extract_text(NOMINATION_NOTICE).tasks
    texts = [t.text for t in tasks]
    assert not any(x.startswith("我厅") for x in texts)
    assert not any("必然要求" in x and not x.startswith("各地") for x in texts)
    (ask,) = [t for t in tasks if t.text.startswith("请相关市")]
    assert ask.lead_units == ("相关市(州)某某局",)
    (care,) = [t for t in tasks if t.text.startswith("各地要")]
    assert care.lead_units == ("各地",)


EXPERT_GROUP = """某部办公厅关于成立某某专家组的通知
各有关单位:
为做好某某工作,经研究,决定成立某某专家组(以下简称专家组)。现将有关事项通知如下:
一、专家组职责
研究提出某某领域发展的政策建议,参与有关标准的论证。
二、专家组成员名单见附件。
三、专家组秘书处设在某某研究中心,负责专家组的日常工作。
某部办公厅
2026年5月6日
"""


def test_an_expert_group_s_duties_and_its_secretariat() -> None:
    tasks = extract_text(EXPERT_GROUP).tasks
    (duties,) = [t for t in tasks if t.text.startswith("研究提出")]
    assert duties.lead_units == ("某某专家组",)
    (office,) = [t for t in tasks if "秘书处" in t.text]
    assert office.lead_units == ("某某研究中心",)
    assert not any("2026年5月6日" == t.text or "成立" in t.text for t in tasks)


def test_a_short_item_with_its_units_below_is_kept_and_the_issuer_signing_below_is_none():
    # A division of work flattened to lines (each item, then its unit on the line below): a short
    # item and its unit are no signature; the issuer's name below the last item is.
    doc = (
        "北湖区教育局关于印发2031年教育重点工作任务分解的通知\n"
        "各学校：\n"
        "一、办学条件\n"
        "1.新建公办幼儿园3所。\n"
        "区住房城乡建设委\n"
        "2.改造学校食堂5所。\n"
        "北湖区教育局\n"
    )
    tasks = extract_text(doc).tasks
    assert [(t.text, t.lead_units) for t in tasks] == [("新建公办幼儿园3所。", ("区住房城乡建设委",))]
