"""The result evaluation, written from the figures of a report document. Pure, no Django.

`generate(document)` writes the evaluation in bokmål, sentence by sentence, each with the
figures it rests on (`figures`: name → {"shown": the text as shown, "value": the raw value}):

- the summary («4 av 5 indikatorer når ambisjonen for 2020; «…» kan først vurderes når
  tallene for 2020 foreligger.»);
- per indicator: its result against the year's ambition with the direction since the year
  before (`<key>`), what drove it where the document says so (`<key>.forklaring`: the
  editor's comment for the year, else the indicator's footnote), and the data caveats
  (`<key>.forbehold`): provisional («foreløpig»), revised («revidert fra 41,8 %») and
  unstable («ustabilt»). A missing year reads «tallene for 2020 foreligger ikke ennå»;
- per focus area: actions done, late and cancelled, with the roll-up;
- Kommune-NM: the national rank and its movement, the county standing, and Temaplan's own
  index, always named as Temaplan's own (it is not NHO's);
- the budget, per year: the decided frame, the proposed change, allocated and spent.

When a value is «ustabil» (UNSTABLE_RULE): its source note says so (the word «ustabil», as
SSB flags uncertain figures), or it swung since the year before by at least half of the year
before's size (UNSTABLE_SWING), or it changed sign. A swing from 0 is not judged.

`stale_numbers(text, figures)` (evaluation_numbers.py) is the check on an edited sentence:
the numbers it quotes that match none of its figures.

Numbers are the document's own shown strings; only the budget's proposed change and the
summary's counts are formatted here (temaplan.core.formatting).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from temaplan.core.formatting import million_kroner

from .document import (
    BudgetYearEntry,
    Document,
    EvaluationSentence,
    FocusAreaProgress,
    IndicatorEntry,
    KommuneNm,
)
from .evaluation_numbers import quoted_numbers as quoted_numbers
from .evaluation_numbers import stale_numbers as stale_numbers

SUMMARY = "summary"
INDICATOR = "indicator"
FOCUS_AREA = "focus_area"
KOMMUNE_NM = "kommune_nm"
BUDGET = "budget"
SECTIONS = (SUMMARY, INDICATOR, FOCUS_AREA, KOMMUNE_NM, BUDGET)
SECTION_LABELS = {
    SUMMARY: "Sammendrag",
    INDICATOR: "Indikatorer",
    FOCUS_AREA: "Innsatsområder",
    KOMMUNE_NM: "Kommune-NM",
    BUDGET: "Budsjett",
}

GREEN, AMBER, RED, NO_DATA, NOT_DUE = "green", "amber", "red", "no_data", "not_due"
ASSESSED = (GREEN, AMBER, RED)

UNSTABLE_WORD = "ustabil"
UNSTABLE_SWING = Decimal("0.5")
UNSTABLE_RULE = (
    "Ustabil: kildemerknaden sier «ustabil», eller verdien har endret seg med minst halvparten "
    "av fjorårets verdi, eller skiftet fortegn."
)
OWN_INDEX = "Temaplans egen indeks"  # the index is always named as ours, never as NHO's

Figures = dict[str, dict[str, Any]]


def generate(document: Document) -> list[EvaluationSentence]:
    """Every sentence of the evaluation, in the order the report shows them."""
    year = document["meta"]["year"]
    sentences = [summary_sentence(document["indicators"], year)]
    for indicator in document["indicators"]:
        sentences.extend(indicator_sentences(indicator, year))
    period = document["action_plan"]["period"]
    sentences.extend(
        focus_area_sentence(area, period) for area in document["action_plan"]["focus_areas"]
    )
    if document["kommune_nm"] is not None:
        sentences.extend(kommune_nm_sentences(document["kommune_nm"]))
    sentences.extend(budget_sentence(entry) for entry in document["budget"])
    return sentences


def sentence(section: str, key: str, text: str, figures: Figures) -> EvaluationSentence:
    return EvaluationSentence(section=section, key=key, text=text, figures=figures, edited=False)


def figure(shown: object, value: object = None) -> dict[str, Any]:
    """One figure: the text as shown and the raw value (the shown text when not given)."""
    return {"shown": str(shown), "value": str(shown) if value is None else value}


# --- Summary ----------------------------------------------------------------------------------


def summary_sentence(indicators: list[IndicatorEntry], year: int) -> EvaluationSentence:
    counted = [i for i in indicators if i["status"] != NOT_DUE]
    figures: Figures = {"år": figure(year)}
    if not counted:
        text = f"Ingen av indikatorene kan måles for {year}."
        return sentence(SUMMARY, "sammendrag", text, figures)
    met = sum(1 for i in counted if i["status"] == GREEN)
    near = sum(1 for i in counted if i["status"] == AMBER)
    missed = sum(1 for i in counted if i["status"] == RED)
    figures |= {
        "nådd": figure(met),
        "nesten": figure(near),
        "ikke_nådd": figure(missed),
        "indikatorer": figure(len(counted)),
    }
    noun = "indikator" if len(counted) == 1 else "indikatorer"
    verb = "når"
    parts = [f"{met} av {len(counted)} {noun} {verb} ambisjonen for {year}"]
    if near:
        parts.append(f"{near} er nær")
    if missed:
        parts.append(f"{missed} når den ikke")
    text = joined(parts)
    missing = [i for i in counted if i["value"] is None]
    if missing:
        names = joined([f"«{i['name']}»" for i in missing])
        figures |= {f"navn_{i['key']}": figure(i["name"]) for i in missing}
        text += f"; {names} kan først vurderes når tallene for {year} foreligger"
    other = [i for i in counted if i["value"] is not None and i["status"] not in ASSESSED]
    if other:
        figures["uten_vurdering"] = figure(len(other))
        text += f"; {count_text(len(other), 'indikator', 'indikatorer')} har ingen vurdering"
    return sentence(SUMMARY, "sammendrag", text + ".", figures)


def count_text(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def joined(parts: list[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]


def lower_first(text: str) -> str:
    """«Ingen verdi …» → «ingen verdi …»; an acronym («SSB …», «NHOs …») is left alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def full_stop(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", "»")) else text + "."


# --- Indicators -------------------------------------------------------------------------------


def indicator_sentences(indicator: IndicatorEntry, year: int) -> list[EvaluationSentence]:
    sentences = [status_sentence(indicator, year)]
    driver = driver_sentence(indicator)
    if driver is not None:
        sentences.append(driver)
    caveat = caveat_sentence(indicator, year)
    if caveat is not None:
        sentences.append(caveat)
    return sentences


def status_sentence(indicator: IndicatorEntry, year: int) -> EvaluationSentence:
    name, status, target = indicator["name"], indicator["status"], indicator["target"]
    figures: Figures = {"navn": figure(name), "år": figure(year)}
    if target:
        figures["ambisjon"] = figure(target)
    if status == NOT_DUE:
        figures["begrunnelse"] = figure(indicator["reason"])
        text = f"{name}: {lower_first(full_stop(indicator['reason']))}"
        return sentence(INDICATOR, indicator["key"], text, figures)
    if indicator["value"] is None:
        text = (
            f"{name}: tallene for {year} foreligger ikke ennå, så ambisjonen kan først vurderes "
            "når de kommer."
        )
        return sentence(INDICATOR, indicator["key"], text, figures)
    figures["verdi"] = figure(indicator["shown"], indicator["value"])
    figures["status"] = figure(indicator["status_label"], status)
    result = f"{name}: {indicator['shown']} i {year}{direction_text(indicator, year, figures)}"
    ambition = f"ambisjonen for {year}" + (f" ({target})" if target else "")
    if status == GREEN:
        text = f"{result}, og {ambition} er nådd."
    elif status == AMBER:
        text = f"{result}, nesten i mål med {ambition}."
    elif status == RED:
        text = f"{result}, og {ambition} er ikke nådd."
    else:
        figures["begrunnelse"] = figure(indicator["reason"])
        reason = lower_first(full_stop(indicator["reason"])) if indicator["reason"] else ""
        text = f"{result}; {reason}" if reason else f"{result} ({indicator['status_label']})."
    return sentence(INDICATOR, indicator["key"], text, figures)


def direction_text(indicator: IndicatorEntry, year: int, figures: Figures) -> str:
    """«, opp fra 41,4 % i 2019», «, en bedring fra plass 13 i 2019», «» without last year."""
    now, before = number_of(indicator["value"]), number_of(indicator["previous_value"])
    if now is None or before is None:
        return ""
    previous_year = year - 1
    figures["forrige_år"] = figure(previous_year)
    figures["forrige_verdi"] = figure(indicator["previous_shown"], indicator["previous_value"])
    shown = indicator["previous_shown"]
    if now == before:
        return f", uendret fra {previous_year}"
    if indicator["unit"] == "rank":
        word = "en bedring" if now < before else "en svekkelse"
        return f", {word} fra plass {shown} i {previous_year}"
    word = "opp" if now > before else "ned"
    return f", {word} fra {shown} i {previous_year}"


def driver_sentence(indicator: IndicatorEntry) -> EvaluationSentence | None:
    """What drove the result, as the document says it: the year's comment, else the footnote."""
    said = indicator["comment"].strip() or indicator["footnote"].strip()
    if not said:
        return None
    figures = {"navn": figure(indicator["name"]), "forklaring": figure(said)}
    return sentence(INDICATOR, f"{indicator['key']}.forklaring", full_stop(said), figures)


def unstable_reason(indicator: IndicatorEntry) -> str | None:
    """Why the value is «ustabil» (UNSTABLE_RULE), or None when it is not."""
    if UNSTABLE_WORD in indicator["source_note"].lower():
        return "note"
    now, before = number_of(indicator["value"]), number_of(indicator["previous_value"])
    if now is None or before is None or before == 0:
        return None
    if (now < 0) != (before < 0) and now != 0:
        return "swing"
    if abs(now - before) >= UNSTABLE_SWING * abs(before):
        return "swing"
    return None


def caveat_sentence(indicator: IndicatorEntry, year: int) -> EvaluationSentence | None:
    if indicator["value"] is None:
        return None
    figures: Figures = {"år": figure(year), "verdi": figure(indicator["shown"], indicator["value"])}
    clauses = []
    if indicator["provisional"]:
        clauses.append("foreløpig")
    if indicator["revised_from"]:
        earlier = indicator["revised_from"]
        figures["revidert_fra"] = figure(" / ".join(earlier), list(earlier))
        clause = f"revidert fra {earlier[0]}"
        if len(earlier) > 1:
            clause += " (før det " + joined(earlier[1:]) + ")"
        clauses.append(clause)
    unstable = unstable_reason(indicator)
    if unstable == "note":
        figures["kildemerknad"] = figure(indicator["source_note"])
        clauses.append(f"ustabilt ({lower_first(indicator['source_note'].strip().rstrip('.'))})")
    elif unstable == "swing":
        figures["forrige_år"] = figure(year - 1)
        figures["forrige_verdi"] = figure(indicator["previous_shown"], indicator["previous_value"])
        clauses.append(
            f"ustabilt (det gikk fra {indicator['previous_shown']} i {year - 1} "
            f"til {indicator['shown']} i {year})"
        )
    if not clauses:
        return None
    text = f"Tallet for {year} er {joined(clauses)}"
    if unstable:
        text += ", så ett enkelt år sier lite om utviklingen"
    elif clauses == ["foreløpig"]:
        text += " og kan bli endret"
    figures["navn"] = figure(indicator["name"])
    return sentence(
        INDICATOR,
        f"{indicator['key']}.forbehold",
        f"{indicator['name']}: {lower_first(text)}.",
        figures,
    )


# --- Focus areas ------------------------------------------------------------------------------


def focus_area_sentence(area: FocusAreaProgress, period: str) -> EvaluationSentence:
    title = f"Innsatsområde {area['number']} {area['name']}".rstrip()
    figures: Figures = {
        "innsatsområde": figure(f"{area['number']} {area['name']}"),
        "tiltak": figure(area["actions"]),
        "gjennomført": figure(area["done"]),
        "forsinket": figure(area["late"]),
        "avlyst": figure(area["cancelled"]),
    }
    within = f" i perioden {period}" if period else ""
    if period:
        figures["periode"] = figure(period)
    if not area["actions"]:
        return sentence(FOCUS_AREA, area["number"], f"{title} har ingen tiltak{within}.", figures)
    parts = [f"{area['done']} av {area['actions']} tiltak{within} er gjennomført"]
    if area["late"]:
        parts.append(f"{area['late']} er forsinket")
    if area["cancelled"]:
        parts.append(f"{area['cancelled']} er avlyst")
    if not area["late"] and not area["cancelled"]:
        parts.append("ingen er forsinket")
    text = f"{title}: {joined(parts)}"
    if area["percent"] is not None:
        figures["framdrift"] = figure(area["shown"], area["percent"])
        text += f" (samlet framdrift {area['shown']})"
    return sentence(FOCUS_AREA, area["number"], text + ".", figures)


# --- Kommune-NM -------------------------------------------------------------------------------


def kommune_nm_sentences(nm: KommuneNm) -> list[EvaluationSentence]:
    sentences = []
    own = nm["own"]
    base: Figures = {"utgave": figure(nm["edition"]), "dataår": figure(nm["data_year"])}
    if own is not None:
        figures = base | {"plass": figure(own["rank"]), "rangert": figure(nm["ranked"])}
        text = (
            f"I NHOs Kommune-NM {nm['edition']} (tall for {nm['data_year']}) er {own['name']} "
            f"nr. {own['rank']} av {nm['ranked']} kommuner"
        )
        before = own["previous_rank"]
        if before is not None:
            figures["forrige_plass"] = figure(before)
            if before > own["rank"]:
                text += f", opp fra nr. {before} året før"
            elif before < own["rank"]:
                text += f", ned fra nr. {before} året før"
            else:
                text += ", samme plass som året før"
        sentences.append(sentence(KOMMUNE_NM, "plassering", text + ".", figures))
        if own["county"]:
            figures = base | {"fylke": figure(own["county"])}
            text = f"I fylket er {own['name']} {own['county']}"
            if own["previous_county"]:
                figures["fylke_før"] = figure(own["previous_county"])
                text += f", mot {own['previous_county']} året før"
            sentences.append(sentence(KOMMUNE_NM, "fylke", text + ".", figures))
    index = nm["index"]
    if index is not None:
        who = own["name"] if own is not None else "kommunen"
        figures = {
            "indeksår": figure(index["year"]),
            "indeksplass": figure(index["rank"]),
            "lav": figure(index["low"]),
            "høy": figure(index["high"]),
            "indeks_rangert": figure(index["ranked"]),
        }
        text = (
            f"Etter {OWN_INDEX} (Temaplans egen beregning, ikke NHOs Kommune-NM) er {who} "
            f"nr. {index['rank']} av {index['ranked']} for {index['year']}; med usikkerheten "
            f"regnet inn ligger plassen mellom nr. {index['low']} og nr. {index['high']}."
        )
        sentences.append(sentence(KOMMUNE_NM, "egen_indeks", text, figures))
    return sentences


# --- Budget -----------------------------------------------------------------------------------


def budget_sentence(entry: BudgetYearEntry) -> EvaluationSentence:
    year = entry["year"]
    figures: Figures = {"år": figure(year)}
    if entry["decided"] is not None:
        figures["ramme"] = figure(entry["decided_shown"], entry["decided"])
        text = f"Den vedtatte budsjettrammen for {year} er {entry['decided_shown']}"
        if entry["fte"] is not None and number_of(entry["fte"]):
            figures["årsverk"] = figure(shown_plain(entry["fte"]), entry["fte"])
            text += f", medregnet {shown_plain(entry['fte'])} årsverk"
        if entry["decision"]:
            figures["vedtak"] = figure(entry["decision"])
            text += f" ({entry['decision']})"
    else:
        text = f"Det er ingen vedtatt budsjettramme for {year}"
    decided, proposed = number_of(entry["decided"]), number_of(entry["proposed"])
    if entry["proposed"] is not None:
        figures["forslag"] = figure(entry["proposed_shown"], entry["proposed"])
        text += f"; økonomiplanen foreslår {entry['proposed_shown']}"
        if decided is not None and proposed is not None and proposed != decided:
            change = proposed - decided
            shown = million_kroner(abs(change))
            figures["endring"] = figure(shown, str(change))
            text += f", {'en økning' if change > 0 else 'en reduksjon'} på {shown}"
    figures["fordelt"] = figure(entry["allocated_shown"], entry["allocated"])
    figures["brukt"] = figure(entry["spent_shown"], entry["spent"])
    text += f". Fordelt er {entry['allocated_shown']}, og brukt er {entry['spent_shown']}."
    if entry["warning"]:
        figures["advarsel"] = figure(entry["warning"])
        text += " " + full_stop(entry["warning"])
    return sentence(BUDGET, str(year), text, figures)


def shown_plain(value: str) -> str:
    """A raw number as a person writes it: «2», «1,5»."""
    number = Decimal(value).normalize()
    text = f"{number:f}"
    return text.replace("-", "\u2212").replace(".", ",")


def number_of(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None
