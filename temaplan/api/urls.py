from django.urls import path

from temaplan.core import converters  # noqa: F401  (registers «municipality_number»)

from . import views
from .api import api

app_name = "api"

urlpatterns = [
    path("kommuner/<municipality_number:number>/api-nokler/", views.token_list, name="tokens"),
    path(
        "kommuner/<municipality_number:number>/api-nokler/<int:token_id>/trekk-tilbake/",
        views.token_revoke_view,
        name="token_revoke",
    ),
]


def api_urls():
    """/api/v1/: the API answers 401 itself (bearer tokens), never sends anyone to login."""
    patterns, app, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False  # type: ignore[union-attr]
    return patterns, app, namespace
