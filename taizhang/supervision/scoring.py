"""Scorecards of units per period (绩效考核), ranking and the red/yellow/black lists (红黄黑榜).

Pure arithmetic on counts: the web layer counts a unit's reports, tasks and notices
for the period into :class:`UnitPeriodFacts` and calls :func:`score_unit`. Every
figure is a :class:`~decimal.Decimal` rounded half up to two places, and the lines
of a scorecard always sum exactly to its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = [
    "ITEM_CODES",
    "HonourList",
    "HonourLists",
    "ItemRule",
    "ListRules",
    "RankedScore",
    "ScoreCard",
    "ScoreLine",
    "ScoringConfig",
    "UnitPeriodFacts",
    "honour_lists",
    "rank",
    "score_unit",
]

_CENT = Decimal("0.01")


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _decimal(value: object, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal, float)):
        raise ValueError(f"{name} 必须是数值，而不是 {value!r}")
    try:
        result = Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{name} 必须是数值，而不是 {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"{name} 必须是有限数值，而不是 {value!r}")
    return result


@dataclass(frozen=True)
class ItemRule:
    """One line of a 考核办法: points per occurrence (negative for a deduction) and a cap.

    ``cap`` bounds the absolute value of the line's subtotal (e.g. 扣完为止, 最多扣 10 分);
    None means no cap.
    """

    points_each: Decimal
    label_zh: str
    cap: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "points_each", _decimal(self.points_each, "points_each"))
        if self.cap is not None:
            cap = _decimal(self.cap, "cap")
            if cap < 0:
                raise ValueError(f"cap 不能为负数：{cap}")
            object.__setattr__(self, "cap", cap)


# The counted items, in the order a scorecard lists them.
ITEM_CODES: tuple[str, ...] = (
    "on_time_reports",
    "late_reports",
    "missing_reports",
    "returned_reports",
    "overdue_tasks",
    "tasks_closed_on_time",
    "supervision_notices",
)


def _default_items() -> dict[str, ItemRule]:
    return {
        "on_time_reports": ItemRule(Decimal("0.5"), "按时报送进展", Decimal("10")),
        "late_reports": ItemRule(Decimal("-1"), "逾期报送进展", Decimal("10")),
        "missing_reports": ItemRule(Decimal("-2"), "未报送进展", Decimal("20")),
        "returned_reports": ItemRule(Decimal("-0.5"), "报告被退回", Decimal("5")),
        "overdue_tasks": ItemRule(Decimal("-3"), "任务超期未办结", Decimal("30")),
        "tasks_closed_on_time": ItemRule(Decimal("1"), "任务按期办结", Decimal("10")),
        "supervision_notices": ItemRule(Decimal("-2"), "被下发督办单", Decimal("10")),
    }


@dataclass(frozen=True)
class ScoringConfig:
    """How a period's scores are computed, written the way a 考核办法 writes it.

    The total is ``base_score`` plus every item line plus the rating line. The rating
    line is ``rating_weight × (average supervisor rating − rating_neutral)``, capped at
    ``rating_cap`` either way; with no rating the line is 0.
    """

    base_score: Decimal = Decimal("100")
    items: Mapping[str, ItemRule] = field(default_factory=_default_items)
    rating_weight: Decimal = Decimal("0.1")
    rating_neutral: Decimal = Decimal("80")
    rating_cap: Decimal | None = Decimal("5")
    rating_label_zh: str = "督查评价"

    def __post_init__(self) -> None:
        for name in ("base_score", "rating_weight", "rating_neutral"):
            object.__setattr__(self, name, _decimal(getattr(self, name), name))
        if self.rating_cap is not None:
            object.__setattr__(self, "rating_cap", _decimal(self.rating_cap, "rating_cap"))
        unknown = sorted(set(self.items) - set(ITEM_CODES))
        if unknown:
            raise ValueError(f"ScoringConfig: 未知的考核项目 {', '.join(unknown)}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> ScoringConfig:
        """Build a config from stored settings (e.g. JSON of a 考核办法); unknown keys are named.

        ``items`` maps an item code to ``{"points_each": …, "label_zh": …, "cap": …}``.
        """
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"ScoringConfig: 未知的配置项 {', '.join(unknown)}")
        arguments = dict(values)
        if "items" in arguments:
            raw_items = arguments["items"]
            if not isinstance(raw_items, Mapping):
                raise ValueError("ScoringConfig: items 必须是 项目代码 → 计分规则 的映射")
            items: dict[str, ItemRule] = {}
            for code, rule in raw_items.items():
                if not isinstance(rule, Mapping) or set(rule) - {"points_each", "label_zh", "cap"}:
                    raise ValueError(f"ScoringConfig: items.{code} 只能包含 points_each、label_zh、cap")
                if "points_each" not in rule or "label_zh" not in rule:
                    raise ValueError(f"ScoringConfig: items.{code} 缺少 points_each 或 label_zh")
                items[str(code)] = ItemRule(rule["points_each"], str(rule["label_zh"]), rule.get("cap"))
            arguments["items"] = items
        return cls(**arguments)  # type: ignore[arg-type]


@dataclass(frozen=True)
class UnitPeriodFacts:
    """The counts of one unit in one assessment period; ``supervisor_rating`` is 0–100."""

    unit: str
    on_time_reports: int = 0
    late_reports: int = 0
    missing_reports: int = 0
    returned_reports: int = 0
    overdue_tasks: int = 0
    tasks_closed_on_time: int = 0
    supervision_notices: int = 0
    supervisor_rating: Decimal | None = None

    def __post_init__(self) -> None:
        for code in ITEM_CODES:
            value = getattr(self, code)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{self.unit}：{code} 必须是非负整数，而不是 {value!r}")
        if self.supervisor_rating is not None:
            rating = _decimal(self.supervisor_rating, "supervisor_rating")
            if not Decimal(0) <= rating <= Decimal(100):
                raise ValueError(f"{self.unit}：supervisor_rating 必须在 0–100 之间，而不是 {rating}")
            object.__setattr__(self, "supervisor_rating", rating)


@dataclass(frozen=True)
class ScoreLine:
    """One line of the breakdown: ``subtotal`` is ``count × points_each`` after the cap."""

    item: str
    label_zh: str
    count: Decimal
    points_each: Decimal
    subtotal: Decimal
    cap_applied: bool


@dataclass(frozen=True)
class ScoreCard:
    """A unit's score for a period; ``base + sum(line.subtotal) == total`` exactly."""

    unit: str
    base: Decimal
    lines: tuple[ScoreLine, ...]
    total: Decimal
    overdue_tasks: int


def _capped(raw: Decimal, cap: Decimal | None) -> tuple[Decimal, bool]:
    if cap is not None and abs(raw) > cap:
        return (cap if raw > 0 else -cap), True
    return raw, False


def score_unit(facts: UnitPeriodFacts, config: ScoringConfig | None = None) -> ScoreCard:
    """Score one unit: the base score plus a line per configured item and the rating line.

    Each subtotal is rounded half up to two places before summing, so the printed
    breakdown adds up to the printed total.
    """
    config = config or ScoringConfig()
    lines: list[ScoreLine] = []
    for code in ITEM_CODES:
        rule = config.items.get(code)
        if rule is None:
            continue
        count = Decimal(getattr(facts, code))
        subtotal, capped = _capped(_money(count * rule.points_each), rule.cap)
        lines.append(ScoreLine(code, rule.label_zh, count, rule.points_each, subtotal, capped))
    if config.rating_weight != 0:
        rating = facts.supervisor_rating
        difference = (rating - config.rating_neutral) if rating is not None else Decimal(0)
        subtotal, capped = _capped(_money(difference * config.rating_weight), config.rating_cap)
        lines.append(
            ScoreLine(
                "supervisor_rating",
                config.rating_label_zh,
                difference,
                config.rating_weight,
                subtotal,
                capped,
            )
        )
    base = _money(config.base_score)
    total = base + sum((line.subtotal for line in lines), Decimal(0))
    return ScoreCard(facts.unit, base, tuple(lines), total, facts.overdue_tasks)


@dataclass(frozen=True)
class RankedScore:
    """A scorecard with its rank; equal totals share a rank (1, 1, 3…)."""

    rank: int
    scorecard: ScoreCard


def rank(scorecards: Iterable[ScoreCard]) -> list[RankedScore]:
    """Scorecards from highest to lowest total, ties sharing the better rank, then by unit name."""
    ordered = sorted(scorecards, key=lambda card: (-card.total, card.unit))
    ranked: list[RankedScore] = []
    for position, card in enumerate(ordered, start=1):
        if ranked and ranked[-1].scorecard.total == card.total:
            ranked.append(RankedScore(ranked[-1].rank, card))
        else:
            ranked.append(RankedScore(position, card))
    return ranked


class HonourList(StrEnum):
    """红榜 (commended), 黄榜 (warned), 黑榜 (named and shamed)."""

    RED = "red"
    YELLOW = "yellow"
    BLACK = "black"


@dataclass(frozen=True)
class ListRules:
    """Who goes on which list; every condition that is set must hold (None: not used).

    红榜: rank within ``red_top_n`` and total ≥ ``red_min_score``.
    黑榜: within the bottom ``black_bottom_n`` and total < ``black_below``; never a red-list unit.
    黄榜: any other unit with ≥ ``yellow_min_overdue`` overdue tasks or a total < ``yellow_below``.
    """

    red_top_n: int | None = 3
    red_min_score: Decimal | None = Decimal("100")
    black_bottom_n: int | None = 3
    black_below: Decimal | None = Decimal("80")
    yellow_min_overdue: int | None = 1
    yellow_below: Decimal | None = Decimal("90")

    def __post_init__(self) -> None:
        if self.red_top_n is None and self.red_min_score is None:
            raise ValueError("ListRules: 红榜至少需要 red_top_n 或 red_min_score 之一")
        if self.black_bottom_n is None and self.black_below is None:
            raise ValueError("ListRules: 黑榜至少需要 black_bottom_n 或 black_below 之一")
        for name in ("red_top_n", "black_bottom_n", "yellow_min_overdue"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise ValueError(f"ListRules: {name} 必须是正整数，而不是 {value!r}")
        for name in ("red_min_score", "black_below", "yellow_below"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, _decimal(value, name))


@dataclass(frozen=True)
class HonourLists:
    """The units on each list, in ranking order."""

    red: tuple[RankedScore, ...]
    yellow: tuple[RankedScore, ...]
    black: tuple[RankedScore, ...]

    def list_of(self, unit: str) -> HonourList | None:
        """Which list ``unit`` is on, if any."""
        for kind, members in (
            (HonourList.RED, self.red),
            (HonourList.YELLOW, self.yellow),
            (HonourList.BLACK, self.black),
        ):
            if any(m.scorecard.unit == unit for m in members):
                return kind
        return None


def honour_lists(ranked: Sequence[RankedScore], rules: ListRules | None = None) -> HonourLists:
    """Sort ranked units into the red, yellow and black lists; a unit is on at most one.

    Ties count together: a unit is in the top N when its rank is ≤ N, and in the bottom
    N when fewer than N units score strictly lower.
    """
    rules = rules or ListRules()
    red: list[RankedScore] = []
    yellow: list[RankedScore] = []
    black: list[RankedScore] = []
    totals = [r.scorecard.total for r in ranked]
    for entry in ranked:
        total = entry.scorecard.total
        on_red = (rules.red_top_n is None or entry.rank <= rules.red_top_n) and (
            rules.red_min_score is None or total >= rules.red_min_score
        )
        lower = sum(1 for other in totals if other < total)
        on_black = (rules.black_bottom_n is None or lower < rules.black_bottom_n) and (
            rules.black_below is None or total < rules.black_below
        )
        if on_red:
            red.append(entry)
        elif on_black:
            black.append(entry)
        elif (
            rules.yellow_min_overdue is not None and entry.scorecard.overdue_tasks >= rules.yellow_min_overdue
        ) or (rules.yellow_below is not None and total < rules.yellow_below):
            yellow.append(entry)
    return HonourLists(tuple(red), tuple(yellow), tuple(black))
