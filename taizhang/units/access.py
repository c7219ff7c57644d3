"""Units are public within the system: everyone signed in reads them; administrators and the supervisor change them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.accounts.access import is_steering, role_of

from .models import Unit

__all__ = ["access_unit"]


def access_unit(user: Any, unit_id: Any, for_write: bool = False) -> Unit:
    """The unit ``unit_id`` for any user with a role; writing is for administrators and the supervisor."""
    if role_of(user) is None:
        raise Http404("没有这个单位")
    try:
        unit = Unit.objects.get(pk=int(unit_id))
    except (Unit.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个单位") from None
    if for_write and not is_steering(user):
        raise PermissionDenied("只有管理员或督查室可以修改单位")
    return unit
