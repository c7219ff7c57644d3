"""The bench ledger generator (taizhang/devtools/benchdata.py), its command and the web benches' skip."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from taizhang.accounts.models import Membership, Role
from taizhang.core.models import HistoryEntry
from taizhang.devtools.benchdata import BenchDataExists, database_has_data, generate_ledger
from taizhang.ledger.models import (
    AssignmentRole,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)
from taizhang.policies.models import Measure, Policy, PolicyStatus
from taizhang.units.models import Unit, UnitKind, UnitStatus

pytestmark = pytest.mark.django_db

UNITS, TASKS, REPORTS = 20, 200, 1000


@pytest.fixture
def ledger():
    return generate_ledger(units=UNITS, tasks=TASKS, reports=REPORTS, seed=11)


class GenerateLedgerTestCase:
    def test_it_writes_the_sizes_asked_for(self, ledger):
        assert Unit.objects.count() == UNITS
        assert Task.objects.count() == TASKS
        assert ProgressReport.objects.count() == REPORTS
        assert ledger.counts["ledger.ProgressReport"] == REPORTS
        assert ledger.total_seconds > 0
        assert Policy.objects.exists() and Measure.objects.exists() and HistoryEntry.objects.exists()

    def test_units_form_a_hierarchy_of_departments_and_subdistricts_under_top_units(self, ledger):
        tops = Unit.objects.filter(parent=None)
        assert tops.exists()
        below = Unit.objects.exclude(parent=None)
        assert below.count() == UNITS - tops.count()
        assert set(below.values_list("kind", flat=True)) == {UnitKind.DEPARTMENT, UnitKind.SUBDISTRICT}
        assert not Unit.objects.exclude(status=UnitStatus.CONFIRMED).exists()
        assert not below.filter(parent__parent__isnull=False).exists()

    def test_every_task_has_one_lead_and_distinct_units(self, ledger):
        leads = Task.objects.annotate(n=Count("assignments", filter=Q(assignments__role=AssignmentRole.LEAD)))
        assert set(leads.values_list("n", flat=True)) == {1}
        assert TaskAssignment.objects.filter(role=AssignmentRole.CO).exists()
        for task in Task.objects.prefetch_related("assignments"):
            units = [a.unit_id for a in task.assignments.all()]
            assert len(units) == len(set(units))
            task.full_clean()  # the model's own rules: deadlines, text, weight, progress

    def test_reports_are_the_lead_units_with_distinct_periods_and_realistic_statuses(self, ledger):
        reports = ProgressReport.objects.select_related("task")
        lead_of = dict(
            TaskAssignment.objects.filter(role=AssignmentRole.LEAD).values_list("task_id", "unit_id")
        )
        seen = set()
        for report in reports:
            assert report.unit_id == lead_of[report.task_id]
            assert report.task.status in (TaskStatus.IN_PROGRESS, TaskStatus.CLOSED)
            assert (report.task_id, report.period) not in seen
            seen.add((report.task_id, report.period))
            assert 0 <= report.percent <= report.task.progress
            if report.status == ReportStatus.DRAFT:
                assert report.submitted_at is None
            else:
                assert report.submitted_at is not None and report.submitted_at.tzinfo is not None
            if report.task.status == TaskStatus.CLOSED:
                assert report.status == ReportStatus.ACCEPTED
        statuses = Counter(reports.values_list("status", flat=True))
        assert statuses[ReportStatus.ACCEPTED] > REPORTS / 2
        assert len(statuses) >= 3

    def test_tasks_of_a_draft_policy_stay_drafts_and_published_ones_are_assigned(self, ledger):
        assert (
            not Task.objects.filter(policy__status=PolicyStatus.DRAFT)
            .exclude(status=TaskStatus.DRAFT)
            .exists()
        )
        published = Task.objects.filter(policy__status=PolicyStatus.PUBLISHED)
        assert not published.filter(status=TaskStatus.DRAFT).exists()
        assert not published.filter(assigned_at=None).exists()
        assert set(published.values_list("status", flat=True)) >= {TaskStatus.IN_PROGRESS, TaskStatus.CLOSED}

    def test_people_have_roles_and_units_and_new_rows_get_fresh_ids(self, ledger):
        roles = Counter(Membership.objects.values_list("role", flat=True))
        assert roles[Role.SUPERVISOR] == 1 and roles[Role.UNIT_OFFICER] >= 1
        assert not Membership.objects.filter(role=Role.UNIT_OFFICER, unit=None).exists()
        officer = Membership.objects.filter(role=Role.UNIT_OFFICER).first().user
        assert Task.objects.visible_to(officer).exists()
        # Rows were written with explicit ids: the next ordinary insert must not collide.
        unit = Unit.objects.create(name="新建单位", status=UnitStatus.CONFIRMED)
        assert unit.pk > UNITS
        user = get_user_model().objects.create(username="someone-new")
        assert user.pk > Membership.objects.count()

    def test_history_rows_point_at_real_tasks(self, ledger):
        task_ids = set(HistoryEntry.objects.values_list("task_id", flat=True))
        assert task_ids and task_ids <= set(Task.objects.values_list("id", flat=True))

    def test_the_same_seed_gives_the_same_ledger(self, ledger):
        first = list(Task.objects.order_by("pk").values_list("text", "status", "deadline_text")[:50])
        generate_ledger(units=UNITS, tasks=TASKS, reports=REPORTS, seed=11, force=True)
        assert list(Task.objects.order_by("pk").values_list("text", "status", "deadline_text")[:50]) == first


class GuardTestCase:
    def test_it_refuses_a_database_that_holds_data(self, ledger):
        assert database_has_data()
        with pytest.raises(BenchDataExists, match="already holds data"):
            generate_ledger(units=UNITS, tasks=TASKS, reports=REPORTS)
        assert Task.objects.count() == TASKS

    def test_force_empties_the_database_and_generates_again(self, ledger):
        generate_ledger(units=10, tasks=50, reports=100, force=True)
        assert Unit.objects.count() == 10 and Task.objects.count() == 50
        assert ProgressReport.objects.count() == 100

    def test_an_empty_database_has_no_data(self):
        assert not database_has_data()

    @pytest.mark.parametrize(
        ("sizes", "field"),
        [
            ({"units": 1}, "units"),
            ({"tasks": -1}, "negative"),
            ({"tasks": 0, "reports": 5}, "tasks"),
            ({"tasks": 2, "reports": 10_000}, "too many"),
        ],
    )
    def test_it_refuses_sizes_that_cannot_make_a_ledger(self, sizes, field):
        with pytest.raises(ValueError, match=field):
            generate_ledger(**{"units": 5, "tasks": 10, "reports": 20, **sizes})
        assert not database_has_data()


class BenchdataCommandTestCase:
    def test_it_refuses_an_unknown_database_name(self):
        with pytest.raises(CommandError, match="--database"):
            call_command("benchdata", "--database", "oracle", stdout=io.StringIO())

    def test_it_refuses_the_applications_own_database(self, settings):
        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("postgresql"):
            url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        elif str(db["NAME"]).startswith(("file:", ":memory:")):
            pytest.skip("the SQLite test database is in memory: no URL names it")
        else:
            url = f"sqlite:///{db['NAME']}"
        with pytest.raises(CommandError, match="own database"):
            call_command("benchdata", "--database", url, stdout=io.StringIO())


class WebBenchSkipTestCase:
    def test_it_skips_quickly_and_says_how_to_make_the_data(self, tmp_path):
        from taizhang.devtools.webbench import bench_web
        from taizhang.extract.bench import BenchOptions, BenchSkipped

        with pytest.raises(BenchSkipped, match="taizhang benchdata --database"):
            bench_web(f"sqlite:///{tmp_path / 'none.sqlite3'}", BenchOptions())

    def test_the_web_benches_are_registered_for_both_databases(self):
        from taizhang.devtools import webbench  # noqa: F401  (registers on import)
        from taizhang.extract.bench import registered

        assert {"web-sqlite", "web-postgres"} <= {b.name for b in registered()}

    def test_bench_database_names_resolve_to_urls_apart_from_the_demo_database(self):
        from taizhang.devtools.webbench import bench_database_url

        assert bench_database_url("sqlite").endswith("/bench/bench.sqlite3")
        assert bench_database_url("postgres").startswith("postgres://")
        assert bench_database_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
        with pytest.raises(ValueError, match="expected sqlite, postgres"):
            bench_database_url("mysql")


class PrepareSupervisionTestCase:
    def test_it_computes_colours_and_publishes_policies_to_the_portal(self, ledger):
        from taizhang.devtools.benchdata import prepare_supervision
        from taizhang.portal.models import PublicationSettings
        from taizhang.supervision.models import SupervisionNotice
        from taizhang.supervision.models import TaskStatus as RAG

        result = prepare_supervision(public_share=0.5)
        assigned = Task.objects.exclude(status=TaskStatus.DRAFT).count()
        assert RAG.objects.count() == assigned == sum(result.colours.values())
        public = PublicationSettings.objects.filter(is_public=True)
        assert public.count() == result.public_policies > 0
        assert not public.exclude(policy__status=PolicyStatus.PUBLISHED).exists()
        assert RAG.objects.exclude(judgement="").count() == result.judged
        assert SupervisionNotice.objects.count() == result.notices
        red = RAG.objects.filter(colour="red")
        if red.exists():
            assert not red.filter(turned_red_at=None).exists()

    def test_running_it_again_replaces_what_it_wrote(self, ledger):
        from taizhang.devtools.benchdata import prepare_supervision
        from taizhang.portal.models import PublicationSettings
        from taizhang.supervision.models import SupervisionNotice

        first = prepare_supervision()
        second = prepare_supervision()
        assert PublicationSettings.objects.count() == second.public_policies == first.public_policies
        assert SupervisionNotice.objects.count() == second.notices


def test_make_bench_runs_the_web_benches_without_a_production_secret_key(tmp_path: Path) -> None:
    # `make bench` runs `taizhang bench` in a plain shell: no DEBUG, no SECRET_KEY. The benches are
    # development tools; they once stopped with "SECRET_KEY is not set" before measuring anything.
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env["TAIZHANG_VAR_DIR"] = str(tmp_path)
    taizhang = Path(sys.executable).with_name("taizhang")
    proc = subprocess.run(
        [str(taizhang), "bench", "web-sqlite", "--runs", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = proc.stdout + proc.stderr
    assert "SECRET_KEY" not in out
    assert "no bench database" in out


def test_benchdata_runs_on_a_fresh_machine(tmp_path: Path) -> None:
    # Nothing migrated yet (no var/ database): `taizhang benchdata` migrates the bench database;
    # a third-party migration writing through the default database once stopped it there.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(TAIZHANG_VAR_DIR=str(tmp_path), DEBUG="1")
    taizhang = Path(sys.executable).with_name("taizhang")
    args = ["benchdata", "--database", "sqlite", "--units", "3", "--tasks", "20", "--reports", "40"]
    proc = subprocess.run([str(taizhang), *args], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "bench" / "bench.sqlite3").exists()
    # ... and the web bench then times its pages, served as a server serves them (DEBUG off:
    # static files through whitenoise's manifest, which the bench collects first).
    env.pop("DEBUG")
    proc = subprocess.run(
        [str(taizhang), "bench", "web-sqlite", "--runs", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    out = proc.stdout + proc.stderr
    assert "error" not in out, out[-3000:]
    assert "task list as supervisor: p95" in out
