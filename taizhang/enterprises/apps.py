from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "taizhang.enterprises"
    label = "enterprises"
    verbose_name = "企业服务"
    unit_rows_mover = "taizhang.enterprises.actions.move_unit_rows"
