from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from temaplan.demo import asker
from temaplan.demo.services import demo_load

REFUSED_WITHOUT_DEBUG = (
    "Demoen lastes ikke når DEBUG er av: den lager brukere med kjent passord. "
    "Bruk --force hvis du virkelig vil det."
)


class Command(BaseCommand):
    help = "Laster demokommunene Asker (3203) og Bærum (3201) med planer og demobrukere."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Last demoen selv om DEBUG er av (demobrukerne får et kjent passord).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(REFUSED_WITHOUT_DEBUG)
        password = settings.TEMAPLAN_DEMO_PASSWORD
        plans = demo_load(password=password)
        asker_plan = plans["asker"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo lastet: {asker_plan.name} ({asker_plan.focus_areas.count()} innsatsområder, "
                f"{asker_plan.strategies.count()} strategier) og Bærums eksempelplan."
            )
        )
        self.stdout.write("Demobrukere (passord fra TEMAPLAN_DEMO_PASSWORD):")
        for user in asker.DEMO_USERS:
            self.stdout.write(f"  {user.username:<16} {user.role:<7} kommune {user.municipality}")
