"""The REST API at /api/v1/: one NinjaAPI, a router per area, every error in one schema."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from . import errors
from .auth import TokenAuth
from .links import links_add
from .routers import actions, indicators, plans, published


class _Swagger(Swagger):
    """django-ninja's docs page with <html lang="nb">: the municipality pages link to it."""

    template = "api/swagger.html"


class TemaplanApi(NinjaAPI):
    """ninja's schema with the OpenAPI links between the operations (links.py)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return links_add(schema, path_prefix)


api = TemaplanApi(
    title="Temaplan API",
    version="1",
    description=(
        "Les og oppdater en kommunes oppfølging av temaplan næring. Alle kall krever en "
        "personlig API-nøkkel (`Authorization: Bearer <nøkkel>`), laget på siden «API-nøkler». "
        "Eksempler med curl og Python står i dokumentasjonen for API-et som følger Temaplan."
    ),
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs=_Swagger(settings={"persistAuthorization": False}),
)
errors.install(api)
api.add_router("", plans.router)
api.add_router("", indicators.router)
api.add_router("", actions.router)
api.add_router("", published.router)
