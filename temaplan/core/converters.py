"""Path converters for parameters that name a row by something other than its id.

A municipality is named by its four-digit number («/kommuner/3203/»). Django's «str» would let
anything through to the query, a NUL byte included, which PostgreSQL refuses with an error (a
500); with this converter such a path is simply not found (404) before any query is made.
"""

from django.urls import register_converter


class MunicipalityNumberConverter:
    # ASCII digits only: «\d» would also take «３２０３» (full-width) and other scripts' digits.
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MunicipalityNumberConverter, "municipality_number")
