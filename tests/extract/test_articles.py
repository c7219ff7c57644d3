"""Regulations written as articles (第N条) and ministries' letters to their addressees.

The texts are written for these tests: they follow the conventions of such documents, not any
one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import parse_law_units, parse_units

REGULATION = """某市河道保洁管理条例

第一章　总则

第一条　为了加强河道保洁管理，改善水环境，根据有关法律、法规，结合本市实际，制定本条例。

第二条　本市行政区域内河道的保洁及其监督管理，适用本条例。

第三条　本条例所称河道保洁，是指对河道水面漂浮物的清除。

第四条　市、县（区）人民政府应当将河道保洁工作纳入年度考核，所需经费列入本级财政预算。

市、县（区）人民政府水行政主管部门负责本行政区域内河道保洁的监督管理工作。

财政、生态环境、农业农村等部门应当按照各自职责做好河道保洁相关工作。

村（居）民委员会协助做好河道保洁工作。

第五条　任何单位和个人不得向河道倾倒垃圾。

第六条　水行政主管部门应当会同生态环境等部门制定河道保洁作业规范；乡镇人民政府应当组织落实本辖区河道的日常保洁。

第七条　公众发现向河道倾倒垃圾的，可以向水行政主管部门举报。

各级人民政府及其有关部门接到举报后，应当及时处理。

第八条　鼓励社会力量参与河道保洁。保洁经费的具体管理办法由市人民政府制定。

第九条　城市管理部门负责河道沿岸违法搭建的查处，公安、交通运输部门予以配合。

第二章　法律责任

第十条　市生态环境部门负责河道水质监测，市农业农村部门负责沿河农业面源污染治理。

第十一条　对河道保洁实行以下保障措施：

（一）市财政部门将河道保洁经费纳入年度预算；

（二）鼓励保洁作业单位采用机械化作业。

第十二条　违反本条例第五条规定的，由水行政主管部门责令改正，处五百元以上二千元以下罚款。

第十三条　本条例自2025年1月1日起施行。
"""


class RegulationTestCase:
    def setup_method(self) -> None:
        self.tasks = extract_text(REGULATION).tasks

    def test_only_the_sentences_that_lay_a_duty_on_a_body_are_tasks(self) -> None:
        texts = [t.text for t in self.tasks]
        assert len(texts) == 12
        assert not any(("制定本条例" in x or "适用本条例" in x or "所称" in x) for x in texts)
        assert not any("任何单位和个人" in x or "罚款" in x or "可以向" in x for x in texts)

    def test_each_paragraph_of_an_article_is_its_own_task_with_its_own_units(self) -> None:
        def lead(opening: str) -> tuple[str, ...]:
            (task,) = [t for t in self.tasks if t.text.startswith(opening)]
            return task.lead_units

        assert lead("市、县（区）人民政府应当") == ("市人民政府", "县（区）人民政府")
        assert lead("市、县（区）人民政府水行政") == (
            "市人民政府水行政主管部门",
            "县（区）人民政府水行政主管部门",
        )
        assert lead("财政、生态环境") == ("财政部门", "生态环境部门", "农业农村部门")
        assert lead("村（居）民委员会") == ("村民委员会", "居民委员会")

    def test_a_semicolon_separates_the_duties_of_two_bodies_and_会同_names_co_units(self) -> None:
        (rules,) = [t for t in self.tasks if t.text.startswith("水行政主管部门")]
        assert rules.lead_units == ("水行政主管部门",)
        assert rules.co_units == ("生态环境部门",)
        (towns,) = [t for t in self.tasks if t.text.startswith("乡镇人民政府")]
        assert towns.lead_units == ("乡镇人民政府",)

    def test_a_duty_after_a_lead_in_and_a_detail_handed_to_a_body(self) -> None:
        (reports,) = [t for t in self.tasks if "接到举报后" in t.text]
        assert reports.lead_units == ("各级人民政府", "有关部门")
        (detail,) = [t for t in self.tasks if "具体管理办法" in t.text]
        assert detail.lead_units == ("市人民政府",)

    def test_the_bodies_that_help_with_a_duty_are_its_co_units(self) -> None:
        (task,) = [t for t in self.tasks if t.text.startswith("城市管理部门")]
        assert task.lead_units == ("城市管理部门",)
        assert task.co_units == ("公安部门", "交通运输部门")

    def test_two_bodies_with_a_duty_each_in_one_sentence_are_two_tasks(self) -> None:
        (water,) = [t for t in self.tasks if t.text.startswith("市生态环境部门")]
        assert water.lead_units == ("市生态环境部门",) and "面源" not in water.text
        (farms,) = [t for t in self.tasks if t.text.startswith("市农业农村部门")]
        assert farms.lead_units == ("市农业农村部门",)

    def test_the_items_of_a_list_with_no_body_in_its_opening_are_read_one_by_one(self) -> None:
        (budget,) = [t for t in self.tasks if "纳入年度预算" in t.text]
        assert budget.lead_units == ("市财政部门",) and "保障措施" not in budget.text
        assert not any("机械化作业" in t.text for t in self.tasks)

    def test_the_body_named_after_由_or_as_the_competent_authority_answers_for_the_work(self) -> None:
        text = """某市湿地保护办法

第一条　为了保护湿地，制定本办法。

第二条　市人民政府林业部门（以下称市湿地管理部门）是本市湿地保护的主管部门。

第三条　湿地的调查、监测由市湿地管理部门按统一规范进行。

第四条　重要湿地以外的湿地，分别由所在地的乡镇人民政府负责日常巡护。

第五条　湿地的日常保洁由湿地使用者负责。

第六条　本办法自2025年1月1日起施行。
"""
        tasks = extract_text(text).tasks
        assert [t.lead_units for t in tasks] == [
            ("市人民政府林业部门",),
            ("市湿地管理部门",),
            ("乡镇人民政府",),
        ]

    def test_a_set_of_measures_is_not_read_as_a_regulation(self) -> None:
        text = REGULATION.replace("制定本条例", "制定本措施").replace("本条例自", "本措施自")
        texts = [t.text for t in extract_text(text).tasks]
        assert any("适用本条例" in x for x in texts)  # the outline reads every article as a measure

    def test_rules_of_support_that_lay_no_duty_on_a_body_are_read_as_measures(self) -> None:
        text = """某区促进楼宇经济发展扶持办法

第一条　为促进楼宇经济发展，制定本办法。

第二条　对新引进的总部企业，给予一次性落户奖励。

第三条　对年度税收首次超过一亿元的楼宇，给予运营主体奖励。

第四条　对改造提升的老旧楼宇，给予改造费用补贴。

第五条　本办法自2025年1月1日起施行。
"""
        texts = [t.text for t in extract_text(text).tasks]
        assert any("总部企业" in x for x in texts) and any("老旧楼宇" in x for x in texts)


LETTER = """某部办公厅关于做好农村公路养护检查工作的通知

各省、自治区、直辖市交通运输厅（局、委），新疆生产建设兵团交通运输局：

为掌握农村公路养护情况，现就有关事项通知如下：

一、请你厅（局）于2025年6月底前组织完成本地区农村公路养护自查，形成自查报告。

二、请各地结合自查发现的问题，制定整改清单，逐项落实整改措施。

三、我部将适时组织抽查。

某部办公厅
2025年3月1日
"""


class LetterTestCase:
    def test_the_work_requested_of_the_addressees_is_theirs(self) -> None:
        tasks = extract_text(LETTER).tasks
        assert [t.text[:5] for t in tasks] == ["于2025", "结合自查发"]
        for t in tasks:
            assert t.lead_units == ("各省、自治区、直辖市交通运输厅（局、委）", "新疆生产建设兵团交通运输局")
        assert tasks[0].deadline is not None and (tasks[0].deadline.year, tasks[0].deadline.month) == (
            2025,
            6,
        )

    def test_a_letter_whose_outline_names_units_keeps_them(self) -> None:
        text = LETTER.replace("二、请各地结合", "二、各单位要结合")
        tasks = extract_text(text).tasks
        assert [t.lead_units for t in tasks if t.text.startswith("各单位")] == [("各单位",)]

    def test_a_reply_hands_its_work_to_the_body_it_answers(self) -> None:
        text = """某部关于同意开展智慧港口试点的复函

某省交通运输厅报来的《关于申请开展智慧港口试点的请示》收悉。经研究，同意你厅开展试点。\
请按照试点管理办法的要求，细化实施方案，加强组织保障，按期完成试点任务。

某部
2024年5月6日
"""
        (task,) = extract_text(text).tasks
        assert task.text.startswith("细化实施方案")
        assert task.lead_units == ("某省交通运输厅",)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("市、县（市、区）人民政府", ["市人民政府", "县（市、区）人民政府"]),
        ("省、市人民政府生态环境主管部门", ["省人民政府生态环境主管部门", "市人民政府生态环境主管部门"]),
        ("市、县（市、区）文明建设指导机构", ["市文明建设指导机构", "县（市、区）文明建设指导机构"]),
        ("公安、交通、应急等行政执法部门", ["公安行政执法部门", "交通行政执法部门", "应急行政执法部门"]),
        ("区住房建设、财政等部门", ["区住房建设部门", "区财政部门"]),
        ("各级人民政府及其有关部门", ["各级人民政府", "有关部门"]),
        ("镇人民政府以及街道办事处", ["镇人民政府", "街道办事处"]),
        ("区发展改革委、区财政局等部门", ["区发展改革委", "区财政局"]),
        ("市场监管局", ["市场监管局"]),
        ("有关部门、单位", ["有关部门", "有关单位"]),
        ("各部门、单位", ["各部门", "各单位"]),
    ],
)
def test_names_of_bodies_as_regulations_write_them(written: str, expected: list[str]) -> None:
    assert parse_law_units(written) == expected


def test_plans_keep_the_fields_of_a_list_closed_by_a_kind_of_body() -> None:
    """Outside laws and regulations the fields stand for the bureaus (发改、财政等部门要…)."""
    assert parse_units("发改、财政、房管等部门") == ["发改", "财政", "房管"]
    assert parse_law_units("发改、财政、房管等部门") == ["发改部门", "财政部门", "房管部门"]


# A city's policy of support written in articles, most offering support, two naming a body's duty.
# (Made up.)
_POLICY_IN_ARTICLES = """某市促进先进制造业发展若干政策
第一条 为推动先进制造业高质量发展,制定本办法。
第二条 支持企业技术改造。对年度设备投资500万元以上的技术改造项目,按设备投资额的10%给予补助。
第三条 鼓励企业上规模。对首次纳入规模以上统计的工业企业,给予一次性奖励10万元。
第四条 支持人才引进。对新引进的高层次人才,给予最高100万元安家补贴。
第五条 支持首台套应用。对首台(套)重大技术装备,按售价的20%给予奖励。
第六条 强化要素保障。市自然资源局应当优先保障重点项目用地。
第七条 市财政局负责统筹安排政策资金。
第八条 本办法自2031年1月1日起施行,由市工业和信息化局负责解释。
"""


def test_a_policy_in_articles_reads_each_measure_not_only_the_duties():
    tasks = extract_text(_POLICY_IN_ARTICLES).tasks
    texts = [t.text for t in tasks]
    assert len(tasks) == 6
    assert any("技术改造项目" in x for x in texts) and any("首台(套)" in x for x in texts)
    assert [t.lead_units for t in tasks if t.lead_units] == [("市自然资源局",), ("市财政局",)]
    assert not any("制定本办法" in x or "起施行" in x for x in texts)
