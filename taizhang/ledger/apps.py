from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "taizhang.ledger"
    label = "ledger"
    verbose_name = _("Ledger")
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.ledger.actions.move_unit_rows"
    # Its part of a person's open work, for the administrator (accounts.access.open_work).
    open_work_of = "taizhang.ledger.access.open_work_of"
