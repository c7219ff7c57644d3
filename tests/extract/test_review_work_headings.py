"""A review of a year keeps its figures actual, of the year reviewed, over all its parts: a heading
that names the work done (重点项目和民生工程, 基础设施建设任务) is no turn to a plan, in the review of a
year nor under a part of a plan that reviews; a title naming a review and no year, over a text that
opens on the year before its date, reviews that year (invented texts; see metrics._names_work_only
and docinfo.reviewed_year)."""

from __future__ import annotations

from taizhang.extract import extract_text


def _years(text: str) -> dict[float, tuple[str, int | None]]:
    return {m.value: (m.kind, m.year) for m in extract_text(text).metrics}


COMMUNIQUE = (
    "某县2023年国民经济和社会发展统计公报\n\n"
    "一、综合\n初步核算，全年全县地区生产总值98.7亿元，比上年增长5.6%。\n\n"
    "二、农业\n年末牛存栏3.4万头，全年羊出栏11.2万只。\n"
    "（一）水利设施建设任务\n全年新增节水灌溉面积2.6万亩。\n\n"
    "三、城乡建设和民生工程\n全年改造农村卫生户厕4100座，新建村级养老服务站23个。\n"
)


def test_a_communique_part_naming_work_reports_results_of_its_year() -> None:
    got = _years(COMMUNIQUE)
    assert got[34000.0] == ("actual", 2023)
    assert got[26000.0] == ("actual", 2023)
    assert got[4100.0] == ("actual", 2023)
    assert got[23.0] == ("actual", 2023)


PLAN = (
    "某镇2024年农业农村工作要点\n\n"
    "一、2023年工作完成情况\n"
    "（一）特色种植\n全镇茶园面积达到1.8万亩。\n"
    "（二）农田水利工程\n整治山塘水库14座，新修机耕道9公里。\n"
    "（三）养殖业\n年末生猪存栏2.6万头。\n\n"
    "二、2024年主要目标\n茶园面积稳定在2万亩以上。\n"
    "（一）重点任务\n新修机耕道12公里。\n"
)


def test_a_work_heading_under_a_reviewing_part_keeps_the_review() -> None:
    got = _years(PLAN)
    assert got[18000.0] == ("actual", 2023)
    assert got[14.0] == ("actual", 2023)
    assert got[26000.0] == ("actual", 2023)
    assert got[20000.0] == ("target", 2024)
    assert got[12.0] == ("target", 2024)


def test_a_goal_heading_in_a_review_still_turns_to_the_plan() -> None:
    text = COMMUNIQUE + "\n四、下一步工作目标\n新增节水灌溉面积3万亩。\n"
    assert _years(text)[30000.0][0] == "target"


UNDATED_TITLE = (
    "全县畜牧业发展情况\n\n"
    "2023年，全县畜牧业生产稳中有进。\n\n"
    "一、生产情况\n年末牛存栏3.4万头，羊出栏11.2万只。\n\n"
    "县农业农村局\n2024年2月6日\n"
)


def test_a_review_titled_with_no_year_reviews_the_year_it_opens_on() -> None:
    got = _years(UNDATED_TITLE)
    assert got[34000.0] == ("actual", 2023)
    assert got[112000.0] == ("actual", 2023)


ACCOUNT = (
    "{title}\n\n"
    "2022年，全县渔业生产保持稳定。全年水产品产量达到3.1万吨，比上年增长2.4%。\n\n"
    "年末水产养殖面积5.6万亩，鱼苗投放量1.9亿尾。\n\n"
    "渔民人均纯收入21300元，同比增长6.2%。\n"
)


def test_a_title_ending_on_an_account_of_a_year_reviews_it_in_every_paragraph() -> None:
    for title in ("2022年全县渔业生产情况", "某县2022年渔业经济简析", "关于2022年全县渔业经济情况的报告"):
        got = _years(ACCOUNT.format(title=title))
        assert got[56000.0] == ("actual", 2022), title
        assert got[21300.0] == ("actual", 2022), title


def test_a_table_of_tasks_and_their_progress_is_no_review() -> None:
    from taizhang.extract.docinfo import reviewed_year

    assert reviewed_year("2022年民生实事项目一季度进展情况", "", 2022, "other") is None
    assert reviewed_year("2022年全县渔业生产情况", "", 2022, "other") == 2022
