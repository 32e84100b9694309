"""Paging of the API's lists: limit and offset, both bounded.

django-ninja's LimitOffsetPagination bounds the limit but not the offset, and an offset past
what the database's integers hold (SQLite: 2⁶³) answered 500 (found by schemathesis). An
offset past every row gives an empty page; past MAX_OFFSET it is refused as bad input (422)."""

from __future__ import annotations

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_OFFSET = settings.NINJA_PAGINATION_MAX_OFFSET


class Paging(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
