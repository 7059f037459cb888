"""The review queue: imported facts scored under the review line, and what a person does with each.

A fact is one scored field of a company (its name, its ticker), of a case (chapter, court, case
number, petition date, voluntary) or a whole event. Confirming it makes the value a person's;
correcting it sets the person's value; deleting it empties a case field or removes an event. Each is
one saved change, kept in history with who made it, and no later import changes the fact again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain

from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from cases.fields import review_below, set_partial_date
from cases.models import Case, Company, CompanyAlias, normalize_company_name
from cases.partial_dates import PartialDate

from .models import EventSource, Release, TimelineEvent

MODELS = {"company": Company, "case": Case, "event": TimelineEvent}
KINDS = (("", "All facts"), ("company", "Debtors and tickers"), ("case", "Case fields"), ("event", "Events"))
LABELS = {
    ("company", "name"): "Debtor's name",
    ("company", "ticker"): "Ticker",
    ("case", "chapter"): "Chapter",
    ("case", "voluntary"): "Voluntary or involuntary",
    ("case", "court"): "Court",
    ("case", "case_number"): "Case number",
    ("case", "petition_date"): "Petition date",
    ("event", "event"): "Event",
}
# what deleting a fact does: a case field is emptied (and stays empty), an event is removed
DELETABLE = {("company", "ticker"), ("case", "chapter"), ("case", "voluntary"), ("case", "court"),
             ("case", "case_number"), ("case", "petition_date"), ("event", "event")}  # fmt: skip
REASON_CONFIRMED = "confirmed in the review queue"
REASON_CORRECTED = "corrected in the review queue"
REASON_DELETED = "deleted in the review queue"


@dataclass
class Item:
    """One fact waiting for a person."""

    model: str  # company, case, event
    obj: Company | Case | TimelineEvent
    fact: str
    score: int
    reason: str
    quote: str
    release: Release | None

    @property
    def key(self) -> str:
        return f"{self.model}-{self.obj.pk}-{self.fact}"

    @property
    def label(self) -> str:
        return LABELS[(self.model, self.fact)]

    @property
    def admin_url(self) -> str:
        meta = self.obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk])

    @property
    def deletable(self) -> bool:
        return (self.model, self.fact) in DELETABLE

    @property
    def case(self) -> Case | None:
        if self.model == "case":
            return self.obj
        if self.model == "event":
            return self.obj.case
        return None

    @property
    def value(self) -> str:
        """The value as the importer wrote it, in words."""
        obj = self.obj
        if self.model == "event":
            when = obj.when.display() if obj.when else "date not given"
            return f"{obj.get_kind_display()}, {when}: {obj.summary}"
        if self.fact == "court":
            return f"{obj.court.name} ({obj.court.citation})" if obj.court_id else "not reported"
        if self.fact == "chapter":
            return obj.get_chapter_display() if obj.chapter else "not reported"
        if self.fact == "voluntary":
            return {True: "voluntary petition", False: "involuntary petition"}.get(obj.voluntary, "not reported")
        if self.fact == "petition_date":
            return obj.petition.display() if obj.petition else "not reported"
        return getattr(obj, self.fact) or "not reported"


def _open_rows(model: str, limit: int):
    below = review_below()
    rows = MODELS[model].objects.filter(confidence__lt=below).order_by("confidence", "pk")
    if model == "case":
        rows = rows.select_related("company", "court")
    elif model == "event":
        sources = EventSource.objects.select_related("release").only(
            "event_id", "start", "end", "quote", "release__id", "release__title", "release__origin"
        )
        rows = rows.select_related("case__company", "case__court").prefetch_related(Prefetch("sources", sources))
    return list(rows[:limit])


def _items_of(model: str, obj, releases: dict[str, Release]) -> list[Item]:
    items = []
    for fact, entry in obj.confidence_facts.items():
        if not obj.needs_review(fact) or (model, fact) not in LABELS:
            continue
        release = next((releases[sha] for sha in entry.get("releases", ()) if sha in releases), None)
        quote = entry.get("quote", "")
        if model == "event":
            source = next(iter(obj.sources.all()), None)
            release, quote = (source.release, source.quote) if source else (release, quote)
        items.append(Item(model, obj, fact, entry["score"], entry.get("reason", ""), quote, release))
    return items


def open_items(kind: str = "", limit: int = 50) -> list[Item]:
    """The facts under the review line, the least sure first (at most ``limit``, a few queries in all)."""
    models = [kind] if kind in MODELS else list(MODELS)
    rows = {model: _open_rows(model, limit) for model in models}
    shas = {
        sha for obj in chain(*rows.values()) for e in obj.confidence_facts.values() for sha in e.get("releases", ())
    }
    releases = {r.sha256: r for r in Release.objects.filter(sha256__in=shas).only("sha256", "title", "origin")}
    items = [item for model, objs in rows.items() for obj in objs for item in _items_of(model, obj, releases)]
    items.sort(key=lambda i: (i.score, i.model, i.obj.pk, i.fact))
    return items[:limit]


def open_count() -> int:
    """Rows with a fact under the review line (a row may hold more than one such fact)."""
    below = review_below()
    return sum(model.objects.filter(confidence__lt=below).count() for model in MODELS.values())


def find(model: str, pk: int, fact: str) -> Item | None:
    """The item for one fact, whether or not it is still open (the caller checks)."""
    if model not in MODELS or (model, fact) not in LABELS:
        return None
    rows = MODELS[model].objects.filter(pk=pk)
    if model != "company":
        rows = rows.select_related(*(("company", "court") if model == "case" else ("case__company", "case__court")))
    obj = rows.first()
    if obj is None or fact not in obj.confidence_facts:
        return None
    entry = obj.confidence_facts[fact]
    return Item(model, obj, fact, entry["score"], entry.get("reason", ""), entry.get("quote", ""), None)


def _stamp() -> str:
    return timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds")


def confirm(item: Item, user) -> None:
    """The value stands, now as a person's: no import changes it."""
    obj = item.obj
    obj.confirm_fact(item.fact, user.get_username(), _stamp())
    obj._change_reason = REASON_CONFIRMED
    obj.save()


def correct(item: Item, values: dict, user) -> list[str]:
    """Set the person's values (field -> value; a partial date as a PartialDate) and confirm the fact.
    Returns the fields that changed (none: it was a confirmation after all)."""
    obj = item.obj
    misread = obj.name if item.model == "company" else ""
    changed = [field for field, value in values.items() if _current(obj, field) != _comparable(value)]
    for field in changed:
        value = values[field]
        if field in ("petition_date", "date"):
            set_partial_date(obj, field, value)
        else:
            setattr(obj, field, value)
    with transaction.atomic():
        if changed:
            obj.mark_edited(changed)
        obj.confirm_fact(item.fact, user.get_username(), _stamp())
        obj._change_reason = REASON_CORRECTED if changed else REASON_CONFIRMED
        obj.save()
        if "name" in changed and item.model == "company":
            _remember_misread(obj, misread)
    return changed


def _remember_misread(company: Company, misread: str) -> None:
    """The name the import wrote stays the company's alias: a release writing it again joins this debtor."""
    key = normalize_company_name(misread)
    if key != company.normalized_name:
        CompanyAlias.objects.get_or_create(normalized_name=key, defaults={"company": company, "name": misread})


def _current(obj, field: str):
    if field in ("petition_date", "date"):
        if getattr(obj, field) is None:
            return None
        return (getattr(obj, field), getattr(obj, f"{field}_precision"), getattr(obj, f"{field}_qualifier") or None)
    if field == "court":
        return obj.court_id
    return getattr(obj, field)


def _comparable(value):
    if isinstance(value, PartialDate):
        return (value.value, value.precision, value.qualifier)
    if value is None:
        return None
    return getattr(value, "pk", value)


def delete(item: Item, user) -> None:
    """An event is removed (its history keeps it, and an import does not add it back); a case field or a
    ticker is emptied, and stays empty: the empty value is the person's."""
    if not item.deletable:
        raise ValueError(f"{item.label} cannot be deleted")
    obj = item.obj
    if item.model == "event":
        obj._change_reason = REASON_DELETED
        obj.delete()
        return
    empty: dict = {"court": None, "chapter": None, "voluntary": None, "case_number": "", "ticker": ""}
    if item.fact == "petition_date":
        set_partial_date(obj, "petition_date", None)
    else:
        setattr(obj, item.fact, empty[item.fact])
    if item.fact == "court":
        obj.division = ""
    with transaction.atomic():
        obj.mark_edited([item.fact])
        obj.confirm_fact(item.fact, user.get_username(), _stamp())
        obj._change_reason = REASON_DELETED
        obj.save()


def partial_date(value: str, qualifier: str = "") -> PartialDate | None:
    """'2003', '2003-07' or '2003-07-14' (and a qualifier) as a partial date; '' is none."""
    value = value.strip()
    if not value:
        return None
    if len(value) == 4 and value.isdigit():
        return PartialDate(dt.date(int(value), 1, 1), "year", qualifier or None)
    if len(value) == 7:
        return PartialDate(dt.date.fromisoformat(value + "-01"), "month", qualifier or None)
    return PartialDate(dt.date.fromisoformat(value), "day", qualifier or None)
