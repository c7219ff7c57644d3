"""``taizhang restore FILE [--force]``: put back the database and the uploaded files of an archive
made by ``taizhang backup``; refuses a database that holds data unless ``--force``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from taizhang.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a `taizhang backup` archive (stop the server first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="the .tar.gz written by `taizhang backup`")
        parser.add_argument(
            "--force", action="store_true", help="replace a database that already holds data (and its files)"
        )
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = restore_backup(options["archive"], force=options["force"], alias=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"restored {options['archive']}: the {manifest['database']} database of {manifest['created_at']} "
            f"and {manifest['media_files']} uploaded files"
        )
