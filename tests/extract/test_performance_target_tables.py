"""Tables of performance targets (施政計畫: 工作項目 / 關鍵績效指標 / 衡量標準 / 年度目標值 / 預定進度), as
Taiwan's governments print them, often flattened with pipes: the work item is the task, the
indicator with its target value a metric of the table's year (民國 103年 = 2014), and the
milestones of the progress column no metric. (Made-up tables.)"""

from __future__ import annotations

from taizhang.extract import extract_text

_ROWS = (
    "工作項目 | 關鍵績效指標 | 衡量標準 | 年度目標值 | 預定進度\n"
    "推展觀光節慶活動 | 節慶活動參與人次 | 年度參與人次 | 15萬人次 | 第1季完成25%\n"
    "擴大污水接管 | 公共污水下水道普及率 | 接管戶數÷總戶數×100% | 42% | 第2季完成50%\n"
    "改善人行環境 | 人行道改善完成率 | 完成長度÷計畫長度×100% | 85% | 第3季完成75%\n"
)


def test_work_items_are_tasks_and_indicators_with_targets_are_metrics():
    got = extract_text("某縣政府103年度施政計畫\n\n" + _ROWS)
    assert [t.text for t in got.tasks] == ["推展觀光節慶活動", "擴大污水接管", "改善人行環境"]
    assert [(m.indicator, m.value, m.unit, m.year) for m in got.metrics] == [
        ("節慶活動參與人次", 150000, "人次", 2014),
        ("公共污水下水道普及率", 42, "%", 2014),
        ("人行道改善完成率", 85, "%", 2014),
    ]


def test_the_same_table_a_cell_a_line_with_pipes_opening_cells():
    cells = [c.strip() for line in _ROWS.splitlines() for c in line.split("|")]
    text = "某市政府2031年度施政計畫\n\n" + "\n".join(f"| {c}" for c in cells) + "\n"
    got = extract_text(text)
    assert [t.text for t in got.tasks] == ["推展觀光節慶活動", "擴大污水接管", "改善人行環境"]
    assert [(m.indicator, m.value, m.year) for m in got.metrics] == [
        ("節慶活動參與人次", 150000, 2031),
        ("公共污水下水道普及率", 42, 2031),
        ("人行道改善完成率", 85, 2031),
    ]
