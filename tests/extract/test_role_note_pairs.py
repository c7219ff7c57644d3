"""Role notes that pair a lead unit with its helpers by 、 rather than a comma: `X牵头、Y配合`,
`X牵头、Y参与` (SCHEMA: 牵头 marks lead units, 配合 / 参与 co-units).

The texts are written for these tests: they follow the conventions of district work plans, not any
one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import parse_roles

PLAN = """某区2026年某某工作方案

一、主要任务

（一）推进某某改革。优化办事流程，压减审批时限。（区甲局牵头、区乙局配合）

（二）加强某某建设。加快重大项目落地。（区丙委牵头、区丁委、区戊局参与）

（三）完善某某政策。落实某某政策。（区甲局牵头，区乙局配合）
"""


@pytest.mark.parametrize(
    ("note", "lead", "co"),
    [
        ("区甲局牵头、区乙局配合", ("区甲局",), ("区乙局",)),
        ("区丙委牵头、区丁委参与", ("区丙委",), ("区丁委",)),
        ("区丙委牵头负责、区丁委、区戊局配合", ("区丙委",), ("区丁委", "区戊局")),
        ("区甲局、区乙局牵头", ("区甲局", "区乙局"), ()),
    ],
)
def test_a_lead_marker_before_a_dun_comma_closes_the_lead_group(note: str, lead: tuple, co: tuple) -> None:
    roles = parse_roles(note)
    assert (roles.lead, roles.co) == (lead, co)


def test_a_plans_notes_give_one_task_each_with_lead_and_co_units() -> None:
    tasks = extract_text(PLAN).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("区甲局",), ("区乙局",)),
        (("区丙委",), ("区丁委", "区戊局")),
        (("区甲局",), ("区乙局",)),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "区甲局应当配合做好某某工作",
        "区甲局应配合做好某某工作",
        "区甲局负责协助区乙局",
        "区甲局要积极配合区乙局",
    ],
)
def test_a_duty_to_help_reads_as_help_whatever_its_modal(opening: str) -> None:
    from taizhang.extract.normalise import working_text
    from taizhang.extract.pipeline import _COOPERATING

    work = working_text(opening)
    assert _COOPERATING.match(work, 0, len(work)) is not None


@pytest.mark.parametrize(
    ("written", "doer"),
    [
        ("由区甲局负责", True),
        ("某某设施的管理由区甲局负责", True),
        ("无正当理由区甲局负责", False),
        ("由于区甲局负责", False),
        ("经由区甲局负责", False),
    ],
)
def test_the_agent_marker_is_the_by_of_a_doer_only(written: str, doer: bool) -> None:
    import re

    from taizhang.extract.units import AGENT_BY

    assert (re.search(AGENT_BY, written) is not None) == doer
