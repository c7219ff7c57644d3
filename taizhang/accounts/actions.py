"""Writes of the accounts app: API tokens (made, revoked), the sign-in audit, and the memberships
moved when units merge.

A token's key is made here, returned once to the caller and never stored: the database keeps its
SHA-256 digest and first characters only.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.core.history import record

from .models import ApiToken, LoginEvent, LoginOutcome, Membership

__all__ = [
    "KEY_PREFIX",
    "MAX_TOKEN_DAYS",
    "do_create_api_token",
    "do_revoke_api_token",
    "hash_key",
    "move_unit_rows",
    "record_login_event",
]

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
        raise PermissionDenied("只有已登录的有效账户可以生成 API 令牌")
    days = settings.TAIZHANG_API_TOKEN_DAYS if days is None else days
    if not isinstance(days, int) or not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationError({"days": f"有效期应为 1 到 {MAX_TOKEN_DAYS} 天"})
    name = (name or "").strip()
    if len(name) > 100:
        raise ValidationError({"name": "名称不能超过 100 个字"})
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
        raise PermissionDenied("只能撤销自己的 API 令牌")
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
