"""The Word file read back: real heading styles, header rows that repeat, alt text on every
picture, Norwegian bokmål as the document's language, the figures as text."""

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from temaplan.reports.rendering import render

from .render_support import plain, rendered
from .sample_document import sample_document


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(rendered("docx")))


def test_the_title_and_sections_use_words_heading_styles(word):
    styles = {(p.style.name, p.text) for p in word.paragraphs}
    assert ("Title", "Resultatrapport 2020") in styles
    assert ("Heading 1", "Indikatorer") in styles
    assert ("Heading 1", "Kommune-NM 2021") in styles
    assert ("Heading 1", "Planen") in styles
    assert ("Heading 2", "Politiske ambisjoner") in styles
    assert ("Heading 2", "Campus Bærekraft / sirkulærøkonomi") in styles


def test_every_table_has_a_header_row_marked_to_repeat(word):
    assert word.tables
    for table in word.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_every_picture_has_its_text_alternative(word):
    pictures = word.inline_shapes
    assert len(pictures) == 8
    for picture in pictures:
        assert picture._inline.docPr.get("descr")
    descriptions = [p._inline.docPr.get("descr") for p in pictures]
    assert any("Asker 11 (13)" in text for text in descriptions)
    assert any(text.startswith("Matrise over planens 8") for text in descriptions)


def test_the_document_language_is_norwegian_bokmal(word):
    lang = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "nb-NO"
    assert word.core_properties.language == "nb-NO"


@pytest.mark.parametrize("figure", ["41,7 %", "−101 %", "9,6 mill. kr"])
def test_the_figures_are_text_in_norwegian_form(word, figure):
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    text = plain("\n".join([p.text for p in word.paragraphs] + cells))
    assert figure in text


def test_the_same_document_gives_the_same_word_bytes():
    data = render(sample_document(), "docx")
    assert data == rendered("docx")
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }
