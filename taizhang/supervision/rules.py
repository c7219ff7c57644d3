"""Red/amber/green status (红黄绿灯) of a task, computed from plain facts and ``now``.

Nothing here touches the database or the clock: the web layer reads a task into
:class:`TaskFacts`, the policy's thresholds into :class:`RuleConfig`, and calls
:func:`evaluate` with the current date. Every rule is a small function registered
in :data:`RULES`, so the help page and ``docs/status-rules.md`` list the same rules
the code applies (:func:`describe_rules`).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from taizhang.core.problems import N_, Message, RuleError, not_a_count, unknown_settings
from taizhang.ledger.rules import COLOUR_ZH, Colour, expected_progress

__all__ = [
    "Assessment",
    "Colour",
    "Disagreement",
    "DeliveryJudgement",
    "NoticeFact",
    "Reason",
    "ReportFact",
    "ReportOutcome",
    "RuleConfig",
    "RuleDescription",
    "TaskFacts",
    "describe_rules",
    "disagreement",
    "evaluate",
    "expected_progress",
    "reason_message",
    "RULE_TITLES",
]


_SEVERITY: dict[Colour, int] = {Colour.GREEN: 0, Colour.NO_DEADLINE: 1, Colour.AMBER: 2, Colour.RED: 3}

_COLOUR_ZH = COLOUR_ZH

# Colour steps between a judgement and the rules (only the three lights are compared).
_JUDGED_STEPS: dict[Colour, int] = {Colour.GREEN: 0, Colour.AMBER: 1, Colour.RED: 2}


class ReportOutcome(StrEnum):
    """What the supervisor did with a progress report (审核结果)."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    RETURNED = "returned"


@dataclass(frozen=True)
class ReportFact:
    """One reporting period of a task: when its report was due and what happened to it.

    ``submitted_on`` is None while the report for the period is missing.
    """

    due_on: date
    submitted_on: date | None = None
    outcome: ReportOutcome = ReportOutcome.PENDING


@dataclass(frozen=True)
class NoticeFact:
    """A supervision notice (督办单) on a task: its due date and when the unit answered."""

    due_on: date
    answered_on: date | None = None


@dataclass(frozen=True)
class TaskFacts:
    """The plain facts about one task that the status rules read.

    ``deadline`` is None for an ongoing task (长期坚持/持续推进), which is judged by its
    reports only. ``consecutive_returns`` counts the latest reports returned in a row.
    ``last_progress_change`` is the date the progress figure last moved (None: never,
    in which case ``assigned_at`` is used).
    """

    assigned_at: date
    deadline: date | None = None
    ongoing: bool = False
    closed: bool = False
    closed_at: date | None = None
    progress_percent: int = 0
    reports: tuple[ReportFact, ...] = ()
    consecutive_returns: int = 0
    last_progress_change: date | None = None
    notices: tuple[NoticeFact, ...] = ()
    extension_pending: bool = False

    def __post_init__(self) -> None:
        problems: list[Message] = []
        if isinstance(self.progress_percent, bool) or not isinstance(self.progress_percent, int):
            problems.append(
                Message(
                    N_("progress_percent must be a whole number, not %(value)s"),
                    "progress_percent 必须是整数，而不是 %(value)s",
                    {"value": repr(self.progress_percent)},
                )
            )
        elif not 0 <= self.progress_percent <= 100:
            problems.append(
                Message(
                    N_("progress_percent must be between 0 and 100, not %(value)s"),
                    "progress_percent 必须在 0–100 之间，而不是 %(value)s",
                    {"value": self.progress_percent},
                )
            )
        if self.consecutive_returns < 0:
            problems.append(
                Message(
                    N_("consecutive_returns may not be negative: %(value)s"),
                    "consecutive_returns 不能为负数：%(value)s",
                    {"value": self.consecutive_returns},
                )
            )
        if self.deadline is not None and self.deadline < self.assigned_at:
            problems.append(
                Message(
                    N_("the deadline %(deadline)s is before the date of assignment %(assigned)s"),
                    "完成时限 %(deadline)s 早于交办日期 %(assigned)s",
                    {"deadline": self.deadline.isoformat(), "assigned": self.assigned_at.isoformat()},
                )
            )
        if problems:
            raise RuleError("TaskFacts", *problems)


@dataclass(frozen=True)
class RuleConfig:
    """Per-policy thresholds of the status rules; the defaults are those in docs/status-rules.md.

    ``report_cadence`` is ``"monthly"`` (calendar months, 每月报送) or ``"days"``
    (every ``report_cadence_days`` days). Lag thresholds are percentage points behind
    the time-elapsed expectation (序时进度).
    """

    due_soon_days: int = 15
    report_cadence: Literal["monthly", "days"] = "monthly"
    report_cadence_days: int = 30
    report_grace_days: int = 3
    stalled_cycles: int = 2
    returns_amber: int = 2
    returns_red: int = 3
    lag_amber_points: int = 10
    lag_red_points: int = 25

    def __post_init__(self) -> None:
        problems: list[Message] = []
        if self.report_cadence not in ("monthly", "days"):
            problems.append(
                Message(
                    N_("report_cadence must be monthly or days, not %(value)s"),
                    "report_cadence 必须是 monthly 或 days，而不是 %(value)s",
                    {"value": repr(self.report_cadence)},
                )
            )
        for name in (
            "due_soon_days",
            "report_grace_days",
            "report_cadence_days",
            "stalled_cycles",
            "returns_amber",
            "returns_red",
            "lag_amber_points",
            "lag_red_points",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                problems.append(not_a_count(name, value))
        if not problems:
            if self.report_cadence == "days" and self.report_cadence_days < 1:
                problems.append(
                    Message(N_("report_cadence_days must be at least 1"), "report_cadence_days 至少为 1")
                )
            if self.returns_red < self.returns_amber:
                problems.append(
                    Message(
                        N_("returns_red may not be less than returns_amber"),
                        "returns_red 不能小于 returns_amber",
                    )
                )
            if self.lag_red_points < self.lag_amber_points:
                problems.append(
                    Message(
                        N_("lag_red_points may not be less than lag_amber_points"),
                        "lag_red_points 不能小于 lag_amber_points",
                    )
                )
        if problems:
            raise RuleError("RuleConfig", *problems)

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> RuleConfig:
        """Build a config from a policy's stored settings; unknown keys are a clear error."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(values) - known)
        if unknown:
            raise RuleError("RuleConfig", unknown_settings(unknown))
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Reason:
    """Why a rule fired: its code, the colour it gives, a Chinese message and the figures."""

    code: str
    colour: Colour
    message: str
    figures: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(frozen=True)
class Assessment:
    """The computed status of a task: the worst colour among the reasons (green if none)."""

    colour: Colour
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class RuleDescription:
    """A rule as the help page shows it, with the thresholds of the given config filled in."""

    code: str
    colours: tuple[Colour, ...]
    title_zh: str
    description_zh: str
    description_en: str
    applies_to_ongoing: bool


# ---------------------------------------------------------------- dates


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_cycles(day: date, cycles: int, config: RuleConfig) -> date:
    if config.report_cadence == "monthly":
        return _add_months(day, cycles)
    return date.fromordinal(day.toordinal() + cycles * config.report_cadence_days)


def _lag_points(facts: TaskFacts, now: date) -> tuple[Decimal, Decimal] | None:
    if facts.deadline is None:
        return None
    expected = expected_progress(facts.assigned_at, facts.deadline, now)
    return expected, expected - Decimal(facts.progress_percent)


# ---------------------------------------------------------------- reasons' wording

# The wording of each reason: (code, variant) -> (English msgid, simplified Chinese); the
# variant is "" or what the figures add (an extension pending, a report over a cycle late).
_REASON_WORDING: dict[tuple[str, str], tuple[str, str]] = {
    ("overdue", ""): (N_("%(days_overdue)s days past the deadline"), "已超过完成时限 %(days_overdue)s 天"),
    ("overdue", "extension"): (
        N_("%(days_overdue)s days past the deadline (an extension request awaits review)"),
        "已超过完成时限 %(days_overdue)s 天（延期申请待审核）",
    ),
    ("due_soon_behind", ""): (
        N_(
            "%(days_left)s days to the deadline; progress %(progress)s%% is below the expected %(expected)s%%"
        ),
        "距完成时限还有 %(days_left)s 天，进度 %(progress)s%% 低于序时进度 %(expected)s%%",
    ),
    ("report_late", ""): (
        N_("Progress report %(days_late)s days late (due on %(due_on)s)"),
        "进展报送逾期 %(days_late)s 天（应于 %(due_on)s 报送）",
    ),
    ("report_late", "over_a_cycle"): (
        N_("Progress report %(days_late)s days late (due on %(due_on)s), more than one reporting cycle"),
        "进展报送逾期 %(days_late)s 天（应于 %(due_on)s 报送），已超过一个报送周期",
    ),
    ("stalled", ""): (
        N_("No change of progress for %(days)s days (%(cycles)s reporting cycles or more)"),
        "已连续 %(days)s 天（%(cycles)s 个报送周期以上）进度无变化",
    ),
    ("returned", ""): (
        N_("Progress report returned %(consecutive_returns)s times in a row"),
        "进展报告连续被退回 %(consecutive_returns)s 次",
    ),
    ("notice_unanswered", ""): (
        N_("Supervision notice unanswered %(days)s days past its due date (%(count)s in all)"),
        "督办单逾期未回复 %(days)s 天（共 %(count)s 份）",
    ),
    ("behind_schedule", ""): (
        N_("Progress %(progress)s%% is behind the expected %(expected)s%% by %(lag_points)s points"),
        "进度 %(progress)s%% 落后序时进度 %(expected)s%% 共 %(lag_points)s 个百分点",
    ),
    ("closed", ""): (N_("The task is closed"), "任务已办结"),
    ("no_deadline", ""): (
        N_("No deadline: the supervision office is to add one"),
        "未定完成时限，请督查室补充",
    ),
}


def reason_message(code: str, colour: str, figures: Mapping[str, object]) -> Message | None:
    """The wording of a reason our rules give, from its code, colour and figures (as stored in
    ``TaskStatus.reasons``); None when the code is not ours or a figure it needs is missing."""
    variant = ""
    if code == "overdue" and figures.get("extension_pending"):
        variant = "extension"
    elif code == "report_late" and colour == Colour.RED:
        variant = "over_a_cycle"
    wording = _REASON_WORDING.get((code, variant))
    if wording is None:
        return None
    message = Message(wording[0], wording[1], dict(figures))
    try:
        str(message)
    except (KeyError, TypeError, ValueError):
        return None
    return message


def _reason(code: str, colour: Colour, figures: dict[str, object]) -> Reason:
    message = reason_message(code, colour, figures)
    assert message is not None, code
    return Reason(code, colour, str(message), figures)


# ---------------------------------------------------------------- rules

RuleFunction = Callable[[TaskFacts, RuleConfig, date], Reason | None]


def _rule_overdue(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    if facts.deadline is None or now <= facts.deadline:
        return None
    days = (now - facts.deadline).days
    figures: dict[str, object] = {"deadline": facts.deadline.isoformat(), "days_overdue": days}
    if facts.extension_pending:
        figures["extension_pending"] = True
    return _reason("overdue", Colour.RED, figures)


def _rule_due_soon_behind(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    if facts.deadline is None or now > facts.deadline:
        return None
    days_left = (facts.deadline - now).days
    if days_left > config.due_soon_days:
        return None
    expected = expected_progress(facts.assigned_at, facts.deadline, now)
    if Decimal(facts.progress_percent) >= expected:
        return None
    return _reason(
        "due_soon_behind",
        Colour.AMBER,
        {"days_left": days_left, "progress": facts.progress_percent, "expected": str(expected)},
    )


def _next_report_due(facts: TaskFacts, config: RuleConfig) -> date:
    """The due date of the earliest missing report.

    Explicit reporting periods win; without them the next report is due one cycle
    after the latest submitted report (or after assignment).
    """
    missing = [r.due_on for r in facts.reports if r.submitted_on is None]
    if missing:
        return min(missing)
    submitted = [r.submitted_on for r in facts.reports if r.submitted_on is not None]
    if facts.reports:
        # Every listed period is reported: the next period follows the latest one.
        latest_period = max(r.due_on for r in facts.reports)
        return _add_cycles(latest_period, 1, config)
    anchor = max(submitted) if submitted else facts.assigned_at
    return _add_cycles(anchor, 1, config)


def _rule_report_late(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    due = _next_report_due(facts, config)
    days_late = (now - due).days
    if days_late <= config.report_grace_days:
        return None
    over_a_cycle = now > _add_cycles(due, 1, config)
    colour = Colour.RED if over_a_cycle else Colour.AMBER
    return _reason("report_late", colour, {"due_on": due.isoformat(), "days_late": days_late})


def _rule_stalled(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    if config.stalled_cycles == 0:
        return None
    since = facts.last_progress_change or facts.assigned_at
    if now < _add_cycles(since, config.stalled_cycles, config):
        return None
    days = (now - since).days
    return _reason(
        "stalled", Colour.AMBER, {"since": since.isoformat(), "days": days, "cycles": config.stalled_cycles}
    )


def _rule_returned(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    count = facts.consecutive_returns
    if config.returns_amber == 0 or count < config.returns_amber:
        return None
    colour = Colour.RED if count >= config.returns_red else Colour.AMBER
    return _reason("returned", colour, {"consecutive_returns": count})


def _rule_notice_unanswered(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    late = [n for n in facts.notices if n.answered_on is None and now > n.due_on]
    if not late:
        return None
    oldest = min(n.due_on for n in late)
    days = (now - oldest).days
    return _reason(
        "notice_unanswered",
        Colour.RED,
        {"count": len(late), "oldest_due_on": oldest.isoformat(), "days": days},
    )


def _rule_behind_schedule(facts: TaskFacts, config: RuleConfig, now: date) -> Reason | None:
    lag = _lag_points(facts, now)
    if lag is None:
        return None
    expected, points = lag
    if points <= config.lag_amber_points:
        return None
    colour = Colour.RED if points > config.lag_red_points else Colour.AMBER
    return _reason(
        "behind_schedule",
        colour,
        {"progress": facts.progress_percent, "expected": str(expected), "lag_points": str(points)},
    )


@dataclass(frozen=True)
class _Rule:
    code: str
    colours: tuple[Colour, ...]
    title_zh: str
    describe_zh: Callable[[RuleConfig], str]
    describe_en: Callable[[RuleConfig], str]
    applies_to_ongoing: bool
    check: RuleFunction


RULES: tuple[_Rule, ...] = (
    _Rule(
        "overdue",
        (Colour.RED,),
        "超期未办结",
        lambda c: "已过完成时限仍未办结的任务亮红灯；完成时限当天不算超期。",
        lambda c: "Past its deadline and not closed: red. The deadline day itself is not overdue.",
        False,
        _rule_overdue,
    ),
    _Rule(
        "due_soon_behind",
        (Colour.AMBER,),
        "临期且进度滞后",
        lambda c: f"距完成时限 {c.due_soon_days} 天以内、进度低于序时进度的任务亮黄灯。",
        lambda c: (
            f"Within {c.due_soon_days} days of the deadline with progress below the "
            "time-elapsed expectation: amber."
        ),
        False,
        _rule_due_soon_behind,
    ),
    _Rule(
        "report_late",
        (Colour.AMBER, Colour.RED),
        "进展报送逾期",
        lambda c: (
            f"进展报告逾期超过 {c.report_grace_days} 天亮黄灯；逾期超过一个报送周期"
            f"（{'每月' if c.report_cadence == 'monthly' else f'{c.report_cadence_days} 天'}）亮红灯。"
        ),
        lambda c: (
            f"A progress report more than {c.report_grace_days} days late: amber; more than one "
            f"reporting cycle ({c.report_cadence if c.report_cadence == 'monthly' else f'{c.report_cadence_days} days'}) late: red."
        ),
        True,
        _rule_report_late,
    ),
    _Rule(
        "stalled",
        (Colour.AMBER,),
        "进度停滞",
        lambda c: f"连续 {c.stalled_cycles} 个报送周期进度无变化亮黄灯。",
        lambda c: f"No change of progress for {c.stalled_cycles} reporting cycles: amber.",
        True,
        _rule_stalled,
    ),
    _Rule(
        "returned",
        (Colour.AMBER, Colour.RED),
        "报告连续被退回",
        lambda c: f"进展报告连续被退回 {c.returns_amber} 次亮黄灯，{c.returns_red} 次亮红灯。",
        lambda c: f"Reports returned {c.returns_amber} times in a row: amber; {c.returns_red} times: red.",
        True,
        _rule_returned,
    ),
    _Rule(
        "notice_unanswered",
        (Colour.RED,),
        "督办单逾期未回复",
        lambda c: "督办单过了回复期限仍未回复亮红灯。",
        lambda c: "A supervision notice unanswered past its due date: red.",
        True,
        _rule_notice_unanswered,
    ),
    _Rule(
        "behind_schedule",
        (Colour.AMBER, Colour.RED),
        "落后序时进度",
        lambda c: (
            f"进度落后序时进度超过 {c.lag_amber_points} 个百分点亮黄灯，"
            f"超过 {c.lag_red_points} 个百分点亮红灯。"
        ),
        lambda c: (
            f"Progress behind the time-elapsed expectation by more than {c.lag_amber_points} "
            f"points: amber; by more than {c.lag_red_points} points: red."
        ),
        False,
        _rule_behind_schedule,
    ),
)


#: The rules' titles as English message ids (the interface's); ``title_zh`` is the Chinese.
RULE_TITLES: dict[str, str] = {
    "overdue": N_("Overdue, not closed"),
    "due_soon_behind": N_("Deadline near, progress behind"),
    "report_late": N_("Progress report late"),
    "stalled": N_("Progress stalled"),
    "returned": N_("Reports returned in a row"),
    "notice_unanswered": N_("Supervision notice unanswered"),
    "behind_schedule": N_("Behind the time-elapsed expectation"),
}


def evaluate(facts: TaskFacts, config: RuleConfig, now: date) -> Assessment:
    """The status of a task on ``now``: ``closed`` if closed, else the worst colour of the rules.

    Every rule that fires gives a :class:`Reason`, in the order of :data:`RULES`. An
    ongoing task (or one without a deadline) is judged only by the rules marked
    ``applies_to_ongoing``. A task without a deadline that is not ongoing work (未定) is
    missing information: it shows ``no_deadline`` unless a rule gives amber or red, never
    green. With no reason the task is green.
    """
    now = _as_date(now)
    if facts.closed:
        closed_on = facts.closed_at.isoformat() if facts.closed_at else None
        return Assessment(
            Colour.CLOSED,
            (_reason("closed", Colour.CLOSED, {"closed_at": closed_on}),),
        )
    judged_by_reports_only = facts.ongoing or facts.deadline is None
    reasons: list[Reason] = []
    for rule in RULES:
        if judged_by_reports_only and not rule.applies_to_ongoing:
            continue
        reason = rule.check(facts, config, now)
        if reason is not None:
            reasons.append(reason)
    if facts.deadline is None and not facts.ongoing:
        reasons.append(_reason("no_deadline", Colour.NO_DEADLINE, {"deadline": None}))
    colour = max((r.colour for r in reasons), key=_SEVERITY.__getitem__, default=Colour.GREEN)
    return Assessment(colour, tuple(reasons))


def describe_rules(config: RuleConfig | None = None) -> list[RuleDescription]:
    """Every rule as the help page and docs list it, with ``config``'s thresholds filled in."""
    config = config or RuleConfig()
    return [
        RuleDescription(
            code=rule.code,
            colours=rule.colours,
            title_zh=rule.title_zh,
            description_zh=rule.describe_zh(config),
            description_en=rule.describe_en(config),
            applies_to_ongoing=rule.applies_to_ongoing,
        )
        for rule in RULES
    ]


# ---------------------------------------------------------------- judgement


class DeliveryJudgement(StrEnum):
    """A supervisor's judgement of how likely a task is to be delivered (研判)."""

    HIGHLY_LIKELY = "highly_likely"
    LIKELY = "likely"
    UNLIKELY = "unlikely"
    HIGHLY_UNLIKELY = "highly_unlikely"


_JUDGEMENT_COLOURS: dict[DeliveryJudgement, frozenset[Colour]] = {
    DeliveryJudgement.HIGHLY_LIKELY: frozenset({Colour.GREEN}),
    DeliveryJudgement.LIKELY: frozenset({Colour.GREEN, Colour.AMBER}),
    DeliveryJudgement.UNLIKELY: frozenset({Colour.AMBER, Colour.RED}),
    DeliveryJudgement.HIGHLY_UNLIKELY: frozenset({Colour.RED}),
}

_JUDGEMENT_ZH: dict[DeliveryJudgement, str] = {
    DeliveryJudgement.HIGHLY_LIKELY: "很可能按期完成",
    DeliveryJudgement.LIKELY: "可能按期完成",
    DeliveryJudgement.UNLIKELY: "可能无法按期完成",
    DeliveryJudgement.HIGHLY_UNLIKELY: "很可能无法按期完成",
}


@dataclass(frozen=True)
class Disagreement:
    """Where the supervisor's judgement and the computed colour part ways.

    ``kind`` is ``optimistic`` when the judgement is rosier than the rules and
    ``pessimistic`` when it is gloomier; ``gap`` is 1 or 2 colour steps.
    """

    kind: Literal["optimistic", "pessimistic"]
    gap: int
    message: str
    judged: str = ""
    colour: str = ""

    @property
    def wording(self) -> Message:
        """The message's English id and parameters (``judgement`` and ``colour`` are the Chinese
        words; the interface says its own words for ``judged`` and ``colour``)."""
        if self.kind == "optimistic":
            msgid, chinese = _OPTIMISTIC
        else:
            msgid, chinese = _PESSIMISTIC
        judged, colour = DeliveryJudgement(self.judged), Colour(self.colour)
        return Message(msgid, chinese, {"judgement": _JUDGEMENT_ZH[judged], "colour": _COLOUR_ZH[colour]})


_OPTIMISTIC = (
    N_("Judgement too optimistic: judged “%(judgement)s”, the rules give %(colour)s"),
    "研判偏乐观：研判为“%(judgement)s”，规则判定为%(colour)s",
)
_PESSIMISTIC = (
    N_("Judgement too pessimistic: judged “%(judgement)s”, the rules give %(colour)s"),
    "研判偏悲观：研判为“%(judgement)s”，规则判定为%(colour)s",
)


def disagreement(rule_colour: Colour, judgement: DeliveryJudgement | str) -> Disagreement | None:
    """None when the judgement is compatible with the colour (or the task is closed).

    Compatible colours: highly likely—green; likely—green or amber; unlikely—amber or
    red; highly unlikely—red. An unknown judgement is a ``ValueError`` naming it.
    """
    try:
        judged = DeliveryJudgement(judgement)
    except ValueError:
        raise RuleError(
            "",
            Message(
                N_("unknown judgement %(value)s"), "未知的研判结论 %(value)s", {"value": repr(judgement)}
            ),
        ) from None
    colour = Colour(rule_colour)
    if colour in (Colour.CLOSED, Colour.NO_DEADLINE):
        return None
    compatible = _JUDGEMENT_COLOURS[judged]
    if colour in compatible:
        return None
    severities = [_JUDGED_STEPS[c] for c in compatible]
    rule = _JUDGED_STEPS[colour]
    if rule > max(severities):
        kind: Literal["optimistic", "pessimistic"] = "optimistic"
        gap = rule - max(severities)
    else:
        kind = "pessimistic"
        gap = min(severities) - rule
    found = Disagreement(kind, gap, "", judged.value, colour.value)
    return Disagreement(kind, gap, str(found.wording), judged.value, colour.value)
