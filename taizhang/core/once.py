"""Confirm a preview once: the preview's token is claimed by inserting it into a unique column.

Every preview -> confirm flow (a unit's report workbook, the ledger re-import, an enterprise
registry import) calls :func:`claim_once` first thing inside the transaction that files the
preview. The database's unique index decides: the first confirmation inserts the key; any other
(sequential or concurrent: on PostgreSQL the second insert waits for the first transaction and
then fails) raises :class:`AlreadyConfirmed` and its transaction files nothing. A confirmation that
fails later rolls back its claim with everything else, so the person may try again.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import Confirmation

__all__ = ["AlreadyConfirmed", "claim_once", "ALREADY_CONFIRMED"]

ALREADY_CONFIRMED = _(
    "This preview was confirmed already and is not filed twice; to file it again, upload the file again"
)


class AlreadyConfirmed(ValidationError):
    """The preview under this token was confirmed before (or is being confirmed right now)."""

    def __init__(self) -> None:
        super().__init__({"token": str(ALREADY_CONFIRMED)})


def claim_once(kind: str, token: str, actor: Any = None) -> None:
    """Claim the confirmation of the preview ``kind``/``token``; AlreadyConfirmed if it was.

    Must run inside the transaction that files the preview (``transaction.atomic``), so the claim
    and the writes commit or roll back together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim_once must run inside the transaction that files the preview")
    token = str(token or "").strip()
    if not token:
        raise AlreadyConfirmed()
    try:
        with transaction.atomic():
            Confirmation.objects.create(
                key=f"{kind}:{token}"[:160],
                actor=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise AlreadyConfirmed() from None
