"""Monitoring's own rows: supervisor ratings and scoring settings (绩效考核), indicators (指标监测)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = [
    "UnitRating",
    "ScoringSettings",
    "Indicator",
    "IndicatorActual",
    "Direction",
    "Comparator",
    "check_period",
    "plain_number",
]

# An assessment period: a year "2024", a quarter "2024-Q4", a half "2024-H1" or a month "2024-11".
PERIOD_HELP = _("e.g. 2024, 2024-H1, 2024-Q4 or 2024-11")


def plain_number(value: Decimal | None) -> str:
    """A stored figure as people write it: no exponent, no trailing zeros (800, 7.6, 0.45); empty for None."""
    if value is None:
        return ""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_period(value: str, field: str = "period") -> str:
    """``value`` if it is a valid period (see :data:`PERIOD_HELP`); else ValidationError naming ``field``."""
    from .queries import parse_period

    try:
        parse_period(value)
    except ValueError as error:
        raise ValidationError({field: str(error)}) from None
    return value


class UnitRating(models.Model):
    """The supervisor's rating (督查评价, 0–100) of a unit for an assessment period."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="ratings")
    period = models.CharField(max_length=10, help_text=PERIOD_HELP)
    rating = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    note = models.TextField(blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rated_at = models.DateTimeField()

    class Meta:
        ordering = ["period", "unit", "pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="rating_unique_unit_period")]
        verbose_name = _("supervisor's rating")
        verbose_name_plural = _("supervisor's ratings")

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period}: {self.rating}"

    def clean(self) -> None:
        check_period(self.period)
        if self.rating is None or not Decimal(0) <= Decimal(self.rating) <= Decimal(100):
            raise ValidationError({"rating": gettext("The supervisor's rating must be from 0 to 100")})


class ScoringSettings(models.Model):
    """The stored 考核办法: a ScoringConfig mapping, the report due rule and the list rules.

    One row (the latest saved is used); ``config`` is validated with
    ``ScoringConfig.from_mapping`` and ``lists`` with ``ListRules`` before it is saved.
    """

    config = models.JSONField(default=dict, blank=True)
    lists = models.JSONField(default=dict, blank=True)
    report_due_days = models.PositiveSmallIntegerField(
        default=5, help_text=_("How many days after a reporting period ends a report still counts as on time")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("scoring method")
        verbose_name_plural = _("scoring methods")

    def clean(self) -> None:
        from taizhang.supervision.wording import say_error

        from .queries import list_rules_from, scoring_config_from

        try:
            scoring_config_from(self.config)
        except (ValueError, TypeError) as error:
            raise ValidationError({"config": say_error(error)}) from None
        try:
            list_rules_from(self.lists)
        except (ValueError, TypeError) as error:
            raise ValidationError({"lists": say_error(error)}) from None


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class Comparator(models.TextChoices):
    AT_LEAST = ">=", _("At least (≥)")
    MORE_THAN = ">", _("More than (>)")
    AT_MOST = "<=", _("At most (≤)")
    LESS_THAN = "<", _("Less than (<)")
    EQUAL = "=", _("Equal to (=)")


class Indicator(models.Model):
    """A quantified target of a policy (指标): baseline → target, direction, binding or indicative.

    ``baseline_*`` may be empty until the supervisor enters it; without a baseline the
    trajectory cannot be drawn and the judgement says so.
    """

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    measure_unit = models.CharField(_("unit of measure"), max_length=30, blank=True)
    baseline_value = models.DecimalField(max_digits=24, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    target_value = models.DecimalField(max_digits=24, decimal_places=4)
    target_year = models.PositiveSmallIntegerField()
    comparator = models.CharField(max_length=2, choices=Comparator.choices, default=Comparator.AT_LEAST)
    direction = models.CharField(max_length=4, choices=Direction.choices, default=Direction.UP)
    binding = models.BooleanField(_("binding"), default=False)
    source_metric = models.ForeignKey(
        "ledger.Metric", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["policy", "pk"]
        constraints = [models.UniqueConstraint(fields=["policy", "code"], name="indicator_unique_code")]
        verbose_name = _("monitored indicator")
        verbose_name_plural = _("monitored indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        if not self.name.strip():
            raise ValidationError({"name": gettext("The indicator's name may not be empty")})
        for field in ("baseline_year", "target_year"):
            year = getattr(self, field)
            if year is not None and not 1949 <= year <= 2100:
                raise ValidationError({field: gettext("The year %(year)s is not plausible") % {"year": year}})
        if (self.baseline_value is None) != (self.baseline_year is None):
            raise ValidationError(
                {"baseline_year": gettext("Give both the base value and the base year, or neither")}
            )
        if self.baseline_year is not None and self.target_year is not None:
            if self.target_year < self.baseline_year:
                raise ValidationError(
                    {"target_year": gettext("The target year cannot be before the base year")}
                )
        self._check_trajectory()

    def _check_trajectory(self) -> None:
        """The trajectory's own checks (direction, comparator, years: ``supervision.trajectory``),
        said in the reader's language; a value that is no number is left to its field's check."""
        from taizhang.core.problems import RuleError
        from taizhang.supervision.wording import say_error

        try:
            self.as_trajectory()
        except RuleError as error:
            # keyed as a whole-record error, so that callers reading ``message_dict`` (the
            # indicator page) show it beside the form
            raise ValidationError({NON_FIELD_ERRORS: [say_error(error)]}) from None
        except (ArithmeticError, TypeError, ValueError):
            pass  # (Decimal of a value that is no number: clean_fields says so)

    @property
    def target_display(self) -> str:
        return plain_number(self.target_value)

    @property
    def baseline_display(self) -> str:
        return plain_number(self.baseline_value)

    def as_trajectory(self) -> Any:
        """The pure :class:`taizhang.supervision.trajectory.Indicator`, or None without a baseline."""
        from taizhang.supervision.trajectory import Indicator as Plain

        if self.baseline_value is None or self.baseline_year is None:
            return None
        return Plain(
            code=self.code,
            name=self.name,
            baseline_value=Decimal(self.baseline_value),
            baseline_year=self.baseline_year,
            target_value=Decimal(self.target_value),
            target_year=self.target_year,
            direction=self.direction,
            comparator=self.comparator,
            binding=self.binding,
            unit=self.measure_unit,
        )


class IndicatorActual(models.Model):
    """An actual value (实际值) of an indicator for one year, entered or imported."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=24, decimal_places=4)
    note = models.TextField(blank=True)
    source_metric = models.ForeignKey(
        "ledger.Metric", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        ordering = ["indicator", "year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="actual_unique_indicator_year")
        ]
        verbose_name = _("indicator actual value")
        verbose_name_plural = _("indicator actual values")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.value}"

    @property
    def value_display(self) -> str:
        return plain_number(self.value)

    def clean(self) -> None:
        if not 1949 <= self.year <= 2100:
            raise ValidationError(
                {"year": gettext("The year %(year)s is not plausible") % {"year": self.year}}
            )
