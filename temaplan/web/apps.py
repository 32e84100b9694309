from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "temaplan.web"
    label = "web"
    verbose_name = "Nettsider"
