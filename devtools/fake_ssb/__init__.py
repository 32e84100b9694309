"""A local stand-in for SSB's PxWebApi v2 and KLASS, serving the real data in the shared folder.

For tests and offline development: it speaks real HTTP on 127.0.0.1, so the real clients (and
httpx, and the loopback) are what a test exercises.

    fake = FakeSsb(data_dir).start()
    PxWebClient(fake.pxweb_url, ...); KlassClient(fake.klass_url, ...)
    fake.inject("429", retry_after="7")     # the next request gets 429 Retry-After: 7
    fake.requests                           # what arrived: method, path, query, time, cells
    fake.reshape("11618", dimension_ids={"Region": "KOKkommuneregion0000"},
                 contents=[("Arb", "Sysselsatte personer med arbeidssted i regionen"), ...])
    fake.stop()

    python -m devtools.fake_ssb --port 8089 [--data ../shared/data/ssb]

PxWebApi v2 under `/api/pxwebapi/v2`: `/tables?query=`, `/tables/{id}`, `/tables/{id}/metadata`
and `/tables/{id}/data` (GET with `valueCodes[VAR]=…`, `codelist[VAR]=…`, or POST with a
`{"selection": [...]}` body), answering JSON-stat 2.0. Three tables, built from the real files:

- 11618 employment (employment_11618 CSV): Region × Alder (15-74) × Kjonn (0) × ContentsCode
  (`SysselsatteArbsted` jobs located in the municipality, `SysselsatteBosted` employed residents,
  `Befolkning15_74` residents 15–74) × Tid 2017–2022. Regions are every code that appears in
  some year; a code's cells in years it did not exist are null with status ".".
- 03321 commuting (commuting_03321 CSV): Bokommuen × ArbstedKomm × ContentsCode (`Sysselsatte`)
  × Tid 2017–2022; 720 codes each way, so one year is 518,400 cells and the whole table 3.1
  million. Pairs with a code that did not exist that year are 0 (as in StatBank exports).
- 07459 population 1 January (the StatBank exports in population_07459): Region (with `0`
  Hele landet as its elimination value) × Alder (single ages under SSB's codes `000`…`104`,
  `105+`; eliminable, summed when left out) × ContentsCode (`Personer1`) × Tid 2015–2023.

Those names are the fake's own, not SSB's. `reshape` (shapes.py) serves a table under other
dimension ids and content codes and labels until `reset` (or from the start: `FakeSsb(...,
shapes=...)`), so that tests can show the client reads roles and labels rather than trusting
names. Content codes are replaced in the order given above.

Region in 11618 and 07459 offers the code lists `agg_KommSummer` (counts summed to today's
municipalities, codes `K-3203`, built from KLASS changes with equal shares for splits) and
`vs_Kommun` (all codes). The `updated` times and content codes are made up in SSB's style.

Selections are read by the fake's own reading of SSB's documented rules (selection.py, which
cites the documentation), never by the client's parser, and the KLASS files by its own reading
(klass_data.py): the fake imports nothing from temaplan. SSB's rules are kept: value and
variable codes match ignoring case, duplicate codes in a
selection give 500 with an empty body (as SSB does), more than 800,000 cells give 400
"Too many cells selected", GET URLs over 2,100 characters give 404, more than 30 requests in
60 s give 429 with `Retry-After`, and the 400 bodies are SSB's own
(api_responses/ssb_v2_error_responses.json).

KLASS under `/api/klass/v1`: `/classifications/131/codesAt(.json)?date=` (the real 2026-01-01
list for dates from 2024; earlier lists rebuilt from the changes, back to 2011),
`/classifications/104/codesAt` (counties, from a table of the fake's own) and
`/classifications/131/changes(.json)?from=&to=` (`from` inclusive, `to` exclusive) from the real
changes file, in KLASS's `{"codeChanges": [...]}` body.

Faults for tests (`inject`): "timeout" (no answer for `delay` s), "429" (with `retry_after`,
seconds or "date:N" for an HTTP date N s ahead), "500"/"502"/"503" (empty body), "truncated"
(full Content-Length, half the body, then the connection closes), "truncated_json" (half the
body as a complete response) and "invalid_json" (an HTML maintenance page with status 200).

Modules: common (addresses, limits, the response type), selection (reading `valueCodes`),
klass_data (the KLASS files), tables (the three tables), shapes (other names for
them), jsonstat_out (writing JSON-stat),
pxweb_routes and klass_routes (the two APIs), controls (clock, faults, request log), server
(HTTP, faults applied, rate limit, `main`). The
package re-exports the server's public names, so that tests write `from devtools.fake_ssb
import FakeSsb` whichever module the server class lives in.
"""

from devtools.fake_ssb.server import FakeClock, FakeSsb, Fault, LoggedRequest, main

__all__ = ["FakeClock", "FakeSsb", "Fault", "LoggedRequest", "main"]
