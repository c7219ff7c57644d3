"""Roles said in a plan's prose rather than in a bracketed note:

- an item that closes with a sentence naming only its units and their roles ("由X牵头，Y、Z配合。",
  "X负责，Y协助。", "X牵头负责，Y配合实施。", "各乡镇、县直各有关部门按职责分工负责。") is one task,
  those units' (the sentence stands for the note "（牵头单位：X；配合单位：Y）"), its text the work;
- a notice's own paragraphs that follow the line introducing the units' tasks ("现将各单位任务明确
  如下:") and open "X负责…" are X's tasks, as those opening "X要…" are;
- a block of duties headed by a body whose name holds a verb's characters ("（二）区委组织部",
  "（三）区推进办") is that body's, as "（一）区财政局" is.

The texts are written for these tests: they follow the way county and district plans (整治方案,
创建方案, 实施方案) are written, not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text

PLAN = """某县城乡环境整治工作方案

各乡镇人民政府，县直各有关单位：

现将方案印发给你们，请认真贯彻执行。

一、重点任务

（一）开展垃圾清运。全面清理村庄生活垃圾，建立长效保洁机制。由县城管局牵头，县农业农村局、各乡镇配合。

（二）整治河道沟塘。清理河道漂浮物，疏浚沟塘。县水利局负责，县生态环境局、各乡镇协助。

（三）治理违法建设。依法拆除违法建筑。县住建局牵头负责，县自然资源局、县城管局配合实施。

（四）规范集贸市场。清理占道经营，规范摊点设置。县市场监管局、县商务局按职责分工负责。

（五）整治农村道路。清扫农村公路路面，由县交通运输局牵头，各乡镇配合，在9月底前完成。

（六）加强督查考核。县政府督查室负责对各乡镇工作开展督查。县纪委监委配合。
"""


@pytest.fixture(scope="module")
def plan():
    return extract_text(PLAN).tasks


def _task(tasks, start):
    found = [t for t in tasks if t.text.startswith(start)]
    assert len(found) == 1, [t.text for t in tasks]
    return found[0]


def test_closing_sentence_of_lead_and_helpers(plan):
    t = _task(plan, "全面清理村庄生活垃圾")
    assert t.lead_units == ("县城管局",)
    assert t.co_units == ("县农业农村局", "各乡镇")
    assert "牵头" not in t.text  # the sentence of roles is no part of the work
    assert not [x for x in plan if x.text.startswith("由县城管局")]


def test_closing_sentence_with_fu_ze_and_xie_zhu(plan):
    t = _task(plan, "清理河道漂浮物")
    assert t.lead_units == ("县水利局",)
    assert t.co_units == ("县生态环境局", "各乡镇")


def test_closing_sentence_with_qian_tou_fu_ze(plan):
    t = _task(plan, "依法拆除违法建筑")
    assert t.lead_units == ("县住建局",)
    assert t.co_units == ("县自然资源局", "县城管局")


def test_closing_sentence_by_duties_only(plan):
    # no 牵头: the units that answer by their duties lead together
    t = _task(plan, "清理占道经营")
    assert t.lead_units == ("县市场监管局", "县商务局")
    assert t.co_units == ()


def test_sentence_going_on_with_work_is_not_only_roles(plan):
    # "由X牵头，Y配合，在9月底前完成" goes on with the work: the roles are read as before
    t = [x for x in plan if "农村公路" in x.text or "由县交通运输局" in x.text]
    assert t and all("县交通运输局" in x.lead_units for x in t if "由县交通运输局" in x.text)


def test_roles_after_a_clause_with_its_own_unit_stay_apart(plan):
    t = _task(plan, "县政府督查室负责")
    assert t.lead_units == ("县政府督查室",)


NOTICE = """某区农村人居环境整治任务分工

为确保全区按时完成整治任务，根据市里的部署，现将区各有关单位在整治工作中的任务作如下明确:

区住建局负责全区整治总协调工作，指导督查农村生活污水处理设施建设。

区委农办要负责指导督查新社区建设。

区财政局负责整治专项经费的落实，监督资金的使用情况。

规划分局具体负责村庄规划的审核，配合市住建局组织技术人员培训。
"""


def test_notice_list_of_units_duties():
    tasks = extract_text(NOTICE).tasks
    leads = [t.lead_units for t in tasks]
    assert leads == [("区住建局",), ("区委农办",), ("区财政局",), ("规划分局",)]
    assert all(t.co_units == () for t in tasks)


NOT_A_LIST = """某区关于做好整治工作的通知

各街道办事处，区政府各委、办、局:

现将有关事项通知如下:

区住建局负责的项目已经完成。

各街道要加强宣传。
"""


def test_notice_without_a_list_of_tasks_keeps_fu_ze_paragraphs_out():
    # no line introduces the units' tasks: only the 要 paragraph hands work on
    tasks = extract_text(NOT_A_LIST).tasks
    assert [t.lead_units for t in tasks] == [("各街道",)]


BLOCKS = """某区创建工作实施方案

一、指导思想

以创建工作为抓手，全面提升城市管理水平。

二、任务及分工

（一）区委组织部

1、及时抽调领导小组办公室所需工作人员。

2、将创建工作纳入干部考核。

（二）区推进办

1、按月汇总各单位工作进展。

（三）区财政局

1、落实创建工作经费。
"""


def test_unit_blocks_headed_by_names_with_verbs():
    tasks = extract_text(BLOCKS).tasks
    by_text = {t.text[:6]: t.lead_units for t in tasks}
    assert by_text["及时抽调领导"] == ("区委组织部",)
    assert by_text["将创建工作纳"] == ("区委组织部",)
    assert by_text["按月汇总各单"] == ("区推进办",)
    assert by_text["落实创建工作"] == ("区财政局",)


GROUPS = """某区养老服务提升行动方案

一、主要任务

（一）完善养老服务设施
牵头单位：区民政局
配合单位：区住建局、区规划资源局、各街道
1.新建社区养老服务中心3家。
2.改造提升老年助餐点10个。

（二）提升医养结合水平
牵头单位：区卫健委；配合单位：区民政局、区医保局
1.推动社区卫生服务中心与养老机构签约。
2.由区医保局牵头，区民政局、区财政局配合，制定长期护理保险实施细则。
3.区市场监管局负责，区民政局配合，开展养老机构食品安全检查。

（三）加强人才队伍建设
1.开展养老护理员培训。（区人社局负责，区民政局配合）

二、保障措施

各街道、各有关部门要按照职责分工，抓好各项任务落实。
"""


@pytest.fixture(scope="module")
def groups():
    return extract_text(GROUPS).tasks


def test_group_label_lines_answer_for_the_items_under_them(groups):
    t = _task(groups, "新建社区养老服务中心")
    assert t.lead_units == ("区民政局",)
    assert t.co_units == ("区住建局", "区规划资源局", "各街道")
    assert _task(groups, "改造提升老年助餐点").lead_units == ("区民政局",)
    t = _task(groups, "推动社区卫生服务中心")
    assert t.lead_units == ("区卫健委",)
    assert t.co_units == ("区民政局", "区医保局")


def test_group_heading_and_its_labels_are_no_task(groups):
    assert not [t for t in groups if t.text.startswith(("完善养老服务设施", "牵头单位", "提升医养结合水平"))]


def test_an_items_own_roles_outrank_its_groups(groups):
    t = _task(groups, "由区医保局牵头")
    assert t.lead_units == ("区医保局",)
    assert t.co_units == ("区民政局", "区财政局")
    t = _task(groups, "区市场监管局负责")
    assert t.lead_units == ("区市场监管局",)
    assert t.co_units == ("区民政局",)


def test_items_own_note_still_read(groups):
    t = _task(groups, "开展养老护理员培训")
    assert t.lead_units == ("区人社局",)
    assert t.co_units == ("区民政局",)


LABEL_SAYS_MORE = """某区工作方案

一、主要任务

（一）完善设施
牵头单位：区民政局，请于每月5日前报送进展
1.新建社区养老服务中心3家。
"""


def test_a_line_that_says_more_than_its_labels_is_no_group_note():
    # the line is read as before (not as the items' units)
    tasks = extract_text(LABEL_SAYS_MORE).tasks
    assert not [t for t in tasks if t.text.startswith("新建") and t.co_units]


LABELLED_IN_PROSE = """某县消防安全专项整治方案

一、整治任务

（一）整治高层建筑。全面排查高层建筑消防设施。县住建局为牵头单位，县消防救援大队、各乡镇为配合单位。

（二）整治电动自行车。清理违规停放充电。县消防救援大队牵头，县市场监管局、县公安局等部门配合。

（三）整治养老机构。开展消防安全检查。县民政局为责任单位。
"""


def test_units_named_as_lead_and_helping_units_in_prose():
    tasks = extract_text(LABELLED_IN_PROSE).tasks
    t = _task(tasks, "全面排查高层建筑")
    assert t.lead_units == ("县住建局",)
    assert t.co_units == ("县消防救援大队", "各乡镇")
    assert "牵头单位" not in t.text
    t = _task(tasks, "清理违规停放充电")
    assert t.lead_units == ("县消防救援大队",)
    assert t.co_units == ("县市场监管局", "县公安局")
    t = _task(tasks, "开展消防安全检查")
    assert t.lead_units == ("县民政局",)
    assert len(tasks) == 3
