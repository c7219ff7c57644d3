"""Government units (单位) and the other names they go by."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = ["Unit", "UnitAlias", "UnitKind", "UnitStatus"]


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("District department")
    SUBDISTRICT = "subdistrict", _("Subdistrict office")
    STATIONED = "stationed", _("Stationed unit")
    HEADQUARTERS = "headquarters", _("Headquarters")
    COURT = "court", _("Court")
    COLLECTIVE = "collective", _("Collective name (several units)")
    OTHER = "other", _("Other")


class UnitStatus(models.TextChoices):
    PROPOSED = "proposed", _("To be confirmed")
    CONFIRMED = "confirmed", _("Confirmed")


class Unit(models.Model):
    """A government body (单位/部门) that answers for tasks.

    Units the extractor finds are ``proposed`` until an administrator confirms them or merges
    them into an existing unit (``merged_into``; the merged name becomes an alias). Names are kept
    in simplified script and shown in the interface's (names.py). A ``collective`` (各街道办,
    各有关部门) stands for several units: it may be named on a task, but it has no members, is never
    scored or ranked, and the supervisor expands it into the units it stands for.
    """

    name = models.CharField(max_length=100, unique=True)
    short_name = models.CharField(max_length=50, blank=True)
    kind = models.CharField(max_length=20, choices=UnitKind.choices, default=UnitKind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    responsible_head = models.CharField(_("responsible head"), max_length=50, blank=True)
    status = models.CharField(max_length=20, choices=UnitStatus.choices, default=UnitStatus.PROPOSED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_units"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.shown

    @property
    def shown(self) -> str:
        """The name in the script of the interface (区财政局, 區財政局 in traditional)."""
        from .names import shown_name

        return shown_name(self.name)

    @property
    def is_collective(self) -> bool:
        """A name for several units (各街道办), not one accountable body."""
        return self.kind == UnitKind.COLLECTIVE

    def suggested_members(self) -> models.QuerySet[Unit]:
        """The registry's units a collective most likely stands for (各街道办: the subdistricts),
        to offer when it is expanded; none when its name does not say."""
        from .names import member_kind_of

        kind = member_kind_of(self.name) if self.is_collective else None
        if kind is None:
            return Unit.objects.none()
        return Unit.objects.filter(kind=kind, status=UnitStatus.CONFIRMED, merged_into=None).order_by("name")

    def clean(self) -> None:
        if self.name != self.name.strip() or not self.name:
            raise ValidationError(
                {"name": gettext("The unit's name may not be empty nor start or end with a space")}
            )
        if self.parent_id is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": gettext("A unit cannot be its own parent")})
        if self.merged_into_id is not None and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": gettext("A unit cannot be merged into itself")})

    @property
    def is_active(self) -> bool:
        """A unit that has not been merged into another."""
        return self.merged_into_id is None


class UnitAlias(models.Model):
    """Another name of a unit (a former name, an abbreviation, a traditional-script spelling)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit alias")
        verbose_name_plural = _("unit aliases")

    def __str__(self) -> str:
        return self.name
