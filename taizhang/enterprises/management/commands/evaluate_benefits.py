"""``taizhang evaluate_benefits [--as-of DATE] [--benefit CODE]``: every benefit in force over the
whole registry, with the counts per benefit and per condition (the batch evaluation; a worker
will run the same function later)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone


class Command(BaseCommand):
    help = "Evaluate the benefits in force over the whole enterprise registry and print the counts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", default="", help="evaluation date (YYYY-MM-DD, default today)")
        parser.add_argument("--benefit", action="append", default=[], help="a benefit's code (repeatable)")

    def handle(self, *args: Any, **options: Any) -> None:
        from taizhang.enterprises.engine import evaluate
        from taizhang.enterprises.language import RuleError
        from taizhang.enterprises.models import Benefit, BenefitStatus
        from taizhang.enterprises.registry import registry_frame

        try:
            as_of = dt.date.fromisoformat(options["as_of"]) if options["as_of"] else timezone.localdate()
        except ValueError:
            raise CommandError(f"--as-of {options['as_of']}: not a date (YYYY-MM-DD)") from None
        benefits = Benefit.objects.filter(status=BenefitStatus.ACTIVE, current__isnull=False).select_related(
            "current"
        )
        if options["benefit"]:
            benefits = benefits.filter(code__in=options["benefit"])
            missing = set(options["benefit"]) - set(benefits.values_list("code", flat=True))
            if missing:
                raise CommandError(f"--benefit: no such benefit {', '.join(sorted(missing))}")
        rules = []
        for benefit in benefits:
            if not benefit.in_force(as_of):
                continue
            try:
                rules.append(benefit.current.rule())
            except RuleError as exc:
                self.stderr.write(f"{benefit.code}: rules unreadable: {exc}")
        start = time.perf_counter()
        frame = registry_frame()
        loaded = time.perf_counter()
        result = evaluate(frame, rules, as_of)
        done = time.perf_counter()
        self.stdout.write(
            f"{frame.height} enterprises, {len(rules)} benefits, as of {as_of}: "
            f"loaded in {loaded - start:.2f} s, evaluated in {done - loaded:.3f} s"
        )
        for rule in rules:
            counts = result.counts(rule.code)
            self.stdout.write(
                f"  {rule.code}: eligible {counts['eligible']}, possibly {counts['possibly']}, not eligible {counts['not_eligible']}"
            )
            for condition, met, unmet, unknown in result.condition_counts(rule.code):
                self.stdout.write(f"      {condition.text}: met {met}, not met {unmet}, no data {unknown}")
