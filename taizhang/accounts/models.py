"""Who a user is in the ledger: a role and, for unit people, a unit."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

__all__ = ["Membership", "Role"]


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "系统管理员"
    SUPERVISOR = "supervisor", "督查室"
    UNIT_LEADER = "unit_leader", "单位负责人"
    UNIT_OFFICER = "unit_officer", "单位联络员"
    VIEWER = "viewer", "只读"


UNIT_ROLES = frozenset({Role.UNIT_LEADER, Role.UNIT_OFFICER})


class Membership(models.Model):
    """A user's role in the ledger and, for a unit leader or officer, the unit they act for."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    role = models.CharField(max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )

    class Meta:
        verbose_name = "成员"
        verbose_name_plural = "成员"

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.role in UNIT_ROLES and self.unit_id is None:
            raise ValidationError({"unit": "单位负责人和联络员必须属于一个单位"})
        if self.unit_id is not None and self.unit.is_collective:
            raise ValidationError({"unit": f"“{self.unit.name}”是多个单位的统称，不能有成员"})
