"""Places named by their role in a pilot as the subject of a duty: several joined by 和/及
("试点省份和试点城市要…"), and with 需 (需要) as the modal ("试点地区需于6月底前…"). Each place answers
for the work (SCHEMA: a subject that names the doer is the task's unit); 所需 (what is needed) and 需求
are no modal.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text

TEXT = """某部关于开展城市更新试点工作的通知

各省、自治区、直辖市住房和城乡建设厅（委）：

为推进城市更新工作，现就开展试点工作通知如下。

一、试点内容
（一）探索统筹谋划机制。试点省份和试点城市要建立城市更新工作协调机制，加强统筹协调。
（二）完善政策支持。试点地区需于2031年6月底前制定城市更新实施方案，报我部备案。
（三）完成系统改造。示范县及示范市需要在2031年底前完成系统改造。
（四）规范经费保障。试点所需经费由各试点地区财政部门统筹解决。
"""


def test_pilot_places_joined_and_with_need_as_the_modal() -> None:
    leads = [t.lead_units for t in extract_text(TEXT).tasks]
    assert leads == [
        ("试点省份", "试点城市"),
        ("试点地区",),
        ("示范县", "示范市"),
        ("各试点地区财政部门",),
    ]
