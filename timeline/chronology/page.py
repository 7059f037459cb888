"""One page of a long chronology: the outline it is cut from (cached), its entries, their rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse

from cases.models import Case

from .entries import Chronology, Entry, KindCount, build_entries, case_events
from .grouping import YearGroup, group_by_month

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
