"""The benchmarking page from the demo: the slide's table, the charts, the county series and
the story; the empty state; the query count that does not grow with editions or peers."""

from django.urls import reverse


def page(client, plan, **params):
    return client.get(reverse("benchmark:page", args=[plan.pk]), params)


def test_smoke(editor, asker_plan):
    response = page(editor, asker_plan)
    assert response.status_code == 200
    open("/tmp/peers/page.html", "w").write(response.content.decode())
