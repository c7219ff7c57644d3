"""Units a regulation names by their function in a work: the member units of a headquarters
("各级防汛指挥部成员单位") and the units that have a task or a duty in it ("其他有防汛任务的单位", "负有…
职责的单位"): lead units as written. A unit named by its kind alone (建设单位) is a regulated party.

The text is written for these tests, in the manner of cities' 防汛 and 应急 条例, not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某市防汛条例

第一条　为了做好防汛工作，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市人民政府应当加强对防汛工作的领导。

第三条　各级防汛指挥部成员单位应当按照各自职责做好防汛工作。

第四条　其他有防汛任务的单位应当服从防汛指挥部的统一调度。

第五条　负有防汛监督管理职责的单位应当定期开展检查。

第六条　建设单位应当做好施工现场的防汛工作。

第七条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


def test_units_named_by_their_function_lead(tasks) -> None:
    assert tasks["第三条"].lead_units == ("各级防汛指挥部成员单位",)
    assert tasks["第四条"].lead_units == ("其他有防汛任务的单位",)
    assert tasks["第五条"].lead_units == ("负有防汛监督管理职责的单位",)


def test_a_unit_named_by_its_kind_is_regulated(tasks) -> None:
    assert "第六条" not in tasks
