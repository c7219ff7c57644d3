from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "taizhang.policies"
    label = "policies"
    verbose_name = "政策文件"
