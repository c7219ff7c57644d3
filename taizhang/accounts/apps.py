from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "taizhang.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.accounts.actions.move_unit_rows"
    # The people of a unit for the unit's page (units sits below accounts and asks through this).
    unit_people = "taizhang.accounts.access.unit_people"

    def ready(self) -> None:
        from . import audit

        audit.connect()
