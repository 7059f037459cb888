"""A case's chronology for other programs: JSON, CSV, iCalendar, and Atom feeds.

The JSON keeps the extraction contract's names (kind, date{value,precision,qualifier,text},
summary, amount{value,currency,qualifier,note}, parties, evidence) and adds where each fact was
read (sources). docs/exports.md documents every field; change both together.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from cases.models import Case, Person
from cases.partial_dates import DAY, MONTH, YEAR, PartialDate

from .chronology import Entry, amount_words, parties_words
from .models import TimelineEvent

FORMAT = "bankruptcy-chronology/case/1"
APP_NAME = "Bankruptcy Chronologies"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(date: PartialDate | None) -> dict | None:
    return date.to_contract() if date else None


def _parties(parties) -> list[dict]:
    out = []
    for party in parties or []:
        if isinstance(party, dict) and party.get("name"):
            out.append({"name": str(party["name"]), "role": party.get("role") or None})
        elif isinstance(party, str) and party:
            out.append({"name": party, "role": None})
    return out


def _court(case: Case) -> dict | None:
    if not case.court:
        return None
    return {"id": case.court.id, "name": case.court.name, "citation": case.court.citation, "division": case.division}


def case_facts(request: HttpRequest, case: Case, people=(), joint=()) -> dict:
    def ref(other: Case) -> dict:
        return {
            "id": other.pk,
            "url": request.build_absolute_uri(other.get_absolute_url()),
            "debtor": other.company.name,
        }

    return {
        "id": case.pk,
        "url": request.build_absolute_uri(case.get_absolute_url()),
        "debtor": {"name": case.company.name, "ticker": case.company.ticker or None},
        "court": _court(case),
        "chapter": case.chapter,
        "voluntary": case.voluntary,
        "case_number": case.case_number or None,
        "petition_date": _date(case.petition),
        "status": case.status,
        "lead_case": ref(case.lead_case) if case.lead_case_id else None,
        "jointly_administered": [ref(c) for c in joint],
        "people": [{"name": p.name, "title": p.title or None} for p in people],
        "corrected_by_staff": case.touched_by_staff,
    }


def event_record(request: HttpRequest, entry: Entry, page: str) -> dict:
    """One event: the contract's fields, then how to show it, where it was read and its marks."""
    e = entry.event
    sources = [
        {
            "release": {
                "id": s.release_id,
                "url": request.build_absolute_uri(s.release.get_absolute_url()),
                "title": str(s.release),
                "release_date": _date(s.release.released),
            },
            "start": s.start,
            "end": s.end,
            "quote": s.quote,
            "context_url": request.build_absolute_uri(reverse("timeline:source_quote", args=[s.pk])),
        }
        for s in entry.sources
    ]
    first = entry.sources[0] if entry.sources else None
    return {
        "id": e.pk,
        "url": f"{page}#{entry.anchor}",
        "kind": e.kind,
        "kind_label": entry.kind_label,
        "date": _date(entry.when),
        "date_display": entry.date_words or entry.reported_words,
        "reported": _date(entry.reported),
        "summary": e.summary,
        "amount": None
        if e.amount is None
        else {
            "value": _number(e.amount),
            "currency": e.currency,
            "qualifier": e.amount_qualifier or None,
            "note": e.amount_note or None,
        },
        "amount_display": entry.amount or None,
        "parties": _parties(e.parties),
        "evidence": {"start": first.start, "end": first.end, "quote": first.quote} if first else None,
        "sources": sources,
        "conflicts": entry.conflicts,
        "corrected_by_staff": entry.touched_by_staff,
    }


def case_document(
    request: HttpRequest,
    case: Case,
    entries: list[Entry],
    people: list[Person],
    joint: list[Case],
    now: dt.datetime,
) -> dict:
    page = request.build_absolute_uri(case.get_absolute_url())
    return {
        "format": FORMAT,
        "generated_at": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "case": case_facts(request, case, people, joint),
        "events": [event_record(request, entry, page) for entry in entries],
    }


# --- CSV -----------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "event_id",
    "kind",
    "kind_label",
    "date",
    "date_precision",
    "date_qualifier",
    "date_text",
    "date_display",
    "reported_date",
    "summary",
    "amount",
    "currency",
    "amount_qualifier",
    "amount_note",
    "amount_display",
    "parties",
    "sources",
    "conflicts",
    "corrected_by_staff",
    "url",
]


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """No cell may run as a spreadsheet formula (=HYPERLINK(...), +cmd, @SUM): text starting like one is
    quoted, whatever the column (a currency or a qualifier is text a release or a person wrote too). A
    number (an id, an amount) is written as the number it is: '-5.00' is no formula, and stays a number."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, int):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def case_csv(request: HttpRequest, case: Case, entries: list[Entry]) -> str:
    page = request.build_absolute_uri(case.get_absolute_url())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        e, when = entry.event, entry.when
        row = [
            e.pk,
            e.kind,
            entry.kind_label,
            when.edtf if when else "",
            when.precision if when else "",
            (when.qualifier or "") if when else "",
            when.text if when else "",
            entry.date_words or entry.reported_words,
            entry.reported.edtf if entry.reported else "",
            e.summary,
            e.amount,
            e.currency if e.amount is not None else "",
            e.amount_qualifier,
            e.amount_note,
            entry.amount,
            "; ".join(parties_words(e.parties)),
            "; ".join(request.build_absolute_uri(s.release.get_absolute_url()) for s in entry.sources),
            " ".join(entry.conflicts),
            "yes" if entry.touched_by_staff else "no",
            f"{page}#{entry.anchor}",
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


# --- iCalendar -----------------------------------------------------------------------------------


def _all_day_range(date: PartialDate) -> tuple[dt.date, dt.date]:
    """All-day DTSTART and exclusive DTEND: a day, the whole month, or the whole year."""
    return date.value, date.last_day() + dt.timedelta(days=1)


def _calendar_summary(case: Case, entry: Entry) -> str:
    title = f"{case.company.name}: {entry.kind_label}: {entry.event.summary}"
    if entry.when is None:
        return f"{title} (date not given; {entry.reported_words})"
    if entry.when.precision == MONTH:
        return f"{title} ({entry.date_words}; day not given)"
    if entry.when.precision == YEAR:
        return f"{title} ({entry.date_words}; month and day not given)"
    if entry.when.qualifier:
        return f"{title} ({entry.date_words})"
    return title


def case_calendar(request: HttpRequest, case: Case, entries: list[Entry]) -> bytes:
    """All-day events; a month-precise event spans its month, a year-precise one its year.

    An event the release gave no date for sits on the day of the release that reported it and
    says so. Events that cannot be placed at all are left out.
    """
    host = request.get_host().split(":")[0] or "localhost"
    page = request.build_absolute_uri(case.get_absolute_url())
    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME}//{host}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{case.company.name}: chronology")
    for entry in entries:
        placed = entry.placed
        if placed is None:
            continue
        e = entry.event
        start, end = _all_day_range(placed if entry.when else PartialDate(placed.value, DAY))
        lines = [f"Date: {entry.date_words or entry.reported_words}"]
        if entry.amount:
            lines.append(f"Amount: {entry.amount}")
        if entry.parties:
            lines.append("Parties: " + "; ".join(entry.parties))
        lines.extend(f"Sources disagree: {note}" for note in entry.conflicts)
        for release in entry.releases:
            released = f", {release.released.display()}" if release.released else ""
            lines.append(f"Source: {release}{released}")
        lines.append(f"{page}#{entry.anchor}")
        item = CalendarEvent()
        item.add("uid", f"event-{e.pk}@{host}")
        item.add("dtstamp", e.created)
        item.add("dtstart", start)
        item.add("dtend", end)
        item.add("summary", _calendar_summary(case, entry))
        item.add("description", "\n".join(lines))
        item.add("categories", [entry.kind_label])
        item.add("url", f"{page}#{entry.anchor}")
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
    return cal.to_ical()


# --- Atom feeds ----------------------------------------------------------------------------------


class TextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (``type="text"``), as everything the feeds say is. Django
    sends them as ``type="html"``: a release's own '&lt;script&gt;' then reached readers as markup."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class CaseEventsFeed(Feed):
    """The events of one case, newest written first: follow a case without revisiting it."""

    feed_type = TextAtom1Feed

    def get_object(self, request, pk: int) -> Case:
        return get_object_or_404(Case.objects.for_list(), pk=pk)

    def title(self, case: Case) -> str:
        return f"{case.company.name}: chronology"

    def subtitle(self, case: Case) -> str:
        return str(case)

    def link(self, case: Case) -> str:
        return case.get_absolute_url()

    def items(self, case: Case) -> QuerySet[TimelineEvent]:
        return case.events.select_related("case").order_by("-created", "-id")[:100]

    def item_title(self, event: TimelineEvent) -> str:
        when = event.when.display() if event.when else "date not given"
        return f"{when}: {event.get_kind_display()}: {event.summary}"

    def item_description(self, event: TimelineEvent) -> str:
        parts = [event.summary]
        amount = amount_words(event.amount, event.currency, event.amount_qualifier, event.amount_note)
        if amount:
            parts.append(f"Amount: {amount}.")
        parties = parties_words(event.parties)
        if parties:
            parts.append("Parties: " + "; ".join(parties) + ".")
        return " ".join(parts)

    def item_link(self, event: TimelineEvent) -> str:
        return reverse("timeline:case_detail", args=[event.case_id]) + f"#event-{event.pk}"

    def item_pubdate(self, event: TimelineEvent) -> dt.datetime:
        return event.created

    def item_updateddate(self, event: TimelineEvent) -> dt.datetime:
        return event.created

    def item_categories(self, event: TimelineEvent) -> list[str]:
        return [event.get_kind_display()]


class NewCasesFeed(Feed):
    """Cases as they are added: the newest 50."""

    feed_type = TextAtom1Feed
    title = f"{APP_NAME}: new cases"
    subtitle = "Bankruptcy cases read from press releases, newest first."

    def link(self) -> str:
        return reverse("timeline:case_list")

    def items(self) -> QuerySet[Case]:
        return Case.objects.for_list().order_by("-created", "-id")[:50]

    def item_title(self, case: Case) -> str:
        return str(case)

    def item_description(self, case: Case) -> str:
        petition = case.petition.display() if case.petition else "not reported"
        number = case.case_number or "not reported"
        return f"Petition date: {petition}. Case number: {number}. Status: {case.get_status_display()}."

    def item_pubdate(self, case: Case) -> dt.datetime:
        return case.created

    def item_updateddate(self, case: Case) -> dt.datetime:
        return case.created
