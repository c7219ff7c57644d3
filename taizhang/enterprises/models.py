"""Enterprises (企业), what is known of them, the benefits (惠企政策) written as rules, and the
免申即享 loop: lists, public notice (公示), objections, confirmations (意愿确认) and payouts.

Also the Hong Kong enterprise zone's content (港企服务专区): service items (服务事项) and
深港资讯 news, and the link from a user to the enterprise he acts for (enterprise accounts).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .attributes import ATTRIBUTES, BY_CODE

__all__ = [
    "Enterprise",
    "EnterpriseFact",
    "RegistryImport",
    "EnterpriseAccount",
    "Benefit",
    "BenefitStatus",
    "BenefitVersion",
    "BenefitExample",
    "BenefitList",
    "ListStatus",
    "Decision",
    "DecisionStatus",
    "Objection",
    "ObjectionStatus",
    "ServiceItem",
    "NewsItem",
    "validate_credit_code",
    "validate_hk_br_number",
]

# A Hong Kong business registration number: the 8-digit BR number, optionally with the
# certificate's branch and check parts (12345678-000-01-24-3).
# matches: "12345678", "12345678-000-01-24-3"; must not match: "1234567", "BR12345678"
HK_BR_RE = re.compile(r"^\d{8}(?:-\d{3}-\d{2}-\d{2}-[0-9A-Z])?$")


def validate_credit_code(value: str) -> str:
    """The 统一社会信用代码 compacted and checked (format and check digit), or ValidationError."""
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    code = (value or "").strip().upper()
    try:
        return str(uscc.validate(code))
    except InvalidLength:
        raise ValidationError(
            gettext("The unified social credit code “%(value)s” should have 18 characters, not %(length)s")
            % {"value": value, "length": len(code)}
        ) from None
    except InvalidChecksum:
        raise ValidationError(
            gettext("The check character of the unified social credit code “%(value)s” is wrong")
            % {"value": value}
        ) from None
    except (InvalidFormat, InvalidComponent):
        raise ValidationError(
            gettext("The unified social credit code “%(value)s” has characters that are not allowed")
            % {"value": value}
        ) from None


def validate_hk_br_number(value: str) -> str:
    """A Hong Kong business registration number (商业登记号码), 8 digits, or ValidationError."""
    number = (value or "").strip().upper().replace(" ", "")
    if not HK_BR_RE.match(number):
        raise ValidationError(
            gettext(
                "The Hong Kong business registration number “%(value)s” should have 8 digits (optionally followed by -000-01-24-3)"
            )
            % {"value": value}
        )
    return number


class EnterpriseQuerySet(models.QuerySet["Enterprise"]):
    def visible_to(self, user: object) -> EnterpriseQuerySet:
        """The enterprises ``user`` may read (see taizhang/enterprises/access.py)."""
        from .access import visible_enterprises

        return visible_enterprises(self, user)


class Enterprise(models.Model):
    """An enterprise served by the district, keyed by its 统一社会信用代码 (credit code).

    What benefits depend on is held as facts (:class:`EnterpriseFact`), each with its source.
    """

    credit_code = models.CharField(_("unified social credit code"), max_length=18, unique=True)
    name = models.CharField(_("enterprise name"), max_length=200)
    hk_br_number = models.CharField(_("Hong Kong business registration number"), max_length=24, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        try:
            self.credit_code = validate_credit_code(self.credit_code)
        except ValidationError as exc:
            errors["credit_code"] = exc.messages
        if not self.name.strip():
            errors["name"] = [gettext("The enterprise's name may not be empty")]
        if self.hk_br_number:
            try:
                self.hk_br_number = validate_hk_br_number(self.hk_br_number)
            except ValidationError as exc:
                errors["hk_br_number"] = exc.messages
        if errors:
            raise ValidationError(errors)

    @property
    def masked_code(self) -> str:
        """The credit code with its middle hidden, for public lists: 9144****0DHJ6T."""
        return self.credit_code[:4] + "*" * 8 + self.credit_code[-6:]


ATTRIBUTE_CHOICES = [(a.code, a.label) for a in ATTRIBUTES]


class EnterpriseFact(models.Model):
    """One attribute of an enterprise (of one year, for yearly figures), with the department it
    came from (数据来源) and the date it is true as of (截至日期).

    ``number`` holds figures, years, yes/no (1/0), the 专精特新 tier and the credit status;
    ``text`` the 行业门类 letter or a certificate number; certificates have validity dates.
    ``year`` is 0 for attributes not held per year.
    """

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="facts")
    attribute = models.CharField(max_length=40, choices=ATTRIBUTE_CHOICES)
    year = models.PositiveSmallIntegerField(default=0)
    number = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    text = models.CharField(max_length=60, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    source = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("as of"))
    batch = models.ForeignKey(
        "RegistryImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["enterprise", "attribute", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "attribute", "year"], name="fact_unique_attribute_year"
            )
        ]
        verbose_name = _("enterprise data item")
        verbose_name_plural = _("enterprise data")

    def __str__(self) -> str:
        return f"{self.enterprise_id} {self.attribute}{'@' + str(self.year) if self.year else ''}"

    def clean(self) -> None:
        attribute = BY_CODE.get(self.attribute)
        if attribute is None:
            raise ValidationError(
                {"attribute": gettext("Unknown attribute “%(attribute)s”") % {"attribute": self.attribute}}
            )
        if attribute.yearly and not self.year:
            raise ValidationError(
                {
                    "year": gettext("%(attribute)s is recorded by year; a year is needed")
                    % {"attribute": attribute.label}
                }
            )
        if not attribute.yearly and self.year:
            raise ValidationError(
                {"year": gettext("%(attribute)s is not recorded by year") % {"attribute": attribute.label}}
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": gettext("The end of validity cannot be before its start")})


class RegistryImport(models.Model):
    """One accepted import of a department's export (a rejected file leaves no row at all)."""

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    source = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField(_("as of"))
    rows = models.PositiveIntegerField(default=0)
    enterprises_created = models.PositiveIntegerField(default=0)
    facts_written = models.PositiveIntegerField(default=0)
    facts_kept = models.PositiveIntegerField(default=0)  # stored values newer than the file's
    columns = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("enterprise data import")
        verbose_name_plural = _("enterprise data imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows})"


class EnterpriseAccount(models.Model):
    """A user who acts for an enterprise (企业用户): he sees that enterprise only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enterprise_account"
    )
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="accounts")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enterprise user")
        verbose_name_plural = _("enterprise users")

    def __str__(self) -> str:
        return f"{self.user} → {self.enterprise}"


class BenefitStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    RETIRED = "retired", _("Deactivated")


class BenefitQuerySet(models.QuerySet["Benefit"]):
    def visible_to(self, user: object) -> BenefitQuerySet:
        """The benefits ``user`` may read (see taizhang/enterprises/access.py)."""
        from .access import visible_benefits

        return visible_benefits(self, user)


class Benefit(models.Model):
    """A benefit (惠企政策) in the catalogue: the policy clause it comes from, the ledger task it
    fulfils, the department that pays it, its validity, and its rules (versioned)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    policy = models.ForeignKey(
        "policies.Policy", null=True, blank=True, on_delete=models.PROTECT, related_name="benefits"
    )
    clause_start = models.PositiveIntegerField(null=True, blank=True)
    clause_end = models.PositiveIntegerField(null=True, blank=True)
    clause_text = models.TextField(_("clause as written"), blank=True)
    task = models.ForeignKey(
        "ledger.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="benefits"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="benefits")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    for_hk = models.BooleanField(_("recommended in the Hong Kong enterprise zone"), default=False)
    status = models.CharField(max_length=10, choices=BenefitStatus.choices, default=BenefitStatus.ACTIVE)
    current = models.ForeignKey(
        "BenefitVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = BenefitQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("benefit for enterprises")
        verbose_name_plural = _("benefits for enterprises")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.name.strip():
            raise ValidationError({"name": gettext("The name may not be empty")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": gettext("“Valid until” cannot be before “valid from”")})
        if (self.clause_start is None) != (self.clause_end is None):
            raise ValidationError(
                {"clause_end": gettext("The clause's place needs both its start and its end")}
            )
        if self.clause_start is not None and self.clause_end is not None:
            if self.clause_end <= self.clause_start:
                raise ValidationError({"clause_end": gettext("The clause's end should come after its start")})
            if self.policy is None:
                raise ValidationError(
                    {"policy": gettext("The clause's place needs the policy document it belongs to")}
                )
            if self.clause_end > len(self.policy.text):
                raise ValidationError(
                    {"clause_end": gettext("The clause's place runs past the end of the policy document")}
                )
        if self.task is not None and self.policy is not None and self.task.policy_id != self.policy.pk:
            raise ValidationError(
                {"task": gettext("The linked task should belong to the same policy document")}
            )

    def in_force(self, on: object) -> bool:
        """Whether the benefit applies on the date ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (  # type: ignore[operator]
            self.valid_until is None or on <= self.valid_until  # type: ignore[operator]
        )


class BenefitVersion(models.Model):
    """One version of a benefit's rules: conditions and amount formula, as written. Immutable:
    a change is a new version, and every decision names the version it was made with."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    conditions = models.TextField(_("conditions"))
    formula = models.TextField(_("amount formula"), blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["benefit", "-number"]
        constraints = [models.UniqueConstraint(fields=["benefit", "number"], name="benefit_version_unique")]
        verbose_name = _("rule version")
        verbose_name_plural = _("rule versions")

    def __str__(self) -> str:
        return f"{self.benefit_id} v{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise ValidationError(
                {"conditions": gettext("A rule version cannot be changed; save a new version")}
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def rule(self) -> object:
        """The engine's :class:`~taizhang.enterprises.engine.Rule` of this version."""
        from .engine import Rule

        return Rule.parse(self.benefit.code, self.conditions, self.formula, self.benefit.name)


class BenefitExample(models.Model):
    """An example case of a benefit (like a test): inputs and the expected outcome and amount.

    Saving new rules runs every example; a version that breaks one is refused.
    """

    class Expected(models.TextChoices):
        ELIGIBLE = "eligible", _("Eligible")
        NOT_ELIGIBLE = "not_eligible", _("Not eligible")
        POSSIBLY = "possibly", _("Possibly eligible (data missing)")

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="examples")
    name = models.CharField(_("example"), max_length=200)
    as_of = models.DateField(_("evaluation date"))
    inputs = models.JSONField(_("inputs"), default=dict)  # {column: value}, as the frame holds them
    expected = models.CharField(max_length=20, choices=Expected.choices)
    expected_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["benefit", "pk"]
        verbose_name = _("rule example")
        verbose_name_plural = _("rule examples")

    def __str__(self) -> str:
        return self.name


class ListStatus(models.TextChoices):
    DRAFT = "draft", _("Waiting for review")
    APPROVED = "approved", _("Approved, awaiting public notice")
    RETURNED = "returned", _("Returned")
    ON_NOTICE = "on_notice", _("On public notice")
    FINAL = "final", _("Notice over, awaiting the enterprises' confirmation")
    CLOSED = "closed", _("Fully paid out")


class BenefitList(models.Model):
    """A list of enterprises matched to a benefit (兑现名单), generated from the registry on a date
    with one rule version; reviewed by the supervisor, put on public notice (公示), then final."""

    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="lists")
    rule_version = models.ForeignKey(BenefitVersion, on_delete=models.PROTECT, related_name="lists")
    number = models.PositiveIntegerField()
    as_of = models.DateField(_("data as of"))
    status = models.CharField(max_length=20, choices=ListStatus.choices, default=ListStatus.DRAFT)
    evaluated = models.PositiveIntegerField(default=0)
    eligible_count = models.PositiveIntegerField(default=0)
    possibly_count = models.PositiveIntegerField(default=0)
    review_comments = models.TextField(blank=True)
    notice_from = models.DateField(null=True, blank=True)
    notice_until = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["benefit", "-number"]
        constraints = [models.UniqueConstraint(fields=["benefit", "number"], name="benefit_list_unique")]
        verbose_name = _("payout list")
        verbose_name_plural = _("payout lists")

    def __str__(self) -> str:
        return gettext("%(benefit)s, list %(number)s") % {"benefit": self.benefit.name, "number": self.number}


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NEEDS_DATA = "needs_data", _("Needs data")
    EXCLUDED = "excluded", _("Excluded in review")
    WITHDRAWN = "withdrawn", _("Withdrawn after an objection")
    AWAITING = "awaiting", _("Awaiting the enterprise's confirmation")
    CONFIRMED = "confirmed", _("Confirmed by the enterprise")
    DECLINED = "declined", _("Declined by the enterprise")
    PAID = "paid", _("Paid")


class Decision(models.Model):
    """One enterprise on a list: the outcome, the amount, and, frozen with it, the rule version
    and the data it was decided on (``snapshot``: column -> value, source, as-of)."""

    benefit_list = models.ForeignKey(BenefitList, on_delete=models.CASCADE, related_name="decisions")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.PROTECT, related_name="decisions")
    rule_version = models.ForeignKey(BenefitVersion, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=20)  # engine.Outcome
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    snapshot = models.JSONField(default=dict)
    missing = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=DecisionStatus.choices, db_index=True)
    reason = models.TextField(blank=True)  # why excluded / withdrawn / declined
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    paid_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    payment_reference = models.CharField(max_length=100, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["benefit_list", "enterprise__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["benefit_list", "enterprise"], name="decision_unique_enterprise")
        ]
        verbose_name = _("payout decision")
        verbose_name_plural = _("payout decisions")

    def __str__(self) -> str:
        return f"{self.benefit_list_id}:{self.enterprise_id} {self.status}"


class ObjectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """An objection (异议) lodged during a list's public notice, about one enterprise on it."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="objections")
    text = models.TextField(_("objection"))
    contact = models.CharField(_("contact person and details"), max_length=200)
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lodged_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN)
    reply = models.TextField(_("reply"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["lodged_at", "pk"]
        verbose_name = _("objection to a public notice")
        verbose_name_plural = _("objections to public notices")


class ServiceItem(models.Model):
    """A service (服务事项) offered to enterprises, shown in the Hong Kong enterprise zone."""

    title = models.CharField(_("service name"), max_length=200)
    summary = models.TextField(_("how to apply"))
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    location = models.CharField(_("place or channel"), max_length=200, blank=True)
    for_hk = models.BooleanField(_("in the Hong Kong enterprise zone"), default=True)
    task = models.ForeignKey(
        "ledger.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("service item")
        verbose_name_plural = _("service items")

    def __str__(self) -> str:
        return self.title


class NewsItem(models.Model):
    """A news item (深港资讯) officers publish in the Hong Kong enterprise zone."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body text"))
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("Shenzhen–Hong Kong news item")
        verbose_name_plural = _("Shenzhen–Hong Kong news")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
