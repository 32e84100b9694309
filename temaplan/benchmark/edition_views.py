"""The Kommune-NM data pages of a municipality: its editions with their source, each edition's
themes and rankings per data year, entry and correction, upload (Excel or CSV, all or nothing),
export and the template. Thin: fetch through the access helpers, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from temaplan.accounts import access
from temaplan.accounts.models import Municipality
from temaplan.core.editing import INVALID, save_or_status, saved_or_status
from temaplan.core.workbook_http import workbook_upload_page, xlsx_response

from . import edition_services, ranking_services
from . import workbook as wb
from .edition_forms import EditionForm, RankingForm, ThemeForm
from .import_files import is_xlsx
from .importing import editions_import as import_file
from .models import Edition, Ranking, Theme
from .standing import edition_standings

CSV_TYPE = "text/csv; charset=utf-8"


def _municipality(request: HttpRequest, number: str, *, edit: bool = False) -> Municipality:
    return access.get_municipality_for_user(request, number, edit=edit)


def _edition(request: HttpRequest, number: str, year: int, *, edit: bool = False) -> Edition:
    municipality = _municipality(request, number, edit=edit)
    edition = Edition.objects.filter(municipality=municipality, year=year).first()
    if edition is None:
        raise Http404("Fant ikke utgaven.")
    edition.municipality = municipality
    return edition


def _theme(request: HttpRequest, number: str, year: int, theme_id: int) -> Theme:
    edition = _edition(request, number, year, edit=True)
    theme = Theme.objects.filter(edition=edition, pk=theme_id).first()
    if theme is None:
        raise Http404("Fant ikke temaet.")
    theme.edition = edition
    return theme


def _ranking(request: HttpRequest, number: str, year: int, ranking_id: int) -> Ranking:
    edition = _edition(request, number, year, edit=True)
    ranking = Ranking.objects.filter(edition=edition, pk=ranking_id).first()
    if ranking is None:
        raise Http404("Fant ikke plasseringen.")
    ranking.edition = edition
    return ranking


def _list_url(number: str) -> str:
    return reverse("benchmark:editions", args=[number])


def _detail_url(edition: Edition) -> str:
    return reverse("benchmark:edition_detail", args=[edition.municipality.number, edition.year])


def _form_page(request, *, municipality, form, heading, cancel_url, edition=None, status=200):
    return render(
        request,
        "benchmark/editions_form.html",
        {
            "municipality": municipality,
            "edition": edition,
            "form": form,
            "heading": heading,
            "cancel_url": cancel_url,
        },
        status=status,
    )


def _delete_page(request, *, municipality, heading, text, button, cancel_url, edition=None):
    return render(
        request,
        "benchmark/editions_delete.html",
        {
            "municipality": municipality,
            "edition": edition,
            "heading": heading,
            "text": text,
            "button": button,
            "cancel_url": cancel_url,
        },
    )


# The list and one edition --------------------------------------------------------------------


@require_GET
def editions(request: HttpRequest, number: str) -> HttpResponse:
    municipality = _municipality(request, number)
    rows = list(Edition.objects.filter(municipality=municipality).order_by("-year"))
    counts: dict[int, int] = {}
    for edition_id in Ranking.objects.filter(municipality=municipality).values_list(
        "edition_id", flat=True
    ):
        counts[edition_id] = counts.get(edition_id, 0) + 1
    return render(
        request,
        "benchmark/editions.html",
        {
            "municipality": municipality,
            "editions": [(edition, counts.get(edition.pk, 0)) for edition in rows],
            "can_edit": access.can_edit(request, municipality.id),
        },
    )


@require_GET
def edition_detail(request: HttpRequest, number: str, year: int) -> HttpResponse:
    edition = _edition(request, number, year)
    themes = list(edition.themes.prefetch_related("parameters"))
    rankings = list(
        Ranking.objects.filter(edition=edition)
        .prefetch_related("theme_ranks")
        .order_by("-data_year", "rank", "code")
    )
    standings = edition_standings(edition)
    years: dict[int, list] = {}
    for ranking in rankings:
        by_theme = {tr.theme_id: tr.rank for tr in ranking.theme_ranks.all()}
        standing = standings.get(ranking.code) if ranking.first_published else None
        years.setdefault(ranking.data_year, []).append(
            {
                "ranking": ranking,
                "theme_ranks": [by_theme.get(theme.pk) for theme in themes],
                "county": standing.county.text if standing and standing.county else "",
            }
        )
    return render(
        request,
        "benchmark/editions_detail.html",
        {
            "municipality": edition.municipality,
            "edition": edition,
            "themes": themes,
            "years": sorted(years.items(), reverse=True),
            "can_edit": access.can_edit(request, edition.municipality.id),
        },
    )


# Editions ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def edition_create(request: HttpRequest, number: str) -> HttpResponse:
    municipality = _municipality(request, number, edit=True)
    form = EditionForm(request.POST or None, instance=Edition(municipality=municipality))
    status = 200
    if request.method == "POST":
        edition, refused = saved_or_status(
            form,
            lambda f: edition_services.edition_create(
                municipality=municipality, data=f.changes(), user=request.user
            ),
        )
        if edition is not None:
            messages.success(request, f"Kommune-NM {edition.year} er lagt inn.")
            return redirect(_detail_url(edition))
        status = refused or INVALID
    return _form_page(
        request,
        municipality=municipality,
        form=form,
        heading="Ny Kommune-NM-utgave",
        cancel_url=_list_url(number),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def edition_edit(request: HttpRequest, number: str, year: int) -> HttpResponse:
    edition = _edition(request, number, year, edit=True)
    form = EditionForm(request.POST or None, instance=Edition.objects.get(pk=edition.pk))
    status = 200
    if request.method == "POST":
        saved, refused = saved_or_status(
            form,
            lambda f: edition_services.edition_update(
                edition=edition,
                changes=f.changes(),
                expected_version=f.expected_version(),
                user=request.user,
            ),
        )
        if saved is not None:
            messages.success(request, f"Kommune-NM {saved.year} er lagret.")
            saved.municipality = edition.municipality
            return redirect(_detail_url(saved))
        status = refused or INVALID
    return _form_page(
        request,
        municipality=edition.municipality,
        edition=edition,
        form=form,
        heading=f"Rediger Kommune-NM {edition.year}",
        cancel_url=_detail_url(edition),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def edition_delete(request: HttpRequest, number: str, year: int) -> HttpResponse:
    edition = _edition(request, number, year, edit=True)
    if request.method == "POST":
        edition_services.edition_delete(edition=edition, user=request.user)
        messages.success(request, f"Kommune-NM {year} er slettet.")
        return redirect(_list_url(number))
    count = edition.rankings.count()
    return _delete_page(
        request,
        municipality=edition.municipality,
        edition=edition,
        heading=f"Slette Kommune-NM {year}?",
        text=f"Utgaven slettes med temaene og {count} plasseringer. Endringsloggen beholdes.",
        button="Slett utgaven",
        cancel_url=_detail_url(edition),
    )


# Themes --------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def theme_create(request: HttpRequest, number: str, year: int) -> HttpResponse:
    edition = _edition(request, number, year, edit=True)
    form = ThemeForm(
        request.POST or None,
        instance=Theme(municipality=edition.municipality, edition=edition),
    )
    status = 200
    if request.method == "POST":
        theme, refused = saved_or_status(
            form,
            lambda f: edition_services.theme_create(
                edition=edition,
                key=f.cleaned_data["key"],
                name=f.cleaned_data["name"],
                parameters=f.parameter_names(),
                user=request.user,
            ),
        )
        if theme is not None:
            messages.success(request, f"Temaet «{theme.name}» er lagt til.")
            return redirect(_detail_url(edition))
        status = refused or INVALID
    return _form_page(
        request,
        municipality=edition.municipality,
        edition=edition,
        form=form,
        heading=f"Nytt tema i Kommune-NM {year}",
        cancel_url=_detail_url(edition),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, number: str, year: int, theme_id: int) -> HttpResponse:
    theme = _theme(request, number, year, theme_id)
    form = ThemeForm(request.POST or None, instance=Theme.objects.get(pk=theme.pk))
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: edition_services.theme_update(
                theme=theme,
                changes=f.changes(),
                expected_version=f.expected_version(),
                parameters=f.parameter_names(),
                user=request.user,
            ),
        )
        if refused is None:
            messages.success(request, f"Temaet «{form.cleaned_data['name']}» er lagret.")
            return redirect(_detail_url(theme.edition))
        status = refused
    return _form_page(
        request,
        municipality=theme.edition.municipality,
        edition=theme.edition,
        form=form,
        heading=f"Rediger temaet «{theme.name}» i Kommune-NM {year}",
        cancel_url=_detail_url(theme.edition),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def theme_delete(request: HttpRequest, number: str, year: int, theme_id: int) -> HttpResponse:
    theme = _theme(request, number, year, theme_id)
    if request.method == "POST":
        edition_services.theme_delete(theme=theme, user=request.user)
        messages.success(request, f"Temaet «{theme.name}» er slettet.")
        return redirect(_detail_url(theme.edition))
    return _delete_page(
        request,
        municipality=theme.edition.municipality,
        edition=theme.edition,
        heading=f"Slette temaet «{theme.name}»?",
        text="Temaet slettes med parameterne og plasseringene i temaet. Endringsloggen beholdes.",
        button="Slett temaet",
        cancel_url=_detail_url(theme.edition),
    )


# Rankings ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ranking_create(request: HttpRequest, number: str, year: int) -> HttpResponse:
    edition = _edition(request, number, year, edit=True)
    instance = Ranking(municipality=edition.municipality, edition=edition)
    initial = {}
    if (data_year := request.GET.get("data_year", "")).isdigit():
        initial["data_year"] = int(data_year)
    form = RankingForm(request.POST or None, instance=instance, edition=edition, initial=initial)
    status = 200
    if request.method == "POST":
        ranking, refused = saved_or_status(
            form,
            lambda f: ranking_services.ranking_create(
                edition=edition, data=f.ranking_data(), user=request.user
            ),
        )
        if ranking is not None:
            messages.success(request, f"Plasseringen for {ranking.name} er lagret.")
            return redirect(_detail_url(edition))
        status = refused or INVALID
    return _form_page(
        request,
        municipality=edition.municipality,
        edition=edition,
        form=form,
        heading=f"Ny plassering i Kommune-NM {year}",
        cancel_url=_detail_url(edition),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def ranking_edit(request: HttpRequest, number: str, year: int, ranking_id: int) -> HttpResponse:
    ranking = _ranking(request, number, year, ranking_id)
    edition = ranking.edition
    stored = Ranking.objects.get(pk=ranking.pk)
    form = RankingForm(request.POST or None, instance=stored, edition=edition)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: ranking_services.ranking_update(
                ranking=ranking,
                data=f.ranking_data(),
                expected_version=f.expected_version(),
                user=request.user,
            ),
        )
        if refused is None:
            messages.success(request, f"Plasseringen for {form.cleaned_data['name']} er lagret.")
            return redirect(_detail_url(edition))
        status = refused
    return _form_page(
        request,
        municipality=edition.municipality,
        edition=edition,
        form=form,
        heading=f"Rett plasseringen for {ranking.name} ({ranking.data_year}) i Kommune-NM {year}",
        cancel_url=_detail_url(edition),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def ranking_delete(request: HttpRequest, number: str, year: int, ranking_id: int) -> HttpResponse:
    ranking = _ranking(request, number, year, ranking_id)
    what = f"{ranking.name} ({ranking.code}) for dataår {ranking.data_year}"
    if request.method == "POST":
        ranking_services.ranking_delete(ranking=ranking, user=request.user)
        messages.success(request, f"Plasseringen for {what} er slettet.")
        return redirect(_detail_url(ranking.edition))
    return _delete_page(
        request,
        municipality=ranking.edition.municipality,
        edition=ranking.edition,
        heading=f"Slette plasseringen for {what}?",
        text=f"Plassering {ranking.rank} og plasseringene i temaene slettes. "
        "Endringsloggen beholdes.",
        button="Slett plasseringen",
        cancel_url=_detail_url(ranking.edition),
    )


# Files ---------------------------------------------------------------------------------------


def _is_csv(request: HttpRequest, data: bytes) -> bool:
    upload = request.FILES.get("file")
    name = (upload.name or "") if upload else ""
    return name.lower().endswith((".csv", ".txt")) and not is_xlsx(data)


@require_http_methods(["GET", "POST"])
def editions_import(request: HttpRequest, number: str) -> HttpResponse:
    """The upload page (GET, editors only) and the import (POST): Excel or CSV, all or nothing."""
    municipality = _municipality(request, number, edit=True)
    return workbook_upload_page(
        request,
        lambda data: import_file(
            municipality=municipality,
            data=data,
            csv_file=_is_csv(request, data),
            user=request.user,
        ),
        done_url=_list_url(number),
        template="benchmark/editions_import.html",
        context={"municipality": municipality},
    )


@require_GET
def editions_export(request: HttpRequest, number: str) -> HttpResponse:
    municipality = _municipality(request, number)
    return xlsx_response(wb.editions_workbook(municipality), f"kommune-nm-{number}.xlsx")


@require_GET
def editions_csv(request: HttpRequest, number: str) -> HttpResponse:
    municipality = _municipality(request, number)
    response = HttpResponse(wb.editions_csv(municipality), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="kommune-nm-{number}.csv"'
    return response


@require_GET
def editions_template(request: HttpRequest, number: str) -> HttpResponse:
    _municipality(request, number)
    return xlsx_response(wb.template_workbook(), "kommune-nm-mal.xlsx")
