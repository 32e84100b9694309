from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "temaplan.plans"
    label = "plans"
    verbose_name = "Planer"
