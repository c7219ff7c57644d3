"""confidence.py's shortcuts for speed give the plain way's answers: the bracket test of an
indicator asked only when it holds a bracket, and the confidence of a set of doubts computed once
per document."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.extract import confidence
from taizhang.extract.bench import generate_document
from taizhang.extract.confidence import Doubt, doubt_rules, metric_doubts
from taizhang.extract.model import Metric, Span
from taizhang.extract.pipeline import extract_text


def _plain_broken(indicator: str) -> bool:
    """The test of broken brackets as it was written before the guard."""
    return bool(
        (("(" in indicator or "（" in indicator) and confidence._EMPTY_BRACKETS.search(indicator))
        or indicator.count("(") + indicator.count("（") != indicator.count(")") + indicator.count("）")
    )


def _metric(indicator: str) -> Metric:
    return Metric("target", indicator, 20.0, "个", "=", 2030, "新建口袋公园20个", Span(9, 12))


class TestBrokenIndicator:
    @settings(max_examples=400, derandomize=True)
    @given(st.text(alphabet="()（） 区园公Ⅰ类", min_size=1, max_size=10))
    def test_the_guarded_test_is_the_plain_one(self, indicator: str) -> None:
        work = "到2030年新建口袋公园20个。"
        got = Doubt.BROKEN_INDICATOR in metric_doubts(_metric(indicator), work)
        i = indicator.strip()
        plain = bool(i) and (i[0] in confidence._STRAY_OPENERS or _plain_broken(i))
        assert got == plain

    def test_full_width_brackets_alone_are_tested(self) -> None:
        work = "到2030年新建口袋公园20个。"
        assert Doubt.BROKEN_INDICATOR in metric_doubts(_metric("特定区（3.92平方公里"), work)
        assert Doubt.BROKEN_INDICATOR in metric_doubts(_metric("特定区）"), work)
        assert Doubt.BROKEN_INDICATOR in metric_doubts(_metric("特定区（）"), work)
        assert Doubt.BROKEN_INDICATOR not in metric_doubts(_metric("（Ⅰ类）水体"), work)


class TestConfidenceOfDoubts:
    @settings(max_examples=200, derandomize=True)
    @given(st.lists(st.sampled_from(list(Doubt)), max_size=5, unique=True))
    def test_a_memoised_confidence_is_the_computed_one(self, doubts: list[Doubt]) -> None:
        factors = doubt_rules().factors
        memo: dict[tuple[Doubt, ...], float] = {}
        item = _metric("口袋公园")
        first = confidence._with_doubts(item, tuple(doubts), factors, memo)
        again = confidence._with_doubts(item, tuple(doubts), factors, memo)
        plain = confidence._with_doubts(item, tuple(doubts), factors)
        assert first.confidence == again.confidence == plain.confidence
        assert plain.confidence == round(_product(factors[d] for d in doubts), 2)

    def test_each_item_of_a_document_has_the_confidence_of_its_own_doubts(self) -> None:
        got = extract_text(generate_document(60_000))
        factors = doubt_rules().factors
        assert got.tasks and got.metrics
        for t in got.tasks:
            assert t.confidence == round(_product(factors[Doubt(d)] for d in t.doubts), 2)
        for m in got.metrics:
            assert tuple(metric_doubts(_undoubted(m), got.text)) == tuple(m.doubts)
            assert m.confidence == round(_product(factors[Doubt(d)] for d in m.doubts), 2)


def _undoubted(m: Metric) -> Metric:
    return Metric(m.kind, m.indicator, m.value, m.unit, m.comparator, m.year, m.span_text, m.span, m.raw)


def _product(values: Iterable[float]) -> float:
    out = 1.0
    for v in values:
        out *= v
    return out
