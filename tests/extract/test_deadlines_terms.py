"""A day-precise date that bounds a term is no task's deadline: the end of a period a measure runs
(自…之日起至2025年6月30日, 2024年1月1日至2024年12月31日), a policy or a benefit running (执行至, 延长至,
截至), or the cut-off of a condition on who benefits (在2026年6月30日前缴清契税的, 2023年12月31日前,
项目首次申请…的). A date the work is due by stays its deadline (于2023年3月25日前完成, 须在…前提交).
Sentences written here, in the way housing, finance and relief packages bound their benefits."""

from __future__ import annotations

import pytest

from taizhang.extract.deadlines import find_deadline
from taizhang.extract.normalise import working_text


def due(text: str, year: int = 2023) -> tuple[str, int | None, int | None] | None:
    d = find_deadline(working_text(text), text, year)
    return None if d is None else (d.kind, d.year, d.month)


@pytest.mark.parametrize(
    "text",
    [
        "自本措施印发之日起至2024年6月30日前，新取得的土地可不配建公共租赁住房。",
        "自本措施印发之日起至2024年6月30日，在城区购买新建商品住房的，给予购房款1%的补贴。",
        "发文之日起至2025年12月31日前，新区范围内成交的土地，可分期缴纳土地出让价款。",
        "2023年5月1日至2023年12月31日，在市区购买商品住宅并缴纳契税的，给予契税50%补贴。",
        "小规模纳税人减征政策执行至2024年12月31日。",
        "将阶段性降低失业保险费率政策延长至2024年4月30日。",
        "政策受理期限截至2023年12月31日。",
        "购买新建商品住房，并在2026年6月30日前缴清契税的，由县财政给予5000元/套补贴。",
        "2023年12月31日前，项目首次申请商品房预售许可的，形象进度仍执行原标准。",
        "2023年4月30日前，在市区购买商品住宅，并在此后缴纳契税的，给予契税20%补贴。",
        "对2024年3月31日之前供应、尚未开工的存量用地，支持调整规划条件。",
    ],
)
def test_a_date_bounding_a_term_is_no_deadline(text: str) -> None:
    assert due(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市住建局负责补贴资格审查和数据汇总，于2023年3月25日前完成。", ("month", 2023, 3)),
        ("房地产开发企业须在2023年3月10日前提交申请资料，未按期提交的，视为放弃。", ("month", 2023, 3)),
        ("2023年6月30日前，各街道对风险较大的房屋完成重点排查。", ("month", 2023, 6)),
        ("各牵头单位于2023年2月3日前将实施方案报送县政府督查室。", ("month", 2023, 2)),
    ],
)
def test_a_date_work_is_due_by_stays_its_deadline(
    text: str, expected: tuple[str, int | None, int | None]
) -> None:
    assert due(text) == expected
