"""The report as a sequence of blocks (headings, paragraphs, lists, facts, tables, charts),
built once from the document: the PDF template and the Word file walk the same outline, so
they say the same thing in the same order. Pure: no Django.

Heading levels: 0 is the report's title, 1 a section, 2 a part of a section (an indicator, a
study). The PDF makes them h1–h3 (and bookmarks), Word «Tittel», «Overskrift 1» and «2».
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from .document import Document, EvaluationSentence, IndicatorEntry, KommuneNm, PlanSection
from .report_charts import MATRIX_EXAMPLE, Chart, document_charts
from .report_tables import (
    Table,
    actions_table,
    ambition_items,
    budget_table,
    focus_areas_table,
    indicator_series,
    indicators_overview,
    meetings_table,
    partners_table,
    peers_table,
    plan_focus_areas_table,
    premises_table,
    study_table,
    top_list_table,
)

PLAN, AMBITIONS, MATRIX = "Planen", "Politiske ambisjoner", "Innsatsområder og påvirkning"
SUMMARY, INDICATORS, KOMMUNE_NM, ACTIONS, STUDIES, BUDGET, PARTNERS, MEETINGS, ABOUT = (
    "Sammendrag",
    "Indikatorer",
    "Kommune-NM",
    "Tiltaksplanen",
    "Utredninger",
    "Budsjett",
    "Samarbeidsavtaler",
    "Dialogmøter",
    "Om tallene",
)
NOTHING = "Ingen {what} i {year}."
PROVISIONAL = "Foreløpig tall."
REVISED = "Tidligere publisert: {values}."


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    kind: str = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""  # "", "lead" (the title page), "note" (sources, caveats)
    kind: str = "paragraph"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    ordered: bool = False
    kind: str = "bullets"


@dataclass(frozen=True)
class Facts:
    """Label and value pairs: «Resultat 2020: 41,7 %»."""

    pairs: list[tuple[str, str]]
    kind: str = "facts"


@dataclass(frozen=True)
class TableBlock:
    table: Table
    kind: str = "table"


@dataclass(frozen=True)
class Figure:
    chart: Chart
    kind: str = "figure"


Block = Heading | Paragraph | Bullets | Facts | TableBlock | Figure


@dataclass
class Outline:
    title: str
    blocks: list[Block] = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def built_text(built_at: str) -> str:
    """«10.05.2022 kl. 12.00»."""
    moment = datetime.fromisoformat(built_at)
    return f"{moment:%d.%m.%Y} kl. {moment:%H.%M}"


def _sentences(document: Document) -> dict[tuple[str, str], list[EvaluationSentence]]:
    found: dict[tuple[str, str], list[EvaluationSentence]] = defaultdict(list)
    for sentence in document["evaluation"]:
        found[(sentence["section"], sentence["key"])].append(sentence)
    return found


def _section_sentences(document: Document, section: str) -> list[str]:
    return [s["text"] for s in document["evaluation"] if s["section"] == section]


def _indicator(outline: Outline, entry: IndicatorEntry, year: int, said: list[str]) -> None:
    outline.add(Heading(2, entry["name"]))
    facts = [
        (f"Resultat {year}", entry["shown"] or "–"),
        (f"Ambisjon {year}", entry["target"] or "–"),
        ("Status", entry["status_label"]),
        (f"Resultat {year - 1}", entry["previous_shown"] or "–"),
    ]
    outline.add(Facts(facts))
    if entry["reason"]:
        outline.add(Paragraph(entry["reason"]))
    for text in said:
        outline.add(Paragraph(text))
    if entry["comment"]:
        outline.add(Paragraph(entry["comment"]))
    chart = outline.charts.get(f"indikator-{entry['key']}")
    if chart:
        outline.add(Figure(chart))
    outline.add(TableBlock(indicator_series(entry)))
    notes = [entry["footnote"]]
    if entry["provisional"]:
        notes.append(PROVISIONAL)
    if entry["revised_from"]:
        notes.append(REVISED.format(values=", ".join(entry["revised_from"])))
    source = ", ".join(part for part in (entry["source"], entry["source_note"]) if part)
    if entry["computed_as"]:
        source += f". {entry['computed_as']}"
    notes.append(f"Kilde: {source}." if source else "")
    for note in notes:
        if note:
            outline.add(Paragraph(note, style="note"))


def _kommune_nm(outline: Outline, kommune_nm: KommuneNm, said: list[str]) -> None:
    outline.add(Heading(1, f"{KOMMUNE_NM} {kommune_nm['edition']}"))
    own = kommune_nm["own"]
    if own:
        text = (
            f"{own['name']} er nummer {own['rank']} av {kommune_nm['ranked']} kommuner i "
            f"Kommune-NM {kommune_nm['edition']} (tall for {kommune_nm['data_year']})"
        )
        if own["previous_rank"] is not None:
            text += f", fra nummer {own['previous_rank']} året før"
        outline.add(Paragraph(text + "."))
        if own["county"]:
            county = f"I fylket: {own['county']}"
            if own["previous_county"]:
                county += f" (året før {own['previous_county']})"
            outline.add(Paragraph(county + "."))
    story = [sentence["text"] for sentence in kommune_nm["story"]]
    if story:
        outline.add(Bullets(story))
    for text in said:
        outline.add(Paragraph(text))
    chart = outline.charts.get("kommune-nm")
    if chart:
        outline.add(Figure(chart))
    outline.add(TableBlock(peers_table(kommune_nm)))
    index = kommune_nm["index"]
    if index:
        outline.add(
            Paragraph(
                f"{index['label']} ({index['year']}): plass {index['rank']} av "
                f"{index['ranked']}, mellom {index['low']} og {index['high']} i 90 % av "
                "beregningene med usikre vekter."
            )
        )
    outline.add(Paragraph(f"Kilde: {kommune_nm['source']}.", style="note"))


def _plan(outline: Outline, plan: PlanSection) -> None:
    """The plan the report follows up: its ambitions, and its focus areas in the influence
    matrix (the chart, then the same placements as a table). Left out when the plan has none."""
    if not (plan["ambitions"] or plan["focus_areas"] or plan["premises"]):
        return
    outline.add(Heading(1, PLAN))
    if plan["ambitions"]:
        outline.add(Heading(2, AMBITIONS), Bullets(ambition_items(plan)))
    if not (plan["focus_areas"] or plan["premises"]):
        return
    outline.add(Heading(2, MATRIX))
    chart = outline.charts.get("matrise")
    if chart:
        outline.add(Figure(chart))
    if any(area["placement_is_example"] for area in plan["focus_areas"]):
        outline.add(Paragraph(MATRIX_EXAMPLE, style="note"))
    if plan["focus_areas"]:
        outline.add(TableBlock(plan_focus_areas_table(plan)))
    if plan["premises"]:
        outline.add(TableBlock(premises_table(plan)))


def report_outline(document: Document) -> Outline:
    meta = document["meta"]
    year = meta["year"]
    outline = Outline(meta["title"], charts=document_charts(document))
    said = _sentences(document)
    outline.add(
        Heading(0, meta["title"]),
        Paragraph(f"{meta['plan_name']}, {meta['municipality_name']}", style="lead"),
        Paragraph(f"Planperiode {meta['plan_period']}. Bygget {built_text(meta['built_at'])}."),
    )

    outline.add(Heading(1, SUMMARY))
    summary = _section_sentences(document, "summary")
    outline.add(Bullets(summary) if summary else Paragraph("Ingen vurdering skrevet."))

    _plan(outline, document["plan"])

    outline.add(Heading(1, INDICATORS))
    if document["indicators"]:
        outline.add(TableBlock(indicators_overview(document)))
    else:
        outline.add(Paragraph(NOTHING.format(what="indikatorer", year=year)))
    for entry in document["indicators"]:
        texts = [s["text"] for s in said.get(("indicator", entry["key"]), [])]
        _indicator(outline, entry, year, texts)

    if document["kommune_nm"]:
        _kommune_nm(outline, document["kommune_nm"], _section_sentences(document, "kommune_nm"))

    plan = document["action_plan"]
    outline.add(Heading(1, f"{ACTIONS} {plan['period']}".strip()))
    if plan["shown"]:
        outline.add(Facts([("Samlet framdrift", plan["shown"])]))
    if plan["method"]:
        outline.add(Paragraph(plan["method"], style="note"))
    if plan["focus_areas"]:
        outline.add(TableBlock(focus_areas_table(plan)))
    for text in _section_sentences(document, "focus_area"):
        outline.add(Paragraph(text))
    if plan["top_list"]:
        outline.add(Heading(2, "Prioriterte tiltak"), TableBlock(top_list_table(plan)))
    outline.add(Heading(2, "Alle tiltak"))
    if plan["actions"]:
        outline.add(TableBlock(actions_table(plan)))
    else:
        outline.add(Paragraph(NOTHING.format(what="tiltak", year=year)))

    if document["studies"]:
        outline.add(Heading(1, STUDIES))
        chart = outline.charts.get("utredninger")
        if chart:
            outline.add(Figure(chart))
        for study in document["studies"]:
            outline.add(Heading(2, study["title"]))
            if study["flag"]:
                outline.add(Facts([("Status", study["flag"])]))
            outline.add(TableBlock(study_table(study)))

    outline.add(Heading(1, BUDGET))
    if document["budget"]:
        outline.add(TableBlock(budget_table(document)))
    for text in _section_sentences(document, "budget"):
        outline.add(Paragraph(text))
    if document["partners"]:
        outline.add(Heading(1, PARTNERS), TableBlock(partners_table(document)))
    if document["meetings"]:
        outline.add(Heading(1, MEETINGS), TableBlock(meetings_table(document)))

    outline.add(Heading(1, ABOUT))
    outline.add(
        Paragraph(
            "Tallene er frosset da rapporten ble bygget; senere endringer i dataene endrer ikke "
            "rapporten."
        )
    )
    if meta["vintages"]:
        outline.add(Paragraph("Dataversjoner:"), Bullets(list(meta["vintages"])))
    outline.add(
        Paragraph(
            f"Bygget {built_text(meta['built_at'])} (dokumentformat {meta['schema_version']}); "
            f"data for {year}.",
            style="note",
        )
    )
    return outline
