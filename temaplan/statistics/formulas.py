"""Indicator formulas over harmonised series. Pure: plain dicts in, plain results out.

Every formula takes yearly counts that are already summed to the chosen borders (the series
store does that), so ratios are always computed after summing, never averaged. Each is
documented in docs/formulas.md with its SSB tables and definition.

Series are `dict[int, float]` keyed by year. Population series are "1 January of the year";
job and employment series are the fourth quarter of the year (SSB's register-based employment
statistics, tables 11616/11618 and 03321).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Series = Mapping[int, float]

# Population growth this small (in persons, or negative) makes a share of it meaningless.
UNSTABLE_POPULATION_GROWTH = 50


@dataclass(frozen=True)
class FormulaValue:
    year: int
    value: float | None
    flags: tuple[str, ...] = ()
    inputs: dict[str, float | None] = field(default_factory=dict)

    @property
    def unstable(self) -> bool:
        return "ustabil" in self.flags


def _difference(later: float | None, earlier: float | None) -> float | None:
    return None if later is None or earlier is None else later - earlier


def _get(series: Series, year: int) -> float | None:
    value = series.get(year)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def job_growth_share_of_population_growth(
    *, jobs_by_workplace: Series, population_1_january: Series, year: int
) -> FormulaValue:
    """Change in jobs located in the municipality during `year` (Q4 year − Q4 year−1), as a
    percentage of the change in population from 1 January `year` to 1 January `year`+1.

    Flagged «ustabil» when population growth is below UNSTABLE_POPULATION_GROWTH persons or
    negative: the share then swings wildly or flips sign and says little.
    """
    jobs_now, jobs_before = _get(jobs_by_workplace, year), _get(jobs_by_workplace, year - 1)
    pop_start, pop_end = _get(population_1_january, year), _get(population_1_january, year + 1)
    inputs = {
        "jobs_change": _difference(jobs_now, jobs_before),
        "population_change": _difference(pop_end, pop_start),
    }
    if inputs["jobs_change"] is None or inputs["population_change"] is None:
        return FormulaValue(year, None, ("mangler data",), inputs)
    growth = inputs["population_change"]
    flags = ("ustabil",) if growth < UNSTABLE_POPULATION_GROWTH else ()
    if growth == 0:
        return FormulaValue(year, None, ("ustabil", "ingen befolkningsvekst"), inputs)
    return FormulaValue(year, 100 * inputs["jobs_change"] / growth, flags, inputs)


def share_working_in_home_municipality(
    *, living_and_working_here: Series, employed_residents: Series, year: int
) -> FormulaValue:
    """Employed residents who work in their own municipality, as a percentage of all employed
    residents. The numerator is the diagonal of table 03321 (summed over the municipality's
    area, so commuting between merged predecessors counts as working at home); the
    denominator is employed by residence (11618) or the 03321 row sum, as configured."""
    here, all_employed = _get(living_and_working_here, year), _get(employed_residents, year)
    inputs = {"living_and_working_here": here, "employed_residents": all_employed}
    if here is None or not all_employed:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * here / all_employed, (), inputs)


def employment_rate_by_workplace(
    *, jobs_by_workplace: Series, population_15_74: Series, year: int
) -> FormulaValue:
    """Jobs located in the municipality per 100 residents aged 15–74 (11618)."""
    jobs, population = _get(jobs_by_workplace, year), _get(population_15_74, year)
    inputs = {"jobs_by_workplace": jobs, "population_15_74": population}
    if jobs is None or not population:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * jobs / population, (), inputs)


def population_growth_3y(*, population_1_january: Series, year: int) -> FormulaValue:
    """Population growth in percent over the three years up to 1 January `year`."""
    now, before = _get(population_1_january, year), _get(population_1_january, year - 3)
    inputs = {"population": now, "population_3_years_before": before}
    if now is None or not before:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * (now - before) / before, (), inputs)


def employment_rate_of_residents(
    *, employed_residents: Series, population_15_74: Series, year: int
) -> FormulaValue:
    """Employed residents aged 15–74 as a percentage of all residents aged 15–74 (11618)."""
    employed, population = _get(employed_residents, year), _get(population_15_74, year)
    inputs = {"employed_residents": employed, "population_15_74": population}
    if employed is None or not population:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * employed / population, (), inputs)


def jobs_per_employed_resident(
    *, jobs_by_workplace: Series, employed_residents: Series, year: int
) -> FormulaValue:
    """Jobs located in the municipality per 100 employed residents (11618): above 100 the
    municipality imports labour, below it exports labour (arbeidsplassdekning)."""
    jobs, employed = _get(jobs_by_workplace, year), _get(employed_residents, year)
    inputs = {"jobs_by_workplace": jobs, "employed_residents": employed}
    if jobs is None or not employed:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * jobs / employed, (), inputs)


def job_growth(*, jobs_by_workplace: Series, year: int) -> FormulaValue:
    """Growth in jobs located in the municipality during `year`, in percent (Q4 year over Q4
    year−1, 11618)."""
    now, before = _get(jobs_by_workplace, year), _get(jobs_by_workplace, year - 1)
    inputs = {"jobs_by_workplace": now, "jobs_year_before": before}
    if now is None or not before:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * (now - before) / before, (), inputs)


def working_age_share(
    *, population_20_66: Series, population_1_january: Series, year: int
) -> FormulaValue:
    """Residents aged 20–66 as a percentage of all residents, 1 January `year` (07459)."""
    working_age, everyone = _get(population_20_66, year), _get(population_1_january, year)
    inputs = {"population_20_66": working_age, "population": everyone}
    if working_age is None or not everyone:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * working_age / everyone, (), inputs)


def young_share_of_working_age(
    *, population_20_39: Series, population_20_66: Series, year: int
) -> FormulaValue:
    """Residents aged 20–39 as a percentage of residents aged 20–66, 1 January `year`
    (07459): young versus old in the working-age population. 20–39 is the younger half of
    the working ages; the older half, 40–66, is the rest (100 − the share)."""
    young, working_age = _get(population_20_39, year), _get(population_20_66, year)
    inputs = {"population_20_39": young, "population_20_66": working_age}
    if young is None or not working_age:
        return FormulaValue(year, None, ("mangler data",), inputs)
    return FormulaValue(year, 100 * young / working_age, (), inputs)


def farmland_converted(*, decares_converted: Series, year: int) -> FormulaValue:
    """Decares of cultivated land converted to other use in the year (KOSTRA), as published."""
    value = _get(decares_converted, year)
    flags = () if value is not None else ("mangler data",)
    return FormulaValue(year, value, flags, {"decares_converted": value})


@dataclass(frozen=True)
class Choice:
    """One value a formula setting can take, and which stored series it puts in place of an
    input (input name -> source name in statistics/sources.py)."""

    label: str
    replaces: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Setting:
    """A setting an indicator may give its formula (`Indicator.formula_options`)."""

    label: str
    choices: Mapping[str, Choice]
    default: str


@dataclass(frozen=True)
class Formula:
    key: str
    name: str
    unit: str  # an indicators Unit value
    inputs: tuple[str, ...]  # series names the formula reads (see statistics/sources.py)
    compute: Callable[..., FormulaValue]
    settings: Mapping[str, Setting] = field(default_factory=dict)


FORMULAS = {
    formula.key: formula
    for formula in [
        Formula(
            "job_growth_share_of_population_growth",
            "Vekst i arbeidsplasser som andel av befolkningsveksten",
            "ratio",
            ("jobs_by_workplace", "population_1_january"),
            job_growth_share_of_population_growth,
        ),
        Formula(
            "share_working_in_home_municipality",
            "Andel sysselsatte bosatte som jobber i egen kommune",
            "percent",
            ("living_and_working_here", "employed_residents"),
            share_working_in_home_municipality,
            {
                "denominator": Setting(
                    "Nevner",
                    {
                        "employed_by_residence": Choice("Sysselsatte etter bosted (11618)"),
                        "row_total": Choice(
                            "Radsummen i 03321 (alle arbeidssteder)",
                            {"employed_residents": "employed_residents_in_03321"},
                        ),
                    },
                    default="employed_by_residence",
                )
            },
        ),
        Formula(
            "employment_rate_by_workplace",
            "Arbeidsplasser per 100 innbyggere 15–74 år",
            "ratio",
            ("jobs_by_workplace", "population_15_74"),
            employment_rate_by_workplace,
        ),
        Formula(
            "population_growth_3y",
            "Befolkningsvekst siste tre år",
            "ratio",
            ("population_1_january",),
            population_growth_3y,
        ),
        Formula(
            "farmland_converted",
            "Omdisponert dyrka jord",
            "decares",
            ("decares_converted",),
            farmland_converted,
        ),
    ]
}


# Formulas Temaplan's own index reads (temaplan/benchmark/index.py), not (yet) offered as
# indicator formulas: FORMULAS above are the choices of Indicator.formula, so adding one
# there takes an indicators migration.
INDEX_FORMULAS = {
    formula.key: formula
    for formula in [
        Formula(
            "employment_rate_of_residents",
            "Sysselsatte bosatte i prosent av befolkningen 15–74 år",
            "percent",
            ("employed_residents", "population_15_74"),
            employment_rate_of_residents,
        ),
        Formula(
            "jobs_per_employed_resident",
            "Arbeidsplasser per 100 sysselsatte bosatte (arbeidsplassdekning)",
            "ratio",
            ("jobs_by_workplace", "employed_residents"),
            jobs_per_employed_resident,
        ),
        Formula(
            "job_growth",
            "Vekst i arbeidsplasser siste år",
            "percent",
            ("jobs_by_workplace",),
            job_growth,
        ),
        Formula(
            "working_age_share",
            "Andel av befolkningen i yrkesaktiv alder (20–66 år)",
            "percent",
            ("population_20_66", "population_1_january"),
            working_age_share,
        ),
        Formula(
            "young_share_of_working_age",
            "Andel 20–39 år blant innbyggerne 20–66 år",
            "percent",
            ("population_20_39", "population_20_66"),
            young_share_of_working_age,
        ),
    ]
}
ALL_FORMULAS = {**FORMULAS, **INDEX_FORMULAS}


class FormulaSettingError(ValueError):
    """An indicator's formula settings name a setting or a choice the formula does not have."""


UNKNOWN_SETTING = "Formelen «{formula}» har ingen innstilling «{setting}»{known}."
UNKNOWN_CHOICE = "«{value}» er ikke et gyldig valg for «{setting}» i «{formula}». Velg {known}."


def input_sources(key: str, options: Mapping[str, object] | None = None) -> dict[str, str]:
    """Which stored series each input of a formula reads, under an indicator's settings.

    {input name: source name}; without settings every input reads the source of its own name.
    A setting or choice the formula does not know is refused (FormulaSettingError), never
    ignored: a share computed over another denominator than the one asked for is wrong.
    """
    formula = ALL_FORMULAS[key]
    sources = {name: name for name in formula.inputs}
    for setting_key, value in (options or {}).items():
        setting = formula.settings.get(setting_key)
        if setting is None:
            known = ", ".join(f"«{k}»" for k in formula.settings)
            raise FormulaSettingError(
                UNKNOWN_SETTING.format(
                    formula=formula.name,
                    setting=setting_key,
                    known=f" (den har {known})" if known else "",
                )
            )
        choice = setting.choices.get(str(value)) if isinstance(value, str) else None
        if choice is None:
            raise FormulaSettingError(
                UNKNOWN_CHOICE.format(
                    value=value,
                    setting=setting.label,
                    formula=formula.name,
                    known=" eller ".join(f"«{k}»" for k in setting.choices),
                )
            )
        sources.update(choice.replaces)
    return sources


def describe(key: str, options: Mapping[str, object] | None = None) -> str:
    """The formula's name with every setting it has spelled out, for the indicator's page:
    «Andel … i egen kommune (nevner: radsummen i 03321 (alle arbeidssteder))»."""
    formula = ALL_FORMULAS[key]
    chosen = []
    for name, setting in formula.settings.items():
        value = str((options or {}).get(name, setting.default))
        choice = setting.choices.get(value)
        shown = choice.label if choice else f"ukjent valg «{value}»"
        chosen.append(f"{setting.label.lower()}: {shown[:1].lower()}{shown[1:]}")
    return f"{formula.name} ({'; '.join(chosen)})" if chosen else formula.name


def compute(key: str, series: Mapping[str, Series], years: list[int]) -> list[FormulaValue]:
    """Run a formula for each year with the named input series."""
    formula = ALL_FORMULAS[key]
    arguments = {name: series.get(name, {}) for name in formula.inputs}
    return [formula.compute(**arguments, year=year) for year in years]
