"""A unit's duty heading in a division of duties whose name carries an alias or a defined short name
in brackets before the colon ("（二）某办（某小组办）：…", "（四）甲公司、乙公司等分公司（简称“各运营商”）：…"):
the duty after the colon is the task, the unit (or the short name it is given) leads it, as the
plain heading "（一）某局：负责…" does.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

TEXT = """某县2033年城乡环境提升工作方案

一、工作目标
全面提升城乡环境面貌。
二、职责分工
（一）县住房城乡建设局：负责老旧小区外立面整治。
（二）县委组织部（县人才办）：根据整治进度，选派干部驻点指导；定期通报工作情况。
（三）县数据资源管理中心（县数据中心）：统筹建设环境问题线上受理平台。
（四）甲燃气公司、乙燃气公司等县域分公司（简称“各燃气企业”）：按照规范更换老化燃气管道。
三、保障措施
加强督促检查。
"""


def test_the_duty_after_an_aliased_heading_is_the_task_its_unit_leads() -> None:
    got = [(t.text, t.lead_units) for t in extract_text(TEXT).tasks]
    assert got == [
        ("负责老旧小区外立面整治。", ("县住房城乡建设局",)),
        ("根据整治进度，选派干部驻点指导；定期通报工作情况。", ("县委组织部（县人才办）",)),
        ("统筹建设环境问题线上受理平台。", ("县数据资源管理中心（县数据中心）",)),
        ("按照规范更换老化燃气管道。", ("各燃气企业",)),
    ]
