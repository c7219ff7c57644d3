"""``taizhang probe``: replay issue 9's probes on a throwaway database and print the counts.

    taizhang probe [--people andy,sam] [--methods GET,POST] [--only REGEX] [--threads 20] [--list]

A database of its own is created next to the configured one (as the test runner does: SQLite in a
temporary file, PostgreSQL as ``test_<name>_probe`` or ``$TAIZHANG_TEST_DATABASE``), migrated,
filled with the probes' world (taizhang/devtools/probe.py), probed, and dropped: the configured
database is never touched. Exit status 1 when any 500, duplicate or cross-unit read was found.
"""

from __future__ import annotations

import logging
import os
import tempfile
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

from taizhang.devtools.probe import PEOPLE, run_probe


class Command(BaseCommand):
    help = "Replay the production probes (every path as every role, bad uploads, double submits) on a throwaway database."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--people", default=",".join(PEOPLE), help="who probes (comma-separated)")
        parser.add_argument("--methods", default="GET,POST", help="methods of the sweep (comma-separated)")
        parser.add_argument("--only", default="", help="probe only the paths matching this regex")
        parser.add_argument("--threads", type=int, default=20, help="concurrent confirmations")
        parser.add_argument("--list", action="store_true", help="list every finding, not only the counts")

    def handle(self, *args: Any, **options: Any) -> None:
        people = [p for p in options["people"].split(",") if p]
        unknown = set(people) - set(PEOPLE)
        if unknown:
            raise CommandError(
                f"--people: unknown {', '.join(sorted(unknown))}; choose from {', '.join(PEOPLE)}"
            )
        methods = [m.upper() for m in options["methods"].split(",") if m]
        test = connection.settings_dict.setdefault("TEST", {})
        tmp = None
        if connection.vendor == "sqlite":
            tmp = tempfile.mkdtemp(prefix="taizhang-probe-")
            test["NAME"] = os.path.join(tmp, "probe.sqlite3")
        else:
            test["NAME"] = f"{test.get('NAME') or 'test_' + connection.settings_dict['NAME']}_probe"
        # Refusals (400/403/404/409) are what the probe expects; 500s are counted, not logged twice.
        logging.getLogger("django.request").setLevel(logging.CRITICAL)
        logging.getLogger("django.security").setLevel(logging.CRITICAL)
        setup_test_environment()  # the test client's context, e-mail kept in memory
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            media = tempfile.mkdtemp(prefix="taizhang-probe-media-")
            with override_settings(MEDIA_ROOT=media, DEBUG=False, AXES_ENABLED=False):
                result = run_probe(
                    people=people,
                    methods=methods,
                    only=options["only"],
                    threads=options["threads"],
                    progress=lambda message: self.stderr.write(message),
                )
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
            teardown_test_environment()
        self.stdout.write(result.summary())
        if options["list"] or not result.clean:
            for kind, rows in (
                ("500", result.errors),
                ("duplicate", result.duplicates),
                ("cross-unit read", result.cross_unit_reads),
            ):
                for row in rows:
                    self.stdout.write(f"{kind}: {row}")
        if not result.clean:
            raise SystemExit(1)
