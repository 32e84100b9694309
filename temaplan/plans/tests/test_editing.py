"""Editors create, edit, reorder and delete plan parts; htmx gets back only the section."""

from django.urls import reverse

from temaplan.plans.history import plan_history_entries

HTMX = {"HTTP_HX_REQUEST": "true"}


def texts(plan):
    return list(plan.ambitions.order_by("position").values_list("text", flat=True))


def test_an_htmx_edit_answers_with_the_section_and_not_the_whole_page(editor, asker_plan):
    ambition = asker_plan.ambitions.order_by("position").first()
    url = reverse("plans:part_edit", args=[asker_plan.pk, "ambisjoner", ambition.pk])
    opened = editor.get(url, **HTMX)
    assert opened.status_code == 200
    body = opened.content.decode()
    assert body.lstrip().startswith('<section id="ambitions"')
    assert "<html" not in body and "<textarea" in body

    saved = editor.post(url, {"text": "Ledende i landet", "version": 1}, **HTMX)
    assert saved.status_code == 200
    assert saved["HX-Trigger"] == "plan-changed"
    assert "Ledende i landet" in saved.content.decode()
    assert texts(asker_plan)[0] == "Ledende i landet"


def test_without_htmx_an_edit_redirects_back_to_the_plan(editor, asker_plan):
    ambition = asker_plan.ambitions.order_by("position").first()
    url = reverse("plans:part_edit", args=[asker_plan.pk, "ambisjoner", ambition.pk])
    response = editor.post(url, {"text": "Ny tekst", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_detail", args=[asker_plan.pk]) + "#ambitions"


def test_a_new_ambition_is_placed_last(editor, asker_plan):
    url = reverse("plans:part_create", args=[asker_plan.pk, "ambisjoner"])
    editor.post(url, {"text": "f) En sjette ambisjon"}, **HTMX)
    assert texts(asker_plan)[-1] == "f) En sjette ambisjon"
    assert len(texts(asker_plan)) == 6


def test_moving_an_ambition_up_swaps_it_with_the_one_above(editor, asker_plan):
    before = texts(asker_plan)
    second = asker_plan.ambitions.order_by("position")[1]
    editor.post(reverse("plans:part_move", args=[asker_plan.pk, "ambisjoner", second.pk, "opp"]))
    assert texts(asker_plan) == [before[1], before[0], *before[2:]]


def test_moving_the_first_up_changes_nothing(editor, asker_plan):
    before = texts(asker_plan)
    first = asker_plan.ambitions.order_by("position")[0]
    editor.post(reverse("plans:part_move", args=[asker_plan.pk, "ambisjoner", first.pk, "opp"]))
    assert texts(asker_plan) == before


def test_strategies_move_within_their_focus_area(editor, asker_plan):
    area = asker_plan.focus_areas.get(number=3)
    codes = lambda: list(area.strategies.order_by("position").values_list("code", flat=True))  # noqa: E731
    assert codes() == ["3.1", "3.2", "3.3", "3.4"]
    last = area.strategies.get(code="3.4")
    editor.post(reverse("plans:part_move", args=[asker_plan.pk, "strategier", last.pk, "ned"]))
    editor.post(reverse("plans:part_move", args=[asker_plan.pk, "strategier", last.pk, "opp"]))
    assert codes() == ["3.1", "3.2", "3.4", "3.3"]


def test_deleting_a_focus_area_removes_its_strategies(editor, asker_plan):
    area = asker_plan.focus_areas.get(number=8)
    areas, strategies, own = (
        asker_plan.focus_areas.count(),
        asker_plan.strategies.count(),
        area.strategies.count(),
    )
    assert own > 0
    response = editor.post(
        reverse("plans:part_delete", args=[asker_plan.pk, "innsatsomrader", area.pk]), **HTMX
    )
    assert response.status_code == 200
    assert not asker_plan.focus_areas.filter(pk=area.pk).exists()
    assert asker_plan.focus_areas.count() == areas - 1
    assert asker_plan.strategies.count() == strategies - own


def test_a_new_strategy_lands_in_the_chosen_focus_area(editor, asker_plan):
    area = asker_plan.focus_areas.get(number=5)
    url = reverse("plans:part_create", args=[asker_plan.pk, "strategier"])
    form = editor.get(url + f"?focus_area={area.pk}", **HTMX)
    assert f'value="{area.pk}" selected' in form.content.decode()
    editor.post(url, {"focus_area": area.pk, "code": "5.7", "text": "Bygge en havklynge"})
    assert area.strategies.filter(code="5.7", text="Bygge en havklynge").exists()


def test_the_history_says_who_changed_what_and_when(editor, asker_plan):
    area = asker_plan.focus_areas.get(number=1)
    url = reverse("plans:part_edit", args=[asker_plan.pk, "innsatsomrader", area.pk])
    data = {
        "number": 1,
        "name": "Etablert næringsliv",
        "description": "",
        "influence": 4,
        "importance": 5,
        "version": area.version,
    }
    assert editor.post(url, data).status_code == 302

    entry = plan_history_entries(asker_plan)[0]
    assert entry.who == "Asker redaktør (demo)"
    assert entry.action == "endret"
    assert ("navn", "Eksisterende næringer", "Etablert næringsliv") in entry.changes
    assert ("påvirkningsmulighet", "3", "4") in entry.changes

    page = editor.get(reverse("plans:plan_history", args=[asker_plan.pk])).content.decode()
    assert "Etablert næringsliv" in page and "Asker redaktør (demo)" in page


def test_the_history_shows_labels_and_names_not_codes_and_ids(outsider, baerum_plan):
    plan = baerum_plan
    data = {
        "name": plan.name,
        "first_year": plan.first_year,
        "last_year": plan.last_year,
        "status": "adopted" if plan.status == "draft" else "draft",
        "adopted_on": "2024-01-11",
        "version": plan.version,
    }
    assert outsider.post(reverse("plans:plan_edit", args=[plan.pk]), data).status_code == 302
    strategy = plan.strategies.order_by("pk").first()
    other = plan.focus_areas.exclude(pk=strategy.focus_area_id).first()
    url = reverse("plans:part_edit", args=[plan.pk, "strategier", strategy.pk])
    moved = {"focus_area": other.pk, "code": strategy.code, "text": strategy.text}
    assert outsider.post(url, {**moved, "version": strategy.version}).status_code == 302

    changes = [change for entry in plan_history_entries(plan)[:2] for change in entry.changes]
    labels = {"draft": "Utkast", "adopted": "Vedtatt"}
    assert ("status", labels[plan.status], labels[data["status"]]) in changes
    assert ("vedtaksdato", "–", "11.01.2024") in changes
    assert ("innsatsområde", str(strategy.focus_area), str(other)) in changes
    page = outsider.get(reverse("plans:plan_history", args=[plan.pk])).content.decode()
    assert "Vedtatt" in page and "adopted" not in page and str(other) in page


def test_the_plan_page_shows_the_demo_plan(reader, asker_plan):
    page = reader.get(reverse("plans:plan_detail", args=[asker_plan.pk])).content.decode()
    assert page.count('class="focus-area-name"') == 8
    assert "8 innsatsområder, 43 strategier" in page
    assert "Premisser utenfor planen" in page and "Infrastruktur og samferdsel" in page
    assert '<svg role="img" aria-labelledby="matrix-title"' in page
    assert "Matrisen som tabell" in page
    assert "Eksempel" in page
