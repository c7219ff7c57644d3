"""A collective of the bodies that belong to a level (有关直属单位, 各直属机构) after that level's
collective of departments takes the level's owner, as SCHEMA's shared prefix is distributed; a
collective of anyone (有关单位) or of other governments (有关区人民政府) keeps its name.

The lists are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract.normalise import working_text
from taizhang.extract.units import parse_units


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("县政府有关部门、有关直属单位", ["县政府有关部门", "县政府有关直属单位"]),
        ("市人民政府各部门、各直属机构", ["市人民政府各部门", "市人民政府各直属机构"]),
        (
            "区政府有关部门、有关直属单位、各街道办事处",
            ["区政府有关部门", "区政府有关直属单位", "各街道办事处"],
        ),
        ("市人民政府有关部门、有关区人民政府", ["市人民政府有关部门", "有关区人民政府"]),
        ("省有关部门、有关单位", ["省有关部门", "有关单位"]),
    ],
)
def test_a_collective_of_a_levels_own_bodies_takes_the_level(written: str, names: list[str]) -> None:
    assert parse_units(written, working_text(written)) == names
