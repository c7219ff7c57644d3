"""How the API decides who may call it and how a refusal answers.

The rules themselves live in the apps' ``access.py`` and ``actions.py``; this module only
translates their answers into HTTP: ``Http404`` -> 404, ``PermissionDenied`` -> 403, a Django
``ValidationError`` -> 400 with the messages by field, ``ConcurrentEditError`` -> 409 with the
values the other person saved, and a database ``IntegrityError`` (two people creating the same row
at once) -> 409.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import exception_handler

from taizhang.accounts.access import role_of
from taizhang.core.concurrency import ConcurrentEditError

__all__ = ["HasLedgerRole", "api_exception_handler"]


class HasLedgerRole(BasePermission):
    """A signed-in user with a role in the ledger; anyone else is refused before any query."""

    message = _("Your account has no role in the ledger; ask an administrator for one.")

    def has_permission(self, request: Any, view: Any) -> bool:
        return role_of(request.user) is not None


def _field_messages(exc: DjangoValidationError) -> dict[str, Any]:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if name == "__all__" else name): messages
            for name, messages in exc.message_dict.items()
        }
    return {"non_field_errors": exc.messages}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus the refusals of the ledger's actions and database that DRF does not know."""
    if isinstance(exc, ConcurrentEditError):
        return Response({"detail": str(exc), "current": exc.current}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, IntegrityError):
        return Response(
            {"detail": _("This conflicts with a row saved at the same time; reload and try again.")},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DjangoValidationError):
        return Response(_field_messages(exc), status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)
