"""Who a clause charges with work, when the words before the duty are no duty of a body.

- a regulation's conditional clause whose subject is the party it regulates ("<X>…的,<处理>": "各经营
  单位在…过程中存在…的,记入信用档案") lays no duty on X: only duties of bodies of the state are tasks
  (articles.py), and the conditional subject is none;
- a list after 提倡/鼓励/支持 names bodies encouraged, no unit charged with work (units.encouraged, the
  one definition, read by articles.law_names and by units.subject_and_verb alike);
- a word for a person ends in no body's word, so role_fallback's forms take none.

The texts are written for these tests in the form of local regulations and district plans.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.normalise import working_text
from taizhang.extract.role_fallback import _named_by_form, fallback_roles

REGULATION = """某市农贸市场管理条例

第一条 为了加强农贸市场管理,根据有关法律、法规,结合本市实际,制定本条例。

第二条 市商务主管部门负责本市农贸市场的监督管理工作。

第三条 区人民政府应当加强对农贸市场建设的统筹规划。

第四条 各经营单位在经营过程中存在违反食品安全规定行为的,记入信用档案。

第五条 接受政府补助的养老机构开展养老服务不足五年的,由民政部门责令改正。

第六条 市场监督管理部门在检查中发现违法行为的,应当及时查处。

第七条 县级以上人民政府对在农贸市场管理工作中做出显著成绩的,给予表彰。

第八条 本市提倡和鼓励居民委员会组织居民制定市场周边环境卫生公约。

第九条 本条例自2030年1月1日起施行。
"""


def test_the_subject_of_a_condition_is_no_doer() -> None:
    got = {t.text: t.lead_units for t in extract_text(REGULATION).tasks}
    assert not any(t.startswith(("各经营单位", "接受政府补助")) for t in got)
    # a body whose condition goes on with its own duty, and a body acting on whom 对 names, keep theirs
    assert got[next(t for t in got if t.startswith("市场监督管理部门在检查中"))] == ("市场监督管理部门",)
    assert got[next(t for t in got if t.startswith("县级以上人民政府对"))] == ("县级以上人民政府",)


def test_bodies_encouraged_by_the_place_itself_are_no_leads() -> None:
    tasks = extract_text(REGULATION).tasks
    assert not any("居民委员会" in u for t in tasks for u in t.lead_units)


PLAN = """关于推进社区环境治理的实施方案
一、工作任务
(一)发动社区参与。提倡和鼓励居民委员会组织居民制定环境卫生公约,动员居民参与治理。
(二)做好日常保洁。区绿化市容局要做好日常保洁。
"""


def test_bodies_encouraged_in_a_plan_are_no_leads() -> None:
    got = {t.text: t.lead_units for t in extract_text(PLAN).tasks}
    assert got[next(t for t in got if t.startswith("提倡和鼓励"))] == ()
    assert got[next(t for t in got if t.startswith("区绿化市容局"))] == ("区绿化市容局",)


@pytest.mark.parametrize(
    "person",
    [
        "各级领导干部",
        "各村干部",
        "各部门领导",
        "有关负责人",
        "各单位负责同志",
        "各镇书记",
        "相关县长",
        "各区人员",
    ],
)
def test_a_person_is_named_by_no_form(person: str) -> None:
    assert not _named_by_form(person)
    sentence = f"{person}要切实履行职责。"
    w = working_text(sentence)
    assert fallback_roles(sentence, w, 0, len(w)) == ((), ())
