"""User administration in the product's own pages: the list (search, filters), a person's page,
create with an invitation, edit, deactivate and reactivate, unlock after a lock-out, the people
of a unit on its page, and the history of it all."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taizhang.accounts import actions as A
from taizhang.accounts.models import ApiToken, Membership, Role
from taizhang.core.concurrency import ConcurrentEditError
from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_person, make_unit
from taizhang.ledger import actions as L

pytestmark = pytest.mark.django_db


def page(response: Any) -> str:
    return response.content.decode()


def new_person(client: Any, unit: Any = None, **fields: Any) -> Any:
    data = {
        "name": "王晓明",
        "username": "wangxm",
        "email": "wangxm@example.gov.cn",
        "phone": "138 0013 8000",
        "role": Role.UNIT_OFFICER,
        "unit": unit.pk if unit else "",
        "invite": "on",
        **fields,
    }
    return client.post(reverse("accounts:user_create"), data)


@pytest.fixture
def admin_client(client: Any, cast: Any) -> Any:
    client.force_login(cast.alice)
    return client


class UserListTestCase:
    def test_the_administrator_sees_everyone_with_role_unit_and_status(self, admin_client, cast):
        body = page(admin_client.get(reverse("accounts:users")))
        for name in ("alice", "sam", "vera", "amy", "andy", "bob", "ben"):
            assert f">{name}</td>" in body
        assert "单位联络员" in body and "区商务局" in body and "正常" in body

    def test_it_searches_by_name_username_email_and_mobile(self, admin_client, cast):
        A.do_create_user(
            cast.alice,
            username="lili",
            name="李丽",
            email="li.li@example.gov.cn",
            phone="13912345678",
            role=Role.VIEWER,
            invite=False,
        )
        for q in ("李丽", "lili", "li.li@", "1391234"):
            body = page(admin_client.get(reverse("accounts:users"), {"q": q}))
            assert ">lili</td>" in body and ">andy</td>" not in body, q

    def test_it_filters_by_unit_role_and_status(self, admin_client, cast):
        A.do_deactivate_user(cast.alice, cast.ben)
        by_unit = page(admin_client.get(reverse("accounts:users"), {"unit": cast.unit_a.pk}))
        assert ">amy</td>" in by_unit and ">andy</td>" in by_unit and ">bob</td>" not in by_unit
        by_role = page(admin_client.get(reverse("accounts:users"), {"role": Role.UNIT_LEADER}))
        assert ">amy</td>" in by_role and ">bob</td>" in by_role and ">andy</td>" not in by_role
        inactive = page(admin_client.get(reverse("accounts:users"), {"status": "inactive"}))
        assert ">ben</td>" in inactive and ">bob</td>" not in inactive
        invited = page(admin_client.get(reverse("accounts:users"), {"status": "invited"}))
        assert "没有符合条件的用户" in invited

    def test_its_query_count_does_not_grow_with_the_people(
        self, admin_client, cast, django_assert_max_num_queries
    ):
        unit = make_unit("区财政局")
        for n in range(30):
            make_person(f"person{n}", Role.UNIT_OFFICER, unit)
        with django_assert_max_num_queries(12):
            response = admin_client.get(reverse("accounts:users"))
        assert response.status_code == 200 and ">person29</td>" in page(response)

    def test_a_superuser_made_on_the_command_line_is_listed_as_administrator(
        self, admin_client, cast, django_user_model
    ):
        django_user_model.objects.create_superuser("root", "root@example.gov.cn", "x-very-long-password")
        body = page(admin_client.get(reverse("accounts:users"), {"role": Role.ADMINISTRATOR}))
        assert ">root</td>" in body and ">alice</td>" in body and ">sam</td>" not in body


class CreateTestCase:
    def test_the_administrator_creates_a_unit_officer_who_is_e_mailed_an_invitation(
        self, admin_client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = new_person(admin_client, cast.unit_a)
        user = Membership.objects.get(user__username="wangxm").user
        assert response.status_code == 302 and response["Location"] == reverse(
            "accounts:user_detail", args=[user.pk]
        )
        assert user.first_name == "王晓明" and user.membership.unit == cast.unit_a
        assert user.membership.phone == "13800138000"  # blanks dropped
        assert not user.has_usable_password() and not user.is_staff
        assert len(mailoutbox) == 1 and mailoutbox[0].to == ["wangxm@example.gov.cn"]
        body = mailoutbox[0].body
        assert "王晓明，您好" in body and "wangxm" in body and "区商务局" in body and "7 天内" in body
        assert re.search(r"http://testserver/accounts/invitation/[\w-]+/[\w-]+/", body)
        actions = list(
            HistoryEntry.objects.filter(object_type="auth.user", object_id=user.pk).values_list(
                "action", flat=True
            )
        )
        assert actions == ["create_user", "send_invitation"]

    def test_a_unit_officer_without_a_unit_is_refused_naming_the_field(self, admin_client, cast):
        response = new_person(admin_client)
        assert response.status_code == 400
        assert response.context["form"].errors["unit"] and "必须属于一个单位" in page(response)
        assert not Membership.objects.filter(user__username="wangxm").exists()

    def test_a_username_or_e_mail_already_taken_is_refused(self, admin_client, cast):
        response = new_person(admin_client, cast.unit_a, username="ANDY")
        assert response.status_code == 400 and "该用户名已被使用" in page(response)
        response = new_person(admin_client, cast.unit_a, email="Andy@Example.org")
        assert response.status_code == 400 and "该邮箱已被其他用户使用" in page(response)

    def test_a_proposed_unit_cannot_be_given(self, cast):
        from taizhang.units.models import Unit

        proposed = Unit.objects.create(name="区新单位")
        with pytest.raises(ValidationError) as refused:
            A.do_create_user(
                cast.alice,
                username="x1",
                name="某某",
                email="x1@example.org",
                role=Role.UNIT_OFFICER,
                unit=proposed,
            )
        assert "unit" in refused.value.message_dict

    def test_the_form_can_start_from_a_unit_and_a_role(self, admin_client, cast):
        form = admin_client.get(
            reverse("accounts:user_create"), {"unit": cast.unit_b.pk, "role": "unit_leader"}
        ).context["form"]
        assert str(form["unit"].value()) == str(cast.unit_b.pk) and form["role"].value() == "unit_leader"


class EditTestCase:
    def edit(self, client: Any, person: Any, **fields: Any) -> Any:
        m = person.membership
        data = {
            "name": person.first_name or "安迪",
            "email": person.email,
            "phone": m.phone,
            "role": m.role,
            "unit": m.unit_id or "",
            "version": m.version,
            **fields,
        }
        return client.post(reverse("accounts:user_edit", args=[person.pk]), data)

    def test_the_administrator_moves_an_officer_to_another_unit_and_the_history_says_so(
        self, admin_client, cast
    ):
        response = self.edit(admin_client, cast.andy, name="安迪", unit=cast.unit_b.pk, role=Role.UNIT_LEADER)
        assert response.status_code == 302
        cast.andy.refresh_from_db()
        assert cast.andy.first_name == "安迪" and cast.andy.membership.unit == cast.unit_b
        entry = HistoryEntry.objects.get(action="update_user", object_id=cast.andy.pk)
        assert entry.actor == cast.alice
        assert entry.before["unit"] == cast.unit_a.pk and entry.after["unit"] == cast.unit_b.pk
        assert entry.before["role"] == "unit_officer" and entry.after["role"] == "unit_leader"
        body = page(admin_client.get(reverse("accounts:user_detail", args=[cast.andy.pk])))
        assert "区商务局 → 区发展改革局" in body and "单位联络员 → 单位负责人" in body

    def test_an_edit_over_a_newer_one_is_refused(self, admin_client, cast):
        seen = cast.andy.membership.version
        A.do_update_user(
            cast.alice,
            cast.andy,
            seen_version=seen,
            name="安迪",
            email=cast.andy.email,
            role=Role.UNIT_OFFICER,
            unit=cast.unit_a,
        )
        cast.andy.membership.version = seen
        response = self.edit(admin_client, cast.andy, name="旧值", version=seen)
        assert response.status_code == 400 and "在此期间有人保存" in page(response)
        cast.andy.refresh_from_db()
        assert cast.andy.first_name == "安迪"
        with pytest.raises(ConcurrentEditError):
            A.do_update_user(
                cast.alice,
                cast.andy,
                seen_version=seen,
                name="x",
                email=cast.andy.email,
                role=Role.UNIT_OFFICER,
                unit=cast.unit_a,
            )

    def test_the_last_administrator_keeps_the_role(self, admin_client, cast):
        response = self.edit(admin_client, cast.alice, name="爱丽丝", role=Role.VIEWER)
        assert response.status_code == 400 and "最后一位在用的系统管理员" in page(response)
        make_person("alice2", Role.ADMINISTRATOR)
        assert self.edit(admin_client, cast.alice, name="爱丽丝", role=Role.VIEWER).status_code == 302

    def test_a_superuser_without_a_membership_gets_one_on_the_first_edit(
        self, admin_client, cast, django_user_model
    ):
        root = django_user_model.objects.create_superuser(
            "root", "root@example.gov.cn", "x-very-long-password"
        )
        response = admin_client.post(
            reverse("accounts:user_edit", args=[root.pk]),
            {
                "name": "运维",
                "email": "root@example.gov.cn",
                "phone": "",
                "role": "administrator",
                "unit": "",
                "version": 0,
            },
        )
        assert response.status_code == 302
        assert Membership.objects.get(user=root).role == Role.ADMINISTRATOR


class DeactivateTestCase:
    def test_a_deactivated_person_cannot_sign_in_and_is_signed_out(self, client, cast):
        other = type(client)()
        other.force_login(cast.andy)
        assert other.get(reverse("ledger:task_list")).status_code == 200
        A.do_deactivate_user(cast.alice, cast.andy)
        signed_out = other.get(reverse("ledger:task_list"))  # the session no longer signs him in
        assert signed_out.status_code == 302 and signed_out["Location"].startswith(reverse("accounts:login"))
        refused = client.post(reverse("accounts:login"), {"username": "andy", "password": "andy-taizhang"})
        assert refused.status_code == 200 and "_auth_user_id" not in client.session

    def test_deactivation_keeps_the_account_and_its_history_and_revokes_tokens(self, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="草稿", percent=5)
        token, _ = A.do_create_api_token(cast.andy)
        before = HistoryEntry.objects.filter(actor=cast.andy).count()
        A.do_deactivate_user(cast.alice, cast.andy)
        cast.andy.refresh_from_db()
        assert not cast.andy.is_active and cast.andy.membership.unit == cast.unit_a
        assert HistoryEntry.objects.filter(actor=cast.andy).count() == before
        report.refresh_from_db()
        assert report.created_by == cast.andy
        assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
        entry = HistoryEntry.objects.get(action="deactivate_user")
        assert entry.after == {"is_active": False, "tokens_revoked": 1}

    def test_the_confirmation_shows_the_open_work_and_who_must_take_it_over(self, admin_client, cast, tasks):
        L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="草稿", percent=5)
        body = page(admin_client.get(reverse("accounts:user_deactivate", args=[cast.andy.pk])))
        assert "2025-01 的进展报送（草稿）" in body
        assert "区商务局没有其他在岗的单位联络员" in body
        assert f"?unit={cast.unit_a.pk}&amp;role=unit_officer" in body

    def test_a_leaders_stuck_approvals_show_when_nobody_else_leads_the_unit(self, admin_client, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="x", percent=5)
        L.do_submit_report(cast.andy, report)
        A.do_deactivate_user(cast.alice, cast.amy)
        body = page(admin_client.get(reverse("accounts:user_detail", args=[cast.amy.pk])))
        assert "需要交接的工作" in body and "等待单位负责人审核" in body
        assert "区商务局没有其他在岗的单位负责人" in body

    def test_nobody_deactivates_himself(self, admin_client, cast):
        response = admin_client.post(reverse("accounts:user_deactivate", args=[cast.alice.pk]), follow=True)
        assert "不能停用自己的账户" in page(response)
        cast.alice.refresh_from_db()
        assert cast.alice.is_active and not HistoryEntry.objects.filter(action="deactivate_user").exists()

    def test_reactivation_lets_the_person_sign_in_with_the_old_password(self, client, cast):
        A.do_deactivate_user(cast.alice, cast.andy)
        client.force_login(cast.alice)
        assert client.post(reverse("accounts:user_reactivate", args=[cast.andy.pk])).status_code == 302
        client.logout()
        signed_in = client.post(reverse("accounts:login"), {"username": "andy", "password": "andy-taizhang"})
        assert signed_in.status_code == 302
        assert list(
            HistoryEntry.objects.filter(object_id=cast.andy.pk, object_type="auth.user").values_list(
                "action", flat=True
            )
        ) == [
            "deactivate_user",
            "reactivate_user",
        ]

    def test_a_deactivated_person_stays_named_on_the_unit_page_for_the_administrator_only(self, client, cast):
        A.do_deactivate_user(cast.alice, cast.andy)
        client.force_login(cast.alice)
        body = page(client.get(reverse("units:detail", args=[cast.unit_a.pk])))
        assert "已停用：" in body and "本单位还没有单位联络员" in body
        client.force_login(cast.amy)
        body = page(client.get(reverse("units:detail", args=[cast.unit_a.pk])))
        assert "andy" not in body.split('class="card unit-people"')[1]


class UnlockTestCase:
    def lock(self, client: Any) -> None:
        for _ in range(5):
            client.post(reverse("accounts:login"), {"username": "andy", "password": "wrong-password"})

    def test_the_administrator_sees_a_lock_out_and_lifts_it(self, client, cast):
        self.lock(client)
        assert (
            client.post(
                reverse("accounts:login"), {"username": "andy", "password": "andy-taizhang"}
            ).status_code
            == 429
        )
        admin = type(client)()
        admin.force_login(cast.alice)
        listed = page(admin.get(reverse("accounts:users"), {"status": "locked"}))
        assert ">andy</td>" in listed and ">ben</td>" not in listed
        detail = page(admin.get(reverse("accounts:user_detail", args=[cast.andy.pk])))
        assert "密码错误次数过多" in detail and "127.0.0.1" in detail
        assert admin.post(reverse("accounts:user_unlock", args=[cast.andy.pk])).status_code == 302
        assert (
            client.post(
                reverse("accounts:login"), {"username": "andy", "password": "andy-taizhang"}
            ).status_code
            == 302
        )
        entry = HistoryEntry.objects.get(action="unlock_user")
        assert entry.actor == cast.alice and entry.before == {"locked_from": ["127.0.0.1"]}


class UnitPeopleTestCase:
    def test_the_unit_page_lists_its_people_and_the_supervisor_reads_their_contacts(self, client, cast):
        Membership.objects.filter(user=cast.andy).update(phone="13800138000")
        client.force_login(cast.sam)
        body = page(client.get(reverse("units:detail", args=[cast.unit_a.pk])))
        assert "amy" in body and "andy" in body and "13800138000" in body and "bob" not in body
        client.force_login(cast.ben)
        body = page(client.get(reverse("units:detail", args=[cast.unit_a.pk])))
        assert "andy" in body and "13800138000" not in body and "为本单位添加人员" not in body
        client.force_login(cast.alice)
        body = page(client.get(reverse("units:detail", args=[cast.unit_a.pk])))
        assert reverse("accounts:user_detail", args=[cast.andy.pk]) in body and "为本单位添加人员" in body


class HistoryPageTestCase:
    def test_every_change_to_people_is_on_the_history_page_in_three_languages(self, client, cast):
        A.do_create_user(
            cast.alice,
            username="lili",
            name="李丽",
            email="li@example.gov.cn",
            role=Role.VIEWER,
            invite=False,
        )
        A.do_deactivate_user(cast.alice, cast.ben)
        client.force_login(cast.alice)
        body = page(client.get(reverse("accounts:user_history")))
        assert "新建" in body and "李丽" in body and "已停用" in body and "ben" in body
        client.post(reverse("set_language"), {"language": "zh-hant", "next": "/"})
        assert "變更記錄" in page(client.get(reverse("accounts:user_history")))
        client.post(reverse("set_language"), {"language": "en", "next": "/"})
        body = page(client.get(reverse("accounts:user_history")))
        assert "Change history of users" in body and "Deactivated" in body and "Read-only" in body

    def test_the_navigation_shows_users_to_the_administrator_only(self, client, cast):
        client.force_login(cast.alice)
        assert reverse("accounts:users") in page(client.get("/"))
        client.force_login(cast.sam)
        assert reverse("accounts:users") not in page(client.get("/"))
