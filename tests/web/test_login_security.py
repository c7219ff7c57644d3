"""Signing in safely: throttling and lock-out (django-axes), password rules wherever a password is
set, the sign-in audit, and API tokens that are stored hashed, expire and can be revoked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from taizhang.accounts.actions import do_create_api_token, do_revoke_api_token, hash_key
from taizhang.accounts.models import ApiToken, LoginEvent, LoginOutcome

pytestmark = pytest.mark.django_db


def sign_in(client: Any, username: str, password: str) -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


class LockOutTestCase:
    def test_after_five_wrong_passwords_even_the_right_one_is_refused(self, client, cast):
        for _ in range(5):
            assert sign_in(client, "andy", "wrong-password").status_code in (200, 429)
        refused = sign_in(client, "andy", "andy-taizhang")
        assert refused.status_code == 429
        assert "_auth_user_id" not in client.session
        assert "密码错误次数过多" in refused.content.decode()

    def test_two_hundred_wrong_passwords_do_not_wear_the_lock_down(self, client, cast):
        statuses = [sign_in(client, "andy", f"guess-{n}").status_code for n in range(200)]
        assert statuses.count(429) >= 195
        assert sign_in(client, "andy", "andy-taizhang").status_code == 429

    def test_the_lock_lifts_after_the_cool_off(self, client, cast, settings):
        for _ in range(5):
            sign_in(client, "andy", "wrong-password")
        from axes.models import AccessAttempt

        AccessAttempt.objects.update(
            attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
        )
        assert sign_in(client, "andy", "andy-taizhang").status_code == 302

    def test_a_locked_username_does_not_lock_a_colleague_out(self, client, cast):
        for _ in range(6):
            sign_in(client, "andy", "wrong-password")
        assert sign_in(client, "ben", "ben-taizhang").status_code == 302

    def test_the_api_token_endpoint_is_throttled_too(self, cast):
        api = APIClient()
        for _ in range(5):
            api.post("/api/token/", {"username": "andy", "password": "nope"}, format="json")
        locked = api.post("/api/token/", {"username": "andy", "password": "andy-taizhang"}, format="json")
        assert locked.status_code == 429 and "token" not in locked.json()


class PasswordRulesTestCase:
    @pytest.mark.parametrize("weak", ["12345678901", "short1!", "password123", "qwertyuiop"])
    def test_changing_ones_password_refuses_a_weak_one(self, client, cast, weak):
        client.force_login(cast.andy)
        response = client.post(
            reverse("accounts:password_change"),
            {"old_password": "andy-taizhang", "new_password1": weak, "new_password2": weak},
        )
        assert response.status_code == 200 and response.context["form"].errors
        cast.andy.refresh_from_db()
        assert cast.andy.check_password("andy-taizhang")

    def test_a_strong_password_is_taken_and_recorded(self, client, cast):
        client.force_login(cast.andy)
        strong = "河畔-晨跑-Qx7-钟楼"
        response = client.post(
            reverse("accounts:password_change"),
            {"old_password": "andy-taizhang", "new_password1": strong, "new_password2": strong},
        )
        assert response.status_code == 302
        cast.andy.refresh_from_db()
        assert cast.andy.check_password(strong)
        from taizhang.core.models import HistoryEntry

        assert HistoryEntry.objects.filter(action="change_password", object_id=cast.andy.pk).count() == 1

    def test_the_command_line_refuses_a_weak_password_too(self, cast, monkeypatch):
        from django.core.management.base import CommandError

        monkeypatch.setattr("getpass.getpass", lambda prompt="": "1234567890")
        with pytest.raises(CommandError):
            call_command("changepassword", "andy", stdout=None)


class LoginAuditTestCase:
    def test_sign_ins_failures_lock_outs_and_sign_outs_are_recorded(self, client, cast):
        sign_in(client, "andy", "andy-taizhang")
        client.post(reverse("accounts:logout"))
        sign_in(client, "nobody-here", "x")
        for _ in range(6):
            sign_in(client, "ben", "wrong-password")
        events = list(LoginEvent.objects.order_by("pk").values_list("username", "outcome", "channel"))
        assert events[:3] == [
            ("andy", LoginOutcome.SUCCESS, "web"),
            ("andy", LoginOutcome.LOGOUT, "web"),
            ("nobody-here", LoginOutcome.FAILURE, "web"),
        ]
        ben = [outcome for name, outcome, _ in events if name == "ben"]
        # the fifth wrong password locks the pair out; what follows is refused as locked out
        assert ben[:4] == [LoginOutcome.FAILURE] * 4 and set(ben[4:]) == {LoginOutcome.LOCKED_OUT}
        assert LoginEvent.objects.filter(username="andy").first().ip_address == "127.0.0.1"

    def test_api_sign_ins_are_recorded(self, cast):
        APIClient().post("/api/token/", {"username": "ben", "password": "nope"}, format="json")
        assert LoginEvent.objects.filter(username="ben", outcome=LoginOutcome.FAILURE, channel="api").exists()

    def test_only_the_administrator_reads_the_sign_in_log(self, client, cast):
        sign_in(client, "nobody-here", "x")
        for person in (cast.sam, cast.vera, cast.amy, cast.andy):
            client.force_login(person)
            assert client.get(reverse("accounts:login_events")).status_code == 403
        client.force_login(cast.alice)
        page = client.get(reverse("accounts:login_events"), {"outcome": "failure"})
        assert page.status_code == 200
        assert "nobody-here" in page.content.decode() and "登录失败" in page.content.decode()

    def test_the_sign_in_log_cannot_be_rewritten(self, cast):
        from django.db import transaction

        sign_in_row = LoginEvent.objects.create(username="andy", outcome=LoginOutcome.SUCCESS)
        for sql in ("UPDATE accounts_loginevent SET username = 'x'", "DELETE FROM accounts_loginevent"):
            with pytest.raises(Exception, match="append-only"), transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(sql)
        assert LoginEvent.objects.get(pk=sign_in_row.pk).username == "andy"


class ApiTokenTestCase:
    def call(self, key: str) -> int:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client.get("/api/tasks/").status_code

    def test_the_database_holds_no_plain_key(self, cast):
        token, key = do_create_api_token(cast.andy)
        stored = [
            str(value)
            for row in ApiToken.objects.values_list(*[f.attname for f in ApiToken._meta.concrete_fields])
            for value in row
        ]
        assert key not in stored and hash_key(key) == token.digest
        assert all(key not in value or len(value) < len(key) for value in stored)
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM accounts_apitoken")
            assert not any(key == str(cell) for row in cursor.fetchall() for cell in row)

    def test_a_valid_token_works_and_records_its_use(self, cast, tasks):
        token, key = do_create_api_token(cast.andy)
        assert self.call(key) == 200
        token.refresh_from_db()
        assert token.last_used_at is not None

    def test_an_expired_token_is_refused(self, cast, tasks):
        token, key = do_create_api_token(cast.andy, days=1, now=timezone.now() - timedelta(days=2))
        assert self.call(key) == 401

    def test_a_revoked_token_is_refused(self, cast, tasks):
        token, key = do_create_api_token(cast.andy)
        assert self.call(key) == 200
        do_revoke_api_token(cast.andy, token)
        assert self.call(key) == 401

    def test_a_deactivated_persons_token_is_refused(self, cast, tasks):
        _, key = do_create_api_token(cast.andy)
        cast.andy.is_active = False
        cast.andy.save(update_fields=["is_active"])
        assert self.call(key) == 401

    def test_a_token_from_the_api_endpoint_expires_and_is_listed_on_the_profile(self, client, cast):
        response = APIClient().post(
            "/api/token/", {"username": "andy", "password": "andy-taizhang"}, format="json"
        )
        assert response.status_code == 200
        body = response.json()
        token = ApiToken.objects.get(digest=hash_key(body["token"]))
        assert token.user == cast.andy and body["expires_at"]
        client.force_login(cast.andy)
        assert f"{token.prefix}…" in client.get(reverse("accounts:profile")).content.decode()

    def test_a_token_lifetime_is_bounded(self, cast):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            do_create_api_token(cast.andy, days=3650)
