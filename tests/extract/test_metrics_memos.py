"""Memos of ``metrics`` kept with the working text asked last answer as the reading they keep."""

from __future__ import annotations

from taizhang.extract import metrics
from taizhang.extract.normalise import working_text


class TestRocDated:
    def test_each_text_gets_its_own_answer_whatever_was_asked_before(self) -> None:
        roc = working_text("立法院审议通过105年度总预算。")
        plain = working_text("2025年完成改造100处。")
        for work, dated in ((roc, True), (plain, False), (roc, True), (plain, False)):
            assert metrics._roc_dated(work) is dated

    def test_an_equal_text_of_another_object_gets_the_same_answer(self) -> None:
        work = working_text("立法院审议通过105年度总预算。")
        again = "".join(list(work))
        assert again == work and again is not work
        assert metrics._roc_dated(work) is metrics._roc_dated(again) is True

    def test_clear_caches_forgets_the_text_asked_last(self) -> None:
        metrics._roc_dated(working_text("2025年完成改造100处。"))
        metrics.clear_caches()
        assert metrics._ROC_DATED[0] is None

    def test_years_in_reads_a_calendar_of_its_own_only_in_a_text_dated_so(self) -> None:
        roc = working_text("立法院审议通过105年度总预算。")
        plain = working_text("时隔99年重建。")
        assert [y for _, y in metrics._years_in(roc, 0, len(roc))] == [2016]
        assert [y for _, y in metrics._years_in(plain, 0, len(plain))] == []
