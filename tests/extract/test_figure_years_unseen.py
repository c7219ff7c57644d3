"""The year and kind of figures in layouts the seeds do not show: a work plan titled by its year
under a disclosure page's furniture, goal bullets under a dated lead paragraph, a work report's
turn to this year, a plan's figure reviewed against (sentences written here)."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text


def found(text: str, name: str = "doc.txt") -> list[tuple[str, float, str, int | None]]:
    d = doc_info(text, working_text(text), name)
    return [
        (m.kind, m.value, m.unit, m.year)
        for m in find_metrics(text, working_text(text), line_passages(text), d)
    ]


def test_a_plan_titled_by_its_year_under_disclosure_furniture() -> None:
    text = (
        "索引号：00000000/2024-00031\n"
        "发布机构：某乡人民政府\n"
        "生成日期：2024-02-27\n"
        "某乡2024年工作计划\n"
        "一、发展经济\n全年实现农业总产值9亿元，新增家庭农场6家。\n"
    )
    d = doc_info(text, working_text(text), "doc.txt")
    assert d.title == "某乡2024年工作计划"
    assert (d.kind, d.year, d.period_start, d.period_end) == ("plan", 2024, 2024, 2024)
    assert found(text) == [("target", 900000000, "元", 2024), ("target", 6, "家", 2024)]
