"""Case page: server time and query count for 10 to 5,000 events, beside a bare render of the same rows
from one query (bench.urls.bare_case), requests interleaved so noise hits both alike."""

from __future__ import annotations

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from .common import Row, median, skipped, timed

SECTION = "case page"
SIZES = (10, 100, 1000, 5000)
FLOOR = "bare render, 1 query"


def case_url(pk: int) -> str | None:
    try:
        return reverse("timeline:case_detail", args=[pk])
    except NoReverseMatch:
        return None


def warm(client: Client, url: str) -> tuple[int, int]:
    """One request, which also warms caches: (its SQL query count, its status)."""
    reset_queries()  # the client's request_started would empty the log mid-capture
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    return len(captured), status


def page_size() -> int | None:
    """Entries a case page shows at once, when the chronology is paged (timeline.chronology)."""
    from timeline import chronology

    return getattr(chronology, "ENTRIES_PER_PAGE", None)


def seconds(client: Client, url: str) -> float:
    return timed(lambda: client.get(url))[0]


COLD_SIZE = 1000


def cold(client: Client, size: int, pk: int, runs: int = 9) -> Row:
    """The page on a cache miss (the first request after an edit, or after a restart): the cache is
    emptied before each request, so it builds the whole outline and renders the chronology again."""
    from django.core.cache import cache

    page_url, bare_url = case_url(pk), f"/bench/case/{pk}/bare"
    shown = page_size()
    if shown and size > shown:
        bare_url += f"?limit={shown}"
    page, bare = [], []
    status = 200
    for _ in range(runs):
        cache.clear()
        elapsed, response = timed(lambda: client.get(page_url))
        page.append(elapsed)
        status = max(status, response.status_code)
        bare.append(seconds(client, bare_url))
    cache.clear()
    value = median(page) * 1000
    held = connection.vendor == "sqlite"  # the target is SQLite's; PostgreSQL's figure is information
    target = ("< 250 ms on SQLite" if held else "information") + " (cache emptied before each request)"
    return Row(
        SECTION, f"{size:,} events, cold cache: server time (median of {runs})", value, "ms",
        median(bare) * 1000, FLOOR, target, (status == 200 and value < 250) if held else None, note=f"HTTP {status}",
    )  # fmt: skip


def run(cases: dict[int, int]) -> list[Row]:
    """``cases`` maps an event count to the id of a case with that many events."""
    if case_url(next(iter(cases.values()))) is None:
        return [skipped(SECTION, "case detail", "timeline:case_detail is not routed yet (pages not landed)")]
    client = Client(raise_request_exception=False)
    rows, counts = [], []
    for size, pk in cases.items():
        runs = 15 if size <= 100 else 9 if size <= 1000 else 5
        page_url, bare_url = case_url(pk), f"/bench/case/{pk}/bare"
        shown = page_size()
        if shown and size > shown:  # a paged chronology: the floor prints the same first rows
            bare_url += f"?limit={shown}"
        page_queries, status = warm(client, page_url)
        warm(client, bare_url)
        page, bare = [], []
        for _ in range(runs):  # interleaved, so a noisy moment hits both
            page.append(seconds(client, page_url))
            bare.append(seconds(client, bare_url))
        counts.append(page_queries)
        value, floor = median(page) * 1000, median(bare) * 1000
        target = "within 2x of bare" + ("; < 100 ms" if size == 1000 else "")
        if shown and size > shown:
            target += f" (first page: {shown} entries, both)"
        ok = status == 200 and value <= 2 * floor and (size != 1000 or value < 100)
        rows.append(
            Row(SECTION, f"{size:,} events: server time (median of {runs})", value, "ms", floor, FLOOR, target, ok,
                note=f"HTTP {status}")
        )  # fmt: skip
    if COLD_SIZE in cases:
        rows.append(cold(client, COLD_SIZE, cases[COLD_SIZE]))
    constant = len(set(counts)) == 1
    rows.append(
        Row(SECTION, "SQL queries at " + " / ".join(f"{s:,}" for s in cases), max(counts), "queries", 1, FLOOR,
            "constant in events", constant, note=" / ".join(str(c) for c in counts))
    )  # fmt: skip
    return rows
