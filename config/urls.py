from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("temaplan.web.urls")),
    path("konto/", include("temaplan.accounts.urls")),
    path("", include("temaplan.plans.urls")),
    path("", include("temaplan.indicators.urls")),
    path("", include("temaplan.indicators.sync_urls")),
    path("", include("temaplan.actions.urls")),
    path("admin/", admin.site.urls),
]
