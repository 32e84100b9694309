"""Every error the API answers has one shape (schemas.Error): a sentence in `detail` and, for
refused input, one entry per problem in `errors`, naming the row (0-based, in a bulk body) and
the field. The handlers below turn Django's and ninja's exceptions into it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from temaplan.core.versioning import EditConflict

NOT_AUTHENTICATED = "Mangler gyldig API-nøkkel: send «Authorization: Bearer <nøkkel>»."
NOT_FOUND = "Fant ikke det du ba om."
FORBIDDEN = "Du har ikke tilgang til dette."
INVALID_INPUT = "Forespørselen har feil: ingenting er lagret."
CONFLICT = "Noen andre har endret dette i mellomtiden: ingenting er lagret."
BAD_REQUEST = "Forespørselen kunne ikke leses."
TOO_LARGE = (
    "Forespørselen er for stor (over {size} MB): ingenting er lagret. "
    "Send radene i flere mindre forespørsler."
)

# Every answer an operation may give besides its own 200.
ERROR_CODES = (400, 401, 403, 404, 409, 422)
# And a write's, whose body Django refuses past DATA_UPLOAD_MAX_MEMORY_SIZE (found by
# schemathesis: a 3 MB body of rows with unknown extra fields answered 500). No schema can
# bound a body's size, extra fields and escaped characters included, so it is declared.
WRITE_ERROR_CODES = (*ERROR_CODES, 413)


class ApiError(Exception):
    def __init__(
        self, status: int, detail: str, errors: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or []


def problem(message: str, *, row: int | None = None, field: str | None = None) -> dict:
    return {"row": row, "field": field, "message": str(message)}


def _field_of(loc: list | tuple) -> tuple[int | None, str | None]:
    """ninja's location ["body", "payload", "rows", 3, "value"] → (3, "value")."""
    parts = [p for p in loc if p not in ("body", "payload", "query", "path")]
    row = None
    if len(parts) >= 2 and parts[0] == "rows" and isinstance(parts[1], int):
        row, parts = parts[1], parts[2:]
    return row, ".".join(str(p) for p in parts) or None


def validation_problems(exc: NinjaValidationError) -> list[dict]:
    found = []
    for error in exc.errors:
        row, field = _field_of(error.get("loc", []))
        found.append(problem(error.get("msg", INVALID_INPUT), row=row, field=field))
    return found


def django_problems(exc: DjangoValidationError, row: int | None = None) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [
            problem(message, row=row, field=None if field == "__all__" else field)
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return [problem(message, row=row) for message in exc.messages]


def install(api: NinjaAPI) -> None:
    def answer(request: HttpRequest, status: int, detail: str, errors=()) -> HttpResponse:
        return api.create_response(
            request, {"detail": detail, "errors": list(errors)}, status=status
        )

    def on_api_error(request: Any, exc: Any) -> HttpResponse:
        return answer(request, exc.status, exc.detail, exc.errors)

    def on_validation(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 422, INVALID_INPUT, validation_problems(exc))

    def on_django_validation(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 422, INVALID_INPUT, django_problems(exc))

    def on_conflict(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 409, CONFLICT, [problem(str(exc))])

    def on_not_found(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 404, NOT_FOUND)

    def on_forbidden(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 403, str(exc) or FORBIDDEN)

    def on_too_large(request: Any, exc: Any) -> HttpResponse:
        size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20
        return answer(request, 413, TOO_LARGE.format(size=f"{size:.1f}".replace(".", ",")))

    def on_authentication(request: Any, exc: Any) -> HttpResponse:
        return answer(request, 401, NOT_AUTHENTICATED)

    def on_http_error(request: Any, exc: Any) -> HttpResponse:
        status = exc.status_code if exc.status_code in ERROR_CODES else 400
        return answer(request, status, BAD_REQUEST if status == 400 else str(exc))

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(NinjaValidationError, on_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(EditConflict, on_conflict)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(ObjectDoesNotExist, on_not_found)
    api.add_exception_handler(PermissionDenied, on_forbidden)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(AuthenticationError, on_authentication)
    api.add_exception_handler(RequestDataTooBig, on_too_large)
