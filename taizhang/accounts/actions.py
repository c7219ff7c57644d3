"""Writes of the accounts app: the people (created, changed, deactivated and reactivated,
invited, sent a password reset, unlocked, imported from .xlsx), passwords set through an e-mailed
link, API tokens (made, revoked), the sign-in audit, and the memberships moved when units
merge.

Every change to a person is recorded in the history on the account (``auth.user``); only the
administrator administers people (``access.require_administrator``). E-mails are queued with
``transaction.on_commit`` and sent by ``accounts.mail``. A token's key is made here, returned once
to the caller and never stored: the database keeps its SHA-256 digest and first characters only.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from taizhang.core.history import record

from . import mail
from .access import active_administrators, require_administrator
from .models import UNIT_ROLES, ApiToken, LoginEvent, LoginOutcome, Membership, Role, UserImport
from .userimport import (
    ImportFileError,
    ImportPlan,
    PersonRow,
    RowError,
    check_rows,
    normalise_phone,
    read_people,
)

__all__ = [
    "KEY_PREFIX",
    "MAX_TOKEN_DAYS",
    "RESET_THROTTLE",
    "PREVIEW_LIFETIME",
    "do_create_api_token",
    "do_revoke_api_token",
    "hash_key",
    "move_unit_rows",
    "record_login_event",
    "do_create_user",
    "do_update_user",
    "do_deactivate_user",
    "do_reactivate_user",
    "do_unlock_user",
    "do_send_invitation",
    "do_send_password_reset",
    "do_request_password_reset",
    "do_set_password_from_link",
    "do_preview_user_import",
    "do_confirm_user_import",
    "person_snapshot",
]

RESET_THROTTLE = timedelta(minutes=5)  # one self-service reset e-mail per person in this time
PREVIEW_LIFETIME = timedelta(days=1)  # an import preview not confirmed by then is dropped

KEY_PREFIX = "tz_"  # tells a taizhang key apart in a configuration file or a leak scan
MAX_TOKEN_DAYS = 365


def hash_key(key: str) -> str:
    """The digest a key is stored and looked up by (SHA-256: a key is 256 random bits, so a
    slow password hash would add nothing but time to every API call)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def do_create_api_token(
    user: Any, *, name: str = "", days: int | None = None, now: datetime | None = None
) -> tuple[ApiToken, str]:
    """Make an API token for ``user`` valid ``days`` days (``TAIZHANG_API_TOKEN_DAYS`` by default,
    at most a year); return the row and the key, which is shown once and stored nowhere."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionDenied(gettext("Only a signed-in, active account may create API tokens"))
    days = settings.TAIZHANG_API_TOKEN_DAYS if days is None else days
    if not isinstance(days, int) or not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationError(
            {"days": gettext("A token is valid for 1 to %(max_days)s days") % {"max_days": MAX_TOKEN_DAYS}}
        )
    name = (name or "").strip()
    if len(name) > 100:
        raise ValidationError({"name": gettext("The name may not be longer than 100 characters")})
    now = now or timezone.now()
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=key[:10],
            digest=hash_key(key),
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
        record(
            user,
            token,
            "create_api_token",
            after={"name": name, "prefix": token.prefix, "expires_at": token.expires_at},
        )
    return token, key


def do_revoke_api_token(user: Any, token: ApiToken, now: datetime | None = None) -> ApiToken:
    """Revoke ``token`` (its owner only): it stops working at once and stays listed."""
    if token.user_id != getattr(user, "pk", None):
        raise PermissionDenied(gettext("You can revoke only your own API tokens"))
    now = now or timezone.now()
    with transaction.atomic():
        changed = ApiToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=now)
        token.refresh_from_db()
        if changed:
            record(user, token, "revoke_api_token", after={"prefix": token.prefix, "revoked_at": now})
    return token


def record_login_event(
    *,
    username: str,
    outcome: LoginOutcome,
    user: Any = None,
    channel: str = "web",
    ip_address: str | None = None,
    user_agent: str = "",
) -> LoginEvent:
    """Append one row to the sign-in audit (登录日志)."""
    return LoginEvent.objects.create(
        username=(username or "")[:150],
        user=user if getattr(user, "pk", None) else None,
        outcome=outcome,
        channel=channel,
        ip_address=ip_address or None,
        user_agent=(user_agent or "")[:255],
    )


def move_unit_rows(user: Any, source: Any, target: Any) -> dict[str, int]:
    """The people of ``source`` now act for ``target`` (called by ``units.actions.do_merge_unit``,
    inside its transaction and after its permission check)."""
    return {"accounts.Membership.unit": Membership.objects.filter(unit=source).update(unit=target)}


# --------------------------------------------------------------------------------------------
# People


def person_snapshot(user: Any) -> dict[str, Any]:
    """The values of a person the history keeps (the unit as its id, the role as its code)."""
    membership = Membership.objects.filter(user=user).first()
    return {
        "username": user.get_username(),
        "name": user.first_name,
        "email": user.email,
        "phone": membership.phone if membership else "",
        "role": membership.role if membership else ("administrator" if user.is_superuser else ""),
        "unit": membership.unit_id if membership else None,
        "is_active": user.is_active,
    }


def _changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _clean_person(
    *, name: str, email: str, phone: str, role: str, unit: Any, exclude_pk: int | None = None
) -> dict[str, Any]:
    """The person's values cleaned, or a ValidationError naming each wrong field."""
    from taizhang.units.models import UnitStatus

    errors: dict[str, str] = {}
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = _("Give the person's name.")
    elif len(name) > 150:
        errors["name"] = _("The name is longer than 150 characters.")
    email = (email or "").strip()
    if not email:
        errors["email"] = _("Give an e-mail address: invitations and password resets are sent to it.")
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("This is not an e-mail address.")
        else:
            taken = get_user_model()._default_manager.filter(email__iexact=email)
            if exclude_pk is not None:
                taken = taken.exclude(pk=exclude_pk)
            if taken.exists():
                errors["email"] = _("Another user already has this e-mail address.")
    clean_phone = normalise_phone(phone or "")
    if clean_phone is None:
        errors["phone"] = _("This is not a phone number.")
    if role not in Role.values:
        errors["role"] = _("Choose a role.")
    elif role in UNIT_ROLES and unit is None:
        errors["unit"] = _("A %(role)s must belong to a unit.") % {"role": Role(role).label}
    if unit is not None and (unit.status != UnitStatus.CONFIRMED or unit.merged_into_id is not None):
        errors["unit"] = _("Choose a confirmed unit.")
    if errors:
        raise ValidationError(errors)
    return {"name": name, "email": email, "phone": clean_phone or "", "role": role, "unit": unit}


def _clean_username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": _("Give a username.")})
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        raise ValidationError(
            {"username": _("Use letters, digits and @ . + - _ only in a username.")}
        ) from None
    if len(username) > 150:
        raise ValidationError({"username": _("A username has at most 150 characters.")})
    if get_user_model()._default_manager.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    return username


def _would_leave_no_administrator(person: Any) -> bool:
    """Whether ``person`` is the last active administrator."""
    return not active_administrators().exclude(pk=person.pk).exists() and (
        active_administrators().filter(pk=person.pk).exists()
    )


def _queue_links(actor: Any, users: Sequence[Any], kind: str, site: str, language: str | None = None) -> None:
    """Record that a link of ``kind`` goes to each of ``users`` and send them once the transaction
    commits; a failed e-mail is recorded too, so the person's page says so."""
    action = "send_invitation" if kind == mail.INVITATION else "send_password_reset"
    for user in users:
        record(actor, user, action, after={"email": user.email})
    transaction.on_commit(partial(_send_links, [u.pk for u in users], kind, site, language))


def _send_links(user_ids: list[int], kind: str, site: str, language: str | None) -> None:
    users = list(
        get_user_model()
        ._default_manager.filter(pk__in=user_ids)
        .select_related("membership__unit")
        .order_by("pk")
    )
    for user in mail.send_links(users, kind, site, language):
        record(None, user, "email_failed", after={"email": user.email, "kind": kind})


def do_create_user(
    actor: Any,
    *,
    username: str,
    name: str,
    email: str,
    role: str,
    unit: Any = None,
    phone: str = "",
    invite: bool = True,
    site: str = "",
    note: str = "",
) -> Any:
    """Create a person with ``role`` (and ``unit``) who signs in once they have set a password
    through the invitation e-mailed to ``email`` (with ``invite``; else later, from their page).

    No password is given here: the account has an unusable one until the invitation is used.
    """
    require_administrator(actor)
    username = _clean_username(username)
    values = _clean_person(name=name, email=email, phone=phone, role=role, unit=unit)
    with transaction.atomic():
        user = get_user_model()(username=username, first_name=values["name"], email=values["email"])
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, role=values["role"], unit=values["unit"], phone=values["phone"])
        record(actor, user, "create_user", after=person_snapshot(user), note=note)
        if invite:
            _queue_links(actor, [user], mail.INVITATION, site or mail.site_url())
    return user


def do_update_user(
    actor: Any,
    person: Any,
    *,
    seen_version: int,
    name: str,
    email: str,
    role: str,
    unit: Any = None,
    phone: str = "",
) -> Any:
    """Change a person's name, e-mail, mobile, role and unit, unless someone saved the person
    since ``seen_version`` was read (ConcurrentEditError). The last active administrator keeps the
    role. A changed e-mail makes the links already e-mailed stop working."""
    from taizhang.core.concurrency import save_versioned

    require_administrator(actor)
    values = _clean_person(name=name, email=email, phone=phone, role=role, unit=unit, exclude_pk=person.pk)
    if values["role"] != Role.ADMINISTRATOR and _would_leave_no_administrator(person):
        raise ValidationError(
            {"role": _("This is the last active administrator: give the role to someone else first.")}
        )
    with transaction.atomic():
        User = get_user_model()
        person = User._default_manager.select_for_update().get(pk=person.pk)
        before = person_snapshot(person)
        membership = Membership.objects.filter(user=person).first()
        if membership is None:  # a superuser made on the command line: the first edit gives him one
            if seen_version != 0:
                from taizhang.core.concurrency import ConcurrentEditError

                raise ConcurrentEditError(person, {"version": 0})
            membership = Membership.objects.create(
                user=person, role=values["role"], unit=values["unit"], phone=values["phone"]
            )
        else:
            save_versioned(
                membership,
                seen_version,
                {"role": values["role"], "unit": values["unit"], "phone": values["phone"]},
            )
        person.first_name = values["name"]
        person.email = values["email"]
        person.save(update_fields=["first_name", "email"])
        old, new = _changes(before, person_snapshot(person))
        if new:
            record(actor, person, "update_user", before=old, after=new)
    return person


def _bump(person: Any) -> None:
    from django.db.models import F

    Membership.objects.filter(user=person).update(version=F("version") + 1)


def do_deactivate_user(actor: Any, person: Any, now: datetime | None = None) -> Any:
    """Deactivate a person (停用): they can no longer sign in, their sessions end at their next
    request and their API tokens are revoked; the account, its history and everything it did stay.
    Nobody deactivates himself or the last active administrator."""
    require_administrator(actor)
    if person.pk == getattr(actor, "pk", None):
        raise ValidationError({"user": _("You cannot deactivate yourself.")})
    if _would_leave_no_administrator(person):
        raise ValidationError(
            {"user": _("This is the last active administrator: give the role to someone else first.")}
        )
    now = now or timezone.now()
    User = get_user_model()
    with transaction.atomic():
        if User._default_manager.filter(pk=person.pk, is_active=True).update(is_active=False) == 1:
            revoked = ApiToken.objects.filter(user=person, revoked_at=None, expires_at__gt=now).update(
                revoked_at=now
            )
            _bump(person)
            record(
                actor,
                person,
                "deactivate_user",
                before={"is_active": True},
                after={"is_active": False, "tokens_revoked": revoked},
            )
    person.refresh_from_db()
    return person


def do_reactivate_user(actor: Any, person: Any) -> Any:
    """Let a deactivated person sign in again (with their old password; tokens revoked on
    deactivation stay revoked)."""
    require_administrator(actor)
    User = get_user_model()
    with transaction.atomic():
        if User._default_manager.filter(pk=person.pk, is_active=False).update(is_active=True) == 1:
            _bump(person)
            record(actor, person, "reactivate_user", before={"is_active": False}, after={"is_active": True})
    person.refresh_from_db()
    return person


def do_unlock_user(actor: Any, person: Any) -> int:
    """Lift a sign-in lock-out (django-axes) of the person's username from every address; answers
    the number of failed-attempt records cleared (nothing is recorded when there were none)."""
    from axes.utils import reset

    from .lockout import lockouts

    require_administrator(actor)
    username = person.get_username()
    with transaction.atomic():
        locked = lockouts([username]).get(username)
        cleared = reset(username=username)
        if cleared:
            record(
                actor,
                person,
                "unlock_user",
                before={"locked_from": list(locked.addresses) if locked else []},
                after={"attempts_cleared": cleared},
            )
    return int(cleared)


def do_send_invitation(actor: Any, person: Any, *, site: str = "", note: str = "") -> None:
    """E-mail the person a new invitation to set their first password; the links sent before stop
    working. Refused for a person who has set a password (send a password reset instead) and for a
    deactivated one."""
    require_administrator(actor)
    _send_invitation(actor, person, site=site, note=note)


def _send_invitation(
    actor: Any, person: Any, *, site: str, note: str = "", language: str | None = None
) -> None:
    if not person.is_active:
        raise ValidationError({"user": _("This user is deactivated: reactivate them first.")})
    if person.has_usable_password():
        raise ValidationError(
            {"user": _("This user has set a password already: send a password reset instead.")}
        )
    if not person.email:
        raise ValidationError({"email": _("This user has no e-mail address.")})
    with transaction.atomic():
        person.set_unusable_password()  # a new random one: the older invitation links stop working
        person.save(update_fields=["password"])
        _queue_links(actor, [person], mail.INVITATION, site or mail.site_url(), language)


def do_send_password_reset(actor: Any, person: Any, *, site: str = "") -> None:
    """E-mail the person a link to choose a new password (their present one works until then)."""
    require_administrator(actor)
    if not person.is_active:
        raise ValidationError({"user": _("This user is deactivated: reactivate them first.")})
    if not person.has_usable_password():
        raise ValidationError({"user": _("This user has not set a password yet: send the invitation again.")})
    if not person.email:
        raise ValidationError({"email": _("This user has no e-mail address.")})
    with transaction.atomic():
        _queue_links(actor, [person], mail.RESET, site or mail.site_url())


def do_request_password_reset(
    email: str, *, site: str = "", language: str | None = None, address: str = "", now: datetime | None = None
) -> int:
    """Someone on the sign-in page forgot their password: e-mail every active person with the
    address ``email`` a reset link (or, to one who never set a password, a new invitation), at
    most once per person every few minutes (``RESET_THROTTLE``). Answers how many were sent; the
    page says the same whatever the answer, so it reveals no address."""
    from taizhang.core.models import HistoryEntry

    now = now or timezone.now()
    email = (email or "").strip()
    if not email:
        return 0
    people = list(
        get_user_model()._default_manager.filter(email__iexact=email, is_active=True).order_by("pk")
    )
    sent = 0
    note = _("requested on the sign-in page from %(address)s") % {"address": address or "?"}
    for person in people:
        recent = HistoryEntry.objects.filter(
            object_type="auth.user",
            object_id=person.pk,
            action__in=["send_password_reset", "send_invitation"],
            at__gte=now - RESET_THROTTLE,
        )
        if recent.exists():
            continue
        with transaction.atomic():
            if person.has_usable_password():
                _queue_links(None, [person], mail.RESET, site or mail.site_url(), language)
            else:
                person.set_unusable_password()
                person.save(update_fields=["password"])
                _queue_links(None, [person], mail.INVITATION, site or mail.site_url(), language)
            record(None, person, "request_password_reset", note=note)
        sent += 1
    return sent


def do_set_password_from_link(person: Any, password: str, kind: str) -> Any:
    """Set the password of the person who opened an invitation or reset link (the view has checked
    the link and the password validators); the link then stops working, and any sign-in lock-out of
    the username is lifted: the person has just proved they read its e-mail."""
    from axes.utils import reset
    from django.contrib.auth.password_validation import validate_password

    if not person.is_active:
        raise PermissionDenied(_("This account is deactivated."))
    validate_password(password, person)
    with transaction.atomic():
        person.set_password(password)
        person.save(update_fields=["password"])
        reset(username=person.get_username())
        record(person, person, "accept_invitation" if kind == mail.INVITATION else "reset_password")
    return person


# --------------------------------------------------------------------------------------------
# Importing people from .xlsx


def do_preview_user_import(
    actor: Any, *, file_name: str, data: bytes, now: datetime | None = None
) -> ImportPlan:
    """Read a list of people and check every row. A file with any wrong row is answered with its
    errors and nothing is kept; a file whose every row passed is kept as a preview under a new
    one-time token (``plan.token``) until it is confirmed. Previews older than a day go."""
    require_administrator(actor)
    try:
        plan = read_people(data, file_name)
    except ImportFileError as exc:
        raise ValidationError({"file": f"{file_name}: {exc}"}) from None
    if not plan.accepted:
        return plan
    now = now or timezone.now()
    with transaction.atomic():
        UserImport.objects.filter(confirmed_at=None, created_at__lt=now - PREVIEW_LIFETIME).delete()
        preview = UserImport.objects.create(
            token=secrets.token_urlsafe(32),
            created_by=actor,
            created_at=now,
            file_name=file_name[:255],
            rows=[p.to_json() for p in plan.people],
        )
    plan.token = preview.token
    return plan


class ImportRowsError(ValidationError):
    """Rows of a confirmed preview no longer pass (someone took a username meanwhile...)."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__({"file": [str(e) for e in errors]})
        self.row_errors = errors


def do_confirm_user_import(
    actor: Any, token: str, *, site: str = "", now: datetime | None = None
) -> list[Any]:
    """Create the people previewed under ``token`` and e-mail each an invitation, in one
    transaction. The token is claimed first with a conditional update, so a second confirmation
    (a double click, two tabs, a replayed form) creates nobody: ValidationError on ``token``. Every
    row is checked again; if one no longer passes, nobody is created and the preview stays."""
    require_administrator(actor)
    now = now or timezone.now()
    with transaction.atomic():
        claimed = UserImport.objects.filter(
            token=str(token or "")[:64],
            created_by=actor,
            confirmed_at=None,
            created_at__gte=now - PREVIEW_LIFETIME,
        ).update(confirmed_at=now)
        if claimed != 1:
            raise ValidationError(
                {"token": _("This preview has expired or was already confirmed: upload the file again.")}
            )
        preview = UserImport.objects.get(token=token)
        people, errors = check_rows(PersonRow.from_json(row) for row in preview.rows)
        if errors:
            raise ImportRowsError(errors)
        from taizhang.units.models import Unit

        units = Unit.objects.in_bulk([p.unit_id for p in people if p.unit_id])
        note = _("imported from %(file)s") % {"file": preview.file_name}
        created = [
            do_create_user(
                actor,
                username=p.username,
                name=p.name,
                email=p.email,
                phone=p.phone,
                role=p.role,
                unit=units.get(p.unit_id) if p.unit_id else None,
                invite=False,
                note=note,
            )
            for p in people
        ]
        record(
            actor,
            preview,
            "import_users",
            after={"file": preview.file_name, "count": len(created), "users": [u.pk for u in created]},
        )
        _queue_links(actor, created, mail.INVITATION, site or mail.site_url())
    return created
