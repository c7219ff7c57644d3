"""Regulations' subjects as their readers take them: the levels written once before a body, two
bodies joined by 和 or 及, fields sharing a kind of body, a body that does something before its
duty, and the sentences that lay no task (penalties after an offence, principles, predicates
that only look like names).

The texts are written for these tests: they follow the conventions of such documents (cities'
and provinces' 条例, ministries' 规定), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text

REGULATION = """某市公共图书馆服务促进条例

第一章　总则

第一条　为了促进公共图书馆服务，根据有关法律、法规，结合本市实际，制定本条例。

第二条　公共图书馆服务工作应当构建政府主导、社会参与的工作格局。

第三条　市、区（县级市）人民政府和有关部门应当加强公共图书馆建设，所需经费列入财政预算。

第四条　市、区（县级市）文化建设指导机构和有关部门应当开展阅读推广活动。

第五条　文化旅游、教育、体育健身主管部门应当按照各自职责做好公共图书馆服务工作。

第六条　市、县（市、区）人民政府及其财政、规划、住房城乡建设等有关部门应当保障图书馆建设用地。

第七条　工会、共青团、妇联等人民团体，应当在各自工作范围内组织职工、青年、妇女参与阅读活动。

第八条　教育行政部门和文化主管部门应当开展青少年阅读指导。

第九条　对捐赠图书成绩显著的单位和个人，市、区（县级市）人民政府应当给予表彰。

第十条　文化旅游主管部门统计公共图书馆服务数据，应当每年向社会公布。

第十一条　图书馆主管部门开展服务评估，应当遵循公开、公平、公正的原则。

第十二条　市人民政府应当完善公共阅读服务体系，优化公共图书馆布局，加强流动图书服务。

第十三条　读者应当爱护图书。

违反本条第一款规定，损毁图书的，图书馆工作人员应当进行劝阻。文化旅游主管部门应当对违法行为人进行批评教育，处五十元以上二百元以下罚款。

第十四条　各省、自治区、直辖市文化旅游主管部门负责指导本行政区域内的图书馆服务评估。

第十五条　前款所称服务评估标准由省级以上文化旅游主管部门结合本地实际规定。

第十六条　本条例自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return extract_text(REGULATION).tasks


def _lead(tasks, opening: str) -> tuple[str, ...]:
    (task,) = [t for t in tasks if t.text.startswith(opening)]
    return task.lead_units


def test_levels_written_once_go_to_the_body_after_them_and_not_to_the_one_after_和(tasks) -> None:
    assert _lead(tasks, "市、区（县级市）人民政府和") == ("市人民政府", "区（县级市）人民政府", "有关部门")
    assert _lead(tasks, "市、区（县级市）文化建设") == (
        "市文化建设指导机构",
        "区（县级市）文化建设指导机构",
        "有关部门",
    )


def test_fields_share_the_kind_of_body_that_closes_their_list(tasks) -> None:
    assert _lead(tasks, "文化旅游、教育") == ("文化旅游主管部门", "教育主管部门", "体育健身主管部门")
    assert _lead(tasks, "市、县（市、区）人民政府及其") == (
        "市人民政府",
        "县（市、区）人民政府",
        "财政部门",
        "规划部门",
        "住房城乡建设部门",
        "有关部门",
    )


def test_peoples_organisations_and_two_bodies_joined_by_和(tasks) -> None:
    assert _lead(tasks, "工会、共青团、妇联") == ("工会", "共青团", "妇联")
    assert _lead(tasks, "教育行政部门和文化主管部门") == ("教育行政部门", "文化主管部门")


def test_a_duty_after_whom_it_is_about_and_after_what_the_body_does(tasks) -> None:
    (praise,) = [t for t in tasks if "给予表彰" in t.text]
    assert praise.lead_units == ("市人民政府", "区（县级市）人民政府")
    assert _lead(tasks, "文化旅游主管部门统计") == ("文化旅游主管部门",)


def test_a_collective_of_provinces_and_a_term_a_body_is_to_define(tasks) -> None:
    assert _lead(tasks, "各省、自治区、直辖市") == ("各省、自治区、直辖市文化旅游主管部门",)
    (term,) = [t for t in tasks if "所称服务评估标准" in t.text]
    assert term.lead_units == ("省级以上文化旅游主管部门",)


def test_what_lays_no_task(tasks) -> None:
    texts = [t.text for t in tasks]
    assert not any("工作格局" in x for x in texts)  # a principle of the work, its 应当 has no body
    assert not any("原则" in x for x in texts)
    assert not any("批评教育" in x or "劝阻" in x for x in texts)  # a paragraph opened by an offence
    assert not any(t.lead_units and t.lead_units[0].startswith("优化") for t in tasks)
    (plan,) = [t for t in tasks if t.text.startswith("市人民政府应当完善")]
    assert plan.lead_units == ("市人民政府",)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("市、区（县级市）人民政府", ["市人民政府", "区（县级市）人民政府"]),
        (
            "市、县（市、区）人民政府有关部门及依法设立的管理机构、镇人民政府",
            [
                "市人民政府有关部门",
                "县（市、区）人民政府有关部门",
                "依法设立的管理机构",
                "镇人民政府",
            ],
        ),
        ("生态环境主管部门和其他负有监督管理职责的部门", ["生态环境主管部门", "其他负有监督管理职责的部门"]),
        ("各级人民政府及其有关部门", ["各级人民政府", "有关部门"]),
        ("各有关部门和单位", ["各有关部门", "各有关单位"]),
        ("发展改革、市场监管等主管部门", ["发展改革主管部门", "市场监管主管部门"]),
        ("工业和信息化部门", ["工业和信息化部门"]),
        ("文化和旅游、卫生健康主管部门", ["文化和旅游主管部门", "卫生健康主管部门"]),
    ],
)
def test_law_names(written: str, expected: list[str]) -> None:
    assert law_names(written, working_text(written)) == expected


RULES = """某部举报奖励办法

第一条　为了规范举报奖励工作，根据有关法律，制定本办法。

第二条　某部门在法定职责范围内对举报实施奖励，适用本办法。

第三条　举报奖励应当坚持客观公正、依法依规的原则。

第四条　市场监督管理部门应当会同有关部门依法采取保护措施。

第五条　市场监督管理部门根据查证结果、危害程度等，综合评估确定奖励等级，给予精神奖励或者物质奖励。

第六条　对于符合奖励条件的举报，由设区的市级以上市场监督管理部门启动奖励程序。

第七条　征得举报人同意后，可以由举报人所在单位对举报人实施奖励。

第八条　县级以上精神文明建设委员会的办事机构具体负责举报奖励的宣传。

第九条　县级以上人民政府及有关部门，对获得表彰的举报人，记入个人信用记录。

第十条　市场监督管理部门对违反本办法规定、情节严重的举报，应当及时报送公共信用信息平台。

第十一条　违反本办法规定，诬告他人的，由市场监督管理部门责令改正，处一千元以下罚款。

第十二条　本办法自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def rules():
    return extract_text(RULES).tasks


def test_scope_principles_permissions_and_penalties_lay_no_task(rules) -> None:
    texts = [t.text for t in rules]
    assert not any("适用本办法" in x or "原则" in x or "可以由" in x or "罚款" in x for x in texts)


def test_duties_after_lead_ins_adverbs_and_由(rules) -> None:
    assert _lead(rules, "市场监督管理部门根据") == ("市场监督管理部门",)
    (start,) = [t for t in rules if "启动奖励程序" in t.text]
    assert start.lead_units == ("设区的市级以上市场监督管理部门",)
    assert _lead(rules, "县级以上精神文明建设委员会的办事机构") == ("县级以上精神文明建设委员会的办事机构",)
    assert _lead(rules, "县级以上人民政府及有关部门") == ("县级以上人民政府", "有关部门")


def test_an_offence_named_as_the_object_of_a_duty_is_no_penalty(rules) -> None:
    (report,) = [t for t in rules if "报送公共信用信息平台" in t.text]
    assert report.lead_units == ("市场监督管理部门",)


def test_会同_before_依法_names_co_units(rules) -> None:
    (task,) = [t for t in rules if t.text.startswith("市场监督管理部门应当会同")]
    assert task.co_units == ("有关部门",)


DISTRICT_RULES = """某区户外广告设施管理若干规定

第一条　为了加强户外广告设施管理，根据有关法规，制定本规定。

第二条　户外广告设施应当根据以下情形实施监管：

（一）设施的载体新建的，配套设施纳入主体工程，办理施工许可手续，主体工程的质量监督机构应当对配套设施的建设进行监督管理。

（二）既有载体上设施新建的，设置者应当书面告知区市容部门，区市容部门应当对设施的建设进行监督管理。

第三条　核心区域内应当设置广告设施的，区市容部门应当在土地出让征询时明确设置要求，由区规划部门纳入土地出让合同。

第四条　区市容部门会同区发展改革、财政等部门制定扶持政策。

第五条　区级广告监控系统对所纳入的设施实行统一控制。

第六条　公民、法人可以对违规设置的广告进行劝阻，不听劝阻的，可以向有关部门举报，有关部门应当及时处理。

第七条　本规定自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def district():
    return extract_text(DISTRICT_RULES).tasks


def test_a_body_after_a_condition_of_several_parts_answers_for_the_duty(district) -> None:
    (quality,) = [t for t in district if "质量监督机构" in t.text]
    assert quality.lead_units == ("主体工程的质量监督机构",)
    (notice,) = [t for t in district if "区市容部门应当对设施" in t.text]
    assert notice.lead_units == ("区市容部门",)


def test_a_duty_handed_on_with_由_is_the_other_body_s_task(district) -> None:
    (contract,) = [t for t in district if "纳入土地出让合同" in t.text]
    assert contract.lead_units == ("区规划部门",)
    (ask,) = [t for t in district if "区市容部门应当在土地出让" in t.text]
    assert ask.lead_units == ("区市容部门",) and "由区规划部门" not in ask.text


def test_a_level_written_on_the_first_field_goes_to_all(district) -> None:
    (policy,) = [t for t in district if "扶持政策" in t.text]
    assert policy.co_units == ("区发展改革部门", "区财政部门")


def test_a_relative_clause_and_a_duty_inside_a_sentence_opened_by_the_public_lay_no_task(district) -> None:
    assert not any("监控系统" in t.text for t in district)
    assert not any("公民" in t.text for t in district)


MIXED = """某市全民健身促进条例

第一条　为了促进全民健身，根据有关法律，制定本条例。

第二条　各级人民政府及有关单位、新闻媒体应当加强全民健身宣传。

第三条　工会、共产主义青年团、妇女联合会以及有关社会组织，应当组织开展全民健身活动。

第四条　国家机关、企业事业单位和公民应当积极参加全民健身活动。

第五条　体育场馆的行业主管部门应当会同教育、公安等部门指导体育场馆落实安全管理责任。

第六条　甲经济技术开发区、乙高新技术产业园区管委会根据市人民政府授权，开展全民健身工作。

第七条　机场、车站、码头等应当设置健身提示标识。

第八条　本条例自2026年1月1日起施行。
"""


def test_lists_led_by_bodies_and_names_ending_with_a_body() -> None:
    tasks = extract_text(MIXED).tasks
    assert _lead(tasks, "各级人民政府及有关单位") == ("各级人民政府", "有关单位", "新闻媒体")
    assert _lead(tasks, "工会、共产主义青年团")[-1] == "有关社会组织"
    assert not any("公民" in t.text or "机场" in t.text for t in tasks)
    venues = _lead(tasks, "体育场馆的行业主管部门")
    assert venues == ("体育场馆的行业主管部门",)
    assert _lead(tasks, "甲经济技术开发区") == ("甲经济技术开发区管委会", "乙高新技术产业园区管委会")


PLACES = """某市科普促进条例

第一条　为了促进科普工作，根据有关法律，制定本条例。

第二条　本市应当加强与周边省市科普工作交流合作。

第三条　本市对科普场馆实行分级管理，推动建立科普资源库。

第四条　市、区应当建立科普工作联席会议制度。

第五条　市科普场馆评估办法，由市科学技术部门会同相关部门另行制定。

第六条　科普场馆的行业主管部门应当会同教育、公安等部门指导监督科普场馆落实安全责任。

第七条　本条例自2026年1月1日起施行。
"""


def test_a_place_as_subject_is_a_task_without_a_body_and_由X会同Y_names_co_units() -> None:
    tasks = extract_text(PLACES).tasks
    assert _lead(tasks, "本市应当加强") == ()
    assert _lead(tasks, "本市对科普场馆") == ()
    assert _lead(tasks, "市、区应当建立") == ()
    (rules,) = [t for t in tasks if "评估办法" in t.text]
    assert rules.lead_units == ("市科学技术部门",) and rules.co_units == ("相关部门",)
    (safety,) = [t for t in tasks if t.text.startswith("科普场馆的行业主管部门")]
    assert safety.co_units == ("教育部门", "公安部门")


ORGANS = """某市市民建议征集规定

第一条　为了规范市民建议征集工作，根据有关法律，制定本规定。

第二条　本市建立市、区两级市民建议征集办公室，负责组织推动本市市民建议征集工作。

第三条　市市民建议征集办公室建立完善市民建议征集信息系统。

第四条　本市畅通市民建议征集渠道，保障建议人通过书信、电话等形式提出建议。

第五条　市民建议涉及两个以上国家机关职责范围的，应当邀请相关国家机关共同参加。

第六条　市、区市民建议征集办公室会同相关督查部门定期开展联合督办。

第七条　本规定自2026年1月1日起施行。
"""


def test_bodies_the_city_sets_up_and_the_city_s_own_work() -> None:
    tasks = extract_text(ORGANS).tasks
    assert _lead(tasks, "本市建立市、区两级") == ("市市民建议征集办公室", "区市民建议征集办公室")
    assert _lead(tasks, "市市民建议征集办公室建立完善") == ("市市民建议征集办公室",)
    assert _lead(tasks, "本市畅通") == ()
    assert not any(t.lead_units and "涉及" in t.lead_units[0] for t in tasks)
    (joint,) = [t for t in tasks if "联合督办" in t.text]
    assert joint.co_units == ("相关督查部门",)


def test_councils_before_等_and_their_kind_are_the_councils_only() -> None:
    # SCHEMA.md: a trailing 等 is dropped, and with it the kind of body the list shares (等部门,
    # 等群团组织, 等群众组织); only 等有关部门 adds a collective of others (临沂's 文明乡村 regulation
    # and 甘肃's and 丽江's 文明行为 regulations write these lists).
    text = REGULATION.replace(
        "第八条　教育行政部门和文化主管部门应当开展青少年阅读指导。",
        "第八条　村务监督委员会、老年人协会和红白理事会等群众组织应当组织村民参与阅读活动。"
        "村民议事会、道德评议会等群众组织应当宣传阅读活动。",
    ).replace("工会、共青团、妇联等人民团体，", "工会、共青团、妇联等群团组织")
    tasks = extract_text(text).tasks
    assert _lead(tasks, "村务监督委员会") == ("村务监督委员会", "老年人协会", "红白理事会")
    assert _lead(tasks, "村民议事会") == ("村民议事会", "道德评议会")
    assert _lead(tasks, "工会、共青团、妇联") == ("工会", "共青团", "妇联")
