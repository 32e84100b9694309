"""The report's files, rendered from its document alone: PDF, Word, Excel and PowerPoint.

Interface used by the workflow (services.py): `render(document, kind)` gives the bytes of one
file. The renderers live beside this module (one per kind) and read only the document.
"""

from __future__ import annotations

from .document import Document, canonical_bytes

KINDS = ("pdf", "docx", "xlsx", "pptx")


def render(document: Document, kind: str) -> bytes:
    """The file of `kind` for `document`. Placeholder until the renderers land: the document's
    own bytes, so the workflow can store and hash files."""
    if kind not in KINDS:
        raise ValueError(f"Ukjent filtype «{kind}».")
    return canonical_bytes(document)
