from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from temaplan.accounts import access


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    municipalities = access.municipalities_for(request).prefetch_related("plans")
    return render(request, "web/home.html", {"municipalities": municipalities})
