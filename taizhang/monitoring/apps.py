from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "taizhang.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")
    # Moves the rows of this app that name a unit when the unit is merged into another.
    unit_rows_mover = "taizhang.monitoring.actions.move_unit_rows"
