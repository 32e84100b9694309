from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "temaplan.api"
    label = "api"
    verbose_name = "API"
