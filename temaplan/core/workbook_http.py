"""Excel in and out over the web, the same way for every app that has a workbook.

Download: the bytes as an .xlsx attachment. Upload: size checked before reading, then the
app's own import, which is all or nothing; its errors come back one per line, on the upload
page (`workbook_upload_page`, with web/workbook_upload.html for the form and the errors).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from temaplan.core.workbook import FILE_TOO_LARGE, MAX_FILE_BYTES, ImportRejected

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NO_FILE_CHOSEN = "Velg en Excel-fil (.xlsx) å laste opp."
MAX_MB = MAX_FILE_BYTES // (1024 * 1024)
REFUSED_STATUS = 422


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_upload(
    request: HttpRequest, run_import: Callable[[bytes], object]
) -> tuple[str | None, list[str]]:
    """(summary, []) when the uploaded file was imported; (None, errors) when it was not."""
    upload = request.FILES.get("file")
    if upload is None:
        return None, [NO_FILE_CHOSEN]
    if upload.size is None or upload.size > MAX_FILE_BYTES:
        return None, [FILE_TOO_LARGE]
    try:
        summary = run_import(upload.read())
    except ImportRejected as rejected:
        return None, [str(error) for error in rejected.errors]
    return f"Importert fra «{upload.name}»: {summary}", []


def workbook_upload_page(
    request: HttpRequest,
    run_import: Callable[[bytes], object],
    *,
    done_url: str,
    template: str,
    context: dict,
) -> HttpResponse:
    """An upload page: shown on GET; on POST the import, then what it did as a message and a
    redirect to `done_url`, or the page again with every error (422) and nothing saved."""
    errors: list[str] = []
    if request.method == "POST":
        summary, errors = workbook_upload(request, run_import)
        if summary:
            messages.success(request, summary)
            return redirect(done_url)
    return render(
        request,
        template,
        {**context, "errors": errors, "max_mb": MAX_MB},
        status=REFUSED_STATUS if errors else 200,
    )
