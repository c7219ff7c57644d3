from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "taizhang.monitoring"
    label = "monitoring"
    verbose_name = "监测"
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.monitoring.actions.move_unit_rows"
