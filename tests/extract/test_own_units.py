"""A text task's units as its own words give them (pipeline._own_units), on invented documents."""

from __future__ import annotations

from taizhang.extract import extract_text


def _leads(text: str) -> list[tuple[str, ...]]:
    return [t.lead_units for t in extract_text(text).tasks]


def test_a_task_with_no_unit_takes_the_units_its_first_clause_opens_with():
    doc = (
        "北湖区老旧小区排查工作方案\n"
        "一、排查任务\n"
        "（一）全面排查。各社区、相关物业单位于2030年5月10日前，对辖区楼道完成排查，建立台账。\n"
        "（二）行业指导。区商贸委做好行业指导，督促经营单位落实整改。\n"
    )
    leads = _leads(doc)
    assert ("各社区", "相关物业单位") in leads
    assert ("区商贸委",) in leads


def test_the_doer_a_clause_names_after_you_is_the_lead():
    doc = (
        "北湖镇小型工程管理办法\n"
        "一、工作要求\n"
        "1.对不按要求办理备案的施工单位，由镇建设办提出整改意见，并报区相关部门处理。\n"
        "2.镇财务所负责对资金使用情况进行监管。\n"
    )
    leads = _leads(doc)
    assert ("镇建设办",) in leads
    assert ("镇财务所",) in leads


def test_units_that_answer_together_for_a_joint_work_all_lead():
    doc = (
        "北湖区道路设施管理办法\n"
        "一、设施管理\n"
        "1.由区路政所和区交通委、各街镇及北湖城建公司负责联合验收。\n"
        "2.各街镇应配合做好设施移交工作。\n"
    )
    tasks = extract_text(doc).tasks
    joint = next(t for t in tasks if "联合验收" in t.text)
    assert set(joint.lead_units) == {"区路政所", "区交通委", "各街镇", "北湖城建公司"} and not joint.co_units
    helping = next(t for t in tasks if "配合" in t.text)
    assert not helping.lead_units


def test_a_doer_named_after_you_inside_a_clause_leads_but_not_the_you_of_because():
    doc = (
        "北湖区公交管理办法\n"
        "一、线路管理\n"
        "1.新辟公交线路由区交通委制定计划，报区政府审定。\n"
        "2.由于客流变化需要调整的线路，及时公布调整信息。\n"
    )
    leads = _leads(doc)
    assert ("区交通委",) in leads
    assert leads[-1] == ()


def _units(doc: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {t.text[:6]: (t.lead_units, t.co_units) for t in extract_text(doc).tasks}


NARRATIVE = (
    "南岭区关于推进社区托育服务的实施方案\n"
    "一、主要任务\n"
    "（一）加强医育结合。推动社区卫生服务中心与托育机构签约合作，由区卫生健康委与区教育局负责。\n"
    "（二）发展社区托育。在区教育局指导下，各街道（镇）开展社区托育点建设。\n"
    "（三）加大资金保障。区财政局统筹安排托育服务资金，各相关部门按职责分工负责。\n"
)


def test_units_joined_by_yu_after_you_all_lead():
    assert _units(NARRATIVE)["推动社区卫生"] == (("区卫生健康委", "区教育局"), ())


def test_the_unit_a_task_is_done_under_the_guidance_of_is_no_lead():
    assert _units(NARRATIVE)["在区教育局指"] == (("各街道（镇）",), ())


def test_units_answering_each_for_their_part_after_a_named_unit_are_co_units():
    assert _units(NARRATIVE)["区财政局统筹"] == (("区财政局",), ("各相关部门",))


def test_a_labelled_line_after_the_task_names_its_units_and_leaves_its_text():
    doc = (
        "南岭区营商环境行动方案\n"
        "一、重点任务\n"
        "1.优化工程审批。推进社会投资项目“拿地即开工”。\n"
        "实施主体：区建设交通委、区规划局\n"
        "2.加强信用监管。建立企业信用分级分类监管制度。各有关部门按职责分工负责。\n"
    )
    tasks = extract_text(doc).tasks
    first = next(t for t in tasks if "拿地即开工" in t.text)
    assert first.lead_units == ("区建设交通委", "区规划局")
    assert "实施主体" not in first.text
    assert doc[first.span.start : first.span.end].endswith("开工”。")
    # "按职责分工负责" with no unit named names no lead
    assert next(t for t in tasks if "信用" in t.text).lead_units == ()


def test_units_named_after_huitong_are_co_units_even_when_named_nowhere_else():
    doc = (
        "南岭区共享停车实施意见\n"
        "一、实施措施\n"
        "1.由社区会同停车服务企业对可共享的泊位信息予以公示。\n"
        "2.由区交通办会同区机管局、区房管局选择试点小区，开展示范创建。\n"
        "3.区交通委负责统筹推进，会同各行业主管部门制定年度计划。\n"
    )
    got = _units(doc)
    assert got["由社区会同停"] == (("社区",), ("停车服务企业",))
    assert got["由区交通办会"] == (("区交通办",), ("区机管局", "区房管局"))
    assert got["区交通委负责"][1] == ()


def test_a_unit_named_after_you_to_help_is_a_co_unit():
    doc = "南岭区共享停车实施意见\n一、实施措施\n1.城东片区由区停车服务公司配合建立协商机制，对接供需双方。\n"
    assert _units(doc)["城东片区由区"] == ((), ("区停车服务公司",))


def test_units_that_carry_out_the_work_after_a_named_lead_are_co_units():
    doc = (
        "西林区城市精细化管理实施方案\n"
        "一、重点工作\n"
        "（一）提升公园品质。区园林局牵头负责，各街道具体落实，区文旅局参与。\n"
        "（二）推进架空线入地。由区建管委牵头，各管线单位按计划实施。\n"
        "（三）调整公交线路。新辟线路由区交通委制定计划，审核通过后由区交通委组织实施。\n"
    )
    got = _units(doc)
    assert got["区园林局牵头"] == (("区园林局",), ("各街道", "区文旅局"))
    assert got["由区建管委牵"] == (("区建管委",), ("各管线单位",))
    assert got["新辟线路由区"] == (("区交通委",), ())


def test_units_the_lead_works_with_after_xietong_or_lianhe_are_co_units():
    doc = (
        "南岭镇小型工程管理办法\n"
        "一、职责分工\n"
        "1.镇安全所负责对工程安全进行监管，并协同消防部门对消防安全进行指导。\n"
        "2.镇执法队联合镇市场所开展联合检查。\n"
        "3.施工单位应落实安全责任。严格遵守安全操作规程，加强现场管理。\n"
    )
    got = _units(doc)
    assert got["镇安全所负责"] == (("镇安全所",), ("消防部门",))
    assert got["镇执法队联合"] == (("镇执法队",), ("镇市场所",))
    assert any(lead == ("施工单位",) for lead, _ in got.values())


def test_units_a_lead_is_named_to_lead_are_co_units():
    doc = (
        "南岭区城市更新实施意见\n"
        "一、保障机制\n"
        "1.区更新中心牵头区更新领导小组各成员单位，及时完善城市更新相关政策措施。\n"
        "2.由街镇牵头协调公安、交通等有关部门，编制停车方案。\n"
    )
    got = _units(doc)
    assert got["区更新中心牵"] == (("区更新中心",), ("区更新领导小组各成员单位",))
    assert "协调公安" not in got["由街镇牵头协"][1]


def test_units_asked_to_lead_or_helping_with_a_named_work():
    doc = (
        "东岭区社区服务提升方案\n"
        "一、主要任务\n"
        "（一）建设智慧社区。请区科技局牵头编制应用清单，各街道配合做好试点推广。\n"
        "（二）完善医养服务。区卫健委负责推进签约服务，区医保局积极配合开展费用结算。\n"
    )
    got = _units(doc)
    assert got["请区科技局牵"] == (("区科技局",), ("各街道",))
    assert got["区卫健委负责"] == (("区卫健委",), ("区医保局",))


def test_a_thing_done_by_a_unit_is_not_its_unit():
    doc = "南河区道路管理分工\n一、职责分工\n（一）新建支路由区建管委组织验收，区交警支队配合。\n"
    got = _units(doc)
    assert got["新建支路由区"] == (("区建管委",), ("区交警支队",))


def test_two_units_answering_together_are_both_leads():
    doc = "北山县交通整治方案\n一、重点任务\n（一）整治道路秩序。县交通局与县公安局共同负责城区道路交通秩序整治。\n"
    got = _units(doc)
    assert got["县交通局与县"] == (("县交通局", "县公安局"), ())


def test_an_adverb_opens_no_unit_and_a_stressed_unit_is_a_unit_of_its_own():
    doc = (
        "西岭县重点工作落实通知\n"
        "一、压实责任。各牵头部门要会同责任部门，认真研究所承担的重点任务，制订推进计划。\n"
        "二、加强协作。配合单位特别是各乡镇（街道）要积极配合，形成合力。\n"
    )
    got = _units(doc)
    assert got["各牵头部门要"] == (("各牵头部门",), ("责任部门",))
    assert got["配合单位特别"] == ((), ("配合单位", "各乡镇（街道）"))


def test_units_a_lead_is_to_work_with_after_ying_yu_are_co_units():
    doc = (
        "东湖镇违法建设管控分工\n"
        "一、职责分工\n"
        "（一）各村委会、物业公司应与镇城管中心、镇规划办建立联合巡查机制，及时制止违法搭建。\n"
    )
    got = _units(doc)
    assert got["各村委会、物"] == (("各村委会", "物业公司"), ("镇城管中心", "镇规划办"))


def test_the_unit_named_as_the_bearer_of_the_work_leads_it():
    doc = (
        "南湖区雨水管网改造安排\n"
        "一、实施安排\n"
        "（一）过渡期内既定改造项目按原计划推进，由南湖区作为责任主体完成。\n"
        "（二）新建泵站工程按规定程序推进，实施主体为区水务局。\n"
    )
    got = _units(doc)
    assert got["过渡期内既定"] == (("南湖区",), ())
    assert got["新建泵站工程"] == (("区水务局",), ())


def test_the_issuing_place_speaking_of_itself_names_no_unit():
    doc = (
        "北塘镇危旧房整治方案\n"
        "一、整治安排\n"
        "（一）我镇根据排查结果，制定一般损坏房整治计划，力争三年内完成整治。\n"
    )
    got = _units(doc)
    assert got["我镇根据排查"] == ((), ())


def test_each_later_paragraph_that_opens_with_its_units_is_their_task():
    doc = (
        "南溪区关于加强农房管理的实施意见\n"
        "一、明确管理责任\n"
        "（一）压实属地责任。区人民政府负责全区农房管理的组织领导，制定管理制度。"
        "区各有关部门根据工作职责加强监督指导。\n"
        "镇人民政府(街道办事处)具体负责辖区内农房审批和巡查，建立工作台账。\n"
        "（二）强化部门协同。加强部门统筹协调，推动审批和监管有效衔接。\n"
        "区规划资源部门指导农房规划布局。\n"
        "区农业农村部门依据职责负责宅基地管理有关工作。\n"
        "区建设管理部门对村民建房开展抽查，对发现的问题督促整改。\n"
    )
    got = _units(doc)
    assert got["区人民政府负"] == (("区人民政府",), ())
    assert got["区各有关部门"] == (("区各有关部门",), ())
    # the town's government and the subdistrict office that stands for it elsewhere: two bodies
    assert got["镇人民政府("] == (("镇人民政府", "街道办事处"), ())
    assert got["加强部门统筹"] == ((), ())
    assert got["区规划资源部"] == (("区规划资源部门",), ())
    assert got["区农业农村部"] == (("区农业农村部门",), ())
    assert got["区建设管理部"] == (("区建设管理部门",), ())


def test_a_paragraph_going_on_with_the_same_unit_stays_its_task():
    doc = (
        "南溪区河道养护工作方案\n"
        "一、职责分工\n"
        "（一）落实养护责任。区水务局负责全区河道养护的统筹。\n"
        "区水务局对养护作业开展季度检查，通报发现的问题。\n"
    )
    tasks = extract_text(doc).tasks
    assert len(tasks) == 1
    assert tasks[0].lead_units == ("区水务局",)


def test_the_body_a_kind_of_case_goes_to_and_the_bodies_of_two_levels():
    doc = (
        "东岭区乡村道路巡查制度实施方案\n"
        "一、工作流程\n"
        "1.发现。区、镇两级巡查办公室做好问题收集、汇总。\n"
        "2.处置。有关路面破损等日常养护问题，由相应的道路管理机构处置。\n"
    )
    got = _units(doc)
    assert got["区、镇两级巡"] == (("区级巡查办公室", "镇级巡查办公室"), ())
    assert got["有关路面破损"] == (("道路管理机构",), ())


def test_the_set_up_of_posts_is_no_task_and_the_body_set_up_is_no_subject():
    doc = (
        "东岭区乡村道路巡查制度实施方案\n"
        "一、组织体系\n"
        "1.总巡查长\n"
        "全区设总巡查长，由区政府主要领导担任;设副总巡查长，由区政府分管领导担任。\n"
        "2.区级巡查办公室\n"
        "设立区级巡查办公室，办公室设在区交通委，成员单位包括区财政局等相关部门。"
        "区级巡查办公室负责协调巡查中的重点问题。\n"
        "3.镇级巡查办公室\n"
        "各镇政府设立镇级巡查办公室，具体设置形式可参照区级巡查办公室。\n"
    )
    tasks = extract_text(doc).tasks
    assert not [t for t in tasks if "担任" in t.text]
    assert all("设立区级巡查办公室" not in u for t in tasks for u in t.lead_units)
    got = _units(doc)
    assert got["区级巡查办公"] == (("区级巡查办公室",), ())
    assert got["各镇政府设立"] == (("各镇政府",), ())


def test_sentences_of_an_item_that_open_with_units_and_an_adverb_of_duty_are_theirs():
    doc = (
        "西河区河道养护工作实施意见\n"
        "三、职责分工\n"
        "（1）区水务局负责本区河道的管理，下达年度工作任务。区河道水闸管理所具体负责区级河道的管理养护。"
        "区水务事务管理中心主要负责镇级河道的行业管理工作。\n"
    )
    got = _units(doc)
    assert got["区水务局负责"] == (("区水务局",), ())
    assert got["区河道水闸管"] == (("区河道水闸管理所",), ())
    assert got["区水务事务管"] == (("区水务事务管理中心",), ())


def test_a_slogan_in_quotation_marks_opens_no_clause():
    doc = (
        "西河区安全生产三年行动方案\n"
        "一、主要任务\n"
        "（一）加强燃气安全管理。加强燃气安全培训，推动形成“人人讲安全，个个会应急”的社会氛围。"
        "进一步夯实燃气经营企业安全主体责任。\n"
    )
    tasks = extract_text(doc).tasks
    assert len(tasks) == 1
    assert tasks[0].lead_units == ()


def test_a_unit_that_labels_its_own_duties_before_a_colon_leads_them():
    doc = (
        "东岭区乡村道路巡查制度实施方案\n"
        "三、工作职责\n"
        "（二）巡查办公室主要职责\n"
        "区级巡查办公室：承担巡查制度实施的具体工作，由区交通委负责具体推进。负责组织联席会议等日常事务。\n"
        "镇级巡查办公室：具体落实巡查制度各项工作，落实区级巡查办公室下达的工作任务。\n"
    )
    got = _units(doc)
    assert got["区级巡查办公"] == (("区级巡查办公室", "区交通委"), ())
    assert got["镇级巡查办公"] == (("镇级巡查办公室",), ())
    # the addressees of a notice, with nothing after the colon, head no duties
    notice = "东岭县人民政府关于做好巡查工作的通知\n各乡镇人民政府、街道办事处，县级各部门：\n一、各乡镇要于2031年6月底前完成排查。\n"
    assert all("县级各部门" not in t.lead_units for t in extract_text(notice).tasks)


def _roles(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(t.lead_units, t.co_units) for t in extract_text(text).tasks]


def test_fields_closed_by_a_collective_after_huitong_are_departments_and_the_collective():
    doc = (
        "南溪区燃气安全整治行动方案\n"
        "一、重点任务\n"
        "（一）联合检查。2031年，住建部门会同各级规划、消防、城管等有关部门开展燃气安全联合检查。\n"
        "（二）源头治理。街道会同应急、公安等相关部门排查餐饮场所隐患。\n"
    )
    roles = _roles(doc)
    assert (("住建部门",), ("规划部门", "消防部门", "城管部门", "有关部门")) in roles
    assert (("街道",), ("应急部门", "公安部门", "相关部门")) in roles


def test_fields_closed_by_deng_bumen_after_huitong_do_not_run_on_to_the_object():
    doc = (
        "第一条 为了规范青少年营地活动，制定本规定。\n"
        "第二条 营地的行业主管部门应当会同体育、公安、卫生健康等部门指导监督营地场所落实安全责任。\n"
        "第三条 本规定自2031年1月1日起施行。\n"
    )
    co = [c for _, c in _roles(doc) if c]
    assert co
    assert not any("所" in u or "指导" in u for c in co for u in c)


def test_units_the_lead_organises_in_a_clause_of_its_duties_are_its_co_units():
    doc = (
        "东坪区河道保洁工作分工\n"
        "一、职责分工\n"
        "（一）区河长办。负责统筹河道保洁工作，牵头组织各成员单位开展联合巡查。\n"
        "（二）区水务站。负责日常监测，牵头组织环卫公司、属地派出所以及属地街镇，定期开展联合整治。\n"
    )
    co = [c for _, c in _roles(doc)]
    assert ("各成员单位",) in co
    assert ("环卫公司", "属地派出所", "属地街镇") in co


def test_fields_sharing_one_department_word_after_huitong_are_co_units():
    doc = (
        "西河区市容整治工作方案\n"
        "一、重点任务\n"
        "（一）严格执法。区城管执法局会同交通、环保部门查处违规行为。\n"
        "（二）停车秩序。由街道牵头，协调交通、消防、村委会等有关部门和单位做好停车管理。\n"
    )
    roles = _roles(doc)
    assert (("区城管执法局",), ("交通部门", "环保部门")) in roles
    assert (("街道",), ("交通", "消防", "村委会", "有关部门和单位")) in roles


def test_a_date_before_the_subject_is_passed_over_and_the_agent_entrusted_is_no_unit():
    # the shapes of the 2025 drainage reform plans of 静安, 杨浦 and 上海 (tune), in invented words
    doc = (
        "北湖区供水管理体制改革实施方案\n"
        "一、工作任务\n"
        "1.设施移交。2030年12月底前，由区建设委（区水务局）委托北湖水务集团实施设施普查，形成移交清单。\n"
        "2.考核评价。2031年起区建设委（区水务局）联合市水务局对北湖水务集团开展运维考核。\n"
        "3.签订协议。12月底前由区政府与北湖水务集团签订设施移交协议，明确移交范围。\n"
        "4.运维方案。2030年6月，北湖水务集团形成全区供水设施一体化运维方案。\n"
    )
    tasks = extract_text(doc).tasks
    units = [(t.lead_units, t.co_units) for t in tasks]
    assert (("区建设委（区水务局）",), ()) in units
    assert (("区建设委（区水务局）",), ("市水务局",)) in units
    assert (("区政府", "北湖水务集团"), ()) in units
    assert (("北湖水务集团",), ()) in units


def test_two_parties_that_sign_together_both_lead_but_a_pair_before_other_work_does_not():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    signed = "北湖水务集团与区建设委签订采购协议，由区建设委进行统一采购"
    assert opening_subject(signed, working_text(signed), 0, len(signed)) == ("北湖水务集团", "区建设委")
    paired = "区水务局与区财政局做好经费测算"
    assert opening_subject(paired, working_text(paired), 0, len(paired)) == ()
    agent = "委托第三方机构开展评估"
    assert opening_subject(agent, working_text(agent), 0, len(agent)) == ()


def test_a_named_district_and_a_season_of_a_year_before_the_subject():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    def subject(text: str) -> tuple[str, ...]:
        return opening_subject(text, working_text(text), 0, len(text))

    assert subject("2031年5月底前，北湖区完成区级防汛预案修编") == ("北湖区",)
    assert subject("2030年汛期，北湖水务集团派出工作组参与应急响应") == ("北湖水务集团",)
    assert subject("属地派出所做好现场秩序维护") == ("属地派出所",)
    for area in ("核心区完成改造", "全区完成排查", "老城区完成改造", "本区负责落实"):
        assert subject(area) == (), area


def test_a_unit_opening_to_help_another_with_no_modal_verb_is_a_co_unit():
    # "X配合Y做…" with no 要/应: Y, the unit X works for, leads (黄浦's and 静安's drainage reform
    # plans); a later sentence that opens with X again makes the work X's own.
    doc = (
        "东川区供水设施移交工作方案\n"
        "一、主要任务\n"
        "（一）完善费用标准。区供水所配合市级主管部门研究制定设施运维费用标准，同步梳理现有合同。\n"
        "（二）共享监测数据。区城建委全力配合市供水集团推进监测平台建设，提供历年管网资料。\n"
        "（三）落实维修资金。区财务中心配合市级部门研究资金渠道。区财务中心落实年度维修资金。\n"
        "（四）做好考核。区供水所应积极配合市水务局开展年度考核。\n"
    )
    got = _units(doc)
    assert got["区供水所配合"] == (("市级主管部门",), ("区供水所",))
    assert got["区城建委全力"] == (("市供水集团",), ("区城建委",))
    assert got["区财务中心配"] == (("区财务中心",), ())
    assert got["区供水所应积"] == (("市水务局",), ("区供水所",))


def test_a_name_ends_before_a_verb_its_last_suffix_character_starts():
    doc = (
        "北湖区市容管理工作方案\n"
        "一、主要任务\n"
        "（一）许可审批。区住建局办理施工许可，压缩审批时限。\n"
        "（二）来信处理。区信访办办结群众来信，按月通报。\n"
        "（三）救援队伍。区应急局组建专业救援队伍。\n"
        "（四）第三方评估。区城建委委托专业机构开展评估。\n"
        "（五）投诉处理。区市场监管局处理消费投诉，建立台账。\n"
        "（六）应急演练。区应急局组织各街镇开展演练。\n"
    )
    leads = _leads(doc)
    for unit in ("区住建局", "区信访办", "区应急局", "区城建委", "区市场监管局"):
        assert (unit,) in leads
    assert not any(
        n.endswith(("办", "组", "委委", "局办")) and n not in ("区信访办",) for ls in leads for n in ls
    )


def test_name_before_verb_keeps_a_name_that_is_no_unit_without_its_last_character():
    from taizhang.extract.units import name_before_verb

    assert name_before_verb("区应急局组", "区应急局组建专业队伍") == "区应急局"
    assert name_before_verb("镇规建办办", "镇规建办办理备案手续") == "镇规建办"
    assert name_before_verb("区委组织部", "区委组织部组织培训") == "区委组织部"
    assert name_before_verb("区信访办", "区信访办办结来信") == "区信访办"
    assert name_before_verb("工作组", "工作组组建完成") == "工作组"


def test_a_task_with_no_unit_in_its_first_clause_takes_the_subject_of_a_later_one():
    doc = (
        "北湖区乡村道路管护方案\n"
        "一、工作机制\n"
        "（一）例会制度。建立月度例会制度，定期通报管护情况。区级管护办公室加强统筹协调，督促落实。\n"
        "（二）属地责任。各部门密切配合形成合力，各街镇落实属地责任，建立工作台账。\n"
        "（三）社会参与。广泛宣传发动，增强全社会爱路护路意识。\n"
    )
    leads = _leads(doc)
    assert ("区级管护办公室",) in leads
    assert ("各街镇",) in leads
    assert not any("社会" in n for ls in leads for n in ls)


def test_the_person_in_charge_of_a_body_is_no_verb_after_its_name():
    from taizhang.extract.normalise import working_text
    from taizhang.extract.units import opening_subject

    text = "市有关部门和单位负责人为成员。"
    assert opening_subject(text, working_text(text), 0, len(text)) == ()


def test_the_delegate_a_body_entrusts_or_designates_is_no_unit_of_its_own():
    from taizhang.extract.units import clean_unit_name

    assert clean_unit_name("养护部门或者其委托的单位") == ("", "养护部门")
    assert clean_unit_name("区园林局或其指定的管理机构") == ("", "区园林局")
    doc = (
        "北湖区绿地设施管理办法\n"
        "一、管理职责\n"
        "1.区管绿地的设施，由区园林局或者其委托的单位负责养护、维修。\n"
        "2.区财政局负责养护资金保障。\n"
    )
    assert ("区园林局",) in _leads(doc)
