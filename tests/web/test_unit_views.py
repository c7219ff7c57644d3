"""The unit pages: the hierarchy, a unit's page, confirming and merging proposed units."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_policy, make_unit
from taizhang.units.models import Unit, UnitAlias, UnitStatus
from taizhang.units.views import unit_tree

pytestmark = pytest.mark.django_db


def _proposed(name="区市场监管局"):
    return Unit.objects.create(name=name, status=UnitStatus.PROPOSED)


class UnitTreeTestCase:
    def test_children_follow_their_parent_and_a_cycle_hides_no_unit(self, db):
        parent = make_unit("区政府办公室")
        child = make_unit("区政务服务数据管理局", parent=parent)
        other = make_unit("区财政局")
        a, b = Unit(pk=900, name="甲"), Unit(pk=901, name="乙")
        a.parent_id, b.parent_id = 901, 900
        rows = unit_tree([other, child, parent, a, b])
        assert [(u.name, d) for u, d in rows[:3]] == [
            ("区政府办公室", 0),
            ("区政务服务数据管理局", 1),
            ("区财政局", 0),
        ]
        assert {u.name for u, _ in rows} == {"区政府办公室", "区政务服务数据管理局", "区财政局", "甲", "乙"}


class UnitListTestCase:
    def test_it_lists_units_with_kind_status_head_and_members(self, client, cast):
        _proposed()
        client.force_login(cast.sam)
        page = client.get(reverse("units:list")).content.decode()
        row = next(r for r in page.split('class="unit-row"')[1:] if "区商务局" in r)
        assert "区直部门" in row and "已确认" in row and "张局长" in row and "<td>2</td>" in row
        assert (
            "待确认" in page
            and reverse("units:confirm", args=[Unit.objects.get(name="区市场监管局").pk]) in page
        )

    def test_it_can_show_only_proposed_units(self, client, cast):
        _proposed()
        client.force_login(cast.sam)
        page = client.get(reverse("units:list"), {"status": "proposed"}).content.decode()
        assert "区市场监管局" in page and "区商务局</a>" not in page

    def test_its_query_count_does_not_grow_with_the_units(self, client, cast, django_assert_max_num_queries):
        for n in range(15):
            make_unit(f"第{n}街道办事处", parent=cast.unit_a)
        client.force_login(cast.sam)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("units:list")).status_code == 200

    def test_unit_people_read_units_but_see_no_steering_links(self, client, cast):
        unit = _proposed()
        client.force_login(cast.andy)
        page = client.get(reverse("units:list")).content.decode()
        assert "区市场监管局" in page and reverse("units:confirm", args=[unit.pk]) not in page
        assert client.get(reverse("units:detail", args=[unit.pk])).status_code == 200

    def test_a_person_without_a_role_sees_no_units(self, client, django_user_model):
        client.force_login(django_user_model.objects.create_user("nobody", password="x"))
        assert client.get(reverse("units:list")).status_code == 404


class ConfirmTestCase:
    def test_the_supervisor_confirms_a_unit_correcting_its_name(self, client, cast):
        unit = _proposed("区市场监督管理局 ")
        unit.name = "区市场监督管理局"
        unit.save(update_fields=["name"])
        client.force_login(cast.sam)
        response = client.post(
            reverse("units:confirm", args=[unit.pk]),
            {"name": "区市场监管局", "kind": "department", "parent": ""},
        )
        assert response.status_code == 302
        unit.refresh_from_db()
        assert (unit.name, unit.status) == ("区市场监管局", UnitStatus.CONFIRMED)
        assert UnitAlias.objects.filter(unit=unit, name="区市场监督管理局").exists()
        assert HistoryEntry.objects.filter(
            object_type="units.unit", object_id=unit.pk, action="confirm_unit"
        ).exists()

    def test_it_returns_to_the_review_screen_it_came_from(self, client, cast):
        draft = make_policy(cast.sam, publish=False)
        unit = Unit.objects.get(name="东门街道办事处")
        client.force_login(cast.sam)
        review = reverse("policies:review", args=[draft.pk])
        response = client.post(
            reverse("units:confirm", args=[unit.pk]),
            {"name": unit.name, "kind": "subdistrict", "next": review},
        )
        assert response["Location"] == review

    def test_it_ignores_a_next_address_on_another_site(self, client, cast):
        unit = _proposed()
        client.force_login(cast.sam)
        response = client.post(
            reverse("units:confirm", args=[unit.pk]),
            {"name": unit.name, "kind": "department", "next": "https://evil.example/"},
        )
        assert response["Location"] == reverse("units:detail", args=[unit.pk])

    def test_a_name_already_taken_is_refused_naming_the_field(self, client, cast):
        unit = _proposed()
        client.force_login(cast.sam)
        response = client.post(
            reverse("units:confirm", args=[unit.pk]), {"name": "区商务局", "kind": "department"}
        )
        assert response.status_code == 400
        assert "名称" in response.content.decode()
        unit.refresh_from_db()
        assert unit.status == UnitStatus.PROPOSED

    @pytest.mark.parametrize("who", ["amy", "andy", "vera"])
    def test_only_the_steering_roles_confirm(self, client, cast, who):
        unit = _proposed()
        client.force_login(getattr(cast, who))
        assert client.get(reverse("units:confirm", args=[unit.pk])).status_code == 403
        assert (
            client.post(
                reverse("units:confirm", args=[unit.pk]), {"name": unit.name, "kind": "department"}
            ).status_code
            == 403
        )
        unit.refresh_from_db()
        assert unit.status == UnitStatus.PROPOSED


class MergeTestCase:
    def test_the_administrator_merges_a_proposed_unit_into_an_existing_one(self, client, cast):
        draft = make_policy(cast.sam, publish=False)
        unit = Unit.objects.get(name="东门街道办事处")
        target = make_unit("东门街道", kind="subdistrict")
        client.force_login(cast.alice)
        response = client.post(reverse("units:merge", args=[unit.pk]), {"into": target.pk})
        assert response.status_code == 302 and response["Location"] == reverse(
            "units:detail", args=[target.pk]
        )
        unit.refresh_from_db()
        assert unit.merged_into == target
        assert UnitAlias.objects.filter(unit=target, name="东门街道办事处").exists()
        assert draft.tasks.filter(assignments__unit=target).exists()
        assert client.get(reverse("units:merge", args=[unit.pk])).status_code == 404

    def test_a_unit_cannot_be_merged_into_itself(self, client, cast):
        unit = _proposed()
        client.force_login(cast.sam)
        response = client.post(reverse("units:merge", args=[unit.pk]), {"into": unit.pk})
        assert response.status_code == 400
        assert "合并到" in response.content.decode()

    @pytest.mark.parametrize("who", ["bob", "ben", "vera"])
    def test_only_the_steering_roles_merge(self, client, cast, who):
        unit = _proposed()
        client.force_login(getattr(cast, who))
        assert (
            client.post(reverse("units:merge", args=[unit.pk]), {"into": cast.unit_a.pk}).status_code == 403
        )
        unit.refresh_from_db()
        assert unit.merged_into is None
