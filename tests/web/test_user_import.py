"""Importing people from an .xlsx list (姓名, 用户名, 邮箱, 手机, 单位, 角色): previewed first, every
row checked with its row and column named, nothing stored of a rejected file, invitations sent on
confirmation, and a preview confirmed once however often it is posted."""

from __future__ import annotations

import io
import threading
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from taizhang.accounts import actions as A
from taizhang.accounts.models import Membership, Role, UserImport
from taizhang.accounts.userimport import read_people, role_from_text
from taizhang.core.models import HistoryEntry

pytestmark = pytest.mark.django_db

HEADER = ["姓名", "用户名", "邮箱", "手机", "单位", "角色"]
GOOD = [
    ["王晓明", "wangxm", "wangxm@luohu.gov.cn", 13800138000, "区商务局", "单位联络员"],
    ["李丽", "lili", "lili@luohu.gov.cn", "139-1234-5678", "区发展改革局", "单位负责人"],
    ["赵刚", "zhaogang", "zhaogang@luohu.gov.cn", None, None, "只读"],
]


def xlsx(
    rows: list[list[Any]], title: str | None = "罗湖区台账系统用户名单", header: list[str] = HEADER
) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client: Any, data: bytes, name: str = "名单.xlsx") -> Any:
    return client.post(reverse("accounts:user_import"), {"file": SimpleUploadedFile(name, data)})


def usernames() -> set[str]:
    return set(get_user_model().objects.values_list("username", flat=True))


@pytest.fixture
def admin_client(client: Any, cast: Any) -> Any:
    client.force_login(cast.alice)
    return client


class PreviewTestCase:
    def test_a_good_list_is_shown_and_nothing_is_created_yet(self, admin_client, cast):
        before = usernames()
        response = upload(admin_client, xlsx(GOOD))
        assert response.status_code == 200
        body = response.content.decode()
        assert "3 人全部通过检查" in body and "王晓明" in body and "13912345678" in body and "只读" in body
        assert usernames() == before
        preview = UserImport.objects.get()
        assert preview.confirmed_at is None and len(preview.rows) == 3
        assert f'value="{preview.token}"' in body

    def test_each_wrong_cell_is_named_by_row_and_column_and_nothing_is_kept(self, admin_client, cast):
        from taizhang.units.models import Unit

        Unit.objects.create(name="区新设单位")  # proposed, not yet confirmed
        rows = [
            GOOD[0],
            ["", "nobody", "nobody@luohu.gov.cn", None, "区商务局", "单位联络员"],  # row 5: no name
            [
                "张三",
                "andy",
                "zhangsan@luohu.gov.cn",
                None,
                "区商务局",
                "单位联络员",
            ],  # row 6: username taken
            [
                "张四",
                "wangxm",
                "zhangsi@luohu.gov.cn",
                None,
                "区商务局",
                "单位联络员",
            ],  # row 7: repeats row 4
            ["张五", "zhangwu", "not-an-address", None, "区商务局", "单位联络员"],  # row 8
            ["张六", "zhangliu", "zl@luohu.gov.cn", "电话", "区商务局", "单位联络员"],  # row 9
            ["张七", "zhangqi", "zq@luohu.gov.cn", None, "区外星局", "单位联络员"],  # row 10
            ["张八", "zhangba", "zb@luohu.gov.cn", None, "区新设单位", "单位联络员"],  # row 11
            ["张九", "zhangjiu", "zj@luohu.gov.cn", None, "", "单位负责人"],  # row 12
            ["张十", "zhangshi", "zs@luohu.gov.cn", None, "区商务局", "科长"],  # row 13
            ["张甲", "zhang jia", "zhangjia@luohu.gov.cn", None, "区商务局", "单位联络员"],  # row 14
        ]
        before = usernames()
        response = upload(admin_client, xlsx(rows))
        assert response.status_code == 400
        errors = [str(e) for e in response.context["plan"].errors]
        assert errors == [
            "第 5 行“姓名”列：缺少姓名",
            "第 6 行“用户名”列：“andy”已被使用",
            "第 7 行“用户名”列：“wangxm”与第 4 行重复",
            "第 8 行“邮箱”列：“not-an-address”不是有效的邮箱地址",
            "第 9 行“手机”列：“电话”不是有效的电话号码",
            "第 10 行“单位”列：没有名为“区外星局”的单位",
            "第 11 行“单位”列：单位“区新设单位”尚未确认：请先在“单位”页面确认",
            "第 12 行“单位”列：单位负责人必须属于一个单位",
            "第 13 行“角色”列：“科长”不是有效的角色（可选：系统管理员、督查室、单位负责人、单位联络员、只读）",
            "第 14 行“用户名”列：“zhang jia”不是有效的用户名（只能包含字母、数字和 @ . + - _，最多 150 个字符）",
        ]
        body = response.content.decode()
        assert "没有保存任何内容" in body and "user_import_confirm" not in body and 'name="token"' not in body
        assert UserImport.objects.count() == 0 and usernames() == before

    def test_a_file_that_is_no_workbook_is_refused_naming_it(self, admin_client, cast):
        response = upload(admin_client, b"name,username\n", name="名单.csv")
        assert response.status_code == 400
        assert response.context["form"].errors["file"] == ["名单.csv: 文件不是 .xlsx 工作簿。"]
        assert UserImport.objects.count() == 0

    def test_a_sheet_without_the_columns_says_which_are_missing(self, admin_client, cast):
        response = upload(
            admin_client, xlsx(GOOD, header=["姓名", "用户名", "邮箱", "手机", "部门名称", "职务"])
        )
        assert response.status_code == 400
        assert "缺少这些列：单位、角色" in str(response.context["form"].errors)

    def test_headers_and_roles_in_traditional_script_and_english_are_read(self, cast):
        header = ["Name", "用戶名", "E-mail", "手機號碼", "單位", "Role"]
        plan = read_people(
            xlsx(
                [["陳大文", "chantm", "chan@example.hk", "+852 9123 4567", "區商務局", "Unit officer"]],
                header=header,
            ),
            "hk.xlsx",
        )
        assert plan.errors == []
        person = plan.people[0]
        assert (person.phone, person.unit_id, person.role) == ("+85291234567", cast.unit_a.pk, "unit_officer")
        assert role_from_text("單位負責人") == Role.UNIT_LEADER and role_from_text("viewer") == Role.VIEWER

    def test_a_phone_typed_as_a_number_keeps_its_digits(self, cast):
        plan = read_people(
            xlsx([["王晓明", "wangxm", "w@luohu.gov.cn", 13800138000.0, "区商务局", "单位联络员"]]), "a.xlsx"
        )
        assert plan.people[0].phone == "13800138000"

    def test_the_template_can_be_filled_in_and_imported(self, admin_client, cast):
        from openpyxl import load_workbook

        response = admin_client.get(reverse("accounts:user_import_template"))
        assert response.status_code == 200
        wb = load_workbook(io.BytesIO(response.content))
        sheet = wb["用户"]
        assert [c.value for c in sheet[1]] == HEADER
        assert "区商务局" in [c.value for c in wb["单位与角色"]["A"]]
        sheet["B2"] = "zhangsan2"
        sheet["C2"] = "zhangsan2@luohu.gov.cn"
        out = io.BytesIO()
        wb.save(out)
        plan = read_people(out.getvalue(), "模板.xlsx")
        assert plan.errors == [] and plan.people[0].name == "张三"


class ConfirmTestCase:
    def preview(self, client: Any) -> str:
        upload(client, xlsx(GOOD))
        return UserImport.objects.get().token

    def test_confirming_creates_the_people_and_e_mails_their_invitations(
        self, admin_client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        token = self.preview(admin_client)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(reverse("accounts:user_import_confirm"), {"token": token})
        assert response.status_code == 302 and response["Location"] == reverse("accounts:users")
        wang = Membership.objects.select_related("user", "unit").get(user__username="wangxm")
        assert (wang.user.first_name, wang.unit, wang.role, wang.phone) == (
            "王晓明",
            cast.unit_a,
            "unit_officer",
            "13800138000",
        )
        assert Membership.objects.get(user__username="zhaogang").unit is None
        assert sorted(m.to[0] for m in mailoutbox) == sorted(row[2] for row in GOOD)
        assert all("/accounts/invitation/" in m.body for m in mailoutbox)
        entry = HistoryEntry.objects.get(action="import_users")
        assert entry.actor == cast.alice and entry.after["count"] == 3 and entry.after["file"] == "名单.xlsx"
        assert HistoryEntry.objects.filter(action="create_user", note="从 名单.xlsx 导入").count() == 3

    def test_confirming_twice_files_once(
        self, admin_client, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        token = self.preview(admin_client)
        with django_capture_on_commit_callbacks(execute=True):
            first = admin_client.post(reverse("accounts:user_import_confirm"), {"token": token})
            second = admin_client.post(reverse("accounts:user_import_confirm"), {"token": token}, follow=True)
        assert first.status_code == 302
        assert second.status_code == 200 and "这份名单已经导入过了" in second.content.decode()
        assert Membership.objects.filter(user__username__in=["wangxm", "lili", "zhaogang"]).count() == 3
        assert len(mailoutbox) == 3
        with pytest.raises(ValidationError):
            A.do_confirm_user_import(cast.alice, token)

    def test_another_administrators_token_creates_nobody(self, client, cast):
        from taizhang.devtools.builders import make_person

        client.force_login(cast.alice)
        token = self.preview(client)
        client.force_login(make_person("alice2", Role.ADMINISTRATOR))
        response = client.post(reverse("accounts:user_import_confirm"), {"token": token})
        assert response.status_code == 400 and not Membership.objects.filter(user__username="wangxm").exists()

    def test_a_username_taken_since_the_preview_creates_nobody(self, admin_client, cast):
        token = self.preview(admin_client)
        A.do_create_user(
            cast.alice,
            username="lili",
            name="另一个李丽",
            email="other@luohu.gov.cn",
            role=Role.VIEWER,
            invite=False,
        )
        response = admin_client.post(reverse("accounts:user_import_confirm"), {"token": token})
        assert response.status_code == 400
        assert "第 5 行“用户名”列：“lili”已被使用" in response.content.decode()
        assert not Membership.objects.filter(user__username__in=["wangxm", "zhaogang"]).exists()
        assert UserImport.objects.get(token=token).confirmed_at is None  # the claim went back with the rest


@pytest.mark.django_db(transaction=True)
class ConcurrentConfirmTestCase:
    def test_simultaneous_confirmations_file_once(self, cast):
        if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
            ("file:memorydb", ":memory:")
        ):
            pytest.skip("an in-memory SQLite database is not shared between threads")
        plan = A.do_preview_user_import(cast.alice, file_name="名单.xlsx", data=xlsx(GOOD))
        outcomes: list[str] = []

        def confirm() -> None:
            from django.db import connections

            try:
                A.do_confirm_user_import(cast.alice, plan.token)
                outcomes.append("created")
            except ValidationError:
                outcomes.append("refused")
            finally:
                connections.close_all()

        threads = [threading.Thread(target=confirm) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["created"] + ["refused"] * 7
        assert Membership.objects.filter(user__username="wangxm").count() == 1
