"""Who reads bulletins: the supervisor, administrators and leadership read every one, drafts
included; unit leaders and officers read issued bulletins only (they are sent to every unit);
anyone without a role reads none. A bulletin one may not read answers 404, as a missing one."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from taizhang.accounts.access import role_of, sees_everything

from .models import Bulletin, BulletinStatus

__all__ = ["visible_bulletins", "access_bulletin"]


def visible_bulletins(queryset: Any, user: Any) -> Any:
    """``queryset`` narrowed to the bulletins ``user`` may read."""
    if sees_everything(user):
        return queryset
    if role_of(user) is None:
        return queryset.none()
    return queryset.filter(status=BulletinStatus.ISSUED)


def access_bulletin(user: Any, bulletin_id: int) -> Bulletin:
    """The bulletin ``bulletin_id`` if ``user`` may read it; Http404 otherwise."""
    bulletin = Bulletin.objects.visible_to(user).filter(pk=bulletin_id).first()
    if bulletin is None:
        raise Http404("没有这份通报")
    return bulletin
