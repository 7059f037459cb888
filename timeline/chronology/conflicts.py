"""Conflict marks: sources of one event that give different days or sums, and two dates for a
step a case takes once."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from cases.partial_dates import DAY, PartialDate

from ..models import EventSource, TimelineEvent

if TYPE_CHECKING:
    from .entries import Entry


# A case has one petition, one confirmation, one emergence: two different dates for one of these
# means the sources disagree. Motions, hearings and orders happen many times and never conflict.
ONCE_PER_CASE = {
    TimelineEvent.Kind.PETITION_FILED,
    TimelineEvent.Kind.PLAN_CONFIRMED,
    TimelineEvent.Kind.EMERGENCE,
    TimelineEvent.Kind.CONVERSION,
    TimelineEvent.Kind.DISMISSAL,
}


def _window(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The days a partial date allows: 'on or before November 17' is anything up to the 17th."""
    start, end = date.value, date.last_day()
    if date.qualifier in ("before", "on_or_before"):
        start = dt.date.min
    elif date.qualifier in ("after", "on_or_after"):
        end = dt.date.max
    elif date.qualifier == "about":
        slack = dt.timedelta(days=31 if date.precision == DAY else 92)
        start, end = max(dt.date.min + slack, start) - slack, min(dt.date.max - slack, end) + slack
    return start, end


def dates_disagree(a: PartialDate, b: PartialDate) -> bool:
    """Two partial dates disagree when no single day satisfies both ('July 2003' and 'July 25' agree)."""
    (a0, a1), (b0, b1) = _window(a), _window(b)
    return a1 < b0 or b1 < a0


_QUOTED_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I
)
_QUOTED_MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion)?", re.I)


def _days_in(quote: str) -> set[tuple[int, int]]:
    days = set()
    for month, day in _QUOTED_DAY.findall(quote):
        number = list(calendar.month_abbr).index(month[:3].title())
        if 1 <= int(day) <= 31:
            days.add((number, int(day)))
    return days


def _money_in(quote: str) -> set[Decimal]:
    amounts = set()
    for number, unit in _QUOTED_MONEY.findall(quote):
        value = Decimal(number.replace(",", ""))
        amounts.add(value * {"million": 10**6, "billion": 10**9}.get(unit.lower(), 1))
    return amounts


def sources_disagree(sources: Sequence[EventSource]) -> list[str]:
    """Sources of one event from different releases that name different days or sums for it.

    A source records only its span, so this reads the quotes: when two releases each name a
    calendar day (or a dollar sum) and no day (or sum) is common to both, a person should look.
    """
    notes = []
    by_release: dict[int, list[EventSource]] = defaultdict(list)
    for source in sources:
        by_release[source.release_id].append(source)
    if len(by_release) < 2:
        return notes
    quotes = {rid: " ".join(" ".join(s.quote.split()) for s in group) for rid, group in by_release.items()}
    for reader, what in ((_days_in, "dates"), (_money_in, "amounts")):
        found = {rid: reader(q) for rid, q in quotes.items()}
        named = [values for values in found.values() if values]
        if len(named) >= 2 and not set.intersection(*named):
            notes.append(f"The releases give different {what} for this event.")
    return notes


def mark_conflicts(entries: list[Entry]) -> None:
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        entry.conflicts.extend(sources_disagree(entry.sources))
        if entry.event.kind in ONCE_PER_CASE and entry.when:
            by_kind[entry.event.kind].append(entry)
    for group in by_kind.values():
        for entry in group:
            others = [o for o in group if o is not entry and dates_disagree(entry.when, o.when)]
            if not others:
                continue
            named = "; ".join(o.when.display() for o in others[:3])
            more = f"; and {len(others) - 3} more" if len(others) > 3 else ""
            source = "Another source dates" if len(others) == 1 else "Other sources date"
            entry.conflicts.append(f"{source} the {entry.kind_label} {named}{more}.")
