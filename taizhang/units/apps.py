from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "taizhang.units"
    label = "units"
    verbose_name = "单位"
