"""The forms on a page as a browser sees them: where each sends its data, and its fields with
their kinds and choices. Tests read them to send what a person could type into every field."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Inputs that carry nothing a person types or picks.
NOT_FIELDS = {"submit", "button", "reset", "image"}


@dataclass
class HtmlField:
    """One named field: `kind` is the input type («text», «date», «hidden», «checkbox», «file»),
    «select» or «textarea»; `choices` the values a select or a group of checkboxes offers and
    `chosen` those selected or ticked as the page is sent."""

    name: str
    kind: str
    value: str = ""
    choices: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    multiple: bool = False

    def sent(self) -> str | list[str] | None:
        """What a browser sends for the field as the page shows it (None: nothing)."""
        if self.kind in ("select", "checkbox", "radio"):
            if self.multiple:
                return list(self.chosen)
            if self.chosen:
                return self.chosen[0]
            return self.choices[0] if self.kind == "select" and self.choices else None
        return None if self.kind == "file" else self.value


@dataclass
class HtmlForm:
    method: str
    action: str  # the path it sends to
    fields: dict[str, HtmlField] = field(default_factory=dict)


class _FormReader(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[HtmlForm] = []
        self._form: HtmlForm | None = None
        self._select: HtmlField | None = None
        self._textarea: HtmlField | None = None

    def handle_starttag(self, tag, attrs):
        attr = {key: value or "" for key, value in attrs}
        if tag == "form":
            action = urlsplit(urljoin(self.page_path, attr.get("action") or self.page_path)).path
            self._form = HtmlForm(attr.get("method", "get").lower(), action)
            self.forms.append(self._form)
            return
        name = attr.get("name")
        if self._form is None or not name:
            if tag == "option" and self._select is not None:
                self._select.choices.append(attr.get("value", ""))
                if "selected" in attr:
                    self._select.chosen.append(attr.get("value", ""))
            return
        if tag == "input" and attr.get("type", "text") not in NOT_FIELDS:
            self._input(name, attr)
        elif tag == "select":
            self._select = HtmlField(name, "select", multiple="multiple" in attr)
            self._form.fields[name] = self._select
        elif tag == "textarea":
            self._textarea = HtmlField(name, "textarea")
            self._form.fields[name] = self._textarea

    def _input(self, name: str, attr: dict[str, str]) -> None:
        assert self._form is not None
        kind = attr.get("type", "text").lower()
        if kind in ("checkbox", "radio"):
            group = self._form.fields.setdefault(name, HtmlField(name, kind))
            group.choices.append(attr.get("value", "on"))
            if "checked" in attr:
                group.chosen.append(attr.get("value", "on"))
            group.multiple = group.multiple or kind == "checkbox" and len(group.choices) > 1
            return
        self._form.fields[name] = HtmlField(name, kind, attr.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def forms_on(html: str, page_path: str) -> list[HtmlForm]:
    """Every form on the page at `page_path`, its action resolved to a path."""
    reader = _FormReader(page_path)
    reader.feed(html)
    reader.close()
    return reader.forms


def form_for(html: str, page_path: str, action: str, method: str) -> HtmlForm | None:
    """The page's form that sends to `action` with `method`, if there is one."""
    for form in forms_on(html, page_path):
        if form.action == action and form.method == method:
            return form
    return None
