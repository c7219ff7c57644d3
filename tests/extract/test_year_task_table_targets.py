"""A one-year task table of a dated document (重点任务 / 目标任务 / 责任单位): the figures of its
目标任务 cells are targets of the document's year. A made-up table."""

from __future__ import annotations

from taizhang.extract import extract_text

TABLE = """某县2024年重点工作任务分解表

序号 | 重点任务 | 目标任务 | 责任单位 | 完成时限
1 | 壮大农业产业 | 新建高标准农田2万亩 | 县农业农村局 | 2024年12月
2 | 改善居住环境 | 完成农村户厕改造3000户 | 县农业农村局、县卫生健康局 | 2024年11月
"""


def test_target_cells_are_metrics_of_the_year():
    got = extract_text(TABLE)
    assert [t.text for t in got.tasks] == ["壮大农业产业", "改善居住环境"]
    assert [(m.kind, m.value, m.unit, m.year) for m in got.metrics] == [
        ("target", 20000, "亩", 2024),
        ("target", 3000, "户", 2024),
    ]
