from django.core.management.base import BaseCommand, CommandError

from temaplan.accounts.models import Membership
from temaplan.api.tokens import LIFETIMES, token_create

NOT_A_MEMBER = "«{username}» er ikke medlem av kommune {number}."


class Command(BaseCommand):
    help = (
        "Lager en API-nøkkel for et medlem av en kommune og skriver hemmeligheten (tp_…), "
        "som på siden «API-nøkler». Brukes av `make check-api`."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Brukernavnet, for eksempel asker-redaktor.")
        parser.add_argument("number", help="Kommunenummeret, for eksempel 3203.")
        parser.add_argument("--name", default="kommandolinjen", help="Hva nøkkelen brukes til.")
        parser.add_argument(
            "--days", type=int, choices=sorted(LIFETIMES), default=30, help="Levetid i dager."
        )

    def handle(self, *args, username, number, name, days, **options):
        membership = (
            Membership.objects.select_related("user", "municipality")
            .filter(user__username=username, municipality__number=number)
            .first()
        )
        if membership is None:
            raise CommandError(NOT_A_MEMBER.format(username=username, number=number))
        _, secret = token_create(
            user=membership.user, municipality=membership.municipality, name=name, days=days
        )
        # Only the secret, on a line of its own: `TOKEN=$(temaplan api_token …)`.
        self.stdout.write(secret)
