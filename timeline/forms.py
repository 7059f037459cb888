"""The GET forms of the public pages: they validate the query string, so a hand-edited URL never errors."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import cached_property

from django import forms
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, Max, Min, OuterRef, QuerySet, Subquery
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from cases.models import Case, Court

from .chronology import KIND_LABELS, url_maker
from .models import TimelineEvent
from .templatetags.chronology import partial_time

CASE_SORTS = {
    "newest": ("Newest petition first", ["-petition_date", "-id"]),
    "oldest": ("Oldest petition first", ["petition_date", "id"]),
    "debtor": ("Debtor A–Z", ["company__name", "id"]),
    "added": ("Recently added", ["-created", "-id"]),
}
PAGE_SIZE = 25
SEARCH_MAX_LENGTH = 200  # longer than any debtor, number and court together: past it, a paste gone wrong


def courts_with_cases():
    """(id, citation) of the courts that hold at least one case: an EXISTS per court (about 100 rows,
    each an index-only probe), not a scan of the cases; tuples, not Court rows with their divisions."""
    return (
        Court.objects.filter(Exists(Case.objects.filter(court=OuterRef("pk"))))
        .order_by("citation")
        .values_list("id", "citation")
    )


def petition_years() -> list[int]:
    """Newest first, from the earliest to the latest petition: the first and last of the indexed column.

    PostgreSQL reads both ends of the index for a MIN and a MAX in one SELECT. SQLite reads a lone
    min() or max() from the index but scanned every case for both in one (22 ms of 100,000 cases;
    0.1 ms as two): there each end is a subquery of its own, still one query for the page.
    """
    if connection.vendor == "sqlite":
        dated = Case.objects.filter(petition_date__isnull=False).values("petition_date")
        ends = Case.objects.order_by().values_list(
            Subquery(dated.order_by("petition_date")[:1]), Subquery(dated.order_by("-petition_date")[:1])
        )
        first, last = ends.first() or (None, None)
    else:
        first, last = Case.objects.aggregate(first=Min("petition_date"), last=Max("petition_date")).values()
    if not first:
        return []
    return list(range(last.year, first.year - 1, -1))


class Select(forms.Select):
    """forms.Select rendered by Django's own templates, and kept in the cache under everything the
    rendering reads (name, value, attributes, choices): the case list's five selects hold ~150
    options, and rendering an included template per option and per attribute took ~30 ms of every
    request. The same inputs give the same markup, so a hit is what a render would be."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        choices = [
            (v, [(o, str(ol)) for o, ol in label] if isinstance(label, list | tuple) else str(label))
            for v, label in self.choices
        ]  # lazy labels as text, optgroups as lists
        inputs = (name, value, attrs, self.attrs, self.allow_multiple_selected, choices, get_language())
        key = f"select-html:{hashlib.sha256(repr(inputs).encode()).hexdigest()}"
        html = cache.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            cache.set(key, str.__str__(html), SELECT_TIMEOUT)  # a str, not the SafeString
        return mark_safe(html)  # Django's templates escaped it when it was rendered


SELECT_TIMEOUT = 24 * 3600  # the key holds every input: a new court or year makes a new key


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        label="Search cases",
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={
            "max_length": "A search can be at most %(limit_value)d characters long; this one has %(show_value)d."
        },
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "Debtor, ticker, case number or court",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )
    court = forms.ChoiceField(label="Court", required=False, widget=Select)
    chapter = forms.TypedChoiceField(
        label="Chapter",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any chapter"), *Case.Chapter.choices],
        widget=Select,
    )
    year = forms.TypedChoiceField(label="Petition year", required=False, coerce=int, empty_value=None, widget=Select)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Case.Status.choices], widget=Select
    )
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=[(key, label) for key, (label, _) in CASE_SORTS.items()], widget=Select
    )

    def __init__(self, data, courts, years):
        super().__init__(data)
        self.courts = list(courts)  # the search picks the courts a word names from them
        self.fields["court"].choices = [
            ("", "Any court"),
            *((pk, f"{citation} ({pk})") for pk, citation in self.courts),
        ]
        self.fields["year"].choices = [("", "Any year"), *((y, str(y)) for y in years)]

    def values(self) -> dict:
        """The valid fields only: one bad parameter does not throw away the others."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) for name in self.fields}

    def cases(self):
        v = self.values()
        cases = Case.objects.for_list().narrowed(v["court"], v["chapter"], v["year"], v["status"])
        if v["q"]:
            cases = cases.search(v["q"], courts=self.courts)
        return cases.order_by(*CASE_SORTS[v["sort"] or "newest"][1])

    def results(self, rows: Callable[[QuerySet], QuerySet] = lambda cases: cases):
        """What the Paginator pages: ``rows(cases)`` (the page's annotations), or for a search
        the ``SearchResults`` that match it once. A search too long to run matches nothing (and says why)."""
        if self.has_error("q"):
            return Case.objects.none()
        if not self.values()["q"]:
            return rows(self.cases())
        return SearchResults(self.cases(), Case.objects.for_list(), rows)

    @property
    def active(self) -> bool:
        v = self.values()
        return self.has_error("q") or any(v[name] for name in ("q", "court", "chapter", "year", "status"))


class SearchResults:
    """A search's cases as the Paginator reads them: ``count()`` and one slice.

    The matching ids are read once, in order: one query, the words matched and intersected in the
    database, filtered and sorted. The count is their number and the page is its ids' rows by key
    (``rows(base)`` filtered to them), so the match is neither run again for the page nor a second
    time for the count. Reading every id costs less than running the match twice even when it
    holds every case (100,000 ids: 0.3 s where COUNT and the page query took 1.3 s on PostgreSQL),
    and the list is 8 bytes an id in the query's result, ~36 bytes in Python.
    """

    ordered = True  # the Paginator warns about unordered lists

    def __init__(self, cases: QuerySet, base: QuerySet, rows: Callable[[QuerySet], QuerySet]):
        self.cases, self.base, self.rows = cases, base, rows

    @cached_property
    def ids(self) -> list[int]:
        return list(self.cases.values_list("pk", flat=True))

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: slice) -> list:
        page = self.ids[key]
        if not page:
            return []
        by_pk = {case.pk: case for case in self.rows(self.base.filter(pk__in=page)).order_by()}
        return [by_pk[pk] for pk in page if pk in by_pk]  # one deleted since is left out


def list_rows(cases: list[Case]) -> list[Case]:
    """What each row of the case list prints, computed once per case (``latest_event`` set): the
    template only places it. One reverse() for every row's link, the choices' labels from one dict
    (get_FOO_display rebuilds it per call), the dates' markup from the partial_time filter."""
    case_url = url_maker("timeline:case_detail")
    statuses = {value: str(label) for value, label in Case.Status.choices}
    for case in cases:
        case.url = case_url(case.pk)
        case.status_label = statuses.get(case.status, case.status)
        case.petition_html = partial_time(case.petition, "not reported")
        event = getattr(case, "latest_event", None)
        if event is not None:
            event.kind_label = KIND_LABELS.get(event.kind, event.kind)
            when = event.when
            event.when_html = partial_time(when) if when else ""
            event.summary_short = Truncator(event.summary).chars(90)
    return cases


def _partial_date_bound(value: str, end: bool) -> dt.date:
    """'2003', '2003-07' or '2003-07-14': a range bound covers the whole year or month it names."""
    value = value.strip()
    try:
        if len(value) == 4:
            year = int(value)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(value) == 7:
            first = dt.date.fromisoformat(value + "-01")
            if not end:
                return first
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.", code="invalid") from None


class EventLinkForm(forms.Form):
    """``?event=N``, a link to one event of a long chronology: N is an event's id, or the link leads to
    the first page (``str.isdigit`` takes '²' for a digit, ``int`` does not)."""

    event = forms.IntegerField(min_value=1)

    def event_id(self) -> int | None:
        return self.cleaned_data["event"] if self.is_valid() else None


class ChronologyFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(label="Kinds", required=False, choices=TimelineEvent.Kind.choices)
    date_from = forms.CharField(
        label="From",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric", "size": 10}),
    )
    date_to = forms.CharField(
        label="To",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric", "size": 10}),
    )

    def __init__(self, data):
        # "from" and "to" in the URL read better than date_from/date_to
        data = data.copy()
        for short, name in (("from", "date_from"), ("to", "date_to")):
            if short in data:
                data[name] = data[short]
        super().__init__(data)

    def clean_date_from(self):
        value = self.cleaned_data["date_from"]
        return _partial_date_bound(value, end=False) if value else None

    def clean_date_to(self):
        value = self.cleaned_data["date_to"]
        return _partial_date_bound(value, end=True) if value else None

    def values(self) -> dict:
        self.is_valid()
        return {
            "kinds": self.cleaned_data.get("kind") or [],
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
        }
