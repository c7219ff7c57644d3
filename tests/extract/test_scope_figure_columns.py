"""A division table flattened a cell a paragraph whose heading row has a column of the figures a
level is given (区本级 / 任务数, wrapped over two paragraphs: no task column), blank cells in it,
and a unit cell that marks its lead with a star; and the star itself in a unit list."""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.layout import find_text_grids
from taizhang.extract.units import parse_roles, parse_units

# (Made up.)
_TABLE = (
    "2031年县政府工作报告重点工作责任分解\n\n"
    "序号\n\n重点工作\n\n县本级\n\n任务数\n\n责任单位\n\n"
    "1\n\n城镇新增就业5000人以上。\n\n\n县人社局\n\n"
    "2\n\n新建改建农村公路120公里。\n\n80公里\n\n县交通运输局*、县财政局\n\n"
    "3\n\n完成老旧小区改造15个。\n\n\n县住建局*、县城管局、各乡镇\n\n"
    "4\n\n推进县域医共体建设。\n\n\n县卫健局\n"
)


def test_the_figure_column_wrapped_under_its_level_is_one_column_and_no_task():
    grids = find_text_grids(_TABLE, 0, len(_TABLE), 0)
    assert len(grids) == 1
    header = grids[0].rows[0]
    assert [_TABLE[c.start : c.end].replace("\n\n", "") for c in header] == [
        "序号",
        "重点工作",
        "县本级任务数",
        "责任单位",
    ]


def test_each_row_gives_its_work_and_the_starred_unit_leads():
    tasks = extract_text(_TABLE).tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("城镇新增就业5000人以上。", ("县人社局",), ()),
        ("新建改建农村公路120公里。", ("县交通运输局",), ("县财政局",)),
        ("完成老旧小区改造15个。", ("县住建局",), ("县城管局", "各乡镇")),
        ("推进县域医共体建设。", ("县卫健局",), ()),
    ]


@pytest.mark.parametrize(
    ("cell", "lead", "co"),
    [
        ("市商务局*、市财政局", ("市商务局",), ("市财政局",)),
        ("市财政局、市商务局★", ("市商务局",), ("市财政局",)),
        ("市发改委＊、市统计局、各区政府", ("市发改委",), ("市统计局", "各区政府")),
    ],
)
def test_a_star_after_a_unit_marks_the_lead(cell: str, lead: tuple[str, ...], co: tuple[str, ...]) -> None:
    roles = parse_roles(cell)
    assert (roles.lead, roles.co) == (lead, co)


def test_a_starred_list_names_its_units_without_the_star():
    assert parse_units("市商务局*、市财政局") == ["市商务局", "市财政局"]
