"""Subjects of a notice's items in forms the first readers missed:

- a class of bodies with a partner (`X与Y合作，建立…`): X leads, Y is a co-unit, as `X与Y做好…` is read;
- a body that sets the aim or basis of its work first (`X以…为…，研究制定…`): X leads;
- a unit of a plan helping another whose work is enforcement (`X配合Y依法查处…`): Y leads, X helps
  (SCHEMA: 配合 marks co-units), as with `X配合Y完成…`;
- items under a heading that names whose work they are (`（一）试点地区工作任务`), with no subject of their
  own: the heading's subject leads them; a heading of a kind of work (`（二）重点任务`) names none.

The texts are written for these tests, in the manner of ministries' notices on pilots and districts'
plans, not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

NOTICE = """关于开展便民服务试点工作的通知

各省、自治区、直辖市有关部门：

为进一步优化便民服务，现就有关事项通知如下。

一、加强部门协作

（一）统计部门与有关部门合作，建立数据共享机制，提高数据交换效率。

（二）民政部以群众需求为导向，研究制定便民服务措施。

二、明确试点任务

（一）试点地区工作任务

1.建立便民服务快速通道，简化办理流程。

2.推行电子证照全流程应用，降低群众办事成本。

（二）重点任务

1.完善便民服务标准体系。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(NOTICE).tasks}


def test_a_body_and_its_partner(tasks) -> None:
    assert tasks["一.(一)"].lead_units == ("统计部门",)
    assert tasks["一.(一)"].co_units == ("有关部门",)


def test_a_body_that_sets_its_aim_first(tasks) -> None:
    assert tasks["一.(二)"].lead_units == ("民政部",)


def test_items_under_a_heading_of_whose_work_they_are(tasks) -> None:
    assert tasks["二.(一).1"].lead_units == ("试点地区",)
    assert tasks["二.(一).2"].lead_units == ("试点地区",)


def test_a_heading_of_a_kind_of_work_names_no_subject(tasks) -> None:
    assert tasks["二.(二).1"].lead_units == ()


PLAN = """某区2026年河道整治工作方案

一、工作目标

到2026年底，全区河道水质明显改善。

二、主要任务

（一）区水务局配合区生态环境局完成河道排污口排查整治。

（二）区城管执法局配合区水务局依法查处违法排污行为。
"""


def test_a_plan_unit_helping_another_in_its_enforcement() -> None:
    tasks = {t.ref: t for t in extract_text(PLAN).tasks}
    assert tasks["二.(二)"].lead_units == ("区水务局",)
    assert tasks["二.(二)"].co_units == ("区城管执法局",)
