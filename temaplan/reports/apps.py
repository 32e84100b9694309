from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "temaplan.reports"
    label = "reports"
    verbose_name = "Resultatrapporter"
