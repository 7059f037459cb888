"""The public pages: the case list, a case's chronology, a release, a source in its paragraph, exports.

Function views with the whole control flow visible. A view that htmx calls serves its full page
and its fragment (a Django template partial), so every URL works without JavaScript and
``hx-push-url`` keeps the address true. A back-button restore asks htmx for the whole page.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from cases.models import Case

from . import exports
from .case_page import case_for_detail, case_head, case_with_lead, chronology_html, chronology_outline, page_link
from .chronology import (
    ENTRIES_PER_PAGE,
    build_entries,
    case_events,
    highlighted_segments,
    latest_events,
    page_of_event,
    quote_in_paragraph,
    with_event_stats,
)
from .forms import (
    PAGE_SIZE,
    CaseFilterForm,
    ChronologyFilterForm,
    EventLinkForm,
    courts_with_cases,
    list_rows,
    petition_years,
)
from .models import EventSource, Release
from .permissions import may_change


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap wants the partial; htmx restoring a page from history wants the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@require_safe
@vary_on_headers("HX-Request")
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET, courts=courts_with_cases(), years=petition_years())
    page = Paginator(form.results(with_event_stats), PAGE_SIZE).get_page(request.GET.get("page"))
    cases = list(page.object_list)
    latest = latest_events(cases)
    for case in cases:
        case.latest_event = latest.get(case.pk)
    list_rows(cases)
    context = {"form": form, "page": page, "cases": cases, "filtered": form.active}
    if not cases and not form.active:
        context["release_count"] = Release.objects.count()
    template = "timeline/case_list.html" + ("#results" if wants_fragment(request) else "")
    return render(request, template, context)


@require_safe
@vary_on_headers("HX-Request")
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(case_for_detail(head=not wants_fragment(request)), pk=pk)
    filters = ChronologyFilterForm(request.GET)
    if "event" in request.GET and "page" not in request.GET and not wants_fragment(request):
        # a link to one event of a long chronology (#event-N led nowhere): the page that shows it
        chronology, _ = chronology_outline(case, filters.values())
        event_id = EventLinkForm(request.GET).event_id()
        number = page_of_event(chronology, event_id) if event_id else None
        anchor = f"#event-{event_id}" if number else ""
        return redirect(f"{request.path}{page_link(request.GET)(number or 1).rstrip('?')}{anchor}")
    chronology = chronology_html(request, case, filters)
    if wants_fragment(request):
        return HttpResponse(chronology.html)
    head, releases = case_head(request, case, chronology)
    context = {
        "case": case,
        "head_html": head,
        "chronology_html": chronology.html,
        "releases_html": releases,
        "long_chronology": chronology.total > ENTRIES_PER_PAGE,
    }
    return render(request, "timeline/case_detail.html", context)


@require_safe
@vary_on_headers("HX-Request")
def source_quote(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(EventSource.objects.select_related("release", "event__case__company"), pk=pk)
    context = {
        "source": source,
        "event": source.event,
        "case": source.event.case,
        "context": quote_in_paragraph(source.release.text, source.start, source.end, source.quote),
    }
    template = "timeline/source_quote.html" + ("#quote" if wants_fragment(request) else "")
    return render(request, template, context)


@require_safe
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = get_object_or_404(Release.objects.defer("original").select_related("case__company", "company"), pk=pk)
    sources = list(release.sources.select_related("event").order_by("start", "end", "id"))
    context = {
        "release": release,
        "sources": sources,
        "segments": highlighted_segments(release.text, sources),
        "filename": download_name(release),
        "edit_release": may_change(request.user, Release),
    }
    return render(request, "timeline/release_detail.html", context)


_TEXT_EXTENSIONS = {"txt", "text", "htm", "html", "xml", "sgml", "eml", "nc"}


def download_name(release: Release) -> str:
    """The original file's own name, reduced to characters no browser or file system misreads."""
    name = re.split(r"[/\\]", release.origin.split("?")[0].rstrip("/\\"))[-1]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:100]
    if not name:
        return f"release-{release.pk}.txt"
    return name if name.rsplit(".", 1)[-1].lower() in _TEXT_EXTENSIONS else f"{name}.txt"


@require_safe
def release_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The file exactly as received, always as a download and never as a page (it may be HTML)."""
    release = get_object_or_404(Release.objects.only("id", "origin", "original"), pk=pk)
    response = HttpResponse(bytes(release.original), content_type="text/plain")
    response["Content-Disposition"] = content_disposition_header(True, download_name(release))
    return response


# --- exports -------------------------------------------------------------------------------------


def _export(request: HttpRequest, pk: int):
    case = get_object_or_404(case_with_lead(), pk=pk)
    return case, build_entries(case_events(case))


def _attachment(response: HttpResponse, case: Case, extension: str) -> HttpResponse:
    name = re.sub(r"[^a-z0-9]+", "-", case.company.name.lower()).strip("-") or "case"
    response["Content-Disposition"] = content_disposition_header(False, f"{name}-case-{case.pk}-chronology.{extension}")
    return response


@require_safe
def case_json(request: HttpRequest, pk: int) -> HttpResponse:
    case, entries = _export(request, pk)
    people = list(case.company.people.order_by("pk"))
    joint = list(case.jointly_administered.select_related("company"))
    data = exports.case_document(request, case, entries, people, joint, now=dt.datetime.now(dt.UTC))
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    return _attachment(response, case, "json")


@require_safe
def case_csv(request: HttpRequest, pk: int) -> HttpResponse:
    case, entries = _export(request, pk)
    response = HttpResponse(exports.case_csv(request, case, entries), content_type="text/csv; charset=utf-8")
    return _attachment(response, case, "csv")


@require_safe
def case_ics(request: HttpRequest, pk: int) -> HttpResponse:
    case, entries = _export(request, pk)
    response = HttpResponse(exports.case_calendar(request, case, entries), content_type="text/calendar; charset=utf-8")
    return _attachment(response, case, "ics")


@require_safe
def data_page(request: HttpRequest) -> HttpResponse:
    return render(request, "timeline/data.html")
