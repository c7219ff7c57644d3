"""A year long past that opens a paragraph dates that paragraph only (texts written here)."""

from __future__ import annotations

from taizhang.extract import extract_text

SPEECH = """某区2013年施政报告

减少车辆排放

 在2010年，柴油车是路边空气污染的主要来源。政府已于去年推出资助计划，
鼓励车主更换车辆。

(六) 教育

 教育经费占政府整体开支约四分之一。我们将增加学位3000个。
"""


def _years() -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in extract_text(SPEECH).metrics}


def test_a_past_year_opening_a_paragraph_does_not_date_the_paragraphs_after_it() -> None:
    years = _years()
    assert years[25.0][1] != 2010  # the share is the speech's own, not the 2010 paragraph's
    assert years[3000.0] == ("target", 2013)  # 将: the speech's plan, of its year


def test_the_paragraph_it_opens_keeps_that_year() -> None:
    text = SPEECH.replace("主要来源。", "主要来源，占排放总量的40%。")
    years = {m.value: (m.kind, m.year) for m in extract_text(text).metrics}
    assert years[40.0] == ("actual", 2010)
    assert years[3000.0] == ("target", 2013)
