"""Case list and search over 100,000 cases: median and p95 of a search request, beside the same SQL the
view ran, replayed raw with cursor.execute (the database's share of the request)."""

from __future__ import annotations

import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from cases.models import Case

from .common import Row, median, p95, skipped

SECTION = "search"
FLOOR = "the view's SQL, raw"


def terms() -> list[str]:
    """What people type: a word shared by many debtors, a whole name, a ticker, a case number, no match."""
    total = Case.objects.count()
    sample = Case.objects.select_related("company").order_by("id")[total // 2]
    ticker_case = Case.objects.select_related("company").exclude(company__ticker="").order_by("id")[total // 3]
    return [
        "Photonics",
        sample.company.name.split(",")[0],
        ticker_case.company.ticker,
        sample.case_number_normalized,
        "Zyxwvut",
    ]


def replay(queries: list[dict]) -> float:
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query["sql"])
            if cursor.description:
                cursor.fetchall()
    return time.perf_counter() - start


def run(rounds: int = 20) -> list[Row]:
    try:
        base = reverse("timeline:case_list")
    except NoReverseMatch:
        return [skipped(SECTION, "case list", "timeline:case_list is not routed yet (pages not landed)")]
    client = Client(raise_request_exception=False)
    urls = {term: f"{base}?{urlencode({'q': term})}" for term in terms()}
    sql, status = {}, {}
    for term, url in urls.items():  # one captured run per term: the SQL to replay, and the warm-up
        reset_queries()  # the client's request_started would empty the log mid-capture
        with CaptureQueriesContext(connection) as captured:
            status[term] = client.get(url).status_code
        sql[term] = [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    view, raw, by_term = [], [], {term: [] for term in urls}
    for _ in range(rounds):
        for term, url in urls.items():
            start = time.perf_counter()
            client.get(url)
            view.append(time.perf_counter() - start)
            by_term[term].append(view[-1])
            raw.append(replay(sql[term]))
    list_page, list_raw = _list_first_page(client, base, rounds)
    cases = Case.objects.count()
    ok_status = all(s == 200 for s in status.values())
    queries = max(len(v) for v in sql.values())
    pg = connection.vendor == "postgresql"
    note = f"{len(urls)} terms x {rounds}, {cases:,} cases, up to {queries} queries"
    slowest = max(by_term, key=lambda term: p95(by_term[term]))  # the term that makes the p95
    times = by_term[slowest]
    slow_note = f"{note}; slowest {slowest!r}: median {median(times) * 1000:.0f} ms, p95 {p95(times) * 1000:.0f} ms"
    return [
        Row(SECTION, "search ?q=, median", median(view) * 1000, "ms", median(raw) * 1000, FLOOR, "information",
            ok_status, note=note),
        Row(SECTION, "search ?q=, p95", p95(view) * 1000, "ms", p95(raw) * 1000, FLOOR,
            "< 100 ms on PostgreSQL", ok_status and (not pg or p95(view) < 0.1), note=slow_note),
        Row(SECTION, "case list, first page, median", median(list_page) * 1000, "ms", median(list_raw) * 1000,
            FLOOR, "information"),
    ]  # fmt: skip


def _list_first_page(client: Client, url: str, rounds: int) -> tuple[list[float], list[float]]:
    reset_queries()  # the client's request_started would empty the log mid-capture
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    view, raw = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(url)
        view.append(time.perf_counter() - start)
        raw.append(replay(queries))
    return view, raw
