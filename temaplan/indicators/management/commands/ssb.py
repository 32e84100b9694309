"""`temaplan ssb`: fetch statistics from SSB, import hand-downloaded files, compute formulas.

The command lives in the indicators app because `ssb sync` recomputes the indicators; the
statistics app below it offers the functions and knows nothing of indicators."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from temaplan.accounts.models import Municipality
from temaplan.indicators.sync import SyncFailed, indicators_sync
from temaplan.statistics.compute import NO_REGION_HISTORY, code_history, formula_values
from temaplan.statistics.formulas import FORMULAS, FormulaSettingError
from temaplan.statistics.importing import StatbankImportError, statbank_files_import

SYNC_FAILED = "Hentingen feilet; ingenting er endret. {reason}"
TECHNICAL_DETAIL = "Teknisk detalj: {detail}"
BAD_YEARS = "«{text}» er ikke et årsintervall. Skriv for eksempel 2017-2022."
BAD_OPTION = (
    "«{text}» er ikke en formelinnstilling. Skriv NAVN=VERDI, for eksempel denominator=row_total."
)


def parse_years(text: str) -> list[int]:
    try:
        first, _, last = text.partition("-")
        first_year, last_year = int(first), int(last or first)
    except ValueError as error:
        raise CommandError(BAD_YEARS.format(text=text)) from error
    if not 2000 <= first_year <= last_year <= 2100:
        raise CommandError(BAD_YEARS.format(text=text))
    return list(range(first_year, last_year + 1))


def parse_options(texts: list[str]) -> dict[str, str]:
    options = {}
    for text in texts:
        name, equals, value = text.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise CommandError(BAD_OPTION.format(text=text))
        options[name.strip()] = value.strip()
    return options


class SyncStopped(CommandError):
    """A sync that stopped: the plain sentence, then the technical detail on one line."""

    def __init__(self, error: SyncFailed) -> None:
        lines = [SYNC_FAILED.format(reason=error)]
        if error.detail:
            lines.append(TECHNICAL_DETAIL.format(detail=error.detail))
        super().__init__("\n".join(lines))


class Command(BaseCommand):
    help = "Statistikk fra SSB: hent (sync), importer filer (import) og beregn formler (compute)."

    def execute(self, *args, **options):
        """From the command line, a stopped sync prints its sentences alone and exits with 1:
        no traceback, and no «CommandError:» in front (what Django adds to any other)."""
        try:
            return super().execute(*args, **options)
        except SyncStopped as error:
            if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
                raise
            self.stderr.write(str(error))
            sys.exit(1)

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True, help="Hva som skal gjøres.")

        sync = commands.add_parser("sync", help="Hent det indikatorene trenger fra SSB.")
        sync.add_argument(
            "--municipality",
            action="append",
            default=[],
            metavar="CODE",
            help="Kommunenummer å hente for (kan gjentas). Standard: kommunene som har planer.",
        )
        sync.add_argument(
            "--all-municipalities", action="store_true", help="Hent for alle landets kommuner."
        )

        load = commands.add_parser("import", help="Les inn filer lastet ned fra Statistikkbanken.")
        load.add_argument("files", nargs="+", metavar="FILE", help="CSV-, JSON-stat- eller PX-fil.")
        load.add_argument(
            "--table", help="SSB-tabellnummer når filen ikke sier det selv, for eksempel 07459."
        )

        compute = commands.add_parser("compute", help="Beregn en formel fra lagrede tall.")
        compute.add_argument("formula", choices=sorted(FORMULAS), help="Formelens nøkkel.")
        compute.add_argument(
            "--municipality", required=True, metavar="CODE", help="Kommunenummer (dagens)."
        )
        compute.add_argument(
            "--years", default="2017-2022", help="År, for eksempel 2017-2022 (standard)."
        )
        compute.add_argument(
            "--format", choices=["table", "json"], default="table", help="Utdataformat."
        )
        compute.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="NAVN=VERDI",
            help=(
                "Formelinnstilling, som på indikatoren (kan gjentas). For "
                "share_working_in_home_municipality: denominator=row_total gir radsummen i "
                "03321 som nevner, denominator=employed_by_residence (standard) 11618."
            ),
        )

    def handle(self, *args, **options):
        getattr(self, f"handle_{options['action']}")(options)

    def handle_import(self, options):
        files = []
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"Finner ikke filen «{name}».")
            files.append((path.name, path.read_bytes()))
        try:
            imports = statbank_files_import(files, table=options["table"])
        except StatbankImportError as error:
            raise CommandError(f"Ingenting er importert. {error}") from error
        for item in imports:
            result = item.result
            self.stdout.write(
                f"{item.name}: tabell {item.table}, {result.created} nye verdier, "
                f"{result.unchanged} uendret, {len(result.revised)} revidert."
            )
            for revision in result.revised[:50]:
                self.stdout.write(f"  revidert: {revision}")
            for note in item.notes:
                self.stdout.write(f"  Merk: {note}")

    def handle_compute(self, options):
        code = options["municipality"]
        years = parse_years(options["years"])
        formula_options = parse_options(options["option"])
        try:
            history = code_history()
        except LookupError as error:
            raise CommandError(NO_REGION_HISTORY) from error
        if code not in history.valid_codes_at(history.as_of):
            raise CommandError(f"«{code}» er ikke et gyldig kommunenummer i dag.")
        try:
            values = formula_values(
                options["formula"],
                codes=[code],
                years=years,
                history=history,
                options=formula_options,
            )
        except FormulaSettingError as error:
            raise CommandError(str(error)) from error
        rows = values[code]
        if options["format"] == "json":
            payload = [
                {"year": v.year, "value": v.value, "flags": list(v.flags), "inputs": v.inputs}
                for v in rows
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        name = Municipality.objects.filter(number=code).values_list("name", flat=True).first()
        formula = FORMULAS[options["formula"]]
        self.stdout.write(f"{formula.name}, {code} {name or ''} (dagens grenser)")
        for v in rows:
            shown = "–" if v.value is None else f"{v.value:.1f}".replace(".", ",")
            flags = f"  ({', '.join(v.flags)})" if v.flags else ""
            self.stdout.write(f"  {v.year}  {shown:>8}{flags}")

    def handle_sync(self, options):
        try:
            summary = indicators_sync(
                municipality_numbers=options["municipality"] or None,
                all_municipalities=options["all_municipalities"],
                progress=self._progress,
            )
        except SyncFailed as error:
            raise SyncStopped(error) from error
        self.stdout.write("")
        self.stdout.write(summary.report())

    def _progress(self, fraction: float, message: str) -> None:
        width = 30
        filled = int(width * fraction)
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {message[:60]:<60}", ending=""
        )
        self.stdout.flush()
