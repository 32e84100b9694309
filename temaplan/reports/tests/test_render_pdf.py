"""The PDF: tagged (PDF/UA-1), in Norwegian, with the slide's figures as text, bookmarks,
header cells and a text alternative on every chart; the same document gives the same bytes."""

import re

import pytest

from temaplan.reports.pdf import pdf_html, render_pdf
from temaplan.reports.rendering import UNKNOWN_KIND, render

from .render_support import ARTIFACTS, has, plain, rendered, run, written
from .sample_document import sample_document

needs_poppler = pytest.mark.skipif(not has("pdftotext"), reason="poppler-utils mangler")


@needs_poppler
@pytest.mark.parametrize("figure", ["41,7 %", "−101 %", "9,6 mill. kr", "11", "4"])
def test_the_pdf_text_has_the_slides_figures_in_norwegian_form(figure):
    text = plain(run("pdftotext", "-layout", written("pdf"), "-"))
    assert re.search(rf"(?<![\d,]){re.escape(figure)}(?![\d,])", text)


@needs_poppler
def test_pdfinfo_says_the_pdf_is_tagged_with_title_and_dates_from_the_document():
    info = run("pdfinfo", "-isodates", written("pdf"))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Resultatrapport 2020 – Asker kommune$", info, re.M)
    # Built 2022-05-10T12:00:00+02:00; pdfinfo shows it in the local time zone.
    assert re.search(r"^CreationDate:\s+2022-05-1[01]T", info, re.M)
    assert re.search(r"^ModDate:\s+2022-05-1[01]T", info, re.M)


@needs_poppler
def test_the_pdf_declares_pdf_ua_1():
    assert 'pdfuaid:part="1"' in run("pdfinfo", "-meta", written("pdf"))


@pytest.fixture(scope="module")
def readable_pdf():
    return render_pdf(sample_document(), uncompressed=True)


def test_the_pdf_is_in_norwegian_and_its_figures_carry_their_alternative(readable_pdf):
    assert b"/Lang (nb)" in readable_pdf
    assert len(re.findall(rb"/S\s*/Figure\b", readable_pdf)) == 8
    assert readable_pdf.count(b"/Alt ") >= 8


@needs_poppler
def test_the_pdf_text_has_the_plans_ambitions_and_focus_areas():
    text = " ".join(plain(run("pdftotext", written("pdf"), "-")).split())
    assert "a) Den nye kommunen skal være ledende i landet på næringsutvikling." in text
    assert "Innsatsområder og påvirkning" in text
    assert "8. Omdømme og synlighet" in text


def test_the_matrix_is_a_figure_with_its_text_alternative_beside_the_focus_area_table():
    html = pdf_html(sample_document())
    assert '<svg role="img" aria-label="Matrise over planens 8 innsatsområder' in html
    assert "Innsatsområder i planen" in html and "4 (nokså høy)" in html


@pytest.mark.parametrize(
    "heading", [b"Planen", b"Sammendrag", b"Indikatorer", b"Budsjett", b"Om tallene"]
)
def test_the_headings_become_bookmarks(readable_pdf, heading):
    assert b"/Outlines" in readable_pdf
    assert b"/Title (" + heading + b")" in readable_pdf


def test_tables_are_tagged_with_header_cells(readable_pdf):
    assert re.search(rb"/S\s*/Table\b", readable_pdf)
    assert re.search(rb"/S\s*/TH\b", readable_pdf)


def test_the_html_is_norwegian_with_a_title_header_cells_and_chart_alternatives():
    html = pdf_html(sample_document())
    assert '<html lang="nb">' in html
    assert "<title>Resultatrapport 2020 – Asker kommune</title>" in html
    assert '<th scope="col"' in html and '<th scope="row">' in html
    charts = re.findall(r"<svg role=\"img\" aria-label=\"([^\"]+)\"[^>]*><title>", html)
    assert len(charts) == 8  # the matrix, five indicators, Kommune-NM, the studies
    assert all(label.strip() for label in charts)
    assert "Plassering i Kommune-NM 2021 av 356 kommuner, 1 er best" in html


def test_the_same_document_gives_the_same_pdf_bytes():
    assert render(sample_document(), "pdf") == rendered("pdf")


@needs_poppler
def test_page_one_is_drawn_into_test_artifacts():
    run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", written("pdf"),
        ARTIFACTS / "resultatrapport-2020-pdf-side-1")  # fmt: skip
    assert (ARTIFACTS / "resultatrapport-2020-pdf-side-1.png").stat().st_size > 10_000


def test_an_unknown_kind_is_refused_in_norwegian():
    with pytest.raises(ValueError, match=UNKNOWN_KIND.format(kind="odt")):
        render(sample_document(), "odt")
