from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "temaplan.core"
    label = "core"
    verbose_name = "Felles verktøy"

    def ready(self) -> None:
        from . import lookups

        lookups.register()
