"""The permission matrix of user administration (docs/permissions.md): only the administrator
administers people; everyone else is refused (PermissionDenied by the actions and ``access``
functions, 403 on every page), whichever person they aim at."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from taizhang.accounts import access as X
from taizhang.accounts import actions as A
from taizhang.accounts.models import Role

pytestmark = pytest.mark.django_db

PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben"]


def _xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "用户名", "邮箱", "手机", "单位", "角色"])
    wb.active.append(["王晓明", "wangxm", "wangxm@luohu.gov.cn", "", "区商务局", "单位联络员"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _target(c: Any, u: Any) -> Any:
    """Someone other than ``u`` to act on (ben, or andy when ``u`` is ben)."""
    return c.andy if u == c.ben else c.ben


def _invited(c: Any) -> Any:
    return A.do_create_user(
        c.alice,
        username="invitee",
        name="受邀人",
        email="invitee@example.org",
        role=Role.VIEWER,
        invite=False,
    )


def _update(c: Any, u: Any) -> Any:
    person = _target(c, u)
    m = person.membership
    return A.do_update_user(
        u, person, seen_version=m.version, name="改名", email=person.email, role=m.role, unit=m.unit
    )


def _deactivated(c: Any, u: Any) -> Any:
    person = _target(c, u)
    A.do_deactivate_user(c.alice, person)
    return person


# action -> (function(cast, who), the people allowed)
ACTIONS: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {
    "visible_users": (lambda c, u: list(X.visible_users(u)), {"alice"}),
    "access_user": (lambda c, u: X.access_user(u, _target(c, u).pk), {"alice"}),
    "visible_user_history": (lambda c, u: list(X.visible_user_history(u)), {"alice"}),
    "open_work": (lambda c, u: X.open_work(u, _target(c, u)), {"alice"}),
    "create_user": (
        lambda c, u: A.do_create_user(
            u, username="newbie", name="新人", email="newbie@example.org", role=Role.VIEWER, invite=False
        ),
        {"alice"},
    ),
    "update_user": (_update, {"alice"}),
    "deactivate_user": (lambda c, u: A.do_deactivate_user(u, _target(c, u)), {"alice"}),
    "reactivate_user": (lambda c, u: A.do_reactivate_user(u, _deactivated(c, u)), {"alice"}),
    "unlock_user": (lambda c, u: A.do_unlock_user(u, _target(c, u)), {"alice"}),
    "send_invitation": (lambda c, u: A.do_send_invitation(u, _invited(c)), {"alice"}),
    "send_password_reset": (lambda c, u: A.do_send_password_reset(u, _target(c, u)), {"alice"}),
    "preview_user_import": (
        lambda c, u: A.do_preview_user_import(u, file_name="名单.xlsx", data=_xlsx()),
        {"alice"},
    ),
    "confirm_user_import": (
        lambda c, u: A.do_confirm_user_import(
            u, A.do_preview_user_import(c.alice, file_name="名单.xlsx", data=_xlsx()).token
        ),
        {"alice"},  # for alice: her own preview; the others are refused before the token is read
    ),
}


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_user_administration_matrix(cast: Any, action: str, person: str) -> None:
    run, allowed = ACTIONS[action]
    user = getattr(cast, person)
    if person in allowed:
        run(cast, user)
    else:
        with pytest.raises(PermissionDenied):
            run(cast, user)


def test_a_deactivated_administrator_administers_nobody(cast: Any) -> None:
    from taizhang.devtools.builders import make_person

    second = make_person("alice2", Role.ADMINISTRATOR)
    A.do_deactivate_user(second, cast.alice)
    cast.alice.refresh_from_db()
    with pytest.raises(PermissionDenied):
        X.visible_users(cast.alice)


def test_a_missing_person_is_404_for_the_administrator_and_403_for_the_others(cast: Any) -> None:
    with pytest.raises(Http404):
        X.access_user(cast.alice, 999999)
    with pytest.raises(PermissionDenied):
        X.access_user(cast.sam, 999999)


# The pages: (url name, args from the cast, method)
PAGES = [
    ("accounts:users", lambda c: [], "get"),
    ("accounts:user_create", lambda c: [], "get"),
    ("accounts:user_import", lambda c: [], "get"),
    ("accounts:user_import_template", lambda c: [], "get"),
    ("accounts:user_history", lambda c: [], "get"),
    ("accounts:user_detail", lambda c: [c.ben.pk], "get"),
    ("accounts:user_edit", lambda c: [c.ben.pk], "get"),
    ("accounts:user_deactivate", lambda c: [c.ben.pk], "get"),
    ("accounts:user_deactivate", lambda c: [c.ben.pk], "post"),
    ("accounts:user_reactivate", lambda c: [c.ben.pk], "post"),
    ("accounts:user_invite", lambda c: [c.ben.pk], "post"),
    ("accounts:user_reset", lambda c: [c.ben.pk], "post"),
    ("accounts:user_unlock", lambda c: [c.ben.pk], "post"),
    ("accounts:user_import_confirm", lambda c: [], "post"),
]


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize(("name", "args", "method"), PAGES, ids=[f"{n}-{m}" for n, _, m in PAGES])
def test_user_administration_pages(
    client: Any, cast: Any, person: str, name: str, args: Any, method: str
) -> None:
    client.force_login(getattr(cast, person))
    response = getattr(client, method)(reverse(name, args=args(cast)))
    if person == "alice":
        assert response.status_code in (200, 302, 400), response.status_code
    else:
        assert response.status_code == 403
    client.logout()
    anonymous = getattr(client, method)(reverse(name, args=args(cast)))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))
