from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "temaplan.accounts"
    label = "accounts"
    verbose_name = "Kontoer og kommuner"
