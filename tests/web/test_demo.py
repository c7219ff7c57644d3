"""The demo loader and the import's handling of a failing extractor."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from taizhang.core.models import HistoryEntry
from taizhang.devtools.builders import SAMPLE_TASK_TABLE
from taizhang.ledger.models import ProgressReport, Task, TaskStatus
from taizhang.ledger.policy_actions import do_import_policy
from taizhang.policies.models import Policy, PolicyStatus

pytestmark = pytest.mark.django_db


def _demo(seeds):
    out = io.StringIO()
    call_command(
        "demo", "--seeds", str(seeds), "--no-serve", "--enterprises", "60", stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


class DemoTestCase:
    def test_it_loads_publishes_reports_and_prints_one_login_per_role(self, tmp_path):
        (tmp_path / "plan.txt").write_text(SAMPLE_TASK_TABLE, encoding="utf-8")
        out = _demo(tmp_path)
        policy = Policy.objects.get()
        assert policy.status == PolicyStatus.PUBLISHED
        assert ProgressReport.objects.filter(status="accepted").exists()
        assert Task.objects.exclude(status=TaskStatus.ASSIGNED).exists()
        for login in (
            "alice / alice-taizhang",
            "sam / sam-taizhang",
            "vera / vera-taizhang",
            "amy / amy-taizhang",
            "andy / andy-taizhang",
            "erin / erin-taizhang 企业用户",
            "hana / hana-taizhang 港资企业用户",
        ):
            assert " ".join(login.split()) in " ".join(out.split())

    def test_it_loads_the_real_seed_documents_and_the_benefit_clauses_of_the_corpus(self):
        """What `make demo` loads: ../shared/seeds, and the corpus documents beside them whose
        clauses the demo's benefits cite (imported and published with their undated clauses)."""
        from pathlib import Path

        from django.conf import settings

        from taizhang.enterprises.models import Benefit

        seeds = Path(settings.BASE_DIR).parent / "shared" / "seeds"
        if not (seeds.is_dir() and (seeds.parent / "corpus" / "docs").is_dir()):
            pytest.skip("../shared is not beside the project")
        out = _demo(seeds)
        assert Policy.objects.count() >= 7  # the five seeds and the corpus documents benefits cite
        cited = Policy.objects.filter(benefits__isnull=False).distinct()
        assert cited.count() >= 2 and all(p.status == PolicyStatus.PUBLISHED for p in cited)
        assert Benefit.objects.filter(policy__isnull=False).count() >= 8
        assert "imported for its benefit clauses" in out

    def test_running_it_twice_adds_nothing(self, tmp_path):
        (tmp_path / "plan.txt").write_text(SAMPLE_TASK_TABLE, encoding="utf-8")
        _demo(tmp_path)
        counts = (
            Policy.objects.count(),
            Task.objects.count(),
            ProgressReport.objects.count(),
            HistoryEntry.objects.count(),
        )
        _demo(tmp_path)
        assert (
            Policy.objects.count(),
            Task.objects.count(),
            ProgressReport.objects.count(),
            HistoryEntry.objects.count(),
        ) == counts

    def test_it_sets_up_the_supervision_layer_too(self, tmp_path):
        from taizhang.bulletins.models import Bulletin
        from taizhang.monitoring.models import Indicator, UnitRating
        from taizhang.portal.models import PublicationSettings
        from taizhang.supervision.models import SupervisionNotice
        from taizhang.supervision.models import TaskStatus as Colour

        (tmp_path / "plan.txt").write_text(SAMPLE_TASK_TABLE, encoding="utf-8")
        out = _demo(tmp_path)
        policy = Policy.objects.get()
        assigned = Task.objects.filter(policy=policy).exclude(status=TaskStatus.DRAFT)
        assert Colour.objects.filter(task__in=assigned).count() == assigned.count() > 0
        assert Indicator.objects.filter(policy=policy, target_year=2025).exists()
        assert PublicationSettings.objects.get(policy=policy).is_public
        assert SupervisionNotice.objects.count() == 1 and UnitRating.objects.count() == 2
        assert Bulletin.objects.count() == 1 and "bulletin:" in out
        assert "reminders: statuses computed" in out

    def test_it_names_a_missing_seeds_folder(self, tmp_path):
        with pytest.raises(CommandError, match="no such folder"):
            _demo(tmp_path / "nowhere")


class ExtractorFaultTestCase:
    def test_a_failing_extractor_is_reported_naming_the_file_and_leaves_nothing(self, cast, monkeypatch):
        import taizhang.extract

        def broken(data, name=None, settings=None):
            raise RuntimeError("boom")

        monkeypatch.setattr(taizhang.extract, "extract", broken)
        with pytest.raises(ValidationError) as err:
            do_import_policy(cast.sam, data=b"abc", name="plan.txt")
        assert "plan.txt" in err.value.message_dict["file"][0]
        assert not Policy.objects.exists()

    def test_it_refuses_an_oversized_upload(self, cast, settings):
        settings.TAIZHANG_MAX_UPLOAD_BYTES = 10
        with pytest.raises(ValidationError) as err:
            do_import_policy(cast.sam, data=b"x" * 11, name="big.txt")
        assert "big.txt" in err.value.message_dict["file"][0]
