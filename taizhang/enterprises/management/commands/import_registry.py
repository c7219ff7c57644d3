"""``taizhang import_registry FILE --source 区统计局 --as-of 2025-03-31``: a department's export
checked row by row and stored, with a progress bar; a file with errors is refused whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Import a department's export (.xlsx, .csv, .json) of enterprise data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source", required=True, help="the department the data comes from (a unit's name)"
        )
        parser.add_argument("--as-of", required=True, help="the date the data is true as of (YYYY-MM-DD)")
        parser.add_argument(
            "--user", default="", help="the user the import is done as (default: the first superuser)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from tqdm import tqdm

        from taizhang.enterprises.actions import do_import_registry
        from taizhang.enterprises.imports import parse_registry
        from taizhang.units.models import Unit

        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            as_of = dt.date.fromisoformat(options["as_of"])
        except ValueError:
            raise CommandError(f"--as-of {options['as_of']}: not a date (YYYY-MM-DD)") from None
        source = Unit.objects.filter(name=options["source"]).first()
        if source is None:
            raise CommandError(f"--source {options['source']}: no such unit")
        User = get_user_model()
        user = (
            User.objects.filter(username=options["user"]).first()
            if options["user"]
            else User.objects.filter(is_superuser=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("no user to import as (--user NAME, or create a superuser)")
        with tqdm(desc=f"{path.name}: checking", unit=" rows", disable=options["verbosity"] == 0) as bar:
            parsed = parse_registry(
                path.name, path.read_bytes(), progress=lambda done: bar.update(done - bar.n)
            )
        if not parsed.ok:
            for error in parsed.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{path.name}: refused, nothing was stored ({len(parsed.errors)} problems)")
        try:
            with tqdm(
                total=len(parsed.records),
                desc=f"{path.name}: writing",
                unit=" enterprises",
                disable=options["verbosity"] == 0,
            ) as bar:
                batch = do_import_registry(
                    user, parsed, source=source, as_of=as_of, progress=lambda done: bar.update(done - bar.n)
                )
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(
                f"{path.name}: refused, nothing was stored: {'; '.join(getattr(exc, 'messages', [str(exc)]))}"
            ) from None
        self.stdout.write(
            f"{path.name}: {batch.rows} rows, {batch.enterprises_created} enterprises added, "
            f"{batch.facts_written} values written, {batch.facts_kept} newer values kept"
        )
