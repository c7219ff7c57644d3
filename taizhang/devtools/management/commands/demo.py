"""``taizhang demo``: a ledger to look at, built through the same actions the interface uses.

Migrates, imports the seed documents, confirms the units they name, publishes, creates one login
per role, files a plausible history of progress reports, prints the logins and serves on
127.0.0.1:8000 (unless ``--no-serve``). Running it twice adds nothing.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from taizhang.accounts.models import Role

CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"
FILE_MAIL = "django.core.mail.backends.filebased.EmailBackend"

# The demo district's registry: units and the other names they go by in its documents.
DEMO_REGISTRY: list[tuple[str, list[str]]] = [
    ("区科技创新局", ["区科技局"]),
]

ROLE_LOGINS = [
    ("alice", Role.ADMINISTRATOR),
    ("sam", Role.SUPERVISOR),
    ("vera", Role.VIEWER),
    ("amy", Role.UNIT_LEADER),
    ("andy", Role.UNIT_OFFICER),
    ("bob", Role.UNIT_LEADER),
    ("ben", Role.UNIT_OFFICER),
]


class Command(BaseCommand):
    help = "Load the seed documents and a demo history, print the logins, and serve on 127.0.0.1:8000."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR).parent / "shared" / "seeds"))
        parser.add_argument("--no-serve", action="store_true", help="load the data and stop")
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument(
            "--enterprises", type=int, default=2000, help="size of the generated enterprise registry"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        seeds = Path(options["seeds"])
        if not seeds.is_dir():
            raise CommandError(f"--seeds {seeds}: no such folder")
        files = sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
        if not files:
            raise CommandError(f"--seeds {seeds}: the folder has no documents")
        call_command("migrate", interactive=False, verbosity=0)
        if settings.EMAIL_BACKEND == CONSOLE_MAIL:  # the demo's e-mails go to files, not over its console
            settings.EMAIL_BACKEND = FILE_MAIL
            settings.EMAIL_FILE_PATH = str(Path(settings.VAR_DIR) / "mail")

        from taizhang.devtools.builders import DEMO_PASSWORD_SUFFIX, make_cast

        cast = make_cast()
        self._registry(cast)
        policies = [p for p in (self._import(cast, path) for path in files) if p is not None]
        self._publish(cast, policies)
        self._history(cast)
        self._supervision(cast)
        from taizhang.devtools.enterprise_demo import load_enterprise_demo

        enterprise_logins = load_enterprise_demo(cast, seeds, self.stdout.write, size=options["enterprises"])

        self.stdout.write(self.style.SUCCESS("\n台账 demo logins (username / password):"))
        units = {cast.amy: cast.unit_a, cast.andy: cast.unit_a, cast.bob: cast.unit_b, cast.ben: cast.unit_b}
        for username, role in ROLE_LOGINS:
            user = getattr(cast, username)
            where = f"  ({units[user].name})" if user in units else ""
            self.stdout.write(f"  {username:<6} / {username}{DEMO_PASSWORD_SUFFIX:<12} {role.label}{where}")
        for username, label, enterprise in enterprise_logins:
            self.stdout.write(
                f"  {username:<6} / {username}{DEMO_PASSWORD_SUFFIX:<12} {label}  ({enterprise})"
            )
        if not options["no_serve"]:
            self.stdout.write(f"\nServing on http://{options['addrport']}/")
            call_command("runserver", options["addrport"], use_reloader=False)

    def _registry(self, cast: Any) -> None:
        """The district's unit registry before any document is read: the names its bodies also go
        by (区科技局 is 区科技创新局), so the documents' units are matched to one body each."""
        from taizhang.units.actions import do_add_unit_alias, do_create_unit
        from taizhang.units.models import Unit, UnitKind

        for name, aliases in DEMO_REGISTRY:
            unit = Unit.objects.filter(name=name).first()
            if unit is None:
                do_create_unit(cast.alice, name=name, kind=UnitKind.DEPARTMENT, aliases=aliases)
                continue
            known = set(unit.aliases.values_list("name", flat=True))
            for alias in aliases:
                if alias not in known:
                    do_add_unit_alias(cast.alice, unit, alias)

    def _import(self, cast: Any, path: Path) -> Any:
        from taizhang.ledger.policy_actions import do_import_policy
        from taizhang.policies.models import Policy

        data = path.read_bytes()
        existing = Policy.objects.filter(original_sha256=hashlib.sha256(data).hexdigest()).first()
        if existing is not None:
            self.stdout.write(f"  {path.name}: already imported")
            return existing
        extraction = None
        try:
            from taizhang.extract import extract

            extraction = extract(data, name=path.name)
        except Exception as exc:  # the library is still being finished: fall back to its text entry point
            if path.suffix.lower() != ".txt":
                self.stderr.write(f"  {path.name}: skipped, the extraction library cannot read it ({exc!r})")
                return None
            from taizhang.extract import extract_text

            self.stderr.write(f"  {path.name}: extract() failed ({exc!r}); reading it as plain text")
            extraction = extract_text(data.decode("utf-8", errors="replace"), name=path.name)
        try:
            result = do_import_policy(cast.sam, data=data, name=path.name, extraction=extraction)
        except ValidationError as exc:
            self.stderr.write(f"  {path.name}: not imported: {'; '.join(exc.messages)}")
            return None
        policy = result.policy
        self.stdout.write(
            f"  {path.name}: {policy.tasks.count()} tasks, {policy.metrics.count()} metrics, "
            f"{len(result.proposed_units)} new units proposed"
        )
        return policy

    def _publish(self, cast: Any, policies: list[Any]) -> None:
        from taizhang.ledger.actions import do_reassign_task
        from taizhang.ledger.models import Task
        from taizhang.ledger.policy_actions import do_publish_policy
        from taizhang.policies.models import PolicyStatus
        from taizhang.units.actions import do_confirm_unit
        from taizhang.units.models import Unit, UnitKind, UnitStatus

        for unit in Unit.objects.filter(status=UnitStatus.PROPOSED, merged_into=None):
            do_confirm_unit(cast.alice, unit)
        departments = list(
            Unit.objects.filter(
                status=UnitStatus.CONFIRMED, merged_into=None, kind=UnitKind.DEPARTMENT
            ).order_by("name")
        ) or [cast.unit_a, cast.unit_b]
        for policy in policies:
            if policy.status != PolicyStatus.DRAFT or not policy.tasks.exists():
                continue  # already published, or a document without tasks (news, a report): kept as a draft
            # The supervisor gives each task the document left without a lead unit to a department.
            orphans = Task.objects.filter(policy=policy).exclude(assignments__role="lead").order_by("order")
            for i, task in enumerate(orphans):
                do_reassign_task(cast.sam, task, lead=[departments[i % len(departments)]])
            do_publish_policy(cast.sam, policy, confirm=True)  # the tasks the document left undated

    def _history(self, cast: Any) -> None:
        from taizhang.ledger import actions as L
        from taizhang.ledger.access import can_close_task
        from taizhang.ledger.models import ProgressReport, Task, TaskStatus

        if ProgressReport.objects.exists():
            self.stdout.write("  progress history: already there")
            return
        today = timezone.localdate()
        month = today.month - 1 or 12
        period = f"{today.year if today.month > 1 else today.year - 1}-{month:02d}"
        counts = {"accepted": 0, "closed": 0, "returned": 0, "waiting": 0, "extension": 0, "late": 0}
        for officer, leader, unit in ((cast.andy, cast.amy, cast.unit_a), (cast.ben, cast.bob, cast.unit_b)):
            led = Task.objects.filter(
                assignments__unit=unit, assignments__role="lead", status=TaskStatus.ASSIGNED
            )
            for i, task in enumerate(led.order_by("policy_id", "order")[:12]):
                L.do_acknowledge_task(leader, task)
                kind = i % 6
                if kind == 5:
                    counts["late"] += 1  # acknowledged, nothing reported: behind schedule
                    continue
                if kind == 4:
                    L.do_request_extension(
                        officer, task, kind="year", year=today.year + 1, reason="配套项目审批未完成，需顺延"
                    )
                    counts["extension"] += 1
                    continue
                percent = [100, 60, 30, 45][kind]
                report = L.do_save_report(
                    officer,
                    task=task,
                    period=period,
                    percent=percent,
                    narrative="任务已完成，申请办结。"
                    if kind == 0
                    else f"本期已按计划推进，完成约{percent}%。",
                    requests_close=kind == 0,
                )
                if kind == 0:
                    L.do_add_attachment(
                        officer, report, name="验收材料.txt", data="验收意见：已完成。".encode()
                    )
                    # the co-units the demo has people for add their part (the others cannot)
                    for helper, helped in ((cast.andy, cast.unit_a), (cast.ben, cast.unit_b)):
                        if task.assignments.filter(unit=helped, role="co").exists():
                            L.do_add_contribution(helper, report, text="本单位负责部分已完成。")
                L.do_submit_report(officer, report)
                if kind == 3:
                    counts["waiting"] += 1
                    continue
                L.do_approve_report(leader, report)
                if kind == 2:
                    L.do_return_report(cast.sam, report, comments="请补充量化数据和佐证材料。")
                    counts["returned"] += 1
                    continue
                L.do_accept_report(cast.sam, report)
                counts["accepted"] += 1
                if kind == 0 and can_close_task(cast.sam, Task.objects.get(pk=task.pk)):
                    L.do_close_task(cast.sam, task, note="材料齐全，同意办结")
                    counts["closed"] += 1
        self.stdout.write("  progress history: " + ", ".join(f"{k} {v}" for k, v in counts.items()))

    def _supervision(self, cast: Any) -> None:
        """Indicators with actuals, colours, a supervision notice, judgements, ratings, the portal,
        a bulletin and a reminder run: the supervision layer of the demo, each step once."""
        from decimal import Decimal

        from taizhang.bulletins.actions import do_generate_bulletin
        from taizhang.bulletins.models import Bulletin
        from taizhang.ledger.models import Task, TaskStatus
        from taizhang.monitoring.actions import (
            do_create_indicators_from_metrics,
            do_rate_unit,
            do_record_actual,
        )
        from taizhang.monitoring.models import Indicator, UnitRating
        from taizhang.policies.models import Policy, PolicyStatus
        from taizhang.portal.actions import do_publish_to_portal
        from taizhang.portal.models import PublicationSettings
        from taizhang.supervision.actions import do_issue_supervision_notice, do_judge_task
        from taizhang.supervision.models import Judgement, SupervisionNotice
        from taizhang.supervision.notify import send_reminders
        from taizhang.supervision.status import refresh_statuses

        now = timezone.now()
        today = timezone.localdate(now)
        published = list(Policy.objects.filter(status=PolicyStatus.PUBLISHED).order_by("pk"))
        made = actuals = 0
        for policy in published:
            if not Indicator.objects.filter(policy=policy).exists():
                made += len(do_create_indicators_from_metrics(cast.sam, policy))
            for i, indicator in enumerate(Indicator.objects.filter(policy=policy).order_by("code")):
                if indicator.baseline_value is None or indicator.baseline_year is None:
                    continue
                year = min(indicator.target_year, today.year - 1)
                if year <= indicator.baseline_year or indicator.actuals.filter(year=year).exists():
                    continue
                # along the line for most, behind it for every third: on-track and at-risk both show
                share = Decimal("0.5") if i % 3 == 2 else Decimal("1.05")
                elapsed = Decimal(year - indicator.baseline_year) / Decimal(
                    indicator.target_year - indicator.baseline_year
                )
                span = indicator.target_value - indicator.baseline_value
                value = indicator.baseline_value + span * elapsed * share
                do_record_actual(cast.sam, indicator, year=year, value=value.quantize(Decimal("0.01")))
                actuals += 1
        actuals += self._actuals_from_other_documents(cast, published)
        self.stdout.write(f"  indicators: {made} made from the targets, {actuals} actuals recorded")

        refresh_statuses(now=now)
        open_tasks = Task.objects.filter(
            status__in=[TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS]
        ).order_by("policy_id", "order")
        if not SupervisionNotice.objects.exists():
            # on a task of a demo unit, so that its people find the notice in their inbox
            ours = open_tasks.filter(
                assignments__unit__in=[cast.unit_a, cast.unit_b], assignments__role="lead"
            ).distinct()
            for task in ours.filter(rag__colour="red")[:1] or ours[:1] or open_tasks[:1]:
                do_issue_supervision_notice(
                    cast.sam,
                    task,
                    instruction="请于期限内报送推进情况及下一步措施，逾期将纳入考核通报。",
                    due_on=today + timedelta(days=7),
                    now=now,
                )
            judgements = [Judgement.HIGHLY_UNLIKELY, Judgement.LIKELY, Judgement.HIGHLY_LIKELY]
            for task, judgement in zip(open_tasks[1:4], judgements, strict=False):
                do_judge_task(cast.sam, task, judgement=judgement, now=now)
        period = f"{today.year}-{today.month:02d}"
        if not UnitRating.objects.exists():
            for unit, rating in ((cast.unit_a, 92), (cast.unit_b, 78)):
                do_rate_unit(cast.sam, unit, period=period, rating=rating, note="季度督查评价")
        portal = 0
        for policy in published:
            if not PublicationSettings.objects.filter(policy=policy).exists():
                do_publish_to_portal(cast.sam, policy, now=now)
                portal += 1
        self.stdout.write(f"  public portal: {portal} policies published")
        if not Bulletin.objects.exists():
            do_generate_bulletin(cast.sam, period, now=now)
            self.stdout.write(f"  bulletin: {period} drafted")
        run = send_reminders(now)
        where = f" (e-mails in {settings.EMAIL_FILE_PATH})" if settings.EMAIL_BACKEND == FILE_MAIL else ""
        self.stdout.write(f"  reminders: {run.summary()}{where}")

    def _actuals_from_other_documents(self, cast: Any, published: list[Any]) -> int:
        """A later document's reported actuals (a work report's 2023 figures) recorded against the
        plan's indicators that measure the same thing, as an officer would after reading it."""
        from collections import defaultdict
        from decimal import Decimal

        from taizhang.extract.normalise import to_simplified
        from taizhang.ledger.models import Metric
        from taizhang.monitoring.actions import actuals_of, do_record_actual, indicator_key
        from taizhang.monitoring.models import Indicator

        reported_by_policy: dict[int, list[Any]] = defaultdict(list)
        for metric in Metric.objects.filter(kind=Metric.Kind.ACTUAL, year__isnull=False).select_related(
            "policy"
        ):
            metric.indicator = to_simplified(metric.indicator)
            reported_by_policy[metric.policy_id].append(metric)
        recorded = 0
        for policy in published:
            reported: dict[str, list[Any]] = defaultdict(list)
            for policy_id, metrics in reported_by_policy.items():
                if policy_id != policy.pk:
                    for metric in metrics:
                        reported[indicator_key(metric.indicator)].append(metric)
            for indicator in Indicator.objects.filter(
                policy=policy, source_metric__isnull=False
            ).select_related("source_metric"):
                for actual in actuals_of(indicator.source_metric, reported):
                    too_early = indicator.baseline_year is not None and actual.year <= indicator.baseline_year
                    if too_early or actual.year > indicator.target_year:
                        continue
                    if indicator.actuals.filter(year=actual.year).exists():
                        continue
                    do_record_actual(
                        cast.sam,
                        indicator,
                        year=actual.year,
                        value=Decimal(str(actual.value)),
                        note=f"自《{actual.policy.title}》",
                    )
                    recorded += 1
        return recorded
