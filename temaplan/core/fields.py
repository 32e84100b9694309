"""What model fields share across apps."""

from typing import TypedDict


class DecimalSize(TypedDict):
    """A DecimalField's size, spread into the field: `models.DecimalField(..., **MONEY)`."""

    max_digits: int
    decimal_places: int
