from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "temaplan.indicators"
    label = "indicators"
    verbose_name = "Indikatorer"
