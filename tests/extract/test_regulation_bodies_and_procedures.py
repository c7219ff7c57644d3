"""Regulations: the bodies a duty sentence names, and the articles that lay no task.

- "X及其成员单位" names the group X, which answers for its members: no bare 成员单位.
- "市人大常委会办公厅通过…公布…": the office (办公厅) is the body, not the committee.
- "领导小组办公室设在X,负责日常工作": X, the unit housing the office, does the work.
- A people's congress's own proceedings (会议由常务委员会召集, 议案由主任会议提请…审议) and penalties
  ("…的,由X依法予以拆除", "…的,由X依法予以处罚") lay no task, also in a statute whose articles lay
  fewer than two duties (read as a plain outline).

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.units import parse_units

REGULATION = """某市征兵工作条例

第一条 为了做好征兵工作，根据有关法律，结合本市实际，制定本条例。
第二条 代表大会会议由常务委员会召集，每年至少举行一次。
第三条 议案由主任会议提请常务委员会会议审议。
第四条 市人民政府应当每年向常务委员会报告征兵工作情况。
第五条 市人大常委会办公厅通过本市主要媒体公布本条例全文。
第六条 征兵工作的具体组织实施由区、县人民政府征兵办公室负责。
第七条 市征兵工作领导小组及其成员单位应当按照职责做好征兵工作。
第八条 领导小组办公室设在市人民武装部，负责日常工作。
第九条 在禁止区域内搭建建筑物的，由区城市管理部门依法予以拆除。
第十条 本条例自2031年1月1日起施行。
"""


def _by_ref() -> dict[str, tuple[str, ...]]:
    return {t.ref: t.lead_units for t in extract_text(REGULATION).tasks}


def test_bodies_named_whole() -> None:
    got = _by_ref()
    assert got["第五条"] == ("市人大常委会办公厅",)
    assert got["第六条"] == ("区人民政府征兵办公室", "县人民政府征兵办公室")
    assert got["第七条"] == ("市征兵工作领导小组",)
    assert got["第八条"] == ("市人民武装部",)


def test_a_congress_procedure_and_a_penalty_are_no_task() -> None:
    got = _by_ref()
    assert "第二条" not in got and "第三条" not in got and "第九条" not in got
    assert got["第四条"] == ("市人民政府",)


def test_a_group_and_its_members_in_a_plan() -> None:
    assert parse_units("区创建工作领导小组及其成员单位") == ["区创建工作领导小组"]


def test_a_statute_of_procedure_with_few_duties_gives_no_procedure_or_penalty() -> None:
    text = """某市人民代表大会常务委员会议事规则

第一条 为了规范常务委员会的议事程序，根据有关法律，结合本市实际，制定本规则。
第二条 乡镇人民代表大会会议由乡镇人民代表大会主席团召集。
第三条 议案由主任会议提请常务委员会会议审议。
第四条 常务委员会会议由主任召集并主持。
第五条 擅自占用城市道路的，由市城市管理部门依法予以处罚。
第六条 违反本规则规定的，由区人民政府依法予以拆除。
第七条 本规则自2031年1月1日起施行。
"""
    assert not extract_text(text).tasks
