"""A measure that urges another text's issue (加快印发《…实施方案(2023-2025年)》) cites that text: its
period is not the document's, and the document's targets of the year (全年…, 年内…) stay of its own
year. The text a notice announces (关于印发《…》的通知, 现将《…》印发给你们) is still its own.
Sentences written here."""

from __future__ import annotations

from taizhang.extract.docinfo import doc_info
from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.normalise import working_text

MEASURES = (
    "某区关于促进消费的若干措施\n"
    "为激发消费潜力，制定以下措施。\n"
    "一、加快充电设施建设。{verb}《某区充电基础设施建设实施方案(2023-2025年)》，挖掘公共设施资源。\n"
    "二、办好体育赛事。全年举办体育赛事活动不少于300场次。\n"
    "某区人民政府办公室\n2023年3月1日\n"
)


def test_a_text_urged_to_be_issued_gives_no_period() -> None:
    text = MEASURES.format(verb="加快印发")
    d = doc_info(text, working_text(text), "doc.txt")
    assert (d.year, d.period_start, d.period_end) == (2023, None, None)
    years = [m.year for m in find_metrics(text, working_text(text), line_passages(text), d)]
    assert years == [2023]


def test_the_text_a_notice_announces_is_its_own() -> None:
    text = (
        "某区人民政府办公室关于印发某区充电基础设施建设实施方案的通知\n"
        "各街道办事处：\n"
        "现将《某区充电基础设施建设实施方案(2023-2025年)》印发给你们，请认真贯彻执行。\n"
        "某区人民政府办公室\n2023年3月1日\n"
    )
    d = doc_info(text, working_text(text), "doc.txt")
    assert (d.period_start, d.period_end) == (2023, 2025)
