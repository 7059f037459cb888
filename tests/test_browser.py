"""The pages in a real browser: Debian's Chromium driven by Playwright against the live server.

Imports the FiberCore release with the real ``ingest_releases`` command, then reads the case the
way a person would: the order of the key events, a kind filter that swaps the list without a page
load and keeps the URL true, the back button, a source quote loaded on demand. Every page must
load without a Content-Security-Policy violation or a failed request.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .fibercore import import_fibercore

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# transaction: the live server reads the data from another thread; serialized_rollback: the
# courts that a data migration loads come back for the tests that run after these.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def courts(transactional_db):
    """The reference courts, whatever an earlier transactional test's flush left behind."""
    from cases.models import Court
    from cases.reference import load_bankruptcy_courts

    if Court.objects.count() < 90:
        load_bankruptcy_courts(Court)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django's ORM refuses to run beside
    # one unless told. Only for these tests: the deployment check rightly fails when it is set.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    page.problems = problems
    yield page
    context.close()
    assert not problems, problems


def event_texts(page) -> list[str]:
    return [re.sub(r"\s+", " ", t) for t in page.locator("#chronology li.event").all_inner_texts()]


def test_fibercore_chronology_filters_and_sources(live_server, page):
    case = import_fibercore(use_command=True)
    url = f"{live_server.url}{case.get_absolute_url()}"
    page.goto(url)
    assert "FiberCore" in page.locator("h1").inner_text()

    texts = event_texts(page)
    award = next(i for i, t in enumerate(texts) if "late July 2003" in t and "Award" in t.title())
    petition = next(i for i, t in enumerate(texts) if t.startswith("November 14, 2003") and "PETITION" in t.upper())
    motion = next(i for i, t in enumerate(texts) if t.startswith("November 17, 2003") and "DIP" in t)
    assert award < petition < motion
    assert any("CommScope" in t and "more than $6,000,000" in t for t in texts)
    full_count = len(texts)
    assert full_count >= 4

    # a kind chip swaps the list in place: the page is not reloaded and the address follows
    page.evaluate("window.stillTheSamePage = true")
    page.locator('#chronology a.chip[data-kind="award"]').click()
    page.wait_for_url(re.compile(r"\?kind=award$"))
    page.wait_for_function("document.querySelectorAll('#chronology li.event').length === 1")
    assert page.evaluate("window.stillTheSamePage") is True
    assert "late July 2003" in event_texts(page)[0]
    assert page.locator('#chronology a.chip[data-kind="award"]').get_attribute("aria-current") == "true"

    # back: the whole chronology again, still without a page load
    page.go_back()
    page.wait_for_url(url)
    page.wait_for_function(f"document.querySelectorAll('#chronology li.event').length === {full_count}")
    assert page.evaluate("window.stillTheSamePage") is True

    # a source opens in place, its sentence marked inside its paragraph
    award_entry = page.locator("#chronology li.event").filter(has_text="late July 2003")
    award_entry.locator("details.source__toggle summary").first.click()
    quote = award_entry.locator(".quote-context mark").first
    quote.wait_for()
    assert "Shin-Etsu" in quote.inner_text()
    assert "Unfortunately" in award_entry.locator(".quote-context").first.inner_text()  # the paragraph around it


def test_chip_links_work_without_javascript(live_server, browser):
    case = import_fibercore(use_command=True)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{case.get_absolute_url()}")
    page.locator('#chronology a.chip[data-kind="petition_filed"]').click()
    page.wait_for_url(re.compile(r"\?kind=petition_filed$"))
    texts = event_texts(page)
    assert texts and all("November 14, 2003" in t for t in texts)
    page.locator("details.source__toggle summary").first.click()
    page.locator(".source__quote a").first.click()  # no htmx: the quote's own page
    page.wait_for_url(re.compile(r"/sources/\d+/$"))
    assert page.locator("mark").count() == 1
    context.close()


def test_search_as_you_type_updates_results_and_address(live_server, page, make_case, make_company):
    import_fibercore(use_command=True)
    make_case(company=make_company("Texaco Inc.", ticker="TX"), court="nysb")
    page.goto(live_server.url + "/")
    page.evaluate("window.stillTheSamePage = true")
    assert page.locator("#results tbody tr").count() == 2
    page.locator("#id_q").press_sequentially("texa", delay=40)
    page.wait_for_url(re.compile(r"\?q=texa"))
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert "Texaco" in page.locator("#results").inner_text()
    page.locator("#id_chapter").select_option("7")
    page.wait_for_url(re.compile(r"chapter=7"))
    page.locator("#results .empty").wait_for()
    assert page.evaluate("window.stillTheSamePage") is True


def test_release_page_links_spans_to_events(live_server, page):
    case = import_fibercore(use_command=True)
    release = case.releases.first() or case.events.first().sources.first().release
    page.goto(f"{live_server.url}{release.get_absolute_url()}")
    spans = page.locator(".release-text a.span")
    assert spans.count() >= 1
    for source_id in release.sources.values_list("pk", flat=True):
        assert page.locator(f"#source-{source_id}").count() == 1
    spans.first.click()
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/#event-\d+$"))
    target = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{target}").is_visible()


def long_case(make_case, make_company, n: int = 450):
    """A case of ``n`` dated events, one a day from 2005, each quoting one release."""
    import datetime as dt

    from timeline.models import EventSource, Release, TimelineEvent, event_sort_fields

    case = make_case(company=make_company("Long Co", ticker=""))
    release = Release.objects.create(
        sha256="e" * 64, title="Omnibus", release_date=dt.date(2010, 1, 4), origin="omnibus.txt",
        original=b"x", text="word " * 50, is_bankruptcy=True, case=case,
    )  # fmt: skip
    events = []
    for i in range(n):
        event = TimelineEvent(case=case, kind="hearing", summary=f"Hearing number {i}", date=dt.date(2005, 1, 1))
        event.date += dt.timedelta(days=i)
        event_sort_fields(event)
        events.append(event)
    events = TimelineEvent.objects.bulk_create(events)
    EventSource.objects.bulk_create(EventSource(event=e, release=release, start=0, end=4, quote="word") for e in events)
    return case, [e.pk for e in events]


def test_a_long_chronology_pages_in_place_and_old_links_find_their_page(live_server, page, make_case, make_company):
    case, ids = long_case(make_case, make_company)
    url = f"{live_server.url}{case.get_absolute_url()}"
    page.goto(url)
    assert len(event_texts(page)) == 200 and "Hearing number 0" in event_texts(page)[0]
    page.evaluate("window.stillTheSamePage = true")

    # the next page swaps in place and the address follows
    page.locator(".chrono-pager a[rel=next]").click()
    page.wait_for_url(re.compile(r"\?page=2$"))
    page.wait_for_function(f"document.querySelector('#chronology li.event').id === 'event-{ids[200]}'")
    assert page.evaluate("window.stillTheSamePage") is True
    assert "Hearing number 200" in event_texts(page)[0] and len(event_texts(page)) == 200
    page.go_back()
    page.wait_for_url(url)
    page.wait_for_function(f"document.querySelector('#chronology li.event').id === 'event-{ids[0]}'")

    # a marker of the picture leads to the page of its entry
    marker = page.locator('.timeline-scroll--wide a.mk[href^="?page=3#event-"]').first
    anchor = marker.get_attribute("href").split("#")[1]
    marker.click()
    page.wait_for_url(re.compile(rf"\?page=3#{anchor}$"))
    assert page.locator(f"#{anchor}").is_visible()

    # a link made before paging (#event-N, as feeds and release pages write it) finds the page of N
    page.goto(f"{url}#event-{ids[300]}")
    page.wait_for_url(re.compile(rf"\?page=2#event-{ids[300]}$"))
    assert page.locator(f"#event-{ids[300]}").is_visible()


def test_a_reviewer_confirms_and_deletes_facts_in_place(live_server, page, django_user_model):
    from django.core.management import call_command

    from cases.models import Case

    from .conftest import RELEASES

    call_command("ingest_releases", str(next(RELEASES.glob("310_*.txt"))), verbosity=0)  # Detroit, Chapter 9 implied
    django_user_model.objects.create_user("reviewer", password="a-long-test-password", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.get_by_role("link", name=re.compile("record.* with facts the importer was not sure of")).click()
    page.wait_for_url(re.compile(r"/admin/review/$"))
    count = int(page.locator("#review-count").inner_text())
    page.evaluate("window.stillTheSamePage = true")

    chapter = page.locator("article.review-item").filter(has_text="Chapter")
    assert "Implied, not written" in chapter.inner_text()
    assert "municipal bankruptcy" in chapter.locator("blockquote").inner_text()  # the sentence it was read from
    chapter.get_by_role("button", name="Confirm").click()
    page.wait_for_selector("article.review-item--done")
    assert "Confirmed by reviewer" in page.locator("article.review-item--done").inner_text()
    assert int(page.locator("#review-count").inner_text()) == count - 1
    assert page.evaluate("window.stillTheSamePage") is True
    assert Case.objects.get().confidence_facts["chapter"]["confirmed_by"] == "reviewer"

    page.goto(f"{live_server.url}{Case.objects.get().get_absolute_url()}")
    assert page.locator(".mark--unsure").count() >= 1  # the debtor's name is still unconfirmed
