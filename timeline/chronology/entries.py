"""The entries of one case's chronology: its events in order, with their sources and marks.

Two queries whatever the number of events (the events, then their sources with each release's
date and title), then everything else in Python: ordering undated events by the release that
reported them, filtering by kind and date range, the conflict marks, the counts for the filter
chips.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from cases.models import Case
from cases.partial_dates import YEAR, PartialDate

from ..models import EventSource, Release, TimelineEvent
from .conflicts import mark_conflicts
from .grouping import YearGroup, group_by_month
from .labels import KIND_LABELS, amount_words, datetime_attr, parties_words

# Events with no date sort after the dated events of the day their release came out.
_UNDATED_RANK = 9


@dataclass(eq=False)
class Entry:
    """One event as the page shows it.

    The derived values are computed once (``cached_property``): the page, the picture and the
    exports read them many times per event.
    """

    event: TimelineEvent
    sources: list[EventSource]
    when: PartialDate | None
    reported: PartialDate | None  # the earliest release date among its sources
    conflicts: list[str] = field(default_factory=list)
    link: str = ""  # set by the page when the entry sits on another page of a long chronology

    @property
    def pk(self) -> int:
        return self.event.pk

    @cached_property
    def anchor(self) -> str:
        return f"event-{self.event.pk}"

    @property
    def dated(self) -> bool:
        return self.when is not None

    @cached_property
    def placed(self) -> PartialDate | None:
        """Where the entry sits on the time line: its own date, or the release that reported it."""
        return self.when or self.reported

    @cached_property
    def start(self) -> dt.date | None:
        return self.placed.value if self.placed else None

    @cached_property
    def end(self) -> dt.date | None:
        return self.placed.last_day() if self.placed else None

    @cached_property
    def sort_key(self) -> tuple:
        if self.when:
            return (self.event.sort_date or self.when.sort_date(), self.event.sort_rank, self.event.pk)
        if self.reported:
            return (self.reported.sort_date(), _UNDATED_RANK, self.event.pk)
        return (dt.date.max, _UNDATED_RANK, self.event.pk)

    @cached_property
    def date_words(self) -> str:
        """'late July 2003', 'November 14, 2003'; '' for an event the release gave no date for."""
        return self.when.display() if self.when else ""

    @cached_property
    def reported_words(self) -> str:
        """'reported November 17, 2003' for an undated event, so a reader knows it is not its date."""
        if self.when:
            return ""
        return f"reported {self.reported.display()}" if self.reported else "date not given"

    @cached_property
    def datetime(self) -> str:
        return datetime_attr(self.placed)

    @cached_property
    def amount(self) -> str:
        e = self.event
        return amount_words(e.amount, e.currency, e.amount_qualifier, e.amount_note, (s.quote for s in self.sources))

    @cached_property
    def parties(self) -> list[str]:
        return parties_words(self.event.parties)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.event.kind, self.event.kind)

    @property
    def touched_by_staff(self) -> bool:
        return self.event.touched_by_staff

    @property
    def releases(self) -> list:
        seen: dict[int, object] = {}
        for source in self.sources:
            seen.setdefault(source.release_id, source.release)
        return list(seen.values())

    @cached_property
    def month_key(self) -> tuple[int | None, int | None]:
        """(year, month) of its heading; month None for a year-only date, both None when not placed."""
        placed = self.placed
        if placed is None:
            return (None, None)
        return (placed.value.year, None if placed.precision == YEAR else placed.value.month)


@dataclass
class KindCount:
    value: str
    label: str
    count: int
    active: bool
    toggled: list[str]  # the kind filter after clicking this chip


@dataclass
class Chronology:
    entries: list[Entry]  # after filtering, in order
    total: int  # before filtering
    kinds: list[KindCount]
    selected_kinds: list[str]
    date_from: dt.date | None
    date_to: dt.date | None
    conflict_count: int

    @property
    def filtered(self) -> bool:
        return bool(self.selected_kinds or self.date_from or self.date_to)

    @property
    def years(self) -> list[YearGroup]:
        return group_by_month(self.entries)

    @property
    def first(self) -> dt.date | None:
        starts = [e.start for e in self.entries if e.start]
        return min(starts) if starts else None

    @property
    def last(self) -> dt.date | None:
        ends = [e.end for e in self.entries if e.end]
        return max(ends) if ends else None


# what the page and the exports read of a release: its link, its title and its date
# (in the model's order, as Model.from_db reads them)
_RELEASE_FIELDS = [
    f.attname
    for f in Release._meta.concrete_fields
    if f.name in {"id", "title", "origin"} or f.name.startswith("release_date")
]
_SOURCE_FIELDS = [f.attname for f in EventSource._meta.concrete_fields]


def case_events(case: Case, ids: Sequence[int] | None = None) -> list[TimelineEvent]:
    """The events of a case (only those of ``ids`` when given), each with its sources
    (``chronology_sources``) and their releases: two queries.

    Not ``prefetch_related``: measured on the 1,000-event bench case (SQLite, same process), this
    takes 43-46 ms where a ``Prefetch("sources", to_attr=...)`` with ``select_related("release")``
    and ``only()`` took 70-84 ms, the same with the releases prefetched too 68 ms, and
    ``select_related`` alone 107 ms, which made the page on a cache miss 166 ms against 120 ms. The
    ORM builds a release for each source row (or matches them up by an ``IN`` of every event id);
    here the sources are joined by the case, and a release is built once, without its text, and
    shared by its sources.
    """
    events = TimelineEvent.objects.filter(case=case)
    sources = EventSource.objects.filter(event__case=case)
    if ids is not None:
        events, sources = events.filter(pk__in=ids), EventSource.objects.filter(event_id__in=ids)
    events = list(events)
    rows = sources.order_by(*EventSource._meta.ordering).values_list(
        *_SOURCE_FIELDS, *(f"release__{f}" for f in _RELEASE_FIELDS)
    )
    db = rows.db
    width = len(_SOURCE_FIELDS)
    set_release = EventSource.release.field.set_cached_value
    releases: dict[int, Release] = {}
    by_event: dict[int, list[EventSource]] = defaultdict(list)
    for row in rows:
        source = EventSource.from_db(db, _SOURCE_FIELDS, row[:width])
        release = releases.get(source.release_id)
        if release is None:
            release = releases[source.release_id] = Release.from_db(db, _RELEASE_FIELDS, row[width:])
        set_release(source, release)
        by_event[source.event_id].append(source)
    for event in events:
        event.chronology_sources = by_event.get(event.pk, [])
    return events


def build_entries(events: Iterable[TimelineEvent], conflicts: bool = True) -> list[Entry]:
    """Every event of a case in chronological order, with its conflict notes (unless ``conflicts``
    is false: they compare the events with each other, so they need all of them).

    ``events`` from ``case_events``, or any events (their sources are then read per event).
    """
    entries = []
    released_of: dict[int, PartialDate | None] = {}
    for event in events:
        sources = getattr(event, "chronology_sources", None)
        if sources is None:
            sources = list(event.sources.all())
        released = []
        for source in sources:
            if source.release_id not in released_of:
                release = source.release
                released_of[source.release_id] = release.released if release.release_date else None
            if (date := released_of[source.release_id]) is not None:
                released.append(date)
        entries.append(
            Entry(event, sources, event.when, min(released, key=lambda d: d.sort_date()) if released else None)
        )
    entries.sort(key=lambda e: e.sort_key)
    if conflicts:
        mark_conflicts(entries)
    return entries


def build_chronology(
    case: Case,
    kinds: Sequence[str] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    events: Iterable[TimelineEvent] | None = None,
) -> Chronology:
    """The case's chronology narrowed to ``kinds`` and to events whose period meets [from, to]."""
    entries = build_entries(case_events(case) if events is None else events)
    selected = [k for k in TimelineEvent.Kind.values if k in set(kinds)]
    counts = Counter(e.event.kind for e in entries)
    chips = [
        KindCount(
            value,
            label,
            counts[value],
            value in selected,
            [k for k in selected if k != value] if value in selected else [*selected, value],
        )
        for value, label in TimelineEvent.Kind.choices
        if counts[value]
    ]

    def shown(entry: Entry) -> bool:
        if selected and entry.event.kind not in selected:
            return False
        if date_from or date_to:
            if entry.start is None:
                return False
            if date_from and entry.end < date_from:
                return False
            if date_to and entry.start > date_to:
                return False
        return True

    return Chronology(
        entries=[e for e in entries if shown(e)],
        total=len(entries),
        kinds=chips,
        selected_kinds=selected,
        date_from=date_from,
        date_to=date_to,
        conflict_count=sum(1 for e in entries if e.conflicts),
    )
