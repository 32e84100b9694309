"""The site's URLs plus two that fail on purpose, for the error page tests (ROOT_URLCONF)."""

from django.core.exceptions import SuspiciousOperation
from django.urls import URLPattern, URLResolver, path

from config import urls as site
from config.urls import handler400, handler403, handler404, handler500  # noqa: F401


def bad_request(request):
    raise SuspiciousOperation("Invalid HTTP_HOST header: 'evil.example'.")


def broken(request):
    raise RuntimeError("the database fell over")


urlpatterns: list[URLPattern | URLResolver] = [
    path("test/ugyldig/", bad_request),
    path("test/feil/", broken),
    *site.urlpatterns,
]
