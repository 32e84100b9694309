"""`temaplan kommune_nm import|export|template|standing`: Kommune-NM editions on the command line.

    temaplan kommune_nm import FIL.xlsx --municipality 3203     (or FIL.csv: «Plasseringer»)
    temaplan kommune_nm export FIL.xlsx --municipality 3203     (or FIL.csv)
    temaplan kommune_nm template FIL.xlsx
    temaplan kommune_nm standing --municipality 3203 --edition 2021

`standing` prints each municipality of the edition as first published: national rank, the
previous rank (as the edition restates it, or the previous edition), and the county rank
(«4. av de 6 kommunene i Viken vi har tall for» when the edition covers only part of it).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from temaplan.accounts.models import Municipality
from temaplan.benchmark import workbook as wb
from temaplan.benchmark.import_files import is_xlsx
from temaplan.benchmark.importing import ImportRejected, editions_import
from temaplan.benchmark.models import Edition
from temaplan.benchmark.standing import RESTATED, edition_standings

NO_MUNICIPALITY = "Fant ingen kommune med nummer {number}."
NO_EDITION = "Kommune {number} har ingen Kommune-NM {year}. Utgavene som er lagt inn: {years}."
NO_EDITIONS = "ingen"
FILE_NOT_FOUND = "Fant ikke filen {path}."
FILE_NOT_WRITTEN = "Kunne ikke skrive filen {path}: {reason}"
REJECTED = "Ingenting er importert: filen har {count} feil."
NOTHING_RANKED = "Kommune-NM {year} har ingen plasseringer for dataåret {data_year} ennå."
HEADER = "Kommune-NM {year} (dataår {data_year}, {ranked} kommuner rangert), {municipality}"
PREVIOUS_RESTATED = "i fjor {rank} (slik {year} gjengir det)"
PREVIOUS_PUBLISHED = "i fjor {rank}"
NO_PREVIOUS = "i fjor –"


def municipality_for(number: str) -> Municipality:
    municipality = Municipality.objects.filter(number=number).first()
    if municipality is None:
        raise CommandError(NO_MUNICIPALITY.format(number=number))
    return municipality


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() == ".csv"


class Command(BaseCommand):
    help = "Leser inn, skriver ut og viser NHOs Kommune-NM: utgaver, temaer og plasseringer."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="{import,export,template,standing}",
            help="Hva som skal gjøres.",
        )
        importing = actions.add_parser(
            "import",
            help="Les inn en Excel-fil (.xlsx) eller CSV-fil (.csv); alt eller ingenting lagres.",
        )
        importing.add_argument(
            "file",
            metavar="FIL",
            help="Filen som skal leses inn (.xlsx, eller .csv for arket «Plasseringer» alene).",
        )
        exporting = actions.add_parser(
            "export", help="Skriv kommunens utgaver til en Excel-fil (.xlsx) eller CSV-fil (.csv)."
        )
        exporting.add_argument(
            "file", metavar="FIL", help="Filen som skal skrives; .csv gir plasseringene alene."
        )
        template = actions.add_parser(
            "template", help="Skriv en tom mal med veiledning (.xlsx) som kan fylles ut."
        )
        template.add_argument("file", metavar="FIL.xlsx", help="Filen som skal skrives.")
        standing = actions.add_parser(
            "standing",
            help="Vis hver kommune i en utgave: plassering i landet, i fjor og i fylket.",
        )
        standing.add_argument(
            "--edition",
            type=int,
            required=True,
            metavar="ÅR",
            help="Utgaven (året NHO ga den ut), for eksempel 2021.",
        )
        for sub in (importing, exporting, standing):
            sub.add_argument(
                "--municipality",
                required=True,
                metavar="NUMMER",
                help="Kommunenummeret til kommunen som eier tallene, for eksempel 3203 for Asker.",
            )

    def handle(self, *args, **options):
        action = options["action"]
        path = Path(options["file"]) if options.get("file") else None
        if action == "template":
            assert path is not None
            self._write(path, wb.template_workbook())
            self.stdout.write(self.style.SUCCESS(f"Skrev malen med veiledning til {path}."))
            return
        municipality = municipality_for(options["municipality"])
        if action == "import":
            assert path is not None
            self.import_file(municipality, path)
        elif action == "export":
            assert path is not None
            self.export_file(municipality, path)
        else:
            self.standing(municipality, options["edition"])

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(FILE_NOT_WRITTEN.format(path=path, reason=exc.strerror)) from exc

    def import_file(self, municipality: Municipality, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(FILE_NOT_FOUND.format(path=path)) from exc
        csv_file = _is_csv(path) and not is_xlsx(data)
        try:
            summary = editions_import(municipality=municipality, data=data, csv_file=csv_file)
        except ImportRejected as rejected:
            lines = [REJECTED.format(count=len(rejected.errors))]
            lines += [str(error) for error in rejected.errors]
            raise CommandError("\n".join(lines)) from rejected
        self.stdout.write(self.style.SUCCESS(f"Importert til {municipality.name}: {summary}"))

    def export_file(self, municipality: Municipality, path: Path) -> None:
        if _is_csv(path):
            self._write(path, wb.editions_csv(municipality))
        else:
            self._write(path, wb.editions_workbook(municipality))
        count = Edition.objects.filter(municipality=municipality).count()
        self.stdout.write(
            self.style.SUCCESS(f"Skrev {count} utgaver fra {municipality.name} til {path}.")
        )

    def standing(self, municipality: Municipality, year: int) -> None:
        edition = Edition.objects.filter(municipality=municipality, year=year).first()
        if edition is None:
            stored = Edition.objects.filter(municipality=municipality).order_by("year")
            years = ", ".join(str(e.year) for e in stored) or NO_EDITIONS
            raise CommandError(
                NO_EDITION.format(number=municipality.number, year=year, years=years)
            )
        standings = edition_standings(edition)
        self.stdout.write(
            HEADER.format(
                year=edition.year,
                data_year=edition.data_year,
                ranked=edition.municipalities_ranked,
                municipality=municipality.name,
            )
        )
        if not standings:
            self.stdout.write(NOTHING_RANKED.format(year=year, data_year=edition.data_year))
            return
        for standing in sorted(standings.values(), key=lambda s: (s.rank, s.code)):
            if standing.previous_rank is None:
                previous = NO_PREVIOUS
            elif standing.previous_from == RESTATED:
                previous = PREVIOUS_RESTATED.format(rank=standing.previous_rank, year=year)
            else:
                previous = PREVIOUS_PUBLISHED.format(rank=standing.previous_rank)
            county = standing.county.text if standing.county else "–"
            self.stdout.write(
                f"  {standing.rank:>3}. {standing.code} {standing.name:<16} {previous:<32} {county}"
            )
