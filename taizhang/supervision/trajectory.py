"""Indicator monitoring (指标监测): the linear trajectory from baseline to target and a judgement.

Method (also in docs/status-rules.md): the expected value in year *y* lies on the
straight line from (baseline year, baseline value) to (target year, target value).
The latest actual up to ``as_of`` is compared with the expected value for its own
year. Within the tolerance band (a share of the whole planned change; tighter for a
binding 约束性 indicator) it is at risk; beyond it, off track. For a "down"
indicator every inequality flips. An actual that already meets the target is
``achieved``; a target year passed without achieving it is ``off_track``.

A value the trajectory refuses raises a :class:`taizhang.core.problems.RuleError` (a ValueError
whose ``str()`` is simplified Chinese) with English message ids, which the interface says in the
reader's language (``taizhang.supervision.wording.say_error``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal

from taizhang.core.problems import N_, Message, RuleError

__all__ = [
    "Actual",
    "Indicator",
    "IndicatorJudgement",
    "Judgement",
    "PlanSummary",
    "expected_value",
    "judge",
    "plan_summary",
]

_COMPARATORS = (">=", ">", "<=", "<", "=")


def _decimal(value: object, name: str, subject: str = "") -> Decimal:
    """``value`` as a Decimal; else a :class:`RuleError` of ``subject`` saying that ``name`` must
    be a (finite) number."""
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal, float)):
        raise RuleError(subject, _not_a_number(name, value))
    try:
        result = Decimal(str(value))
    except ArithmeticError:
        raise RuleError(subject, _not_a_number(name, value)) from None
    if not result.is_finite():
        raise RuleError(
            subject,
            Message(
                N_("%(name)s must be a finite number, not %(value)s"),
                "%(name)s 必须是有限数值，而不是 %(value)s",
                {"name": name, "value": repr(value)},
            ),
        )
    return result


def _not_a_number(name: str, value: object) -> Message:
    return Message(
        N_("%(name)s must be a number, not %(value)s"),
        "%(name)s 必须是数值，而不是 %(value)s",
        {"name": name, "value": repr(value)},
    )


@dataclass(frozen=True)
class Indicator:
    """A quantified target of a plan (指标): baseline → target, direction and kind.

    ``comparator`` says how the target is met (``>=`` for 达到, ``>`` for 超过, ``<=``
    for 控制在…以内). ``binding`` is True for 约束性, False for 预期性.
    """

    code: str
    name: str
    baseline_value: Decimal
    baseline_year: int
    target_value: Decimal
    target_year: int
    direction: Literal["up", "down"] = "up"
    comparator: str = ">="
    binding: bool = False
    unit: str = ""

    def __post_init__(self) -> None:
        code = self.code
        object.__setattr__(self, "baseline_value", _decimal(self.baseline_value, "baseline_value", code))
        object.__setattr__(self, "target_value", _decimal(self.target_value, "target_value", code))
        if self.direction not in ("up", "down"):
            raise RuleError(
                code,
                Message(
                    N_("direction must be up or down, not %(value)s"),
                    "direction 必须是 up 或 down，而不是 %(value)s",
                    {"value": repr(self.direction)},
                ),
            )
        if self.comparator not in _COMPARATORS:
            raise RuleError(
                code,
                Message(
                    N_("comparator must be one of %(choices)s, not %(value)s"),
                    "comparator 必须是 %(choices)s 之一，而不是 %(value)s",
                    {"choices": " ".join(_COMPARATORS), "value": repr(self.comparator)},
                ),
            )
        if self.target_year < self.baseline_year:
            raise RuleError(
                code,
                Message(
                    N_("The target year %(target_year)s is before the base year %(baseline_year)s"),
                    "目标年份 %(target_year)s 早于基期年份 %(baseline_year)s",
                    {"target_year": self.target_year, "baseline_year": self.baseline_year},
                ),
            )


@dataclass(frozen=True)
class Actual:
    """An actual value (实际值) of an indicator for one year."""

    year: int
    value: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _decimal(self.value, "value", str(self.year)))


class Judgement(StrEnum):
    """The verdict on an indicator."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    ACHIEVED = "achieved"
    NO_DATA = "no_data"


_JUDGEMENT_ZH: dict[Judgement, str] = {
    Judgement.ON_TRACK: "符合进度",
    Judgement.AT_RISK: "存在风险",
    Judgement.OFF_TRACK: "明显滞后",
    Judgement.ACHIEVED: "已达标",
    Judgement.NO_DATA: "暂无数据",
}


@dataclass(frozen=True)
class IndicatorJudgement:
    """A judgement with its method and figures, so the UI can say how it was reached."""

    code: str
    judgement: Judgement
    binding: bool
    message: str
    latest_year: int | None = None
    latest_value: Decimal | None = None
    expected: Decimal | None = None
    gap: Decimal | None = None
    tolerance: Decimal | None = None
    wording: Message | None = None  # the message's English id and figures, for the interface


def _places(value: Decimal) -> Decimal:
    # Four places keep small-valued indicators (e.g. 0.435 吨标准煤/万元) exact enough.
    return value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _show(value: Decimal) -> str:
    """A figure for a message: no exponent, no trailing zeros (800, 7.6, 0.444)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def expected_value(indicator: Indicator, year: int) -> Decimal:
    """The value on the straight line baseline → target in ``year``, rounded half up to 4 places.

    Before the baseline year it is the baseline; after the target year, the target.
    """
    if year <= indicator.baseline_year or indicator.target_year == indicator.baseline_year:
        return indicator.baseline_value if year <= indicator.baseline_year else indicator.target_value
    if year >= indicator.target_year:
        return indicator.target_value
    share = Decimal(year - indicator.baseline_year) / Decimal(indicator.target_year - indicator.baseline_year)
    change = indicator.target_value - indicator.baseline_value
    return _places(indicator.baseline_value + change * share)


def _meets_target(indicator: Indicator, value: Decimal) -> bool:
    target = indicator.target_value
    return {
        ">=": value >= target,
        ">": value > target,
        "<=": value <= target,
        "<": value < target,
        "=": value == target,
    }[indicator.comparator]


def judge(
    indicator: Indicator,
    actuals: Iterable[Actual],
    as_of: int | date,
    tolerance: Decimal = Decimal("0.10"),
    binding_tolerance: Decimal = Decimal("0.05"),
) -> IndicatorJudgement:
    """Judge an indicator on the latest actual of a year ≤ ``as_of``.

    ``tolerance`` (binding: ``binding_tolerance``) is a share of the whole planned
    change |target − baseline|: an actual short of the trajectory by no more than that
    is ``at_risk``, by more is ``off_track``; on or beyond the line it is ``on_track``.
    """
    year_limit = as_of.year if isinstance(as_of, date) else as_of
    usable = [a for a in actuals if a.year <= year_limit]
    if not usable:
        wording = Message(
            N_("No actual value up to %(year)s"), "截至 %(year)s 年暂无实际值", {"year": year_limit}
        )
        return IndicatorJudgement(
            indicator.code, Judgement.NO_DATA, indicator.binding, str(wording), wording=wording
        )
    latest = max(usable, key=lambda a: a.year)
    share = _decimal(binding_tolerance if indicator.binding else tolerance, "tolerance", indicator.code)
    band = _places(abs(indicator.target_value - indicator.baseline_value) * share)
    expected = expected_value(indicator, latest.year)
    sign = Decimal(1) if indicator.direction == "up" else Decimal(-1)
    gap = _places((latest.value - expected) * sign)  # positive: ahead of the line
    params = {
        "year": latest.year,
        "value": _show(latest.value),
        "expected": _show(expected),
        "unit": indicator.unit,
        "comparator": indicator.comparator,
        "target": _show(indicator.target_value),
        "target_year": indicator.target_year,
        "behind": _show(-gap),
        "band": _show(band),
    }
    if _meets_target(indicator, latest.value):
        verdict, variant = Judgement.ACHIEVED, "achieved"
    elif latest.year >= indicator.target_year:
        verdict, variant = Judgement.OFF_TRACK, "target_year_passed"
    elif gap >= 0:
        verdict, variant = Judgement.ON_TRACK, "on_track"
    elif -gap <= band:
        verdict, variant = Judgement.AT_RISK, "within_binding" if indicator.binding else "within_indicative"
    else:
        verdict, variant = Judgement.OFF_TRACK, "beyond_binding" if indicator.binding else "beyond_indicative"
    msgid, chinese = _WORDING[variant]
    wording = Message(msgid, chinese, params)
    return IndicatorJudgement(
        indicator.code,
        verdict,
        indicator.binding,
        str(wording),
        latest.year,
        latest.value,
        expected,
        gap,
        band,
        wording,
    )


_FIGURES_ZH = "%(year)s 年实际值 %(value)s%(unit)s，线性轨迹值 %(expected)s%(unit)s"
# The wording of a judgement with figures, by how it was reached: (English msgid, Chinese).
_WORDING: dict[str, tuple[str, str]] = {
    "achieved": (
        N_(
            "Achieved: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "the target %(comparator)s %(target)s%(unit)s is met"
        ),
        f"{_JUDGEMENT_ZH[Judgement.ACHIEVED]}：{_FIGURES_ZH}，已达到目标 %(comparator)s %(target)s%(unit)s",
    ),
    "target_year_passed": (
        N_(
            "Off track: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "the target year %(target_year)s has come and the target is not met"
        ),
        f"{_JUDGEMENT_ZH[Judgement.OFF_TRACK]}：{_FIGURES_ZH}，目标年份 %(target_year)s 年已到仍未达标",
    ),
    "on_track": (
        N_(
            "On track: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "on or ahead of the trajectory"
        ),
        f"{_JUDGEMENT_ZH[Judgement.ON_TRACK]}：{_FIGURES_ZH}，达到或快于线性轨迹",
    ),
    "within_binding": (
        N_(
            "At risk: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "%(behind)s%(unit)s behind, within the tolerance %(band)s%(unit)s (binding)"
        ),
        f"{_JUDGEMENT_ZH[Judgement.AT_RISK]}：{_FIGURES_ZH}，落后 %(behind)s%(unit)s，在容差 %(band)s%(unit)s（约束性）以内",
    ),
    "within_indicative": (
        N_(
            "At risk: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "%(behind)s%(unit)s behind, within the tolerance %(band)s%(unit)s (indicative)"
        ),
        f"{_JUDGEMENT_ZH[Judgement.AT_RISK]}：{_FIGURES_ZH}，落后 %(behind)s%(unit)s，在容差 %(band)s%(unit)s（预期性）以内",
    ),
    "beyond_binding": (
        N_(
            "Off track: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "%(behind)s%(unit)s behind, beyond the tolerance %(band)s%(unit)s (binding)"
        ),
        f"{_JUDGEMENT_ZH[Judgement.OFF_TRACK]}：{_FIGURES_ZH}，落后 %(behind)s%(unit)s，超出容差 %(band)s%(unit)s（约束性）",
    ),
    "beyond_indicative": (
        N_(
            "Off track: the actual of %(year)s is %(value)s%(unit)s, the linear trajectory %(expected)s%(unit)s; "
            "%(behind)s%(unit)s behind, beyond the tolerance %(band)s%(unit)s (indicative)"
        ),
        f"{_JUDGEMENT_ZH[Judgement.OFF_TRACK]}：{_FIGURES_ZH}，落后 %(behind)s%(unit)s，超出容差 %(band)s%(unit)s（预期性）",
    ),
}


@dataclass(frozen=True)
class PlanSummary:
    """Counts for a mid-term review (中期评估): by judgement, and by binding/indicative."""

    total: int
    by_judgement: dict[Judgement, int]
    binding: dict[Judgement, int]
    indicative: dict[Judgement, int]


def plan_summary(judgements: Iterable[IndicatorJudgement]) -> PlanSummary:
    """Count judgements; every :class:`Judgement` appears as a key (zero if none)."""
    by_judgement = {kind: 0 for kind in Judgement}
    binding = {kind: 0 for kind in Judgement}
    indicative = {kind: 0 for kind in Judgement}
    total = 0
    for item in judgements:
        total += 1
        by_judgement[item.judgement] += 1
        (binding if item.binding else indicative)[item.judgement] += 1
    return PlanSummary(total, by_judgement, binding, indicative)
