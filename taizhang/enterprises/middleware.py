"""Enterprise users' defaults: the site root is their enterprise's page, and a Hong Kong-funded
enterprise's users read traditional Chinese until they choose a language themselves."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation

from .access import enterprise_of, is_hk_user

__all__ = ["EnterpriseUserMiddleware"]


class EnterpriseUserMiddleware:
    """Placed after the authentication and locale middleware (settings.MIDDLEWARE)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and enterprise_of(user) is not None:
            if request.path == "/":
                return redirect("enterprises:home")
            chosen = settings.LANGUAGE_COOKIE_NAME in request.COOKIES
            if not chosen and is_hk_user(user):
                translation.activate("zh-hant")
                request.LANGUAGE_CODE = "zh-hant"
        return self.get_response(request)
