"""The Norwegian locale every chart carries in `config.locale`: month and day names, a decimal
comma, a non-breaking space between thousands, a real minus sign. This is the one place it is
set: `temaplan.core.charts.render_svg` puts it into every spec it renders (`with_locale`), so a
spec builder never sets it and a new chart cannot forget it. Pure: no Django here."""

from .dates import MONTHS
from .vegalite import Spec

NB_TIME_LOCALE = {
    "dateTime": "%A %e. %B %Y kl. %X",
    "date": "%d.%m.%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": list(MONTHS),
    "shortMonths": [
        "jan",
        "feb",
        "mar",
        "apr",
        "mai",
        "jun",
        "jul",
        "aug",
        "sep",
        "okt",
        "nov",
        "des",
    ],  # fmt: skip
}
NB_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": "\u00a0",
    "grouping": [3],
    "currency": ["", "\u00a0kr"],
    "minus": "\u2212",
}
LOCALE = {"time": NB_TIME_LOCALE, "number": NB_NUMBER_LOCALE}


def with_locale(spec: Spec) -> Spec:
    """The spec with the Norwegian locale in its config (replacing any other)."""
    return {**spec, "config": {**spec.get("config", {}), "locale": LOCALE}}
