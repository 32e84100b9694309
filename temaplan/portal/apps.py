from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "temaplan.portal"
    verbose_name = "Offentlige resultater"
