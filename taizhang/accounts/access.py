"""The role and unit of a user, the facts every other ``access.py`` decides on, and the
:class:`Decision` their ``can_<verb>_<noun>(user, obj)`` functions answer with (defined in
``taizhang.core.access``, re-exported here), and the administrator's reads of people.

One path for "may this person do it": each app's ``access.py`` has a ``can_<verb>_<noun>`` per
action; the action calls it and refuses with ``.check()``, the page calls it to show (or not) the
button, and tests/web/test_permissions*.py checks both against docs/permissions.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from taizhang.core.access import (
    ALLOWED,
    Decision,
    Person,
    is_steering,
    missing,
    refused,
    refused_now,
    require_steering,
    require_unit_role,
    role_of,
    sees_everything,
    steering_decision,
    unit_id_of,
)

from .models import UNIT_ROLES, ApiToken, LoginEvent, Membership, Role, UserImport

__all__ = [
    "Person",
    "Decision",
    "ALLOWED",
    "refused",
    "refused_now",
    "missing",
    "is_administrator",
    "require_administrator",
    "visible_users",
    "access_user",
    "access_user_import",
    "visible_user_history",
    "USER_HISTORY_TYPES",
    "OpenWork",
    "open_work",
    "UnitPeople",
    "unit_people",
    "active_administrators",
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
        raise PermissionDenied(gettext("Only the administrator may see the login log"))
    return LoginEvent.objects.select_related("user")


# --------------------------------------------------------------------------------------------
# User administration (系统管理员 only): the people, their history, their open work


def is_administrator(user: Any) -> bool:
    """The administrator (系统管理员), or a superuser without a membership."""
    return role_of(user) == Role.ADMINISTRATOR


def require_administrator(user: Any) -> None:
    """Raise PermissionDenied unless the user is an administrator: only he administers users."""
    if not is_administrator(user):
        raise PermissionDenied(_("Only the administrator may administer users."))


def visible_users(user: Any) -> QuerySet[Any]:
    """Every account with its membership and unit, for the administrator (PermissionDenied for
    anyone else: the unit pages show the others who works where)."""
    require_administrator(user)
    return get_user_model()._default_manager.select_related("membership__unit")


def access_user(user: Any, user_id: Any) -> Any:
    """The account ``user_id`` for the administrator to read or change; 404 when there is none,
    PermissionDenied for anyone else (whatever the id)."""
    require_administrator(user)
    try:
        return visible_users(user).get(pk=int(user_id))
    except (get_user_model().DoesNotExist, TypeError, ValueError):
        raise Http404(_("No such user.")) from None


def access_user_import(user: Any, token: str) -> UserImport:
    """The administrator's own import preview under ``token``, not yet confirmed; 404 otherwise
    (another administrator's token, an old one, a confirmed one)."""
    require_administrator(user)
    found = UserImport.objects.filter(token=str(token or "")[:64], created_by=user, confirmed_at=None).first()
    if found is None:
        raise Http404(_("This preview has expired or was already confirmed: upload the file again."))
    return found


# The history rows about people: the accounts themselves (created, changed, deactivated, invited,
# unlocked, passwords set) and the imports that created them.
USER_HISTORY_TYPES = ("auth.user", "accounts.userimport")


def visible_user_history(user: Any, person: Any = None) -> QuerySet[Any]:
    """The history of user administration, newest first, for the administrator only; with
    ``person``, that person's rows (their account and their API tokens)."""
    from taizhang.core.models import HistoryEntry

    require_administrator(user)
    rows = HistoryEntry.objects.select_related("actor").order_by("-at", "-pk")
    if person is None:
        return rows.filter(object_type__in=USER_HISTORY_TYPES)
    tokens = list(ApiToken.objects.filter(user=person).values_list("pk", flat=True))
    return rows.filter(
        Q(object_type="auth.user", object_id=person.pk)
        | Q(object_type="accounts.apitoken", object_id__in=tokens)
    )


def active_administrators() -> QuerySet[Any]:
    """The active accounts that count as administrators (by membership, or superusers without one)."""
    return (
        get_user_model()
        ._default_manager.filter(is_active=True)
        .filter(Q(membership__role=Role.ADMINISTRATOR) | Q(is_superuser=True, membership=None))
    )


@dataclass(frozen=True)
class OpenWork:
    """What a person has open that someone else must carry on when they leave.

    Work in the ledger belongs to units, so another person of the unit with the same role can
    carry on every report (``drafts``, ``awaiting_approval``); ``uncovered`` says when the unit
    has nobody else with that role, so the role must be given to someone (交接).
    """

    drafts: list[Any] = field(default_factory=list)  # reports they started, still draft or returned
    awaiting_approval: list[Any] = field(default_factory=list)  # their unit's reports for a leader
    extensions: list[Any] = field(default_factory=list)  # their pending extension requests
    notices: list[Any] = field(default_factory=list)  # open supervision notices (督办单) they issued
    uncovered: Role | None = None  # the unit role nobody else active holds in their unit
    unit: Any = None

    def __bool__(self) -> bool:
        return bool(
            self.drafts or self.awaiting_approval or self.extensions or self.notices or self.uncovered
        )

    @property
    def count(self) -> int:
        return len(self.drafts) + len(self.awaiting_approval) + len(self.extensions) + len(self.notices)


def open_work(user: Any, person: Any) -> OpenWork:
    """``person``'s open work (see :class:`OpenWork`), for the administrator only.

    The apps above accounts give their part through their ``AppConfig.open_work_of``: a function
    ``(person, unit, uncovered)`` answering some of OpenWork's lists (the ledger its reports and
    extension requests, supervision its notices)."""
    require_administrator(user)
    membership = Membership.objects.filter(user=person).select_related("unit").first()
    role = membership.role if membership else None
    unit = membership.unit if membership else None
    uncovered = None
    if role in UNIT_ROLES and unit is not None:
        others = Membership.objects.filter(unit=unit, role=role, user__is_active=True).exclude(user=person)
        if not others.exists():
            uncovered = Role(role)
    parts: dict[str, list[Any]] = {}
    for config in apps.get_app_configs():
        if path := getattr(config, "open_work_of", None):
            parts.update(import_string(path)(person, unit, uncovered))
    return OpenWork(**parts, uncovered=uncovered, unit=unit)


@dataclass(frozen=True)
class UnitPeople:
    """The people of a unit as its page shows them to ``user``."""

    active: list[Membership]
    inactive: list[Membership]  # deactivated people: the administrator sees them
    contacts: bool  # whether e-mails and mobile numbers are shown (administrator and supervisor)
    manage: bool  # whether links to the user pages are shown (administrator)
    missing: list[Role]  # unit roles nobody active holds in the unit


def unit_people(user: Any, unit: Any) -> UnitPeople:
    """The people of ``unit`` for its page: everyone with a role reads who works there and in
    which role; the administrator and the supervisor also read their e-mail and mobile; the
    administrator also sees deactivated people and links to each person's page."""
    members = list(
        Membership.objects.filter(unit=unit).select_related("user").order_by("role", "user__username")
    )
    admin = is_administrator(user)
    active = [m for m in members if m.user.is_active]
    held = {m.role for m in active}
    missing = [role for role in Role if role in UNIT_ROLES and role not in held]
    return UnitPeople(
        active=active,
        inactive=[m for m in members if not m.user.is_active] if admin else [],
        contacts=is_steering(user),
        manage=admin,
        missing=missing,
    )
