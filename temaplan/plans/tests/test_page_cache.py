"""The plan page's sections are cached by the rows they show (core.fragments): an edit shows at
once, whoever made it and however, and every form carries the asker's own CSRF token."""

from django.urls import reverse

from temaplan.plans.models import Ambition


def test_the_plan_page_shows_a_change_at_once_even_one_without_a_new_version(editor, asker_plan):
    url = reverse("plans:plan_detail", args=[asker_plan.pk])
    assert "Ledende i landet" not in editor.get(url).content.decode()
    first = asker_plan.ambitions.order_by("position").first()
    Ambition.objects.filter(pk=first.pk).update(text="Ledende i landet")  # not even a version
    page = editor.get(url).content.decode()
    assert "Ledende i landet" in page
    assert page.count('name="csrfmiddlewaretoken"') > 10
    assert "csrf-token-placeholder" not in page


def test_two_editors_get_the_same_sections_with_their_own_tokens(editor, asker_plan, client):
    from django.contrib.auth import get_user_model

    url = reverse("plans:plan_detail", args=[asker_plan.pk])
    client.force_login(get_user_model().objects.get(username="asker-redaktor"))
    first, second = editor.get(url), client.get(url)
    token = 'name="csrfmiddlewaretoken" value="'
    own = {r.content.decode().split(token)[1].split('"')[0] for r in (first, second)}
    assert len(own) == 2
    for response in (first, second):
        page = response.content.decode()
        assert len({part.split('"')[0] for part in page.split(token)[1:]}) == 1
