from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "taizhang.monitoring"
    label = "monitoring"
    verbose_name = "监测"
