"""A task table written a line a row with pipes between its cells only ("序号 | 工作任务 | …"), as
text copies of web and Word tables give it."""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.layout import find_text_grids

# (Made up.)
_LIST = (
    "某县2031年为民办实事项目清单\n"
    "序号 | 项目名称 | 牵头单位 | 配合单位 | 完成时限\n"
    "1 | 新建农村供水管网40公里 | 县水利局 | 各乡镇 | 2031年10月\n"
    "2 | 改造乡镇卫生院3所 | 县卫健局 | | 年底前\n"
    "3 | 开展困难群众走访慰问 | 县民政局 | 县总工会、县残联 | 长期坚持\n"
)


def test_a_table_with_pipes_between_cells_gives_its_tasks():
    tasks = extract_text(_LIST).tasks
    got = [
        (
            t.text,
            t.lead_units,
            t.co_units,
            t.deadline and (t.deadline.kind, t.deadline.year, t.deadline.month),
        )
        for t in tasks
    ]
    assert got == [
        ("新建农村供水管网40公里", ("县水利局",), ("各乡镇",), ("month", 2031, 10)),
        ("改造乡镇卫生院3所", ("县卫健局",), (), ("month", 2031, 12)),
        ("开展困难群众走访慰问", ("县民政局",), ("县总工会", "县残联"), ("ongoing", None, None)),
    ]


def test_page_furniture_and_prose_with_pipes_open_no_table():
    text = (
        "来源: 县政府办 | 作者: 张三 | 发布时间: 2031-02-01 | 浏览次数\n"
        "加入收藏 | 繁體中文 | 无障碍浏览\n"
        "全年完成改造 | 项目 | 推进\n"
    )
    assert find_text_grids(text, 0, len(text), 0) == []
