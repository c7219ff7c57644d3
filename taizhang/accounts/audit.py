"""The sign-in audit: Django's and django-axes' sign-in signals written to ``LoginEvent``.

Signals are the one hook Django's authentication offers (the login form, the admin and the API's
token endpoint all sign in through ``django.contrib.auth.authenticate``), so every way in is
audited without each view remembering to. ``AccountsConfig.ready`` connects these receivers.
"""

from __future__ import annotations

from typing import Any

from .actions import record_login_event
from .models import LoginOutcome

__all__ = ["connect"]


def _where(request: Any) -> dict[str, Any]:
    if request is None:
        return {"channel": "other"}
    from axes.helpers import get_client_ip_address

    path = getattr(request, "path", "") or ""
    channel = "api" if path.startswith("/api/") else "admin" if path.startswith("/admin/") else "web"
    meta = getattr(request, "META", {})
    try:
        ip = get_client_ip_address(request)
    except Exception:  # an address that cannot be read is not a reason to refuse a sign-in
        ip = None
    return {"channel": channel, "ip_address": ip, "user_agent": meta.get("HTTP_USER_AGENT", "")}


def _logged_in(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    record_login_event(
        username=user.get_username(), user=user, outcome=LoginOutcome.SUCCESS, **_where(request)
    )


def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    from django.contrib.auth import get_user_model

    username = str(credentials.get("username") or "")
    user = get_user_model()._default_manager.filter(username=username).first() if username else None
    locked = bool(getattr(request, "axes_locked_out", False))
    outcome = LoginOutcome.LOCKED_OUT if locked else LoginOutcome.FAILURE
    record_login_event(username=username, user=user, outcome=outcome, **_where(request))


def _logged_out(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    if user is None:
        return
    record_login_event(
        username=user.get_username(), user=user, outcome=LoginOutcome.LOGOUT, **_where(request)
    )


def connect() -> None:
    """Connect the receivers (once: ``dispatch_uid``)."""
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

    user_logged_in.connect(_logged_in, dispatch_uid="taizhang.accounts.audit.logged_in")
    user_login_failed.connect(_login_failed, dispatch_uid="taizhang.accounts.audit.login_failed")
    user_logged_out.connect(_logged_out, dispatch_uid="taizhang.accounts.audit.logged_out")
