"""A task's deadline in the reader's language, for the interface (portal, task pages).

``ledger.rules.deadline_label`` stays for the documents written in Chinese whatever the language
(bulletins, the blue book PDF) and for the pure rules, which import no Django. The document's own
wording, when it gave one, is shown as written.
"""

from __future__ import annotations

from django.utils.translation import gettext

from .rules import MONTH_KIND, ONGOING_KIND, YEAR_KIND

__all__ = ["deadline_words"]


def _month(month: int, year: int) -> str:
    words = (
        gettext("January %(year)s"),
        gettext("February %(year)s"),
        gettext("March %(year)s"),
        gettext("April %(year)s"),
        gettext("May %(year)s"),
        gettext("June %(year)s"),
        gettext("July %(year)s"),
        gettext("August %(year)s"),
        gettext("September %(year)s"),
        gettext("October %(year)s"),
        gettext("November %(year)s"),
        gettext("December %(year)s"),
    )
    return words[month - 1] % {"year": year}


def deadline_words(kind: str, year: int | None, month: int | None, text: str = "") -> str:
    """What ``deadline_label`` says (2025年6月, 2025年底, 常态化推进, 未定), in the reader's
    language: June 2025, End of 2025, Ongoing work, Not set."""
    if text:
        return text
    if kind == MONTH_KIND and year and month and 1 <= month <= 12:
        return _month(month, year)
    if kind == YEAR_KIND and year:
        return gettext("End of %(year)s") % {"year": year}
    if kind == ONGOING_KIND:
        return gettext("Ongoing work")
    return gettext("Not set")
