"""The visual timeline: geometry for a server-rendered inline SVG, no chart library.

A proportional axis from the first to the last event. Day-precise events are dots; month- and
year-precise events are bars over their whole period, so the picture never claims a day the
release did not give. Dots whose circles would touch merge into one counted marker, which keeps the
picture readable from 3 events to 500. Colours come from CSS classes (``k-<kind>``): the CSP
forbids inline styles. The template ``timeline/_timeline_svg.html`` draws what this computes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cases.partial_dates import DAY, YEAR

from .chronology import Entry

WIDTH = 800  # desktop drawing; NARROW_WIDTH is drawn too and shown on phones instead
NARROW_WIDTH = 380
MARGIN = 18
BAR_HEIGHT = 12
ROW_GAP = 6  # between the rows: year bars, month bars, dots, axis; a row without markers is left out
DOT_SPACING = 2  # dots whose circles would come nearer than this (SVG units) become one counted marker
TITLE_LINES = 8


def _fmt(x: float) -> str:
    return f"{x:.1f}"


@dataclass
class Marker:
    entries: list[Entry]
    x: float
    width: float = 0.0
    row: str = "day"  # day, month, year
    y: float = 0.0  # top of a bar, centre of a dot: set once the rows in use are known

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def href(self) -> str:
        """The first entry's anchor, with the address of its page when the chronology is paged."""
        first = self.entries[0]
        return first.link or f"#{first.anchor}"

    @property
    def css(self) -> str:
        kinds = {e.event.kind for e in self.entries}
        classes = ["mk", f"k-{kinds.pop()}" if len(kinds) == 1 else "k-mixed", f"row-{self.row}"]
        if self.count > 1:
            classes.append("cluster")
        if not any(e.dated for e in self.entries):
            classes.append("reported")
        if any(e.conflicts for e in self.entries):
            classes.append("conflict")
        return " ".join(classes)

    @property
    def title(self) -> str:
        def line(e: Entry) -> str:
            when = e.date_words or e.reported_words
            return f"{when}: {e.kind_label}: {e.event.summary}"

        if self.count == 1:
            return line(self.entries[0])
        lines = [line(e) for e in self.entries[:TITLE_LINES]]
        if self.count > TITLE_LINES:
            lines.append(f"… and {self.count - TITLE_LINES} more")
        return f"{self.count} events\n" + "\n".join(lines)

    # Drawing attributes, formatted once so the template stays plain.
    @property
    def cx(self) -> str:
        return _fmt(self.x)

    @property
    def cy(self) -> str:
        return _fmt(self.y)

    @property
    def radius(self) -> float:
        return 5.0 if self.count == 1 else min(11.0, 6.5 + len(str(self.count)) * 1.5)

    @property
    def r(self) -> str:
        return _fmt(self.radius)

    @property
    def bar_x(self) -> str:
        return _fmt(self.x)

    @property
    def bar_y(self) -> str:
        return _fmt(self.y)

    @property
    def bar_width(self) -> str:
        return _fmt(self.width)

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def label_x(self) -> str:
        return _fmt(self.x + self.width / 2) if self.row != "day" else _fmt(self.x)

    @property
    def label_y(self) -> str:
        return _fmt(self.y + BAR_HEIGHT - 3) if self.row != "day" else _fmt(self.y + 3.5)

    @property
    def show_label(self) -> bool:
        return self.count > 1 and (self.row == "day" or self.width >= 8 + 6 * len(str(self.count)))


@dataclass
class Tick:
    x: float
    label: str
    major: bool
    label_at: float = 0.0  # x kept inside the drawing so edge labels are not cut

    @property
    def tx(self) -> str:
        return _fmt(self.x)

    @property
    def label_x(self) -> str:
        return _fmt(self.label_at)


class Frame:
    """The drawing's box, shared by the timeline as built and as cached: ``width`` and ``height`` given."""

    width: int
    height: int
    axis_x1 = MARGIN

    @property
    def axis_x2(self) -> int:
        return self.width - MARGIN

    @property
    def narrow(self) -> bool:
        return self.width < WIDTH

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


@dataclass
class Timeline(Frame):
    start: dt.date
    end: dt.date
    markers: list[Marker]
    ticks: list[Tick]
    count: int
    width: int = WIDTH
    height: int = 112
    axis_y: int = 78
    axis_x1: int = MARGIN
    legend: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tick_top(self) -> int:
        return self.axis_y - 4

    @property
    def tick_bottom(self) -> int:
        return self.axis_y + 4

    @property
    def label_y(self) -> int:
        return self.axis_y + 20

    @property
    def dots(self) -> list[Marker]:
        return [m for m in self.markers if m.row == "day"]

    @property
    def bars(self) -> list[Marker]:
        return [m for m in self.markers if m.row != "day"]

    # The repeated elements as markup, built here once: the template would resolve some ten
    # variables per tick and marker, twice per page (wide and narrow), for the same few strings.
    @property
    def ticks_svg(self) -> SafeString:
        top, bottom, label_y = self.tick_top, self.tick_bottom, self.label_y
        parts = []
        for tick in self.ticks:
            css = "tick" + (" tick--major" if tick.major else "") + (" tick--labelled" if tick.label else "")
            parts.append(f'<line class="{css}" x1="{tick.tx}" x2="{tick.tx}" y1="{top}" y2="{bottom}"/>')
            if tick.label:
                label_css = "tick__label" + (" tick__label--major" if tick.major else "")
                parts.append(f'<text class="{label_css}" x="{tick.label_x}" y="{label_y}">{escape(tick.label)}</text>')
        return mark_safe("\n".join(parts))  # numbers, and text escaped above

    @property
    def bars_svg(self) -> SafeString:
        return _markers_svg(self.bars)

    @property
    def dots_svg(self) -> SafeString:
        return _markers_svg(self.dots)

    @property
    def description(self) -> str:
        clusters = sum(1 for m in self.markers if m.count > 1)
        words = f"{self.count} events from {self.start:%B %-d, %Y} to {self.end:%B %-d, %Y}"
        return f"{words}; nearby events are grouped ({clusters} groups)." if clusters else f"{words}."


def _after_href(m: Marker) -> str:
    """A marker's markup after the value of its link's ``href`` (which depends on the page shown)."""
    if m.row == "day":
        shape = f'<circle cx="{m.cx}" cy="{m.cy}" r="{m.r}"/>'
    else:
        shape = f'<rect x="{m.bar_x}" y="{m.bar_y}" width="{m.bar_width}" height="{m.bar_height}" rx="2"/>'
    count = f'<text class="mk__count" x="{m.label_x}" y="{m.label_y}">{m.count}</text>' if m.show_label else ""
    return f'" class="{escape(m.css)}">\n<title>{escape(m.title)}</title>\n{shape}\n{count}</a>'


def _markers_svg(markers: Sequence[Marker]) -> SafeString:
    parts = [f'<a href="{escape(m.href)}{_after_href(m)}' for m in markers]
    return mark_safe("\n".join(parts))  # numbers, and text escaped above


# A marker as cached: (index of its first entry in the chronology, that entry's anchor, the markup
# after its href).
MarkerMarkup = tuple[int, str, str]


@dataclass
class TimelinePicture(Frame):
    """A drawn ``Timeline`` as markup, without its entries: what the case page caches (pickled).

    Only the markers' links depend on the page shown; ``linked`` fills them in.
    """

    width: int
    height: int
    axis_y: int
    description: str
    ticks_svg: SafeString
    bars: list[MarkerMarkup]
    dots: list[MarkerMarkup]
    legend: list[tuple[str, str]]
    bars_svg: SafeString = SafeString()
    dots_svg: SafeString = SafeString()

    def linked(self, href: Callable[[int, str], str]) -> TimelinePicture:
        """This picture with its markers' links: ``href(index, anchor)`` of each marker's first entry."""

        def markup(markers: list[MarkerMarkup]) -> SafeString:
            return mark_safe("\n".join(f'<a href="{escape(href(i, anchor))}{rest}' for i, anchor, rest in markers))

        return replace(self, bars_svg=markup(self.bars), dots_svg=markup(self.dots))


def picture_of(timeline: Timeline, index: Mapping[int, int]) -> TimelinePicture:
    """``timeline`` as a ``TimelinePicture``; ``index``: event pk -> its place in the chronology."""

    def markers(ms: Sequence[Marker]) -> list[MarkerMarkup]:
        return [(index[m.entries[0].pk], m.entries[0].anchor, _after_href(m)) for m in ms]

    return TimelinePicture(
        width=timeline.width,
        height=timeline.height,
        axis_y=timeline.axis_y,
        description=timeline.description,
        ticks_svg=timeline.ticks_svg,
        bars=markers(timeline.bars),
        dots=markers(timeline.dots),
        legend=timeline.legend,
    )


def timeline_pictures(entries: Sequence[Entry]) -> list[TimelinePicture]:
    """The wide and the narrow picture of ``entries`` (a chronology, in order); none when nothing is placed."""
    index = {e.pk: i for i, e in enumerate(entries)}
    timelines = (build_timeline(entries), build_timeline(entries, NARROW_WIDTH))
    return [picture_of(t, index) for t in timelines if t]


def build_timeline(entries: Sequence[Entry], width: int = WIDTH) -> Timeline | None:
    """The picture of ``entries`` (already in order) ``width`` units wide, or None when none can be placed."""
    placed = [e for e in entries if e.placed]
    if not placed:
        return None
    first = min(e.start for e in placed)
    last = max(e.end for e in placed)
    start, end = _padded(first, last)
    span = (end - start).days or 1
    usable = width - 2 * MARGIN

    def x(day: dt.date) -> float:
        return MARGIN + (day - start).days / span * usable

    dots = _clustered([Marker([e], x(e.placed.value)) for e in placed if e.placed.precision == DAY])
    bars: dict[tuple[str, dt.date, dt.date], Marker] = {}
    for entry in placed:
        when = entry.placed
        if when.precision != DAY:
            row = "year" if when.precision == YEAR else "month"
            key = (row, entry.start, entry.end)
            if key in bars:
                bars[key].entries.append(entry)
            else:
                x0 = x(entry.start)
                bars[key] = Marker([entry], x0, max(3.0, x(entry.end + dt.timedelta(days=1)) - x0), row)
    markers = [*bars.values(), *dots]
    top = ROW_GAP
    for row in ("year", "month"):
        row_bars = [m for m in bars.values() if m.row == row]
        for bar in row_bars:
            bar.y = top
        if row_bars:
            top += BAR_HEIGHT + ROW_GAP
    radius = max((d.radius for d in dots), default=0)
    dot_y = top + radius + 2
    for dot in dots:
        dot.y = dot_y
    axis_y = round(dot_y + (radius + 10 if dots else 4))
    legend = []
    for entry in placed:
        pair = (entry.event.kind, entry.kind_label)
        if pair not in legend:
            legend.append(pair)
    ticks = _ticks(start, end, x, max_labels=max(3, width // 75))
    for tick in ticks:
        tick.label_at = min(max(tick.x, MARGIN + 12), width - MARGIN - 12)
    return Timeline(
        start, end, markers, ticks, len(placed), width=width, height=axis_y + 30, axis_y=axis_y, legend=legend
    )


def _clustered(dots: list[Marker]) -> list[Marker]:
    """Merge neighbouring dots whose circles would touch, until none do; a group sits at its mean."""
    dots.sort(key=lambda m: m.x)
    merged = True
    while merged:
        merged = False
        kept: list[Marker] = []
        for dot in dots:
            if kept and dot.x - kept[-1].x < kept[-1].radius + dot.radius + DOT_SPACING:
                group = kept[-1]
                group.x = (group.x * group.count + dot.x * dot.count) / (group.count + dot.count)
                group.entries.extend(dot.entries)
                merged = True
            else:
                kept.append(dot)
        dots = kept
    for dot in dots:
        dot.entries.sort(key=lambda e: e.sort_key)
    return dots


def _padded(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """At least two months wide, with a little air at both ends so edge markers are not cut."""
    days = (last - first).days
    if days < 60:
        extra = (60 - days) // 2
        return first - dt.timedelta(days=extra), last + dt.timedelta(days=60 - days - extra)
    air = dt.timedelta(days=max(3, math.ceil(days * 0.03)))
    return first - air, last + air


def _month_starts(start: dt.date, end: dt.date):
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = dt.date(year, month, 1)
        if day > end:
            return
        yield day


def _ticks(start: dt.date, end: dt.date, x, max_labels: int) -> list[Tick]:
    days = (end - start).days
    if days > 365 * 4:
        years = range(start.year + 1, end.year + 1)
        step = max(1, math.ceil(len(years) / max_labels))
        return [Tick(x(dt.date(y, 1, 1)), str(y) if y % step == 0 else "", y % step == 0) for y in years]
    months = list(_month_starts(start, end))
    if days > 90:
        step = next((s for s in (1, 2, 3, 6) if len(months) / s <= max_labels), 12)
        ticks = []
        for i, day in enumerate(months):
            labelled = (day.month - 1) % step == 0
            text = (str(day.year) if day.month == 1 else f"{day:%b}") if labelled else ""
            if labelled and i == 0 and day.month != 1:
                text = f"{day:%b %Y}"
            ticks.append(Tick(x(day), text, labelled and day.month == 1))
        return ticks
    ticks = [Tick(x(day), f"{day:%b %Y}", True) for day in months]
    day = start + dt.timedelta(days=1)
    weekly = (8, 15, 22) if max_labels >= 8 else (15,)
    while day < end:
        if day.day in weekly:
            ticks.append(Tick(x(day), f"{day:%b} {day.day}", False))
        day += dt.timedelta(days=1)
    return sorted(ticks, key=lambda t: t.x)
