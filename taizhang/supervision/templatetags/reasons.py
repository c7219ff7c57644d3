"""Template filter of the status rules: a stored reason in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template

from ..wording import reason_text as _reason_text

register = template.Library()


@register.filter
def reason_text(reason: Any) -> str:
    """``{{ r|reason_text }}``: a ``TaskStatus.reasons`` item as the reader reads it."""
    if not isinstance(reason, dict):
        return "" if reason is None else str(reason)
    return _reason_text(reason)
