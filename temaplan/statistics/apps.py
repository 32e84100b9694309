from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "temaplan.statistics"
    label = "statistics"
    verbose_name = "Statistikk fra SSB"
