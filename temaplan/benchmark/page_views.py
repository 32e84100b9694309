"""The benchmarking page of a plan: the slide's table, the charts, the county series, the
peers and the story. Thin: fetch through the access helpers, call a service, render.

Edits go through htmx: the answer is the changed section (a named partial of page.html); a
change of peers also tells the comparison section to refresh itself (HX-Trigger
«peers-changed»). Without htmx the same URLs answer with whole pages and redirects.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from temaplan.accounts import access
from temaplan.core.charts import render_svg
from temaplan.core.editing import INVALID, save_or_status, saved_or_status
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.plans.access import plan_for_user
from temaplan.plans.models import Plan

from . import peer_services, story_services
from .charts import rank_series_spec, rank_series_text, theme_profile_spec, theme_profile_text
from .codes import NO_HISTORY_FOR_TODAY, stored_history
from .models import Peer
from .page_forms import EditionChooser, PeerForm, SentenceForm, VersionForm
from .peer_services import BenchmarkData, benchmark_data
from .story import figure_rows, story

TEMPLATE = "benchmark/page.html"
SECTIONS = ("comparison", "peers", "story")
PEERS_CHANGED = "peers-changed"
PEER_ADDED = "{name} er lagt til blant sammenligningskommunene."
PEER_REMOVED = "{name} er fjernet fra sammenligningskommunene."
SENTENCE_SAVED = "Setningen er lagret."


def _page_url(plan_id: int, year: int | None = None, anchor: str = "") -> str:
    url = reverse("benchmark:page", args=[plan_id])
    return (f"{url}?utgave={year}" if year else url) + (f"#{anchor}" if anchor else "")


def _chosen(request: HtmxHttpRequest, data: BenchmarkData) -> tuple[int | None, EditionChooser]:
    """The edition asked for (?utgave=2020), or the newest; an unknown one is said so."""
    asked = {"utgave": request.GET["utgave"]} if request.GET.get("utgave") else None
    chooser = EditionChooser(asked, years=data.years)
    if asked and chooser.is_valid():
        return chooser.cleaned_data["utgave"], chooser
    newest = data.years[-1] if data.years else None
    if not asked:
        chooser = EditionChooser(initial={"utgave": newest}, years=data.years)
    return newest, chooser


def _render(
    request: HtmxHttpRequest,
    plan: Plan,
    *,
    section: str | None = None,
    status: int = 200,
    year: int | None = None,
    **editing: object,
) -> HttpResponse:
    history = stored_history()
    data = benchmark_data(plan=plan, history=history)
    chosen, chooser = _chosen(request, data)
    year = year if year in data.years else chosen
    context: dict[str, object] = {
        "plan": plan,
        "data": data,
        "chooser": chooser,
        "year": year,
        "can_edit": access.can_edit(request, plan.municipality_id),
        "peers": data.peers,
        **editing,
    }
    if year is not None:
        edition = data.edition(year)
        themes = data.theme_pairs(year)
        series, profile = data.series(), data.profile(year)
        sentences = story_services.story_lines(
            plan=plan, edition=edition, fresh=story(data.story_input(year))
        )
        regrouped = data.regrouped()
        context |= {
            "edition": edition,
            "previous": data.previous(year),
            "themes": themes,
            "table": data.table(year),
            "series": series,
            "profile": profile,
            "series_text": rank_series_text(series, data.years),
            "profile_text": theme_profile_text(profile, themes, year),
            # Callables: a section that does not show a chart never renders it.
            "series_svg": lambda: render_svg(
                rank_series_spec(series, data.years), title_id="series-title"
            ),
            "profile_svg": lambda: render_svg(
                theme_profile_spec(profile, themes), title_id="profile-title"
            ),
            "county_series": data.county_series(),
            "county_changes": [s.change for s in data.county_series() if s.change],
            "regrouped": regrouped,
            "no_history": NO_HISTORY_FOR_TODAY if regrouped is None else "",
            "sentences": [(s, figure_rows(s.figures)) for s in sentences],
            "gone": story_services.GONE,
        }
    template = f"{TEMPLATE}#{section}" if section and request.htmx else TEMPLATE
    return render(request, template, context, status=status)


@require_GET
def benchmark_page(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id)
    section = request.GET.get("del")
    return _render(request, plan, section=section if section in SECTIONS else None)


# --- Peers ---------------------------------------------------------------------------------


def _peer(request: HtmxHttpRequest, peer_id: int) -> Peer:
    return access.get_for_user(
        request, Peer.objects.select_related("plan__municipality"), edit=True, pk=peer_id
    )


def _after_peers(request: HtmxHttpRequest, plan: Plan, text: str) -> HttpResponse:
    if not request.htmx:
        messages.success(request, text)
        return redirect(_page_url(plan.pk, anchor="peers"))
    response = _render(request, plan, section="peers")
    response["HX-Trigger"] = PEERS_CHANGED
    return response


@require_http_methods(["GET", "POST"])
def peer_create(request: HtmxHttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = PeerForm(request.POST or None, plan=plan, history=stored_history())
    status = 200
    if request.method == "POST":
        peer, refused = saved_or_status(
            form, lambda f: peer_services.peer_create(plan=plan, data=f.changes())
        )
        if peer is not None:
            return _after_peers(request, plan, PEER_ADDED.format(name=peer.name))
        status = refused or INVALID
    return _render(request, plan, section="peers", status=status, peer_form=form)


@require_POST
def peer_delete(request: HtmxHttpRequest, peer_id: int) -> HttpResponse:
    peer = _peer(request, peer_id)
    peer_services.peer_delete(peer=peer)
    return _after_peers(request, peer.plan, PEER_REMOVED.format(name=peer.name))


@require_POST
def peer_move(request: HtmxHttpRequest, peer_id: int, direction: str) -> HttpResponse:
    peer = _peer(request, peer_id)
    if direction not in ("opp", "ned"):
        raise Http404("Ukjent retning.")
    peer_services.peer_move(peer=peer, direction="up" if direction == "opp" else "down")
    moved = "Flyttet opp" if direction == "opp" else "Flyttet ned"
    return _after_peers(request, peer.plan, f"{moved}: {peer.name}.")


# --- The story -----------------------------------------------------------------------------


def _story(request: HtmxHttpRequest, plan_id: int, year: int, key: str):
    """The plan (for editing), the edition, the story made from today's figures, and the
    sentence `key` as shown (404 if the story has no such sentence)."""
    plan = plan_for_user(request, plan_id, edit=True)
    data = benchmark_data(plan=plan, history=stored_history())
    if year not in data.years:
        raise Http404("Fant ikke utgaven.")
    edition = data.edition(year)
    fresh = story(data.story_input(year))
    shown = story_services.story_lines(plan=plan, edition=edition, fresh=fresh)
    sentence = next((s for s in shown if s.key == key), None)
    if sentence is None:
        raise Http404("Fant ikke setningen.")
    return plan, edition, fresh, sentence


def _after_story(request: HtmxHttpRequest, plan: Plan, year: int, text: str) -> HttpResponse:
    if not request.htmx:
        messages.success(request, text)
        return redirect(_page_url(plan.pk, year, "story"))
    return _render(request, plan, section="story", year=year)


@require_http_methods(["GET", "POST"])
def story_edit(request: HtmxHttpRequest, plan_id: int, year: int, key: str) -> HttpResponse:
    plan, edition, fresh, sentence = _story(request, plan_id, year, key)
    form = SentenceForm(request.POST or None, instance=sentence)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: story_services.story_sentence_edit(
                plan=plan,
                edition=edition,
                fresh=fresh,
                key=key,
                text=f.cleaned_data["text"],
                expected_version=f.expected_version(),
            ),
        )
        if refused is None:
            return _after_story(request, plan, year, SENTENCE_SAVED)
        status = refused
    return _render(
        request,
        plan,
        section="story",
        status=status,
        year=year,
        editing_key=key,
        sentence_form=form,
    )


def _story_choice(request: HtmxHttpRequest, plan_id: int, year: int, key: str, choose, text: str):
    plan, edition, fresh, _sentence = _story(request, plan_id, year, key)
    form = VersionForm(request.POST)
    refused = save_or_status(
        form,
        lambda f: choose(
            plan=plan,
            edition=edition,
            fresh=fresh,
            key=key,
            expected_version=f.expected_version(),
        ),
    )
    if refused is None:
        return _after_story(request, plan, year, text)
    return _render(
        request, plan, section="story", status=refused, year=year, refused_key=key, refused=form
    )


@require_POST
def story_take_generated(request: HtmxHttpRequest, plan_id: int, year: int, key: str):
    return _story_choice(
        request,
        plan_id,
        year,
        key,
        story_services.story_sentence_take_generated,
        "Den genererte teksten er tatt i bruk.",
    )


@require_POST
def story_keep_edited(request: HtmxHttpRequest, plan_id: int, year: int, key: str):
    return _story_choice(
        request,
        plan_id,
        year,
        key,
        story_services.story_sentence_keep_edited,
        "Den redigerte teksten er beholdt.",
    )
