"""A year that opens a clause, set off by a comma, dates the work that follows it."""

from __future__ import annotations

import pytest

from taizhang.extract.deadlines import find_deadline
from taizhang.extract.normalise import working_text


def _found(words: str, year: int) -> tuple[str, int | None, int | None] | None:
    d = find_deadline(working_text(words), words, year)
    return None if d is None else (d.kind, d.year, d.month)


@pytest.mark.parametrize(
    ("words", "year", "expected"),
    [
        ("加强水源地保护。2026年，制定出台饮用水水源地规范化建设标准。", 2025, ("year", 2026, None)),
        ("统筹用好专项债券,2025年,滚动推进县级重点项目80个以上。", 2025, ("year", 2025, None)),
        ("2027年，全面完成老旧供水管网改造任务。", 2025, ("year", 2027, None)),
        # the later of two dated steps
        ("2025年，启动试点工作；2026年，建成覆盖全区的服务网络。", 2025, ("year", 2026, None)),
        # a month of the same year already named is the more exact date
        ("2025年9月底前完成方案编制。2025年，组织实施。", 2025, ("month", 2025, 9)),
    ],
)
def test_a_year_opening_a_clause_dates_the_work_after_it(
    words: str, year: int, expected: tuple[str, int | None, int | None]
) -> None:
    assert _found(words, year) == expected


@pytest.mark.parametrize(
    "words",
    [
        # a past year reports what was done
        "2023年,全区新增就业岗位1200个。下一步继续推进就业服务。",
        # a target or a standard after the year dates a figure, not work
        "2025年,力争农村生活污水治理率达到60%。",
        "2025年，各乡镇对辖区内企业的检查覆盖率不得低于上年。",
        # a year that is no clause's opening, or is not set off by a comma
        "2025年以来,累计完成改造项目12个。",
        "2026年率先建成示范区",
    ],
)
def test_no_clause_year_deadline_for_reports_targets_or_modifiers(words: str) -> None:
    assert _found(words, 2025) is None
