"""Template filters of the status rules: a stored reason, a disagreement, in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from ..rules import RULE_TITLES, Disagreement
from ..scoring import LINE_LABELS
from ..trajectory import IndicatorJudgement
from ..wording import disagreement_text as _disagreement_text
from ..wording import reason_text as _reason_text
from ..wording import say

register = template.Library()


@register.filter
def reason_text(reason: Any) -> str:
    """``{{ r|reason_text }}``: a ``TaskStatus.reasons`` item as the reader reads it."""
    if not isinstance(reason, dict):
        return "" if reason is None else str(reason)
    return _reason_text(reason)


@register.filter
def disagreement_text(gap: Any) -> str:
    """``{{ d|disagreement_text }}``: a :class:`Disagreement`'s message as the reader reads it."""
    if not isinstance(gap, Disagreement):
        return "" if gap is None else str(getattr(gap, "message", gap))
    return _disagreement_text(gap)


@register.filter
def judgement_text(judgement: Any) -> str:
    """``{{ j|judgement_text }}``: an indicator's judgement with its figures as the reader reads it."""
    if isinstance(judgement, IndicatorJudgement) and judgement.wording is not None:
        return say(judgement.wording)
    return "" if judgement is None else str(getattr(judgement, "message", judgement))


@register.filter
def rule_title(rule: Any) -> str:
    """``{{ r|rule_title }}``: a status rule's title (a ``RuleDescription``) in the reader's language."""
    msgid = RULE_TITLES.get(getattr(rule, "code", ""))
    return gettext(msgid) if msgid else str(getattr(rule, "title_zh", ""))


@register.filter
def line_label(line: Any) -> str:
    """``{{ line|line_label }}``: a scorecard line's label in the reader's language when it is
    the default one; a label the assessment method set otherwise is shown as set."""
    label = str(getattr(line, "label_zh", ""))
    wording = LINE_LABELS.get(getattr(line, "item", ""))
    return gettext(wording[0]) if wording and wording[1] == label else label
