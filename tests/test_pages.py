"""The public pages: case list, case chronology, release, source quote; htmx fragments; query counts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cases.models import Case, Company
from cases.partial_dates import PartialDate
from timeline.chronology import (
    amount_words,
    build_chronology,
    dates_disagree,
    group_by_month,
    month_label,
    quote_in_paragraph,
)
from timeline.models import EventSource, Release, TimelineEvent, event_sort_fields
from timeline.svg import build_timeline

from .fibercore import add_source, build_fibercore, span_of

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def fibercore(db) -> Case:
    return build_fibercore()


@pytest.fixture
def add_events(db):
    """``n`` dated events (every fifth month-precise, every seventh undated) each with a source."""

    def add(case: Case, n: int, release: Release | None = None) -> list[TimelineEvent]:
        release = release or Release.objects.create(
            sha256=f"{case.pk:064x}",
            title="Omnibus",
            release_date=dt.date(2010, 1, 4),
            origin="omnibus.txt",
            original=b"x",
            text="word " * 200,
            is_bankruptcy=True,
            case=case,
        )
        kinds = TimelineEvent.Kind.values
        events = []
        for i in range(n):
            day = dt.date(2005, 1, 1) + dt.timedelta(days=3 * i)
            event = TimelineEvent(case=case, kind=kinds[i % len(kinds)], summary=f"Event number {i}")
            if i % 7 != 6:
                event.date, event.date_precision = (day.replace(day=1), "month") if i % 5 == 4 else (day, "day")
            event_sort_fields(event)
            events.append(event)
        events = TimelineEvent.objects.bulk_create(events)
        EventSource.objects.bulk_create(
            EventSource(event=e, release=release, start=5 * (i % 100), end=5 * (i % 100) + 4, quote="word")
            for i, e in enumerate(events)
        )
        return events

    return add


def entry_ids(response) -> list[int]:
    """The events the chronology lists, in order."""
    return [int(pk) for pk in re.findall(r'<li class="event[^"]*" id="event-(\d+)"', response.content.decode())]


def headings(response) -> list[str]:
    """The year and month headings of the list, as read."""
    found = re.findall(r'<h[34] class="(?:year|month)__heading"[^>]*>(.*?)</h[34]>', response.content.decode())
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip() for h in found]


def vary(response) -> str:
    return response.headers.get("Vary", "")


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


# --- case list -----------------------------------------------------------------------------------


def test_case_list_full_page_shows_the_case_facts(client, fibercore):
    response = client.get(reverse("timeline:case_list"))
    assert response.status_code == 200
    page = text_of(response)
    assert "FiberCore, Inc." in page and "FBCE.PK" in page
    assert "Bankr. D. Mass." in page
    assert "November 14, 2003" in page
    assert "<html" in response.content.decode()
    assert 'id="results"' in response.content.decode()
    assert "HX-Request" in vary(response)


def test_case_list_fragment_is_only_the_results(client, fibercore):
    response = client.get(reverse("timeline:case_list"), {"q": "fibercore"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "site-header" not in html
    assert "FiberCore, Inc." in html
    assert "HX-Request" in vary(response)


def test_case_list_counts_events_and_shows_the_latest(client, fibercore):
    page = text_of(client.get(reverse("timeline:case_list")))
    row = page[page.index("FiberCore, Inc.") :]
    assert " 4 " in row[:400]
    assert "November 17, 2003" in row[:600]  # the DIP motion, the latest dated event


def test_empty_database_explains_how_to_import(client):
    page = text_of(client.get(reverse("timeline:case_list")))
    assert "No cases yet" in page
    assert "make run" in page
    assert "python manage.py ingest_releases PATH" in page


@pytest.mark.parametrize("query", ["fibercore", "FBCE", "fbce.pk", "03-44261", "mab", "D. Mass."])
def test_search_finds_a_case_by_debtor_ticker_number_or_court(client, fibercore, make_company, make_case, query):
    fibercore.case_number = "Case No. 03-44261 (HJB)"
    fibercore.save()
    make_case(company=make_company("Texaco Inc.", ticker="TX"), court="nysb", case_number="87-20142")
    page = text_of(client.get(reverse("timeline:case_list"), {"q": query}, headers=HTMX))
    assert "FiberCore, Inc." in page
    assert "Texaco" not in page


def test_search_without_match_says_so(client, fibercore):
    page = text_of(client.get(reverse("timeline:case_list"), {"q": "enron"}, headers=HTMX))
    assert "No case matches" in page and "enron" in page


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["fragment", "page"])
def test_a_search_too_long_to_run_says_so(client, fibercore, headers, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # no search run: the courts and years of the filters at most
        response = client.get(reverse("timeline:case_list"), {"q": "fibercore " * 500}, headers=headers)
    assert response.status_code == 200
    page = text_of(response)
    assert "No case matches" in page and "FiberCore, Inc." not in page
    assert "A search can be at most 200 characters long; this one has 4999." in page


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"court": "nysb"}, {"Texaco"}),
        ({"chapter": "7"}, {"Kafus"}),
        ({"year": "1987"}, {"Texaco"}),
        ({"status": "emerged"}, {"Kafus"}),
        ({"court": "mab", "chapter": "11"}, {"FiberCore"}),
        ({"court": "zzz"}, {"FiberCore", "Texaco", "Kafus"}),  # a bad value is ignored, not an error
    ],
)
def test_filters_narrow_the_list(client, fibercore, make_company, make_case, params, shown):
    make_case(company=make_company("Texaco Inc.", ticker="TX"), court="nysb", petition_date=dt.date(1987, 4, 12))
    make_case(company=make_company("Kafus Industries", ticker=""), court="deb", chapter=7, status="emerged")
    page = text_of(client.get(reverse("timeline:case_list"), params))
    for name in ("FiberCore", "Texaco", "Kafus"):
        assert (name in page.split("Bankruptcy cases", 2)[-1].split("Sort by")[-1]) == (name in shown), name


def test_sort_by_debtor(client, fibercore, make_company, make_case):
    make_case(company=make_company("Acme Steel", ticker=""), court="deb")
    page = text_of(client.get(reverse("timeline:case_list"), {"sort": "debtor"}))
    assert page.index("Acme Steel") < page.index("FiberCore, Inc.")
    page = text_of(client.get(reverse("timeline:case_list"), {"sort": "oldest"}))
    assert page.index("FiberCore, Inc.") < page.index("Acme Steel")


def test_pagination_links_keep_the_search(client, make_company, make_case):
    for i in range(30):
        make_case(company=make_company(f"Debtor {i:02d}", ticker=""), court="deb", case_number=f"10-{i:05d}")
    response = client.get(reverse("timeline:case_list"), {"q": "debtor", "sort": "debtor"})
    html = response.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?q=debtor&amp;sort=debtor&amp;page=2"' in html
    second = text_of(client.get(reverse("timeline:case_list"), {"q": "debtor", "sort": "debtor", "page": 2}))
    assert "Debtor 29" in second and "Debtor 00" not in second


def test_case_list_query_count_is_the_same_for_5_and_60_cases(
    client, make_company, make_case, add_events, django_assert_num_queries
):
    def add_cases(n):
        for _ in range(n):
            case = make_case(company=make_company(f"Debtor {Case.objects.count():03d}", ticker=""), court="deb")
            add_events(case, 2)

    # courts in use, petition years, count, the page of cases with their counts, their latest events
    add_cases(5)
    with django_assert_num_queries(5):
        assert client.get(reverse("timeline:case_list")).status_code == 200
    add_cases(55)
    with django_assert_num_queries(5):
        assert client.get(reverse("timeline:case_list")).status_code == 200
    # a search: courts, years, the matching ids in order (every word in one query, and the count is
    # their number), the page's cases by id, their latest events; the same for more words
    for q in ("debtor", "Debtor Bankr. deb"):
        with django_assert_num_queries(5):
            client.get(reverse("timeline:case_list"), {"q": q, "page": "3"}, headers=HTMX)


# --- case page -----------------------------------------------------------------------------------


def test_case_page_shows_the_header_facts(client, fibercore):
    response = client.get(fibercore.get_absolute_url())
    page = text_of(response)
    assert "FiberCore, Inc. FBCE.PK" in page
    assert "United States Bankruptcy Court" in page and "(Bankr. D. Mass.), Western Division" in page
    assert "Chapter 11, voluntary petition" in page
    assert "November 14, 2003" in page
    assert "Mohd A. Aslami, chairman and chief executive officer" in page
    assert "John D. Ronnquist, Interim CFO" in page
    assert "not reported" in page  # the case number the release did not give


def test_chronology_is_in_order_with_dates_written_with_their_precision(client, fibercore):
    page = text_of(client.get(fibercore.get_absolute_url()))
    chronology = page[page.index("Chronology") :]
    award = chronology.index("late July 2003")
    petition = chronology.index("Voluntary Chapter 11 petition filed")
    motion = chronology.index("Various motions filed")
    adversary = chronology.index("Adversary proceeding in bankruptcy court against CommScope")
    assert award < petition < motion < adversary
    assert "Date not given reported November 17, 2003" in chronology
    assert "more than $6,000,000" in chronology
    assert "$5.3 million, yen-denominated" in chronology
    assert "CommScope Inc. (defendant)" in chronology
    assert "July 2003" in chronology and "November 2003" in chronology  # month headings


def test_case_page_uses_time_elements_with_machine_dates(client, fibercore):
    html = client.get(fibercore.get_absolute_url()).content.decode()
    assert '<time datetime="2003-07">late July 2003</time>' in html
    assert '<time datetime="2003-11-14">November 14, 2003</time>' in html
    assert '<time datetime="2003-11-17">reported November 17, 2003</time>' in html


def test_case_page_fragment_is_the_chronology_only(client, fibercore):
    response = client.get(fibercore.get_absolute_url(), {"kind": "award"}, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="chronology"')
    assert "<html" not in html and "case-head" not in html
    assert "late July 2003" in html and "Various motions filed" not in html
    assert "HX-Request" in vary(response)


def test_kind_filter_full_page_narrows_and_chips_are_plain_links(client, fibercore):
    response = client.get(fibercore.get_absolute_url(), {"kind": "award"})
    html = response.content.decode()
    assert "<html" in html and "HX-Request" in vary(response)
    page = text_of(response)
    assert "Showing 1 of 4 events" in page
    assert "Shin-Etsu" in page and "Various motions filed" not in page
    # the active chip removes its kind, the others add theirs; all are links that work without JS
    assert 'href="?" hx-get="?"' in html
    assert 'href="?kind=award&amp;kind=petition_filed"' in html or 'href="?kind=petition_filed&amp;kind=award"' in html


def test_several_kinds_and_a_date_range(client, fibercore):
    page = text_of(client.get(fibercore.get_absolute_url(), {"kind": ["award", "motion_filed"]}, headers=HTMX))
    assert "Showing 2 of 4 events" in page
    assert "Shin-Etsu" in page and "Various motions filed" in page and "CommScope" not in page
    page = text_of(client.get(fibercore.get_absolute_url(), {"from": "2003-11", "to": "2003-11-15"}))
    chronology = page.split("Showing", 1)[1]
    assert "Voluntary Chapter 11 petition" in chronology
    assert "Shin-Etsu arbitration award" not in chronology and "Various motions filed" not in chronology


def test_a_month_precise_event_meets_a_range_that_touches_its_month(client, fibercore):
    page = text_of(client.get(fibercore.get_absolute_url(), {"from": "2003-07-20", "to": "2003-07-21"}))
    assert "Showing 1 of 4 events" in page and "late July 2003" in page


def test_a_bad_date_is_reported_and_ignored(client, fibercore):
    response = client.get(fibercore.get_absolute_url(), {"from": "July"}, headers=HTMX)
    page = text_of(response)
    assert "range was not applied" in page
    assert "Various motions filed" in page and "Shin-Etsu" in page


def test_unknown_case_is_a_404_page(client):
    response = client.get(reverse("timeline:case_detail", args=[999]))
    assert response.status_code == 404
    assert "Page not found" in text_of(response) and "Browse all cases" in text_of(response)


def test_case_page_query_count_is_the_same_for_5_and_500_events(
    client, make_case, make_company, add_events, django_assert_num_queries
):
    small = make_case(company=make_company("Small Co", ticker=""))
    large = make_case(company=make_company("Large Co", ticker=""), court="deb")
    add_events(small, 5)
    add_events(large, 500)
    cache.clear()
    # the case with its chronology's version; the lists of the page's head (people, jointly
    # administered cases, releases) when the head is rendered; all its events and sources with
    # releases when the outline is built, the page's when the outline is cached, none when the
    # rendered chronology is
    for case in (small, large):
        with django_assert_num_queries(6):  # builds the outline, renders the head
            response = client.get(case.get_absolute_url())
        assert response.status_code == 200
        with django_assert_num_queries(1):  # the rendered chronology from the cache
            client.get(case.get_absolute_url())
        with django_assert_num_queries(3):  # another page: its events and sources
            client.get(case.get_absolute_url(), {"page": "3"})
        with django_assert_num_queries(3):
            client.get(case.get_absolute_url(), {"kind": "hearing"}, headers=HTMX)
        with django_assert_num_queries(3):
            client.get(case.get_absolute_url(), {"page": "2"}, headers=HTMX)
        for params in ({"page": "3"}, {"page": "2"}):
            with django_assert_num_queries(1):
                client.get(case.get_absolute_url(), params, headers=HTMX)
    assert entry_ids(client.get(large.get_absolute_url())) == [e.pk for e in build_chronology(large).entries[:200]]


def _chip(html: str, kind: str) -> int:
    return int(re.search(rf'data-kind="{kind}".*?chip__count">(\d+)<', html).group(1))


def _event_form(event: TimelineEvent, **changes) -> dict:
    """The admin change form of ``event`` as posted, with ``changes``; its sources left as they are."""
    sources = list(event.sources.order_by("pk"))
    data = {
        "case": event.case_id,
        "kind": event.kind,
        "summary": event.summary,
        "parties": "[]",
        "date": event.date.isoformat() if event.date else "",
        "date_precision": event.date_precision,
        "date_qualifier": event.date_qualifier,
        "date_text": event.date_text,
        "amount": "",
        "currency": event.currency,
        "amount_qualifier": event.amount_qualifier,
        "amount_note": event.amount_note,
        "sources-TOTAL_FORMS": str(len(sources)),
        "sources-INITIAL_FORMS": str(len(sources)),
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    for i, source in enumerate(sources):
        data |= {
            f"sources-{i}-id": source.pk,
            f"sources-{i}-event": event.pk,
            f"sources-{i}-release": source.release_id,
            f"sources-{i}-start": source.start,
            f"sources-{i}-end": source.end,
        }
    return data | changes


def test_cached_outline_follows_admin_edits_new_sources_and_deletions(staff_client, make_case, add_events):
    """The chips, the order, the picture and the conflicts are cached per version of the case: an
    admin edit, a new source, a deleted event and an edited release each show on the next request."""
    client = Client()
    case = make_case()
    events = add_events(case, 450)
    url = case.get_absolute_url()
    html = client.get(url).content.decode()
    assert _chip(html, "emergence") == 28 and 'All <span class="chip__count">450</span>' in html
    no_nonce = re.compile(r'nonce="[^"]*"')
    assert no_nonce.sub("", client.get(url).content.decode()) == no_nonce.sub("", html)  # from the cache

    # an admin edit of an event's kind and date: first in the chronology, one more emergence
    moved = events[300]  # a conversion on page 2
    form = _event_form(moved, kind="emergence", date="1999-03-02", date_precision="day", date_text="")
    response = staff_client.post(reverse("admin:timeline_timelineevent_change", args=[moved.pk]), form)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    response = client.get(url)
    html = response.content.decode()
    assert entry_ids(response)[0] == moved.pk
    assert _chip(html, "emergence") == 29
    assert "March 2, 1999: emergence: Event number 300" in html  # the picture's marker title

    # a new source from an earlier release places an undated event at that release
    undated = events[6]
    early = Release.objects.create(
        sha256="e" * 64,
        title="Early",
        release_date=dt.date(1998, 6, 1),
        origin="early.txt",
        original=b"x",
        text="early word",
        is_bankruptcy=True,
    )
    EventSource.objects.create(event=undated, release=early, start=6, end=10, quote="word")
    response = client.get(url)
    assert entry_ids(response)[:2] == [undated.pk, moved.pk]
    assert "reported June 1, 1998: judgment: Event number 6" in response.content.decode()

    # a release's date edited moves the events it alone places
    early.release_date = dt.date(2030, 1, 1)
    early.save()
    assert entry_ids(client.get(url))[0] == moved.pk

    # a deleted event leaves the counts, the list and the picture
    moved.delete()
    response = client.get(url)
    html = response.content.decode()
    assert moved.pk not in entry_ids(response)
    assert _chip(html, "emergence") == 28 and 'All <span class="chip__count">449</span>' in html
    assert "Event number 300" not in html


def test_history_restore_gets_the_whole_page(client, fibercore):
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    html = client.get(fibercore.get_absolute_url(), {"kind": "award"}, headers=headers).content.decode()
    assert "<html" in html and "case-head" in html


# --- marks ---------------------------------------------------------------------------------------


def test_two_petitions_with_different_dates_are_marked_as_conflicting(client, fibercore):
    wire = Release.objects.create(
        sha256="b" * 64,
        title="Wire story",
        release_date=dt.date(2003, 11, 18),
        origin="wire.txt",
        original=b"FiberCore filed on Nov. 13.",
        text="FiberCore filed on Nov. 13.",
        is_bankruptcy=True,
        case=fibercore,
    )
    other = TimelineEvent.objects.create(
        case=fibercore, kind="petition_filed", date=dt.date(2003, 11, 13), summary="Petition filed (wire)"
    )
    add_source(other, wire, "FiberCore filed on Nov. 13.")
    page = text_of(client.get(fibercore.get_absolute_url()))
    assert "2 events with conflicting sources" in page
    assert "Another source dates the petition November 13, 2003." in page
    assert "Another source dates the petition November 14, 2003." in page


def test_one_event_whose_releases_name_different_days_is_marked(client, fibercore):
    petition = fibercore.events.get(kind="petition_filed")
    first = petition.sources.get()
    text = first.release.text
    first.start, first.end = span_of(text, "late Friday afternoon, November 14th")
    first.quote = text[first.start : first.end]
    first.save()
    wire = Release.objects.create(
        sha256="c" * 64,
        release_date=dt.date(2003, 11, 18),
        origin="wire.txt",
        original=b"",
        text="It filed for Chapter 11 on November 14. Or was it on November 12?",
        is_bankruptcy=True,
    )
    agreeing = add_source(petition, wire, "It filed for Chapter 11 on November 14.")
    assert "conflicting" not in text_of(client.get(fibercore.get_absolute_url()))
    agreeing.delete()
    add_source(petition, wire, "Or was it on November 12?")
    page = text_of(client.get(fibercore.get_absolute_url()))
    assert "1 event with conflicting sources" in page
    assert "The releases give different dates for this event." in page


@pytest.mark.parametrize(
    "a, b, disagree",
    [
        (PartialDate(dt.date(2003, 11, 14)), PartialDate(dt.date(2003, 11, 13)), True),
        (PartialDate(dt.date(2003, 11, 14)), PartialDate(dt.date(2003, 11, 1), "month"), False),
        (PartialDate(dt.date(2003, 11, 14)), PartialDate(dt.date(2003, 11, 17), qualifier="on_or_before"), False),
        (PartialDate(dt.date(2003, 11, 20)), PartialDate(dt.date(2003, 11, 17), qualifier="on_or_before"), True),
        (PartialDate(dt.date(2003, 7, 1), "month", "late"), PartialDate(dt.date(2003, 1, 1), "year"), False),
    ],
)
def test_when_partial_dates_disagree(a, b, disagree):
    assert dates_disagree(a, b) is disagree


def test_staff_corrections_are_marked_for_everyone_but_detailed_only_for_staff(staff_client, fibercore):
    client = Client()  # staff_client logs in the ``client`` fixture itself
    award = fibercore.events.get(kind="award")
    award.mark_edited(["amount", "date_precision"])
    award.save()
    public = client.get(fibercore.get_absolute_url()).content.decode()
    assert public.count("corrected by staff</span>") == 2  # the award's mark and the footer's legend
    assert "Edited by staff" not in public and "date_precision" not in public
    assert "/admin/cases/" not in public and "/admin/timeline/" not in public
    staff = staff_client.get(fibercore.get_absolute_url()).content.decode()
    assert reverse("admin:cases_case_change", args=[fibercore.pk]) in staff
    assert reverse("admin:timeline_timelineevent_change", args=[award.pk]) in staff
    assert "Edited by staff: amount, date" in staff


@pytest.mark.parametrize(
    "perms, shown",
    [
        ([], set()),
        (["cases.change_case"], {"case"}),
        (["timeline.change_timelineevent", "timeline.view_timelineevent"], {"event"}),
        (["timeline.change_release"], {"release"}),
    ],
    ids=["no-change-permission", "cases-only", "events-only", "releases-only"],
)
def test_an_edit_link_shows_only_to_whom_the_admin_lets_change_it(fibercore, django_user_model, perms, shown):
    """Each edit link leads to a change form the person may use: none is a 403."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="reader", password="a-long-test-password", is_staff=True)
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    client = Client()
    client.force_login(user)
    award, release = fibercore.events.get(kind="award"), fibercore.releases.get()
    award.mark_edited(["amount"])
    award.save()
    links = {
        "case": reverse("admin:cases_case_change", args=[fibercore.pk]),
        "event": reverse("admin:timeline_timelineevent_change", args=[award.pk]),
        "release": reverse("admin:timeline_release_change", args=[release.pk]),
    }
    pages = client.get(fibercore.get_absolute_url()).content.decode() + client.get(release.get_absolute_url()).text
    assert {name for name, url in links.items() if f'href="{url}"' in pages} == shown
    for name in shown:
        assert client.get(links[name]).status_code == 200, name
    assert "Edited by staff: amount" in pages  # staff still see what a person changed


def test_staff_see_an_admin_link_in_the_navigation(staff_client, fibercore):
    client = Client()
    admin_link = f'href="{reverse("admin:index")}"'
    assert admin_link not in client.get("/").content.decode()
    assert admin_link in staff_client.get("/").content.decode()


# --- escaping and CSP ----------------------------------------------------------------------------


def test_text_from_a_release_is_escaped_everywhere(client, fibercore):
    evil = "<script>alert('x')</script>"
    release = Release.objects.create(
        sha256="d" * 64,
        title=f"Title {evil}",
        release_date=dt.date(2003, 11, 18),
        origin="evil.html",
        original=evil.encode(),
        text=f"Intro. {evil} FiberCore filed a motion.",
        is_bankruptcy=True,
        case=fibercore,
    )
    event = TimelineEvent.objects.create(
        case=fibercore,
        kind="other",
        summary=f"Summary {evil}",
        parties=[{"name": evil, "role": "defendant"}],
        amount=Decimal(1),
        amount_note=evil,
    )
    source = add_source(event, release, f"{evil} FiberCore filed a motion.")
    for url in (
        fibercore.get_absolute_url(),
        release.get_absolute_url(),
        reverse("timeline:source_quote", args=[source.pk]),
        reverse("timeline:case_list"),
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in client.get(release.get_absolute_url()).content.decode()
    )


def test_no_inline_scripts_or_styles_and_a_csp_header(staff_client, fibercore):
    client = Client()
    release = fibercore.releases.get()
    source = EventSource.objects.first()
    urls = [
        reverse("timeline:case_list"),
        fibercore.get_absolute_url(),
        release.get_absolute_url(),
        reverse("timeline:source_quote", args=[source.pk]),
        reverse("timeline:data"),
        "/no-such-page/",
    ]
    for c in (client, staff_client):
        for url in urls:
            response = c.get(url)
            html = response.content.decode()
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
            assert not re.search(r"\sstyle\s*=", html), url
            assert "<style" not in html, url
            assert not re.search(r"\son[a-z]+\s*=", html), url
            # Scripts, styles and images come from this site, never a CDN (a
            # file name's hash may spell anything, so look at the addresses).
            for address in re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]*)"', html):
                assert address.startswith("/") and not address.startswith("//"), (url, address)
    assert "django_htmx/htmx-2" in client.get("/").content.decode()


# --- release page, original, source quote --------------------------------------------------------


def test_release_page_highlights_every_span_and_links_it_to_its_event(client, fibercore):
    release = fibercore.releases.get()
    html = client.get(release.get_absolute_url()).content.decode()
    assert html.count("<mark>") == 4
    for event in fibercore.events.all():
        assert f'{fibercore.get_absolute_url()}#event-{event.pk}"' in html
    for source in EventSource.objects.all():
        assert f'id="source-{source.pk}"' in html
    assert reverse("timeline:release_original", args=[release.pk]) in html
    assert "Page not found" not in html


def test_overlapping_spans_do_not_nest_links(client, fibercore):
    release = fibercore.releases.get()
    award = fibercore.events.get(kind="award")
    add_source(award, release, "Shin-Etsu arbitration award")  # inside the award's first span
    html = client.get(release.get_absolute_url()).content.decode()
    assert not re.search(r"<a [^>]*>(?:(?!</a>).)*<a ", html, flags=re.S)


def test_original_is_a_download_never_a_page(client, fibercore):
    release = fibercore.releases.get()
    release.origin = "/imports/../weird name<>.HTML"
    release.original = b"<html><script>alert(1)</script></html>"
    release.save()
    response = client.get(reverse("timeline:release_original", args=[release.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == 'attachment; filename="weird_name_.HTML"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == release.original


def test_original_without_a_usable_name_gets_one(client, fibercore):
    release = fibercore.releases.get()
    release.origin = "https://example.com/"
    release.save()
    response = client.get(reverse("timeline:release_original", args=[release.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="example.com.txt"'
    release.origin = "///"
    release.save()
    response = client.get(reverse("timeline:release_original", args=[release.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="release-{release.pk}.txt"'


def test_source_quote_full_page_shows_the_paragraph_with_the_span_marked(client, fibercore):
    source = fibercore.events.get(kind="adversary_proceeding").sources.get()
    response = client.get(reverse("timeline:source_quote", args=[source.pk]))
    html = response.content.decode()
    assert "<html" in html and "HX-Request" in vary(response)
    assert "<mark>instituted an adversarial proceeding in excess of $6,000,000 against CommScope Inc.</mark>" in html
    assert "In support of the restructuring effort" in html  # the start of its paragraph
    assert "which we expect will provide an expedited process." in html  # the end of it
    assert "Mohd" not in html.split("<mark>")[1]  # not the next paragraph


def test_source_quote_fragment_is_only_the_quote(client, fibercore):
    source = fibercore.events.get(kind="award").sources.get()
    response = client.get(reverse("timeline:source_quote", args=[source.pk]), headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="quote-context" id="quote-{source.pk}"')
    assert "<mark>the $5.3 million (yen-denominated) Shin-Etsu arbitration award in late July</mark>" in html
    assert "<html" not in html
    assert "HX-Request" in vary(response)


def test_a_span_that_no_longer_matches_is_shown_as_recorded():
    context = quote_in_paragraph("Some other text entirely.", 0, 10, "a quote that was here")
    assert not context.exact and context.quote == "a quote that was here"


def test_every_public_page_answers_head_as_get(client, fibercore):
    """Monitors and link checkers ask with HEAD: the same status and headers as GET, no body."""
    release, source = fibercore.releases.get(), EventSource.objects.first()
    urls = [
        reverse("timeline:case_list"),
        fibercore.get_absolute_url(),
        reverse("timeline:release_detail", args=[release.pk]),
        reverse("timeline:release_original", args=[release.pk]),
        reverse("timeline:source_quote", args=[source.pk]),
        reverse("timeline:data"),
        *(reverse(f"timeline:case_{kind}", args=[fibercore.pk]) for kind in ("json", "csv", "ics", "feed")),
        reverse("timeline:cases_feed"),
    ]
    for url in urls:
        got, head = client.get(url), client.head(url)
        assert got.status_code == 200 and (head.status_code, head["Content-Type"]) == (200, got["Content-Type"]), url
        assert head.content == b"", url
    assert client.post(reverse("timeline:case_list")).status_code == 405  # still read-only


# --- words and pictures --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, qualifier, note, quotes, words",
    [
        (Decimal("6000000"), "in_excess_of", "", ["in excess of $6,000,000 against"], "more than $6,000,000"),
        (
            Decimal("5300000"),
            "",
            "yen-denominated",
            ["the $5.3 million  (yen-denominated)"],
            "$5.3 million, yen-denominated",
        ),
        (Decimal("40000000"), "about", "", [], "about $40 million"),
        (Decimal("40000000"), "about", "", ["approximately $40,000,000"], "about $40,000,000"),
        (Decimal("1250.50"), "up_to", "", [], "up to $1,250.50"),
        (Decimal("2100000000"), "at_least", "", [], "at least $2.1 billion"),
        (Decimal("15300000"), "", "", ["the 5.3 million shares"], "$15.3 million"),
    ],
)
def test_amounts_read_as_a_person_writes_them(value, qualifier, note, quotes, words):
    assert amount_words(value, "USD", qualifier, note, quotes) == words


def test_other_currencies():
    assert amount_words(Decimal("5300000"), "JPY") == "¥5.3 million"
    assert amount_words(Decimal("12"), "SEK") == "12 SEK"


def test_visual_timeline_for_fibercore(client, fibercore):
    html = client.get(fibercore.get_absolute_url()).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<rect" in svg  # late July: a bar over the month, not an invented day
    assert 'class="mk k-award row-month"' in svg
    for event in fibercore.events.all():
        assert f'href="#event-{event.pk}"' in svg or "cluster" in svg
    assert "<title>late July 2003: award:" in svg


def test_visual_timeline_stays_readable_with_500_events(fibercore, add_events):
    add_events(fibercore, 500)
    chronology = build_chronology(fibercore)
    for width in (800, 380):
        timeline = build_timeline(chronology.entries, width)
        dots = sorted(timeline.dots, key=lambda m: m.x)
        assert sum(m.count for m in timeline.markers) == 504
        assert len(timeline.markers) < 200
        for left, right in zip(dots, dots[1:], strict=False):
            assert right.x - left.x >= left.radius + right.radius  # no two dots overlap
        assert all(t.label for t in timeline.ticks if t.major)
        labelled = [t for t in timeline.ticks if t.label]
        assert 3 <= len(labelled) <= width // 60


def test_visual_timeline_with_three_events_has_no_groups(make_case):
    case = make_case()
    for day in (1, 10, 20):
        TimelineEvent.objects.create(case=case, kind="hearing", date=dt.date(2003, 11, day), summary="Hearing")
    timeline = build_timeline(build_chronology(case).entries)
    assert [m.count for m in timeline.markers] == [1, 1, 1]


def test_year_precise_events_head_their_year(client, make_case):
    case = make_case()
    TimelineEvent.objects.create(case=case, kind="other", date=dt.date(2003, 5, 2), summary="May event")
    TimelineEvent.objects.create(
        case=case, kind="other", date=dt.date(2003, 1, 1), date_precision="year", summary="Sometime in 2003"
    )
    page = text_of(client.get(case.get_absolute_url()))
    page = page[page.index("Kinds") :]
    page = page[page.index("2003 2 events") :]  # the list, after the picture
    assert page.index("2003, month not given") < page.index("Sometime in 2003") < page.index("May 2003")
    assert page.index("Sometime in 2003") < page.index("May event")


def test_case_without_events_has_an_empty_state(client, make_case):
    case = make_case(company=Company.objects.create(name="Quiet Co"))
    page = text_of(client.get(case.get_absolute_url()))
    assert "No events yet" in page


def test_data_page(client):
    page = text_of(client.get(reverse("timeline:data")))
    assert "Atom feeds" in page and "Calendar (.ics)" in page


# --- long chronologies, a page at a time ---------------------------------------------------------


@pytest.fixture
def long_case(make_case, make_company, add_events) -> tuple[Case, list[int]]:
    """450 events (2005-2008, in the order the fixture makes them) and their ids in chronological order."""
    case = make_case(company=make_company("Long Co", ticker=""))
    add_events(case, 450)
    return case, [e.pk for e in build_chronology(case).entries]


def test_a_case_of_up_to_200_events_is_one_page(client, make_case, add_events):
    case = make_case()
    add_events(case, 200)
    response = client.get(case.get_absolute_url())
    html = response.content.decode()
    assert len(entry_ids(response)) == 200
    assert "chrono-pager" not in html and "data-paged" not in html and "js/chronology.js" not in html
    assert "?page=" not in html


def test_page_two_of_a_long_case_full_page_and_fragment(client, long_case):
    case, order = long_case
    full = client.get(case.get_absolute_url(), {"page": "2"})
    fragment = client.get(case.get_absolute_url(), {"page": "2"}, headers=HTMX)
    for response in (full, fragment):
        assert response.status_code == 200 and "HX-Request" in vary(response)
        assert entry_ids(response) == order[200:400]
        assert "Page 2 of 3" in text_of(response) and "Events 201–400 of 450" in text_of(response)
    assert "<html" in full.content.decode() and "js/chronology.js" in full.content.decode()
    assert fragment.content.decode().lstrip().startswith('<div id="chronology" class="chronology" data-paged>')
    html = full.content.decode()
    assert 'href="?page=3" hx-get="?page=3" rel="next">Next 50 events' in html
    assert 'href="?" hx-get="?" rel="prev">' in html  # the first page's address has no page number
    # the last page, and pages that do not exist
    assert entry_ids(client.get(case.get_absolute_url(), {"page": "3"})) == order[400:]
    assert entry_ids(client.get(case.get_absolute_url(), {"page": "99"})) == order[400:]
    assert entry_ids(client.get(case.get_absolute_url(), {"page": "x"})) == order[:200]


def test_group_headings_stay_right_across_pages(client, long_case):
    case, order = long_case
    whole = build_chronology(case)
    while whole.entries[199].month_key != whole.entries[200].month_key:  # a month across the break
        TimelineEvent.objects.create(case=case, kind="other", date=dt.date(2005, 1, 2), summary="Early")
        whole = build_chronology(case)
    by_year = Counter(e.month_key[0] for e in whole.entries)
    heads = headings(client.get(case.get_absolute_url(), {"page": "2"}))
    year, month = whole.entries[200].month_key
    assert heads[0] == f"{year} {by_year[year]} events"  # the whole year's count, not this page's
    assert heads[1] == f"{month_label(year, month)} (continued)"
    assert not any("continued" in h for h in heads[2:])
    page_one = headings(client.get(case.get_absolute_url()))
    assert page_one[0] == f"2005 {by_year[2005]} events" and "continued" not in " ".join(page_one)
    # the pages' headings together, continued months once, are the headings of the whole list
    pages = [headings(client.get(case.get_absolute_url(), {"page": n})) for n in (1, 2, 3)]
    joined = [h for page in pages for h in page if "continued" not in h]
    expected = []
    for group in group_by_month(whole.entries):
        expected.append(f"{group.label} {group.count} event{'s' if group.count != 1 else ''}")
        expected += [m.label for m in group.months]
    assert _without_repeated_years(joined) == expected


def _without_repeated_years(heads: list[str]) -> list[str]:
    """A year split across pages is headed again on the next page (with the same count): drop the repeat."""
    kept: list[str] = []
    for head in heads:
        if re.match(r"^(\d{4}|Date not known) \d+ events?$", head) and head in kept:
            continue
        kept.append(head)
    return kept


def test_filters_combine_with_paging(client, long_case):
    case, order = long_case
    params = {"from": "2005-01-01", "to": "2007-06-30"}
    chronology = build_chronology(case, date_from=dt.date(2005, 1, 1), date_to=dt.date(2007, 6, 30))
    wanted = [e.pk for e in chronology.entries]
    assert 200 < len(wanted) < len(order)
    response = client.get(case.get_absolute_url(), {**params, "page": "2"}, headers=HTMX)
    assert entry_ids(response) == wanted[200:400]
    html = response.content.decode()
    assert f"Showing {len(wanted)} of 450 events" in text_of(response)
    assert 'href="?from=2005-01-01&amp;to=2007-06-30" hx-get="?from=2005-01-01&amp;to=2007-06-30" rel="prev"' in html
    # a new filter starts again at the first page: no chip or clear link keeps the page number
    chips = re.findall(r'<a class="chip[^"]*"[^>]* href="([^"]*)"', html)
    assert chips and not any("page=" in href for href in chips)
    assert "page=" not in re.search(r'class="date-range__clear" href="([^"]*)"', html)[1]
    kinds = client.get(case.get_absolute_url(), {"kind": ["hearing", "award"], "page": "2"})
    assert entry_ids(kinds) == [pk for pk in order if TimelineEvent.objects.get(pk=pk).kind in ("hearing", "award")]


def test_timeline_markers_link_to_the_page_and_entry(client, long_case):
    case, order = long_case
    page_of = {pk: i // 200 + 1 for i, pk in enumerate(order)}
    for number in (1, 2, 3):
        html = client.get(case.get_absolute_url(), {"page": number}).content.decode()
        svg = html[html.index("<svg") : html.rindex("</svg>")]
        links = re.findall(r'<a href="([^"]*)" class="mk', svg)
        assert links
        for href in links:
            query, anchor = href.split("#")
            pk = int(anchor.removeprefix("event-"))
            target = page_of[pk]
            if target == number:
                assert query == "", href  # on this page: the anchor alone, as on a one-page case
            else:
                assert query == ("?" if target == 1 else f"?page={target}"), href
        assert "450 events from" in svg  # the picture still shows every event, on every page
    # with a filter, the links keep it
    html = client.get(case.get_absolute_url(), {"from": "2005", "page": 2}).content.decode()
    assert re.search(r'<a href="\?from=2005#event-\d+" class="mk', html)


def test_a_link_to_an_event_finds_its_page(client, long_case):
    case, order = long_case
    response = client.get(case.get_absolute_url(), {"event": order[420]})
    assert response.status_code == 302
    assert response.headers["Location"] == f"{case.get_absolute_url()}?page=3#event-{order[420]}"
    response = client.get(case.get_absolute_url(), {"event": order[5]})
    assert response.headers["Location"] == f"{case.get_absolute_url()}#event-{order[5]}"
    for unknown in ("0", "x", "²", "١٢٣x", "-5", "9" * 5000):  # '²' is a digit to str.isdigit, not to int()
        assert client.get(case.get_absolute_url(), {"event": unknown}).headers["Location"] == case.get_absolute_url()
