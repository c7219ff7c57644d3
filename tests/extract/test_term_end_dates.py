"""A day-precise date after 至/到 (执行至2024年12月31日, 延长至2025年3月31日) ends a term, a benefit's or
the policy's own, and is no year the document sets out to reach: its figures are not dated by it
(SCHEMA: a policy's validity end date is neither a deadline nor a metric year). Sentences written
here."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text


def years(text: str) -> dict[float, int | None]:
    d = doc_info(text, working_text(text), "doc.txt")
    return {m.value: m.year for m in find_metrics(text, working_text(text), line_passages(text), d)}


MEASURES = (
    "某市关于促进经济稳进提质的实施方案\n"
    "发布日期：2023-06-09\n"
    "1.支持企业开拓市场。鼓励企业组团参加境内外展会，全年组织20场以上供需对接活动。（责任单位：市商务局）\n"
    "2.延续工会经费返还政策。对小微企业工会经费实行全额返还，政策执行至{end}。（责任单位：市总工会）\n"
    "3.延长保证金补足期限。旅行社补足保证金期限延长至{other}。（责任单位：市文旅局）\n"
    "\n某市人民政府办公室\n2023年6月9日\n"
)


def test_a_term_ending_on_a_day_dates_no_target() -> None:
    text = MEASURES.format(end="2024年12月31日", other="2024年3月31日")
    assert years(text) == {20: 2023}  # 全年: the document's own year


def test_a_year_to_reach_still_dates_the_targets() -> None:
    # A year named without its day (至2025年底) is still one the plan sets out to reach.
    text = MEASURES.format(end="2025年底", other="2025年")
    assert years(text)[20] == 2025
