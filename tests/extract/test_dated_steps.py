"""Timetables of steps in one item, each step with its own date and units (outline._STEP_DATE,
pipeline._DATED_STEP), on invented documents."""

from __future__ import annotations

from taizhang.extract import extract_text


def _tasks(text: str):
    return extract_text(text).tasks


_PLAN = (
    "南岭市供水管理改革方案\n"
    "南岭市人民政府\n"
    "2031年3月15日\n"
    "一、工作任务\n"
    "（一）完善经费保障。各区政府负责落实移交设施的日常经费，纳入区级财政预算。"
    "2031年底，市水利局会同市财政局研究形成统一的经费标准，报市政府批准后执行。"
    "2032年起，市水利局联合各区政府开展年度绩效考核。\n"
    "（二）完善配套政策。2031年5月，市水利局会同市财政局落实监测系统建设资金。"
    "2031年8月，市住房城乡建设委会同市财政局整合形成更新改造项目建设机制。\n"
)


def test_a_dated_step_opens_the_task_of_the_units_that_follow_its_date():
    tasks = _tasks(_PLAN)
    texts = [t.text for t in tasks]
    step = next(t for t in tasks if "市住房城乡建设委会同" in t.text)
    assert step.text.startswith("2031年8月")
    assert step.lead_units == ("市住房城乡建设委",)
    assert (step.deadline.kind, step.deadline.year, step.deadline.month) == ("month", 2031, 8)
    # the date is no tail of the step before
    assert not any(t.endswith("2031年8月") or t.endswith("2031年底") for t in texts)


def test_a_step_dated_by_its_years_end_is_due_in_december():
    tasks = _tasks(_PLAN)
    step = next(t for t in tasks if "统一的经费标准" in t.text)
    assert step.text.startswith("2031年底")
    assert step.lead_units == ("市水利局",)
    assert (step.deadline.kind, step.deadline.year, step.deadline.month) == ("month", 2031, 12)


def test_steps_of_one_sentence_cut_at_each_dated_clause():
    doc = (
        "东川市燃气管理改革方案\n"
        "东川市人民政府\n"
        "2031年3月15日\n"
        "一、工作任务\n"
        "（一）组建运维队伍。2031年6月，东川燃气集团形成一体化运维方案；2031年12月，完成专业抢修队伍组建；"
        "2032年底，完成监测系统建设。\n"
        "（二）理顺管理关系。2031年4月，市城管局会同市财政局制定移交办法。2032年起，开展运维绩效评估。\n"
        "（三）做好年度衔接。2031年，东川燃气集团完成队伍组建。2032年，东川燃气集团落实抢修任务。\n"
    )
    tasks = _tasks(doc)
    first = [t for t in tasks if t.ref == "一.(一)"]
    assert [t.text[:8] for t in first] == ["2031年6月，", "2031年12月", "2032年底，完"]
    assert [(t.deadline.year, t.deadline.month) for t in first] == [(2031, 6), (2031, 12), (2032, 12)]
    later = next(t for t in tasks if t.text.startswith("2032年起"))
    assert later.lead_units == ()  # no work of the units of the step before
    assert (later.deadline.kind, later.deadline.year) == ("year", 2032)
    # a year alone opens no step: one unit's work over two years stays one task
    assert len([t for t in tasks if t.ref == "一.(三)"]) == 1


def test_a_dated_sentence_after_a_units_sentence_is_a_step_of_its_own():
    doc = (
        "西岭市供热管理改革方案\n"
        "西岭市人民政府\n"
        "2031年3月15日\n"
        "一、工作任务\n"
        "（一）平稳移交。各区政府负责做好移交期间的稳定工作。2031年10月，启动供热设施移交接管；"
        "2031年12月，完成移交接管工作。\n"
        "（二）明确考核要求。原则按照市城管局制定的考核办法执行。2032年起，市城管局对西岭热力集团开展年度考核。\n"
    )
    tasks = _tasks(doc)
    first = [t for t in tasks if t.ref == "一.(一)"]
    assert [t.text[:8] for t in first] == ["各区政府负责做好", "2031年10月", "2031年12月"]
    assert [(t.deadline.year, t.deadline.month) for t in first[1:]] == [(2031, 10), (2031, 12)]
    # a sentence that names no units before the date only leads in to it
    assert len([t for t in tasks if t.ref == "一.(二)"]) == 1


def test_a_step_that_hands_clauses_to_other_units_gives_them_its_date():
    doc = (
        "北川市环卫管理改革方案\n"
        "北川市人民政府\n"
        "2031年3月15日\n"
        "一、工作任务\n"
        "（一）推进移交。2031年6月，各区政府完成本区改革实施方案制定；北川环境集团完成内部架构调整。"
        "2031年10月，启动设施移交接管。\n"
    )
    tasks = _tasks(doc)
    part = next(t for t in tasks if t.text.startswith("北川环境集团"))
    assert part.lead_units == ("北川环境集团",)
    assert (part.deadline.year, part.deadline.month) == (2031, 6)
    first = next(t for t in tasks if t.text.startswith("2031年6月"))
    assert first.lead_units == ("各区政府",)
    assert "北川环境集团" not in first.text


def test_a_units_sentence_after_a_dated_step_is_no_part_of_the_step():
    doc = (
        "南川市排水管理改革方案\n"
        "南川市人民政府\n"
        "2031年3月15日\n"
        "一、工作任务\n"
        "（一）构建运营体系。2031年6月，南川水务集团形成一体化运维方案；2032年底，完成监测系统建设。"
        "南川水务集团根据市防汛指挥部署，落实排水设施防汛责任。\n"
    )
    tasks = _tasks(doc)
    last = next(t for t in tasks if t.text.startswith("南川水务集团根据"))
    assert last.lead_units == ("南川水务集团",)
    assert last.deadline is None
    step = next(t for t in tasks if t.text.startswith("2032年底"))
    assert "防汛" not in step.text


def test_the_name_that_opens_a_step_ends_before_its_verb():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.outline import _opening_units

    text = "东岭城投集团完成内部组织架构调整，建立工作小组。"
    assert _opening_units(text, working_text(text), 0, 30) == ("东岭城投集团",)
