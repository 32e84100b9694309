"""The status deck read back: the presentation's slides in its order, the figures as text in
real tables, pictures only for charts and each with its text alternative."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from temaplan.reports.rendering import render

from .render_support import plain, rendered
from .sample_document import sample_document


@pytest.fixture(scope="module")
def deck():
    return Presentation(io.BytesIO(rendered("pptx")))


def _titles(deck):
    return [slide.shapes.title.text for slide in deck.slides]


def _text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return plain("\n".join(parts))


def _slide(deck, title):
    return next(slide for slide in deck.slides if slide.shapes.title.text == title)


def test_the_deck_has_the_presentations_slides_in_order(deck):
    titles = _titles(deck)
    expected = [
        "Temaplan næring 2020–2032",
        "Ambisjoner",
        "Innsatsområder og påvirkning",
        "Indikatorer næring",
        "NHO Kommune-NM 2021 (tall for 2020)",
        "Tiltaksliste for perioden 2022/23",
        "Prioriterte tiltak",
        "Tidslinje for utredningene",
    ]
    assert [title for title in titles if title in expected] == expected


def test_the_ambitions_slide_has_the_plans_political_ambitions_as_text(deck):
    slide = _slide(deck, "Ambisjoner")
    assert not any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)
    paragraphs = [
        plain(p.text) for shape in slide.shapes if shape.has_text_frame
        for p in shape.text_frame.paragraphs
    ]  # fmt: skip
    assert paragraphs[1:] == [
        "a) Den nye kommunen skal være ledende i landet på næringsutvikling.",
        "b) Næringsutviklingen i den nye kommunen skal baseres på de lokale fortrinn i de ulike "
        "deler av kommunen.",
        "c) Den nye kommunen skal ha en særskilt satsning på å tiltrekke og støtte opp om "
        "gründere/entreprenører som ønsker å starte bedrift i kommunen.",
        "d) Næringspolitikken skal bygges opp rundt de etablerte bedrifter samt satsning på "
        "nyetableringer.",
        "e) Det etableres en strategi for opplevelsesnæringen i den nye kommunen basert på "
        "kystkultur, historie og reiseliv.",
    ]


def test_the_matrix_slide_has_the_chart_with_its_alternative_and_the_focus_areas_table(deck):
    slide = _slide(deck, "Innsatsområder og påvirkning")
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert (
        pictures[0]
        ._element.nvPicPr.cNvPr.get("descr")
        .startswith("Matrise over planens 8 innsatsområder")
    )
    tables = [shape.table for shape in slide.shapes if shape.has_table]
    areas = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert areas[0] == ["Innsatsområde", "Påvirkning", "Betydning", "Strategier"]
    assert areas[1] == ["1. Eksisterende næringer", "3", "5", "7"]
    assert len(areas) == 9
    assert tables[1].cell(1, 0).text == "a) Infrastruktur og samferdsel"
    assert "Påvirkning og betydning fra 1 (lav) til 5 (høy)." in _text(slide)


def test_the_indicator_slide_has_result_and_ambition_per_indicator_and_the_assessment(deck):
    slide = _slide(deck, "Indikatorer næring")
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    assert table.cell(0, 10).text == "Resultat / ambisjon 2020"
    column = [plain(table.cell(row, 10).text) for row in range(1, len(table.rows))]
    assert column == [
        "11 / 12 eller bedre",
        "4 / 4 eller bedre",
        "−101 % / over 50 %",
        "41,7 % / høyere enn året før",
        "– / høyst 15 daa",
    ]
    assert "Vi ligger godt an mot ambisjonen" in _text(slide)


def test_the_kommune_nm_slide_has_the_peers_table_and_the_story(deck):
    text = _text(_slide(deck, "NHO Kommune-NM 2021 (tall for 2020)"))
    for figure in ("Asker", "11 (13)", "Bærum", "1 (3)", "Ås", "Lier er en sterk konkurrent"):
        assert figure in text


def test_the_action_list_slide_states_the_frame_and_the_top_list(deck):
    text = _text(_slide(deck, "Tiltaksliste for perioden 2022/23"))
    assert "9,6 mill. kr" in text and "2 årsverk" in text
    assert "Topp 10 prioriterte tiltak, forankret i Formannskapet 11. januar 2022" in text
    assert "10,6 mill. kr" in text


def test_pictures_are_only_charts_and_each_has_its_text_alternative(deck):
    pictures = [
        shape for slide in deck.slides for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]  # fmt: skip
    assert len(pictures) == 8
    assert all(picture._element.nvPicPr.cNvPr.get("descr") for picture in pictures)


def test_the_same_document_gives_the_same_deck_bytes():
    assert render(sample_document(), "pptx") == rendered("pptx")
