"""Divisions of work written as lines or flattened tables: an item's units on labelled lines that
each close with a full stop (牵头责任单位 / 协同责任单位, a leader's line before them), and a key-work
table flattened a cell a paragraph whose heading cells wrap over two paragraphs.

The texts are written for these tests: they follow the conventions of such divisions (city and
county notices dividing the year's key work, townships' tables of their key work), not any one
document.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.units import parse_roles

LINES_WITH_STOPS = """某市人民政府关于2026年市政府重点工作及责任分解的通知

一、稳住经济基本盘

1. 全市工业增加值增长6%以上。

牵头负责领导:王某。

牵头责任单位:市工信局。

协同责任单位:市统计局、市发展改革委等,各县、区政府。

2. 新建口袋公园20个。

牵头负责领导:赵某。

牵头责任单位:市园林局。

协同责任单位:市住建局。
"""


def test_labelled_unit_lines_closed_by_full_stops_make_one_note():
    tasks = extract_text(LINES_WITH_STOPS, name="分解.txt").tasks
    assert [(t.ref, t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("一.1", "全市工业增加值增长6%以上。", ("市工信局",), ("市统计局", "市发展改革委", "各县、区政府")),
        ("一.2", "新建口袋公园20个。", ("市园林局",), ("市住建局",)),
    ]


def test_the_leaders_line_is_no_part_of_the_task():
    tasks = extract_text(LINES_WITH_STOPS, name="分解.txt").tasks
    assert all("王某" not in t.text and "赵某" not in t.text for t in tasks)
    assert all("王某" not in u and "赵某" not in u for t in tasks for u in t.lead_units + t.co_units)


def test_a_label_inside_a_longer_label_opens_no_group():
    # 责任单位 is inside 协同责任单位 and 牵头责任单位: the longer label holds for the list.
    assert parse_roles("协同责任单位:甲市税务局、乙区海关", "协同责任单位:甲市税务局、乙区海关").co == (
        "甲市税务局",
        "乙区海关",
    )
    roles = parse_roles(
        "牵头责任单位:县财政局;协同配合单位:县审计局", "牵头责任单位:县财政局;协同配合单位:县审计局"
    )
    assert (roles.lead, roles.co) == (("县财政局",), ("县审计局",))


def test_a_co_label_holds_past_a_comma():
    text = "协同责任单位:市交通局、市公安局等,各区政府"
    roles = parse_roles(text, text)
    assert roles.lead == ()
    assert roles.co == ("市交通局", "市公安局", "各区政府")


def test_a_second_note_with_text_after_it_is_not_joined_to_the_first():
    # A paragraph that opens with a note and goes on with work is no second part of the note.
    text = (
        "一、重点工作\n\n1. 推进某某改造。\n\n牵头单位:区建设局。\n\n"
        "2. 开展某某整治。\n\n牵头单位:区城管局。\n"
    )
    tasks = extract_text(text, name="分工.txt").tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("推进某某改造。", ("区建设局",)),
        ("开展某某整治。", ("区城管局",)),
    ]


WRAPPED_HEADINGS = """某镇2026年度重点工作计划一季度执行情况

序号

重点工作

责任

领导

责任

科室

攻坚目标

任务

工作任务安排

一季度

完成情况

1

某某水库除险加固

张某

水利站

完成大坝加固工程。

完成施工招标。

已完成招标,进场施工。

2

农村道路提升

李某

农业农村办

提升农村道路12公里。

完成设计。

已完成设计。
"""


def test_heading_cells_wrapped_over_two_paragraphs_are_one_column_each():
    from taizhang.extract.layout import find_text_grids

    grid = find_text_grids(WRAPPED_HEADINGS, 0, len(WRAPPED_HEADINGS), 0)[0]
    head = ["".join(WRAPPED_HEADINGS[c.start : c.end].split()) for c in grid.rows[0]]
    assert head == [
        "序号",
        "重点工作",
        "责任领导",
        "责任科室",
        "攻坚目标任务",
        "工作任务安排",
        "一季度完成情况",
    ]


def test_the_key_work_column_is_the_task_and_the_section_column_leads():
    tasks = extract_text(WRAPPED_HEADINGS, name="执行情况.txt").tasks
    assert [(t.ref, t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("1", "某某水库除险加固", ("水利站",), ()),
        ("2", "农村道路提升", ("农业农村办",), ()),
    ]


def test_a_whole_heading_after_one_of_no_role_stays_a_column():
    # "指标数" names no known column and "责任单位" is a whole heading: two columns, not one.
    text = (
        "序号\n\n主要任务\n\n指标数\n\n责任单位\n\n配合单位\n\n"
        "1\n\n新建社区食堂。\n\n10个\n\n区民政局\n\n各街道\n\n"
        "2\n\n改造公共厕所。\n\n20座\n\n区绿化市容局\n\n各街道\n"
    )
    tasks = extract_text(text, name="任务表.txt").tasks
    assert [(t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("新建社区食堂。", ("区民政局",), ("各街道",)),
        ("改造公共厕所。", ("区绿化市容局",), ("各街道",)),
    ]


TARGET_TABLE = """附件1

2026年某区政府工作报告预期目标任务分解表

序号

2026年预期目标

责任单位

1

地区生产总值增长6%左右

区发展改革委

2

城镇新增就业1.2万人

区人力社保局

3

空气质量完成年度目标任务

区生态环境局
"""


def test_a_target_column_headed_with_its_year_holds_the_tasks():
    tasks = extract_text(TARGET_TABLE, name="分解表.txt").tasks
    assert [(t.ref, t.text, t.lead_units) for t in tasks] == [
        ("1", "地区生产总值增长6%左右", ("区发展改革委",)),
        ("2", "城镇新增就业1.2万人", ("区人力社保局",)),
        ("3", "空气质量完成年度目标任务", ("区生态环境局",)),
    ]


def test_a_year_before_no_column_name_is_no_heading():
    from taizhang.extract.layout import _is_heading_cell

    for text, heading in [("2026年预期目标", True), ("2026年度任务目标", True), ("2026年完成", False)]:
        assert _is_heading_cell(text, (0, len(text))) is heading, text


def test_a_target_column_beside_the_work_is_no_task_column():
    text = (
        "序号\n\n重点任务\n\n2026年预期目标\n\n责任单位\n\n"
        "1\n\n推进老旧小区改造。\n\n改造小区30个\n\n区住房城乡建设委\n\n"
        "2\n\n建设社区食堂。\n\n新建食堂8个\n\n区民政局\n"
    )
    tasks = extract_text(text, name="任务表.txt").tasks
    assert [(t.text, t.lead_units) for t in tasks] == [
        ("推进老旧小区改造。", ("区住房城乡建设委",)),
        ("建设社区食堂。", ("区民政局",)),
    ]


def _merged_block_table(last_deadline: str) -> str:
    return (
        "某区2026年重点工作任务分解表\n\n序号\n\n主要措施\n\n具体任务\n\n牵头单位\n\n配合单位\n\n完成时限\n\n"
        "1\n\n优化营商环境\n\n推进高频事项集成办理。\n\n区政数局\n\n区市场监管局\n\n2026年6月底前\n\n"
        "2\n\n完善企业服务专员制度。\n\n区发展改革委\n\n各街道\n\n2026年12月底前\n\n"
        "3\n\n推进城市更新\n\n启动老旧小区改造30个。\n\n区住房城乡建设委\n\n各街道\n\n全年\n\n"
        f"4\n\n加快保障性住房建设。\n\n区房屋管理局\n\n区规划资源局\n\n{last_deadline}\n"
    )


def test_a_row_below_a_merged_measure_cell_aligns_on_a_standing_deadline():
    # The measure cell is printed once for its block; the row after it is one cell short, and its
    # deadline cell gives no date but a schedule: the row is still aligned on that cell.
    for cell, kind in [("持续推进", "ongoing"), ("长期坚持", "ongoing"), ("年底前", "month")]:
        tasks = extract_text(_merged_block_table(cell), name="分工表.txt").tasks
        last = tasks[-1]
        assert (last.measure, last.text, last.lead_units, last.co_units) == (
            "推进城市更新",
            "加快保障性住房建设。",
            ("区房屋管理局",),
            ("区规划资源局",),
        ), cell
        assert last.deadline is not None and last.deadline.kind == kind, cell


def test_a_page_number_between_two_rows_is_no_cell():
    # A PDF's text: the page ends after row 2 ("— 3 —") and the heading row is printed again.
    head = "序号\n\n重点任务\n\n牵头单位\n\n配合单位\n\n完成时限\n\n"
    text = (
        "某区2026年重点工作任务分解表\n\n"
        + head
        + "1\n\n推进高频事项集成办理。\n\n区政数局\n\n区市场监管局\n\n2026年6月底前\n\n"
        + "2\n\n建立企业诉求快速响应机制。\n\n区发展改革委\n\n各街道\n\n2026年12月底前\n\n— 3 —\n\n"
        + head
        + "3\n\n启动老旧小区改造30个。\n\n区住房城乡建设委\n\n各街道\n\n2026年12月底前\n"
    )
    tasks = extract_text(text, name="分工表.txt").tasks
    assert [(t.ref, t.text, t.lead_units, t.co_units) for t in tasks] == [
        ("1", "推进高频事项集成办理。", ("区政数局",), ("区市场监管局",)),
        ("2", "建立企业诉求快速响应机制。", ("区发展改革委",), ("各街道",)),
        ("3", "启动老旧小区改造30个。", ("区住房城乡建设委",), ("各街道",)),
    ]
