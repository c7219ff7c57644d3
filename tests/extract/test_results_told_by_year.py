"""A statistical review whose title names neither a year nor a review (invented texts): it opens on
the year as a whole, compares its figures with the year before and names no later year, so every
figure is a result of that year, whatever verbs of effort its parts tell (采取, 加快推进…建设 as done).
A text that opens on a year but names a year to come stays as it was. See
docinfo._told_as_results."""

from __future__ import annotations

from taizhang.extract import extract_text

REVIEW = (
    "某县农村经济在新常态下稳步发展\n\n"
    "发布时间：2015年3月10日\n\n"
    "2014年，全县上下认真贯彻各项强农惠农政策，农村经济保持平稳较快发展。\n\n"
    "一、种植业生产稳中有升，粮食总产再创新高。\n"
    "全年粮食总产量达到45.6万吨，比上年增长3.2%。蔬菜播种面积12万亩，同比增长5.1%。\n\n"
    "二、畜牧结构日趋优化，规模化进程稳步推进。\n"
    "县委、县政府采取招商引资等措施，引进了一批龙头企业，加快推进标准化养殖场建设。"
    "全县建成奶牛标准化牧场26个，比上年增长8.8%；生猪存栏35万头，出栏52万头，同比增长4.5%。\n\n"
    "三、农民收入持续增长。\n"
    "农民人均纯收入达到9800元，比上年增加960元，增长10.9%。\n"
)


def _metrics(text: str) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in extract_text(text).metrics}


def test_every_figure_of_a_review_told_by_its_year_is_a_result_of_it() -> None:
    got = _metrics(REVIEW)
    for value in (456000.0, 3.2, 120000.0, 26.0, 8.8, 350000.0, 520000.0, 9800.0, 10.9):
        assert got[value] == ("actual", 2014), value


def test_a_text_that_names_a_year_to_come_is_no_such_review() -> None:
    text = REVIEW.replace("三、农民收入持续增长。\n", "三、2015年工作打算。\n到2016年，")
    assert extract_text(text).info.reviews is None
    assert extract_text(REVIEW).info.reviews == 2014


def test_an_outlook_closing_the_review_leaves_it_a_review() -> None:
    # The last paragraph looks ahead to the next year (2015年，…将继续…): the review before it is
    # still one of 2014; a year to come named before the last paragraph is no such review.
    outlook = "\n2015年，全县将继续推进规模养殖，力争农民收入持续较快增长。\n"
    got = _metrics(REVIEW + outlook)
    assert extract_text(REVIEW + outlook).info.reviews == 2014
    for value in (456000.0, 26.0, 350000.0, 9800.0):
        assert got[value] == ("actual", 2014), value
    early = REVIEW.replace("三、农民收入持续增长。\n", "三、农民收入持续增长。\n2015年，全县将继续推进。\n")
    assert extract_text(early + outlook).info.reviews is None
