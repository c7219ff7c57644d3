"""Parts of the ledger's pages that apps above it provide (supervision's colours and notices).

An app names a module of such functions in its ``AppConfig.ledger_page_parts``; the ledger asks for
one by name and does without it when no installed app provides it. This keeps the ledger below the
apps that read it (tests/structure/test_architecture.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_module

__all__ = ["page_part"]


@cache
def page_part(name: str) -> Callable[..., Any] | None:
    """The function ``name`` of the first installed app whose ``ledger_page_parts`` module has one."""
    for config in apps.get_app_configs():
        if path := getattr(config, "ledger_page_parts", None):
            found = getattr(import_module(path), name, None)
            if found is not None:
                return found  # type: ignore[no-any-return]
    return None
