"""One unit, one identity (taizhang/units/names.py): names stored and compared in one script and
shown in the interface's, the registry's aliases honoured, collectives kept as collectives and
expanded, and a merge that moves every row of every app."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Membership, Role
from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import make_person, make_policy, make_unit
from taizhang.ledger import actions as L
from taizhang.ledger.models import (
    AssignmentRole,
    ExtensionRequest,
    ProgressReport,
    ReportContribution,
    TaskAssignment,
)
from taizhang.ledger.policy_actions import do_import_policy
from taizhang.monitoring.actions import do_rate_unit
from taizhang.monitoring.models import UnitRating
from taizhang.units.actions import do_add_unit_alias, do_create_unit, do_merge_unit, unit_row_movers
from taizhang.units.models import Unit, UnitAlias, UnitKind, UnitStatus
from taizhang.units.names import is_collective, member_kind_of, shown_name, stored_name

pytestmark = pytest.mark.django_db

# A traditional-script task table: 區財政局 leads, 區科技局 and 各街道辦 help.
TRADITIONAL = (
    "序號\t重點任務\t牽頭單位\t協辦單位\t完成時限\n"
    "1\t完善財政資金直達機制。\t區財政局\t區科技局、各街道辦\t2025年12月\n"
    "2\t推進科技企業孵化。\t區科技局\t——\t2025年6月\n"
)
# The same units in simplified script, typed by another document.
SIMPLIFIED = "序号\t重点任务\t牵头单位\t完成时限\n1\t编制年度预算。\t区财政局\t2025年12月\n"


def _import(cast: Any, text: str, name: str) -> Any:
    return do_import_policy(cast.sam, data=text.encode("utf-8"), name=name)


class NamesRuleTestCase:
    def test_a_name_is_stored_in_simplified_script_without_blanks(self) -> None:
        assert stored_name("區 財政局") == "区财政局"

    def test_a_name_is_shown_in_the_script_of_the_interface(self) -> None:
        assert shown_name("区财政局", "zh-hant") == "區財政局"
        assert shown_name("区财政局", "zh-hans") == "区财政局"
        assert shown_name("区财政局", "en") == "区财政局"

    def test_collectives_are_known_by_their_opening_word(self) -> None:
        for name in ("各街道办", "各有关部门", "各区政府", "各产业部门", "有关单位", "各街道辦"):
            assert is_collective(name), name
        for name in ("区商务局", "东门街道办事处", "区各项事务中心"):
            assert not is_collective(name), name

    def test_a_collectives_members_are_read_from_its_name(self) -> None:
        assert member_kind_of("各街道办") == "subdistrict"
        assert member_kind_of("各有关部门") == "department"
        assert member_kind_of("各产业部门") == "department"
        assert member_kind_of("各区政府") is None
        assert member_kind_of("各项目建设单位") is None


class OneScriptTestCase:
    def test_a_traditional_documents_unit_is_stored_and_shown_in_simplified(self, cast: Any) -> None:
        result = _import(cast, TRADITIONAL, "trad.txt")
        names = sorted(u.name for u in result.proposed_units)
        assert "区财政局" in names and "區財政局" not in names
        assert not Unit.objects.filter(name__in=["區財政局", "區科技局", "各街道辦"]).exists()

    def test_the_same_body_in_two_scripts_is_one_unit(self, cast: Any) -> None:
        first = _import(cast, TRADITIONAL, "trad.txt")
        second = _import(cast, SIMPLIFIED, "simp.txt")
        assert second.proposed_units == []
        lead = TaskAssignment.objects.get(task__policy=second.policy, role=AssignmentRole.LEAD).unit
        assert lead.name == "区财政局"
        assert lead in first.proposed_units
        assert Unit.objects.filter(name="区财政局").count() == 1

    def test_the_interface_shows_the_name_in_its_own_script(self, client: Any, cast: Any) -> None:
        result = _import(cast, TRADITIONAL, "trad.txt")
        for unit in result.proposed_units:
            unit.status = UnitStatus.CONFIRMED
            unit.save(update_fields=["status"])
        task = result.policy.tasks.order_by("order").first()
        client.force_login(cast.sam)
        simplified = client.get(reverse("ledger:task_detail", args=[task.pk])).content.decode()
        assert "区财政局" in simplified and "區財政局" not in simplified
        client.cookies["django_language"] = "zh-hant"
        traditional = client.get(reverse("ledger:task_detail", args=[task.pk])).content.decode()
        assert "區財政局" in traditional

    def test_the_api_names_units_in_simplified_by_default(self, cast: Any) -> None:
        from rest_framework.test import APIClient

        result = _import(cast, TRADITIONAL, "trad.txt")
        task = result.policy.tasks.order_by("order").first()
        api = APIClient()
        api.force_authenticate(cast.sam)
        body = api.get(f"/api/tasks/{task.pk}/").json()
        names = [a["unit_name"] for a in body["assignments"]]
        assert "区财政局" in names and "區財政局" not in names

    def test_the_registrys_alias_makes_two_names_one_body(self, cast: Any) -> None:
        science = do_create_unit(cast.sam, name="区科技创新局", aliases=["区科技局"])
        result = _import(cast, TRADITIONAL, "trad.txt")
        assert "区科技局" not in [u.name for u in result.proposed_units]
        led = TaskAssignment.objects.get(task__policy=result.policy, task__order=1, role=AssignmentRole.LEAD)
        assert led.unit == science

    def test_an_alias_another_unit_goes_by_is_refused_naming_it(self, cast: Any) -> None:
        make_unit("区科技局")
        science = make_unit("区科技创新局")
        with pytest.raises(ValidationError, match="区科技局"):
            do_add_unit_alias(cast.sam, science, "區科技局")
        with pytest.raises(PermissionDenied):
            do_add_unit_alias(cast.andy, science, "科创局")
        alias = do_add_unit_alias(cast.sam, science, "科创局")
        assert alias.unit == science
        assert HistoryEntry.objects.filter(action="add_unit_alias").count() == 1

    def test_a_new_unit_named_like_an_existing_one_is_refused(self, cast: Any) -> None:
        with pytest.raises(ValidationError, match="区商务局"):
            do_create_unit(cast.sam, name="區商務局")

    def test_the_data_migration_folds_names_and_marks_collectives(self, cast: Any) -> None:
        import importlib

        migration = importlib.import_module("taizhang.units.migrations.0002_collectives_and_simplified_names")
        trad = Unit.objects.create(name="區財政局")
        collective = Unit.objects.create(name="各街道辦", kind=UnitKind.OTHER)
        clash = Unit.objects.create(name="區商務局")  # 区商务局 exists: left for a merge
        migration.fold_names(apps, SimpleNamespace(connection=connection))
        trad.refresh_from_db()
        collective.refresh_from_db()
        clash.refresh_from_db()
        assert trad.name == "区财政局"
        assert (collective.name, collective.kind) == ("各街道办", UnitKind.COLLECTIVE)
        assert clash.name == "區商務局"

    def test_the_unit_list_offers_to_merge_units_with_one_name(self, client: Any, cast: Any) -> None:
        Unit.objects.create(name="區商務局", status=UnitStatus.PROPOSED)
        client.force_login(cast.sam)
        page = client.get(reverse("units:list")).content.decode()
        section = page.split('id="same-names"')[1].split("</div>")[0]
        assert "區商務局" in section and "区商务局" in section


class CollectiveTestCase:
    @pytest.fixture
    def subdistricts(self, db: Any) -> list[Unit]:
        return [make_unit(n, kind=UnitKind.SUBDISTRICT) for n in ("东门街道办事处", "南湖街道办事处")]

    def test_an_imported_collective_is_kept_as_a_collective(self, cast: Any) -> None:
        result = _import(cast, TRADITIONAL, "trad.txt")
        collective = next(u for u in result.proposed_units if u.name == "各街道办")
        assert collective.kind == UnitKind.COLLECTIVE and collective.is_collective

    def test_a_collective_expands_into_the_units_it_stands_for(
        self, cast: Any, subdistricts: list[Unit]
    ) -> None:
        policy = make_policy(cast.sam, TRADITIONAL, name="trad.txt")
        collective = Unit.objects.get(name="各街道办")
        assert list(collective.suggested_members()) == sorted(subdistricts, key=lambda u: u.name)
        task = policy.tasks.order_by("order").first()
        with pytest.raises(PermissionDenied):
            L.do_expand_collective(cast.andy, collective, into=subdistricts)
        changed = L.do_expand_collective(cast.sam, collective, into=subdistricts)
        assert [t.pk for t in changed] == [task.pk]
        roles = dict(TaskAssignment.objects.filter(task=task).values_list("unit__name", "role"))
        assert "各街道办" not in roles
        assert roles["东门街道办事处"] == roles["南湖街道办事处"] == AssignmentRole.CO
        assert HistoryEntry.objects.filter(task_id=task.pk, action="expand_collective").exists()

    def test_only_a_collective_expands_and_only_into_confirmed_units(self, cast: Any) -> None:
        make_policy(cast.sam, TRADITIONAL, name="trad.txt")
        collective = Unit.objects.get(name="各街道办")
        with pytest.raises(ValidationError):
            L.do_expand_collective(cast.sam, cast.unit_a, into=[cast.unit_b])
        with pytest.raises(ValidationError):
            L.do_expand_collective(cast.sam, collective, into=[])
        proposed = Unit.objects.create(name="新街道办事处", status=UnitStatus.PROPOSED)
        with pytest.raises(ValidationError):
            L.do_expand_collective(cast.sam, collective, into=[proposed])

    def test_the_expand_page_is_the_supervisors(
        self, client: Any, cast: Any, subdistricts: list[Unit]
    ) -> None:
        make_policy(cast.sam, TRADITIONAL, name="trad.txt")
        collective = Unit.objects.get(name="各街道办")
        url = reverse("ledger:collective_expand", args=[collective.pk])
        client.force_login(cast.andy)
        assert client.get(url).status_code == 403
        client.force_login(cast.sam)
        page = client.get(url)
        assert page.status_code == 200
        assert f'value="{subdistricts[0].pk}"' in page.content.decode()
        response = client.post(url, {"into": [u.pk for u in subdistricts]})
        assert response.status_code == 302
        assert not TaskAssignment.objects.filter(unit=collective).exists()

    def test_a_collective_has_no_members_and_no_rating(self, cast: Any) -> None:
        collective = make_unit("各有关部门", kind=UnitKind.COLLECTIVE)
        person = make_person("carl", Role.UNIT_OFFICER, cast.unit_a)
        membership = Membership.objects.get(user=person)
        membership.unit = collective
        with pytest.raises(ValidationError):
            membership.full_clean()
        with pytest.raises(ValidationError):
            do_rate_unit(cast.sam, collective, period="2025-01", rating=90)


class MergeMovesEveryRowTestCase:
    """Merging B into A: each app moves its own rows (units.actions.unit_row_movers)."""

    def test_every_foreign_key_to_a_unit_is_moved_by_its_apps_mover(self, cast: Any) -> None:
        target = make_unit("区甲局")
        source = make_unit("区乙局")
        moved: dict[str, int] = {}
        for mover in unit_row_movers():
            moved.update(mover(cast.sam, source, target))
        fields = {
            f"{model._meta.app_label}.{model.__name__}.{field.name}"
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if getattr(field, "many_to_one", False) and field.related_model is Unit and field.concrete
        }
        assert fields - set(moved) == set(), "a unit's rows no mover moves"

    def test_the_ledgers_rows_move(self, cast: Any, tasks: Any) -> None:
        report = L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="B", percent=10)
        contribution = L.do_add_contribution(
            cast.ben,
            L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="A", percent=5),
            text="B 补充",
        )
        extension = L.do_request_extension(cast.ben, tasks[1], kind="year", year=2027, reason="顺延")
        do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        assert not TaskAssignment.objects.filter(unit=cast.unit_b).exists()
        assert ProgressReport.objects.get(pk=report.pk).unit == cast.unit_a
        assert ReportContribution.objects.get(pk=contribution.pk).unit == cast.unit_a
        assert ExtensionRequest.objects.get(pk=extension.pk).unit == cast.unit_a
        # Task 1 named both: one assignment stays, leading (A led it).
        kept = TaskAssignment.objects.get(task=tasks[0], unit=cast.unit_a)
        assert kept.role == AssignmentRole.LEAD
        assert TaskAssignment.objects.get(task=tasks[1], unit=cast.unit_a).role == AssignmentRole.LEAD
        assert HistoryEntry.objects.filter(task_id=tasks[1].pk, action="reassign_unit").exists()

    def test_two_reports_for_one_period_refuse_the_merge_naming_them(self, cast: Any, tasks: Any) -> None:
        L.do_reassign_task(cast.sam, tasks[1], lead=[cast.unit_b, cast.unit_a])
        L.do_save_report(cast.ben, task=tasks[1], period="2025-01", narrative="B", percent=10)
        L.do_save_report(cast.andy, task=tasks[1], period="2025-01", narrative="A", percent=20)
        with pytest.raises(ValidationError, match=re.escape(tasks[1].reference)):
            do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        assert TaskAssignment.objects.filter(unit=cast.unit_b).exists()  # nothing half-moved

    def test_the_accounts_rows_move(self, cast: Any) -> None:
        do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        assert Membership.objects.get(user=cast.ben).unit == cast.unit_a
        assert Membership.objects.get(user=cast.bob).unit == cast.unit_a

    def test_the_monitoring_rows_move_and_a_clash_keeps_the_targets_rating(self, cast: Any) -> None:
        do_rate_unit(cast.sam, cast.unit_b, period="2025-01", rating=70)
        do_rate_unit(cast.sam, cast.unit_b, period="2025-02", rating=75)
        do_rate_unit(cast.sam, cast.unit_a, period="2025-01", rating=90)
        do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        assert not UnitRating.objects.filter(unit=cast.unit_b).exists()
        ratings = dict(UnitRating.objects.filter(unit=cast.unit_a).values_list("period", "rating"))
        assert {k: int(v) for k, v in ratings.items()} == {"2025-01": 90, "2025-02": 75}
        assert HistoryEntry.objects.filter(action="drop_merged_rating").count() == 1

    def test_the_units_rows_move(self, cast: Any) -> None:
        child = make_unit("区乙局下属中心", parent=cast.unit_b)
        old = make_unit("区旧乙局")
        old.merged_into = cast.unit_b
        old.save(update_fields=["merged_into"])
        UnitAlias.objects.create(unit=cast.unit_b, name="区发改委")
        do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        child.refresh_from_db()
        old.refresh_from_db()
        assert child.parent == cast.unit_a and old.merged_into == cast.unit_a
        assert set(cast.unit_a.aliases.values_list("name", flat=True)) >= {"区发改委", "区发展改革局"}

    def test_after_a_merge_the_scorecard_knows_one_unit(self, cast: Any, tasks: Any) -> None:
        from taizhang.monitoring.queries import parse_period, unit_period_facts

        do_rate_unit(cast.sam, cast.unit_b, period="2025-01", rating=70)
        do_merge_unit(cast.sam, cast.unit_b, cast.unit_a)
        facts = unit_period_facts(parse_period("2025-01"), now=timezone.make_aware(dt.datetime(2025, 3, 1)))
        names = [name for name, _ in facts.values()]
        assert "区发展改革局" not in names and names.count("区商务局") == 1
        assert facts[cast.unit_a.pk][1].supervisor_rating == 70  # B's rating moved with it


def test_a_merge_moves_the_enterprise_rows_of_the_merged_unit(cast: Any) -> None:
    """The enterprises app moves its own rows: a benefit paid by B, B's service items and the facts
    and imports B was the data source of all name A after B is merged into A."""
    from taizhang.enterprises.models import Benefit, Enterprise, EnterpriseFact, RegistryImport, ServiceItem
    from taizhang.units.actions import do_merge_unit

    source, target = cast.unit_b, cast.unit_a
    as_of = dt.date(2025, 12, 31)
    enterprise = Enterprise.objects.create(credit_code="91440300MA5F0000X1", name="测试企业")
    fact = EnterpriseFact.objects.create(
        enterprise=enterprise, attribute="employees", year=2025, number=10, source=source, as_of=as_of
    )
    batch = RegistryImport.objects.create(file_name="a.xlsx", sha256="0" * 64, source=source, as_of=as_of)
    benefit = Benefit.objects.create(code="test-benefit", name="测试补贴", unit=source)
    item = ServiceItem.objects.create(title="测试事项", summary="说明", unit=source)
    do_merge_unit(cast.sam, source, target)
    for row, field in ((fact, "source_id"), (batch, "source_id"), (benefit, "unit_id"), (item, "unit_id")):
        row.refresh_from_db()
        assert getattr(row, field) == target.pk, (type(row).__name__, field)
