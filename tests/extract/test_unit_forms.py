"""Forms of units and deadlines in district plans (pipeline._closing_lines, _heading_units, the 作为
subject and the X与Y pair), on invented documents."""

from __future__ import annotations

from taizhang.extract import extract_text


def _tasks(text: str):
    return extract_text(text).tasks


def test_a_deadline_line_under_a_step_is_the_steps_deadline_and_no_task():
    doc = (
        "北湖区河道保洁事项调整实施方案\n"
        "一、实施步骤\n"
        "（一）完成事项交接\n"
        "区水务局与各街镇做好交接工作，梳理已签订的保洁合同，逐项明确后续管理责任。\n"
        "完成时限：2031年6月。\n"
        "（二）落实保洁经费\n"
        "区水务局会同区财政局测算保洁经费，纳入年度预算。\n"
        "完成时间：2031年9月底前。\n"
    )
    tasks = _tasks(doc)
    assert not any(t.text.startswith(("完成时限", "完成时间")) for t in tasks)
    by_ref = {t.ref: t for t in tasks}
    first, second = by_ref["一.(一)"], by_ref["一.(二)"]
    assert (first.deadline.year, first.deadline.month) == (2031, 6)
    assert (second.deadline.year, second.deadline.month) == (2031, 9)
    # X与Y做好… pairs a lead with its partner; X会同Y a lead with its co-unit.
    assert first.lead_units == ("区水务局",) and first.co_units == ("各街镇",)
    assert second.lead_units == ("区水务局",) and "区财政局" in second.co_units


def test_a_unit_line_under_an_item_gives_the_item_its_units():
    doc = (
        "北湖区2031年为民办实事项目\n"
        "一、社会治理类\n"
        "1.社区食堂提升项目\n"
        "新建社区长者食堂两处，改造老旧助餐点，提升助餐服务能力。\n"
        "牵头部门：区民政局；配合部门：区市场监管局\n"
    )
    tasks = _tasks(doc)
    assert len(tasks) == 1
    assert tasks[0].lead_units == ("区民政局",)
    assert tasks[0].co_units == ("区市场监管局",)


def test_a_unit_heading_its_own_duties_leads_them():
    doc = (
        "北湖区口袋公园建设实施意见\n"
        "三、工作职责\n"
        "（一）区发展改革委：负责口袋公园建设项目的立项审批。\n"
        "（二）区规划资源局：明确绿线控制范围，协助区绿化部门落实用地。\n"
        "（三）区财政局：按照年度计划落实所需资金。\n"
    )
    leads = [t.lead_units for t in _tasks(doc)]
    assert leads == [("区发展改革委",), ("区规划资源局",), ("区财政局",)]


def test_a_body_named_as_the_bearer_of_a_role_is_the_subject():
    doc = (
        "北湖区绿地养护事项调整方案\n"
        "四、工作要求\n"
        "（一）压实各方责任\n"
        "区绿化管理所作为养护工作的统筹主体，要加强统筹协调和全程监管。\n"
    )
    tasks = _tasks(doc)
    assert tasks[0].lead_units == ("区绿化管理所",)


def test_fields_a_lead_works_with_closed_by_their_kind_are_co_units():
    doc = (
        "北湖区背街小巷整治工作方案\n"
        "二、工作机制\n"
        "（一）简化审批。由区整治办牵头，会同发改、财政、建管、规划等区级部门，采用联合审查方式，缩短审批时间。\n"
        "（二）停车管理。由街道牵头协调交警、居委会以及物业服务企业等有关部门和单位，制定夜间停车方案。\n"
        "（三）联合执法。区城管局会同工业和信息化部门、市场监管部门等单位开展联合检查。\n"
    )
    tasks = _tasks(doc)
    assert tasks[0].lead_units == ("区整治办",)
    assert tasks[0].co_units == ("发改", "财政", "建管", "规划")
    assert tasks[1].lead_units == ("街道",)
    assert tasks[1].co_units == ("交警", "居委会", "物业服务企业")
    # 和 inside a name (工业和信息化部门) does not split it.
    assert "工业" not in tasks[2].co_units


def test_a_clause_that_works_with_others_is_led_by_the_unit_it_opens_with():
    doc = (
        "北湖区道路设施管理办法\n"
        "二、设施调整\n"
        "（一）区交警大队需要对路口信号配时进行调整的，应会同区建设局、北湖街道确定方案并组织实施。\n"
    )
    t = _tasks(doc)[0]
    assert t.lead_units == ("区交警大队",)
    assert set(t.co_units) == {"区建设局", "北湖街道"}


def test_the_body_a_matter_is_passed_to_so_that_it_helps_is_a_co_unit():
    doc = (
        "北湖市行政检查信息公示规则\n"
        "第八条 作出检查决定的市城管局应当在五个工作日内将检查结果推送至被检查单位所在地的区城管局，由其协助在门户网站公示。\n"
        "第九条 发现违法线索的，市城管局要及时移送区公安分局，由其对案件依法查处。\n"
    )
    tasks = _tasks(doc)
    assert "被检查单位所在地的区城管局" in tasks[0].co_units
    # a body passed a matter to do its own work is not a co-unit
    assert "区公安分局" not in tasks[1].co_units


def test_a_body_helped_by_others_leads_them():
    doc = (
        "北湖区旧区改造工作职责\n"
        "一、机构职责\n"
        "（一）区旧改办由区住建局、区财政局两家成员单位协同开展工作，负责统筹推进全区旧区改造。\n"
    )
    t = _tasks(doc)[0]
    assert t.lead_units == ("区旧改办",)
    assert t.co_units[:2] == ("区住建局", "区财政局")


def test_bare_units_closing_an_item_answer_for_it():
    doc = (
        "北湖区市容环境提升三年行动计划（2031-2033年）\n"
        "二、主要任务\n"
        "1.推进街面环境整治。完成主要道路沿街立面整治，规范户外招牌设置。区市容局、各街道镇\n"
        "2.完善街区治理机制，推进网格化管理全覆盖。\n"
        "区城管局、各街道\n"
        "3.加强宣传引导，营造全社会共同参与的良好氛围。\n"
    )
    tasks = _tasks(doc)
    assert tasks[0].lead_units == ("区市容局", "各街道镇")
    assert tasks[0].text.endswith("规范户外招牌设置。")
    assert tasks[1].lead_units == ("区城管局", "各街道")
    assert "区城管局" not in tasks[1].text
    assert tasks[2].lead_units == ()


def test_a_signature_below_the_last_item_is_no_unit_of_it():
    doc = (
        "北湖区市容环境提升三年行动计划\n"
        "二、主要任务\n"
        "1.推进街面环境整治。完成主要道路沿街立面整治。\n"
        "北湖区人民政府办公室\n"
    )
    assert _tasks(doc)[0].lead_units == ()


def test_each_of_a_list_of_kinds_of_place_carries_its_each():
    from taizhang.extract.units import parse_units

    assert parse_units("各镇、街道、园区") == ["各镇", "各街道", "园区"]
    assert parse_units("各乡、村") == ["各乡", "各村"]
    # a list that opens with another body keeps its places as written
    assert parse_units("各派出所和街镇") == ["各派出所", "街镇"]


def test_a_body_after_a_verb_of_oversight_is_no_subject():
    doc = (
        "北湖区绿地养护事项调整方案\n"
        "三、实施步骤\n"
        "（一）实施养护项目\n"
        "区绿化管理所制定年度养护计划，通过公开招标确定养护单位。监督养护单位严格按照作业要求施工，确保养护质量。\n"
    )
    tasks = _tasks(doc)
    assert len(tasks) == 1
    assert tasks[0].lead_units == ("区绿化管理所",)


def test_a_subject_list_closed_by_a_count_of_its_parties_leads():
    doc = (
        "北湖区绿地养护事项调整方案\n"
        "四、工作要求\n"
        "（一）建立沟通机制\n"
        "区绿化管理所、各街道、养护单位三方要建立定期沟通机制，及时解决养护中的问题。\n"
    )
    t = _tasks(doc)[0]
    assert t.lead_units == ("区绿化管理所", "各街道", "养护单位")


def test_the_partner_of_an_unnamed_doer_is_a_co_unit_and_a_bracketed_qualifier_stays():
    doc = (
        "北湖区绿地养护事项调整方案\n"
        "三、实施步骤\n"
        "（一）落实养护资金\n"
        "加强沟通，与区财政局研究制定养护资金保障办法。\n"
        "（二）制定养护计划\n"
        "区绿化管理所会同各街镇（园区）制定年度养护计划。\n"
    )
    tasks = _tasks(doc)
    assert tasks[0].lead_units == () and tasks[0].co_units == ("区财政局",)
    assert tasks[1].co_units == ("各街镇（园区）",)


def test_the_matter_a_sentence_opens_with_is_passed_over_to_its_subject():
    doc = (
        "北湖镇房屋安全排查工作方案\n"
        "二、工作步骤\n"
        "（一）鉴定整改\n"
        "对排查中发现的疑似危房，镇建设办将及时委托专业机构进行安全鉴定。\n"
    )
    assert _tasks(doc)[0].lead_units == ("镇建设办",)


def test_a_schedule_step_opening_with_its_month_and_a_bearer_named_with_wei_zhuti():
    doc = (
        "北湖区2031年城市体检工作方案\n"
        "一、工作任务\n"
        "1.街镇级体检。以街道或建制镇建成区为基本单元，以街镇为主体开展街镇级体检工作。\n"
        "2.社区级体检。重点选择2000年底前建成的老旧小区作为体检对象，形成问题清单。\n"
        "二、时间安排\n"
        "（一）进度安排\n"
        "各相关单位要按时间节点完成年度工作。\n"
        "2031年4月，印发区级体检工作方案，完成工作部署。\n"
        "5月31日前，完成各级城市体检。\n"
    )
    tasks = _tasks(doc)
    assert tasks[0].lead_units == ("街镇",)
    # a date the text describes, long before the plan's year, is no deadline
    assert tasks[1].deadline is None
    step = next(t for t in tasks if t.text.startswith("2031年4月"))
    assert (step.deadline.year, step.deadline.month) == (2031, 4)


def test_si_symbols_keep_their_exponent_after_a_figure() -> None:
    from taizhang.extract import extract_text

    got = extract_text(
        "截至2027年底，某区绿色屋顶面积3.4km2，调蓄池总规模1.5万m3，泵站设计规模80m3/d，新建步道12km。"
    ).metrics
    units = sorted((m.value, m.unit) for m in got)
    assert units == [(3.4, "km2"), (12, "km"), (80, "m3/d"), (15000, "m3")]


def test_a_measure_word_with_its_alternative_in_brackets_is_one_unit() -> None:
    from taizhang.extract import extract_text

    got = extract_text("到2030年，建设“美丽街区”12条（段），景观照明5块(条)。").metrics
    # (brackets folded to their narrow form, as the working text has them)
    assert sorted((m.value, m.unit) for m in got) == [(5, "块(条)"), (12, "条(段)")]
