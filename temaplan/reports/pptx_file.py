"""The status deck (.pptx, python-pptx) in the shape of the plan presentation: title, the
plan's political ambitions, the influence matrix with its focus areas, the indicators with
«resultat / ambisjon» (the ambitions of the years after it in their columns) and the
assessment, Kommune-NM with the peers and the story, the action list, the studies' timeline.

Text is text and tables are tables (editable in PowerPoint); only the charts are pictures,
each with its text alternative. Dates and zip entries are fixed: same document, same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from temaplan.core.workbook import deterministic_zip

from .chart_images import png
from .document import Document, IndicatorEntry
from .report_charts import MATRIX_EXAMPLE, MATRIX_TITLE, Chart, document_charts
from .report_outline import built_text
from .report_tables import (
    PHASE_STATUS,
    Cell,
    ambition_items,
    day_text,
    percent_cell,
    plan_focus_areas_table,
    premises_table,
    standings,
)

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_HEIGHT = Inches(1.0)
BODY_TOP = MARGIN + TITLE_HEIGHT + Inches(0.1)
BODY_WIDTH = WIDTH - 2 * MARGIN
TITLE_SLIDE, TITLE_ONLY = 0, 5
ROWS_PER_SLIDE = 8
PART = " ({number} av {total})"
RESULT_AMBITION = "Resultat / ambisjon {year}"
AMBITIONS_TITLE = "Ambisjoner"
INDICATORS_TITLE = "Indikatorer næring"
CHARTS_TITLE = "Indikatorene år for år"
ASSESSMENT = "Vurdering"
ACTIONS_TITLE = "Tiltaksliste for perioden {period}"
TOP_LIST_TITLE = "Prioriterte tiltak"
STUDIES_TITLE = "Tidslinje for utredningene"
STUDY_TABLE_TITLE = "Utredningene fase for fase"
KIND_PLURALS = {
    "time_bound": "tidsbestemte tiltak",
    "driver": "generelle pådrivertiltak",
    "study": "større utredninger",
}


def _slide(deck: Deck, title: str) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    shape = slide.shapes.title
    assert shape is not None
    shape.left, shape.top, shape.width, shape.height = MARGIN, MARGIN, BODY_WIDTH, TITLE_HEIGHT
    shape.text = title
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.font.size = Pt(30)
    return slide


def _table(
    slide: Slide,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    top: int = BODY_TOP,
    height: int | None = None,
    widths: Sequence[float] | None = None,
    size: int = 12,
    left: int = MARGIN,
    width: int = BODY_WIDTH,
) -> None:
    """A real table: a header row (marked as such) and one row per item."""
    height = height or Inches(0.4) * (len(rows) + 1)
    frame = slide.shapes.add_table(
        len(rows) + 1, len(headers), Emu(left), Emu(top), Emu(width), Emu(height)
    )
    table = frame.table
    table.first_row = True
    if widths:
        total = sum(widths)
        for index, weight in enumerate(widths):
            table.columns[index].width = Emu(int(width * weight / total))
    for row_number, values in enumerate([headers, *rows]):
        for column, value in enumerate(values):
            cell = table.cell(row_number, column)
            cell.text = value
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(size)
                paragraph.font.bold = row_number == 0


def _bullets(
    slide: Slide,
    items: Sequence[str],
    *,
    top: int,
    height: int,
    size: int = 16,
    mark: str = "• ",
    left: int = MARGIN,
    width: int = BODY_WIDTH,
) -> None:
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    for number, item in enumerate(items):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.text = f"{mark}{item}"
        paragraph.font.size = Pt(size)
        paragraph.space_after = Pt(6)


def _picture(
    slide: Slide,
    chart: Chart,
    *,
    top: int = BODY_TOP,
    height: int | None = None,
    left: int | None = None,
    width: int = BODY_WIDTH,
) -> None:
    """The chart's PNG at `height` (or less, to fit `width`), centred unless `left` is given,
    with the chart's text alternative as the picture's description."""
    height = height or HEIGHT - top - MARGIN
    picture = slide.shapes.add_picture(
        io.BytesIO(png(chart)), Emu(MARGIN), Emu(top), height=Emu(height)
    )
    if picture.width > width:
        ratio = width / picture.width
        picture.width, picture.height = Emu(width), Emu(int(picture.height * ratio))
    picture.left = Emu(int((WIDTH - picture.width) / 2) if left is None else left)
    properties = picture._element.nvPicPr.cNvPr  # type: ignore[union-attr]
    properties.set("descr", chart.alt)
    properties.set("title", chart.title)


def _chunks(rows: list[list[str]], size: int = ROWS_PER_SLIDE) -> list[list[list[str]]]:
    return [rows[start : start + size] for start in range(0, len(rows), size)] or [[]]


def _titled(title: str, number: int, total: int) -> str:
    return title + (PART.format(number=number, total=total) if total > 1 else "")


def _title_slide(deck: Deck, document: Document) -> None:
    meta = document["meta"]
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_SLIDE])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    assert title is not None
    title.left, title.top, title.width = MARGIN, Inches(2.2), BODY_WIDTH
    subtitle.left, subtitle.top, subtitle.width = MARGIN, Inches(4.0), BODY_WIDTH
    title.text = meta["plan_name"]
    subtitle.text = (
        f"{meta['title']} · {meta['municipality_name']}\nTall per {built_text(meta['built_at'])}"
    )


def _ambitions(deck: Deck, document: Document) -> None:
    """The plan's political ambitions, a) to e) as the plan lists them."""
    items = ambition_items(document["plan"])
    if items:
        slide = _slide(deck, AMBITIONS_TITLE)
        height = HEIGHT - BODY_TOP - MARGIN
        _bullets(slide, items, top=BODY_TOP, height=height, size=20, mark="")


SCALE_NOTE = "Påvirkning og betydning fra 1 (lav) til 5 (høy)."


def cell_number(cell: Cell) -> str:
    return str(cell.number) if cell.number is not None else cell.text


def _matrix(deck: Deck, document: Document, charts: dict[str, Chart]) -> None:
    """The influence matrix on the left, the focus areas' placements as a table on the right
    (and the premises outside the plan below it)."""
    plan = document["plan"]
    chart = charts.get("matrise")
    if chart is None:
        return
    slide = _slide(deck, MATRIX_TITLE)
    picture_width = Inches(6.0)
    _picture(slide, chart, left=MARGIN, width=picture_width)
    left = MARGIN + picture_width + Inches(0.2)
    width = WIDTH - left - MARGIN
    top = BODY_TOP
    for table in (plan_focus_areas_table(plan), premises_table(plan)):
        if not table.rows:
            continue
        # The scale's number alone (the header names the scale): one line a row.
        rows = [[row[0].text, *(cell_number(cell) for cell in row[1:])] for row in table.rows]
        height = Inches(0.34) * (len(rows) + 1)
        _table(
            slide,
            table.headers,
            rows,
            top=top,
            height=height,
            widths=[3.3, 1.25, 1.25, 1.2][: len(table.headers)],
            size=10,
            left=left,
            width=width,
        )
        top += height + Inches(0.2)
    notes = [SCALE_NOTE]
    if any(area["placement_is_example"] for area in plan["focus_areas"]):
        notes.append(MATRIX_EXAMPLE)
    _bullets(slide, notes, top=top, height=Inches(0.7), size=10, mark="", left=left, width=width)


def _result_ambition(entry: IndicatorEntry) -> str:
    return f"{entry['shown'] or '–'} / {entry['target'] or '–'}"


def _indicators(deck: Deck, document: Document) -> None:
    """The presentation's indicator slide: results up to the year, ambitions after it, the
    year's «resultat / ambisjon», and the assessment below."""
    year = document["meta"]["year"]
    entries = document["indicators"]
    years = sorted({p["year"] for e in entries for p in e["series"]})
    rows = []
    for entry in entries:
        by_year = {point["year"]: point for point in entry["series"]}
        cells = []
        for y in years:
            point = by_year.get(y)
            cells.append("" if point is None else point["shown"] if y <= year else point["target"])
        rows.append(
            [entry["name"], entry["source"], *cells, _result_ambition(entry), entry["status_label"]]
        )
    assessment = [s["text"] for s in document["evaluation"] if s["section"] == "summary"]
    chunks = _chunks(rows, 6)
    headers = ["Indikator", "Kilde", *map(str, years), RESULT_AMBITION.format(year=year), "Status"]
    widths = [3.4, 0.8, *([0.95] * len(years)), 1.9, 1.1]
    for number, chunk in enumerate(chunks, start=1):
        slide = _slide(deck, _titled(INDICATORS_TITLE, number, len(chunks)))
        _table(
            slide, headers, chunk, widths=widths, size=10, height=Inches(0.45) * (len(chunk) + 1)
        )
        if number == len(chunks) and assessment:
            top = BODY_TOP + Inches(0.55) * (len(chunk) + 1) + Inches(0.2)
            _bullets(slide, assessment, top=top, height=HEIGHT - top - MARGIN, size=14)


def _indicator_charts(deck: Deck, document: Document, charts: dict[str, Chart]) -> None:
    """The indicators' charts, two to a slide, each beside its name."""
    keys = [f"indikator-{entry['key']}" for entry in document["indicators"]]
    found = [charts[key] for key in keys if key in charts]
    for start in range(0, len(found), 2):
        slide = _slide(deck, CHARTS_TITLE)
        for index, chart in enumerate(found[start : start + 2]):
            top = BODY_TOP + index * Inches(2.9)
            box = slide.shapes.add_textbox(Emu(MARGIN), Emu(top), Inches(4), Inches(2.7))
            box.text_frame.word_wrap = True
            box.text_frame.text = chart.title
            box.text_frame.paragraphs[0].font.size = Pt(16)
            left = MARGIN + Inches(4.3)
            _picture(
                slide, chart, top=top, height=Inches(2.8), left=left, width=WIDTH - left - MARGIN
            )


def _kommune_nm(deck: Deck, document: Document, charts: dict[str, Chart]) -> None:
    kommune_nm = document["kommune_nm"]
    if kommune_nm is None:
        return
    edition, themes = kommune_nm["edition"], kommune_nm["themes"]
    slide = _slide(deck, f"NHO Kommune-NM {edition} (tall for {kommune_nm['data_year']})")
    rows = []
    for standing in standings(kommune_nm):
        previous = f" ({standing['previous_rank']})" if standing["previous_rank"] else ""
        themed = [str(standing["theme_ranks"].get(theme["key"], "–")) for theme in themes]
        rows.append([standing["name"], f"{standing['rank']}{previous}", *themed])
    headers = ["Kommune", f"Samlet ({edition - 1})", *(theme["name"] for theme in themes)]
    _table(slide, headers, rows, widths=[2.0, 1.6, *([1.4] * len(themes))], size=12)
    story = [sentence["text"] for sentence in kommune_nm["story"]]
    story += [s["text"] for s in document["evaluation"] if s["section"] == "kommune_nm"]
    top = BODY_TOP + Inches(0.4) * (len(rows) + 1) + Inches(0.3)
    if story:
        _bullets(slide, story, top=top, height=HEIGHT - top - MARGIN, size=14)
    chart = charts.get("kommune-nm")
    if chart:
        _picture(_slide(deck, chart.title), chart)


def _action_list(deck: Deck, document: Document) -> None:
    plan = document["action_plan"]
    actions = plan["actions"]
    counts: dict[str, int] = {}
    for action in actions:
        label = KIND_PLURALS.get(action["kind"], action["kind_label"])
        counts[label] = counts.get(label, 0) + 1
    items = [f"{count} {label}" for label, count in counts.items()]
    if document["partners"]:
        items.append(f"{len(document['partners'])} samarbeidsavtaler med eksterne miljøer")
    for year in document["budget"][:1]:
        fte = f", inkludert {year['fte'].replace('.', ',')} årsverk" if year["fte"] else ""
        decision = (
            f", {year['decision'][:1].lower()}{year['decision'][1:]}" if year["decision"] else ""
        )
        items.append(f"Årlig budsjettramme {year['decided_shown']}{decision}{fte}")
    for year in document["budget"]:
        if year["proposed"]:
            items.append(f"Forslag i økonomiplanen: {year['proposed_shown']} fra {year['year']}")
            break
    by_key = {action["key"]: action for action in actions}
    top = [by_key[key] for key in plan["top_list"] if key in by_key]
    if top:
        anchored = next((a["anchored"] for a in top if a["anchored"]), "")
        where = f", forankret i {anchored}" if anchored else ""
        studies = sum(1 for action in top if action["kind"] == "study")
        items.append(f"Topp {len(top)} prioriterte tiltak{where}; {studies} av dem er utredninger")
    if plan["shown"]:
        items.append(f"Samlet framdrift {plan['shown']}")
    slide = _slide(deck, ACTIONS_TITLE.format(period=plan["period"]).strip())
    _bullets(slide, items, top=BODY_TOP, height=HEIGHT - BODY_TOP - MARGIN, size=20)
    rows = [
        [str(n), a["title"], a["status_label"], percent_cell(a["progress"]).text]
        for n, a in enumerate(top, start=1)
    ]
    chunks = _chunks(rows, 10)
    for number, chunk in enumerate(chunks, start=1):
        if chunk:
            slide = _slide(deck, _titled(TOP_LIST_TITLE, number, len(chunks)))
            headers = ["Nr.", "Tiltak", "Status", "Framdrift"]
            _table(slide, headers, chunk, widths=[0.6, 7, 1.6, 1.4], size=13)


def _studies(deck: Deck, document: Document, charts: dict[str, Chart]) -> None:
    chart = charts.get("utredninger")
    if chart:
        _picture(_slide(deck, STUDIES_TITLE), chart)
    rows = []
    for study in document["studies"]:
        for phase in study["phases"]:
            planned = f"{day_text(phase['planned_start'])}–{day_text(phase['planned_end'])}"
            status = PHASE_STATUS.get(phase["status"], phase["status"])
            rows.append([study["title"], phase["name"], planned, status, phase["note"]])
        for case in study["cases"]:
            after = f"Sak etter {case['after_phase'].lower()}" if case["after_phase"] else "Sak"
            rows.append([study["title"], after, day_text(case["planned_date"]), "", ""])
    chunks = _chunks(rows, 10)
    for number, chunk in enumerate(chunks, start=1):
        if chunk:
            slide = _slide(deck, _titled(STUDY_TABLE_TITLE, number, len(chunks)))
            headers = ["Utredning", "Fase eller sak", "Planlagt", "Status", "Merknad"]
            _table(slide, headers, chunk, widths=[4, 1.8, 2.4, 1.2, 2.6], size=11)


def render_pptx(document: Document) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    charts = document_charts(document)
    _title_slide(deck, document)
    _ambitions(deck, document)
    _matrix(deck, document, charts)
    if document["indicators"]:
        _indicators(deck, document)
        _indicator_charts(deck, document, charts)
    _kommune_nm(deck, document, charts)
    _action_list(deck, document)
    _studies(deck, document, charts)
    meta = document["meta"]
    built = datetime.fromisoformat(meta["built_at"]).astimezone(UTC).replace(tzinfo=None)
    properties = deck.core_properties
    properties.title = f"{meta['title']} – {meta['municipality_name']}"
    properties.subject = meta["plan_name"]
    properties.author = properties.last_modified_by = meta["municipality_name"]
    properties.language = "nb-NO"
    properties.created = properties.modified = built
    properties.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    return deterministic_zip(buffer.getvalue())
