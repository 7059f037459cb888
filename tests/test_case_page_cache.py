"""The case page's rendered chronology is cached (timeline.case_page.chronology_html): keyed on the case's version,
the query string, the path and whether the reader is staff, so a hit is always what a render would be."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cases.models import Case, Person
from timeline.case_page import case_for_detail, head_lists
from timeline.chronology import chronology_version, with_chronology_version
from timeline.models import EventSource, Release, TimelineEvent

from .conftest import RELEASES
from .test_pages import HTMX, _event_form, add_events, fibercore  # noqa: F401 (fixtures)

NONCE = re.compile(r'nonce="[^"]*"')
ADMIN_LINK = "Edit event in admin"


def page(client: Client, url: str, **params) -> str:
    return NONCE.sub("", client.get(url, params).content.decode())


def fragment(client: Client, url: str, **params) -> str:
    return client.get(url, params, headers=HTMX).content.decode()


def assert_as_rendered(client: Client, url: str, **params) -> tuple[str, str]:
    """The page and the fragment as served now (from the cache when it holds them) are the page and
    fragment rendered afresh; returns them."""
    served = page(client, url, **params), fragment(client, url, **params)
    cache.clear()
    assert page(client, url, **params) == served[0]
    cache.clear()
    assert fragment(client, url, **params) == served[1]
    assert served[1].strip() in served[0]  # the fragment is the page's chronology, byte for byte
    return served


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon() -> Client:
    """A reader who is not signed in (``staff_client`` signs in the ``client`` fixture itself)."""
    return Client()


@pytest.fixture
def long_case(make_case, add_events):  # noqa: F811 (the fixture imported above)
    case = make_case()
    add_events(case, 450)
    return case


def test_a_second_request_reads_the_rendered_chronology_from_the_cache(client, long_case, django_assert_num_queries):
    url = long_case.get_absolute_url()
    first = page(client, url, page="2")
    with django_assert_num_queries(1):  # the case, its version, people, joint cases and releases
        assert page(client, url, page="2") == first
    with django_assert_num_queries(1):  # the case and its version
        html = fragment(client, url, page="2")
    assert html.strip() in first and 'id="event-' in html


def test_an_admin_edit_of_an_event_shows_on_the_next_request(anon, staff_client, long_case):
    url = long_case.get_absolute_url()
    event = long_case.events.get(summary="Event number 3")
    before = page(anon, url), fragment(anon, url)
    assert "Event number 3<" in before[0] and "Event number 3<" in before[1]

    form = _event_form(event, summary="Adjourned to a date to be set")
    response = staff_client.post(reverse("admin:timeline_timelineevent_change", args=[event.pk]), form)
    assert response.status_code == 302

    html, part = assert_as_rendered(anon, url)
    for served in (html, part):
        assert "Event number 3<" not in served and "Adjourned to a date to be set" in served
        assert "corrected by staff" in served


def test_a_new_import_adding_a_source_shows_on_the_next_request(db, client):
    def ingest(name: str) -> None:
        call_command("ingest_releases", str(RELEASES / name), stdout=io.StringIO(), stderr=io.StringIO())

    ingest("00_fibercore_2003-11-17.txt")
    case = Case.objects.get()
    url = case.get_absolute_url()
    before = page(client, url), fragment(client, url)
    assert "Source 2" not in before[0] and "Source 2" not in before[1]
    sources = EventSource.objects.count()

    ingest("28_fibercore_photonics_com_rewrite_2003-11-17.txt")  # the same case, told again
    assert EventSource.objects.count() > sources
    html, part = assert_as_rendered(client, url)
    assert "Source 2" in html and "Source 2" in part


def test_deleting_an_event_or_a_source_shows_on_the_next_request(anon, staff_client, long_case):
    url = long_case.get_absolute_url()
    gone = long_case.events.get(summary="Event number 4")
    sourced = long_case.events.get(summary="Event number 5")
    assert "Event number 4<" in page(anon, url) and "Event number 4<" in fragment(anon, url)

    response = staff_client.post(reverse("admin:timeline_timelineevent_delete", args=[gone.pk]), {"post": "yes"})
    assert response.status_code == 302
    html, part = assert_as_rendered(anon, url)
    assert "Event number 4<" not in html and "Event number 4<" not in part
    assert 'All <span class="chip__count">449</span>' in html

    sourced.sources.get().delete()
    html, part = assert_as_rendered(anon, url)
    start = part.index(f'id="event-{sourced.pk}"')
    end = part.find('id="event-', start + 1)
    assert "No release quoted" in part[start:end]


def test_staff_and_anonymous_readers_never_see_each_others_chronology(anon, staff_client, long_case):
    url = long_case.get_absolute_url()
    admin_events = reverse("admin:timeline_timelineevent_changelist")
    for params in ({}, {"page": "2"}, {"kind": "hearing"}):
        for first, second in ((anon, staff_client), (staff_client, anon)):
            cache.clear()
            for reader in (first, second, first, second):
                staff = reader is staff_client
                for served in (page(reader, url, **params), fragment(reader, url, **params)):
                    assert (ADMIN_LINK in served) is staff
                    assert (admin_events in served) is staff
                assert ("Edit case in admin" in page(reader, url, **params)) is staff  # the cached head


def test_the_version_read_with_the_case_is_the_version_queried_alone(long_case, make_case, make_company, add_events):  # noqa: F811
    def annotated(case: Case) -> str:
        return with_chronology_version(Case.objects.filter(pk=case.pk)).get().chronology_version

    assert chronology_version(long_case) == annotated(long_case)
    quiet = make_case(make_company("Quiet Co", ticker=""))
    empty = annotated(quiet)
    add_events(quiet, 1)
    assert annotated(quiet) != empty

    before = annotated(long_case)
    event = long_case.events.first()
    release = event.sources.first().release
    release.title = "Renamed"
    release.save()
    after_release = annotated(long_case)
    assert after_release != before
    TimelineEvent.objects.get(pk=event.pk).save()
    after_save = annotated(long_case)
    assert after_save != after_release
    EventSource.objects.create(event=event, release=release, start=0, end=4, quote="word")
    assert annotated(long_case) != after_save


def test_the_head_lists_are_those_of_the_case_in_their_own_order(make_case, make_company):
    """People, jointly administered cases and releases as the head reads them for the case of the page's
    query (only the columns shown): the same rows, values and order (NULL dates, collation)."""
    lead = make_case()
    for name, title in (("Zoë <b>Ärger</b> & Co", 'CEO "acting"'), ("alpha person", ""), ("Beta Person", "CFO")):
        Person.objects.create(company=lead.company, name=name, title=title)
    for i, (name, petition) in enumerate(
        [("beta Holdings", dt.date(2004, 1, 1)), ("Alpha Holdings", dt.date(2004, 1, 1)), ("Zed <Inc>", None),
         ("Émile SA", dt.date(2001, 5, 5)), ("_under", dt.date(2004, 1, 1))]
    ):  # fmt: skip
        number = f"0{i}-1234" if i % 2 else ""
        make_case(
            make_company(name, ticker=""), court="deb", lead_case=lead, petition_date=petition, case_number=number
        )
    for i, (title, date, precision) in enumerate(
        [("", None, "day"), ("Second & <last>", dt.date(2004, 7, 1), "month"), ("Third", dt.date(2003, 1, 1), "year"),
         ("Fourth", dt.date(2004, 7, 9), "day"), ("Fifth", dt.date(2004, 7, 9), "day")]
    ):  # fmt: skip
        Release.objects.create(
            sha256=f"{i:064d}", title=title, release_date=date, release_date_precision=precision,
            origin=f"some/dir/file{i}.txt", original=b"x", text="t", is_bankruptcy=True, case=lead,
        )  # fmt: skip

    def shown(case: Case) -> dict:
        lists = head_lists(case)
        return {
            "people": [(p.pk, p.name, p.title) for p in lists["people"]],
            "joint": [(c.pk, c.company.name, c.case_number, c.get_absolute_url()) for c in lists["joint_cases"]],
            "releases": [(r.pk, str(r), r.released, r.get_absolute_url()) for r in lists["releases"]],
        }

    annotated = case_for_detail().get(pk=lead.pk)
    expected = shown(Case.objects.get(pk=lead.pk))
    assert shown(annotated) == expected
    assert len(expected["people"]) == 3 and len(expected["joint"]) == 5 and len(expected["releases"]) == 5
    assert annotated.lead_case is None

    def lead_of(case: Case) -> tuple:
        head_lists(case)
        return case.lead_case.pk, case.lead_case.company.name, case.lead_case.case_number, case.lead_case_id

    for joint in lead.jointly_administered.all():
        assert lead_of(case_for_detail().get(pk=joint.pk)) == lead_of(Case.objects.get(pk=joint.pk))


def test_the_cached_head_follows_the_case_its_people_joint_cases_and_releases(
    anon, staff_client, long_case, make_case, make_company
):
    url = long_case.get_absolute_url()
    person = Person.objects.create(company=long_case.company, name="Pat Doe", title="CEO")
    html = page(anon, url)
    assert "Pat Doe" in html and "Chapter 11" in html and "1 press release<" in html

    person.name = "Pat Roe"  # same count, same id: the row itself is in the key
    person.save()
    assert "Pat Roe" in assert_as_rendered(anon, url)[0]

    Case.objects.filter(pk=long_case.pk).update(chapter=7)  # no save(), no signal
    assert "Chapter 7" in assert_as_rendered(anon, url)[0]

    long_case.company.name = "FiberCore Photonics, Inc."
    long_case.company.save()
    assert "FiberCore Photonics, Inc." in assert_as_rendered(anon, url)[0]

    joint = make_case(make_company("Joint Co", ticker=""), court="deb", lead_case=long_case)
    assert "Joint Co" in assert_as_rendered(anon, url)[0]
    assert f'Jointly administered under <a href="{url}">FiberCore Photonics, Inc.</a>' in page(
        anon, joint.get_absolute_url()
    )
    joint.company.name = "Joint Holdings"
    joint.company.save()
    assert "Joint Holdings" in assert_as_rendered(anon, url)[0]

    release = long_case.releases.get()
    release.title = "Omnibus, corrected"
    release.save()
    assert "Omnibus, corrected" in assert_as_rendered(anon, url)[0]
    Release.objects.create(
        sha256="d" * 64, title="Another", origin="another.txt", original=b"x", text="t", is_bankruptcy=True,
        case=long_case,
    )  # fmt: skip
    assert "2 press releases<" in assert_as_rendered(anon, url)[0]
    assert "Edit case in admin" in page(staff_client, url) and "Edit case in admin" not in page(anon, url)


def test_an_address_with_parameters_the_page_does_not_read_is_rendered_but_not_stored(
    anon, long_case, django_assert_num_queries
):
    url = long_case.get_absolute_url()
    for _ in range(2):  # the case, then the page's events and sources each time: nothing stored
        with django_assert_num_queries(3):
            html = fragment(anon, url, utm_source="feed", page="2")
    assert "utm_source=feed" in html  # kept in every link, as {% querystring %} writes them
    for params in ({"kind": "hearing", "page": "2"}, {"from": "2005", "to": "2006-07", "event": "3"}):
        fragment(anon, url, **params)
        with django_assert_num_queries(1):
            fragment(anon, url, **params)


def test_a_case_moved_under_another_lead_leaves_the_first_leads_page(anon, long_case, make_case, make_company):
    joint = make_case(make_company("Joint Co", ticker=""), court="deb", lead_case=long_case)
    url = long_case.get_absolute_url()
    assert "Joint Co" in page(anon, url)
    other = make_case(make_company("Other Lead", ticker=""), court="deb")
    joint.lead_case = other
    joint.save()
    assert "Joint Co" not in assert_as_rendered(anon, url)[0]
    assert "Joint Co" in page(anon, other.get_absolute_url())


def test_a_person_a_later_import_adds_shows_on_the_next_request(db, client):
    def ingest(name: str) -> None:
        call_command("ingest_releases", str(RELEASES / name), stdout=io.StringIO(), stderr=io.StringIO())

    ingest("00_fibercore_2003-11-17.txt")
    case = Case.objects.get()
    url = case.get_absolute_url()
    shown = page(client, url)
    Person.objects.filter(company=case.company).delete()  # as if the first release had named nobody
    Case.objects.filter(pk=case.pk).update(updated=case.updated)  # and the page were cached after it
    cache.clear()
    before = page(client, url)
    assert "people__name" not in before and "people__name" in shown

    ingest("28_fibercore_photonics_com_rewrite_2003-11-17.txt")  # names the people again, in bulk
    assert Person.objects.filter(company=case.company).exists()
    assert "people__name" in assert_as_rendered(client, url)[0]
