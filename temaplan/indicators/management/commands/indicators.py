"""`temaplan indicators show|import|export`: a plan's indicators on the command line.

    temaplan indicators show --municipality 3203 [--plan ID] [--format table|json|csv]
    temaplan indicators import FIL.xlsx --municipality 3203 [--plan ID]
    temaplan indicators export FIL.xlsx --municipality 3203 [--plan ID]

`--plan` may be left out when the municipality has one plan. JSON and CSV carry numbers as
numbers (a dot before the decimals) and codes for unit, source and status; the table is for
people and shows figures the Norwegian way.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from temaplan.accounts.models import Municipality
from temaplan.core.workbook import csv_value
from temaplan.indicators.excel import workbook_bytes
from temaplan.indicators.importing import ImportRejected, indicator_workbook_import
from temaplan.indicators.models import UNIT_CHOICES, Source
from temaplan.indicators.queries import plan_indicators
from temaplan.indicators.status import format_value
from temaplan.indicators.table import build_table
from temaplan.plans.models import Plan

NO_MUNICIPALITY = "Fant ingen kommune med nummer {number}."
NO_PLAN = "Kommune {number} har ingen plan."
NO_SUCH_PLAN = "Kommune {number} har ingen plan med id {plan}."
CHOOSE_PLAN = "Kommune {number} har flere planer; velg en med --plan:"
FILE_NOT_FOUND = "Fant ikke filen {path}."
FILE_NOT_WRITTEN = "Kunne ikke skrive filen {path}: {reason}"
REJECTED = "Ingenting er importert: filen har {count} feil."
FORMATS = ("table", "json", "csv")
CSV_COLUMNS = [
    "key",
    "name",
    "unit",
    "source",
    "year",
    "value",
    "provisional",
    "target",
    "status",
    "reason",
]


def number(value: Decimal | None) -> int | float | None:
    """A decimal as a JSON number: whole numbers as int, others as float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def plan_for(*, municipality_number: str, plan_id: int | None) -> Plan:
    """The plan named on the command line, or CommandError in Norwegian."""
    municipality = Municipality.objects.filter(number=municipality_number).first()
    if municipality is None:
        raise CommandError(NO_MUNICIPALITY.format(number=municipality_number))
    plans = list(Plan.objects.filter(municipality=municipality).order_by("pk"))
    if plan_id is not None:
        for plan in plans:
            if plan.pk == plan_id:
                return plan
        raise CommandError(NO_SUCH_PLAN.format(number=municipality_number, plan=plan_id))
    if not plans:
        raise CommandError(NO_PLAN.format(number=municipality_number))
    if len(plans) > 1:
        lines = [CHOOSE_PLAN.format(number=municipality_number)]
        lines += [f"  --plan {plan.pk}  {plan.name} ({plan.period})" for plan in plans]
        raise CommandError("\n".join(lines))
    return plans[0]


def indicator_years(plan: Plan, *, current_year: int) -> list[dict]:
    """Each indicator with its years: value, provisional, yearly ambition, status, reason."""
    table = build_table(plan_indicators(plan), current_year=current_year)
    result = []
    for row in table.rows:
        indicator = row.indicator
        targets = {target.year: target for target in indicator.targets.all()}
        years = []
        for cell in row.cells:
            target = targets.get(cell.year)
            years.append(
                {
                    "year": cell.year,
                    "value": number(cell.value),
                    "provisional": cell.provisional,
                    "target": number(target.value) if target else None,
                    "target_text": cell.target_text,
                    "measured_against": cell.measured_against,
                    "status": str(cell.evaluation.status),
                    "reason": cell.evaluation.reason,
                }
            )
        result.append(
            {
                "key": indicator.key,
                "name": indicator.name,
                "unit": indicator.unit,
                "source": indicator.source,
                "years": years,
            }
        )
    return result


class Command(BaseCommand):
    help = "Viser, importerer og eksporterer en plans indikatorer, ambisjoner og resultater."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="{show,import,export}",
            help="Hva som skal gjøres.",
        )
        show = actions.add_parser(
            "show", help="Vis hver indikator med resultater, ambisjoner og status per år."
        )
        show.add_argument(
            "--format",
            choices=FORMATS,
            default="table",
            help="table (for lesing, standard), json eller csv (tall med punktum).",
        )
        importing = actions.add_parser(
            "import", help="Les inn en Excel-fil (.xlsx); alt eller ingenting lagres."
        )
        importing.add_argument("file", metavar="FIL.xlsx", help="Excel-filen som skal leses inn.")
        exporting = actions.add_parser(
            "export", help="Skriv planens indikatorer til en Excel-fil (.xlsx)."
        )
        exporting.add_argument("file", metavar="FIL.xlsx", help="Filen som skal skrives.")
        for sub in (show, importing, exporting):
            sub.add_argument(
                "--municipality",
                required=True,
                metavar="NUMMER",
                help="Kommunenummeret, for eksempel 3203 for Asker.",
            )
            sub.add_argument(
                "--plan",
                type=int,
                metavar="ID",
                help="Planens id; trengs bare når kommunen har flere planer.",
            )

    def handle(self, *args, **options):
        plan = plan_for(municipality_number=options["municipality"], plan_id=options["plan"])
        action = options["action"]
        if action == "show":
            self.show(plan, options["format"])
        elif action == "import":
            self.import_file(plan, Path(options["file"]))
        else:
            self.export_file(plan, Path(options["file"]))

    def show(self, plan: Plan, output: str) -> None:
        indicators = indicator_years(plan, current_year=date.today().year)
        if output == "json":
            self.stdout.write(json.dumps(indicators, ensure_ascii=False, indent=2))
        elif output == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for indicator in indicators:
                for year in indicator["years"]:
                    row = {name: indicator[name] for name in ("key", "name", "unit", "source")}
                    row.update({name: year[name] for name in CSV_COLUMNS[4:]})
                    row["provisional"] = "ja" if year["provisional"] else "nei"
                    writer.writerow({name: csv_value(value) for name, value in row.items()})
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            units, sources = dict(UNIT_CHOICES), dict(Source.choices)
            self.stdout.write(f"{plan.name} ({plan.municipality.name}, {plan.period})")
            for indicator in indicators:
                self.stdout.write("")
                self.stdout.write(self.style.MIGRATE_HEADING(indicator["name"]))
                self.stdout.write(
                    f"  nøkkel {indicator['key']}, enhet {units[indicator['unit']]}, "
                    f"kilde {sources[indicator['source']]}"
                )
                for year in indicator["years"]:
                    value = year["value"]
                    shown = format_value(value, indicator["unit"]) if value is not None else "–"
                    if year["provisional"]:
                        shown += " (foreløpig)"
                    self.stdout.write(
                        f"  {year['year']}  {shown:<16} {year['target_text'] or '–':<28} "
                        f"{year['reason']}"
                    )

    def import_file(self, plan: Plan, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(FILE_NOT_FOUND.format(path=path)) from exc
        try:
            summary = indicator_workbook_import(plan=plan, data=data)
        except ImportRejected as rejected:
            lines = [REJECTED.format(count=len(rejected.errors))]
            lines += [str(error) for error in rejected.errors]
            raise CommandError("\n".join(lines)) from rejected
        self.stdout.write(self.style.SUCCESS(f"Importert til {plan.name}: {summary}"))

    def export_file(self, plan: Plan, path: Path) -> None:
        data = workbook_bytes(plan)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(FILE_NOT_WRITTEN.format(path=path, reason=exc.strerror)) from exc
        count = plan.indicators.count()
        self.stdout.write(
            self.style.SUCCESS(f"Skrev {count} indikatorer fra {plan.name} til {path}.")
        )
