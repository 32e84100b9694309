from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "temaplan.accounts"
    label = "accounts"
    verbose_name = "Kontoer og kommuner"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .session_idle import stamp_at_login

        user_logged_in.connect(stamp_at_login, dispatch_uid="temaplan-session-idle")
