"""News copies of a work report's or a five-year plan's tasks: short headed paragraphs with no
numbers and no units under an unnumbered heading that says they are the work to do. Each paragraph
is a task whose measure is its heading line; the review part, the title, the dateline, the captions
and a short sentence of its own give none.

The texts are written for these tests: they follow the layout news sites and government accounts
give such copies (a title, "今后五年的主要任务" / "2025年重点工作", a short heading over each
paragraph), not any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

PLAN_COPY = """某市政府工作报告提出今后五年发展蓝图
2026年1月10日
过去五年工作回顾
综合实力大幅跃升
地区生产总值年均增长6%,财政收入突破300亿元,综合实力迈上新台阶。
产业结构持续优化
战略性新兴产业增加值占规上工业比重提高到30%,一批重大项目建成投产。
今后五年的主要任务
强化科技支撑
推进科技园区建设,力争全社会研发经费投入年均增长15%以上,高新技术企业增加到1000家以上。
壮大实体经济
全力推动制造业提质增效,力争数字经济规模占地区生产总值比重突破40%。
增进民生福祉
新建改扩建中小学30所,建成区域医疗中心,持续提高城乡居民收入水平。
"""


def _tasks(text: str):
    return extract_text(text, name="headed.txt").tasks


def test_each_headed_paragraph_of_the_task_part_is_a_task_with_its_heading_as_measure() -> None:
    tasks = _tasks(PLAN_COPY)
    assert [t.measure for t in tasks] == ["强化科技支撑", "壮大实体经济", "增进民生福祉"]
    assert tasks[0].text.startswith("推进科技园区建设")
    assert tasks[0].text.endswith("高新技术企业增加到1000家以上。")
    assert all(not t.lead_units and not t.co_units for t in tasks)


def test_the_review_part_title_and_dateline_give_no_task() -> None:
    texts = " ".join(t.text for t in _tasks(PLAN_COPY))
    assert "地区生产总值年均增长6%" not in texts
    assert "战略性新兴产业增加值" not in texts
    assert "今后五年发展蓝图" not in texts


def test_a_review_with_headed_paragraphs_and_no_task_part_gives_no_task() -> None:
    review = PLAN_COPY.split("今后五年的主要任务")[0]
    assert _tasks(review) == ()


def test_a_year_plan_heading_opens_the_task_part() -> None:
    text = """某区2025年政府工作报告要点
2025年重点工作
扩大有效投资
全年实施重点项目120个,完成投资200亿元以上,新开工项目40个。
做强实体经济
新增规上工业企业50家,推动传统产业数字化改造,培育专精特新企业。
"""
    assert [t.measure for t in _tasks(text)] == ["扩大有效投资", "做强实体经济"]


def test_a_short_sentence_of_its_own_or_a_signature_is_no_heading() -> None:
    text = """今后五年的主要任务
新的一年,我们这样干。
推进科技园区建设,力争全社会研发经费投入年均增长15%以上,高新技术企业增加到1000家以上。
某市人民政府办公室
全力推动制造业提质增效,力争数字经济规模占地区生产总值比重突破40%,建成一批产业集群。
"""
    assert _tasks(text) == ()


def test_one_headed_paragraph_alone_is_no_list() -> None:
    text = """某市新闻
今后五年的主要任务
强化科技支撑
推进科技园区建设,力争全社会研发经费投入年均增长15%以上,高新技术企业增加到1000家以上。
"""
    assert _tasks(text) == ()


def test_a_task_part_may_open_with_a_paragraph_of_its_own() -> None:
    text = """某县政府工作报告摘要
过去五年工作回顾
五年来,全县地区生产总值年均增长7%,城乡面貌发生显著变化。
今后五年的主要任务
今后五年,我们将重点抓好以下工作:
坚持工业强县
做大做强主导产业,力争规上工业增加值年均增长10%,培育百亿级产业集群2个。
推进乡村振兴
建设高标准农田10万亩,打造一批美丽乡村示范村,持续提高农民收入。
"""
    tasks = _tasks(text)
    assert [t.measure for t in tasks] == ["坚持工业强县", "推进乡村振兴"]
    assert "年均增长7%" not in " ".join(t.text for t in tasks)


def test_a_numbered_part_of_tasks_reads_its_headed_paragraphs_with_its_ref() -> None:
    text = """某市政府工作报告
一、过去五年工作回顾
综合实力大幅跃升
地区生产总值年均增长6%,财政收入突破300亿元,综合实力迈上新台阶。
产业结构持续优化
战略性新兴产业增加值占规上工业比重提高到30%,一批重大项目建成投产。
二、今后五年的主要任务
强化科技支撑
推进科技园区建设,力争全社会研发经费投入年均增长15%以上,高新技术企业增加到1000家以上。
壮大实体经济
全力推动制造业提质增效,力争数字经济规模占地区生产总值比重突破40%。
"""
    tasks = _tasks(text)
    assert [(t.ref, t.measure) for t in tasks] == [("二", "强化科技支撑"), ("二", "壮大实体经济")]
