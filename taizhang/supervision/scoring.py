"""Scorecards of units per period (绩效考核), ranking and the red/yellow/black lists (红黄黑榜).

Scores reward delivery (docs/scoring.md): a unit earns its points by reporting on time, by
accepted progress against 序时进度 and by closing its tasks on time; what it was due to do and did
not earns nothing, so silence loses points. Pure arithmetic on counts: the web layer gathers a
unit's facts for the period into :class:`UnitPeriodFacts` and calls :func:`score_unit`. Every
figure is a :class:`~decimal.Decimal` rounded half up to two places, and the lines of a scorecard
always sum exactly to its total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from taizhang.core.problems import N_, Message, RuleError, not_a_count, unknown_settings

__all__ = [
    "DELIVERY_LINES",
    "LINE_LABELS",
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
    "progress_ratio",
    "rank",
    "score_unit",
]

_CENT = Decimal("0.01")
_RATIO = Decimal("0.0001")
_ONE = Decimal(1)


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP) + 0  # + 0: no "-0.00"


def _not_a_number(name: str, value: object) -> Message:
    return Message(
        N_("%(name)s must be a number, not %(value)s"),
        "%(name)s 必须是数值，而不是 %(value)s",
        {"name": name, "value": repr(value)},
    )


def _decimal(value: object, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal, float)):
        raise RuleError("", _not_a_number(name, value))
    try:
        result = Decimal(str(value))
    except ArithmeticError:
        raise RuleError("", _not_a_number(name, value)) from None
    if not result.is_finite():
        raise RuleError(
            "",
            Message(
                N_("%(name)s must be a finite number, not %(value)s"),
                "%(name)s 必须是有限数值，而不是 %(value)s",
                {"name": name, "value": repr(value)},
            ),
        )
    return result


def progress_ratio(accepted: int | Decimal, expected: Decimal | int) -> Decimal:
    """How far a task's accepted progress meets its 序时进度: ``accepted / expected`` held to 0–1,
    to four places (1 when nothing is expected yet)."""
    expected = _decimal(expected, "expected")
    accepted = _decimal(accepted, "accepted")
    if expected <= 0:
        return _ONE
    return min(_ONE, max(Decimal(0), accepted / expected)).quantize(_RATIO, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ItemRule:
    """A deduction of a 考核办法: points per occurrence (negative) and a cap on the line.

    ``cap`` bounds the absolute value of the line's subtotal (最多扣 10 分); None means no cap.
    """

    points_each: Decimal
    label_zh: str
    cap: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "points_each", _decimal(self.points_each, "points_each"))
        if self.cap is not None:
            cap = _decimal(self.cap, "cap")
            if cap < 0:
                raise RuleError(
                    "",
                    Message(N_("cap may not be negative: %(cap)s"), "cap 不能为负数：%(cap)s", {"cap": cap}),
                )
            object.__setattr__(self, "cap", cap)


#: The delivery lines, in the order a scorecard lists them: (code, label).
DELIVERY_LINES: tuple[tuple[str, str], ...] = (
    ("reporting", "按时报送进展"),
    ("progress", "进度达到序时进度"),
    ("closing", "按期办结"),
)

#: The lines' default labels as (English msgid, Chinese): the interface says a line's label in the
#: reader's language when it is the default; a label the 考核办法 set otherwise is shown as set.
LINE_LABELS: dict[str, tuple[str, str]] = {
    "reporting": (N_("Progress reported on time"), "按时报送进展"),
    "progress": (N_("Progress up to the time-elapsed expectation"), "进度达到序时进度"),
    "closing": (N_("Tasks closed by their deadline"), "按期办结"),
    "returned_reports": (N_("Reports returned"), "报告被退回"),
    "supervision_notices": (N_("Supervision notices received"), "被下发督办单"),
    "supervisor_rating": (N_("Supervisor's rating"), "督查评价"),
}

#: The counted deductions, in the order a scorecard lists them.
ITEM_CODES: tuple[str, ...] = ("returned_reports", "supervision_notices")


def _default_items() -> dict[str, ItemRule]:
    return {
        "returned_reports": ItemRule(Decimal("-0.5"), "报告被退回", Decimal("5")),
        "supervision_notices": ItemRule(Decimal("-2"), "被下发督办单", Decimal("10")),
    }


def _default_weights() -> dict[str, Decimal]:
    return {"reporting": Decimal(30), "progress": Decimal(40), "closing": Decimal(30)}


@dataclass(frozen=True)
class ScoringConfig:
    """How a period's scores are computed, written the way a 考核办法 writes it.

    The delivery score (履职得分, 0–100) shares 100 points among the delivery lines by ``weights``,
    over the lines the unit had something to do in; a late report or a task closed late earns
    ``late_credit`` of an on-time one. A task's progress is judged once its 序时进度 reaches
    ``progress_judged_from`` %. The total is the delivery score plus the deductions (``items``) plus
    the rating line ``rating_weight × (average rating − rating_neutral)``, capped at ``rating_cap``.
    """

    weights: Mapping[str, Decimal] = field(default_factory=_default_weights)
    late_credit: Decimal = Decimal("0.5")
    progress_judged_from: Decimal = Decimal("10")
    items: Mapping[str, ItemRule] = field(default_factory=_default_items)
    rating_weight: Decimal = Decimal("0.1")
    rating_neutral: Decimal = Decimal("80")
    rating_cap: Decimal | None = Decimal("5")
    rating_label_zh: str = "督查评价"

    def __post_init__(self) -> None:
        for name in ("late_credit", "progress_judged_from", "rating_weight", "rating_neutral"):
            object.__setattr__(self, name, _decimal(getattr(self, name), name))
        if not Decimal(0) <= self.late_credit <= _ONE:
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("late_credit must be between 0 and 1, not %(value)s"),
                    "late_credit 必须在 0 到 1 之间，而不是 %(value)s",
                    {"value": self.late_credit},
                ),
            )
        if not Decimal(0) <= self.progress_judged_from <= Decimal(100):
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("progress_judged_from must be between 0 and 100"),
                    "progress_judged_from 必须在 0 到 100 之间",
                ),
            )
        if self.rating_cap is not None:
            object.__setattr__(self, "rating_cap", _decimal(self.rating_cap, "rating_cap"))
        codes = {code for code, _ in DELIVERY_LINES}
        unknown = sorted(set(self.weights) - codes)
        if unknown:
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("unknown delivery lines %(names)s (known: %(known)s)"),
                    "未知的履职项目 %(names)s（可用：%(known)s）",
                    {"names": ", ".join(unknown), "known": ", ".join(sorted(codes))},
                ),
            )
        weights = {code: _decimal(self.weights.get(code, 0), f"weights.{code}") for code in codes}
        if any(w < 0 for w in weights.values()) or not any(weights.values()):
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("weights may not be negative and at least one must be above 0"),
                    "weights 必须非负，且至少一项大于 0",
                ),
            )
        object.__setattr__(self, "weights", weights)
        unknown = sorted(set(self.items) - set(ITEM_CODES))
        if unknown:
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("unknown deductions %(names)s (known: %(known)s)"),
                    "未知的扣分项目 %(names)s（可用：%(known)s）",
                    {"names": ", ".join(unknown), "known": ", ".join(ITEM_CODES)},
                ),
            )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> ScoringConfig:
        """Build a config from stored settings (JSON of a 考核办法); unknown keys are named.

        ``weights`` maps a delivery line to its share; ``items`` maps a deduction's code to
        ``{"points_each": …, "label_zh": …, "cap": …}``.
        """
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(values) - known)
        if unknown:
            raise RuleError("ScoringConfig", unknown_settings(unknown))
        arguments = dict(values)
        if "weights" in arguments and not isinstance(arguments["weights"], Mapping):
            raise RuleError(
                "ScoringConfig",
                Message(
                    N_("weights must map delivery lines to weights"), "weights 必须是 履职项目 → 权重 的映射"
                ),
            )
        if "items" in arguments:
            raw_items = arguments["items"]
            if not isinstance(raw_items, Mapping):
                raise RuleError(
                    "ScoringConfig",
                    Message(
                        N_("items must map deduction codes to scoring rules"),
                        "items 必须是 项目代码 → 计分规则 的映射",
                    ),
                )
            items: dict[str, ItemRule] = {}
            for code, rule in raw_items.items():
                if not isinstance(rule, Mapping) or set(rule) - {"points_each", "label_zh", "cap"}:
                    raise RuleError(
                        "ScoringConfig",
                        Message(
                            N_("items.%(code)s may hold only points_each, label_zh and cap"),
                            "items.%(code)s 只能包含 points_each、label_zh、cap",
                            {"code": code},
                        ),
                    )
                if "points_each" not in rule or "label_zh" not in rule:
                    raise RuleError(
                        "ScoringConfig",
                        Message(
                            N_("items.%(code)s needs points_each and label_zh"),
                            "items.%(code)s 缺少 points_each 或 label_zh",
                            {"code": code},
                        ),
                    )
                items[str(code)] = ItemRule(rule["points_each"], str(rule["label_zh"]), rule.get("cap"))
            arguments["items"] = items
        return cls(**arguments)  # type: ignore[arg-type]


@dataclass(frozen=True)
class UnitPeriodFacts:
    """What one unit was due to do in an assessment period and what it did.

    Reports: ``on_time_reports``, ``late_reports``, ``missing_reports`` (due and never submitted),
    ``returned_reports``. Tasks it leads: ``progress_ratios`` (one per task judged on progress:
    accepted progress against 序时进度, 0–1), ``tasks_closed_on_time``, ``tasks_closed_late`` and
    ``tasks_due_unclosed`` (past their deadline and still open), ``overdue_tasks`` (past their
    deadline and open on some day of the period, for the lists). ``supervisor_rating`` is 0–100.
    """

    unit: str
    on_time_reports: int = 0
    late_reports: int = 0
    missing_reports: int = 0
    returned_reports: int = 0
    progress_ratios: tuple[Decimal, ...] = ()
    tasks_closed_on_time: int = 0
    tasks_closed_late: int = 0
    tasks_due_unclosed: int = 0
    overdue_tasks: int = 0
    supervision_notices: int = 0
    supervisor_rating: Decimal | None = None

    COUNTS = (
        "on_time_reports",
        "late_reports",
        "missing_reports",
        "returned_reports",
        "tasks_closed_on_time",
        "tasks_closed_late",
        "tasks_due_unclosed",
        "overdue_tasks",
        "supervision_notices",
    )

    def __post_init__(self) -> None:
        for code in self.COUNTS:
            value = getattr(self, code)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise RuleError(self.unit, not_a_count(code, value))
        ratios = tuple(_decimal(r, "progress_ratios") for r in self.progress_ratios)
        if any(not Decimal(0) <= r <= _ONE for r in ratios):
            raise RuleError(
                self.unit,
                Message(N_("progress_ratios must be between 0 and 1"), "progress_ratios 必须在 0 到 1 之间"),
            )
        object.__setattr__(self, "progress_ratios", ratios)
        if self.supervisor_rating is not None:
            rating = _decimal(self.supervisor_rating, "supervisor_rating")
            if not Decimal(0) <= rating <= Decimal(100):
                raise RuleError(
                    self.unit,
                    Message(
                        N_("supervisor_rating must be between 0 and 100, not %(value)s"),
                        "supervisor_rating 必须在 0–100 之间，而不是 %(value)s",
                        {"value": rating},
                    ),
                )
            object.__setattr__(self, "supervisor_rating", rating)


@dataclass(frozen=True)
class ScoreLine:
    """One line of the breakdown.

    A delivery line: ``count`` is what was done (an on-time report or task counts 1, a late one
    ``late_credit``, a task's progress its ratio) out of ``due``, ``points_each`` its share of
    the 100 points; ``subtotal = points_each × count / due``. A deduction: ``count`` occurrences ×
    ``points_each``, held within the cap. The rating line: ``count`` is rating − neutral.
    """

    item: str
    label_zh: str
    count: Decimal
    points_each: Decimal
    subtotal: Decimal
    cap_applied: bool
    due: Decimal | None = None


@dataclass(frozen=True)
class ScoreCard:
    """A unit's score for a period; ``sum(line.subtotal) == total`` exactly.

    ``assessed`` is False when the unit had nothing to do in any delivery line: it is listed apart,
    never ranked. ``delivery`` is the 履职得分, the delivery lines' sum.
    """

    unit: str
    lines: tuple[ScoreLine, ...]
    total: Decimal
    overdue_tasks: int
    delivery: Decimal = Decimal(0)
    assessed: bool = True

    @property
    def base(self) -> Decimal:
        """There is no base score: every point is earned (kept for the templates' arithmetic)."""
        return Decimal("0.00")

    def subtotal(self, item: str) -> Decimal:
        """The subtotal of line ``item`` (0 when the card has no such line)."""
        return next((line.subtotal for line in self.lines if line.item == item), Decimal(0))


def _capped(raw: Decimal, cap: Decimal | None) -> tuple[Decimal, bool]:
    if cap is not None and abs(raw) > cap:
        return (cap if raw > 0 else -cap), True
    return raw, False


def _delivery(facts: UnitPeriodFacts, config: ScoringConfig) -> dict[str, tuple[Decimal, Decimal]]:
    """Each delivery line's (done, due): reports, progress ratios, tasks due to be closed."""
    late = config.late_credit
    return {
        "reporting": (
            facts.on_time_reports + late * facts.late_reports,
            Decimal(facts.on_time_reports + facts.late_reports + facts.missing_reports),
        ),
        "progress": (sum(facts.progress_ratios, Decimal(0)), Decimal(len(facts.progress_ratios))),
        "closing": (
            facts.tasks_closed_on_time + late * facts.tasks_closed_late,
            Decimal(facts.tasks_closed_on_time + facts.tasks_closed_late + facts.tasks_due_unclosed),
        ),
    }


def score_unit(facts: UnitPeriodFacts, config: ScoringConfig | None = None) -> ScoreCard:
    """Score one unit: the delivery lines (100 points shared by weight among the lines the unit
    had something due in), then the deductions and the rating line.

    Each subtotal is rounded half up to two places before summing, so the printed breakdown adds
    up to the printed total. A unit with nothing due in any delivery line is not assessed.
    """
    config = config or ScoringConfig()
    done_due = _delivery(facts, config)
    judged = {code: w for code, w in config.weights.items() if w > 0 and done_due[code][1] > 0}
    weight_total = sum(judged.values(), Decimal(0))
    lines: list[ScoreLine] = []
    for code, label in DELIVERY_LINES:
        if config.weights[code] <= 0:
            continue
        done, due = done_due[code]
        share = _money(Decimal(100) * judged[code] / weight_total) if code in judged else Decimal("0.00")
        subtotal = (
            _money(Decimal(100) * judged[code] * done / (due * weight_total)) if code in judged else share
        )
        lines.append(ScoreLine(code, label, done, share, subtotal, False, due))
    delivery = sum((line.subtotal for line in lines), Decimal(0))
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
    total = sum((line.subtotal for line in lines), Decimal("0.00"))
    return ScoreCard(facts.unit, tuple(lines), total, facts.overdue_tasks, delivery, bool(judged))


@dataclass(frozen=True)
class RankedScore:
    """A scorecard with its rank; only scorecards equal on every tie-break share a rank (1, 1, 3…)."""

    rank: int
    scorecard: ScoreCard


def _tie_key(card: ScoreCard) -> tuple[Decimal, Decimal, Decimal, Decimal, int]:
    """Higher total first; then (the documented tie-break) more points for closing on time, for
    progress against 序时进度, for reporting on time, then fewer overdue tasks."""
    return (
        -card.total,
        -card.subtotal("closing"),
        -card.subtotal("progress"),
        -card.subtotal("reporting"),
        card.overdue_tasks,
    )


def rank(scorecards: Iterable[ScoreCard]) -> list[RankedScore]:
    """The assessed scorecards in ranking order (unassessed ones are left out).

    Ordered by total, then by the tie-break of :func:`_tie_key`; units equal on all of it share
    the better rank and the next rank skips, and are listed by unit name.
    """
    ordered = sorted((c for c in scorecards if c.assessed), key=lambda c: (_tie_key(c), c.unit))
    ranked: list[RankedScore] = []
    for position, card in enumerate(ordered, start=1):
        if ranked and _tie_key(ranked[-1].scorecard) == _tie_key(card):
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
    red_min_score: Decimal | None = Decimal("90")
    black_bottom_n: int | None = 3
    black_below: Decimal | None = Decimal("60")
    yellow_min_overdue: int | None = 1
    yellow_below: Decimal | None = Decimal("75")

    def __post_init__(self) -> None:
        if self.red_top_n is None and self.red_min_score is None:
            raise RuleError(
                "ListRules",
                Message(
                    N_("the red list needs red_top_n or red_min_score"),
                    "红榜至少需要 red_top_n 或 red_min_score 之一",
                ),
            )
        if self.black_bottom_n is None and self.black_below is None:
            raise RuleError(
                "ListRules",
                Message(
                    N_("the black list needs black_bottom_n or black_below"),
                    "黑榜至少需要 black_bottom_n 或 black_below 之一",
                ),
            )
        for name in ("red_top_n", "black_bottom_n", "yellow_min_overdue"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 1):
                raise RuleError(
                    "ListRules",
                    Message(
                        N_("%(name)s must be a whole number above 0, not %(value)s"),
                        "%(name)s 必须是正整数，而不是 %(value)s",
                        {"name": name, "value": repr(value)},
                    ),
                )
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
