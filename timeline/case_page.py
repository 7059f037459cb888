"""The case page's parts, read and rendered at the least cost that keeps them exact.

A warm case page is one query: the case with its company, court and lead case and its chronology's
version (``with_chronology_version``). The chronology's outline, its rendered partial and the
rendered head are cached under keys that hold everything they show (the chronology's version, the
query string, the path, the kind of user, the case's rows and its ``updated``, see
``page_changes``), so an edit makes a new key and never a stale page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cases.models import Case

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
from .models import TimelineEvent
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


def case_for_detail(head: bool = True):
    """The case with its company, court and chronology's version (``with_chronology_version``): one
    query. The lead case is read on a miss of the head only (its changes move ``updated`` on, see
    ``page_changes``); joined here, its columns cost the 10-event page more than its cache saves.
    The htmx fragment (no ``head``) reads nothing of the case but its pk."""
    return with_chronology_version(Case.objects.for_list())


def head_lists(case: Case) -> dict[str, list]:
    """The people of the case's company, the cases jointly administered under it and the releases
    about it, each with only the columns the head shows, and its lead case (set on ``case``): up to
    four queries, on a miss of ``case_head``."""
    if case.lead_case_id is not None and not Case.lead_case.is_cached(case):
        case.lead_case = Case.objects.select_related("company").only(*LEAD_COLUMNS).get(pk=case.lead_case_id)
    return {
        "people": list(case.company.people.order_by("pk")),  # in the order the releases named them
        "joint_cases": list(
            case.jointly_administered.select_related("company").only(
                "id", "case_number", "company_id", "lead_case_id", "company__name"
            )
        ),
        "releases": list(case.releases.only(*RELEASE_COLUMNS).order_by("release_date", "id")),
    }


LEAD_COLUMNS = ("id", "case_number", "company_id", "company__name")  # what "Jointly administered under" shows
RELEASE_COLUMNS = (  # what the releases list and the head's count read of a release
    "id", "title", "origin", "release_date", "release_date_precision", "release_date_qualifier",
    "release_date_text", "case_id",
)  # fmt: skip


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
    from the same values: the rows of the case (its ``updated``, which ``page_changes`` moves on
    when a person, release, lead or jointly administered case it shows changes), its company and
    court as read with it, the chronology's two figures, ``edit_case`` (the admin link)."""
    edit_case = may_change(request.user, Case)
    rows = (_row(case), _row(case.company), _row(case.court))  # the case's row holds its lead's id
    figures = (chronology.total, chronology.conflict_count, edit_case, get_language(), get_script_prefix())
    key = f"case-head-html:{case.pk}:{hashlib.sha256(repr((rows, figures)).encode()).hexdigest()}"

    def render() -> tuple[str, str]:
        context = {
            "case": case,
            "conflict_count": chronology.conflict_count,
            "edit_case": edit_case,
            **head_lists(case),
        }
        head = render_to_string("timeline/case_detail.html#case_head", context, request)
        releases = render_to_string("timeline/case_detail.html#releases", context, request)
        return str.__str__(head), str.__str__(releases)  # plain str: the templates escaped them

    head, releases = cache.get_or_set(key, render, OUTLINE_TIMEOUT)
    return mark_safe(head), mark_safe(releases)
