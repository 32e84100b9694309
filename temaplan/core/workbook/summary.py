"""What an import did, per sheet: rows created, updated and left unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class SheetCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        if outcome == CREATED:
            self.created += 1
        elif outcome == UNCHANGED:
            self.unchanged += 1
        else:  # "updated", or "revised" for a result whose old value is kept as a revision
            self.updated += 1


@dataclass
class ImportSummary:
    """What an import did, per sheet (keyed by the sheet's name, in the workbook's order)."""

    sheets: dict[str, SheetCounts] = field(default_factory=dict)

    @classmethod
    def of(cls, *names: str) -> ImportSummary:
        return cls({name: SheetCounts() for name in names})

    @property
    def created(self) -> int:
        return sum(counts.created for counts in self.sheets.values())

    @property
    def updated(self) -> int:
        return sum(counts.updated for counts in self.sheets.values())

    @property
    def unchanged(self) -> int:
        return sum(counts.unchanged for counts in self.sheets.values())

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        return " ".join(
            f"{name}: {c.created} nye, {c.updated} endret, {c.unchanged} uendret."
            for name, c in self.sheets.items()
        )
