"""Changes from one figure to another (由A提高到B) in plans and reports: sentences written here."""

from __future__ import annotations

from taizhang.extract.metrics import find_metrics, line_passages
from taizhang.extract.model import DocInfo, Metric
from taizhang.extract.normalise import working_text

FIVE_YEARS = DocInfo(title="某区发展规划", year=2022, period_start=2021, period_end=2025, kind="plan")
ONE_YEAR = DocInfo(title="某区2024年工作要点", year=2024, kind="plan")


def find(text: str, info: DocInfo = FIVE_YEARS) -> list[Metric]:
    return find_metrics(text, working_text(text), line_passages(text), info)


def read(text: str, info: DocInfo = FIVE_YEARS) -> set[tuple[str, str, float, int | None]]:
    return {(m.kind, m.comparator, m.value, m.year) for m in find(text, info)}


class TestStartFromNow:
    """由目前的A提高到B: A is where things stand when the plan is written, B the plan's target."""

    def test_a_dated_goal_starts_from_the_documents_year(self) -> None:
        got = read("到2025年，全区公园绿地服务半径覆盖率由目前的80%提高到90%。")
        assert got == {("actual", "=", 80, 2022), ("target", "=", 90, 2025)}

    def test_an_undated_goal_of_a_five_year_plan_ends_in_its_end_year(self) -> None:
        got = read("全区公园绿地服务半径覆盖率由现在的80%提高到90%以上。")
        assert got == {("actual", "=", 80, 2022), ("target", ">=", 90, 2025)}

    def test_a_fall_from_now_keeps_its_bound(self) -> None:
        got = read("到2025年，全区生活垃圾填埋比例从当前的12%下降到5%以内。")
        assert got == {("actual", "=", 12, 2022), ("target", "<=", 5, 2025)}

    def test_a_one_year_plan_targets_its_own_year(self) -> None:
        got = read("全区新能源公交车占比由目前的60%提高到75%。", ONE_YEAR)
        assert got == {("actual", "=", 60, 2024), ("target", "=", 75, 2024)}

    def test_the_present_word_is_not_part_of_the_indicator(self) -> None:
        found = find("到2025年，全区养老机构护理床位由目前的3000张增加到4500张。")
        assert [(m.value, m.indicator) for m in found] == [
            (3000, "养老机构护理床位"),
            (4500, "养老机构护理床位"),
        ]

    def test_a_present_word_written_close_to_the_start_is_not_a_ranking(self) -> None:
        # (目前 ends in 前, as 前10名 does: the figure after it is where things stand, no rank)
        got = read("全区公园绿地服务半径覆盖率由目前80%提高到90%。")
        assert got == {("actual", "=", 80, 2022), ("target", "=", 90, 2025)}

    def test_a_ranking_after_qian_is_still_no_metric(self) -> None:
        assert read("对营业收入排名前10位的企业开展走访。", ONE_YEAR) == set()


class TestStartOfAReviewedSpan:
    """从A增长到B in a work report's review of N years: A is of the year before the span."""

    REPORT = DocInfo(title="某省2026年政府工作报告", year=2026, kind="work_report")

    def test_a_span_that_opens_the_second_sentence_of_the_paragraph_dates_the_start(self) -> None:
        text = (
            "一、2025年工作回顾\n"
            "2025年各项目标顺利完成，规划圆满收官。五年来，全省发展迈上新台阶。"
            "全省充电桩从2.4万个增加到11.6万个。\n"
        )
        got = read(text, self.REPORT)
        assert got == {("actual", "=", 24000, 2020), ("actual", "=", 116000, 2025)}
