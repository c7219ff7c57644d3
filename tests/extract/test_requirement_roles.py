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
from taizhang.extract.units import parse_units


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
