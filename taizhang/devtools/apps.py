from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "taizhang.devtools"
    label = "devtools"
    verbose_name = "开发工具"
