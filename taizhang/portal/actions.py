"""Writes of the portal: publishing a policy to it and withdrawing it. Steering roles only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.core.history import record, snapshot
from taizhang.policies.models import Policy, PolicyStatus

from .access import can_publish_to_portal
from .models import PublicationSettings

__all__ = ["do_publish_to_portal", "do_withdraw_from_portal"]

FIELDS = ("is_public", "show_progress", "show_indicators")


def _settings_for(policy: Policy) -> PublicationSettings:
    row, _ = PublicationSettings.objects.select_for_update().get_or_create(policy=policy)
    return row


def do_publish_to_portal(
    user: Any,
    policy: Policy,
    *,
    show_progress: bool = True,
    show_indicators: bool = True,
    now: dt.datetime | None = None,
) -> PublicationSettings:
    """Make ``policy`` public on the portal, with or without its progress and indicators.

    The supervisor or an administrator only; a draft policy is a ValidationError on ``policy``
    (only work that was assigned can be reported to the public).
    """
    can_publish_to_portal(user, policy).check()
    if policy.status != PolicyStatus.PUBLISHED:
        raise ValidationError(
            {"policy": gettext("A draft policy cannot be made public; publish (assign) it first")}
        )
    with transaction.atomic():
        row = _settings_for(policy)
        before = snapshot(row, FIELDS)
        row.is_public, row.show_progress, row.show_indicators = True, show_progress, show_indicators
        row.updated_by, row.updated_at = user, now or timezone.now()
        row.save(update_fields=[*FIELDS, "updated_by", "updated_at"])
        record(user, row, "portal.publish", before=before, after=snapshot(row, FIELDS))
    return row


def do_withdraw_from_portal(user: Any, policy: Policy, now: dt.datetime | None = None) -> PublicationSettings:
    """Take ``policy`` off the portal and out of the blue book. Steering roles only."""
    can_publish_to_portal(user, policy).check()
    with transaction.atomic():
        row = _settings_for(policy)
        before = snapshot(row, FIELDS)
        row.is_public = False
        row.updated_by, row.updated_at = user, now or timezone.now()
        row.save(update_fields=["is_public", "updated_by", "updated_at"])
        record(user, row, "portal.withdraw", before=before, after=snapshot(row, FIELDS))
    return row
