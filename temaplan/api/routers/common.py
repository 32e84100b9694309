"""What every router shares: the declared answers and the token's municipality."""

from typing import Any

from ..errors import ERROR_CODES, WRITE_ERROR_CODES
from ..schemas import Error


def answers(ok: Any, *, write: bool = False) -> dict[int, Any]:
    """An operation's responses: its 200 and every error, all in the one Error schema; a
    write's include 413, a body too large."""
    return {200: ok, **dict.fromkeys(WRITE_ERROR_CODES if write else ERROR_CODES, Error)}


class Rows:
    """A queryset the paginator slices and counts, each row shown by `show` once sliced: the
    page's rows are read in the queryset's fixed number of queries, whatever their number."""

    def __init__(self, queryset, show) -> None:
        self.queryset, self.show = queryset, show

    def all(self):
        return self.queryset.all()

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        return [self.show(row) for row in self.queryset[index]]
