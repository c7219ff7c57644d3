"""Template filters of the enterprise services: data text in the page's script, money in 万元."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language

from ..engine import format_money, traditional

register = template.Library()


@register.filter
def script(value: Any) -> str:
    """Data written in simplified Chinese (names, departments), in traditional on a zh-hant page."""
    text = "" if value is None else str(value)
    return traditional(text) if (get_language() or "").lower().startswith("zh-hant") else text


@register.filter
def money(value: Any) -> str:
    """An amount in 元 as the interface shows it: 20万元 (English: yuan)."""
    if value in (None, ""):
        return ""
    language = (get_language() or "").lower()
    text = format_money(float(Decimal(str(value))), "en" if language.startswith("en") else "zh-hans")
    return traditional(text) if language.startswith("zh-hant") else text
