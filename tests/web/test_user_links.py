"""The links e-mailed to people: an invitation sets the first password, a reset link a new one;
both are Django's signed tokens, work once, expire, apply the password validators and die with
the account's deactivation. The sign-in page's "forgot your password" reveals no address."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts import actions as A
from taizhang.accounts.models import Role
from taizhang.core.models import HistoryEntry

pytestmark = pytest.mark.django_db

STRONG = "河畔-晨跑-Qx7-钟楼"
LINK_RE = re.compile(r"http://testserver(/accounts/(?:invitation|password/reset)/[\w-]+/[\w-]+/)")


def link_in(message: Any) -> str:
    found = LINK_RE.search(message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def invited(cast: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        person = A.do_create_user(
            cast.alice,
            username="wangxm",
            name="王晓明",
            email="wangxm@example.gov.cn",
            role=Role.UNIT_OFFICER,
            unit=cast.unit_a,
            site="http://testserver",
        )
    return person


def later(monkeypatch: Any, generator: Any, delta: timedelta) -> None:
    """Make ``generator`` check its tokens ``delta`` from now (its ``_now`` is Django's hook for it)."""
    from datetime import datetime

    monkeypatch.setattr(generator, "_now", lambda: datetime.now() + delta)


def set_password(client: Any, link: str, password: str = STRONG) -> Any:
    opened = client.get(link)
    if opened.status_code != 302:  # an invalid link answers its page at once
        return opened
    return client.post(opened["Location"], {"new_password1": password, "new_password2": password})


class InvitationTestCase:
    def test_the_invitee_sets_a_password_once_and_signs_in(self, client, invited, mailoutbox):
        link = link_in(mailoutbox[0])
        opened = client.get(link)
        assert opened.status_code == 302 and opened["Location"].endswith(
            "/set-password/"
        )  # no token in the page's address
        form = client.get(opened["Location"])
        assert "设置您的密码" in form.content.decode() and "wangxm" in form.content.decode()
        done = client.post(opened["Location"], {"new_password1": STRONG, "new_password2": STRONG})
        assert done.status_code == 302 and done["Location"] == reverse("accounts:password_set")
        assert (
            client.post(reverse("accounts:login"), {"username": "wangxm", "password": STRONG}).status_code
            == 302
        )
        client.logout()
        again = client.get(link)
        assert again.status_code == 200 and "链接已失效" in again.content.decode()
        assert (
            HistoryEntry.objects.filter(
                action="accept_invitation", object_id=invited.pk, actor=invited
            ).count()
            == 1
        )

    def test_the_password_validators_apply(self, client, invited, mailoutbox):
        for weak in ("12345678901", "short", "wangxm2025x", "password123"):
            answer = set_password(client, link_in(mailoutbox[0]), weak)
            assert answer.status_code == 200 and answer.context["form"].errors, weak
        invited.refresh_from_db()
        assert not invited.has_usable_password()

    def test_an_invitation_expires_after_seven_days(self, client, invited, mailoutbox, monkeypatch):
        from taizhang.accounts.mail import invitation_tokens

        link = link_in(mailoutbox[0])
        later(monkeypatch, invitation_tokens, timedelta(days=6, hours=23))
        assert client.get(link).status_code == 302
        later(monkeypatch, invitation_tokens, timedelta(days=7, hours=1))
        answer = client.get(link)
        assert answer.status_code == 200 and "链接已失效" in answer.content.decode()

    def test_a_new_invitation_makes_the_older_link_stop_working(
        self, client, cast, invited, mailoutbox, django_capture_on_commit_callbacks
    ):
        first = link_in(mailoutbox[0])
        with django_capture_on_commit_callbacks(execute=True):
            A.do_send_invitation(cast.alice, invited, site="http://testserver")
        assert len(mailoutbox) == 2
        assert "链接已失效" in client.get(first).content.decode()
        assert set_password(client, link_in(mailoutbox[1])).status_code == 302

    def test_a_deactivated_persons_link_does_not_work(self, client, cast, invited, mailoutbox):
        A.do_deactivate_user(cast.alice, invited)
        assert "链接已失效" in client.get(link_in(mailoutbox[0])).content.decode()

    def test_an_invitation_is_no_reset_link(self, client, invited, mailoutbox):
        link = link_in(mailoutbox[0]).replace("/invitation/", "/password/reset/")
        assert "链接已失效" in client.get(link).content.decode()

    def test_someone_who_set_a_password_gets_no_new_invitation(self, cast):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError, match="重设密码"):
            A.do_send_invitation(cast.alice, cast.andy)


class ResetTestCase:
    def send(self, cast: Any, capture: Any, person: Any) -> None:
        with capture(execute=True):
            A.do_send_password_reset(cast.alice, person, site="http://testserver")

    def test_the_administrator_sends_a_reset_link_that_works_once(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(cast.alice)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("accounts:user_reset", args=[cast.andy.pk]))
        client.logout()
        assert mailoutbox[0].to == [cast.andy.email] and "24 小时内" in mailoutbox[0].body
        link = link_in(mailoutbox[0])
        assert set_password(client, link).status_code == 302
        cast.andy.refresh_from_db()
        assert cast.andy.check_password(STRONG)
        assert "链接已失效" in client.get(link).content.decode()

    def test_the_old_password_works_until_the_new_one_is_set(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        self.send(cast, django_capture_on_commit_callbacks, cast.andy)
        assert (
            client.post(
                reverse("accounts:login"), {"username": "andy", "password": "andy-taizhang"}
            ).status_code
            == 302
        )

    def test_a_reset_link_expires_after_a_day(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
    ):
        from taizhang.accounts.mail import reset_tokens

        self.send(cast, django_capture_on_commit_callbacks, cast.andy)
        later(monkeypatch, reset_tokens, timedelta(hours=23))
        assert client.get(link_in(mailoutbox[0])).status_code == 302
        later(monkeypatch, reset_tokens, timedelta(hours=25))
        assert "链接已失效" in client.get(link_in(mailoutbox[0])).content.decode()

    def test_setting_a_password_lifts_a_lock_out(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        for _ in range(5):
            client.post(reverse("accounts:login"), {"username": "andy", "password": "wrong-password"})
        self.send(cast, django_capture_on_commit_callbacks, cast.andy)
        assert set_password(client, link_in(mailoutbox[0])).status_code == 302
        assert (
            client.post(reverse("accounts:login"), {"username": "andy", "password": STRONG}).status_code
            == 302
        )


class ForgotPasswordTestCase:
    def ask(self, client: Any, capture: Any, email: str) -> Any:
        with capture(execute=True):
            return client.post(reverse("accounts:forgot_password"), {"email": email})

    def test_the_sign_in_page_links_to_it(self, client, db):
        assert reverse("accounts:forgot_password") in client.get(reverse("accounts:login")).content.decode()

    def test_a_known_and_an_unknown_address_get_the_same_answer(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        known = self.ask(client, django_capture_on_commit_callbacks, "ANDY@example.org")
        unknown = self.ask(client, django_capture_on_commit_callbacks, "nobody@example.org")
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"] == reverse("accounts:forgot_password_sent")
        assert [m.to for m in mailoutbox] == [["andy@example.org"]]
        assert set_password(client, link_in(mailoutbox[0])).status_code == 302
        entry = HistoryEntry.objects.get(action="request_password_reset")
        assert entry.actor is None and "127.0.0.1" in entry.note

    def test_asking_again_soon_sends_nothing_more(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        for _ in range(3):
            self.ask(client, django_capture_on_commit_callbacks, "andy@example.org")
        assert len(mailoutbox) == 1
        with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
            self.ask(client, django_capture_on_commit_callbacks, "andy@example.org")
        assert len(mailoutbox) == 2

    def test_an_invitee_who_lost_the_invitation_gets_a_new_one(
        self, client, invited, mailoutbox, django_capture_on_commit_callbacks
    ):
        with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
            self.ask(client, django_capture_on_commit_callbacks, "wangxm@example.gov.cn")
        assert len(mailoutbox) == 2 and "/accounts/invitation/" in mailoutbox[1].body
        assert "链接已失效" in client.get(link_in(mailoutbox[0])).content.decode()

    def test_a_deactivated_person_is_sent_nothing(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        A.do_deactivate_user(cast.alice, cast.andy)
        self.ask(client, django_capture_on_commit_callbacks, "andy@example.org")
        assert mailoutbox == []

    def test_the_e_mail_is_in_the_language_of_the_page(
        self, client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        self.ask(client, django_capture_on_commit_callbacks, "andy@example.org")
        assert "Choose a new password" in mailoutbox[0].subject and "Dear andy" in mailoutbox[0].body


class MailFailureTestCase:
    def test_an_e_mail_that_cannot_be_sent_is_recorded_on_the_persons_page(
        self, client, cast, settings, django_capture_on_commit_callbacks
    ):
        settings.EMAIL_BACKEND = "tests.web.test_user_links.BrokenBackend"
        with django_capture_on_commit_callbacks(execute=True):
            person = A.do_create_user(
                cast.alice, username="lili", name="李丽", email="li@example.gov.cn", role=Role.VIEWER
            )
        assert HistoryEntry.objects.filter(action="email_failed", object_id=person.pk).exists()
        client.force_login(cast.alice)
        assert (
            "邮件发送失败" in client.get(reverse("accounts:user_detail", args=[person.pk])).content.decode()
        )


class BrokenBackend:
    """An e-mail backend whose server refuses every message."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def send_messages(self, messages: list[Any]) -> int:
        raise OSError("connection refused")
