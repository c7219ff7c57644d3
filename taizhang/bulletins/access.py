"""Who reads bulletins (docs/permissions.md): the supervisor and administrators read every one,
drafts included; leadership (viewers) and the units read issued bulletins only (a draft is the
office's working copy until it is issued); anyone without a role reads none. A bulletin one may
not read answers 404, as a missing one. Generating and issuing are the supervisor's."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import (
    ALLOWED,
    Decision,
    Person,
    is_steering,
    refused,
    refused_now,
    role_of,
    steering_decision,
)

from .models import Bulletin, BulletinStatus

__all__ = [
    "visible_bulletins",
    "access_bulletin",
    "can_read_bulletin",
    "can_generate_bulletin",
    "can_issue_bulletin",
]


def visible_bulletins(queryset: Any, user: Any) -> Any:
    """``queryset`` narrowed to the bulletins ``user`` may read."""
    if is_steering(user):
        return queryset
    if role_of(user) is None:
        return queryset.none()
    return queryset.filter(status=BulletinStatus.ISSUED)


def can_read_bulletin(user: Person, bulletin: Bulletin) -> Decision:
    """Drafts for the supervisor; issued bulletins for everyone with a role."""
    if is_steering(user) or (role_of(user) is not None and bulletin.status == BulletinStatus.ISSUED):
        return ALLOWED
    return refused(gettext("Only the supervisor may see draft bulletins"))


def can_generate_bulletin(user: Person, period: Any = None) -> Decision:
    """The supervisor generates a draft bulletin for a period."""
    return steering_decision(user, gettext("draw up bulletins"))


def can_issue_bulletin(user: Person, bulletin: Bulletin) -> Decision:
    """The supervisor issues a draft bulletin to the units."""
    decision = steering_decision(user, gettext("issue bulletins"))
    if decision and bulletin.status != BulletinStatus.DRAFT:
        return refused_now("status", gettext("This bulletin is issued already"))
    return decision


def access_bulletin(user: Any, bulletin_id: int) -> Bulletin:
    """The bulletin ``bulletin_id`` if ``user`` may read it; Http404 otherwise."""
    bulletin = Bulletin.objects.visible_to(user).filter(pk=bulletin_id).first()
    if bulletin is None:
        raise Http404(gettext("No such bulletin"))
    return bulletin
