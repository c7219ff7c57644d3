"""The shell: signing in and out, navigation by role, the profile with its API token, error pages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from taizhang.accounts.actions import do_create_api_token
from taizhang.accounts.models import ApiToken
from taizhang.core.models import HistoryEntry

pytestmark = pytest.mark.django_db


def _nav(page: str) -> str:
    return page.split('class="mainnav"')[1].split("</nav>")[0]


class LoginTestCase:
    def test_the_login_page_is_in_chinese_by_default(self, client, db):
        page = client.get(reverse("accounts:login")).content.decode()
        assert '<html lang="zh-hans">' in page and "登录台账系统" in page and "用户名" in page

    def test_a_person_signs_in_with_the_demo_password_and_lands_on_the_workbench(self, client, cast):
        response = client.post(reverse("accounts:login"), {"username": "sam", "password": "sam-taizhang"})
        assert response.status_code == 302 and response["Location"] == "/"
        assert client.get("/").wsgi_request.user == cast.sam

    def test_a_wrong_password_is_refused_with_a_message(self, client, cast):
        response = client.post(reverse("accounts:login"), {"username": "sam", "password": "nope"})
        assert response.status_code == 200
        assert "用户名或密码错误" in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated

    def test_a_signed_in_person_signs_out_by_post(self, client, cast):
        client.force_login(cast.andy)
        response = client.post(reverse("accounts:logout"))
        assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
        assert client.get(reverse("policies:list")).status_code == 302

    def test_signing_out_by_get_is_refused(self, client, cast):
        client.force_login(cast.andy)
        assert client.get(reverse("accounts:logout")).status_code == 405
        assert client.get(reverse("policies:list")).status_code == 200


class NavigationTestCase:
    @pytest.mark.parametrize(
        ("who", "shown", "hidden"),
        [
            (
                "alice",
                [
                    "工作台",
                    "任务",
                    "政策文件",
                    "单位",
                    "看板",
                    "督办",
                    "通报",
                    "监测指标",
                    "绩效考核",
                    "公开平台",
                ],
                ["收件箱", "本单位看板"],
            ),
            (
                "sam",
                [
                    "工作台",
                    "任务",
                    "政策文件",
                    "单位",
                    "看板",
                    "督办",
                    "通报",
                    "监测指标",
                    "工作簿",
                    "提醒",
                    "公开平台",
                ],
                ["收件箱", "本单位看板"],
            ),
            (
                "vera",
                ["工作台", "任务", "政策文件", "看板", "督办", "通报", "监测指标", "绩效考核", "提醒"],
                ["收件箱", "单位", "公开平台"],
            ),
            (
                "amy",
                ["工作台", "任务", "政策文件", "收件箱", "本单位看板", "通报", "工作簿", "提醒"],
                ["单位", "看板", "督办", "监测指标", "绩效考核", "公开平台"],
            ),
            (
                "andy",
                ["工作台", "任务", "政策文件", "收件箱", "本单位看板", "通报", "工作簿"],
                ["单位", "看板", "督办", "监测指标", "公开平台"],
            ),
        ],
    )
    def test_each_role_sees_its_own_navigation(self, client, cast, who, shown, hidden):
        client.force_login(getattr(cast, who))
        nav = _nav(client.get(reverse("policies:list")).content.decode())
        for label in shown:
            assert f">{label}</a>" in nav
        for label in hidden:
            assert f">{label}</a>" not in nav

    @pytest.mark.parametrize("who", ["alice", "sam", "vera", "amy", "andy"])
    def test_every_link_of_the_navigation_opens_for_its_role(self, client, cast, who):
        client.force_login(getattr(cast, who))
        nav = _nav(client.get(reverse("policies:list")).content.decode())

        for href in re.findall(r'href="([^"]+)"', nav):
            assert client.get(href, follow=True).status_code == 200, href

    def test_the_top_bar_names_the_person_and_the_unit(self, client, cast):
        client.force_login(cast.andy)
        page = client.get(reverse("policies:list")).content.decode()
        assert "andy · 区商务局" in page and 'hx-headers=\'{"X-CSRFToken": "' in page
        assert "vendor/htmx-2.0.11.min.js" in page

    def test_a_person_without_a_role_gets_no_navigation(self, client, django_user_model):
        client.force_login(django_user_model.objects.create_user("nobody", password="x"))
        nav = _nav(client.get(reverse("accounts:profile")).content.decode())
        assert "<a " not in nav


class ProfileTestCase:
    def test_it_shows_role_and_unit(self, client, cast):
        client.force_login(cast.amy)
        page = client.get(reverse("accounts:profile")).content.decode()
        assert "单位负责人" in page and "区商务局" in page and "还没有 API 令牌" in page

    def test_a_token_is_created_shown_once_and_revoked(self, client, cast):
        client.force_login(cast.ben)
        created = client.post(reverse("accounts:token"), {"name": "统计系统", "days": "30"})
        key = created.context["new_key"]
        assert key.startswith("tz_") and key in created.content.decode()
        token = ApiToken.objects.get(user=cast.ben)
        assert token.name == "统计系统" and key.startswith(token.prefix)
        assert (token.expires_at - token.created_at).days == 30
        later = client.get(reverse("accounts:profile")).content.decode()
        assert key not in later and f"{token.prefix}…" in later  # shown once, then only its start
        client.post(reverse("accounts:token_revoke", args=[token.pk]))
        token.refresh_from_db()
        assert token.revoked_at is not None
        actions = list(
            HistoryEntry.objects.filter(object_type="accounts.apitoken").values_list("action", flat=True)
        )
        assert actions == ["create_api_token", "revoke_api_token"]

    def test_a_token_is_only_made_by_post(self, client, cast):
        client.force_login(cast.ben)
        assert client.get(reverse("accounts:token")).status_code == 405
        assert not ApiToken.objects.exists()

    def test_one_cannot_revoke_someone_elses_token(self, client, cast):
        token, _ = do_create_api_token(cast.andy)
        client.force_login(cast.ben)
        assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
        token.refresh_from_db()
        assert token.revoked_at is None


class ErrorPageTestCase:
    def test_a_missing_page_answers_404_in_chinese(self, client, cast, settings):
        settings.DEBUG = False
        client.force_login(cast.sam)
        response = client.get(reverse("policies:detail", args=[999999]))
        assert response.status_code == 404
        assert "页面不存在" in response.content.decode()

    def test_a_forbidden_action_answers_403_with_the_reason(self, client, cast, settings):
        settings.DEBUG = False
        client.force_login(cast.andy)
        response = client.get(reverse("policies:import"))
        assert response.status_code == 403
        page = response.content.decode()
        assert "无权操作" in page and "只有督查室可以导入政策文件" in page

    def test_the_server_error_page_is_plain_chinese_html(self, client, db):
        from django.template.loader import render_to_string

        page = render_to_string("500.html")
        assert "服务器错误" in page and "{%" not in page
