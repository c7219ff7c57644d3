"""The role words of a label of units (牵头单位:, 【配合单位】, 协同责任单位:), written once (units.LABEL_ROLES,
units.UNIT_ROLE_LABEL) and read alike wherever a label stands: on its own line, boxed in 【】, closing a
paragraph, or run on after a clause by a crawl.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.outline import (
    _BOXED_LABEL,
    _HELP_CLOSE,
    _HELPERS_AFTER,
    _LABEL_LINE,
    _TRAILING_NOTE,
    _UNIT_LABEL,
)
from taizhang.extract.pipeline import _COOPERATING, _HELP_WORD, _RUN_TOGETHER_BREAK, _TITLE_DUTY
from taizhang.extract.units import (
    _ROLE_NOTE,
    HELP_VERBS,
    LABEL_ROLES,
    NOTE_LEAD_ROLES,
)


@pytest.mark.parametrize(
    "label", [r + k for r in LABEL_ROLES for k in ("单位", "部门")] + ["协同责任单位", "主要责任单位"]
)
def test_every_reader_of_labels_knows_every_role(label: str) -> None:
    assert _UNIT_LABEL.match(label + ":")
    assert _LABEL_LINE.match("\n" + label + ":区民政局")
    assert _BOXED_LABEL.match("【" + label + "】")
    assert _TRAILING_NOTE.search("完善服务功能。" + label + ":区民政局")
    assert _RUN_TOGETHER_BREAK.search("完善服务功能。 " + label + ":区民政局")


@pytest.mark.parametrize("word", ["单位名称", "有关部门", "重点任务"])
def test_words_that_are_no_role_label(word: str) -> None:
    assert not _UNIT_LABEL.match(word + ":")
    assert not _BOXED_LABEL.match("【" + word + "】")


def test_a_bracketed_note_names_its_role() -> None:
    for role in NOTE_LEAD_ROLES:
        m = _ROLE_NOTE.search(f"区商务局({role})")
        assert m is not None and m["role"] == role
    assert _ROLE_NOTE.search("深圳(前海)") is None


def test_boxed_labels_give_lead_co_and_deadline() -> None:
    text = (
        "某区养老服务提升行动方案\n一、完善设施\n"
        "（一）建设社区养老服务中心。新建社区养老服务中心5家，完善服务功能。"
        "【牵头单位】区民政局【协同单位】区卫生健康委【完成时限】2031年底前\n"
        "（二）推进适老化改造。完成困难老人家庭适老化改造200户。"
        "【牵头单位】区住房城乡建设委【参与单位】各街道【完成时限】2031年6月底前\n"
    )
    tasks = extract_text(text, name="plan.txt").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (("区民政局",), ("区卫生健康委",)),
        (("区住房城乡建设委",), ("各街道",)),
    ]
    assert [(t.deadline.year, t.deadline.month) for t in tasks if t.deadline] == [(2031, 12), (2031, 6)]


@pytest.mark.parametrize("verb", HELP_VERBS)
def test_every_reader_of_helping_knows_every_verb_of_help(verb: str) -> None:
    assert _HELP_WORD.search("其他单位要" + verb)
    assert _COOPERATING.match("各街镇应积极" + verb + "做好宣传")
    assert _HELPERS_AFTER.match(",各街道积极" + verb)
    assert _HELP_CLOSE.match("共同" + verb)


def test_no_verb_of_help_lays_a_duty_in_an_items_title() -> None:
    assert not _TITLE_DUTY & set(HELP_VERBS)
