from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "temaplan.actions"
    label = "actions"
    verbose_name = "Handlingsplan og budsjett"
