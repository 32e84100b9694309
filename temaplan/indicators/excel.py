"""The indicator workbook (.xlsx): reading it cell by cell and writing it from a plan.

The workbook has three sheets that are imported and one that explains them. The first row of
each sheet holds the column headers (their order does not matter; extra columns are ignored);
every following non-empty row is one record. Row numbers in messages are Excel's own (the
header is row 1).

«Indikatorer», one row per indicator, found by its key:
    Nøkkel*              fixed key, letters a–z, digits, «-» and «_» («nho-rang»)
    Navn*                the indicator's name
    Beskrivelse          free text
    Enhet*               plassering, prosent (andel), prosent (forholdstall), antall, dekar,
                         kroner (or the code: rank, percent, ratio…)
    Retning              høyere er bedre (default) / lavere er bedre
    Kilde*               NHO, SSB, egne data, beregnet
    Påvirkning           the municipality's influence: høy, middels (default), lav
    Innsatsområder       focus-area numbers separated by commas: «1, 8»
    Utgave etter dataår  0 (default); 1 when edition N describes data year N−1 (Kommune-NM)
    Toleranse            how far from the ambition still counts as amber (0 by default)
    Langsiktig mål       text, «topp 10»
    Mål: sammenligning   the long-term goal as a rule: plass N eller bedre, minst, over, høyst,
                         under, bedre enn året før («mellom» needs an upper bound: use ambitions)
    Mål: verdi           the goal's number (not for «bedre enn året før»)
    Fotnote              free text
    Formel               the SSB formula Temaplan computes the indicator with, by its name or
                         key (docs/formulas.md); empty: results are entered by hand
    Nevner               only with «Andel sysselsatte bosatte som jobber i egen kommune»:
                         sysselsatte etter bosted (11618, default) or radsummen i 03321
    (Formel and Nevner came later: a file without them imports as before and keeps each
    indicator's formula; with Formel but no Nevner, the default denominator.)
«Ambisjoner», one row per indicator and year:
    Nøkkel*, År*, Sammenligning*, Verdi (needed by every comparison but «bedre enn året før»),
    Øvre grense (only for «mellom»)
«Verdier», one row per indicator and data year:
    Nøkkel*, År*, Verdi*, Foreløpig (ja/nei, «nei» when empty), Kildemerknad, Dataversjon
«Veiledning» explains the columns; it is write-protected and ignored on import.

(* = required.) A row on «Indikatorer» is the whole definition: an empty optional cell sets the
field to its default. Rows missing from the file are left as they are; nothing is deleted.

Choice cells take the Norwegian label or the stored code, in any case. Number cells take
numbers, or text written the Norwegian or the English way: «41,7», «41.7», «1 234», «−101».
Formulas are refused (the file must carry the figures themselves), and so are cells formatted as
percent in Excel, where «41,7 %» is stored as 0,417.

Reading and writing cells is temaplan.core.workbook's work (the limits, the messages, text that
never turns into a formula); this module declares the sheets and writes a plan's workbook with
`workbook_bytes(plan)`. Export is deterministic: the same plan gives the same bytes. Reading the
rows, checking them against the plan and saving them is importing.py's work.
"""

from __future__ import annotations

from django.utils import translation

from temaplan.core.workbook import CHOICE, NUMBER, Column, Sheet, cell_number, write_workbook
from temaplan.core.workbook_labels import labels
from temaplan.statistics.formulas import FORMULAS

from .models import (
    COMPARATOR_CHOICES,
    DIRECTION_CHOICES,
    UNIT_CHOICES,
    Influence,
    KommuneNm,
    Source,
)
from .queries import plan_indicators

# Sheets and columns -------------------------------------------------------------------------

INDICATORS = "Indikatorer"
TARGETS = "Ambisjoner"
VALUES = "Verdier"
SHEETS = (INDICATORS, TARGETS, VALUES)

KEY = "Nøkkel"
NAME = "Navn"
DESCRIPTION = "Beskrivelse"
UNIT = "Enhet"
DIRECTION = "Retning"
SOURCE = "Kilde"
INFLUENCE = "Påvirkning"
FOCUS_AREAS = "Innsatsområder"
OFFSET = "Utgave etter dataår"
TOLERANCE = "Toleranse"
GOAL_TEXT = "Langsiktig mål"
GOAL_COMPARATOR = "Mål: sammenligning"
GOAL_VALUE = "Mål: verdi"
FOOTNOTE = "Fotnote"
YEAR = "År"
COMPARATOR = "Sammenligning"
VALUE = "Verdi"
HIGH = "Øvre grense"
PROVISIONAL = "Foreløpig"
SOURCE_NOTE = "Kildemerknad"
VINTAGE = "Dataversjon"
CALCULATION = "Formel"
DENOMINATOR = "Nevner"
KOMMUNE_NM = "Kommune-NM"
# The one formula setting the sheet has a column for (statistics.formulas).
DENOMINATOR_FORMULA = "share_working_in_home_municipality"
DENOMINATOR_SETTING = FORMULAS[DENOMINATOR_FORMULA].settings["denominator"]


COLUMNS: dict[str, tuple[Column, ...]] = {
    INDICATORS: (
        Column(KEY, 30, True, "Fast nøkkel som kobler radene på de andre arkene til indikatoren."),
        Column(NAME, 50, True, "Indikatorens navn slik det vises i tabellen."),
        Column(DESCRIPTION, 40, False, "Forklaring av indikatoren."),
        Column(UNIT, 14, True, "Hva tallene måler.", kind=CHOICE),
        Column(
            DIRECTION,
            18,
            False,
            "Om høye eller lave tall er best. Tom: høyere er bedre.",
            kind=CHOICE,
        ),
        Column(SOURCE, 12, True, "Hvor tallene kommer fra.", kind=CHOICE),
        Column(
            INFLUENCE, 12, False, "Kommunens påvirkning på indikatoren. Tom: middels.", kind=CHOICE
        ),
        Column(FOCUS_AREAS, 16, False, "Numrene på innsatsområdene, skilt med komma: «1, 8»."),
        Column(
            OFFSET,
            12,
            False,
            "1 når kildens utgave N gjelder dataår N−1 (Kommune-NM), ellers 0. Tom: 0.",
            kind=NUMBER,
        ),
        Column(
            TOLERANCE,
            12,
            False,
            "Hvor langt fra ambisjonen (i indikatorens enhet) som gir gul, ikke rød. Tom: 0.",
            kind=NUMBER,
        ),
        Column(GOAL_TEXT, 20, False, "Det langsiktige målet med ord, for eksempel «topp 10»."),
        Column(
            GOAL_COMPARATOR,
            20,
            False,
            "Det langsiktige målet som regel; brukes for år uten egen ambisjon.",
            kind=CHOICE,
        ),
        Column(GOAL_VALUE, 12, False, "Tallet i det langsiktige målet.", kind=NUMBER),
        Column(FOOTNOTE, 40, False, "Fotnote under indikatortabellen."),
        Column(
            CALCULATION,
            40,
            False,
            "Formelen Temaplan beregner indikatoren med fra SSB, ved navn (se «Gyldige "
            "verdier»). Tom: tallene legges inn for hånd. Uten kolonnen beholdes formelen.",
            may_be_absent=True,
            kind=CHOICE,
        ),
        Column(
            DENOMINATOR,
            30,
            False,
            "Bare for «Andel sysselsatte bosatte som jobber i egen kommune»: hva andelen regnes "
            "av. Tom: sysselsatte etter bosted (11618).",
            may_be_absent=True,
            kind=CHOICE,
        ),
        Column(
            KOMMUNE_NM,
            22,
            False,
            "Om resultatene hentes fra de lagrede Kommune-NM-utgavene: samlet plassering eller "
            "plassering i fylket. Tom: nei. Uten kolonnen beholdes valget.",
            may_be_absent=True,
            kind=CHOICE,
        ),
    ),
    TARGETS: (
        Column(KEY, 30, True, "Nøkkelen til indikatoren (fra arket «Indikatorer» eller planen)."),
        Column(YEAR, 8, True, "Dataåret ambisjonen gjelder.", kind=NUMBER),
        Column(COMPARATOR, 20, True, "Hvordan ambisjonen nås.", kind=CHOICE),
        Column(
            VALUE,
            12,
            False,
            "Tallet i ambisjonen; kreves for alt unntatt «bedre enn året før».",
            kind=NUMBER,
        ),
        Column(HIGH, 12, False, "Øvre grense; bare for «mellom».", kind=NUMBER),
    ),
    VALUES: (
        Column(KEY, 30, True, "Nøkkelen til indikatoren (fra arket «Indikatorer» eller planen)."),
        Column(YEAR, 8, True, "Dataåret tallet beskriver.", kind=NUMBER),
        Column(
            VALUE, 12, True, "Resultatet, i indikatorens enhet (prosent som 41,7).", kind=NUMBER
        ),
        Column(PROVISIONAL, 10, False, "«ja» for et foreløpig tall. Tom: nei.", kind=CHOICE),
        Column(SOURCE_NOTE, 40, False, "Merknad om kilden."),
        Column(VINTAGE, 20, False, "Når tallet ble publisert eller hentet: «SSB 2021-06-01»."),
    ),
}

DECIMAL_PLACES = 4  # the database keeps 4 digits after the comma
BAD_NUMBER_LIST = "«{text}» er ikke en liste med innsatsområdenumre, for eksempel «1, 8»"


# Writing ------------------------------------------------------------------------------------

GUIDE_INTRO = (
    "Veiledning for indikatorfilen",
    "Filen brukes til å hente ut og lese inn planens indikatorer, ambisjoner og resultater.",
    "Første rad på hvert ark er kolonneoverskriftene; ikke endre dem. Hver rad under er én post.",
    "Importen leser arkene «Indikatorer», «Ambisjoner» og «Verdier». Dette arket leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Rader som ikke står i filen, blir stående i planen; ingenting slettes av en import.",
    "Skriv tall som tall (41,7 eller 41.7), ikke som formler. Prosent skrives som prosenttall "
    "(41,7), ikke med prosentformat i Excel.",
    "En rad på «Indikatorer» er hele definisjonen: en tom valgfri celle gir standardverdien.",
)


def plan_sheets(indicators: list) -> list[Sheet]:
    """The three data sheets for indicators fetched with `queries.plan_indicators`."""
    units, directions = labels(UNIT_CHOICES), labels(DIRECTION_CHOICES)
    comparators = labels(COMPARATOR_CHOICES)
    sources, influences = labels(Source.choices), labels(Influence.choices)
    formulas = {key: formula.name for key, formula in FORMULAS.items()}
    denominators = {value: choice.label for value, choice in DENOMINATOR_SETTING.choices.items()}
    fed = labels(KommuneNm.choices)
    definitions = Sheet(
        INDICATORS,
        COLUMNS[INDICATORS],
        choices={
            UNIT: list(units.values()),
            DIRECTION: list(directions.values()),
            SOURCE: list(sources.values()),
            INFLUENCE: list(influences.values()),
            GOAL_COMPARATOR: list(comparators.values()),
            CALCULATION: list(formulas.values()),
            DENOMINATOR: list(denominators.values()),
            KOMMUNE_NM: [label for value, label in fed.items() if value],
        },
    )
    targets = Sheet(TARGETS, COLUMNS[TARGETS], choices={COMPARATOR: list(comparators.values())})
    values = Sheet(VALUES, COLUMNS[VALUES], choices={PROVISIONAL: ["ja", "nei"]})
    for indicator in indicators:
        areas = sorted(area.number for area in indicator.focus_areas.all())
        definitions.rows.append(
            [
                indicator.key,
                indicator.name,
                indicator.description or None,
                units.get(indicator.unit, indicator.unit),
                directions.get(indicator.direction, indicator.direction),
                sources.get(indicator.source, indicator.source),
                influences.get(indicator.influence, indicator.influence),
                ", ".join(str(number) for number in areas) or None,
                indicator.report_year_offset,
                cell_number(indicator.tolerance),
                indicator.goal_text or None,
                comparators.get(indicator.goal_comparator) if indicator.goal_comparator else None,
                cell_number(indicator.goal_value),
                indicator.footnote or None,
                formulas.get(indicator.formula) if indicator.formula else None,
                denominators.get((indicator.formula_options or {}).get("denominator", ""))
                if indicator.formula == DENOMINATOR_FORMULA
                else None,
                fed.get(indicator.kommune_nm) if indicator.kommune_nm else None,
            ]
        )
        for target in indicator.targets.all():
            targets.rows.append(
                [
                    indicator.key,
                    target.year,
                    comparators.get(target.comparator, target.comparator),
                    cell_number(target.value),
                    cell_number(target.high),
                ]
            )
        for observation in indicator.observations.all():
            values.rows.append(
                [
                    indicator.key,
                    observation.year,
                    cell_number(observation.value),
                    "ja" if observation.provisional else "nei",
                    observation.source_note or None,
                    observation.vintage or None,
                ]
            )
    return [definitions, targets, values]


def workbook_bytes(plan) -> bytes:
    """The plan's indicators, ambitions and results as an .xlsx workbook (same plan, same
    bytes). Labels are written in bokmål whatever language is active, so files travel."""
    with translation.override("nb"):
        sheets = plan_sheets(plan_indicators(plan))
        return write_workbook(sheets, guide=GUIDE_INTRO, title=f"{plan.name}: indikatorer")
