"""``taizhang make_bulletin --period 2024-11``: generate a draft bulletin (.docx and .pdf)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from taizhang.bulletins.actions import do_generate_bulletin


class Command(BaseCommand):
    help = "Generate the bulletin (通报) of a month (2024-11) or quarter (2024-Q4) as .docx and .pdf."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="2024-11 (a month) or 2024-Q4 (a quarter)")
        parser.add_argument(
            "--user",
            default="",
            help="username of the supervisor it is generated as (default: first superuser)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model().objects
        if options["user"]:
            user = users.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"--user: no user named {options['user']!r}")
        else:
            user = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("--user: no superuser exists; name the supervisor with --user")
        try:
            bulletin = do_generate_bulletin(user, options["period"])
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"--{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            ) from None
        except PermissionDenied as error:
            raise CommandError(f"--user: {error}") from None
        self.stdout.write(
            f"{bulletin.number} ({bulletin.period})\n  {bulletin.docx.path}\n  {bulletin.pdf.path}"
        )
