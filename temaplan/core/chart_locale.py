"""The Norwegian locale a chart carries in `config.locale`, so the renderer
needs no locale arguments: month and day names, a decimal comma, a non-breaking space between
thousands, a real minus sign. Pure: no Django here."""

NB_TIME_LOCALE = {
    "dateTime": "%A %e. %B %Y kl. %X",
    "date": "%d.%m.%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],  # fmt: skip
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
