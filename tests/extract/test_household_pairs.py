"""A poverty or relocation plan's figures (invented texts): the state it starts from in its 基本情况
(a rate, a population: actual of the document's year, not an inventory taken over), a pair of
households and people (两个 metrics named 户数 and 人数, neither holding the other figure, both of
the kind and year of the pair), the plan of a past year (2016年计划搬迁: a target of that year), a
year written 2018年度 (no 度 left in the name). See metrics._states_an_indicator,
metrics._pair_of_households_and_people, metrics._PLANNED_FIGURE and metrics._LEAD_NOISE."""

from __future__ import annotations

from taizhang.extract import extract_text

PLAN = (
    "某县“十三五”易地扶贫搬迁实施方案\n\n"
    "一、基本情况\n"
    "全县辖9个乡镇，经精准识别，现有建档立卡贫困人口2.6万人，贫困发生率9.4%。\n\n"
    "二、搬迁规模\n"
    "“十三五”期间，全县搬迁建档立卡贫困户3600户14000人，其中集中安置900户3500人。\n\n"
    "三、2016年工作完成情况\n"
    "2016年计划搬迁1100户4300人，实际完成搬迁1150户4420人。\n"
)


def _metrics(text: str) -> dict[float, tuple[str, str, int | None]]:
    return {m.value: (m.indicator, m.kind, m.year) for m in extract_text(text).metrics}


def test_the_state_a_plan_starts_from_is_read_as_of_its_year() -> None:
    got = _metrics(PLAN)
    assert got[26000.0][1:] == ("actual", 2016)
    assert got[9.4][1:] == ("actual", 2016)


def test_a_pair_of_households_and_people_gives_two_clean_names() -> None:
    got = _metrics(PLAN)
    assert got[3600.0] == ("搬迁建档立卡贫困户数", "target", 2020)
    assert got[14000.0] == ("搬迁建档立卡贫困户人数", "target", 2020)
    assert got[900.0] == ("集中安置户数", "target", 2020)
    assert got[3500.0] == ("集中安置人数", "target", 2020)


def test_a_past_years_plan_is_its_target_and_the_pair_shares_it() -> None:
    got = _metrics(PLAN)
    assert got[1100.0] == ("计划搬迁户数", "target", 2016)
    assert got[4300.0] == ("计划搬迁人数", "target", 2016)
    assert got[1150.0] == ("实际完成搬迁户数", "actual", 2016)
    assert got[4420.0] == ("实际完成搬迁人数", "actual", 2016)


def test_a_year_written_with_du_leaves_no_du_in_the_name() -> None:
    got = _metrics("某县2019年政府工作报告\n\n过去一年，2018年度实现脱贫退出310户1270人。\n")
    assert got[310.0][0] == "脱贫退出户数"
    assert got[1270.0][0] == "脱贫退出人数"


def test_an_inventory_taken_over_is_still_no_metric() -> None:
    text = "某区排水管理体制改革实施方案\n\n一、基本情况\n本区移交排水管道共计320公里，泵站14座。\n\n二、工作目标\n新建雨水管道20公里。\n"
    got = _metrics(text)
    assert 320.0 not in got and 14.0 not in got
    assert 20.0 in got


def test_a_state_counted_after_xianyou_dates_the_rate_that_follows() -> None:
    text = "某县2018年脱贫攻坚工作方案\n\n一、目标任务\n现有贫困人口1.4万人，贫困发生率5.3%。年内实现6000人脱贫。\n"
    got = _metrics(text)
    assert got[14000.0][1:] == ("actual", 2018)
    assert got[5.3][1:] == ("actual", 2018)
    assert got[6000.0][1:] == ("target", 2018)


def test_xianyou_as_existing_in_another_clause_dates_nothing() -> None:
    text = "某县2018年工作方案\n\n一、目标任务\n改造现有公共厕所和垃圾站，新建公共厕所40座。\n"
    assert _metrics(text)[40.0][1:] == ("target", 2018)


def test_a_past_years_plan_with_its_scope_between_is_its_target() -> None:
    text = (
        "某县2017年易地扶贫搬迁工作方案\n\n一、2016年工作回顾\n"
        "2016年全县计划搬迁640户2510人，实际搬迁655户2580人。\n"
    )
    got = _metrics(text)
    assert got[640.0][1:] == ("target", 2016)
    assert got[2510.0][1:] == ("target", 2016)
    assert got[655.0][1:] == ("actual", 2016)
