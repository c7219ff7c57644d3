"""Who a user is in the ledger: a role and, for unit people, a unit.

The roles of the product are the members of :class:`Role` (defined in taizhang.core.access), in this one place: the forms, the user
list's filter, the .xlsx import (which reads a role by its label in any of the interface's languages
or by its code) and docs/permissions.md follow it. A new role is a new member here (and in
``UNIT_ROLES`` when it acts for a unit), a migration, and its rows in docs/permissions.md.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taizhang.core.access import UNIT_ROLES, Role  # the roles live with the access base

__all__ = ["ApiToken", "LoginEvent", "LoginOutcome", "Membership", "Role", "UNIT_ROLES", "UserImport"]


class Membership(models.Model):
    """A user's role in the ledger, the unit they work in (required for a unit leader or officer,
    whom it names the unit they act for) and their mobile number.

    The name and e-mail are the user's own (``first_name`` holds the whole name, 姓名, as Chinese
    names are written; ``last_name`` stays empty). ``version`` guards the administrator's edits.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    role = models.CharField(max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def clean(self) -> None:
        if self.role in UNIT_ROLES and self.unit_id is None:
            raise ValidationError({"unit": gettext("Unit leaders and officers must belong to a unit")})
        if self.unit_id is not None and self.unit.is_collective:
            raise ValidationError(
                {
                    "unit": gettext(
                        "“%(unit)s” is a collective name for several units and cannot have members"
                    )
                    % {"unit": self.unit.name}
                }
            )


class ApiToken(models.Model):
    """An API token (接口令牌) another system uses to call the API on a person's behalf.

    Only the SHA-256 digest of the key is stored: the key itself is shown once, when it is made,
    and cannot be read back. A token stops working when it expires or is revoked; revoked and
    expired tokens stay listed on the person's profile until they are a year old.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(max_length=12)  # the key's first characters, to tell tokens apart
    digest = models.CharField(max_length=64, unique=True)  # sha256 of the key, hex
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    def is_usable(self, now: datetime | None = None) -> bool:
        """Neither revoked nor expired at ``now``."""
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class LoginOutcome(models.TextChoices):
    SUCCESS = "success", _("Signed in")
    FAILURE = "failure", _("Sign-in failed")
    LOCKED_OUT = "locked_out", _("Sign-in locked")
    LOGOUT = "logout", _("Signed out")


class LoginEvent(models.Model):
    """One sign-in, failed sign-in, lock-out or sign-out (登录日志), for the administrator to audit.

    Append-only like the history: database triggers refuse to change or delete a row
    (``taizhang.core.appendonly``). ``username`` is what was typed; ``user`` is set when it named
    an account.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=LoginOutcome.choices)
    channel = models.CharField(max_length=10, default="web")  # web, api, admin
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("sign-in record")
        verbose_name_plural = _("sign-in records")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_outcome_display()}"


class UserImport(models.Model):
    """A previewed .xlsx list of people (用户批量导入) waiting for the administrator's confirmation.

    Only a file whose every row passed is kept, as the rows to create (``rows``); a rejected file
    leaves nothing. ``token`` is the preview's one-time key: confirming claims it with a conditional
    update (``confirmed_at`` from empty), so a double click or a replayed form creates the people
    once. Previews never confirmed are removed after a day.
    """

    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    file_name = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bulk import of people")
        verbose_name_plural = _("bulk imports of people")

    def __str__(self) -> str:
        return f"{self.file_name} ({len(self.rows)})"
