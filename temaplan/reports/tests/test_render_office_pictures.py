"""Pictures of the Word file and the deck through LibreOffice headless, into test-artifacts/
to look at. Skipped where LibreOffice is not installed: Temaplan does not depend on it."""

import pytest

from .render_support import ARTIFACTS, has, run, written

needs_libreoffice = pytest.mark.skipif(
    not (has("soffice") and has("pdftoppm")), reason="LibreOffice eller poppler-utils mangler"
)


@needs_libreoffice
@pytest.mark.parametrize("kind", ["docx", "pptx"])
def test_libreoffice_opens_the_file_and_page_one_is_drawn(kind, tmp_path):
    source = written(kind)
    run("soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
        "--convert-to", "pdf", "--outdir", tmp_path, source, timeout=180)  # fmt: skip
    converted = tmp_path / f"{source.stem}.pdf"
    picture = ARTIFACTS / f"{source.stem}-{kind}-side-1"
    run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", converted, picture)
    assert picture.with_suffix(".png").stat().st_size > 5_000
