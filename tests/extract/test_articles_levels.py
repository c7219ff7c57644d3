"""Provincial regulations that charge the departments of each level: levels named in words before
the body they share (省辖市, 设区的市), a department that 主管 the work of its area, the rules a
regulation hands to a body with 由X确定/规定/审批/提出, and a lead-in (经…批准) or a person (负责人)
that is no subject.

The texts are written for these tests: they follow the conventions of such documents (provinces'
实施办法 of national laws and their 条例), not any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.articles import law_names
from taizhang.extract.normalise import working_text

MEASURES = """某省实施《中华人民共和国某某法》办法

第一条　根据《中华人民共和国某某法》，结合本省实际，制定本办法。

第二条　省人民政府林业行政主管部门主管全省的林木种苗工作。

省辖市、县（市、区）人民政府林业行政主管部门主管本行政区域内的林木种苗工作。

第三条　省级林木种质资源保护区，由省、省辖市人民政府林业行政主管部门提出，报本级人民政府批准后公布。

第四条　重点保护的林木品种名录，由省人民政府林业行政主管部门确定并公布。

第五条　林木种子的进口由国务院林业行政主管部门或者省人民政府林业行政主管部门审批。

第六条　许可机关应当自受理申请之日起二十日内作出决定，逾期不能作出决定的，经本行政机关负责人批准，可以延长十日。

第七条　经济信息化、生态环境等行政管理部门应当将种苗生产纳入有关规划。

第八条　县级以上人民政府水行政主管部门（以下简称水行政部门）负责本行政区域内的水生态保护工作。

第九条　市、县（市、区）林木种苗工作委员会统一领导本行政区域内的林木种苗工作。

第十条　本办法自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def tasks():
    return extract_text(MEASURES).tasks


def _lead(tasks, opening: str) -> tuple[str, ...]:
    (task,) = [t for t in tasks if t.text.startswith(opening)]
    return task.lead_units


def test_a_department_that_主管_the_work_of_its_area(tasks) -> None:
    assert _lead(tasks, "省人民政府林业行政主管部门主管") == ("省人民政府林业行政主管部门",)
    assert _lead(tasks, "省辖市、县（市、区）") == (
        "省辖市人民政府林业行政主管部门",
        "县（市、区）人民政府林业行政主管部门",
    )


def test_what_a_regulation_hands_to_a_body_with_由(tasks) -> None:
    assert _lead(tasks, "省级林木种质资源保护区") == (
        "省人民政府林业行政主管部门",
        "省辖市人民政府林业行政主管部门",
    )
    assert _lead(tasks, "重点保护的林木品种名录") == ("省人民政府林业行政主管部门",)
    assert _lead(tasks, "林木种子的进口") == ("国务院林业行政主管部门", "省人民政府林业行政主管部门")


def test_a_body_that_领导_the_work_of_its_area(tasks) -> None:
    assert _lead(tasks, "市、县（市、区）林木种苗工作委员会") == (
        "市林木种苗工作委员会",
        "县（市、区）林木种苗工作委员会",
    )


def test_a_body_given_a_shorter_name_where_it_is_first_named(tasks) -> None:
    assert _lead(tasks, "县级以上人民政府水行政主管部门") == ("县级以上人民政府水行政主管部门",)


def test_a_lead_in_and_a_person_are_no_subject_but_经济_opens_a_body(tasks) -> None:
    assert _lead(tasks, "许可机关应当") == ("许可机关",)
    assert _lead(tasks, "经济信息化、生态环境等") == ("经济信息化行政管理部门", "生态环境行政管理部门")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "省、省辖市人民政府渔业行政主管部门",
            ["省人民政府渔业行政主管部门", "省辖市人民政府渔业行政主管部门"],
        ),
        ("省、设区的市人民政府", ["省人民政府", "设区的市人民政府"]),
        ("县、乡镇人民政府", ["县人民政府", "乡镇人民政府"]),
        (
            "县级以上人民政府农业农村、自然资源、生态环境等部门",
            ["县级以上人民政府农业农村部门", "县级以上人民政府自然资源部门", "县级以上人民政府生态环境部门"],
        ),
        ("县级以上人民政府发展改革、财政部门", ["县级以上人民政府发展改革部门", "县级以上人民政府财政部门"]),
        ("各级人民政府及其有关部门、人民团体", ["各级人民政府", "有关部门", "人民团体"]),
    ],
)
def test_levels_named_in_words(written: str, expected: list[str]) -> None:
    assert law_names(written, working_text(written)) == expected


REFERENCES = """某市文明出行促进条例

第一条　为了促进文明出行，根据有关法律、法规，结合本市实际，制定本条例。

第二条　市、区（县级市）文明出行促进委员会统筹推进本行政区域内的文明出行促进工作；其所属的文明出行工作机构负责文明出行促进工作的组织实施。

第三条　市交通运输主管部门负责文明出行宣传工作。

前款规定的部门应当定期公布文明出行指数。

第四条　其他有关部门应当按照各自职责做好文明出行促进工作。

第五条　本条例自2026年1月1日起施行。
"""


def test_a_body_named_by_what_the_article_said_before_it() -> None:
    tasks = extract_text(REFERENCES).tasks
    assert _lead(tasks, "其所属的") == ("市文明出行工作机构", "区（县级市）文明出行工作机构")
    assert _lead(tasks, "前款规定的部门") == ("市交通运输主管部门",)
    assert _lead(tasks, "其他有关部门") == ("其他有关部门",)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "市、县（区）人民政府发展改革、财政等部门",
            ["发展改革部门", "财政部门"],
        ),
        (
            "市、县（市、区）人民政府发展改革、工业和信息化、公安等有关部门",
            ["发展改革部门", "工业和信息化部门", "公安部门", "有关部门"],
        ),
        ("市、县（区）人民政府民政部门", ["市人民政府民政部门", "县（区）人民政府民政部门"]),
        ("市、县（区）人民政府有关部门", ["市人民政府有关部门", "县（区）人民政府有关部门"]),
        ("村（居）民委员会", ["村民委员会", "居民委员会"]),
        ("街道办事处和居（村）民委员会", ["街道办事处", "居民委员会", "村民委员会"]),
        ("接到投诉的有关部门", ["有关部门"]),
        ("工程所在地的县级人民政府", ["县级人民政府"]),
        ("作出处理决定的生态环境主管部门", ["生态环境主管部门"]),
        ("设区的市人民政府", ["设区的市人民政府"]),
        ("文明行为促进委员会的办事机构", ["文明行为促进委员会的办事机构"]),
        ("负责信息公示的机构", ["负责信息公示的机构"]),
    ],
)
def test_names_in_the_form_the_conventions_give(written: str, expected: list[str]) -> None:
    assert law_names(written, working_text(written)) == expected


_CONVENTIONS = """某市养老服务条例
第一条 为了规范养老服务,制定本条例。
第二条 市、县（区）人民政府民政部门负责本行政区域内的养老服务工作。
第三条 村（居）民委员会应当协助做好养老服务工作。
第四条 接到举报的有关部门应当及时调查处理。
第五条 项目所在地的县级人民政府应当做好征地补偿工作。
第六条 本条例自2031年1月1日起施行。
"""


def test_a_regulations_units_follow_the_conventions() -> None:
    leads = [t.lead_units for t in extract_text(_CONVENTIONS).tasks]
    assert leads == [
        ("市人民政府民政部门", "县（区）人民政府民政部门"),
        ("村民委员会", "居民委员会"),
        ("有关部门",),
        ("县级人民政府",),
    ]
