"""Places named by the role a national or provincial notice gives them (试点省份, 试点城市, 试点省（区、市）,
示范县) as the subject of a sentence that hands out work are the task's lead, as a named body is; where
the document names such a place's government (试点城市政府是…责任主体), the government is the doer.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

HEAD = (
    "某部办公厅关于开展数据治理试点工作的通知\n\n各省、自治区、直辖市主管部门：\n\n"
    "现将有关事项通知如下。\n\n一、试点任务\n\n"
)


@pytest.mark.parametrize("place", ["试点省份", "试点城市", "试点省（区、市）", "示范县"])
def test_a_place_named_by_its_role_leads_the_work_it_is_given(place: str) -> None:
    text = HEAD + f"（一）建立数据标准。{place}应建立统一的数据标准体系，2031年6月底前完成。\n"
    (task,) = extract_text(text, name="notice.txt").tasks
    assert task.lead_units == (place,)


def test_the_government_of_such_a_place_when_the_document_names_it() -> None:
    text = HEAD + (
        "（一）编制方案。试点城市负责编制实施方案，明确任务分工。\n\n"
        "二、保障措施\n\n（一）压实责任。试点城市政府是试点工作的责任主体，要加强组织领导。\n"
    )
    first, second = extract_text(text, name="notice.txt").tasks
    assert first.lead_units == ("试点城市政府",)
    assert second.lead_units == ("试点城市政府",)


@pytest.mark.parametrize("subject", ["试点区", "试点工作"])
def test_an_area_or_a_work_is_no_such_place(subject: str) -> None:
    text = HEAD + f"（一）建立数据标准。{subject}应建立统一的数据标准体系。\n"
    (task,) = extract_text(text, name="notice.txt").tasks
    assert task.lead_units == ()
