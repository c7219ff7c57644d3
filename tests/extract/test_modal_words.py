"""The modal verbs of duty, written once (units.DUTY_MODALS and the patterns built from it): 要 lays a
duty, the 要 of 重要, 主要, 需要 does not, in every reader.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

from taizhang.extract import extract_text
from taizhang.extract.articles import _MODAL_BY
from taizhang.extract.outline import _NOTICE_VERB
from taizhang.extract.units import DUTY_MODALS, DUTY_VERB, MODAL

TEXT = """某区关于做好排水设施防汛工作的通知

各镇、街道:
为做好今年汛期排水设施安全工作,现就有关事项通知如下:
一、落实管理责任
(一)确保泵站供电安全
供电的稳定对泵站的安全运行至关重要,一旦断电将造成道路积水。各泵站管理单位要提高泵站的供电保障能力,配备备用电源。
(二)加强日常巡查
各镇要组织人员加强汛期巡查,发现隐患及时处置。
"""


def test_a_statement_with_zhongyao_is_no_duty_of_its_own() -> None:
    tasks = extract_text(TEXT, name="notice.txt").tasks
    assert not any(t.text.startswith("供电的稳定") and t.text.endswith("积水。") for t in tasks)
    [duty] = [t for t in tasks if "备用电源" in t.text]
    assert duty.lead_units == ("各泵站管理单位",)


def test_the_readers_of_modal_verbs_share_one_list() -> None:
    assert all(_MODAL_BY.match(w + "由") for w in DUTY_MODALS)
    for w in DUTY_MODALS:
        assert MODAL.search(w) and DUTY_VERB.match(w) and _NOTICE_VERB.search(w)
    for word in ("重要", "主要", "需要", "应急", "供应"):
        assert MODAL.search(word) is None and _NOTICE_VERB.search(word) is None
