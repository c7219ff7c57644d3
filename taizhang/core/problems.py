"""Messages of the pure supervision rules, with English message ids and their parameters.

``rules``, ``scoring`` and ``trajectory`` import nothing of Django (tests/supervision/test_purity.py),
so they cannot translate. A :class:`Message` keeps its English msgid (the catalogue's key, marked
with :func:`N_` so that ``manage.py buildlocales`` collects it), its simplified Chinese (what
``str()`` says, unchanged, for logs, the command line and stored data) and its parameters; the
interface says it in the reader's language (``taizhang.supervision.wording``). A :class:`RuleError`
is a ``ValueError`` carrying such messages; ``ledger.rules.PeriodError`` is one, for periods.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["N_", "Message", "RuleError", "not_a_count", "unknown_settings"]


def N_(msgid: str) -> str:
    """Mark ``msgid`` as an English message id for ``manage.py buildlocales`` (gettext_noop)."""
    return msgid


@dataclass(frozen=True)
class Message:
    """One message: English ``msgid`` and simplified ``chinese`` templates with the same
    ``%(name)s`` placeholders, and the ``params`` filling them (never words to translate)."""

    msgid: str
    chinese: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.chinese % dict(self.params)


class RuleError(ValueError):
    """A value a rule refuses: ``subject`` (the settings' or unit's name, or "") and the
    ``messages`` saying what is wrong. Its text is simplified Chinese, joined by "；"."""

    def __init__(self, subject: str, *messages: Message) -> None:
        self.subject, self.messages = subject, messages
        text = "；".join(str(m) for m in messages)
        super().__init__(f"{subject}: {text}" if subject else text)


def not_a_count(name: str, value: object) -> Message:
    """``name`` must be a whole number of at least 0 (scorecards' counts, status rule thresholds)."""
    return Message(
        N_("%(name)s must be a whole number of at least 0, not %(value)s"),
        "%(name)s 必须是非负整数，而不是 %(value)s",
        {"name": name, "value": repr(value)},
    )


def unknown_settings(names: Sequence[str]) -> Message:
    """Settings nobody knows (ScoringConfig, RuleConfig)."""
    return Message(N_("unknown settings %(names)s"), "未知的配置项 %(names)s", {"names": ", ".join(names)})
