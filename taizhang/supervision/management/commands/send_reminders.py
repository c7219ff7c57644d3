"""``taizhang send_reminders [--now ISO] [--dry-run]``: the reminder job (cron or a systemd timer).

A thin wrapper around :func:`taizhang.supervision.notify.send_reminders`; see
docs/status-rules.md for what it sends and why it never sends twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from taizhang.supervision.notify import send_reminders


def _parse_now(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--now: {value!r} is not an ISO date or date-time (e.g. 2025-03-31T08:00)"
        ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


class Command(BaseCommand):
    help = "Refresh task statuses, create due reminders and escalations, and e-mail them once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", help="run as of this ISO date-time (local time when naive)")
        parser.add_argument(
            "--dry-run", action="store_true", help="compute and report, change and send nothing"
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue the run for the jobs worker (taizhang db_worker) instead of running it here",
        )
        parser.add_argument(
            "--every-hours",
            type=int,
            metavar="N",
            help="with --queue: the worker runs it again every N hours (one schedule, however often queued)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = options.get("every_hours")
        if every is not None and (every < 1 or not options.get("queue")):
            raise CommandError("--every-hours: a whole number of hours of at least 1, with --queue")
        if options.get("queue"):
            if options.get("now") or options.get("dry_run"):
                raise CommandError(
                    "--queue runs as of the time the worker runs it, for real: no --now or --dry-run"
                )
            from taizhang.supervision.jobs import queue_reminders

            job = queue_reminders(every)
            repeat = f", then every {every} h" if every else ""
            self.stdout.write(f"reminders queued as job {job.pk}{repeat}: the jobs worker runs them")
            return
        now = _parse_now(options["now"]) if options.get("now") else timezone.now()
        run = send_reminders(now, dry_run=options["dry_run"])
        self.stdout.write(run.summary())
        if run.failed:
            raise CommandError(
                f"{run.failed} e-mail(s) could not be sent; they will be retried on the next run"
            )
