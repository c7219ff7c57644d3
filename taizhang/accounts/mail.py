"""The links e-mailed to people: an invitation to set one's first password, and a password reset.

Both are Django's signed, time-stamped password-reset tokens (``PasswordResetTokenGenerator``),
each kind with its own salt (an invitation link is no reset link) and its own lifetime
(``TAIZHANG_INVITATION_DAYS``, ``TAIZHANG_PASSWORD_RESET_HOURS``). A link works once: the token
signs the account's password hash, last sign-in, e-mail and active flag, and setting the password
changes the hash. Sending a new invitation gives the account a new unusable password, so the
older invitation links stop working too.

The actions (``accounts/actions.py``) queue the e-mails with ``transaction.on_commit``; the
functions here only compose and send them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

__all__ = [
    "INVITATION",
    "RESET",
    "LinkTokenGenerator",
    "invitation_tokens",
    "reset_tokens",
    "site_url",
    "link_for",
    "send_links",
]

log = logging.getLogger(__name__)

INVITATION = "invitation"
RESET = "reset"


class LinkTokenGenerator(PasswordResetTokenGenerator):
    """A password-reset token generator with its own salt and lifetime (``max_age`` seconds, at
    most Django's ``PASSWORD_RESET_TIMEOUT``), whose tokens also die when the account is
    deactivated."""

    def __init__(self, salt: str, max_age_setting: str, unit_seconds: int) -> None:
        super().__init__()
        self.key_salt = salt
        self.max_age_setting = max_age_setting
        self.unit_seconds = unit_seconds

    @property
    def max_age(self) -> int:
        return int(getattr(settings, self.max_age_setting)) * self.unit_seconds

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{int(bool(user.is_active))}"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not super().check_token(user, token):
            return False
        try:
            made = base36_to_int(str(token).split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - made <= self.max_age


invitation_tokens = LinkTokenGenerator("taizhang.accounts.invitation", "TAIZHANG_INVITATION_DAYS", 86400)
reset_tokens = LinkTokenGenerator("taizhang.accounts.password_reset", "TAIZHANG_PASSWORD_RESET_HOURS", 3600)
_GENERATORS = {INVITATION: invitation_tokens, RESET: reset_tokens}
_URLS = {INVITATION: "accounts:invitation", RESET: "accounts:reset_confirm"}


def site_url(request: Any = None) -> str:
    """The address links start with: ``TAIZHANG_SITE_URL``, else the request's own (its host is
    one of ``ALLOWED_HOSTS``), else the development server's."""
    if settings.TAIZHANG_SITE_URL:
        return str(settings.TAIZHANG_SITE_URL)
    if request is not None:
        return str(request.build_absolute_uri("/")).rstrip("/")
    return "http://127.0.0.1:8000"


def link_for(user: Any, kind: str, site: str) -> str:
    """A fresh link of ``kind`` (INVITATION or RESET) for ``user``."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = _GENERATORS[kind].make_token(user)
    return site.rstrip("/") + reverse(_URLS[kind], kwargs={"uidb64": uid, "token": token})


def _message(user: Any, kind: str, site: str) -> EmailMessage:
    membership = getattr(user, "membership", None)
    context = {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "role": membership.get_role_display() if membership else "",
        "unit": membership.unit.name if membership and membership.unit else "",
        "link": link_for(user, kind, site),
        "login": site.rstrip("/") + reverse("accounts:login"),
        "days": settings.TAIZHANG_INVITATION_DAYS,
        "hours": settings.TAIZHANG_PASSWORD_RESET_HOURS,
    }
    subject = render_to_string(f"accounts/email/{kind}_subject.html", context)
    body = render_to_string(f"accounts/email/{kind}.html", context)
    return EmailMessage(" ".join(subject.split()), body, None, [user.email])


def send_links(users: Sequence[Any], kind: str, site: str, language: str | None = None) -> list[Any]:
    """E-mail a link of ``kind`` to each of ``users`` over one connection, in ``language`` (the
    site's default when None); answers the users whose e-mail could not be sent (logged)."""
    users = [u for u in users if u.email]
    if not users:
        return []
    with translation.override(language or settings.LANGUAGE_CODE):
        messages = [_message(user, kind, site) for user in users]
    failed: list[Any] = []
    try:
        connection = get_connection()
        connection.open()
    except Exception:  # noqa: BLE001 - a mail server that cannot be reached fails every message
        log.exception("cannot connect to the mail server to send %s links", kind)
        return list(users)
    try:
        for user, message in zip(users, messages, strict=True):
            try:
                connection.send_messages([message])
            except Exception:  # noqa: BLE001 - one bad address must not stop the others
                log.exception("cannot e-mail the %s link to user %s", kind, user.pk)
                failed.append(user)
    finally:
        connection.close()
    return failed
