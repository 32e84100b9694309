from django.contrib import admin
from django.urls import include, path

from temaplan.api.urls import api_urls

urlpatterns = [
    path("", include("temaplan.web.urls")),
    path("konto/", include("temaplan.accounts.urls")),
    path("", include("temaplan.plans.urls")),
    path("", include("temaplan.indicators.urls")),
    path("", include("temaplan.indicators.sync_urls")),
    path("", include("temaplan.actions.urls")),
    path("", include("temaplan.benchmark.urls")),
    path("", include("temaplan.reports.urls")),
    path("", include("temaplan.api.urls")),
    path("api/v1/", api_urls()),
    path("offentlig/", include("temaplan.portal.urls")),
    path("admin/", admin.site.urls),
]

# The pages a refusal or an error gets when DEBUG is off, in bokmål (temaplan/web/errors.py).
handler400 = "temaplan.web.errors.bad_request"
handler403 = "temaplan.web.errors.permission_denied"
handler404 = "temaplan.web.errors.page_not_found"
handler500 = "temaplan.web.errors.server_error"
