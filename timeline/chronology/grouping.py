"""Entries under their year, then month, as the page heads them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING

from .labels import month_label

if TYPE_CHECKING:
    from .entries import Entry


@dataclass
class MonthGroup:
    year: int | None
    month: int | None  # None: the year is known but not the month
    entries: list[Entry]
    continued: bool = False  # begun on the previous page of a long chronology
    rows: list[dict] = field(default_factory=list)  # the entries as the page prints them (entry_rows)

    @property
    def label(self) -> str:
        if self.year is None:
            return "Date not known"
        if self.month is None:
            return f"{self.year}, month not given"
        return month_label(self.year, self.month)

    @property
    def anchor(self) -> str:
        if self.year is None:
            return "undated"
        return f"y{self.year}" if self.month is None else f"m{self.year}-{self.month:02d}"


@dataclass
class YearGroup:
    year: int | None
    months: list[MonthGroup]
    total: int | None = None  # the year's events in the whole (filtered) chronology, when paged

    @property
    def label(self) -> str:
        return str(self.year) if self.year else "Date not known"

    @property
    def count(self) -> int:
        return self.total if self.total is not None else sum(len(m.entries) for m in self.months)


def group_by_month(entries: Sequence[Entry], year_counts: Mapping[int | None, int] | None = None) -> list[YearGroup]:
    """Entries (already in order) under their year, then month; year-only dates head their year.

    ``year_counts``: the number of events per year in the whole list, when ``entries`` is one page.
    """
    months = [MonthGroup(y, m, list(group)) for (y, m), group in groupby(entries, key=lambda e: e.month_key)]
    return [
        YearGroup(year, list(group), year_counts[year] if year_counts is not None else None)
        for year, group in groupby(months, key=lambda m: m.year)
    ]
