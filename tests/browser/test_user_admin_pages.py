"""User administration in a real browser: the administrator's pages break no rule of the Content
Security Policy, work on a phone (no page wider than the screen), and a new person goes from the
invitation e-mail to signing in."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import log_in, t
from .test_csp import visit, watch

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def pages(cast: Any) -> list[str]:
    andy = f"/accounts/users/{cast.andy.pk}/"
    return [
        "/accounts/users/",
        f"/accounts/users/?unit={cast.unit_a.pk}&status=active",
        "/accounts/users/new/",
        "/accounts/users/import/",
        "/accounts/users/history/",
        andy,
        andy + "edit/",
        andy + "deactivate/",
        f"/units/{cast.unit_a.pk}/",
        "/accounts/password/forgot/",
    ]


class UserAdministrationPagesTestCase:
    def test_the_pages_break_no_rule_of_the_policy_on_a_desktop_and_fit_a_phone(
        self, new_page: Any, cast: Any
    ) -> None:
        for viewport in ({"width": 1280, "height": 900}, PHONE):
            page = new_page(viewport=viewport)
            found = watch(page)
            log_in(page, "alice")
            for url in pages(cast):
                visit(page, url, found)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], (
                    f"{url} is {width}px wide on a {viewport['width']}px screen"
                )
            # a filter select submits its form without an inline handler
            visit(page, "/accounts/users/", found)
            page.locator("select[name=role]").select_option("unit_leader")
            page.wait_for_url(re.compile(r".*role=unit_leader.*"))
            expect(page.locator("table.people")).to_contain_text("amy")
            expect(page.locator("table.people")).not_to_contain_text("andy")
            found.extend(page.evaluate("window.__csp || []"))
            assert found == []

    def test_a_new_person_is_invited_and_signs_in_on_a_phone(
        self, new_page: Any, cast: Any, mailoutbox: Any
    ) -> None:
        admin = new_page()
        log_in(admin, "alice")
        admin.goto(f"/accounts/users/new/?unit={cast.unit_b.pk}&role=unit_officer")
        admin.locator("#id_name").fill("王晓明")
        admin.locator("#id_username").fill("wangxm")
        admin.locator("#id_email").fill("wangxm@luohu.gov.cn")
        admin.get_by_role("button", name=t("Create"), exact=True).click()
        expect(admin.locator("h1")).to_contain_text("王晓明")
        expect(admin.locator("h1 .badge-invited")).to_be_visible()
        assert len(mailoutbox) == 1
        link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+/)", mailoutbox[0].body).group(1)

        phone = new_page(viewport=PHONE)
        found = watch(phone)
        phone.goto(link)
        expect(phone.locator("h1")).to_have_text(t("Choose your password"))
        for field in ("#id_new_password1", "#id_new_password2"):
            phone.locator(field).fill("河畔-晨跑-Qx7-钟楼")
        phone.get_by_role("button", name=t("Set password")).click()
        expect(phone.locator("h1")).to_have_text(t("Your password is set"))
        phone.get_by_role("link", name=t("Sign in"), exact=True).click()
        phone.locator("#id_username").fill("wangxm")
        phone.locator("#id_password").fill("河畔-晨跑-Qx7-钟楼")
        phone.get_by_role("button", name=t("Sign in"), exact=True).click()
        expect(phone.locator(".usermenu .whoami")).to_contain_text("区发展改革局")
        found.extend(phone.evaluate("window.__csp || []"))
        assert found == []
