"""``flush`` as Django's, with the append-only guards lifted for the reset and made again in the
same transaction (``taizhang.core.appendonly``): emptying the whole database is the one deliberate
way history rows go (tests between transactional cases, ``benchdata --force``)."""

from __future__ import annotations

from typing import Any

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS, connections

from taizhang.core.appendonly import guards_lifted


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        with guards_lifted(connection):
            super().handle(**options)
