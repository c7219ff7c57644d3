"""A one-year list of tasks titled 一览表 is a task table, not a review of its year (a title written here)."""

from __future__ import annotations

from taizhang.extract.pipeline import extract_text

LIST = (
    "2024年度某县重点工作任务分解一览表\n\n"
    "| 序号 | 工作任务 | 责任单位 | 完成期限 | 2024年完成情况 |\n"
    "| 1 | 新建村级养老服务站12个 | 县民政局 | 10月底 | |\n\n"
    "全年新增城镇就业2500人。\n"
)


def test_a_list_of_tasks_titled_yilanbiao_is_a_task_table_and_dates_its_targets() -> None:
    got = extract_text(LIST, name="list.txt")
    assert got.info.kind == "table"
    assert got.info.reviews is None
    years = {m.indicator: (m.year, m.kind) for m in got.metrics}
    assert years["新增城镇就业"] == (2024, "target")
