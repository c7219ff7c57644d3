"""A deadline cell that names a year alone and months with no year: the months are of that year."""

from __future__ import annotations

import pytest

from taizhang.extract.deadlines import parse_deadline
from taizhang.extract.normalise import working_text


def _cell(text: str, year: int | None = 2024) -> tuple[str, int | None, int | None] | None:
    d = parse_deadline(working_text(text), text, year)
    return None if d is None else (d.kind, d.year, d.month)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # dated steps whose words name the year of a target: the last step's month
        (
            "①4月底前，召开推进会，分解2024年就业目标；②8月底前，完成专项检查；③10月底前，开展评估。",
            ("month", 2024, 10),
        ),
        # a year and then a month of it
        ("2025年，9月底前完成", ("month", 2025, 9)),
        ("2025年分两步实施：上半年完成摸底，四季度完成整改", ("month", 2025, 12)),
        # a range of months of a year ends at its last month
        ("2025年9月至11月集中开展", ("month", 2025, 11)),
        ("2025年7-10月", ("month", 2025, 10)),
    ],
)
def test_the_months_of_a_year_named_alone_give_the_deadline(
    cell: str, expected: tuple[str, int | None, int | None]
) -> None:
    assert _cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025年", ("year", 2025, None)),
        ("2025年全年", ("year", 2025, None)),  # the year's own period, no month
        ("2025年12月", ("month", 2025, 12)),
        ("2025年10月启动，5月底前完成摸底", ("month", 2025, 10)),  # an earlier month adds nothing
        ("2024年3月启动，2025年完成", ("year", 2025, None)),  # a month of another year
        ("2025年起持续推进", ("ongoing", None, None)),
    ],
)
def test_a_year_with_no_month_of_its_own_stays_a_year(
    cell: str, expected: tuple[str, int | None, int | None]
) -> None:
    assert _cell(cell) == expected
