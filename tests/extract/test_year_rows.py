"""Task lists flattened a cell a paragraph whose tasks span a row a year (节点 / 指标数), the
task's other cells merged over those rows (invented text in the layout of three-year action plans'
任务清单 attachments)."""

from __future__ import annotations

from taizhang.extract import extract_text

_LIST = """某区河道整治三年行动计划（2030—2032年）

附件

某区河道整治三年行动任务清单

类别

序号

主要任务

节点

指标数

责任单位

配合单位

1.
河
道
治
理

1

整治镇村级河道

2030年

40个

区水务局

各街镇
区财政局

2031年

55个

2032年

70个

2

河道保洁招标

完成保洁单位招标

2031年

3万户/120个

区水务局

3

建立河长巡查制度

2030年



区河长办

区水务局

2.
宣
传

4

开展节水宣传

2032年

30场

区水务局
区教育局

各街镇
"""


def _tasks():
    result = extract_text(_LIST)
    return [t for t in result.tasks if t.lead_units], result


def test_each_number_is_one_task_with_its_units_and_last_year():
    tasks, _ = _tasks()
    assert [t.text for t in tasks] == [
        "整治镇村级河道",
        "河道保洁招标完成保洁单位招标",
        "建立河长巡查制度",
        "开展节水宣传",
    ]
    assert [t.lead_units for t in tasks] == [
        ("区水务局",),
        ("区水务局",),
        ("区河长办",),
        ("区水务局", "区教育局"),
    ]
    assert [t.co_units for t in tasks] == [("各街镇", "区财政局"), (), ("区水务局",), ("各街镇",)]
    assert [t.deadline.year if t.deadline else None for t in tasks] == [2032, 2031, 2030, 2032]
    assert all(t.deadline and t.deadline.kind == "year" for t in tasks)


def test_each_year_gives_its_target():
    _, result = _tasks()
    found = {(m.value, m.unit, m.year) for m in result.metrics if m.kind == "target"}
    assert {(40, "个", 2030), (55, "个", 2031), (70, "个", 2032), (30, "场", 2032)} <= found
    # two targets of one year a slash separates: not a rate
    assert {(30000, "户", 2031), (120, "个", 2031)} <= found


def test_a_year_cell_is_a_year_or_a_month_and_no_task_words():
    from taizhang.extract.layout import _YEAR_NODE

    for cell in ("2031年", "2031年底", "2031年度", "2031年6月底", "2030—2032年"):
        assert _YEAR_NODE.fullmatch(cell), cell
    for cell in ("2031年6月底前完成", "2031", "31年"):
        assert not _YEAR_NODE.fullmatch(cell), cell


def test_a_list_without_a_year_column_is_read_as_before():
    text = _LIST.replace("节点\n\n指标数", "完成时限\n\n备注")
    assert not any(
        t.text == "整治镇村级河道" and t.deadline and t.deadline.year == 2032
        for t in extract_text(text).tasks
    )


_FLAT_CATEGORY = """附件

某县公园建设任务清单

类别

序号

主要任务

年度

目标

责任单位

配合单位

公园新建

1

新建社区公园

2030年

6座/12公顷

县住建局

各乡镇

2031年

9座/18公顷

公园管理

2

公园日常巡查

长期



县城管局

县公安局
"""


def test_a_category_written_across_and_a_task_that_goes_on():
    result = extract_text(_FLAT_CATEGORY)
    tasks = [t for t in result.tasks if t.lead_units]
    assert [(t.text, t.measure) for t in tasks] == [
        ("新建社区公园", "公园新建"),
        ("公园日常巡查", "公园管理"),
    ]
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("县住建局",), ("各乡镇",)),
        (("县城管局",), ("县公安局",)),
    ]
    assert tasks[0].deadline and tasks[0].deadline.year == 2031
    assert tasks[1].deadline and tasks[1].deadline.kind == "ongoing"
    found = {(m.value, m.unit, m.year) for m in result.metrics}
    assert {(6, "座", 2030), (12, "公顷", 2030), (9, "座", 2031), (18, "公顷", 2031)} <= found


def test_a_real_table_with_a_row_a_year_gives_one_task_a_number():
    from taizhang.extract import extract_source
    from taizhang.extract.model import Paragraph, Source, Table

    head = ("类别", "序号", "主要任务", "节点", "指标数", "责任单位", "配合单位")
    rows = (
        head,
        ("绿地建设", "1", "新建街心花园", "2030年", "5个", "区绿化局", "各街道"),
        ("绿地建设", "1", "新建街心花园", "2031年", "8个", "区绿化局", "各街道"),
        ("绿地建设", "2", "改造老旧绿地", "2031年", "3万平方米", "区绿化局", ""),
    )
    no = (False,) * 7
    merged = (no, no, (True, True, True, False, False, True, True), (True,) + (False,) * 6)
    table = Table(rows=rows, merged=merged)
    result = extract_source(Source("plan.docx", "docx", (Paragraph("某区绿化任务清单"), table)))
    got = [(t.text, t.lead_units, t.co_units, t.deadline.year if t.deadline else None) for t in result.tasks]
    assert got == [
        ("新建街心花园", ("区绿化局",), ("各街道",), 2031),
        ("改造老旧绿地", ("区绿化局",), (), 2031),
    ]
    found = {(m.value, m.unit, m.year) for m in result.metrics}
    assert {(5, "个", 2030), (8, "个", 2031), (30000, "平方米", 2031)} <= found


_RESTARTED = """附件

某区停车治理任务分解表

类别

序号

主要任务

时间节点

年度目标

牵头单位

责任单位

1.
挖
潜

1

新增公共泊位

2030年

800个

区交通委

各街道

2031年

基本满足需求

- 5 -

2.
管
理

1

建立泊位信息平台

2031年

平台上线

区数据局

区交通委
"""


def test_numbers_starting_again_a_page_number_and_targets_in_words():
    tasks = [t for t in extract_text(_RESTARTED).tasks if t.lead_units]
    got = [(t.text, t.lead_units, t.co_units, t.deadline.year if t.deadline else None) for t in tasks]
    assert got == [
        ("新增公共泊位", ("区交通委",), ("各街道",), 2031),
        ("建立泊位信息平台", ("区数据局",), ("区交通委",), 2031),
    ]


def test_a_crawled_pipe_table_leaves_the_task_blank_in_its_later_years():
    text = """某区绿化任务清单

| 序号 | 主要任务 | 节点 | 指标数 | 责任单位 | 配合单位 |
|---|---|---|---|---|---|
| 1 | 新建街心花园 | 2030年 | 5个 | 区绿化局 | 各街道 |
|  |  | 2031年 | 8个 |  |  |
| 2 | 改造老旧绿地 | 2031年 | 3万平方米 | 区绿化局 |  |
"""
    result = extract_text(text)
    got = [(t.text, t.lead_units, t.co_units, t.deadline.year if t.deadline else None) for t in result.tasks]
    assert got == [
        ("新建街心花园", ("区绿化局",), ("各街道",), 2031),
        ("改造老旧绿地", ("区绿化局",), (), 2031),
    ]
    found = {(m.value, m.unit, m.year) for m in result.metrics}
    assert {(5, "个", 2030), (8, "个", 2031), (30000, "平方米", 2031)} <= found


def test_a_cell_a_line_table_whose_later_years_lost_their_merged_cells():
    rows = [
        ["序号", "主要任务", "节点", "指标数", "责任单位", "配合单位"],
        ["1", "新建街心花园", "2030年", "5个", "区绿化局", "各街道"],
        ["2031年", "8个"],
        ["2", "改造老旧绿地", "2031年", "3万平方米", "区绿化局", "区建管委"],
    ]
    text = "某区绿化任务清单\n\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n"
    result = extract_text(text)
    got = [(t.text, t.lead_units, t.co_units, t.deadline.year if t.deadline else None) for t in result.tasks]
    assert got == [
        ("新建街心花园", ("区绿化局",), ("各街道",), 2031),
        ("改造老旧绿地", ("区绿化局",), ("区建管委",), 2031),
    ]
    found = {(m.value, m.unit, m.year) for m in result.metrics}
    assert {(5, "个", 2030), (8, "个", 2031), (30000, "平方米", 2031)} <= found


# The plan's own text before its task list: a division of duties whose items open with their
# unit and a colon. (Made up.)
_DUTIES_BEFORE_THE_LIST = """某区河道整治三年行动计划（2030—2032年）

一、职责分工

（一）各成员单位职责分工。

1.区水务局：负责总体牵头协调推进全区河道整治工作。

2.区财政局：负责落实河道整治专项经费。

二、保障措施

加强组织领导，形成工作合力。

""" + _LIST.split("\n", 1)[1]


def test_a_division_of_duties_beside_a_task_list_keeps_its_units_blocks():
    tasks = extract_text(_DUTIES_BEFORE_THE_LIST).tasks
    leads = [t.lead_units for t in tasks]
    assert ("区水务局",) in leads and ("区财政局",) in leads
    assert not any("加强组织领导" in t.text for t in tasks)  # a paragraph naming no unit: none
    assert sum(1 for t in tasks if t.ref and t.ref.startswith("1.")) >= 1  # the list is still read
