from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "temaplan.core"
    label = "core"
    verbose_name = "Felles verktøy"
