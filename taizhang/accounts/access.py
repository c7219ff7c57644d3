"""The role and unit of a user, the facts every other ``access.py`` decides on, and the
:class:`Decision` their ``can_<verb>_<noun>(user, obj)`` functions answer with.

One path for "may this person do it": each app's ``access.py`` has a ``can_<verb>_<noun>`` per
action; the action calls it and refuses with ``.check()``, the page calls it to show (or not) the
button, and tests/web/test_permissions*.py checks both against docs/permissions.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import UNIT_ROLES, ApiToken, LoginEvent, Membership, Role

__all__ = [
    "Decision",
    "ALLOWED",
    "refused",
    "refused_now",
    "missing",
    "token_for_key",
    "visible_login_events",
    "visible_api_tokens",
    "role_of",
    "unit_id_of",
    "is_steering",
    "sees_everything",
    "require_steering",
    "require_unit_role",
    "steering_decision",
]


@dataclass(frozen=True)
class Decision:
    """Whether a person may take an action on an object now; falsy when not, with why.

    A refusal of the person (``field`` empty: not his role, not his unit) is raised as
    PermissionDenied; a refusal of the moment (``field`` set: the report is not submitted yet, the
    task lacks evidence) as a ValidationError naming the field. Templates test it as a boolean and
    may show ``reason``.
    """

    allowed: bool
    reason: str = ""
    field: str = ""
    missing: tuple[tuple[str, str], ...] = ()  # (field, what is missing) when several things are

    def __bool__(self) -> bool:
        return self.allowed

    def check(self) -> None:
        """Raise the refusal (PermissionDenied or ValidationError naming the field); nothing when allowed."""
        if self.allowed:
            return
        if self.missing:
            raise ValidationError({field: [reason] for field, reason in self.missing})
        if self.field:
            raise ValidationError({self.field: self.reason})
        raise PermissionDenied(self.reason)

    def check_person(self) -> None:
        """Raise PermissionDenied when the person may not act at all (a view's first check, before
        it reads a form); a refusal of the moment is left to the action and the form's errors."""
        if not self.allowed and not self.field and not self.missing:
            raise PermissionDenied(self.reason)


ALLOWED = Decision(True)


def refused(reason: str) -> Decision:
    """The person may not take this action at all (PermissionDenied)."""
    return Decision(False, reason)


def refused_now(field: str, reason: str) -> Decision:
    """The person could, but not in the object's present state (ValidationError naming ``field``)."""
    return Decision(False, reason, field)


def missing(items: list[tuple[str, str]], opening: str) -> Decision:
    """Refused until every (field, what) of ``items`` is there; allowed when none is missing."""
    if not items:
        return ALLOWED
    return Decision(False, opening + "；".join(what for _, what in items), items[0][0], tuple(items))


STEERING_ROLES = frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR})
READ_ALL_ROLES = frozenset({Role.ADMINISTRATOR, Role.SUPERVISOR, Role.VIEWER})


def _membership(user: Any) -> Membership | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.membership  # type: ignore[no-any-return]
    except Membership.DoesNotExist:
        return None


def role_of(user: Any) -> Role | None:
    """The user's role; a superuser without a membership is an administrator; else None."""
    membership = _membership(user)
    if membership is not None:
        return Role(membership.role)
    if getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser:
        return Role.ADMINISTRATOR
    return None


def unit_id_of(user: Any) -> int | None:
    """The id of the unit a unit leader or officer acts for, else None."""
    membership = _membership(user)
    if membership is None or membership.role not in UNIT_ROLES:
        return None
    return membership.unit_id


def is_steering(user: Any) -> bool:
    """Administrators and the supervisor (督查室) see and steer everything."""
    return role_of(user) in STEERING_ROLES


def sees_everything(user: Any) -> bool:
    """Administrators, the supervisor and read-only viewers read every policy, task and report."""
    return role_of(user) in READ_ALL_ROLES


def require_steering(user: Any, what: str) -> None:
    """Raise PermissionDenied unless the user is an administrator or the supervisor."""
    if not is_steering(user):
        raise PermissionDenied(f"只有督查室可以{what}")


def require_unit_role(user: Any, role: Role, unit_id: int | None, what: str) -> None:
    """Raise PermissionDenied unless the user has ``role`` in the unit ``unit_id``."""
    if role_of(user) != role or unit_id is None or unit_id_of(user) != unit_id:
        raise PermissionDenied(f"只有本单位的{role.label}可以{what}")


def steering_decision(user: Any, what: str) -> Decision:
    """Allowed for administrators and the supervisor; the others are refused, saying who may."""
    return ALLOWED if is_steering(user) else refused(f"只有督查室可以{what}")


def token_for_key(key: str, now: datetime | None = None) -> ApiToken | None:
    """The usable token whose key is ``key`` (not revoked, not expired, its user active), else
    None. Its ``last_used_at`` is brought up to date at most once every five minutes."""
    from .actions import hash_key

    if not key or len(key) > 200:
        return None
    now = now or timezone.now()
    token = ApiToken.objects.select_related("user").filter(digest=hash_key(key)).first()
    if token is None or not token.is_usable(now) or not token.user.is_active:
        return None
    stale = Q(last_used_at=None) | Q(last_used_at__lt=now - timedelta(minutes=5))
    if token.last_used_at is None or token.last_used_at < now - timedelta(minutes=5):
        ApiToken.objects.filter(stale, pk=token.pk).update(last_used_at=now)
    return token


def visible_api_tokens(user: Any, now: datetime | None = None) -> QuerySet[ApiToken]:
    """The person's own tokens: the usable ones and those revoked or expired in the last year."""
    now = now or timezone.now()
    if user is None or not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    year_ago = now - timedelta(days=365)
    return ApiToken.objects.filter(user=user, expires_at__gt=year_ago).exclude(revoked_at__lt=year_ago)


def visible_login_events(user: Any) -> QuerySet[LoginEvent]:
    """The sign-in audit, for the administrator only (PermissionDenied for anyone else)."""
    if role_of(user) != Role.ADMINISTRATOR:
        raise PermissionDenied("只有系统管理员可以查看登录日志")
    return LoginEvent.objects.select_related("user")
