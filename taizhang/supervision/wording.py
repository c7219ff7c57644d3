"""The pure rules' messages in the reader's language.

``rules``, ``scoring`` and ``trajectory`` import no Django: their errors
(:class:`taizhang.core.problems.RuleError`) and the reasons they store carry English message ids
and parameters, said here with the interface's catalogues. Their ``str()`` stays simplified Chinese.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext

from taizhang.core.problems import Message, RuleError

from .rules import Colour, Disagreement, reason_message

__all__ = ["say", "say_error", "reason_text", "disagreement_text"]


def say(message: Message) -> str:
    """One message in the reader's language."""
    return gettext(message.msgid) % dict(message.params)


def say_error(error: BaseException) -> str:
    """An error's text in the reader's language when it is a :class:`RuleError`, else as it is."""
    if not isinstance(error, RuleError):
        return str(error)
    text = gettext("; ").join(say(m) for m in error.messages)
    return f"{error.subject}: {text}" if error.subject else text


def reason_text(stored: Mapping[str, Any]) -> str:
    """A stored reason (``TaskStatus.reasons``: code, colour, message, figures) in the reader's
    language when our rules worded it; a message worded otherwise (older rules, data from
    elsewhere) is shown as stored."""
    written = str(stored.get("message", ""))
    figures = stored.get("figures")
    if not isinstance(figures, Mapping):
        return written
    message = reason_message(str(stored.get("code", "")), str(stored.get("colour", "")), figures)
    if message is None or str(message) != written:
        return written
    return say(message)


def disagreement_text(gap: Disagreement) -> str:
    """Why a judgement and the rules disagree, in the reader's language (the judgement and the
    colour in the interface's words)."""
    from taizhang.ledger.colours import COLOUR_LABELS

    from .models import Judgement

    if not gap.judged or not gap.colour:
        return gap.message
    params = {"judgement": Judgement(gap.judged).label, "colour": COLOUR_LABELS[Colour(gap.colour)]}
    return gettext(gap.wording.msgid) % params
