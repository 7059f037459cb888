"""The chronology of one case: its events in order, grouped by year and month, with their marks.

Two queries whatever the number of events (the events, then their sources with each release's
date and title), then everything else in Python: ordering undated events by the release that
reported them, filtering by kind and date range, the conflict marks, the counts for the filter
chips. The case list's per-row figures are correlated subqueries, so a page of 25 cases out of
100,000 costs the same as a page out of 5.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from itertools import groupby

from django.db.models import CharField, Count, F, Func, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from cases.models import Case
from cases.partial_dates import DAY, YEAR, PartialDate

from .models import EventSource, Release, TimelineEvent

# A case has one petition, one confirmation, one emergence: two different dates for one of these
# means the sources disagree. Motions, hearings and orders happen many times and never conflict.
ONCE_PER_CASE = {
    TimelineEvent.Kind.PETITION_FILED,
    TimelineEvent.Kind.PLAN_CONFIRMED,
    TimelineEvent.Kind.EMERGENCE,
    TimelineEvent.Kind.CONVERSION,
    TimelineEvent.Kind.DISMISSAL,
}

# Events with no date sort after the dated events of the day their release came out.
_UNDATED_RANK = 9


# --- words -----------------------------------------------------------------------------------

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "AUD": "A$", "CHF": "CHF "}
AMOUNT_QUALIFIER_WORDS = {"in_excess_of": "more than", "about": "about", "up_to": "up to", "at_least": "at least"}


def _trimmed(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _spellings(value: Decimal) -> list[str]:
    """The ways a release may have written the number: '6,000,000', '5.3 million', '1.2 billion'."""
    whole = value == value.to_integral_value()
    digits = f"{value:,.0f}" if whole else f"{value:,.2f}"
    spellings = []
    for unit, size in (("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6)):
        scaled = value / size
        if value >= size and scaled == scaled.quantize(Decimal("0.001")):
            spellings.append(f"{_trimmed(scaled)} {unit}")
    return [*spellings, digits]


def number_as_written(value: Decimal, quotes: Iterable[str] = ()) -> str:
    """The number the way the source wrote it when a quote shows it, else the way a person would."""
    spellings = _spellings(value)
    said = " ".join(" ".join(q.split()) for q in quotes)
    for spelling in spellings:
        pattern = r"(?<![\d.,])" + re.escape(spelling).replace(r"\ ", r"\s+") + r"(?![\d,])"
        if said and re.search(pattern, said, re.I):
            return spelling
    return spellings[0]


def amount_words(
    value: Decimal | None, currency: str = "USD", qualifier: str = "", note: str = "", quotes: Iterable[str] = ()
) -> str:
    """'more than $6,000,000', '$5.3 million, yen-denominated', 'about $40 million'; '' without a value."""
    if value is None:
        return ""
    number = number_as_written(Decimal(value), quotes)
    symbol = CURRENCY_SYMBOLS.get(currency or "USD")
    money = f"{symbol}{number}" if symbol else f"{number} {currency}"
    words = " ".join(w for w in (AMOUNT_QUALIFIER_WORDS.get(qualifier or ""), money) if w)
    return f"{words}, {note}" if note else words


def parties_words(parties: Sequence[dict] | None) -> list[str]:
    """['CommScope Inc. (defendant)', 'Shin-Etsu (counterparty)']: robust to hand-edited JSON."""
    words = []
    for party in parties or []:
        if isinstance(party, dict) and party.get("name"):
            role = party.get("role") or ""
            words.append(f"{party['name']} ({role})" if role else str(party["name"]))
        elif isinstance(party, str) and party:
            words.append(party)
    return words


def datetime_attr(date: PartialDate | None) -> str:
    """The machine-readable <time datetime> value: 2003, 2003-07 or 2003-07-25."""
    return date.edtf if date else ""


def month_label(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


# --- conflicts -------------------------------------------------------------------------------


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


def _sources_disagree(sources: Sequence[EventSource]) -> list[str]:
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


# --- the chronology --------------------------------------------------------------------------


KIND_LABELS: dict[str, str] = dict(TimelineEvent.Kind.choices)


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


def group_by_month(entries: Sequence[Entry], year_counts: Mapping[int | None, int] | None = None) -> list[YearGroup]:
    """Entries (already in order) under their year, then month; year-only dates head their year.

    ``year_counts``: the number of events per year in the whole list, when ``entries`` is one page.
    """
    months = [MonthGroup(y, m, list(group)) for (y, m), group in groupby(entries, key=lambda e: e.month_key)]
    return [
        YearGroup(year, list(group), year_counts[year] if year_counts is not None else None)
        for year, group in groupby(months, key=lambda m: m.year)
    ]


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
    (``chronology_sources``) and their releases.

    Two queries, as a ``prefetch_related`` of the sources with their releases would be, without its
    cost per event (a queryset cloned for each) and per source (a release built for each row though
    a case has few releases): a release is built once, without its text, and shared by its sources.
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
        _mark_conflicts(entries)
    return entries


def _mark_conflicts(entries: list[Entry]) -> None:
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        entry.conflicts.extend(_sources_disagree(entry.sources))
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


# --- the page --------------------------------------------------------------------------------

ENTRIES_PER_PAGE = 200  # entries per page of a long chronology; a case with no more shows them all at once


def url_maker(name: str) -> Callable[[int], str]:
    """``pk -> URL`` for a route taking one pk, reversed once instead of once per event."""
    marker = 918273645
    before, after = reverse(name, args=[marker]).split(str(marker))
    return lambda pk: f"{before}{pk}{after}"


def entry_rows(entries: Iterable[Entry], staff: bool = False, edit_events: bool = False) -> list[dict]:
    """What the page prints for each entry, as plain values: the template only places them. ``staff``
    see what a person changed; ``edit_events``, those who may change events, a link to its admin form."""
    quote_url = url_maker("timeline:source_quote")
    release_url = url_maker("timeline:release_detail")
    edit_url = url_maker("admin:timeline_timelineevent_change") if edit_events else None
    releases: dict[int, tuple[str, str, str]] = {}
    rows = []
    for entry in entries:
        event = entry.event
        numbered = len(entry.sources) > 1
        sources = []
        for number, source in enumerate(entry.sources, 1):
            release = releases.get(source.release_id)
            if release is None:
                released = source.release.released
                release = releases[source.release_id] = (
                    str(source.release),
                    released.display() if released else "",
                    release_url(source.release_id),
                )
            sources.append(
                {
                    "label": f"Source {number}" if numbered else "Source",
                    "title": release[0],
                    "released": release[1],
                    "quote": source.quote,
                    "quote_url": quote_url(source.pk),
                    "release_url": f"{release[2]}#source-{source.pk}",
                }
            )
        css = "event"
        if entry.conflicts:
            css += " event--conflict"
        if entry.when is None:
            css += " event--undated"
        row = {
            "anchor": entry.anchor,
            "css": css,
            "dated": entry.when is not None,
            "reported": entry.reported is not None,
            "datetime": entry.datetime,
            "date_words": entry.date_words,
            "reported_words": entry.reported_words,
            "kind": event.kind,
            "kind_label": entry.kind_label,
            "conflicts": entry.conflicts,
            "touched_by_staff": entry.touched_by_staff,
            "unconfirmed": event.confidence_facts["event"].get("reason", "") if event.needs_review("event") else "",
            "summary": event.summary,
            "amount": entry.amount,
            "parties": entry.parties,
            "sources": sources,
        }
        if edit_url:
            row["edit_url"] = edit_url(event.pk)
        if staff:
            row["edited"] = ", ".join(str(f) for f in event.edited_fields or ())
            row["entered_by_staff"] = event.origin == "staff"
        rows.append(row)
    return rows


@dataclass
class ChronologyOutline:
    """What the case page reads of the whole (filtered) chronology, as plain values it can cache.

    The chips, the conflict count, the order of the shown events, their headings and conflict notes,
    the pictures (``svg.TimelinePicture``): all need every event of the case, so they are computed
    once per version of the case (``chronology_version``) and filter, and a page then reads only its
    own events (``page_entries``).
    """

    total: int  # before filtering
    kinds: list[KindCount]
    selected_kinds: list[str]
    date_from: dt.date | None
    date_to: dt.date | None
    conflict_count: int
    order: list[int]  # the pks of the shown (filtered) entries, in order
    month_keys: list[tuple[int | None, int | None]]  # of the shown entries, in order
    conflicts: dict[int, list[str]]  # pk -> notes, for the shown entries that have some
    first: dt.date | None
    last: dt.date | None
    timelines: list = field(default_factory=list)

    @property
    def filtered(self) -> bool:
        return bool(self.selected_kinds or self.date_from or self.date_to)

    @property
    def shown(self) -> int:
        return len(self.order)

    @cached_property
    def year_counts(self) -> Counter:
        return Counter(key[0] for key in self.month_keys)


def outline_of(chronology: Chronology, timelines: list | None = None) -> ChronologyOutline:
    entries = chronology.entries
    return ChronologyOutline(
        total=chronology.total,
        kinds=chronology.kinds,
        selected_kinds=chronology.selected_kinds,
        date_from=chronology.date_from,
        date_to=chronology.date_to,
        conflict_count=chronology.conflict_count,
        order=[e.pk for e in entries],
        month_keys=[e.month_key for e in entries],
        conflicts={e.pk: e.conflicts for e in entries if e.conflicts},
        first=chronology.first,
        last=chronology.last,
        timelines=timelines or [],
    )


@cache
def _version_sql() -> str:
    """The version of the chronology of the case whose pk is ``%(expressions)s``, as one text: the
    number of its events and their last ``updated``, the number of their sources and the last
    source id, the last ``updated`` of those sources' releases.

    Written as SQL (the same in SQLite and PostgreSQL) rather than as ORM aggregates in a ``Concat``:
    compiling that nest of casts costs more, per request, than a small case page's whole query.
    """
    event, source, release = (m._meta for m in (TimelineEvent, EventSource, Release))

    def text(value: str) -> str:
        return f"COALESCE(CAST({value} AS TEXT), '')"

    columns = ("COUNT(DISTINCT e.id)", "MAX(e.updated)", "COUNT(s.id)", "MAX(s.id)", "MAX(r.updated)")
    version = " || '|' || ".join(text(c) for c in columns)
    return (
        f"(SELECT {version}"
        f' FROM "{event.db_table}" e'
        f' LEFT JOIN "{source.db_table}" s ON s.event_id = e.id'
        f' LEFT JOIN "{release.db_table}" r ON r.id = s.release_id'
        " WHERE e.case_id = %(expressions)s)"
    )


class ChronologyVersion(Func):
    """``chronology_version`` of the case ``F("pk")`` names, as a correlated subquery (see _version_sql)."""

    output_field = CharField()

    @property
    def template(self) -> str:
        return _version_sql()


def with_chronology_version(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate ``chronology_version`` on each case, so the case page reads its case and the
    version of its chronology in one query."""
    return cases.annotate(chronology_version=ChronologyVersion(F("pk")))


def chronology_version(case: Case) -> str | None:
    """Changes whenever anything the outline of ``case`` depends on changes: one aggregate query, or
    none when ``case`` was read with ``with_chronology_version``.

    An event saved (admin, ``save()``, the bulk writes: ``TimelineEvent.updated``) or deleted (the
    count), a source added or deleted (their count, the last id), a release edited (its date places
    undated events: ``Release.updated``).
    """
    if "chronology_version" in case.__dict__:
        return case.chronology_version
    return with_chronology_version(Case.objects.filter(pk=case.pk)).values_list("chronology_version", flat=True).get()


def page_entries(case: Case, ids: Sequence[int], conflicts: Mapping[int, list[str]]) -> list[Entry]:
    """The entries of ``ids`` (in that order) with their conflict notes from the outline: two queries."""
    by_pk = {e.pk: e for e in build_entries(case_events(case, ids), conflicts=False)}
    entries = [by_pk[pk] for pk in ids if pk in by_pk]
    for entry in entries:
        entry.conflicts = list(conflicts.get(entry.pk, ()))
    return entries


@dataclass
class ChronologyPage:
    """One page of a chronology's (filtered) entries, grouped, with the numbers its pager needs."""

    number: int
    num_pages: int
    size: int
    count: int  # entries in the whole filtered chronology
    start_index: int  # 1-based, of this page's first entry
    end_index: int
    years: list[YearGroup]
    links: list[str] | None = None  # the address of each page, when paged

    @property
    def paged(self) -> bool:
        return self.num_pages > 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_param(self) -> int | None:
        """The ``page`` parameter of the previous page: none for the first, whose address has none."""
        return self.number - 1 if self.number > 2 else None

    @property
    def next_param(self) -> int:
        return self.number + 1

    @property
    def next_size(self) -> int:
        return min(self.count - self.end_index, self.end_index - self.start_index + 1)

    def href(self, index: int, anchor: str) -> str:
        """The link to the entry at ``index`` of the chronology: its anchor, on its page when another."""
        on = index // self.size + 1
        if not self.links or on == self.number:
            return f"#{anchor}"
        return f"{self.links[on - 1]}#{anchor}"


def page_number(value: object, num_pages: int) -> int:
    """A ``page`` parameter as a page that exists: junk is the first page, too far is the last."""
    try:
        number = int(str(value))
    except ValueError:
        return 1
    return min(max(number, 1), num_pages)


def chronology_page(
    outline: ChronologyOutline,
    entries_of: Callable[[list[int]], list[Entry]],
    number: object = 1,
    size: int = ENTRIES_PER_PAGE,
    staff: bool = False,
    page_link: Callable[[int], str] | None = None,
    edit_events: bool = False,
) -> ChronologyPage:
    """Page ``number`` of the outline's entries: its entries grouped and printed, year counts of the whole.

    ``entries_of(ids)`` gives the entries of the page (in order). ``page_link(n)`` is the address of
    page n (a query string): ``ChronologyPage.href`` leads a marker of the picture to its entry's page.
    """
    order = outline.order
    num_pages = max(1, -(-len(order) // size))
    number = page_number(number, num_pages)
    first = (number - 1) * size
    shown = entries_of(order[first : first + size])
    links = None
    if num_pages == 1:
        years = group_by_month(shown)
    else:
        years = group_by_month(shown, outline.year_counts)
        if first and shown and outline.month_keys[first - 1] == shown[0].month_key:
            years[0].months[0].continued = True
        if page_link:
            links = [page_link(n) for n in range(1, num_pages + 1)]
    rows = iter(entry_rows(shown, staff, edit_events))
    for year in years:
        for month in year.months:
            month.rows = [next(rows) for _ in month.entries]
    return ChronologyPage(number, num_pages, size, len(order), first + 1, first + len(shown), years, links)


def page_of_event(outline: ChronologyOutline, event_id: int, size: int = ENTRIES_PER_PAGE) -> int | None:
    """The page of the (filtered) chronology that shows event ``event_id``; None when it is not shown."""
    try:
        return outline.order.index(event_id) // size + 1
    except ValueError:
        return None


# --- the case list ---------------------------------------------------------------------------


def with_event_stats(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate ``event_count`` and ``latest_event_id`` per case: two correlated subqueries.

    Evaluated only for the page of rows the list shows; the latest events themselves are then
    fetched in one query (``latest_events``).
    """
    of_case = TimelineEvent.objects.filter(case=OuterRef("pk"))
    count = of_case.order_by().values("case").annotate(n=Count("id")).values("n")
    latest = of_case.order_by(F("sort_date").desc(nulls_last=True), "-sort_rank", "-id").values("id")[:1]
    return cases.annotate(
        event_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        latest_event_id=Subquery(latest),
    )


def latest_events(cases: Iterable[Case]) -> dict[int, TimelineEvent]:
    """The latest event of each case in ``cases`` (annotated by ``with_event_stats``), by case id."""
    by_event = {c.latest_event_id: c.pk for c in cases if c.latest_event_id}
    events = TimelineEvent.objects.in_bulk(list(by_event)) if by_event else {}
    return {by_event[pk]: event for pk, event in events.items()}


# --- sources in their text -------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class QuoteInContext:
    before: str
    quote: str
    after: str
    exact: bool  # False when the stored span no longer matches the release text


def _flat(text: str) -> str:
    """Hard-wrapped, column-aligned release text read as running prose."""
    return re.sub(r"\s+", " ", text)


def quote_in_paragraph(text: str, start: int, end: int, quote: str) -> QuoteInContext:
    """The paragraph(s) of ``text`` around [start, end), split so the span can be highlighted."""
    if not (0 <= start <= end <= len(text)) or _flat(text[start:end]).strip() != _flat(quote).strip():
        return QuoteInContext("", quote, "", exact=False)
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    para_start = max((b_end for b_start, b_end in breaks if b_end <= start), default=0)
    para_end = min((b_start for b_start, b_end in breaks if b_start >= end), default=len(text))
    return QuoteInContext(
        _flat(text[para_start:start]).lstrip(), _flat(text[start:end]), _flat(text[end:para_end]).rstrip(), True
    )


@dataclass(frozen=True)
class Segment:
    text: str
    sources: tuple[EventSource, ...] = ()
    starts: tuple[EventSource, ...] = ()  # sources whose span begins here: the anchors #source-N

    @property
    def first(self) -> EventSource | None:
        return self.sources[0] if self.sources else None

    @property
    def event_ids(self) -> list[int]:
        return sorted({s.event_id for s in self.sources})


def highlighted_segments(text: str, sources: Iterable[EventSource]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows the sources (events) that cover it.

    Overlapping spans (two events read from one sentence) become pieces covered by both, so the
    page never nests links.
    """
    spans = [s for s in sources if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s for s in spans if s.start <= a and b <= s.end)
        if segments and not covering and not segments[-1].sources:
            segments[-1] = Segment(segments[-1].text + text[a:b])
        else:
            segments.append(Segment(text[a:b], covering, tuple(s for s in covering if s.start == a)))
    return segments
