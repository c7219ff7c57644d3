from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "taizhang.units"
    label = "units"
    verbose_name = _("Unit registry")
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.units.actions.move_unit_rows"
