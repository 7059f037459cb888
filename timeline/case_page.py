"""The case page's parts, read and rendered at the least cost that keeps them exact.

A warm case page is one query: the case with its chronology's version (``with_chronology_version``)
and the lists of its head (``HeadList``: people, lead and jointly administered cases, releases) read
as JSON in the same row. The chronology's outline, its rendered partial and the rendered head are
cached under keys that hold everything they show (the version, the query string, the path, the kind
of user, the rows themselves), so an edit makes a new key and never a stale page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import F, Func, TextField
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cases.models import Case, Company, Person

from .chronology import (
    ChronologyOutline,
    Entry,
    build_chronology,
    chronology_page,
    chronology_version,
    outline_of,
    page_entries,
    with_chronology_version,
)
from .forms import ChronologyFilterForm
from .models import Release, TimelineEvent
from .permissions import may_change
from .svg import timeline_pictures


def case_with_lead():
    """Cases with what a page of one shows beside it: company, court, lead case."""
    return Case.objects.for_list().select_related("lead_case__company", "lead_case__court")


def page_link(query: QueryDict) -> Callable[[int], str]:
    """``n -> "?...&page=n"``: the current filters with page n (the first page has no ``page``)."""
    query = query.copy()
    query.pop("event", None)

    def link(number: int) -> str:
        if number > 1:
            query["page"] = str(number)
        else:
            query.pop("page", None)
        return f"?{query.urlencode()}"

    return link


OUTLINE_TIMEOUT = 24 * 3600  # the key holds the case's version: an edit makes a new key, not a stale page


# The case page's head lists, read with the case as JSON (one query for the whole warm page): for
# each, the rows and the columns of the query it replaces, in that query's own ORDER BY as the
# database applies it (NULLs and collation as before). `{case}` is the outer case row.
_HEAD_LISTS = {
    "lead_case": (  # a list of one or none, instead of joining three tables more to every case page
        '"cases_case" x INNER JOIN "cases_company" c ON c.id = x.company_id WHERE x.id = {case}.lead_case_id',
        "x.id",
        ("x.id", "x.case_number", "x.company_id", "c.name"),
    ),
    "people": (
        '"cases_person" x WHERE x.company_id = {case}.company_id',
        "x.id",  # in the order the releases named them
        ("x.id", "x.name", "x.title"),
    ),
    "joint_cases": (
        '"cases_case" x INNER JOIN "cases_company" c ON c.id = x.company_id WHERE x.lead_case_id = {case}.id',
        "x.petition_date DESC, c.name ASC",  # Case.Meta.ordering
        ("x.id", "x.case_number", "x.company_id", "c.name"),
    ),
    "releases": (
        '"timeline_release" x WHERE x.case_id = {case}.id',
        "x.release_date ASC, x.id ASC",
        ("x.id", "x.title", "x.origin", "x.release_date", "x.release_date_precision", "x.release_date_qualifier",
         "x.release_date_text"),
    ),
}  # fmt: skip


class HeadList(Func):
    """One of ``_HEAD_LISTS`` as a JSON text of rows (``_rows`` reads it).

    PostgreSQL aggregates them in order (``json_agg(... ORDER BY ...)``). SQLite 3.40 has no ordered
    aggregate and keeps no order in ``json_group_array``: each row starts with its ``ROW_NUMBER()``
    in that order. (A window costs PostgreSQL's planner more, per request, than the whole query runs.)
    """

    output_field = TextField()

    def __init__(self, name: str):
        self.name = name
        super().__init__(F("pk"))

    def _parts(self, compiler) -> tuple[str, str, tuple[str, ...]]:
        rows, order, columns = _HEAD_LISTS[self.name]
        return rows.format(case=compiler.quote_name(compiler.query.get_initial_alias())), order, columns

    def as_sqlite(self, compiler, connection, **extra):
        rows, order, columns = self._parts(compiler)
        numbered = f"SELECT ROW_NUMBER() OVER (ORDER BY {order}) AS n, {', '.join(columns)} FROM {rows}"
        names = ", ".join(["n", *(f"y.{c.split('.')[1]}" for c in columns)])
        return f"(SELECT json_group_array(json_array({names})) FROM ({numbered}) y)", []

    def as_postgresql(self, compiler, connection, **extra):
        rows, order, columns = self._parts(compiler)
        return f"(SELECT json_agg(json_build_array({', '.join(columns)}) ORDER BY {order})::text FROM {rows})", []


def case_for_detail(head: bool = True):
    """The case with its chronology's version (``with_chronology_version``) and, with ``head``, its
    lead case and the lists of the page's head (``head_lists``): one query for all of it. The htmx
    fragment (no ``head``) reads nothing of the case but its pk."""
    if not head:
        return with_chronology_version(Case.objects.for_list())
    if connection.vendor not in ("sqlite", "postgresql"):
        return with_chronology_version(case_with_lead())
    heads = {f"{name}_json": HeadList(name) for name in _HEAD_LISTS}
    return with_chronology_version(Case.objects.for_list()).annotate(**heads)


def _rows(text: str | None) -> list[list]:
    """The rows of a ``HeadList``, in order."""
    rows = json.loads(text or "[]")
    if connection.vendor == "sqlite":  # numbered
        return [row[1:] for row in sorted(rows, key=lambda row: row[0])]
    return rows


def _case_row(id: int, number: str, company_id: int, company: str, **fields) -> Case:
    case = Case(id=id, case_number=number, company_id=company_id, **fields)
    case.company = Company(id=company_id, name=company)
    return case


def head_lists(case: Case) -> dict[str, list]:
    """The people of the case's company, the cases jointly administered under it and the releases
    about it, each in the order of its own query: from the case's annotations when it has them
    (which also hold its lead case: set on ``case``)."""
    if "people_json" not in case.__dict__:
        return {
            "people": list(case.company.people.order_by("pk")),  # in the order the releases named them
            "joint_cases": list(case.jointly_administered.select_related("company", "court")),
            "releases": list(case.releases.defer("text", "original").order_by("release_date", "id")),
        }
    people = [
        Person(id=id, company_id=case.company_id, name=name, title=title) for id, name, title in _rows(case.people_json)
    ]
    for lead in _rows(case.lead_case_json):
        case.lead_case = _case_row(*lead)
    joint = [_case_row(*row, lead_case_id=case.pk) for row in _rows(case.joint_cases_json)]
    releases = [
        Release(
            id=id, title=title, origin=origin, release_date=dt.date.fromisoformat(date) if date else None,
            release_date_precision=precision, release_date_qualifier=qualifier, release_date_text=text, case_id=case.pk,
        )
        for id, title, origin, date, precision, qualifier, text in _rows(case.releases_json)
    ]  # fmt: skip
    return {"people": people, "joint_cases": joint, "releases": releases}


def chronology_outline(
    case: Case, values: dict, version: str | None = None
) -> tuple[ChronologyOutline, dict[int, Entry] | None]:
    """The outline of the case's chronology under the filter ``values``, from the cache when the
    case has not changed since (``chronology_version``: the case's annotation, else one aggregate
    query), else built from all its events and cached.

    Also the entries by pk when it was built (the page takes its entries from them, no query).
    """
    if version is None:
        version = chronology_version(case)
    filters = (sorted(values["kinds"]), values["date_from"], values["date_to"])
    digest = hashlib.sha256(repr((version, filters)).encode()).hexdigest()
    key = f"case-chronology:{case.pk}:{digest}"
    outline = cache.get(key)
    if outline is not None:
        return outline, None
    chronology = build_chronology(case, **values)
    # drawn twice, for wide screens and for phones; CSS shows one (a phone cannot read the wide one)
    outline = outline_of(chronology, timeline_pictures(chronology.entries))
    cache.set(key, outline, OUTLINE_TIMEOUT)
    return outline, {e.pk: e for e in chronology.entries}


@dataclass(frozen=True)
class ChronologyHTML:
    """The ``chronology`` partial as rendered, and the two figures of the outline the page's head reads."""

    html: SafeString
    total: int  # events before filtering
    conflict_count: int


CHRONOLOGY_PARAMETERS = {"kind", "from", "to", "page", "event"}  # what the case page reads of its query string


def chronology_html(request: HttpRequest, case: Case, filters: ChronologyFilterForm) -> ChronologyHTML:
    """The ``chronology`` partial of ``case_detail.html`` for this request, from the cache when it
    was rendered before for the same version of the case, query string, path and kind of user.

    Everything the partial reads is in the key: the outline (the case's version and the filters),
    the page number, the query string (``{% querystring %}``, the date inputs, the filter errors),
    ``request.path``, ``staff`` (their notes) and ``edit_events`` (the admin links), so a hit is byte
    for byte what a render would be.
    Stored as a plain str, marked safe when read: it is this template's own output, escaped when
    rendered. A query string with parameters the page does not read (``?utm_source=...``, anything
    a crawler adds) is rendered but not stored: every such address would be a key of its own.
    """
    values = filters.values()
    version = chronology_version(case)
    staff = request.user.is_staff
    edit_events, edit_case = may_change(request.user, TimelineEvent), may_change(request.user, Case)
    key = None
    if request.GET.keys() <= CHRONOLOGY_PARAMETERS:
        rights = (staff, edit_events, edit_case)
        parts = (version, request.path, request.META.get("QUERY_STRING", ""), rights, get_language())
        key = f"case-chronology-html:{case.pk}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    cached = cache.get(key) if key else None
    if cached is not None:
        html, total, conflict_count = cached
        return ChronologyHTML(mark_safe(html), total, conflict_count)
    chronology, built = chronology_outline(case, values, version)

    def entries_of(ids: list[int]) -> list[Entry]:
        if built is not None:
            return [built[pk] for pk in ids]
        return page_entries(case, ids, chronology.conflicts)

    page = chronology_page(
        chronology,
        entries_of,
        request.GET.get("page"),
        staff=staff,
        edit_events=edit_events,
        page_link=page_link(request.GET),
    )
    context = {
        "case": case,
        "chronology": chronology,
        "page": page,
        "timelines": [t.linked(page.href) for t in chronology.timelines],
        "filters": filters,
        "staff": staff,
        "edit_case": edit_case,
    }
    html = render_to_string("timeline/case_detail.html#chronology", context, request)
    if key:
        plain = str.__str__(html)  # a str, not the SafeString (whose str() is itself)
        cache.set(key, (plain, chronology.total, chronology.conflict_count), OUTLINE_TIMEOUT)
    return ChronologyHTML(html, chronology.total, chronology.conflict_count)


def _row(obj) -> tuple | None:
    return tuple(getattr(obj, f.attname) for f in obj._meta.concrete_fields) if obj is not None else None


def case_head(request: HttpRequest, case: Case, chronology: ChronologyHTML) -> tuple[SafeString, SafeString]:
    """The page's ``case_head`` and ``releases`` partials, from the cache when they were rendered
    from the same values: the case's, its company's and court's rows, the head lists read with the
    case (``_HEAD_LISTS``, as the database gave them), the chronology's two figures, ``edit_case``."""
    edit_case = may_change(request.user, Case)
    key = None
    if "people_json" in case.__dict__:
        lists = tuple(case.__dict__[f"{name}_json"] for name in _HEAD_LISTS)
        rows = (_row(case), _row(case.company), _row(case.court))
        figures = (chronology.total, chronology.conflict_count, edit_case, get_language(), get_script_prefix())
        key = f"case-head-html:{case.pk}:{hashlib.sha256(repr((rows, lists, figures)).encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            return mark_safe(cached[0]), mark_safe(cached[1])
    context = {"case": case, "conflict_count": chronology.conflict_count, "edit_case": edit_case, **head_lists(case)}
    head = render_to_string("timeline/case_detail.html#case_head", context, request)
    releases = render_to_string("timeline/case_detail.html#releases", context, request)
    if key:
        cache.set(key, (str.__str__(head), str.__str__(releases)), OUTLINE_TIMEOUT)
    return head, releases
