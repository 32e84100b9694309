from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from temaplan.accounts import access


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    municipalities = access.municipalities_for(request).prefetch_related("plans")
    return render(request, "web/home.html", {"municipalities": municipalities})


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: is the app up, and can it reach its database?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return JsonResponse({"status": "error", "database": reason}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
