from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "taizhang.units"
    label = "units"
    verbose_name = "单位"
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.units.actions.move_unit_rows"
