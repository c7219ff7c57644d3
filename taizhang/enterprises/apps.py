from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "taizhang.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprise services")
    unit_rows_mover = "taizhang.enterprises.actions.move_unit_rows"
