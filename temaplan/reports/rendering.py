"""The report's files, rendered from its document alone: PDF, Word, Excel and PowerPoint.

Interface used by the workflow (services.py): `render(document, kind)` gives the bytes of one
file. The renderers live beside this module (one per kind) and read only the document: the
same document gives the same file, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Document

KINDS = ("pdf", "docx", "xlsx", "pptx")
UNKNOWN_KIND = "Ukjent filtype «{kind}»."
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def _renderer(kind: str) -> Callable[[Document], bytes]:
    # Imported when needed: WeasyPrint and the Office libraries are slow to load.
    if kind == "pdf":
        from .pdf import render_pdf

        return render_pdf
    if kind == "docx":
        from .docx_file import render_docx

        return render_docx
    if kind == "xlsx":
        from .xlsx_file import render_xlsx

        return render_xlsx
    from .pptx_file import render_pptx

    return render_pptx


def render(document: Document, kind: str) -> bytes:
    """The file of `kind` («pdf», «docx», «xlsx» or «pptx») for `document`."""
    if kind not in KINDS:
        raise ValueError(UNKNOWN_KIND.format(kind=kind))
    return _renderer(kind)(document)
