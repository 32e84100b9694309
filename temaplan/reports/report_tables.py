"""The report's tables, built once from the document for every file: the PDF and Word show a
cell's text, the Excel file its exact number or date. Pure: no Django.

A cell's text is what the document shows («41,7 %», «9,6 mill. kr»); its number is the exact
decimal the document keeps beside it, with the unit the spreadsheet's number format names.
Every table's first column names its row (a header cell in the PDF).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .document import (
    ActionPlan,
    Document,
    IndicatorEntry,
    KommuneNm,
    PlanSection,
    Standing,
    StudyEntry,
)

PHASE_STATUS = {"planned": "planlagt", "in_progress": "pågår", "done": "ferdig"}
CASE_OUTCOME = {
    "pending": "ikke behandlet",
    "adopted": "vedtatt",
    "rejected": "avvist",
    "postponed": "utsatt",
}
# The sign after a number in a spreadsheet cell, by indicator unit.
UNIT_SUFFIX = {"percent": "%", "ratio": "%", "decares": "daa", "nok": "kr"}
DASH = "–"


@dataclass(frozen=True)
class Cell:
    text: str
    number: Decimal | None = None  # the exact value, for spreadsheets
    day: date | None = None
    suffix: str = ""  # «%», «kr», «daa»: the unit in the spreadsheet's number format
    grouped: bool = True  # thousands grouped («9 600 000»); not for years


@dataclass(frozen=True)
class Table:
    key: str
    title: str  # the caption; the Excel sheet's name (at most 31 characters)
    headers: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]]

    @property
    def columns(self) -> list[tuple[str, bool]]:
        """Each header and whether its column holds numbers (right-aligned in print)."""
        return [
            (header, any(row[index].number is not None for row in self.rows))
            for index, header in enumerate(self.headers)
        ]


def text(value: str | None) -> Cell:
    return Cell(value or "")


def figure(value: str | None, shown: str, suffix: str = "") -> Cell:
    """A number the document keeps as an exact decimal string, with its shown text."""
    number = Decimal(value) if value else None
    return Cell(shown or DASH, number, suffix=suffix)


def year_cell(year: int) -> Cell:
    return Cell(str(year), Decimal(year), grouped=False)


def whole(value: int | None) -> Cell:
    return Cell(DASH if value is None else str(value), None if value is None else Decimal(value))


def percent_cell(value: int | None) -> Cell:
    if value is None:
        return Cell(DASH)
    return Cell(f"{value}\u00a0%", Decimal(value), suffix="%")


def day_text(iso: str | None) -> str:
    """«2022-01-11» → «11.01.2022»; empty without a date."""
    return date.fromisoformat(iso[:10]).strftime("%d.%m.%Y") if iso else ""


def day(iso: str | None) -> Cell:
    return Cell(day_text(iso), day=date.fromisoformat(iso[:10]) if iso else None)


def indicator_target(entry: IndicatorEntry) -> str:
    return entry["target"] or DASH


def indicators_overview(document: Document) -> Table:
    year = document["meta"]["year"]
    rows = [
        (
            text(entry["name"]),
            text(entry["source"]),
            figure(entry["value"], entry["shown"], UNIT_SUFFIX.get(entry["unit"], "")),
            text(indicator_target(entry)),
            text(entry["status_label"]),
            figure(
                entry["previous_value"],
                entry["previous_shown"],
                UNIT_SUFFIX.get(entry["unit"], ""),
            ),
        )
        for entry in document["indicators"]
    ]
    headers = ("Indikator", "Kilde", f"Resultat {year}", f"Ambisjon {year}", "Status")
    title = f"Resultat og ambisjon {year}"
    return Table("indikatorer", title, (*headers, f"Resultat {year - 1}"), rows)


def _series_rows(entry: IndicatorEntry) -> list[tuple[Cell, ...]]:
    suffix = UNIT_SUFFIX.get(entry["unit"], "")
    return [
        (
            year_cell(point["year"]),
            figure(point["value"], point["shown"], suffix),
            text(point["target"]),
        )
        for point in entry["series"]
    ]


def indicator_series(entry: IndicatorEntry) -> Table:
    """One indicator year by year: the chart's content as a table."""
    return Table(
        f"serie-{entry['key']}",
        f"{entry['name']}: år for år",
        ("År", "Resultat", "Ambisjon"),
        _series_rows(entry),
    )


def all_series(document: Document) -> Table:
    rows = [
        (text(entry["name"]), *row)
        for entry in document["indicators"]
        for row in _series_rows(entry)
    ]
    return Table(
        "serier", "Indikatorer år for år", ("Indikator", "År", "Resultat", "Ambisjon"), rows
    )


def standings(kommune_nm: KommuneNm) -> list[Standing]:
    """The own municipality first, then the peers (the own one only once)."""
    own = kommune_nm["own"]
    peers = [p for p in kommune_nm["peers"] if own is None or p["code"] != own["code"]]
    return ([own] if own else []) + sorted(peers, key=lambda p: p["rank"])


def peers_table(kommune_nm: KommuneNm) -> Table:
    themes = kommune_nm["themes"]
    rows = [
        (
            text(standing["name"]),
            whole(standing["rank"]),
            whole(standing["previous_rank"]),
            *(whole(standing["theme_ranks"].get(theme["key"])) for theme in themes),
        )
        for standing in standings(kommune_nm)
    ]
    edition = kommune_nm["edition"]
    headers = ("Kommune", f"Plassering {edition}", f"Plassering {edition - 1}")
    return Table(
        "kommune-nm",
        f"Kommune-NM {edition}",
        (*headers, *(theme["name"] for theme in themes)),
        rows,
    )


def focus_areas_table(plan: ActionPlan) -> Table:
    rows = [
        (
            text(f"{area['number']} {area['name']}"),
            whole(area["actions"]),
            whole(area["done"]),
            whole(area["late"]),
            whole(area["cancelled"]),
            figure(area["percent"], area["shown"], "%"),
        )
        for area in plan["focus_areas"]
    ]
    headers = ("Innsatsområde", "Tiltak", "Ferdige", "Forsinket", "Avlyst", "Framdrift")
    return Table("innsatsomrader", "Framdrift per innsatsområde", headers, rows)


def ambition_items(plan: PlanSection) -> list[str]:
    """The political ambitions as the plan lists them: «a) Den nye kommunen skal …»."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [f"{letters[n % 26]}) {text}" for n, text in enumerate(plan["ambitions"])]


def plan_focus_areas_table(plan: PlanSection) -> Table:
    """The focus areas as the influence matrix places them: the matrix as a table."""
    rows = [
        (
            text(f"{area['number']}. {area['name']}"),
            Cell(area["influence_label"], Decimal(area["influence"]), grouped=False),
            Cell(area["importance_label"], Decimal(area["importance"]), grouped=False),
            whole(area["strategies"]),
        )
        for area in plan["focus_areas"]
    ]
    headers = ("Innsatsområde", "Påvirkning", "Betydning", "Strategier")
    return Table("plan-innsatsomrader", "Innsatsområder i planen", headers, rows)


def premises_table(plan: PlanSection) -> Table:
    rows = [
        (
            text(f"{premise['letter']}) {premise['name']}"),
            Cell(premise["influence_label"], Decimal(premise["influence"]), grouped=False),
            Cell(premise["importance_label"], Decimal(premise["importance"]), grouped=False),
        )
        for premise in plan["premises"]
    ]
    headers = ("Premiss utenfor planen", "Påvirkning", "Betydning")
    return Table("premisser", "Premisser utenfor planen", headers, rows)


def actions_table(plan: ActionPlan) -> Table:
    rows = [
        (
            text(action["title"]),
            text(action["kind_label"]),
            text(action["focus_area"]),
            text(action["status_label"]),
            percent_cell(action["progress"]),
            day(action["due_date"]),
            whole(action["priority"]) if action["priority"] else text(""),
        )
        for action in plan["actions"]
    ]
    headers = ("Tiltak", "Type", "Innsatsområde", "Status", "Framdrift", "Frist", "Prioritet")
    return Table("tiltak", "Tiltak", headers, rows)


def top_list_table(plan: ActionPlan) -> Table:
    by_key = {action["key"]: action for action in plan["actions"]}
    rows = [
        (
            text(by_key[key]["title"]),
            whole(number),
            text(by_key[key]["status_label"]),
            percent_cell(by_key[key]["progress"]),
            text(by_key[key]["anchored"]),
        )
        for number, key in enumerate(plan["top_list"], start=1)
        if key in by_key
    ]
    headers = ("Tiltak", "Prioritet", "Status", "Framdrift", "Forankret")
    return Table("toppliste", "Prioriterte tiltak", headers, rows)


def _study_rows(study: StudyEntry) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for phase in study["phases"]:
        planned = f"{day_text(phase['planned_start'])}–{day_text(phase['planned_end'])}"
        actual = (
            f"{day_text(phase['actual_start'])}–{day_text(phase['actual_end'])}"
            if phase["actual_start"]
            else ""
        )
        rows.append(
            (
                text(phase["name"]),
                text(planned),
                text(actual),
                text(PHASE_STATUS.get(phase["status"], phase["status"])),
                text(phase["note"]),
            )
        )
    for case in study["cases"]:
        name = (
            f"Politisk sak etter {case['after_phase'].lower()}"
            if case["after_phase"]
            else ("Politisk sak")
        )
        where = f" i {case['body']}" if case["body"] else ""
        number = f" (sak {case['case_number']})" if case["case_number"] else ""
        outcome = CASE_OUTCOME.get(case["outcome"], case["outcome"])
        if case["decided_on"]:
            outcome += f" {day_text(case['decided_on'])}"
        rows.append(
            (
                text(name + where + number),
                text(day_text(case["planned_date"])),
                text(""),
                text(outcome),
                text(""),
            )
        )
    return rows


STUDY_HEADERS = ("Fase eller sak", "Planlagt", "Faktisk", "Status", "Merknad")


def study_table(study: StudyEntry) -> Table:
    return Table(f"utredning-{study['key']}", study["title"], STUDY_HEADERS, _study_rows(study))


def all_studies(document: Document) -> Table:
    rows = [
        (text(study["title"]), *row) for study in document["studies"] for row in _study_rows(study)
    ]
    return Table("utredninger", "Utredninger", ("Utredning", *STUDY_HEADERS), rows)


def budget_table(document: Document) -> Table:
    rows = [
        (
            year_cell(year["year"]),
            figure(year["decided"], year["decided_shown"], "kr"),
            text(year["decision"]),
            figure(year["proposed"], year["proposed_shown"], "kr"),
            figure(year["fte"], (year["fte"] or DASH).replace(".", ",")),
            figure(year["allocated"], year["allocated_shown"], "kr"),
            figure(year["spent"], year["spent_shown"], "kr"),
            text(year["warning"]),
        )
        for year in document["budget"]
    ]
    headers = (
        "År",
        "Vedtatt ramme",
        "Vedtak",
        "Forslag",
        "Årsverk",
        "Fordelt",
        "Brukt",
        "Merknad",
    )
    return Table("budsjett", "Budsjett", headers, rows)


def partners_table(document: Document) -> Table:
    rows = [
        (
            text(partner["partner"]),
            text(partner["purpose"]),
            day(partner["start_date"]),
            day(partner["end_date"]),
            figure(partner["yearly_amount"], partner["yearly_shown"], "kr"),
            text(partner["contact"]),
            text(partner["expiry_warning"]),
        )
        for partner in document["partners"]
    ]
    headers = ("Partner", "Formål", "Fra", "Til", "Årlig beløp", "Kontakt", "Merknad")
    return Table("partnere", "Samarbeidsavtaler", headers, rows)


def meetings_table(document: Document) -> Table:
    rows = [
        (
            day(meeting["date"]),
            text(meeting["organisation"]),
            text(meeting["participants"]),
            text(meeting["topics"]),
        )
        for meeting in document["meetings"]
    ]
    headers = ("Dato", "Organisasjon", "Deltakere", "Tema")
    return Table("dialogmoter", "Dialogmøter", headers, rows)


SECTION_NAMES = {
    "summary": "Sammendrag",
    "indicator": "Indikator",
    "focus_area": "Innsatsområde",
    "kommune_nm": "Kommune-NM",
    "budget": "Budsjett",
}


def evaluation_table(document: Document) -> Table:
    rows = [
        (
            text(SECTION_NAMES.get(sentence["section"], sentence["section"])),
            text(sentence["key"]),
            text(sentence["text"]),
            text("ja" if sentence["edited"] else "nei"),
        )
        for sentence in document["evaluation"]
    ]
    return Table("vurdering", "Resultatvurdering", ("Del", "Gjelder", "Tekst", "Redigert"), rows)


def spreadsheet_tables(document: Document) -> list[Table]:
    """Every table of the report, one per sheet, in the report's order."""
    tables = [plan_focus_areas_table(document["plan"]), premises_table(document["plan"])]
    tables += [indicators_overview(document), all_series(document)]
    if document["kommune_nm"]:
        tables.append(peers_table(document["kommune_nm"]))
    plan = document["action_plan"]
    tables += [focus_areas_table(plan), top_list_table(plan), actions_table(plan)]
    tables += [
        all_studies(document),
        budget_table(document),
        partners_table(document),
        meetings_table(document),
        evaluation_table(document),
    ]
    return tables
