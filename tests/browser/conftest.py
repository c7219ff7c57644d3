"""Fixtures of the browser tests: Debian's headless Chromium driven by Playwright's sync API
against pytest-django's live server.

The tests skip, saying why, when the ``playwright`` package or the ``chromium`` binary is missing
(``.ci/run`` installs Debian's ``chromium``; ``playwright install`` is never run: the browser is
the system's). Playwright's sync API keeps an asyncio loop running in the test thread for as
long as it is started, so Django would refuse ORM calls from that thread as "async unsafe":
``DJANGO_ALLOW_ASYNC_UNSAFE`` is set while, and only while, a module of these tests runs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
TIMEOUT_MS = 15_000  # a step's upper bound, not a pause: every wait returns as soon as it is met


def chromium_path() -> str | None:
    """Debian's chromium (``TAIZHANG_CHROMIUM`` may name another binary)."""
    for candidate in (os.environ.get("TAIZHANG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Let the ORM run in the thread where Playwright's event loop runs, for this module only."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="module")
def browser(_allow_orm_beside_playwright: None) -> Iterator[Any]:
    """One headless Chromium per test module; skipped when Playwright or Chromium is absent."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[dev]')")
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """``new_page(**context_options)``: a page in a fresh browser context (its own cookies) whose
    relative URLs go to the live server, in Simplified Chinese like the district's staff."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("locale", "zh-CN")
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # uncaught script errors, checked by the tests
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.failed_assets = []  # static files (css, htmx, ECharts) the server did not give
        page.on(
            "response",
            lambda r: (
                page.failed_assets.append(f"{r.status} {r.url}")
                if "/static/" in r.url and r.status >= 400
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Any) -> Any:
    """A desktop-sized page in a fresh browser context."""
    return new_page()


# ----------------------------------------------------------------------------- helpers


def t(msgid: str, **values: Any) -> str:
    """What the interface shows for ``msgid`` in Simplified Chinese (the catalogs decide)."""
    from django.utils import translation

    with translation.override("zh-hans"):
        text = translation.gettext(msgid)
    return text % values if values else text


def label(choice: Any) -> str:
    """What the interface shows for a stored choice (``TaskStatus.ASSIGNED``) in Simplified Chinese."""
    from django.utils import translation

    with translation.override("zh-hans"):
        return str(choice.label)


def assert_assets_loaded(page: Any) -> None:
    """The page got every static file it asked for: stylesheet, htmx, the app's scripts, ECharts.

    APP BUG this assertion caught (reported to the lead): settings.py has no STATICFILES_DIRS, so
    the staticfiles finders (runserver, the live server, collectstatic) never see taizhang/static/
    and every page misses taizhang.css, htmx, taizhang.js and the vendored ECharts.
    """
    page.wait_for_load_state("load")
    assert page.failed_assets == [], (
        "static files missing (is taizhang/static/ in STATICFILES_DIRS?): " + ", ".join(page.failed_assets)
    )


def expect_message(page: Any, text: str) -> None:
    """A flash message with ``text`` is on the page."""
    from playwright.sync_api import expect

    expect(page.locator("ul.messages li", has_text=text).first).to_be_visible()


def log_in(page: Any, username: str) -> None:
    """Sign in through the login form, as a person types it (the cast's passwords)."""
    from playwright.sync_api import expect

    from taizhang.devtools.builders import DEMO_PASSWORD_SUFFIX

    page.goto("/accounts/login/")
    assert_assets_loaded(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Sign in to the ledger"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(f"{username}{DEMO_PASSWORD_SUFFIX}")
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page.locator(".usermenu .whoami")).to_contain_text(username)


def log_out(page: Any) -> None:
    from playwright.sync_api import expect

    page.locator(".usermenu").get_by_role("button", name=t("Log out")).click()
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.locator(".usermenu .whoami")).to_have_count(0)


def nav(page: Any, label: str) -> None:
    page.locator("nav.mainnav").get_by_role("link", name=label, exact=True).click()


def settle(page: Any) -> None:
    """Wait until the page has run its scripts (htmx works the review cards and the task forms)."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.htmx !== undefined")
