"""The generator behind `make demo` and the benchmarks: deterministic, sourced, within the constraints."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from cases.models import Case, Company, normalize_case_number, normalize_company_name
from cases.partial_dates import partial_date_problem, precision_rank, sort_date
from timeline.models import EventSource, Release, TimelineEvent


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_cases", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def snapshot() -> list[tuple]:
    """Everything generated, without ids and timestamps."""
    cases = Case.objects.select_related("company").order_by("company__name")
    return [
        (
            case.company.name,
            case.company.ticker,
            case.court_id,
            case.chapter,
            case.case_number,
            case.petition_date,
            case.petition_date_precision,
            case.status,
            [
                (e.kind, e.date, e.date_precision, e.date_qualifier, e.summary, e.amount, e.parties)
                for e in case.events.order_by("sort_date", "sort_rank", "id")
            ],
            [r.text for r in case.releases.all()],
        )
        for case in cases
    ]


def wipe() -> None:
    EventSource.objects.all().delete()
    TimelineEvent.objects.all().delete()
    Release.objects.all().delete()
    Case.objects.all().delete()
    Company.objects.all().delete()


@pytest.mark.django_db
def test_same_seed_gives_the_same_cases():
    generate(cases=15, events_range=(1, 12), seed=7, batch=4)
    first = snapshot()
    wipe()
    generate(cases=15, events_range=(1, 12), seed=7, batch=4)
    assert snapshot() == first
    wipe()
    generate(cases=15, events_range=(1, 12), seed=8, batch=4)
    assert snapshot() != first


@pytest.mark.django_db
def test_every_source_span_is_the_quote_in_its_release():
    generate(cases=10, events_per_case=20, seed=3)
    sources = list(EventSource.objects.select_related("release", "event"))
    assert len(sources) == TimelineEvent.objects.count() == 200
    for source in sources:
        assert source.release.text[source.start : source.end] == source.quote
        assert source.event.date_text in source.quote
        assert source.release.case_id == source.event.case_id


@pytest.mark.django_db
def test_generated_rows_hold_what_save_would_compute():
    generate(cases=20, events_range=(16, 24), seed=5)
    assert Case.objects.count() == 20
    for company in Company.objects.all():
        assert company.normalized_name == normalize_company_name(company.name)
    for case in Case.objects.all():
        assert case.case_number_normalized == normalize_case_number(case.case_number)
        assert case.court_id
        assert (
            partial_date_problem(case.petition_date, case.petition_date_precision, case.petition_date_qualifier or None)
            is None
        )
    kinds = set()
    for event in TimelineEvent.objects.all():
        kinds.add(event.kind)
        qualifier = event.date_qualifier or None
        assert partial_date_problem(event.date, event.date_precision, qualifier) is None
        assert event.sort_date == sort_date(event.date, event.date_precision, qualifier)
        assert event.sort_rank == precision_rank(event.date_precision)
    assert kinds == set(TimelineEvent.Kind.values)
    # the petition event repeats the case's petition date
    for case in Case.objects.all():
        petition = case.events.filter(kind="petition_filed").order_by("id").first()
        assert (petition.date, petition.date_precision) == (case.petition_date, case.petition_date_precision)


@pytest.mark.django_db
def test_a_second_batch_with_a_prefix_does_not_collide():
    generate(cases=5, events_per_case=2, seed=1)
    out = generate(cases=5, events_per_case=2, seed=1, case_prefix="Bench")
    assert "Generated 5 cases with 10 events" in out
    assert Company.objects.filter(name__startswith="Bench ").count() == 5
    assert Case.objects.count() == 10
