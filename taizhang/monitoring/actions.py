"""Every write of monitoring, as ``do_<verb>_<noun>``: one transaction, one history row each.

The web pages, the demo loader and imports call these, so none can skip the permission check
or the audit trail.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.core.concurrency import save_versioned
from taizhang.core.history import record, snapshot
from taizhang.supervision.wording import say_error

from .access import can_edit_indicators, can_rate_unit, can_save_scoring_settings
from .models import (
    Comparator,
    Direction,
    Indicator,
    IndicatorActual,
    ScoringSettings,
    UnitRating,
    check_period,
)
from .queries import list_rules_from, scoring_config_from

__all__ = [
    "do_rate_unit",
    "move_unit_rows",
    "do_save_scoring_settings",
    "do_create_indicators_from_metrics",
    "do_update_indicator",
    "do_record_actual",
    "do_import_actuals",
    "ImportRefused",
    "INDICATOR_FIELDS",
]

INDICATOR_FIELDS = (
    "name",
    "measure_unit",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "comparator",
    "direction",
    "binding",
)


def _decimal(value: Any, field_name: str, *, required: bool = True) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field_name: gettext("Required")})
        return None
    if isinstance(value, bool):
        raise ValidationError(
            {field_name: gettext("Must be a number, not %(value)s") % {"value": repr(value)}}
        )
    try:
        result = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {field_name: gettext("Must be a number, not %(value)s") % {"value": repr(value)}}
        ) from None
    if not result.is_finite():
        raise ValidationError(
            {field_name: gettext("Must be a finite number, not %(value)s") % {"value": repr(value)}}
        )
    return result


def _year(value: Any, field_name: str, *, required: bool = True) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field_name: gettext("Required")})
        return None
    try:
        year = int(str(value).strip().removesuffix("年").split(".")[0])
    except ValueError:
        raise ValidationError(
            {
                field_name: gettext("The year must be a four-digit whole number, not %(value)s")
                % {"value": repr(value)}
            }
        ) from None
    if not 1949 <= year <= 2100:
        raise ValidationError({field_name: gettext("The year %(year)s is not plausible") % {"year": year}})
    return year


def do_rate_unit(user: Any, unit: Any, *, period: str, rating: Any, note: str = "") -> UnitRating:
    """The supervisor rates ``unit`` for ``period`` (督查评价, 0–100); a second rating replaces the first."""
    can_rate_unit(user, unit).check()
    check_period(period)
    value = _decimal(rating, "rating")
    assert value is not None
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError(
            {
                "rating": gettext("The supervisor's rating must be from 0 to 100, not %(value)s")
                % {"value": value}
            }
        )
    with transaction.atomic():
        existing = UnitRating.objects.select_for_update().filter(unit=unit, period=period).first()
        before = snapshot(existing, ["rating", "note"]) if existing else {}
        row, _ = UnitRating.objects.update_or_create(
            unit=unit,
            period=period,
            defaults={"rating": value, "note": note, "rated_by": user, "rated_at": timezone.now()},
        )
        record(
            user, row, "rate_unit", before=before, after=snapshot(row, ["unit", "period", "rating", "note"])
        )
    return row


def move_unit_rows(user: Any, source: Any, target: Any) -> dict[str, int]:
    """The supervisor's ratings of ``source`` become ``target``'s (called by
    ``units.actions.do_merge_unit`` inside its transaction). Where both were rated for one period
    the target's rating stands; the other is deleted, its values kept in the history."""
    moved = 0
    for rating in UnitRating.objects.select_for_update().filter(unit=source).order_by("pk"):
        if UnitRating.objects.filter(unit=target, period=rating.period).exists():
            record(
                user,
                rating,
                "drop_merged_rating",
                before=snapshot(rating, ["unit", "period", "rating", "note"]),
                note=f"合并到 {target.name}：该期已有评价",
            )
            rating.delete()
            continue
        UnitRating.objects.filter(pk=rating.pk).update(unit=target)
        moved += 1
    return {"monitoring.UnitRating.unit": moved}


def do_save_scoring_settings(
    user: Any,
    *,
    config: Mapping[str, Any],
    lists: Mapping[str, Any],
    report_due_days: int,
) -> ScoringSettings:
    """The supervisor saves the 考核办法; ``config`` is checked by ``ScoringConfig.from_mapping`` and
    ``lists`` by ``ListRules``; a wrong key or value is a ValidationError naming the field."""
    can_save_scoring_settings(user).check()
    try:
        scoring_config_from(config)
    except (ValueError, TypeError) as error:
        raise ValidationError({"config": say_error(error)}) from None
    try:
        list_rules_from(lists)
    except (ValueError, TypeError) as error:
        raise ValidationError({"lists": say_error(error)}) from None
    if (
        isinstance(report_due_days, bool)
        or not isinstance(report_due_days, int)
        or not 0 <= report_due_days <= 90
    ):
        raise ValidationError(
            {
                "report_due_days": gettext(
                    "The days of grace for reporting must be a whole number from 0 to 90"
                )
            }
        )
    with transaction.atomic():
        previous = ScoringSettings.objects.select_for_update().order_by("-pk").first()
        before = snapshot(previous, ["config", "lists", "report_due_days"]) if previous else {}
        row = ScoringSettings.objects.create(
            config=dict(config),
            lists=dict(lists),
            report_due_days=report_due_days,
            updated_by=user,
            updated_at=timezone.now(),
        )
        record(
            user,
            row,
            "save_scoring_settings",
            before=before,
            after=snapshot(row, ["config", "lists", "report_due_days"]),
        )
    return row


# Whitespace and the brackets a name may be quoted with do not make two indicator names differ.
# Matches " ", "\u3000", "“"; must not match "率" or "%".
NAME_NOISE_RE = re.compile(r"[\s\u3000“”\"'‘’]+")


def indicator_key(name: str) -> str:
    return NAME_NOISE_RE.sub("", name)


# A name shorter than this is too vague to be matched inside another (规模, 占比).
MIN_CONTAINED_NAME = 4


def actuals_of(target: Any, actuals: dict[str, list[Any]]) -> list[Any]:
    """The actuals that measure the same thing as ``target``: the same name, else (with the same
    unit of measure) a name that contains the other, as 新引进持牌金融机构 contains 引进持牌金融机构."""
    key = indicator_key(target.indicator)
    if key in actuals:
        return actuals[key]
    found: list[Any] = []
    for other, rows in actuals.items():
        shorter = min(key, other, key=len)
        if len(shorter) >= MIN_CONTAINED_NAME and (key in other or other in key):
            found.extend(a for a in rows if a.unit == target.unit)
    return found


def _next_code(policy: Any) -> int:
    numbers = [
        int(code[1:])
        for code in Indicator.objects.filter(policy=policy).values_list("code", flat=True)
        if code[:1] == "I" and code[1:].isdigit()
    ]
    return max(numbers, default=0) + 1


def do_create_indicators_from_metrics(user: Any, policy: Any) -> list[Indicator]:
    """Turn ``policy``'s extracted targets (ledger.Metric, kind target) into indicators.

    Each target with a year becomes an indicator (code I1, I2… in text order; target value,
    year, comparator, unit). Actuals of the same indicator (the same name, or with the same unit
    a name containing the other, see :func:`actuals_of`): the earliest one before the
    target year becomes the baseline (a plan states its base year first), later ones become
    actual values. A comparator ≤/<
    makes a "down" indicator; 约束性 in the target's sentence marks it binding. A target
    already turned into an indicator is skipped, so running it twice adds nothing.
    """
    from taizhang.ledger.models import Metric

    can_edit_indicators(user).check()
    metrics = list(Metric.objects.filter(policy=policy).order_by(F("span_start").asc(nulls_last=True), "pk"))
    actuals: dict[str, list[Metric]] = defaultdict(list)
    for metric in metrics:
        if metric.kind == Metric.Kind.ACTUAL and metric.year:
            actuals[indicator_key(metric.indicator)].append(metric)
    created: list[Indicator] = []
    with transaction.atomic():
        done = set(
            Indicator.objects.filter(policy=policy, source_metric__isnull=False).values_list(
                "source_metric_id", flat=True
            )
        )
        number = _next_code(policy)
        now = timezone.now()
        for metric in metrics:
            if metric.kind != Metric.Kind.TARGET or not metric.year or metric.pk in done:
                continue
            comparator = metric.comparator if metric.comparator in Comparator.values else Comparator.AT_LEAST
            direction = Direction.DOWN if comparator in ("<=", "<") else Direction.UP
            same = actuals_of(metric, actuals)
            earlier = sorted((a for a in same if a.year < metric.year), key=lambda a: (a.year, a.pk))
            baseline = earlier[0] if earlier else None
            indicator = Indicator.objects.create(
                policy=policy,
                code=f"I{number}",
                name=metric.indicator[:200],
                measure_unit=metric.unit,
                baseline_value=Decimal(str(baseline.value)) if baseline else None,
                baseline_year=baseline.year if baseline else None,
                target_value=Decimal(str(metric.value)),
                target_year=metric.year,
                comparator=comparator,
                direction=direction,
                binding="约束性" in (metric.span_text or ""),
                source_metric=metric,
            )
            number += 1
            later = [a for a in same if baseline is None or a.year > baseline.year]
            seen_years: set[int] = set()
            for actual in sorted(later, key=lambda a: (a.year, a.pk)):
                if actual.year in seen_years:
                    continue
                seen_years.add(actual.year)
                IndicatorActual.objects.create(
                    indicator=indicator,
                    year=actual.year,
                    value=Decimal(str(actual.value)),
                    note="自政策文件提取",
                    source_metric=actual,
                    entered_by=user,
                    entered_at=now,
                )
            record(
                user, indicator, "create_indicator", after=snapshot(indicator, ["code", *INDICATOR_FIELDS])
            )
            created.append(indicator)
    return created


def _clean_indicator_values(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(values) - set(INDICATOR_FIELDS))
    if unknown:
        raise ValidationError({unknown[0]: gettext("Not a field of the indicator that can be changed")})
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in ("baseline_value", "target_value"):
            clean[name] = _decimal(value, name, required=name == "target_value")
        elif name in ("baseline_year", "target_year"):
            clean[name] = _year(value, name, required=name == "target_year")
        elif name == "comparator":
            if value not in Comparator.values:
                raise ValidationError(
                    {
                        name: gettext("The comparator %(value)s is not one of %(choices)s")
                        % {"value": repr(value), "choices": ", ".join(Comparator.values)}
                    }
                )
            clean[name] = value
        elif name == "direction":
            if value not in Direction.values:
                raise ValidationError({name: gettext("The direction must be up or down")})
            clean[name] = value
        elif name == "binding":
            clean[name] = bool(value)
        else:
            clean[name] = str(value or "").strip()
    return clean


def do_update_indicator(user: Any, indicator: Indicator, *, seen_version: int, **values: Any) -> Indicator:
    """The supervisor edits an indicator (baseline, target, comparator, direction, binding…)."""
    can_edit_indicators(user).check()
    changes = _clean_indicator_values(values)
    candidate = Indicator(
        **{**snapshot(indicator, INDICATOR_FIELDS), "policy_id": indicator.policy_id, **changes}
    )
    candidate.code = indicator.code
    candidate.clean()
    with transaction.atomic():
        before = snapshot(indicator, list(changes))
        save_versioned(indicator, seen_version, changes)
        record(user, indicator, "update_indicator", before=before, after=snapshot(indicator, list(changes)))
    return indicator


def do_record_actual(
    user: Any, indicator: Indicator, *, year: Any, value: Any, note: str = ""
) -> IndicatorActual:
    """The supervisor records the actual value of ``indicator`` for ``year`` (replacing an earlier one)."""
    can_edit_indicators(user).check()
    clean_year = _year(year, "year")
    clean_value = _decimal(value, "value")
    with transaction.atomic():
        existing = (
            IndicatorActual.objects.select_for_update().filter(indicator=indicator, year=clean_year).first()
        )
        before = snapshot(existing, ["value", "note"]) if existing else {}
        row, _ = IndicatorActual.objects.update_or_create(
            indicator=indicator,
            year=clean_year,
            defaults={"value": clean_value, "note": note, "entered_by": user, "entered_at": timezone.now()},
        )
        record(
            user,
            row,
            "record_actual",
            before=before,
            after=snapshot(row, ["indicator", "year", "value", "note"]),
        )
    return row


@dataclass
class ImportRefused(Exception):
    """An actuals workbook was refused; ``problems`` lists (row number, reason) and nothing was saved."""

    problems: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return gettext("; ").join(
            gettext("Row %(row)s: %(reason)s") % {"row": row, "reason": reason}
            for row, reason in self.problems
        )


# The header cells of an actuals workbook; a header may be written in Chinese or as the code name.
ACTUALS_HEADERS = {
    "指标代码": "code",
    "code": "code",
    "年份": "year",
    "year": "year",
    "实际值": "value",
    "value": "value",
    "备注": "note",
    "note": "note",
}


def do_import_actuals(user: Any, policy: Any, data: bytes) -> list[IndicatorActual]:
    """Import actual values of ``policy``'s indicators from an .xlsx (指标代码 | 年份 | 实际值 | 备注).

    Every row is checked first; if any row is wrong, nothing is saved and :class:`ImportRefused`
    lists each wrong row with its reason.
    """
    from openpyxl import load_workbook

    can_edit_indicators(user).check()
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    except Exception as error:  # openpyxl raises many types for a file that is not a workbook
        raise ImportRefused(
            [
                (
                    0,
                    gettext("The file is not a valid .xlsx workbook (%(kind)s)")
                    % {"kind": type(error).__name__},
                )
            ]
        ) from None
    if not rows:
        raise ImportRefused([(1, gettext("The sheet is empty"))])
    header = [ACTUALS_HEADERS.get(str(cell or "").strip()) for cell in rows[0]]
    missing = [name for name in ("code", "year", "value") if name not in header]
    if missing:
        raise ImportRefused(
            [
                (
                    1,
                    gettext("The header lacks %(columns)s")
                    % {
                        "columns": "、".join(
                            {"code": "指标代码", "year": "年份", "value": "实际值"}[m] for m in missing
                        )
                    },
                )
            ]
        )
    indicators = {i.code: i for i in Indicator.objects.filter(policy=policy)}
    problems: list[tuple[int, str]] = []
    accepted: list[tuple[Indicator, int, Decimal, str]] = []
    seen: set[tuple[str, int]] = set()
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: row[i] if i < len(row) else None for i, name in enumerate(header) if name}
        if all(v is None or str(v).strip() == "" for v in cells.values()):
            continue
        code = str(cells.get("code") or "").strip()
        try:
            if code not in indicators:
                raise ValidationError(
                    {
                        "code": gettext("The indicator code %(code)s is not an indicator of this document")
                        % {"code": repr(code)}
                    }
                )
            year = _year(cells.get("year"), "year")
            value = _decimal(cells.get("value"), "value")
        except ValidationError as error:
            field_name, messages = next(iter(error.message_dict.items()))
            label = {"code": "指标代码", "year": "年份", "value": "实际值"}.get(field_name, field_name)
            problems.append((number, f"{label}：{messages[0]}"))
            continue
        assert year is not None and value is not None
        if (code, year) in seen:
            problems.append(
                (
                    number,
                    gettext("The actual value of indicator %(code)s for %(year)s is given twice")
                    % {"code": code, "year": year},
                )
            )
            continue
        seen.add((code, year))
        accepted.append((indicators[code], year, value, str(cells.get("note") or "").strip()))
    if problems:
        raise ImportRefused(problems)
    with transaction.atomic():
        return [
            do_record_actual(user, ind, year=year, value=value, note=note)
            for ind, year, value, note in accepted
        ]
