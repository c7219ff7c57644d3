"""Lists of units joined by 和, 及 or 以及.

"由X和Y负责…,会同Z…" names X and Y as leads together (a list right before the verb of their duty), Z
their co-unit; a 以及 after a comma joins the next name to the list ("区X局、Y中心,以及居民委员会": no
name opens with 以及), and a level prefix shared by the list goes to the departments of that level only:
a residents' or villagers' committee belongs to no level (SCHEMA's shared prefix: `区发展改革局、工业和
信息化局` is `区工业和信息化局`).

The texts are written for these tests in the form of district plans and city regulations.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import parse_units

PLAN = """关于加强内部道路管理的实施方案
一、工作措施
(一)严格竣工验收。道路竣工后,由区建设管理委和区交通委负责联合验收,会同属地街道做好移交接管工作。
(二)加强日常养护。区绿化市容局要做好日常保洁。
"""


def test_two_units_joined_by_he_before_their_duty_both_lead() -> None:
    task = next(t for t in extract_text(PLAN).tasks if "联合验收" in t.text)
    assert task.lead_units == ("区建设管理委", "区交通委")
    assert task.co_units == ("属地街道",)


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("区民政局、社区服务中心，以及居民委员会", ["区民政局", "区社区服务中心", "居民委员会"]),
        ("区民政局、社区服务中心以及居民委员会", ["区民政局", "区社区服务中心", "居民委员会"]),
        ("县农业农村局、林业站,及村民委员会", ["县农业农村局", "县林业站", "村民委员会"]),
        # a department after the comma still takes the level's prefix
        ("区民政局,以及卫生健康委", ["区民政局", "区卫生健康委"]),
        # a verb after the comma is no name
        ("市公安局、交通委、及时处理", ["市公安局", "市交通委", "及时处理"]),
    ],
)
def test_a_joining_word_after_a_comma_opens_no_name(written: str, units: list[str]) -> None:
    assert parse_units(written) == units
