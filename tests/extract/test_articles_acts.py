"""Duties a regulation writes with no modal: the work on a thing handed to the body named after 由 with a
verb of its own ("…项目由市文化主管部门予以公示", "…的,由县人民政府无偿收回…"), and a body of the state as the
subject of a sentence in the indicative ("县人民政府加强对…的保护", "市人民政府设立…专项资金", "公安机关以一定
顺序对…编排门牌号").

The texts are written for these tests: they follow the conventions of cities' and counties' 条例 (on
culture, tourism, door plates), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

REGULATION = """某县文化旅游促进条例

第一条　为了促进文化旅游发展，根据有关法律、法规，结合本县实际，制定本条例。

第二条　县文化旅游主管部门负责本条例的组织实施。

第三条　经评审拟列入保护名录的项目由县文化旅游主管部门予以公示，征求公众意见。

第四条　取得景区经营权的企业未按期启动建设的，由县人民政府无偿收回景区经营权。

第五条　县人民政府加强对旅游资源的生态环境保护。

第六条　县人民政府设立文化旅游发展专项资金，用于下列事项：（一）保护传统文化；（二）培养旅游人才。

第七条　县公安机关以一定顺序对街巷两侧的建筑物编排门牌号。

第八条　县文化旅游主管部门根据普查结果，拟订旅游资源名录，报县人民政府批准后公布。

第九条　评审委员会由县人民政府有关部门负责人和专家组成。

第十条　旅游经营者违反本条例规定的，由县文化旅游主管部门责令改正。

第十一条　县公安机关是门牌管理的主管部门。

第十二条　县人民政府设立的旅游发展资金，不得挪作他用。

第十三条　对未按规定保护文物的经营者，由县文化旅游主管部门视情节轻重，给予警告。

第十四条　县、乡人民政府有关部门制定旅游应急预案。

第十五条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return {t.ref: t for t in extract_text(REGULATION).tasks}


def test_a_thing_handed_to_the_body_after_you(tasks) -> None:
    assert tasks["第三条"].lead_units == ("县文化旅游主管部门",)
    assert tasks["第四条"].lead_units == ("县人民政府",)


def test_a_body_that_acts_with_no_modal(tasks) -> None:
    assert tasks["第五条"].lead_units == ("县人民政府",)
    assert tasks["第六条"].lead_units == ("县人民政府",)
    assert tasks["第七条"].lead_units == ("县公安机关",)
    assert tasks["第八条"].lead_units == ("县文化旅游主管部门",)
    assert tasks["第十四条"].lead_units == (
        "县人民政府有关部门",
        "乡人民政府有关部门",
    )  # the name ends before 制定


@pytest.mark.parametrize("ref", ["第九条", "第十条", "第十二条", "第十三条", "第十五条"])
def test_membership_penalties_relatives_and_the_statute_are_no_acts(tasks, ref: str) -> None:
    assert ref not in tasks
