"""How an API call says who makes it: ``Authorization: Token <key>`` with a key from the person's
profile page (or ``POST /api/token/``), or the browser's session.

Keys are looked up by their SHA-256 digest (``accounts.ApiToken``); an unknown, expired or revoked
key, or one whose person was deactivated, answers 401 and names no reason an attacker could use.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from taizhang.accounts.access import token_for_key

__all__ = ["ApiTokenAuthentication", "ApiTokenScheme"]


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <key>`` (``Bearer`` is accepted too)."""

    keywords = (b"token", b"bearer")

    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Send the token as: Authorization: Token <token>."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("The token is not valid, has expired or was revoked.")) from None
        token = token_for_key(key)
        if token is None:
            raise AuthenticationFailed(_("The token is not valid, has expired or was revoked."))
        return token.user, token

    def authenticate_header(self, request: Any) -> str:
        return "Token"


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[misc]
    """How the OpenAPI document describes :class:`ApiTokenAuthentication`."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> Any:
        scheme = build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Token")
        scheme["description"] = (
            "A token from the profile page or POST /api/token/: `Authorization: Token <token>`. "
            "Tokens expire and can be revoked; only their digest is stored."
        )
        return scheme
