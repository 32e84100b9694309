"""`temaplan report build|freeze|publish|export`: a plan's result report on the command line,
with the same rules and messages as the web pages.

    temaplan report build   --municipality 3203 --year 2021 --user asker-redaktor [--json FIL]
    temaplan report build   --municipality 3203 --year 2020 --user asker-redaktor --reason "…"
    temaplan report freeze  --municipality 3203 --year 2021 --user asker-redaktor
    temaplan report publish --municipality 3203 --year 2021 --user asker-redaktor
    temaplan report export  --municipality 3203 --year 2020 --folder rapporter [--kind pdf]

The plan is named by `--plan ID`, or by `--municipality` when the municipality has one plan.
`build` shows the year's draft as it would be frozen now; it makes the draft when the year has
none, and with `--reason` a new version of a frozen or published report. The commands act on
the year's newest version; `export` on its newest frozen one unless `--version` says which.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.accounts.models import ROLES_THAT_EDIT, Membership, Municipality
from temaplan.core.formatting import number
from temaplan.core.versioning import EditConflict
from temaplan.plans.models import Plan
from temaplan.reports import services
from temaplan.reports.document import Document
from temaplan.reports.models import Report
from temaplan.reports.rendering import KINDS

NO_MUNICIPALITY = "Fant ingen kommune med nummer {number}."
NO_PLAN = "Kommune {number} har ingen plan."
NO_SUCH_PLAN = "Fant ingen plan med id {plan}{where}."
CHOOSE_PLAN = "Kommune {number} har flere planer; velg en med --plan:"
PLAN_OR_MUNICIPALITY = "Oppgi planen med --plan ID eller kommunen med --municipality NUMMER."
NO_REPORT = (
    "Planen har ingen resultatrapport for {year}. Lag et utkast med «temaplan report build»."
)
NO_FROZEN = "Resultatrapporten for {year} er ikke låst ennå, så den har ingen filer."
NO_VERSION = "Resultatrapporten for {year} har ingen versjon {version}."
VERSION_IS_DRAFT = (
    "Versjon {version} av resultatrapporten for {year} er et utkast og har ingen filer."
)
USER_REQUIRED = "Oppgi hvem som gjør dette med --user BRUKERNAVN."
NO_USER = "Fant ingen bruker med brukernavnet {username}."
USER_CANNOT_EDIT = "{username}: " + READ_ONLY_MESSAGE
USER_NOT_MEMBER = "{username} er ikke medlem i {municipality}."
FOLDER_NOT_WRITTEN = "Kunne ikke skrive til {path}: {reason}"

CREATED = "Utkast laget: {title}, versjon {number}."
SUPERSEDED = "Ny versjon laget: {title}, versjon {number} (erstatter versjon {old})."
SUMMARY = "{title}, versjon {number} ({state})"
FROZEN = "Låst: {title}, versjon {number}. Fingeravtrykk {fingerprint}."
FILE_LINE = "  {kind}: {size} byte, sha256 {sha256}"
PUBLISHED = "Publisert: {title}, versjon {number}."
WRITTEN = "Skrev {path} ({size} byte)"
BUILDING = "Bygger rapporten og lager filene …"


class Command(BaseCommand):
    help = "Resultatrapporten for et år: bygg utkastet, lås, publiser og hent ut filene."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(
            dest="command",
            required=True,
            metavar="KOMMANDO",
            help="build, freeze, publish eller export.",
        )
        build = commands.add_parser(
            "build",
            help="Vis årets utkast slik det ville blitt låst nå (lager det om det mangler).",
        )
        freeze = commands.add_parser("freeze", help="Lås årets utkast: tall, vurdering og filer.")
        publish = commands.add_parser("publish", help="Publiser årets låste rapport.")
        export = commands.add_parser(
            "export", help="Skriv den låste rapportens filer til en mappe."
        )
        for sub in (build, freeze, publish, export):
            sub.add_argument(
                "--plan", type=int, help="Planens id (kan utelates når kommunen har én plan)."
            )
            sub.add_argument("--municipality", help="Kommunenummeret, for eksempel 3203 (Asker).")
            sub.add_argument(
                "--year",
                type=int,
                required=True,
                help="Dataåret rapporten gjelder, for eksempel 2021.",
            )
        for sub in (build, freeze, publish):
            sub.add_argument(
                "--user", help="Brukernavnet til redaktøren som gjør dette (står i historikken)."
            )
        build.add_argument(
            "--reason", help="Lag en ny versjon av en låst rapport, med denne begrunnelsen."
        )
        build.add_argument(
            "--json", type=Path, help="Skriv dokumentet rapporten bygges av til denne JSON-filen."
        )
        export.add_argument(
            "--folder",
            type=Path,
            required=True,
            help="Mappen filene skrives til (lages om den mangler).",
        )
        export.add_argument(
            "--kind", choices=KINDS, help="Bare denne filtypen: pdf, docx, xlsx eller pptx."
        )
        export.add_argument(
            "--number",
            type=int,
            dest="report_version",
            help="Versjonsnummeret (standard: den nyeste låste versjonen).",
        )

    def handle(self, *args, **options) -> None:
        plan = self._plan(options.get("plan"), options.get("municipality"))
        try:
            getattr(self, f"_{options['command']}")(plan, options)
        except EditConflict as conflict:
            raise CommandError(str(conflict)) from conflict
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages)) from refused

    # --- What the commands act on -------------------------------------------------------------

    def _plan(self, plan_id: int | None, number: str | None) -> Plan:
        plans = Plan.objects.select_related("municipality").order_by("pk")
        if number is None:
            if plan_id is None:
                raise CommandError(PLAN_OR_MUNICIPALITY)
            plan = plans.filter(pk=plan_id).first()
            if plan is None:
                raise CommandError(NO_SUCH_PLAN.format(plan=plan_id, where=""))
            return plan
        municipality = Municipality.objects.filter(number=number).first()
        if municipality is None:
            raise CommandError(NO_MUNICIPALITY.format(number=number))
        mine = list(plans.filter(municipality=municipality))
        if plan_id is not None:
            for plan in mine:
                if plan.pk == plan_id:
                    return plan
            raise CommandError(NO_SUCH_PLAN.format(plan=plan_id, where=f" i kommune {number}"))
        if not mine:
            raise CommandError(NO_PLAN.format(number=number))
        if len(mine) > 1:
            lines = [CHOOSE_PLAN.format(number=number)]
            lines += [f"  --plan {plan.pk}  {plan.name} ({plan.period})" for plan in mine]
            raise CommandError("\n".join(lines))
        return mine[0]

    def _editor(self, plan: Plan, username: str | None):
        """The user named by --user, who must be allowed to edit in the plan's municipality."""
        if not username:
            raise CommandError(USER_REQUIRED)
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(NO_USER.format(username=username))
        membership = Membership.objects.filter(user=user, municipality=plan.municipality).first()
        if membership is None:
            raise CommandError(
                USER_NOT_MEMBER.format(username=username, municipality=plan.municipality.name)
            )
        if membership.role not in ROLES_THAT_EDIT:
            raise CommandError(USER_CANNOT_EDIT.format(username=username))
        return user

    def _report(self, plan: Plan, year: int) -> Report:
        report = services.report_for_year(plan, year)
        if report is None:
            raise CommandError(NO_REPORT.format(year=year))
        report.plan = plan
        return report

    # --- The commands -------------------------------------------------------------------------

    def _build(self, plan: Plan, options) -> None:
        year = options["year"]
        report = services.report_for_year(plan, year)
        if report is None or (report.is_frozen and options.get("reason") is not None):
            user = self._editor(plan, options.get("user"))
            if report is None:
                report = services.report_draft_create(plan=plan, year=year, user=user)
                self.stdout.write(CREATED.format(title=report.title, number=report.number))
            else:
                old = report.number
                report = services.report_supersede(
                    report=report, user=user, reason=options["reason"]
                )
                self.stdout.write(
                    SUPERSEDED.format(title=report.title, number=report.number, old=old)
                )
        elif report.is_frozen:
            # The web's refusal, word for word: a frozen year gets a new version, not a draft.
            services.report_draft_create(plan=plan, year=year, user=None)
        report.plan = plan
        document = services.report_preview(report)
        self._summary(report, document)
        if options.get("json"):
            self._write(
                options["json"], json.dumps(document, ensure_ascii=False, indent=2).encode()
            )

    def _summary(self, report: Report, document: Document) -> None:
        self.stdout.write(
            SUMMARY.format(
                title=report.title,
                number=report.number,
                state=str(report.get_state_display()).lower(),
            )
        )
        statuses = Counter(i["status_label"] for i in document["indicators"])
        shown = ", ".join(f"{label.lower()} {count}" for label, count in statuses.items())
        actions = document["action_plan"]
        lines = [
            f"  Indikatorer: {len(document['indicators'])}" + (f" ({shown})" if shown else ""),
            f"  Tiltak: {len(actions['actions'])}, samlet framdrift {actions['shown']}",
            f"  Utredninger: {len(document['studies'])}",
            f"  Budsjettår: {len(document['budget'])}",
            f"  Partnerskapsavtaler: {len(document['partners'])}",
            f"  Dialogmøter i {document['meta']['year']}: {len(document['meetings'])}",
            f"  Resultatvurdering: {len(document['evaluation'])} setninger",
            f"  Dataversjoner: {', '.join(document['meta']['vintages']) or '–'}",
        ]
        nm = document["kommune_nm"]
        if nm and nm["own"]:
            lines.insert(1, f"  Kommune-NM {nm['edition']}: {nm['own']['rank']}. plass")
        for line in lines:
            self.stdout.write(line)

    def _freeze(self, plan: Plan, options) -> None:
        user = self._editor(plan, options.get("user"))
        report = self._report(plan, options["year"])
        self.stderr.write(BUILDING)
        frozen = services.report_freeze(report=report, user=user, expected_version=report.version)
        self.stdout.write(
            FROZEN.format(title=frozen.title, number=frozen.number, fingerprint=frozen.fingerprint)
        )
        for stored in frozen.files.order_by("kind"):
            self.stdout.write(
                FILE_LINE.format(
                    kind=stored.kind, size=number(len(stored.content)), sha256=stored.sha256
                )
            )

    def _publish(self, plan: Plan, options) -> None:
        user = self._editor(plan, options.get("user"))
        report = self._report(plan, options["year"])
        published = services.report_publish(report=report, user=user)
        self.stdout.write(PUBLISHED.format(title=published.title, number=published.number))

    def _export(self, plan: Plan, options) -> None:
        year, version = options["year"], options.get("report_version")
        versions = Report.objects.filter(plan=plan, year=year).order_by("-number")
        if version is not None:
            report = versions.filter(number=version).first()
            if report is None:
                raise CommandError(NO_VERSION.format(year=year, version=version))
            if not report.is_frozen:
                raise CommandError(VERSION_IS_DRAFT.format(year=year, version=version))
        else:
            report = versions.exclude(state=Report.State.DRAFT).first()
            if report is None:
                if not versions.exists():
                    raise CommandError(NO_REPORT.format(year=year))
                raise CommandError(NO_FROZEN.format(year=year))
        report.plan = plan
        files = report.files.order_by("kind")
        if options.get("kind"):
            files = files.filter(kind=options["kind"])
        folder: Path = options["folder"]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(FOLDER_NOT_WRITTEN.format(path=folder, reason=error)) from error
        for stored in files:
            self._write(folder / services.file_name(report, stored.kind), bytes(stored.content))

    def _write(self, path: Path, content: bytes) -> None:
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(FOLDER_NOT_WRITTEN.format(path=path, reason=error)) from error
        self.stdout.write(WRITTEN.format(path=path, size=number(len(content))))
