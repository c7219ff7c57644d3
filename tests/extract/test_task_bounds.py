"""Which parts of a measure document are tasks: an annex of rules of procedure after the measures
(its principles, its lists of materials and the applicant's steps are none; a step a unit takes by a
date is one), the closing provisions (validity, interpretation, precedence: none), a press copy that
lists the measures' titles before giving each (every section's paragraph is a measure), and a later
paragraph of an article that hands the rules of what the article laid down to a body (前款…由X制定:
a task of that body's, in either script).

The texts are written for these tests in the genre of cities' and counties' measures, their press
copies and provinces' regulations; they are no document's.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.normalise import to_simplified


def _tasks(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(t.text, tuple(t.lead_units), tuple(t.co_units)) for t in extract_text(text).tasks]


MEASURES_WITH_RULES = """某某市关于支持居民改善住房条件的若干措施
一、支持合理购房需求
（一）发放购房补贴。对在本市新购买新建商品住房的家庭给予购房补贴，市住建局负责落实。
（二）提高贷款额度。提高住房公积金贷款额度，市住房公积金中心负责落实。
附件
某某市购房补贴实施细则
一、基本原则
（一）坚持便民利民原则
（二）坚持依法依规原则
二、申请材料
1.《购房补贴申请表》（原件）；
2.购房人身份证明（核原件，收复印件）；
3.不动产权证书复印件。
三、办理流程
（一）申请。购房人于2024年3月10日前向所在区住建局提交申请材料。
（二）审核。市住建局负责资格审查，于3月25日前完成。
（三）拨付。市财政局于4月底前将补贴资金拨付到位。
"""


def test_an_annex_of_rules_of_procedure_gives_only_the_steps_units_take() -> None:
    texts = [text for text, _, _ in _tasks(MEASURES_WITH_RULES)]
    assert texts == [
        "对在本市新购买新建商品住房的家庭给予购房补贴，市住建局负责落实。",
        "提高住房公积金贷款额度，市住房公积金中心负责落实。",
        "市住建局负责资格审查，于3月25日前完成。",
        "市财政局于4月底前将补贴资金拨付到位。",
    ]


def test_an_annex_guide_opened_by_a_preamble_gives_only_the_units_steps() -> None:
    text = """某某区关于支持企业招用重点群体的若干措施
一、给予吸纳就业补贴。对吸纳重点群体就业的企业给予补贴，区人社局负责落实。
附件
某某区吸纳就业补贴申请指南
为规范补贴申领工作，制定本指南。
一、申请对象
在本区依法登记的各类企业。
二、办理步骤
（一）申请。企业向区人社局提交申请材料。
（二）审核。区人社局在10个工作日内完成审核。
"""
    assert [text for text, _, _ in _tasks(text)] == [
        "对吸纳重点群体就业的企业给予补贴，区人社局负责落实。",
        "区人社局在10个工作日内完成审核。",
    ]


def test_a_part_listing_the_materials_of_an_application_gives_no_task() -> None:
    text = """某某县关于支持农业经营主体发展的若干措施
一、扶持家庭农场。对新认定的示范家庭农场给予奖励，县农业农村局负责落实。
二、申报材料
（一）示范家庭农场申报表；
（二）营业执照复印件；
（三）土地流转合同复印件。
三、强化金融支持。县金融服务中心要引导银行机构加大信贷投放。
"""
    assert [lead for _, lead, _ in _tasks(text)] == [("县农业农村局",), ("县金融服务中心",)]


CLOSING = """某某县关于支持农业产业化发展的若干措施
一、扶持龙头企业。对新认定的省级龙头企业给予奖励，县农业农村局牵头负责。
二、加强金融支持。县金融办要引导金融机构加大信贷投放。
三、本政策措施自2024年1月1日起施行，有效期至2025年12月31日。
四、本意见执行中的具体问题由县住建局会同有关单位负责解释。
五、现行文件与本措施不一致的，以本措施为准。
六、国家和省另有规定的，从其规定。
七、《某某县农业产业化扶持办法》（某政发〔2019〕5号）同时废止。
八、执行期限为2024年1月1日至2025年12月31日。
"""


def test_closing_provisions_are_no_tasks() -> None:
    assert [lead for _, lead, _ in _tasks(CLOSING)] == [("县农业农村局",), ("县金融办",)]


def test_a_closing_paragraph_below_the_last_noted_item_is_no_task() -> None:
    text = """某某区促进消费的若干措施
一、激发消费活力
（一）发放消费券。面向全区居民发放消费券。（责任单位：区商务局）
二、丰富消费场景
（二）举办促消费活动。组织商贸企业开展让利促销。（责任单位：区商务局、区文旅局）
本措施自2024年5月1日起实施，有效期至2025年4月30日。
附件
某某区消费券发放安排
一、发放对象
（一）全区常住居民。
"""
    texts = [text for text, _, _ in _tasks(text)]
    assert texts[:2] == ["面向全区居民发放消费券。", "组织商贸企业开展让利促销。"]
    assert not any("有效期" in t for t in texts)


def test_a_measure_that_extends_a_policy_stays_a_task() -> None:
    text = "一、延长稳岗政策。将稳岗返还政策有效期延长至2024年底，区人社局负责落实。\n二、本措施自印发之日起施行。\n"
    assert [lead for _, lead, _ in _tasks(text)] == [("区人社局",)]


def test_a_measure_citing_another_texts_validity_or_bounded_by_its_own_stays_a_task() -> None:
    text = (
        "一、稳定外资。对新设外资企业，按照《某市稳外资若干措施》（自2022年1月1日起施行，有效期3年）"
        "要求继续给予奖励。（责任单位：市商务局）\n"
        "二、分期缴纳出让金。在本政策有效期内出让的用地，可分期缴纳土地出让金。（责任单位：市自然资源局）\n"
        "三、本措施自印发之日起施行。\n"
    )
    assert [lead for _, lead, _ in _tasks(text)] == [("市商务局",), ("市自然资源局",)]


PRESS_COPY = """我市出台稳经济若干措施
近日，市政府印发《关于进一步稳定经济增长的若干措施》（以下简称《措施》）。
《措施》共有五条举措：
一、加大企业纾困力度；
二、扩大有效投资；
三、促进消费恢复；
四、稳定外贸外资；
五、强化要素保障。
具体内容如下：
一、加大企业纾困力度
落实减税降费政策，对小微企业给予房租减免。
（1）对困难企业缓缴社会保险费；
（2）加大稳岗补贴发放力度。
二、扩大有效投资
加快重大项目建设，推进项目早开工早投产。
三、促进消费恢复
组织开展促消费活动，发放消费券。
四、稳定外贸外资
帮助外贸企业拓展市场，稳定外资企业经营。
五、强化要素保障
保障重大项目用地需求。
"""


def test_each_section_of_a_press_copy_after_its_list_of_titles_is_a_measure() -> None:
    texts = [text for text, _, _ in _tasks(PRESS_COPY)]
    for paragraph in (
        "落实减税降费政策，对小微企业给予房租减免。",
        "加快重大项目建设，推进项目早开工早投产。",
        "组织开展促消费活动，发放消费券。",
        "帮助外贸企业拓展市场，稳定外资企业经营。",
        "保障重大项目用地需求。",
    ):
        assert paragraph in texts
    assert not any("举措" in t for t in texts)


REGULATION = """某某省农村供水条例
第一条 为了保障农村供水安全，根据有关法律、行政法规，结合本省实际，制定本条例。
第二条 本条例适用于本省行政区域内农村供水工程的建设、运行和管理。
第三条 县级以上人民政府应当加强对农村供水工作的领导。
前款所列的保障措施，由省人民政府另行制定具体办法。
第四条 供水单位应当建立水质检测制度。
前款规定的检测频次标准由市、县人民政府具体规定。
第五条 农村供水工程划分为集中式和分散式。
前款第（二）项规定涉及跨县供水的，由省水行政主管部门另行规定。
第六条 单位和个人应当节约用水。
前款规定以外的事项，可以由常务委员会制定地方性法规。
第七条 本条例自2024年1月1日起施行。
"""


def test_a_later_paragraph_handing_rules_to_a_body_is_its_task() -> None:
    tasks = _tasks(REGULATION)
    assert ("前款所列的保障措施，由省人民政府另行制定具体办法。", ("省人民政府",), ()) in tasks
    assert ("前款规定的检测频次标准由市、县人民政府具体规定。", ("市人民政府", "县人民政府"), ()) in tasks
    assert (
        "前款第（二）项规定涉及跨县供水的，由省水行政主管部门另行规定。",
        ("省水行政主管部门",),
        (),
    ) in tasks
    assert not any("常务委员会" in text for text, _, _ in tasks)  # a power to legislate, no duty


def test_a_later_paragraph_of_a_law_in_traditional_script_is_a_task_too() -> None:
    text = """某某服務法
第一條 為健全服務體系，特制定本法。
第二條 中央主管機關應建立服務資源之資訊系統。
第三條 地方主管機關應辦理轄區內服務之規劃。
第四條 服務機構應依規定設置專任人員。
前項所稱專任人員之資格，由中央主管機關會同中央目的事業主管機關定之。
第五條 地方主管機關應定期辦理服務機構之評鑑。
第六條 本法自公布日施行。
"""
    tasks = [
        (to_simplified(t), tuple(map(to_simplified, lead)), tuple(map(to_simplified, co)))
        for t, lead, co in _tasks(text)
    ]
    assert (
        "前项所称专任人员之资格，由中央主管机关会同中央目的事业主管机关定之。",
        ("中央主管机关",),
        ("中央目的事业主管机关",),
    ) in tasks
    assert not any("本法" in t for t, _, _ in tasks)  # a law's purpose and start (本法: a statute) are none


POLICY_LIST = """某省支持实体经济发展政策清单
一、产业发展支持政策（2条）
二、科技创新支持政策（1条）
一、产业发展支持政策（2条）
1.对新建先进制造业项目给予贴息支持，省财政厅负责。
2.对新认定的专精特新企业给予奖励，省经信厅负责。
二、科技创新支持政策（1条）
1.对新建省级研发中心给予补助，省科技厅负责。
"""


def test_a_part_title_restated_over_its_items_is_no_task() -> None:
    texts = [text for text, _, _ in _tasks(POLICY_LIST)]
    assert len(texts) == 3
    assert not any("支持政策" in t for t in texts)
