"""The loader: one release's facts -> rows, merged into the case it is about, never undoing a person."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from contextlib import contextmanager
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from cases.fields import Origin
from cases.models import AdversaryProceeding, Case, Company, DisclosedAward, Motion, Person
from cases.partial_dates import PartialDate
from timeline.ingest import load as load_module
from timeline.ingest.facts import (
    CaseFacts,
    CompanyFacts,
    Confidence,
    CourtRef,
    Event,
    Extraction,
    Money,
    Party,
    PersonFacts,
    SourceFacts,
    Span,
)
from timeline.ingest.load import CREATED, NOT_CASE, UNCHANGED, UPDATED, load_release
from timeline.models import EventSource, Release, TimelineEvent

pytestmark = pytest.mark.django_db

TEXT = (
    "FiberCore, Inc. filed a voluntary petition on November 14, 2003 in the U.S. Bankruptcy Court for the "
    "District of Massachusetts. It filed a motion for DIP financing today. It instituted an adversary "
    "proceeding in excess of $6,000,000 against CommScope Inc. for breach of contract. The $5.3 million "
    "(yen-denominated) Shin-Etsu arbitration award in late July."
)


def day(y: int, m: int, d: int, text: str = "") -> PartialDate:
    return PartialDate(dt.date(y, m, d), "day", None, text)


def span(quote: str) -> Span:
    start = TEXT.index(quote)
    return Span(start, start + len(quote), quote)


def petition(when: PartialDate | None = None, quote: str = "filed a voluntary petition") -> Event:
    return Event("petition_filed", when or day(2003, 11, 14), "Chapter 11 petition filed", span(quote))


def dip_motion(when: PartialDate | None = None) -> Event:
    return Event(
        "motion_filed",
        when or day(2003, 11, 17),
        "Motion for DIP financing",
        span("a motion for DIP financing"),
        subtype="dip_financing",
    )


def adversary(when: PartialDate | None = None) -> Event:
    return Event(
        "adversary_proceeding",
        when,
        "Adversary proceeding against CommScope Inc. for breach of contract",
        span("instituted an adversary proceeding"),
        amount=Money(Decimal("6000000"), "USD", "in_excess_of"),
        parties=(Party("CommScope Inc.", "defendant"),),
    )


def award() -> Event:
    return Event(
        "award",
        PartialDate(dt.date(2003, 7, 1), "month", "late", "late July"),
        "Shin-Etsu arbitration award",
        span("Shin-Etsu arbitration award"),
        amount=Money(Decimal("5300000"), "USD", None, "yen-denominated"),
        parties=(Party("Shin-Etsu", "counterparty"),),
        subtype="arbitration_award",
    )


@pytest.fixture
def extraction():
    """Build an Extraction as the parser would return it; every argument has a FiberCore default."""

    def make(
        *events: Event,
        file: str = "fibercore.txt",
        company: str | None = "FiberCore, Inc.",
        court: str | None = "mab",
        case_number: str | None = None,
        petition_date: PartialDate | None = None,
        is_bankruptcy: bool = True,
        not_case_reason: str | None = None,
        people: tuple[PersonFacts, ...] = (),
        version: str = "1",
    ) -> tuple[Extraction, bytes]:
        raw = f"{TEXT}\n{file} {version}".encode()
        source = SourceFacts(
            file=file,
            sha256=hashlib.sha256(raw).hexdigest(),
            title="FiberCore Files for Chapter 11",
            release_date=day(2003, 11, 17),
            format="text",
            text=TEXT,
        )
        case = None
        if is_bankruptcy:
            case = CaseFacts(
                chapter=11,
                voluntary=True,
                court=CourtRef(court, "U.S. Bankruptcy Court", "Western Division") if court else None,
                case_number=case_number,
                petition_date=petition_date,
            )
        return (
            Extraction(
                source=source,
                is_bankruptcy=is_bankruptcy,
                not_case_reason=not_case_reason,
                company=CompanyFacts(company, "FBCE.PK") if company else None,
                case=case,
                events=events,
                people=people,
            ),
            raw,
        )

    return make


def load(pair: tuple[Extraction, bytes], origin: str = "fibercore.txt"):
    return load_release(pair[0], pair[1], origin)


def counts() -> dict[str, int]:
    models = (Release, Company, Person, Case, TimelineEvent, EventSource, Motion, AdversaryProceeding, DisclosedAward)
    return {m.__name__: m.objects.count() for m in models}


def test_a_release_becomes_a_case_with_sourced_events(extraction):
    pair = extraction(petition(), dip_motion(), adversary(), award(), petition_date=day(2003, 11, 14))
    result = load(pair)

    assert result.outcome == CREATED
    case = Case.objects.get()
    assert (case.company.name, case.court_id, case.chapter, case.voluntary) == ("FiberCore, Inc.", "mab", 11, True)
    assert case.petition_date == dt.date(2003, 11, 14) and case.division == "Western Division"
    release = Release.objects.get()
    assert bytes(release.original) == pair[1] and release.text == TEXT and release.case == case
    assert release.sha256 == hashlib.sha256(pair[1]).hexdigest()
    assert release.release_date == dt.date(2003, 11, 17)
    assert case.events.count() == 4
    for source in EventSource.objects.all():
        assert release.text[source.start : source.end] == source.quote


def test_importing_the_same_bytes_again_changes_nothing(extraction):
    pair = extraction(petition(), dip_motion(), petition_date=day(2003, 11, 14))
    load(pair)
    before = counts()

    result = load(pair)

    assert result.outcome == UNCHANGED
    assert counts() == before


def test_typed_records_are_created_and_linked_from_their_events(extraction):
    load(extraction(dip_motion(), adversary(), award()))

    motion = Motion.objects.get()
    assert (motion.kind, motion.filed) == ("dip_financing", dt.date(2003, 11, 17))
    proceeding = AdversaryProceeding.objects.get()
    assert (proceeding.plaintiff, proceeding.defendant) == ("FiberCore, Inc.", "CommScope Inc.")
    assert proceeding.nature == "breach of contract"
    assert (proceeding.amount, proceeding.amount_qualifier) == (Decimal("6000000.00"), "in_excess_of")
    assert proceeding.filed is None
    disclosed = DisclosedAward.objects.get()
    assert (disclosed.kind, disclosed.in_favor_of, disclosed.against) == (
        "arbitration_award",
        "Shin-Etsu",
        "FiberCore, Inc.",
    )
    assert (disclosed.amount, disclosed.currency, disclosed.amount_note) == (
        Decimal("5300000.00"),
        "USD",
        "yen-denominated",
    )
    assert (disclosed.date, disclosed.date_precision, disclosed.date_qualifier) == (
        dt.date(2003, 7, 1),
        "month",
        "late",
    )
    events = {e.kind: e for e in TimelineEvent.objects.all()}
    assert events["motion_filed"].motion == motion
    assert events["adversary_proceeding"].adversary_proceeding == proceeding
    assert events["award"].award == disclosed


def test_a_second_release_about_the_case_joins_it_and_confirms_what_is_known(extraction):
    load(extraction(petition(), adversary(), award(), file="00.txt"))
    second = extraction(petition(), adversary(), award(), dip_motion(), file="28.txt")

    result = load(second, "28.txt")

    assert result.outcome == UPDATED
    assert (result.events_added, result.sources_added) == (1, 3)
    assert Case.objects.count() == 1 and Release.objects.count() == 2
    assert TimelineEvent.objects.count() == 4
    assert AdversaryProceeding.objects.count() == 1 and DisclosedAward.objects.count() == 1
    event = TimelineEvent.objects.get(kind="petition_filed")
    assert sorted(s.release.origin for s in event.sources.all()) == ["28.txt", "fibercore.txt"]


def test_the_same_adversary_defendant_is_one_proceeding_even_when_one_release_dates_it(extraction):
    load(extraction(adversary(None), file="a.txt"))
    load(extraction(adversary(day(2003, 11, 17)), file="b.txt"))

    assert AdversaryProceeding.objects.count() == 1
    event = TimelineEvent.objects.get()
    assert event.sources.count() == 2
    assert event.date == dt.date(2003, 11, 17)  # the import filled what it lacked


def test_two_orders_entered_on_one_day_in_one_release_stay_two_events(extraction):
    first = Event("order_entered", day(2003, 11, 18), "Order A", span("FiberCore"))
    second = Event("order_entered", day(2003, 11, 18), "Order B", span("breach of contract"))
    load(extraction(first, second, file="a.txt"))
    assert TimelineEvent.objects.count() == 2

    load(extraction(first, second, file="b.txt"))  # a rewrite of the same release

    assert TimelineEvent.objects.count() == 2
    assert EventSource.objects.count() == 4


def test_different_petition_dates_are_both_kept_and_the_case_date_is_not_replaced(extraction):
    load(extraction(petition(day(2003, 11, 14)), petition_date=day(2003, 11, 14), file="a.txt"))

    load(extraction(petition(day(2003, 11, 13)), petition_date=day(2003, 11, 13), file="b.txt"))

    case = Case.objects.get()
    assert case.petition_date == dt.date(2003, 11, 14)
    dates = sorted(e.date for e in case.events.filter(kind="petition_filed"))
    assert dates == [dt.date(2003, 11, 13), dt.date(2003, 11, 14)]


def test_the_case_gets_what_it_lacked_from_a_later_release(extraction):
    load(extraction(petition(), court=None, file="a.txt"))

    load(extraction(petition(), court="mab", case_number="03-44261 (HJB)", petition_date=day(2003, 11, 14)))

    case = Case.objects.get()
    assert (case.court_id, case.case_number_normalized, case.petition_date) == (
        "mab",
        "03-44261",
        dt.date(2003, 11, 14),
    )


def test_a_petition_date_a_person_corrected_survives_a_changed_release(extraction):
    load(extraction(petition(), petition_date=day(2003, 11, 14), file="a.txt"))
    case = Case.objects.get()
    case.petition_date = None  # the clerk cleared it, as the admin would record it
    case.mark_edited(["petition_date", "petition_date_precision"])
    case.save()

    load(extraction(petition(), petition_date=day(2003, 11, 14), file="a.txt", version="2"))

    case.refresh_from_db()
    assert case.petition_date is None
    assert case.edited_fields == ["petition_date"]
    assert Release.objects.count() == 2


def test_a_case_entered_by_staff_is_left_alone_but_its_event_gains_the_source(extraction, make_case):
    company = Company.objects.create(name="FiberCore Inc", origin=Origin.STAFF)
    case = make_case(company=company, court="mab", petition_date=None, chapter=None, origin=Origin.STAFF)
    staff_event = TimelineEvent.objects.create(
        case=case, kind="petition_filed", date=dt.date(2003, 11, 14), summary="Petition (clerk)", origin=Origin.STAFF
    )

    load(extraction(petition(), petition_date=day(2003, 11, 14)))

    case.refresh_from_db()
    company.refresh_from_db()
    assert (case.chapter, case.petition_date, company.ticker) == (None, None, "")
    staff_event.refresh_from_db()
    assert staff_event.summary == "Petition (clerk)"
    assert staff_event.sources.count() == 1
    assert TimelineEvent.objects.count() == 1


def test_an_edited_event_keeps_its_values(extraction):
    load(extraction(adversary(None), file="a.txt"))
    event = TimelineEvent.objects.get()
    event.summary = "Suit against CommScope (corrected)"
    event.mark_edited(["summary", "date", "date_precision"])
    event.save()

    load(extraction(adversary(day(2003, 11, 17)), file="b.txt"))

    event.refresh_from_db()
    assert (event.summary, event.date) == ("Suit against CommScope (corrected)", None)
    assert event.sources.count() == 2


def test_people_are_stored_once_and_an_edited_title_is_kept(extraction):
    load(extraction(people=(PersonFacts("Mohd A. Aslami", ""), PersonFacts("John D. Ronnquist", "Interim CFO"))))
    person = Person.objects.get(name="John D. Ronnquist")
    person.title = "CFO"
    person.mark_edited(["title"])
    person.save()

    load(
        extraction(
            people=(PersonFacts("Mohd A. Aslami", "CEO"), PersonFacts("John D. Ronnquist", "Treasurer")), version="2"
        )
    )

    assert Person.objects.count() == 2
    assert dict(Person.objects.values_list("name", "title")) == {"Mohd A. Aslami": "CEO", "John D. Ronnquist": "CFO"}


def test_one_person_named_two_ways_in_two_releases_is_one_person_under_the_fuller_name(extraction):
    load(extraction(people=(PersonFacts("Mohd Aslami", "FiberCore's chairman and CEO"),)))
    load(extraction(people=(PersonFacts("Dr. Mohd A. Aslami", "President/CEO"),), file="00.txt"))

    assert list(Person.objects.values_list("name", "title")) == [("Dr. Mohd A. Aslami", "FiberCore's chairman and CEO")]


def test_a_release_reporting_no_case_is_stored_with_its_reason(extraction):
    result = load(extraction(is_bankruptcy=False, not_case_reason="bankruptcy only in safe-harbor boilerplate"))

    assert result.outcome == NOT_CASE
    release = Release.objects.get()
    assert (release.is_bankruptcy, release.case, release.not_case_reason) == (
        False,
        None,
        "bankruptcy only in safe-harbor boilerplate",
    )
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    "first, second, cases",
    [
        ({"court": "mab", "case_number": "03-44261"}, {"court": "mab", "case_number": "Case No. 03-44261 (HJB)"}, 1),
        ({"court": "mab"}, {"court": "mab"}, 1),
        ({"court": None}, {"court": None}, 1),
        ({"court": "mab"}, {"court": None}, 1),
        ({"court": None}, {"court": "canb"}, 1),
        ({"court": "mab"}, {"court": "deb"}, 2),
        ({"court": "mab", "case_number": "03-44261"}, {"court": "mab", "case_number": "09-10001"}, 2),
    ],
)
def test_a_release_joins_the_case_it_is_about(extraction, first, second, cases):
    load(extraction(petition(), file="a.txt", **first))
    load(extraction(petition(), file="b.txt", **second))
    assert Case.objects.count() == cases


def test_a_case_number_in_the_same_court_matches_across_company_spellings(extraction):
    load(extraction(company="Pacific Gas and Electric Company", court="canb", case_number="01-30923", file="a.txt"))
    load(extraction(company="PG&E", court="canb", case_number="01-30923 DM", file="b.txt"))
    assert Case.objects.count() == 1
    assert Release.objects.filter(case__isnull=False).count() == 2


def test_a_failure_inside_the_load_leaves_nothing_half_written(extraction, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(EventSource.objects, "bulk_create", broken)  # the last write: the sources

    with pytest.raises(RuntimeError):
        load(extraction(petition(), dip_motion(), adversary(), people=(PersonFacts("Mohd A. Aslami", "CEO"),)))

    assert set(counts().values()) == {0}


def test_a_release_stored_meanwhile_by_another_import_is_reported_unchanged(extraction, monkeypatch):
    pair = extraction(petition())
    real_write = load_module._write

    @contextmanager
    def other_import_commits_first():
        try:
            with transaction.atomic():
                yield
        except IntegrityError:
            with transaction.atomic():  # the other import, committed while ours waited on the unique key
                real_write(*pair, hashlib.sha256(pair[1]).hexdigest(), "the other import")
            raise

    def insert_release_twice(*args):
        raise IntegrityError("duplicate key value violates unique constraint timeline_release_sha256_key")

    monkeypatch.setattr(load_module, "_write", insert_release_twice)
    monkeypatch.setattr(load_module, "transaction", SimpleNamespace(atomic=other_import_commits_first))
    result = load(pair)
    monkeypatch.undo()

    assert result.outcome == UNCHANGED
    assert Release.objects.count() == 1


def test_a_company_created_meanwhile_is_found_on_the_retry(extraction, monkeypatch):
    real_write, calls = load_module._write, []

    @contextmanager
    def other_import_creates_the_company():
        try:
            with transaction.atomic():
                yield
        except IntegrityError:
            Company.objects.create(name="FIBERCORE INC")  # committed while ours waited on the unique key
            raise

    def race_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates unique constraint cases_company_normalized_name")
        return real_write(*args)

    monkeypatch.setattr(load_module, "_write", race_once)
    monkeypatch.setattr(load_module, "transaction", SimpleNamespace(atomic=other_import_creates_the_company))
    result = load(extraction(petition()))
    monkeypatch.undo()

    assert result.outcome == CREATED and len(calls) == 2
    assert Company.objects.get().name == "FIBERCORE INC"
    assert Case.objects.get().company.name == "FIBERCORE INC"


def test_query_count_does_not_grow_with_the_number_of_events(extraction):
    def queries_for(n: int, file: str, year: int) -> int:
        events = [Event("other", day(year, 1, i + 1), f"Fact {i}", span("FiberCore")) for i in range(n)]
        with CaptureQueriesContext(connection) as ctx:
            load(extraction(*events, file=file))
        return len(ctx.captured_queries)

    queries_for(1, "warm.txt", 2001)
    assert queries_for(20, "many.txt", 2002) == queries_for(2, "few.txt", 2003)


def test_a_release_joining_a_known_case_reads_the_case_in_a_few_queries(extraction):
    load(extraction(petition(), adversary(), file="a.txt", people=(PersonFacts("Mohd A. Aslami", "CEO"),)))
    courts = load_module.Courts()
    courts.get("mab")  # read once per run, not per release
    pair = extraction(petition(), adversary(), file="b.txt", people=(PersonFacts("Mohd A. Aslami", "CEO"),))

    with CaptureQueriesContext(connection) as ctx:
        result = load_release(*pair, "b.txt", courts=courts, checked=True)

    assert (result.outcome, result.events_added, result.sources_added) == (UPDATED, 0, 2)
    statements = [q["sql"].split()[0] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    # the company (locked), its people, its cases, the release, the case's events (with the adversary
    # proceedings), the sources, the case's ``updated`` (its page lists the new release): nothing is read
    # twice and nothing unchanged is written; the events people deleted are read only for an event the case
    # does not have, and every event here is known
    assert statements == ["SELECT", "SELECT", "SELECT", "INSERT", "SELECT", "INSERT", "UPDATE"]


def test_events_filled_in_and_records_made_in_bulk_keep_their_history(extraction):
    load(extraction(adversary(None), dip_motion(), file="a.txt"))
    TimelineEvent.objects.update(motion=None)  # as if the motion had been read without its record
    Motion.objects.all().delete()
    history_before = TimelineEvent.history.count()

    load(extraction(adversary(day(2003, 11, 17)), dip_motion(), file="b.txt"))

    proceeding_event = TimelineEvent.objects.get(kind="adversary_proceeding")
    assert proceeding_event.date == dt.date(2003, 11, 17) and proceeding_event.sort_date == dt.date(2003, 11, 17)
    motion_event = TimelineEvent.objects.get(kind="motion_filed")
    assert motion_event.motion == Motion.objects.get() and Motion.history.filter(history_type="+").count() == 2
    changed = TimelineEvent.history.all()[: TimelineEvent.history.count() - history_before]
    assert sorted((h.kind, h.history_type, h.history_change_reason) for h in changed) == [
        ("adversary_proceeding", "~", load_module.CHANGE_REASON),
        ("motion_filed", "~", load_module.CHANGE_REASON),
    ]
    assert {h.motion_id for h in changed if h.kind == "motion_filed"} == {motion_event.motion_id}


def test_a_second_reading_of_the_same_facts_raises_their_scores_without_a_history_row(extraction):
    sure = Confidence(0.6, "read from the lead")
    event = dataclasses.replace(petition(), confidence=sure)
    load(extraction(event, file="a.txt"))
    history_before = (Case.history.count(), TimelineEvent.history.count())

    load(extraction(dataclasses.replace(event), file="b.txt"))  # another release, read the same way

    row = TimelineEvent.objects.get()
    assert row.confidence_facts["event"]["score"] > 60 and len(row.confidence_facts["event"]["releases"]) == 2
    assert row.sources.count() == 2
    # the history shows what values a row held, and these did not change: a person reading it sees no
    # entry for a score moving
    assert (Case.history.count(), TimelineEvent.history.count()) == history_before
