"""What a user sees on every page: no «---------» in a select, no `docs/…` path and no internal key
(`in_progress`, `kommune_nm_rank`) in the text; and every form is built on the base forms that
read numbers the Norwegian way."""

import importlib
import pkgutil
import re
from html.parser import HTMLParser

from django import forms
from django.apps import apps

import temaplan
from temaplan.core.forms import NorwegianForm, VersionedForm

# Pages reached by following links; one of each kind (ids made «N»), so the crawl stays short.
SKIPPED = re.compile(r"/logg-ut|/logout|eksport|export|\.xlsx$")
READABLE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


class _Page(HTMLParser):
    """The links of a page and the text a user reads (text, titles, labels), SVG charts too."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("/"):
            self.links.append(href.split("#")[0])
        if tag in ("script", "style"):
            self._hidden += 1
        self.text += [attrs[k] for k in READABLE_ATTRIBUTES if attrs.get(k)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def crawl(client, start="/"):
    """{path: (html, readable text)} for one page of each kind reachable from `start`."""
    pages, kinds, todo = {}, set(), [start]
    while todo:
        path = todo.pop(0)
        kind = re.sub(r"\d+", "N", path)
        if kind in kinds or SKIPPED.search(path):
            continue
        kinds.add(kind)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        page = _Page()
        page.feed(html)
        pages[path] = (html, " ".join(page.text))
        todo += page.links
    return pages


def test_no_select_on_any_page_offers_django_s_dashes(editor, outsider):
    pages = {**crawl(editor), **crawl(outsider)}
    assert len(pages) > 30
    assert any("<select" in html for html, _text in pages.values())
    assert [path for path, (html, _text) in pages.items() if "---------" in html] == []


FILE_TYPES = {"pdf", "docx", "xlsx", "pptx"}


def choice_codes() -> set[str]:
    """The stored codes of every choice in the project's models whose label differs
    («in_progress» for «Pågår», «adopted» for «Vedtatt»), but for «nok», a Norwegian word,
    and the file types, which a user reads as such («.xlsx»)."""
    return {
        code
        for model in apps.get_models()
        if model.__module__.startswith("temaplan.")
        for field in model._meta.get_fields()
        for code, label in getattr(field, "flatchoices", None) or []
        if isinstance(code, str)
        and re.fullmatch(r"[a-z_0-9]{3,}", code)
        and code != str(label).lower()
        and code not in {"nok", *FILE_TYPES}
    }


def test_no_page_shows_a_docs_path_or_an_internal_key(editor, outsider):
    pages = {**crawl(editor), **crawl(outsider)}
    codes = choice_codes()
    assert {"in_progress", "adopted", "rank_at_most"} <= codes

    def internal(text: str) -> set[str]:
        words = set(re.findall(r"(?<![\w-])[a-z_0-9]+(?![\w-])", text))
        return set(SNAKE_CASE.findall(text)) | (words & codes)

    shown = {
        path: sorted(internal(text) | set(re.findall(r"docs/\S+", text)))
        for path, (_html, text) in pages.items()
    }
    assert {path: found for path, found in shown.items() if found} == {}


def every_form_class() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(temaplan.__path__, "temaplan."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("temaplan.") and ".tests" not in sub.__module__:
                found.append(sub)
    return found


def test_every_form_reads_numbers_the_norwegian_way():
    classes = every_form_class()
    assert {"StatusForm", "YearForm", "IndicatorForm", "PlanForm"} <= {c.__name__ for c in classes}
    bases = (NorwegianForm, VersionedForm)
    assert [c.__qualname__ for c in classes if not issubclass(c, bases)] == []
