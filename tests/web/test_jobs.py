"""Background jobs (taizhang/jobs): run through the engine's own worker loop, their pages only for
the person who started them, failures told on the page with nothing half-stored, and the import
limits by what a document holds once read."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from taizhang.devtools.builders import SAMPLE_TASK_TABLE
from taizhang.jobs.actions import start_job
from taizhang.jobs.models import Job, JobKind, JobStatus
from taizhang.jobs.tasks import execute
from taizhang.ledger.models import Task
from taizhang.policies.models import Policy
from taizhang.supervision.models import TaskStatus
from taizhang.units.models import Unit


def _post(client: Any, name: str, data: bytes) -> Any:
    return client.post(reverse("policies:import"), {"file": SimpleUploadedFile(name, data)})


class EngineTestCase:
    def test_an_import_is_a_task_of_the_engine_that_its_worker_runs(self, client, cast, run_jobs):
        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        job = Job.objects.get()
        queued = DBTaskResult.objects.get()
        assert str(queued.id) == job.task_id and queued.task_path == "taizhang.jobs.tasks.run_job"
        assert job.status == JobStatus.QUEUED and job.upload
        assert run_jobs() == 1
        queued.refresh_from_db()
        job.refresh_from_db()
        assert queued.status == "SUCCESSFUL" and queued.return_value == "done"
        assert job.status == JobStatus.DONE and job.started_at and job.finished_at
        policy = Policy.objects.get()
        assert job.result_url == reverse("policies:review", args=[policy.pk])
        assert policy.title in job.result_label

    def test_a_finished_job_is_not_run_again(self, client, cast, run_jobs):
        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        run_jobs()
        job = Job.objects.get()
        assert execute(job.pk) == JobStatus.DONE
        assert Policy.objects.count() == 1

    def test_the_list_shows_the_persons_jobs_with_their_results(self, client, cast, run_jobs):
        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        _post(client, "坏.docx", b"PK\x03\x04 not a zip at all")
        run_jobs()
        page = client.get(reverse("jobs:list")).content.decode()
        policy = Policy.objects.get()
        assert reverse("policies:review", args=[policy.pk]) in page and "坏.docx" in page


class WhoSeesAJobTestCase:
    @pytest.mark.parametrize("who", ["alice", "vera", "amy", "andy"])
    def test_only_the_person_who_started_it_sees_its_page(self, client, cast, who):
        job = start_job(JobKind.IMPORT_POLICY, cast.sam, {"name": "机密方案.txt"}, upload=("a.txt", b"x"))
        client.force_login(getattr(cast, who))
        response = client.get(reverse("jobs:detail", args=[job.pk]))
        assert response.status_code == 404 and "机密方案" not in response.content.decode()
        assert "机密方案" not in client.get(reverse("jobs:list")).content.decode()
        client.force_login(cast.sam)
        response = client.get(reverse("jobs:detail", args=[job.pk]))
        assert response.status_code == 200 and "机密方案" in response.content.decode()

    def test_anonymous_people_are_sent_to_sign_in(self, client, cast):
        job = start_job(JobKind.IMPORT_POLICY, cast.sam, {"name": "a.txt"}, upload=("a.txt", b"x"))
        response = client.get(reverse("jobs:detail", args=[job.pk]))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]

    def test_a_job_whose_owner_lost_the_right_fails_and_imports_nothing(self, client, cast, run_jobs):
        from taizhang.accounts.models import Membership, Role

        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        Membership.objects.filter(user=cast.sam).update(role=Role.VIEWER)
        run_jobs()
        job = Job.objects.get()
        assert job.status == JobStatus.FAILED and "督查室" in job.error
        assert not Policy.objects.exists()


def _docx_with_xml(size: int) -> bytes:
    """A .docx-shaped zip whose document part expands to ``size`` bytes (it compresses to little)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * size + "</w:document>")
    return out.getvalue()


class LimitsTestCase:
    def test_a_docx_whose_xml_expands_past_the_limit_is_refused_before_it_is_parsed(
        self, client, cast, settings, run_jobs, monkeypatch
    ):
        settings.TAIZHANG_MAX_EXPANDED_BYTES = 1024 * 1024
        data = _docx_with_xml(3 * 1024 * 1024)
        assert len(data) < settings.TAIZHANG_MAX_UPLOAD_BYTES / 100  # small in bytes
        import docx

        def parse(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("the document was parsed")

        monkeypatch.setattr(docx, "Document", parse)
        client.force_login(cast.sam)
        job_url = _post(client, "大文件.docx", data)["Location"]
        run_jobs()
        page = client.get(job_url).content.decode()
        assert "大文件.docx" in page and "3.0 MB" in page and "1.0 MB" in page
        assert not Policy.objects.exists() and not Task.objects.exists()

    def test_a_document_with_more_text_than_the_limit_is_refused_naming_both_counts(
        self, client, cast, settings, run_jobs
    ):
        settings.TAIZHANG_MAX_TEXT_CHARS = 100
        client.force_login(cast.sam)
        units = Unit.objects.count()
        job_url = _post(client, "长文.txt", SAMPLE_TASK_TABLE.encode())["Location"]
        run_jobs()
        job = Job.objects.get()
        assert job.status == JobStatus.FAILED
        assert "长文.txt" in job.error and "100" in job.error and f"{len(SAMPLE_TASK_TABLE):,}" in job.error
        assert "长文.txt" in client.get(job_url).content.decode()
        assert not Policy.objects.exists() and Unit.objects.count() == units
        assert not job.upload  # the stored upload is removed once the job is over

    def test_a_fault_in_the_worker_fails_the_job_with_a_message_not_a_running_job(
        self, client, cast, run_jobs, monkeypatch
    ):
        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("boom")

        monkeypatch.setattr("taizhang.ledger.policy_jobs.do_import_policy", broken)
        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        run_jobs()
        job = Job.objects.get()
        assert job.status == JobStatus.FAILED and "RuntimeError" in job.error
        assert not Policy.objects.exists()


class CommandsQueueJobsTestCase:
    def test_reminders_queued_from_the_command_run_in_the_worker(self, cast, policy, run_jobs):
        out = io.StringIO()
        call_command("send_reminders", "--queue", stdout=out)
        job = Job.objects.get(kind=JobKind.REMINDERS)
        assert f"job {job.pk}" in out.getvalue() and job.owner is None
        assert run_jobs() == 1
        job.refresh_from_db()
        assert job.status == JobStatus.DONE and "statuses computed" in job.result_label
        assert TaskStatus.objects.exists()  # the run refreshed the colours
        assert not Job.objects.filter(status=JobStatus.QUEUED).exists()  # no schedule asked

    def test_a_reminder_schedule_queues_the_next_run_once(self, cast, policy, run_jobs):
        call_command("send_reminders", "--queue", "--every-hours", "2", stdout=io.StringIO())
        call_command("send_reminders", "--queue", "--every-hours", "2", stdout=io.StringIO())
        assert Job.objects.filter(kind=JobKind.REMINDERS).count() == 1  # one schedule
        before = timezone.now()
        assert run_jobs() == 1
        following = Job.objects.get(status=JobStatus.QUEUED)
        deferred = DBTaskResult.objects.get(id=following.task_id)
        assert deferred.run_after >= before + dt.timedelta(hours=2)
        assert run_jobs() == 0  # not due yet

    def test_every_hours_needs_the_queue(self, db):
        with pytest.raises(CommandError, match="--every-hours"):
            call_command("send_reminders", "--every-hours", "1", stdout=io.StringIO())

    def test_bench_data_queued_from_the_command_fails_in_the_worker_with_the_commands_reason(
        self, db, run_jobs
    ):
        out = io.StringIO()
        call_command("benchdata", "--queue", "--database", "oracle", "--units", "20", stdout=out)
        job = Job.objects.get(kind=JobKind.BENCHDATA)
        assert job.params["units"] == 20 and job.params["database"] == "oracle"
        assert run_jobs() == 1
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED and "--database" in job.error


class PendingJobsShownTestCase:
    def test_the_pages_that_start_jobs_list_the_persons_unfinished_ones(self, client, cast, run_jobs):
        client.force_login(cast.sam)
        _post(client, "待处理.txt", SAMPLE_TASK_TABLE.encode())
        client.post(reverse("bulletins:generate"), {"period": "2024-11"})
        policies = client.get(reverse("policies:list")).content.decode()
        bulletins = client.get(reverse("bulletins:list")).content.decode()
        assert 'id="pending-jobs"' in policies and "待处理.txt" in policies
        assert 'id="pending-jobs"' in bulletins and "2024-11" in bulletins
        client.force_login(cast.alice)  # another steering person sees none of them
        assert "待处理.txt" not in client.get(reverse("policies:list")).content.decode()
        client.force_login(cast.sam)
        run_jobs()
        assert 'id="pending-jobs"' not in client.get(reverse("policies:list")).content.decode()


def _dead_pid() -> int:
    import subprocess

    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


class AbandonedJobTestCase:
    """A job whose worker was killed is told failed when it is next read, not left "running"."""

    def _running(self, cast: Any, worker: str, beat: dt.datetime | None = None) -> Job:
        job = start_job(JobKind.IMPORT_POLICY, cast.sam, {"name": "方案.txt"}, upload=("a.txt", b"x"))
        now = timezone.now()
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.RUNNING, started_at=now, heartbeat_at=beat or now, worker=worker
        )
        job.refresh_from_db()
        return job

    def test_the_worker_records_itself_and_its_heartbeat(self, client, cast, run_jobs):
        from taizhang.jobs.recovery import this_worker

        client.force_login(cast.sam)
        _post(client, "方案.txt", SAMPLE_TASK_TABLE.encode())
        run_jobs()
        job = Job.objects.get()
        assert job.worker == this_worker() and job.heartbeat_at >= job.started_at

    def test_a_job_whose_process_is_gone_fails_on_its_page(self, client, cast):
        import socket

        from taizhang.jobs.recovery import ABANDONED

        job = self._running(cast, f"{socket.gethostname()}:{_dead_pid()}")
        path = job.upload.path
        client.force_login(cast.sam)
        page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED and job.error == ABANDONED and job.finished_at
        assert ABANDONED in page and 'http-equiv="refresh"' not in page
        assert not job.upload and not __import__("os").path.exists(path)
        assert Policy.objects.count() == 0

    def test_a_job_whose_process_lives_keeps_running(self, client, cast):
        import os
        import socket

        job = self._running(cast, f"{socket.gethostname()}:{os.getpid()}")
        client.force_login(cast.sam)
        assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 200
        job.refresh_from_db()
        assert job.status == JobStatus.RUNNING and job.upload

    @pytest.mark.parametrize(("silent_hours", "status"), [(1, JobStatus.RUNNING), (7, JobStatus.FAILED)])
    def test_a_worker_on_another_machine_is_judged_by_its_heartbeat(self, client, cast, silent_hours, status):
        job = self._running(cast, "another-machine:4242", timezone.now() - dt.timedelta(hours=silent_hours))
        client.force_login(cast.sam)
        assert client.get(reverse("jobs:list")).status_code == 200
        job.refresh_from_db()
        assert job.status == status

    def test_the_policy_list_drops_it_from_the_jobs_under_way(self, client, cast):
        import socket

        alive = self._running(cast, f"{socket.gethostname()}:{__import__('os').getpid()}")
        dead = self._running(cast, f"{socket.gethostname()}:{_dead_pid()}")
        client.force_login(cast.sam)
        page = client.get(reverse("policies:list")).content.decode()
        assert reverse("jobs:detail", args=[alive.pk]) in page
        assert reverse("jobs:detail", args=[dead.pk]) not in page
        dead.refresh_from_db()
        assert dead.status == JobStatus.FAILED

    def test_the_api_tells_it_failed(self, client, cast):
        import socket

        from taizhang.jobs.recovery import ABANDONED

        job = self._running(cast, f"{socket.gethostname()}:{_dead_pid()}")
        client.force_login(cast.sam)
        answer = client.get(f"/api/jobs/{job.pk}/").json()
        assert answer["status"] == JobStatus.FAILED and answer["error"] == ABANDONED

    def test_a_job_that_finished_meanwhile_is_left_as_it_is(self, cast):
        import socket

        from taizhang.jobs.recovery import settle

        job = self._running(cast, f"{socket.gethostname()}:{_dead_pid()}")
        Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, result_label="已导入")
        assert job.status == JobStatus.RUNNING  # the caller's copy is stale
        settle(job)
        assert job.status == JobStatus.DONE and job.result_label == "已导入" and not job.error
