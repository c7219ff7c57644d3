"""Fixtures of the web tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_interface_language() -> Iterator[None]:
    """Each test starts and ends in the default language (simplified Chinese): a request made in
    English or traditional Chinese leaves its language active in the thread (LocaleMiddleware
    activates it and nothing resets it), and the refusals are translated messages, so a later
    test would read them in that language."""
    translation.deactivate()
    yield
    translation.deactivate()
