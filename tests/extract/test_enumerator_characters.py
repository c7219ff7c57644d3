"""Items numbered with the single characters Unicode has for enumerators: ⑴ … ⒇ (the number in
brackets), ① … ⑳ (circled), ⒈ … ⒛ (the number and a full stop), as word processors set them and
text pulled out of PDFs keeps them. Each is an item of its own under the item above it, its ref
written as (1) is written, the marker left out of its text.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.outline import enumerator_value

HEAD = (
    "某区人民政府关于印发2031年重点工作任务分解的通知\n\n各街道办事处，区政府各部门：\n\n一、推动产业升级\n\n"
)


@pytest.mark.parametrize("marks", ["⑴⑵⑶", "①②③", "（１）（２）（３）"])
def test_each_enumerated_step_under_a_numbered_item_is_a_task_of_its_own(marks: str) -> None:
    one, two, three = (marks[:3], marks[3:6], marks[6:]) if len(marks) > 3 else tuple(marks)
    text = HEAD + (
        "1.培育壮大新兴产业。\n"
        f"{one}建设新能源汽车产业园，年内完成一期工程。（牵头单位：区发展改革局）\n"
        f"{two}培育专精特新企业10家。（牵头单位：区工信局）\n"
        f"{three}实施技术改造项目20个。（牵头单位：区科技局）\n"
    )
    tasks = extract_text(text, name="notice.txt").tasks
    assert [t.ref for t in tasks] == ["一.1.(1)", "一.1.(2)", "一.1.(3)"]
    assert [t.text[:2] for t in tasks] == ["建设", "培育", "实施"]
    assert [t.lead_units for t in tasks] == [("区发展改革局",), ("区工信局",), ("区科技局",)]


def test_a_number_with_a_full_stop_in_one_character_is_an_item_of_the_level_of_1() -> None:
    text = (
        HEAD
        + "⒈建设新能源汽车产业园。（牵头单位：区发展改革局）\n⒉培育专精特新企业。（牵头单位：区工信局）\n"
    )
    tasks = extract_text(text, name="notice.txt").tasks
    assert [(t.ref, t.text[:2]) for t in tasks] == [("一.1", "建设"), ("一.2", "培育")]


def test_the_value_of_each_enumerator() -> None:
    assert [enumerator_value(c) for c in "①⑳⑴⒇⒈⒛❶"] == ["1", "20", "1", "20", "1", "20", "1"]
    assert enumerator_value("一") is None
