"""A body a regulation defines ("X是…机关") and whom it answers to ("对人民负责") lays no task; a body
defined and then charged with work ("…,负责…") or named a body responsible ("…的责任主体") does.

The texts are written for these tests after the conventions of local congresses' and governments'
regulations, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

REGULATION = """某市基层代表大会工作规定

第一条　为了规范基层代表大会工作，根据有关法律，结合本市实际，制定本规定。

第二条　乡、民族乡、镇（以下简称乡镇）人民代表大会是基层地方国家权力机关，由选民直接选举的代表组成，对人民负责，受人民监督。

第三条　市档案馆是市人民政府的档案保管机构，负责收集本市的档案。

第四条　县级以上人民政府是本行政区域安全生产的责任主体，对本行政区域的安全生产负责。

第五条　乡镇人民政府应当对本级人民代表大会负责并报告工作。

第六条　本规定自2026年1月1日起施行。
"""


def test_a_definition_and_whom_the_body_answers_to_are_no_task() -> None:
    refs = [t.ref for t in extract_text(REGULATION, name="规定.txt").tasks]
    assert "第二条" not in refs
    assert {"第三条", "第四条", "第五条"} <= set(refs)
