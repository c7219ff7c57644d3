"""Work plans of unit duties and dated stages (outline): a heading that is a unit's name over its
duties, and a stage heading dated by a period over the work of the stage. Made-up texts."""

from __future__ import annotations

from taizhang.extract import extract_text

PLAN = """某县关于开展餐饮场所燃气安全专项整治的工作方案

为加强餐饮场所燃气安全管理，制定本方案。

一、工作目标
全面消除餐饮场所燃气安全隐患。

二、部门职责
（一）县应急管理局
1.督促餐饮单位落实安全责任。
2.组织开展应急演练。
（二）县市场监管局
依法查处不合格燃气具。配合开展联合检查。

三、实施步骤
（一）排查整治阶段（2023年5月10日—8月31日）
全面排查餐饮场所燃气隐患，建立整改台账。
（二）巩固提升阶段（9月1日—11月30日）
开展整改情况复查，建立长效管理制度。
"""


def _tasks() -> list[tuple[str, tuple[str, ...], tuple[str, int, int | None] | None]]:
    out = []
    for t in extract_text(PLAN).tasks:
        d = t.deadline
        out.append((t.text, t.lead_units, None if d is None else (d.kind, d.year or 0, d.month)))
    return out


def test_items_under_a_unit_heading_are_its_duties() -> None:
    # 应急 in 县应急管理局 is part of the name, not the modal 应; a short item is a duty, not a title
    tasks = _tasks()
    assert ("督促餐饮单位落实安全责任。", ("县应急管理局",), None) in tasks
    assert ("组织开展应急演练。", ("县应急管理局",), None) in tasks


def test_a_stage_dated_by_days_dates_its_work() -> None:
    tasks = {text: (lead, d) for text, lead, d in _tasks()}
    assert tasks["全面排查餐饮场所燃气隐患，建立整改台账。"][1] == ("month", 2023, 8)
    # a period with no year is of the document's year
    assert tasks["开展整改情况复查，建立长效管理制度。"][1] == ("month", 2023, 11)


STAGES = """某市关于开展电动自行车安全隐患集中整治的实施方案

为加强电动自行车安全管理，制定本方案。

一、时间安排
第一阶段：动员部署（2024年3月1日—3月20日）
各区制定具体工作方案，召开部署会议，明确责任分工。
第二阶段（3月21日—8月31日）
全面开展集中排查整治，严查违规停放充电行为。
"""


def test_stage_lines_head_their_work() -> None:
    found = {t.text: t.deadline for t in extract_text(STAGES).tasks}
    first = found["各区制定具体工作方案，召开部署会议，明确责任分工。"]
    assert first is not None and (first.kind, first.year, first.month) == ("month", 2024, 3)
    second = found["全面开展集中排查整治，严查违规停放充电行为。"]
    assert second is not None and (second.kind, second.year, second.month) == ("month", 2024, 8)


STEPS = """某镇2023年河道综合整治工作方案

一、实施步骤
（一）摸底排查阶段（2023年4月底前）
1.各村全面排查河道问题，建立问题清单。
2.镇水务站牵头汇总排查情况。
（二）集中整治阶段（5月1日—10月31日）
1.各村开展河道清淤保洁。
2.镇城建办加快推进护岸修复。
"""


def test_short_steps_under_a_dated_stage_are_tasks() -> None:
    found = {t.text: t for t in extract_text(STEPS).tasks}
    step = found["各村开展河道清淤保洁。"]
    assert step.lead_units == ("各村",)
    assert step.deadline is not None and (step.deadline.year, step.deadline.month) == (2023, 10)
    assert found["镇城建办加快推进护岸修复。"].lead_units == ("镇城建办",)


BLOCKS = """某区关于加强公园绿地管理的实施方案

一、工作目标
提升公园绿地管理水平。

二、职责分工
区绿化市容局
负责公园绿地日常养护的监督考核。
区财政局
负责落实公园养护所需资金。
各街道
负责辖区内绿地的巡查管护。
"""


def test_unit_name_lines_head_their_duties() -> None:
    found = {t.text: t.lead_units for t in extract_text(BLOCKS).tasks}
    assert found["负责公园绿地日常养护的监督考核。"] == ("区绿化市容局",)
    assert found["负责落实公园养护所需资金。"] == ("区财政局",)
    assert found["负责辖区内绿地的巡查管护。"] == ("各街道",)


SIGNED = """某县关于推进农贸市场改造提升的通知

一、主要任务
（一）改造提升农贸市场5家。（县商务局牵头，各乡镇配合）
（二）规范市场周边交通秩序。（县公安局牵头）

二、工作要求
各乡镇要加强组织领导，确保按期完成任务。

某县人民政府办公室
2023年3月15日
"""


def test_the_signature_is_no_task() -> None:
    texts = [t.text for t in extract_text(SIGNED).tasks]
    assert "各乡镇要加强组织领导，确保按期完成任务。" in texts
    assert not any("2023年3月15日" in t for t in texts)
