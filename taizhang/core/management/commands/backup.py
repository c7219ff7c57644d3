"""``taizhang backup [--output FILE]``: the database and the uploaded files in one archive
(taizhang/core/backup.py says what it holds and how it is made)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taizhang.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one .tar.gz archive (restore it with `taizhang restore`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="the archive to write (default: var/backups/taizhang-<date>-<time>.tar.gz)",
        )
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = make_backup(options["output"], alias=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"{result.path}: {result.database} database and {result.media_files} uploaded files, "
            f"{result.size / 1024 / 1024:.1f} MB"
        )
