from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "temaplan.demo"
    label = "demo"
    verbose_name = "Demo"
