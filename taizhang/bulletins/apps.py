from django.apps import AppConfig


class BulletinsConfig(AppConfig):
    name = "taizhang.bulletins"
    label = "bulletins"
    verbose_name = "通报"
