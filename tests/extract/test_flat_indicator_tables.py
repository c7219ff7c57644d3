"""Tables of indicators flattened into the text a cell a line (indicator_tables.flat_table_metrics)."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

FIVE_YEAR = DocInfo(title="某区环境“十四五”规划", year=2021, period_start=2021, period_end=2025, kind="plan")
NEXT_PLAN = DocInfo(title="某区交通“十五五”规划", year=2026, period_start=2026, period_end=2030, kind="plan")


def find(text: str, info: DocInfo) -> list[tuple[str, str, float, str, str, int | None]]:
    found: list[Metric] = find_metrics(text, working_text(text), line_passages(text), info)
    return [(m.kind, m.indicator, m.value, m.unit, m.comparator, m.year) for m in found]


# A cell a paragraph: blank lines between all cells, a header cell broken over two lines.
BY_PARAGRAPH = """二、主要指标

序号

指标名称

指标
属性

基准值
（2020年）

目标值
（2025年）

1

绿地面积

约束性

30.5
平方公里

≥35
平方公里

2

垃圾回收利用率

预期性

（38％）

45％

3

公厕达标率

预期性

/

100％

注：括号内数据为2019年数据

三、主要任务
"""

# A cell a line, rows separated by blank lines; merged cells left out; an empty cell as a blank
# line; the period and the value word of a header on two lines.
BY_LINE = """指标一览表
类别
序号
指标名称
单位
属性
“十四五”
完成值
“十五五”
目标值

畅通出行
1
公交站点覆盖率
％
预期性
85
95

2
新增停车泊位
万个
预期性
1.2
3

安全出行
3
道路事故下降
％
约束性

≥10

二、重点任务
"""


def test_a_table_a_cell_a_paragraph_is_read_by_its_columns() -> None:
    got = find(BY_PARAGRAPH, FIVE_YEAR)
    assert ("actual", "绿地面积", 30.5, "平方公里", "=", 2020) in got
    assert ("target", "绿地面积", 35, "平方公里", ">=", 2025) in got
    assert ("target", "垃圾回收利用率", 45, "%", "=", 2025) in got
    assert ("target", "公厕达标率", 100, "%", "=", 2025) in got
    assert len(got) == 5, got


def test_a_note_gives_the_year_of_the_figures_in_parentheses() -> None:
    got = find(BY_PARAGRAPH, FIVE_YEAR)
    assert ("actual", "垃圾回收利用率", 38, "%", "=", 2019) in got


def test_a_table_a_cell_a_line_takes_its_years_from_the_periods_of_its_header() -> None:
    got = find(BY_LINE, NEXT_PLAN)
    assert ("actual", "公交站点覆盖率", 85, "%", "=", 2025) in got
    assert ("target", "公交站点覆盖率", 95, "%", "=", 2030) in got
    assert ("actual", "新增停车泊位", 12000, "个", "=", 2025) in got
    assert ("target", "新增停车泊位", 30000, "个", "=", 2030) in got


def test_an_empty_cell_is_a_blank_line_and_a_category_is_no_indicator() -> None:
    got = find(BY_LINE, NEXT_PLAN)
    assert ("target", "道路事故下降", 10, "%", ">=", 2030) in got
    assert len(got) == 5, got
    assert not any(ind in ("畅通出行", "安全出行") for _, ind, *_ in got)


def test_a_list_of_numbered_lines_is_no_table() -> None:
    text = "主要目标\n目标值\n1\n到2025年，新建公园10座。\n2\n到2025年，绿道长度达到100公里。\n"
    got = find(text, FIVE_YEAR)
    assert [(k, v, u, y) for k, _, v, u, _, y in got] == [
        ("target", 10, "座", 2025),
        ("target", 100, "公里", 2025),
    ]


# A matrix of targets by sub-area: a row a 街道, an indicator (its unit in parentheses) over two
# year columns, a cell a paragraph; the 合计 row is the district's.
WORK_PLAN = DocInfo(title="某区垃圾分类工作方案", year=2030, period_start=None, period_end=None, kind="plan")
BY_STREET = """附件2：

各街道设施建设指标分解表

序号

街道

驿站建设（个）

示范小区（个）

2029-2030年

2031年

2029-2030年

2031年

1

东湖街道

12

8

3

/

2

西岭街道

9

7

2

1

合计

21

15

5

1
"""


def test_a_matrix_of_targets_by_street_gives_a_target_per_cell() -> None:
    got = find(BY_STREET, WORK_PLAN)
    assert ("target", "东湖街道驿站建设", 12, "个", "=", 2030) in got
    assert ("target", "东湖街道驿站建设", 8, "个", "=", 2031) in got
    assert ("target", "西岭街道示范小区", 1, "个", "=", 2031) in got
    assert ("target", "驿站建设", 21, "个", "=", 2030) in got  # 合计: the district's
    assert ("target", "示范小区", 1, "个", "=", 2031) in got
    assert len(got) == 11  # "/" is no figure; the numbers of the rows are not figures


# A matrix by responsible unit whose name cell spans the header's year row (printed before it).
BY_UNIT = """附件3：

各部门设施建设指标分解表

主要责任单位

新增公交线路（条）

新建充电桩（个）

区交通局

2030年

2031年

2030年

2031年

4

5

120

/
"""


# An inventory with sub-headings under its columns is no matrix of targets (no year columns).
INVENTORY = """附件1

移交设施量清单

管理主体

管网数量（公里）

检查井（个）

污水管

雨水管

污水井

雨水井

中心城区

3.5

4.5

12

30
"""


def test_an_inventory_by_owner_is_no_matrix_of_targets() -> None:
    assert find(INVENTORY, WORK_PLAN) == []


def test_a_matrix_whose_row_name_comes_before_its_year_row() -> None:
    got = find(BY_UNIT, WORK_PLAN)
    assert sorted(got) == sorted(
        [
            ("target", "新增公交线路", 4, "条", "=", 2030),
            ("target", "新增公交线路", 5, "条", "=", 2031),
            ("target", "新建充电桩", 120, "个", "=", 2030),
        ]
    )


# A group column before 序号 (its cell comes before each group's first row number), header cells
# that name a five-year period and what the column holds with no 值, a sub-row (其中…) whose 属性 and
# 单位 are merged down from the row above, and 以上 after a figure.
BY_GROUP = """表1 某区生态建设主要指标表

板块

序号

指标名称

属性

单位

“十四五”现状

“十五五”目标

生态

1

新增林地

约束性

万平方米

40

20

其中 口袋公园

6.5

3

2

森林覆盖率

约束性

%

18.2

19

服务

3

驿站数量

预期性

座

12

20以上

第五部分：主要任务
"""


def test_a_group_column_before_the_sequence_column_closes_the_row_above() -> None:
    got = find(BY_GROUP, NEXT_PLAN)
    assert ("actual", "新增林地", 400000, "平方米", "=", 2025) in got
    assert ("target", "新增林地", 200000, "平方米", "=", 2030) in got
    assert ("target", "森林覆盖率", 19, "%", "=", 2030) in got
    assert ("target", "驿站数量", 20, "座", ">=", 2030) in got
    assert not any(ind in ("生态", "服务") for _, ind, *_ in got)


def test_a_sub_row_takes_the_unit_of_the_row_above() -> None:
    got = find(BY_GROUP, NEXT_PLAN)
    assert ("actual", "其中口袋公园", 65000, "平方米", "=", 2025) in got
    assert ("target", "其中口袋公园", 30000, "平方米", "=", 2030) in got
    assert len(got) == 8, got


# A 指标单位 column; a figure equal to the next row's number (4 before 预期性); the next annex ends
# the table.
BY_UNIT_COLUMN = """附件1：

某区文化保护规划指标

序号

类型

指标名称

指标单位

2025年目标值

属性

1

保护

修缮历史建筑

万平方米

20

约束性

2

展示

开放展馆

处

4

预期性

3

走读线路

条

>6

预期性

附件2：

重点项目清单
"""


def test_a_unit_column_headed_zhibiao_danwei_gives_the_units() -> None:
    got = find(BY_UNIT_COLUMN, FIVE_YEAR)
    assert sorted(got) == sorted(
        [
            ("target", "修缮历史建筑", 200000, "平方米", "=", 2025),
            ("target", "开放展馆", 4, "处", "=", 2025),
            ("target", "走读线路", 6, "条", ">", 2025),
        ]
    )


def test_si_symbols_with_an_exponent_are_units_of_a_cell() -> None:
    text = "序号\n\n指标名称\n\n属性\n\n现状值(2025年）\n\n目标值(2030年）\n\n1\n\n人均用水量\n\n约束性\n\n6.1m3\n\n5.8m3\n\n2\n\n滨水岸线\n\n预期性\n\n12km\n\n15km\n\n三、主要任务\n"
    got = find(text, NEXT_PLAN)
    assert ("actual", "人均用水量", 6.1, "m3", "=", 2025) in got
    assert ("target", "滨水岸线", 15, "km", "=", 2030) in got


BY_GROUP_NOTED = """板块

序号

指标名称

单位

“十四五”现状

“十五五”目标

备注

生态

1

森林覆盖率

%

18.2

19

全域

2

口袋公园

座

12

20以上

新建

第五部分：主要任务
"""


def test_a_notes_column_closing_the_header_stays_a_column() -> None:
    got = find(BY_GROUP_NOTED, NEXT_PLAN)
    assert sorted(got) == sorted(
        [
            ("actual", "森林覆盖率", 18.2, "%", "=", 2025),
            ("target", "森林覆盖率", 19, "%", "=", 2030),
            ("actual", "口袋公园", 12, "座", "=", 2025),
            ("target", "口袋公园", 20, "座", ">=", 2030),
        ]
    )
