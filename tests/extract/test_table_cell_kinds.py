"""What a task table's cell holds, read by its column and its contents: a deadline cell left blank,
a column of the measures of figures (单位 / 计量单位), a unit cell naming several units set apart
by spaces. (Made-up tables.)"""

from __future__ import annotations

from .docfactory import task_rows

_BLANK_DEADLINE = (
    "某县2031年重点工作任务分解表\n\n"
    "序号\n|\n重点任务\n|\n责任单位\n|\n完成时限\n"
    "1\n|\n推进义务教育优质均衡发展，改善办学条件。\n|\n县教体局\n|\n2031年12月\n"
    "2\n|\n加快推进重点项目建设，完成年度投资计划。\n|\n县发改局\n|\n|\n"
    "3\n|\n强化基层社会治理，深化平安创建。\n|\n县委政法委\n|\n2031年6月\n"
)


def test_a_blank_deadline_cell_takes_no_deadline_from_the_row_above():
    # (SCHEMA: only a blank lead-unit cell carries the value of the row above.)
    assert [d for *_, d in task_rows(_BLANK_DEADLINE)] == [("month", 2031, 12), None, ("month", 2031, 6)]


_MEASURE_BESIDE_UNITS = (
    "某县2031年民生实事项目表\n\n"
    "序号 | 项目名称 | 单 位 | 目标任务 | 责任单位\n"
    "1 | 新建农村公路 | 公里 | 50 | 县交通局\n"
    "2 | 改造老旧小区 | 个 | 12 | 县住建局\n"
    "3 | 新增城镇就业 | 人 | 3000 | 县人社局\n"
)

_MEASURE_ALONE = (
    "某县2031年民生实事项目表\n\n"
    "序号 | 项目名称 | 单位 | 目标任务 | 完成时限\n"
    "1 | 新建农村公路 | 公里 | 50 | 2031年10月\n"
    "2 | 改造老旧小区 | 个 | 12 | 2031年12月\n"
    "3 | 新增城镇就业 | 万元 | 3000 | 年底前\n"
)


def test_a_column_headed_unit_beside_a_unit_column_gives_measures_not_units():
    assert [(lead, co) for _, lead, co, _ in task_rows(_MEASURE_BESIDE_UNITS)] == [
        (("县交通局",), ()),
        (("县住建局",), ()),
        (("县人社局",), ()),
    ]


def test_a_column_of_measure_words_gives_no_units():
    rows = task_rows(_MEASURE_ALONE)
    assert [t for t, *_ in rows] == ["新建农村公路", "改造老旧小区", "新增城镇就业"]
    assert all(not lead and not co for _, lead, co, _ in rows)


_SPACED_UNITS = (
    "某县2031年重点工作任务分解表\n\n"
    "序号 | 重点任务 | 责任单位 | 完成时限\n"
    "1 | 推进义务教育优质均衡发展，改善办学条件。 | 县教体局 各相关乡镇政府 | 2031年12月\n"
    "2 | 加快推进重点项目建设，完成年度投资计划。 | 县发改局　县财政局 | 2031年6月\n"
    "3 | 强化督导检查，确保各项任务落实到位。 | 县委县政府 督查室 | 长期坚持\n"
)


def test_units_set_apart_by_spaces_in_one_cell_are_several():
    assert [lead for _, lead, _, _ in task_rows(_SPACED_UNITS)] == [
        ("县教体局", "各相关乡镇政府"),
        ("县发改局", "县财政局"),
        ("县委县政府督查室",),
    ]
