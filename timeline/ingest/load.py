"""Facts -> rows: write what the parser read from one release, in one transaction.

A release is stored once (keyed on the sha256 of its bytes), joins the case it is about (court +
case number, else debtor + court, else debtor where one side names no court) and adds the events the
case does not know yet; an event it confirms gains the release as one more source. Where two releases
disagree, both versions are kept as events so the pages can show the conflict.

People come first: a value someone set or corrected in the admin (``edited_fields``) is never
overwritten, a record entered by staff is never changed, and nothing is ever deleted. A case whose court
or number a person corrected, an event they re-dated and a record whose parties or kind they corrected
are still found by what the importer first wrote there (their history), so a correction never forks a
case or copies an event.
"""

from __future__ import annotations

import hashlib
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from django.db import IntegrityError, connections, router, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from cases.fields import set_partial_date
from cases.models import (
    AdversaryProceeding,
    Case,
    Company,
    CompanyAlias,
    Court,
    DisclosedAward,
    Motion,
    Person,
    normalize_case_number,
    normalize_company_name,
    person_key,
)
from cases.partial_dates import PartialDate
from timeline import page_changes
from timeline.models import EventSource, Release, TimelineEvent, event_sort_fields
from timeline.page_changes import touch

from .facts import CaseFacts, CompanyFacts, Event, Extraction, Money, PersonFacts

CREATED = "created"  # a new release that started a new case
UPDATED = "updated"  # a new release that joined a case already known
UNCHANGED = "unchanged"  # these exact bytes were imported before
NOT_CASE = "not a bankruptcy release"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, NOT_CASE)

CHANGE_REASON = "imported from a release"
_MAX_AMOUNT = Decimal(10) ** 16  # DecimalField(max_digits=18, decimal_places=2)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class LoadResult:
    outcome: str
    release: Release | None = None
    case: Case | None = None
    events_added: int = 0
    sources_added: int = 0  # sources added to events other releases had already reported
    note: str = ""


class Courts:
    """The bankruptcy courts by id, read once per run (reference data the import never writes): a batch
    asks for each release's court without a query per release."""

    def __init__(self) -> None:
        self._by_id: dict[str, Court] | None = None

    def get(self, court_id: str) -> Court | None:
        if self._by_id is None:
            self._by_id = Court.objects.in_bulk()
        return self._by_id.get(court_id)


def load_release(
    extraction: Extraction, raw: bytes, origin: str, *, courts: Courts | None = None, checked: bool = False
) -> LoadResult:
    """Write one release; all of it or nothing.

    Two imports of the same files may run at once: the unique keys (release sha256, company name,
    person, court + case number) make the loser fail, and it then finds the winner's rows. A release
    someone else stored meanwhile is "unchanged"; any other collision is retried once.

    ``checked``: the caller has just looked the bytes up with ``already_loaded`` and found nothing, so
    the transaction does not ask again (the unique sha256 still catches a release stored meanwhile).
    ``courts``: a per-run cache of the courts; without one, the release's court is read by its id.
    """
    sha256 = hashlib.sha256(raw).hexdigest()
    for attempt in (1, 2):
        try:
            with transaction.atomic(), page_changes.by_hand():  # it touches the cases' pages itself
                return _write(extraction, raw, sha256, origin, courts, checked or attempt == 2)
        except IntegrityError:
            if Release.objects.filter(sha256=sha256).exists():
                return LoadResult(UNCHANGED, note="imported meanwhile by another run")
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# SQLSTATEs of a transaction PostgreSQL failed to break a lock cycle (deadlock) or keep serializable:
# it lost a race with another, and may simply be run again
_LOCK_CONFLICTS = frozenset({"40P01", "40001"})


def is_lock_conflict(error: BaseException) -> bool:
    """A deadlock or a serialization failure, as Django raises it (the driver's error is the cause)."""
    for e in (error, error.__cause__):
        if (getattr(e, "pgcode", None) or getattr(e, "sqlstate", None)) in _LOCK_CONFLICTS:
            return True
    return False


LOCK_CONFLICT_TRIES = 8  # a release lost that many races in a row: something else is wrong; say so


def retrying_lock_conflicts[T](write: Callable[[], T], tries: int = LOCK_CONFLICT_TRIES) -> T:
    """``write()`` (a whole transaction), run again after a deadlock or serialization failure.

    Concurrent imports about the same cases lock the same companies in different orders; the database
    fails one of them, which has then written nothing and only has to try again once the other has
    committed. The waits double (0.1 s, 0.2 s ... at most 2 s) and are jittered, so two imports failed
    together do not collide again.
    """
    for attempt in range(1, tries + 1):
        try:
            return write()
        except Exception as e:
            if attempt == tries or not is_lock_conflict(e):
                raise
        time.sleep(random.uniform(0.5, 1) * min(2.0, 0.05 * 2**attempt))
    raise AssertionError("unreachable")


def already_loaded(raw: bytes, sha256: str | None = None, *, expected: bool = False) -> LoadResult | None:
    """The "unchanged" result when these exact bytes were stored before: a re-run need not parse them.

    ``expected``: the bytes were found stored a moment ago, so the release is read at once; otherwise
    a cheap existence query comes first, as most files looked up are new.
    """
    same = Release.objects.filter(sha256=sha256 or hashlib.sha256(raw).hexdigest()).order_by()
    if not expected and not same.exists():
        return None
    # the bytes and the text are not needed to say what the release was (and may be large)
    known = same.select_related("case__company", "case__court").defer("original", "text").first()
    return LoadResult(UNCHANGED, known, known.case) if known is not None else None


def stored_among(shas: list[str]) -> set[str]:
    """Which of these sha256s are stored already: one query for a window of releases read ahead."""
    if not shas:
        return set()
    return set(Release.objects.filter(sha256__in=shas).order_by().values_list("sha256", flat=True))


def _write(
    extraction: Extraction, raw: bytes, sha256: str, origin: str, courts: Courts | None = None, checked: bool = False
) -> LoadResult:
    if not checked and (known := already_loaded(raw, sha256)):
        return known

    company, company_is_new = None, False
    if extraction.company and extraction.company.name.strip():
        company, company_is_new = _company(extraction.company, sha256)
    if company is not None and extraction.people:
        _people(company, extraction.people, company_is_new)

    if not extraction.is_bankruptcy:
        reason = extraction.not_case_reason or "the release reports no bankruptcy case"
        release = _release(extraction, raw, sha256, origin, company, None, reason)
        return LoadResult(NOT_CASE, release)
    if company is None:
        release = _release(extraction, raw, sha256, origin, None, None, "")
        return LoadResult(CREATED, release, note="no debtor named, so the release is stored without a case")

    case, created, saved = _case(company, extraction.case, courts, company_is_new, sha256)
    release = _release(extraction, raw, sha256, origin, case.company, case, "")
    added, confirmed = _EventWriter(case, release, new_case=created).write(extraction.events)
    if not saved:  # its releases list gains this one (the bulk writes send no signal: page_changes)
        touch(Q(pk=case.pk))
    return LoadResult(CREATED if created else UPDATED, release, case, added, confirmed)


def _release(extraction, raw, sha256, origin, company, case, not_case_reason) -> Release:
    src = extraction.source
    release = Release(
        sha256=sha256,
        title=(src.title or "")[:500],
        origin=origin[:1000],
        format=src.format if src.format in Release.Format.values else Release.Format.TEXT,
        original=raw,
        text=src.text,
        is_bankruptcy=extraction.is_bankruptcy,
        not_case_reason=not_case_reason[:300],
        company=company,
        case=case,
    )
    set_partial_date(release, "release_date", src.release_date)
    # no history and no signals (the case's page is touched once the release is written): the key comes back
    return Release.objects.bulk_create([release])[0]


# --- company, people, case -------------------------------------------------------------------------


def _company(facts: CompanyFacts, sha256: str = "") -> tuple[Company, bool]:
    """Found by normalized name, or created: (company, created). The row is locked (PostgreSQL) so two
    imports cannot both decide a case (or an event) is missing and create it twice; no unique key could
    say so for a case without a number. SQLite's IMMEDIATE transactions serialize anyway."""
    key = normalize_company_name(facts.name)
    locked = Company.objects.select_for_update().order_by("id")
    company = locked.filter(normalized_name=key).first()
    if company is None:  # a name a person corrected a debtor's name away from still means that debtor
        alias = CompanyAlias.objects.filter(normalized_name=key).order_by("id").values_list("company_id", flat=True)
        if (company_id := alias.first()) is not None:
            company = locked.filter(pk=company_id).first()
    values = {"name": facts.name.strip()[:200], "ticker": (facts.ticker or "")[:30]}
    if company is None:
        company = Company(name=values["name"], ticker=values["ticker"], market=(facts.market or "")[:40])
        _note(company, values, facts.confidence, facts.evidence, sha256)
        # a concurrent import creating it too makes one of us fail: load_release retries
        _save_with_history(company, created=True)
        return company, True
    changed = _fill(company, {"ticker": values["ticker"], "market": (facts.market or "")[:40]})
    changed += _note(company, values, facts.confidence, facts.evidence, sha256)
    _save(company, changed)
    return company, False


def _people(company: Company, people: tuple[PersonFacts, ...], company_is_new: bool = False) -> None:
    """One row per person across releases: 'Mohd Aslami' in one and 'Dr. Mohd A. Aslami' in another
    are the same chairman, kept under the fuller name (unless a person chose the name in the admin)."""
    # in the model's order (company, name) without the join to the company that ordering would add
    people_there = [] if company_is_new else list(Person.objects.filter(company_id=company.pk).order_by("name"))
    known = {person_key(p.name): p for p in people_there}
    new: dict[tuple[str, str], Person] = {}
    renamed = False
    for facts in people:
        name, title = facts.name.strip()[:200], (facts.title or "").strip()[:200]
        key = person_key(name)
        if not name or not key[0]:
            continue
        if key in known:
            person = known[key]
            changed = _fill(person, {"title": title})
            if len(name) > len(person.name) and person.import_may_set("name"):
                person.name = name
                changed.append("name")
            _save(person, changed)
            renamed = renamed or bool(changed)
        elif key in new:
            if len(name) > len(new[key].name):
                new[key].name = name
            new[key].title = new[key].title or title
        else:
            new[key] = Person(company=company, name=name, title=title)
    if new:
        _create_with_history(list(new.values()), Person)
    if (new or renamed) and not company_is_new:  # the pages of its cases list its people (see page_changes)
        touch(Q(company_id=company.pk))


def _case(
    company: Company,
    facts: CaseFacts | None,
    courts: Courts | None = None,
    company_is_new: bool = False,
    sha256: str = "",
) -> tuple[Case, bool, bool]:
    """The release's case, found or created: (case, created, saved: its row written, ``updated`` with it)."""
    court = _court(facts, courts)
    number = (facts.case_number or "").strip()[:40] if facts else ""
    key = normalize_case_number(number) if number else ""
    case = _matching_case(company, court, key, courts, company_is_new)
    values = {
        "court": court,
        "division": ((facts.court.division or "") if facts and facts.court else "")[:60],
        "chapter": facts.chapter if facts and facts.chapter in Case.Chapter.values else None,
        "voluntary": facts.voluntary if facts else None,
        "case_number": number,
        "petition_date": facts.petition_date if facts else None,
    }
    confidence, evidence = (facts.confidence, facts.evidence) if facts else ({}, {})
    if case is None:
        case = Case(company=company)
        for field, value in values.items():
            _assign(case, field, value)
        _note(case, values, confidence, evidence, sha256)
        _save_with_history(case, created=True)
        return case, True, True
    # Only fill what the case does not know: a different petition date from this release stays on
    # its petition event, visible as a conflict, and never silently replaces the case's.
    changed = _fill(case, values)
    changed += _note(case, values, confidence, evidence, sha256)
    _save(case, changed)
    if "case_number" in changed:  # the cases jointly administered under it name it by its number
        touch(Q(lead_case_id=case.pk))
    return case, False, bool(changed)


def _court(facts: CaseFacts | None, courts: Courts | None = None) -> Court | None:
    court_id = facts.court.id if facts and facts.court else None
    if not court_id:
        return None
    return courts.get(court_id) if courts is not None else Court.objects.filter(pk=court_id).first()


def _matching_case(
    company: Company, court: Court | None, key: str, courts: Courts | None = None, company_is_new: bool = False
) -> Case | None:
    """One query for both ways a release finds its case: the court + case number (whatever the debtor's
    spelling there) and the company's own cases. A case whose court or number a person corrected still
    answers to what the importer first wrote there (its history says), so a release telling it again
    joins it rather than starting a copy of it under the values the person corrected away."""
    by_number = court is not None and bool(key)
    if company_is_new and not by_number:
        return None  # a company created just now has no cases
    where = Q(company_id=company.pk)
    if by_number:
        where |= Q(court_id=court.pk, case_number_normalized=key)
    rows = list(Case.objects.filter(where).order_by("-id"))
    for c in rows:
        if c.company_id == company.pk:
            c.company = company
        if c.court_id is not None and courts is not None and (known_court := courts.get(c.court_id)) is not None:
            c.court = known_court
    imported = _imported_keys([c for c in rows if _refiled(c)])
    current = {c.pk: ({c.court_id}, {c.case_number_normalized}) for c in rows}
    found = _pick(rows, company, court, key, [current, imported])
    if found is None and by_number:
        found = _refiled_elsewhere(court, key)
    return found


_FILING_KEYS = ("court", "case_number")  # what a release finds its case by


def _refiled(case: Case) -> bool:
    """A person corrected the court or the number the case is found by."""
    return any(field in case.edited_fields for field in _FILING_KEYS)


def _imported_keys(cases: list[Case]) -> dict[int, tuple[set, set]]:
    """Per case, the courts and case numbers imports wrote on it (from its history): one query, and
    none at all unless a person corrected one of them."""
    keys: dict[int, tuple[set, set]] = {}
    if not cases:
        return keys
    written = _history(Case).model.objects.filter(id__in=[c.pk for c in cases], history_change_reason=CHANGE_REASON)
    for pk, court_id, number in written.values_list("id", "court_id", "case_number_normalized").order_by():
        courts, numbers = keys.setdefault(pk, (set(), set()))
        courts.add(court_id)
        numbers.add(number)
    return keys


def _pick(rows: list[Case], company: Company, court: Court | None, key: str, keys: list[dict]) -> Case | None:
    """The release's case among ``rows``. ``keys``: the (courts, numbers) each case answers to, the
    surest first (its values now, then what imports once wrote): each is tried in turn at every step."""

    def courts_of(c: Case, tier: dict) -> set:
        return tier.get(c.pk, ((), ()))[0]

    def numbers_of(c: Case, tier: dict) -> set:
        return {n for n in tier.get(c.pk, ((), ()))[1] if n}

    if court is not None and key:
        for tier in keys:  # unique per court: the case is this one, under whichever spelling of the debtor
            for c in rows:
                if court.pk in courts_of(c, tier) and key in numbers_of(c, tier):
                    return c

    def compatible(c: Case) -> bool:  # a different case number in the same court is another case
        numbers = set().union(*(numbers_of(c, tier) for tier in keys))
        return not (key and numbers and key not in numbers)

    cases = [c for c in rows if c.company_id == company.pk and compatible(c)]
    # "no court on either side": the release names none, or the case was stored without one
    courtless = [c for c in cases if court is None or c.court_id is None]
    same_court = [[c for c in cases if court is not None and court.pk in courts_of(c, tier)] for tier in keys]
    for candidates in (*same_court, courtless):
        if candidates:
            numbered = [c for c in candidates if key and any(key in numbers_of(c, tier) for tier in keys)]
            return (numbered or candidates)[0]
    return None


def _refiled_elsewhere(court: Court, key: str) -> Case | None:
    """The case an import once filed under this court and number, which a person has since moved to
    another (under any spelling of the debtor): asked only when no case holds them now."""
    written = _history(Case).model.objects.filter(
        court_id=court.pk, case_number_normalized=key, history_change_reason=CHANGE_REASON
    )
    return Case.objects.filter(pk__in=written.values("id")).order_by("-pk").first()


# --- events and their typed records ------------------------------------------------------------------


class _EventWriter:
    """Adds one release's events to a case with a constant number of queries per release: one to read
    the case's events (none for a new case), one per kind of typed record it needs, then one bulk insert
    each for the new records, the new events, the events it fills in and the sources (history rows
    included, in bulk)."""

    def __init__(self, case: Case, release: Release, new_case: bool = False) -> None:
        self.case = case
        self.release = release
        self.new_case = new_case  # created by this release: nothing to read back
        self.debtor = case.company.name
        self.known: list[TimelineEvent] = []
        self._records: dict[str, list] = {}
        self._new_records: dict[str, list] = {}
        # rows already matched by an event of this release: each matches at most one
        self.claimed: set[int] = set()
        self.claimed_records: set[int] = set()  # id() of the record objects, saved or not yet
        # per event a person corrected: how imports told it, (identity, date, precision, summary) each
        self.imported: dict[int, set[tuple]] = {}

    def write(self, events: tuple[Event, ...]) -> tuple[int, int]:
        self.known = self._known_rows(events)
        deleted = None  # read once an event is not on the case: a release that only confirms never asks
        new: list[TimelineEvent] = []
        filled: list[TimelineEvent] = []
        noted: list[TimelineEvent] = []  # only their confidence changed: a narrower update
        spans: list[tuple[TimelineEvent, Event]] = []
        confirmed = 0
        for ev in events:
            row = self._known_event(ev)
            if row is None:
                if deleted is None:
                    deleted = self._deleted_rows(events)
                if any(_same_step(gone, ev) for gone in deleted):
                    continue  # a person deleted this step: a release telling it again does not bring it back
                row = self._new_event(ev)
                new.append(row)
            else:
                self.claimed.add(row.pk)
                changed = self._confirm(row, ev)
                if changed == ["confidence"]:
                    noted.append(row)
                elif changed:
                    filled.append(row)
                confirmed += 1
            spans.append((row, ev))
        for field, records in self._new_records.items():  # before the events that point at them
            _create_with_history(records, _RECORD_MODEL[field])
        if new:
            _create_with_history(new, TimelineEvent)
        now = timezone.now()  # bulk_update skips pre_save: auto_now is set here (the case page's version)
        for row in filled + noted:
            row.updated = now
        if filled:
            _update_with_history(filled, TimelineEvent, [*_FILLABLE_EVENT_FIELDS, "updated"])
        if noted:  # only their scores moved: no history row (as _save)
            TimelineEvent.objects.bulk_update(noted, [*_CONFIDENCE_FIELDS, "updated"])
        EventSource.objects.bulk_create(  # no history, no signals
            [
                EventSource(
                    event=row,
                    release=self.release,
                    start=ev.evidence.start,
                    end=ev.evidence.end,
                    quote=ev.evidence.quote,
                )
                for row, ev in spans
            ]
        )
        return len(new), confirmed

    def _known_rows(self, events: tuple[Event, ...]) -> list[TimelineEvent]:
        """The case's events, with the typed records only of the kinds this release reports."""
        if self.new_case or not events:
            return []
        related = sorted({_RECORD_FIELD[ev.kind] for ev in events if ev.kind in _RECORD_FIELD})
        events = TimelineEvent.objects.filter(case_id=self.case.pk).order_by("id")
        found = list(events.select_related(*related) if related else events)  # none named would join every one
        for row in found:
            row.case = self.case
        self.imported = _imported_tellings(found, self.debtor, related)
        return found

    def _deleted_rows(self, events: tuple[Event, ...]) -> list:
        """The case's events a person deleted (the import never deletes), from their history: one query."""
        if self.new_case or not events:
            return []
        history = _history(TimelineEvent).model
        rows = history.objects.filter(case_id=self.case.pk, history_type="-")
        return list(rows.only("id", "kind", "date", "date_precision", "summary").order_by())

    # An event is known when another release (or a person) already recorded it: same kind and same
    # date, or same kind and the same typed record (the same adversary defendant, award counterparty,
    # motion kind). Each known row matches at most one event of this release, so a release reporting
    # two orders entered on one day keeps both. An event a person re-dated or reworded is known by its
    # values now, and failing those by what the importer wrote there: a correction never copies an event.
    def _known_event(self, ev: Event) -> TimelineEvent | None:
        identity = _identity(ev, self.debtor)
        rows = [row for row in self.known if row.pk not in self.claimed and row.kind == ev.kind]
        for tellings in (lambda row: (_telling(row, self.debtor),), lambda row: self.imported.get(row.pk, ())):
            for row in rows:
                if any(_tells(ev, identity, *telling) for telling in tellings(row)):
                    return row
        return None

    def _confirm(self, row: TimelineEvent, ev: Event) -> list[str]:
        """Fill in what an imported event lacked; a person's event or value is left as it is. Returns what
        changed (the row is then written with the others, in one statement)."""
        changed = _fill(row, {"date": ev.date, "amount": ev.amount})
        if ev.confidence is not None and row.note_fact(
            "event", ev.confidence.percent, ev.confidence.reason, ev.evidence.quote, self.release.sha256
        ):
            changed.append("confidence")
        field = _RECORD_FIELD.get(ev.kind)
        if field and row.import_may_set(field) and not (row.motion_id or row.adversary_proceeding_id or row.award_id):
            record = self._typed_record(ev)
            if record is not None:
                setattr(row, field, record)
                changed.append(field)
        if changed != ["confidence"] and changed:
            event_sort_fields(row)  # what TimelineEvent.save() would do; the bulk update skips save()
        return changed

    def _new_event(self, ev: Event) -> TimelineEvent:
        row = TimelineEvent(
            case=self.case,
            kind=ev.kind,
            summary=ev.summary[:500],
            parties=[p.to_contract() for p in ev.parties],
        )
        set_partial_date(row, "date", ev.date)
        _set_amount(row, ev.amount)
        event_sort_fields(row)
        if ev.confidence is not None:
            row.note_fact("event", ev.confidence.percent, ev.confidence.reason, ev.evidence.quote, self.release.sha256)
        record = self._typed_record(ev)
        if record is not None:
            setattr(row, _RECORD_FIELD[ev.kind], record)
        return row

    def _typed_record(self, ev: Event):
        """The Motion / AdversaryProceeding / DisclosedAward this event is about: found, or made (and
        written, in bulk, before the events)."""
        field = _RECORD_FIELD.get(ev.kind)
        if field is None:
            return None
        records = self._records_for(field)
        identity = _identity(ev, self.debtor)
        for record in records:
            if id(record) in self.claimed_records:
                continue
            if _record_identity(field, record, self.debtor) == identity and (
                field != "motion" or _dates_compatible(record, ev.date, "filed")
            ):
                self.claimed_records.add(id(record))
                return record
        record = self._make_record(field, ev)
        records.append(record)
        self._new_records.setdefault(field, []).append(record)
        self.claimed_records.add(id(record))
        return record

    def _records_for(self, field: str) -> list:
        if field not in self._records:
            model = _RECORD_MODEL[field]
            self._records[field] = (
                [] if self.new_case else list(model._default_manager.filter(case_id=self.case.pk).order_by("id"))
            )
        return self._records[field]

    def _make_record(self, field: str, ev: Event):
        if field == "motion":
            record = Motion(case=self.case, kind=_motion_kind(ev), description=ev.summary[:500])
            set_partial_date(record, "filed", ev.date)
        elif field == "adversary_proceeding":
            record = AdversaryProceeding(
                case=self.case,
                plaintiff=(_party(ev, "plaintiff") or self.debtor)[:200],
                defendant=(_party(ev, "defendant") or "")[:200],
                nature=_nature(ev)[:500],
            )
            set_partial_date(record, "filed", ev.date)
        else:
            in_favor_of, against = _award_sides(ev, self.debtor)
            record = DisclosedAward(
                case=self.case,
                kind=_award_kind(ev),
                in_favor_of=in_favor_of[:200],
                against=against[:200],
                forum=(_party(ev, "forum", "court", "tribunal", "arbitrator") or "")[:200],
                description=ev.summary[:500],
            )
            set_partial_date(record, "date", ev.date)
        _set_amount(record, ev.amount)
        return record


_RECORD_FIELD = {
    TimelineEvent.Kind.MOTION_FILED: "motion",
    TimelineEvent.Kind.ADVERSARY_PROCEEDING: "adversary_proceeding",
    TimelineEvent.Kind.AWARD: "award",
    TimelineEvent.Kind.JUDGMENT: "award",
}
_RECORD_MODEL = {"motion": Motion, "adversary_proceeding": AdversaryProceeding, "award": DisclosedAward}
# what _confirm may fill in on a known event, as columns (with the sort columns the date decides)
_CONFIDENCE_FIELDS = ["confidence", "confidence_facts"]
_FILLABLE_EVENT_FIELDS = [
    "date",
    "date_precision",
    "date_qualifier",
    "date_text",
    "sort_date",
    "sort_rank",
    "amount",
    "currency",
    "amount_qualifier",
    "amount_note",
    "motion",
    "adversary_proceeding",
    "award",
    "confidence",
    "confidence_facts",
]


_EVENT_KEYS = {"date", "summary"}  # what an event without a typed record is known by
_RECORD_KEYS = {  # what a typed record is known by (its identity)
    "motion": ("kind",),
    "adversary_proceeding": ("defendant",),
    "award": ("kind", "in_favor_of", "against"),
}


def _telling(row: TimelineEvent, debtor: str) -> tuple:
    """How the row tells its event now: (identity, date, precision, summary)."""
    return (_row_identity(row, debtor), row.date, row.date_precision, row.summary)


def _imported_tellings(rows: list[TimelineEvent], debtor: str, related: list[str]) -> dict[int, set[tuple]]:
    """Per event a person corrected (its date or summary, or what its typed record is known by), how
    imports told it, from the history of the event and of its record (``related``: the records read
    with the rows): a query per model that has such a row, and none at all when none has."""
    tellings: dict[int, set[tuple]] = {}
    redated = [row for row in rows if _EVENT_KEYS & set(row.edited_fields)]
    if redated:
        written = _history(TimelineEvent).model.objects.filter(
            id__in=[row.pk for row in redated], history_change_reason=CHANGE_REASON
        )
        identities = {row.pk: _row_identity(row, debtor) for row in redated}
        for pk, *told in written.values_list("id", "date", "date_precision", "summary").order_by():
            tellings.setdefault(pk, set()).add((identities[pk], *told))
    for field in related:
        keys, corrected = _RECORD_KEYS[field], {}  # record id -> the rows pointing at it
        for row in rows:
            record = getattr(row, field)
            if record is not None and set(keys) & set(record.edited_fields):
                corrected.setdefault(record.pk, []).append(row)
        if not corrected:
            continue
        model = _RECORD_MODEL[field]
        written = _history(model).model.objects.filter(id__in=list(corrected), history_change_reason=CHANGE_REASON)
        for pk, *values in written.values_list("id", *keys).order_by():
            identity = _record_identity(field, model(**dict(zip(keys, values, strict=True))), debtor)
            for row in corrected[pk]:
                tellings.setdefault(row.pk, set()).add((identity, row.date, row.date_precision, row.summary))
    return tellings


def _tells(ev: Event, identity: tuple | None, row_identity: tuple | None, date, precision: str, summary: str) -> bool:
    """The release's event is the row's, told with this identity, date and summary."""
    if identity and row_identity:
        if identity != row_identity:
            return False
        same_day = date is None or ev.date is None or (date, precision) == (ev.date.value, ev.date.precision)
        return ev.kind != TimelineEvent.Kind.MOTION_FILED or same_day
    if ev.date is None or date is None:
        return ev.date is None and date is None and _squash(summary) == _squash(ev.summary)
    return (date, precision) == (ev.date.value, ev.date.precision)


def _identity(ev: Event, debtor: str) -> tuple | None:
    """What makes an event's typed record the same record: None for kinds without one."""
    field = _RECORD_FIELD.get(ev.kind)
    if field == "motion":
        return ("motion", _motion_kind(ev))
    if field == "adversary_proceeding":
        defendant = _party(ev, "defendant")
        return ("adversary", normalize_company_name(defendant)) if defendant else None
    if field == "award":
        in_favor_of, against = _award_sides(ev, debtor)
        other = in_favor_of if normalize_company_name(against) == normalize_company_name(debtor) else against
        return ("award", _award_kind(ev), normalize_company_name(other)) if other else None
    return None


def _record_identity(field: str, record, debtor: str) -> tuple | None:
    if field == "motion":
        return ("motion", record.kind)
    if field == "adversary_proceeding":
        return ("adversary", normalize_company_name(record.defendant)) if record.defendant else None
    against_debtor = normalize_company_name(record.against) == normalize_company_name(debtor)
    other = record.in_favor_of if against_debtor or not record.against else record.against
    return ("award", record.kind, normalize_company_name(other)) if other else None


def _row_identity(row: TimelineEvent, debtor: str) -> tuple | None:
    for field in ("motion", "adversary_proceeding", "award"):
        record = getattr(row, field)
        if record is not None:
            return _record_identity(field, record, debtor)
    return None


def _motion_kind(ev: Event) -> str:
    return ev.subtype if ev.subtype in Motion.Kind.values else Motion.Kind.OTHER


def _award_kind(ev: Event) -> str:
    if ev.subtype in DisclosedAward.Kind.values:
        return ev.subtype
    return (
        DisclosedAward.Kind.JUDGMENT
        if ev.kind == TimelineEvent.Kind.JUDGMENT
        else DisclosedAward.Kind.ARBITRATION_AWARD
    )


def _award_sides(ev: Event, debtor: str) -> tuple[str, str]:
    """(in favour of, against). A release discloses an award because it weighs on the debtor, so a
    counterparty named without sides is taken to have won it against the debtor."""
    winner = _party(ev, "in_favor_of", "claimant", "plaintiff", "creditor", "counterparty") or ""
    loser = _party(ev, "against", "respondent", "defendant") or ""
    if winner and not loser:
        loser = debtor
    elif loser and not winner and normalize_company_name(loser) != normalize_company_name(debtor):
        winner = debtor
    return winner, loser


def _party(ev: Event, *roles: str) -> str | None:
    for role in roles:
        for party in ev.parties:
            if party.role == role and party.name.strip():
                return party.name.strip()
    return None


_NATURES = (
    (
        "breach of contract",
        re.compile(r"breach[- ]of[- ]contract|breach of (?:the|its|their) (?:\w+ )?(?:contract|agreement)", re.I),
    ),
    ("preference recovery", re.compile(r"\bpreferen", re.I)),
    ("fraudulent transfer", re.compile(r"fraudulent (?:transfer|conveyance)", re.I)),
    ("fraud", re.compile(r"\bfraud\b", re.I)),
    ("breach of fiduciary duty", re.compile(r"fiduciary", re.I)),
    ("patent infringement", re.compile(r"infring", re.I)),
    ("turnover of property", re.compile(r"\bturnover\b", re.I)),
    ("equitable subordination", re.compile(r"subordinat", re.I)),
)


def _nature(ev: Event) -> str:
    words = f"{ev.summary} {ev.evidence.quote}"
    return ", ".join(name for name, pattern in _NATURES if pattern.search(words))


# --- history rows in bulk ----------------------------------------------------------------------------
# simple_history's bulk_create_with_history and bulk_update_with_history, with each model's history manager
# made once per run: every ``Model.history`` builds a new manager class (inspect.getmembers, ~0.5 ms), which
# was the largest single cost of a release that creates its case. The rows written are the same.


@cache
def _history(model):
    return get_history_manager_for_model(model)


def _create_with_history(objs: list, model) -> list:
    if not connections[router.db_for_write(model)].features.can_return_rows_from_bulk_insert:
        # the keys do not come back: the library finds the rows again before writing their history
        return bulk_create_with_history(objs, model, default_change_reason=CHANGE_REASON)
    # (no atomic block of its own, as the library has: always inside the release's transaction)
    created = model._default_manager.bulk_create(objs)  # the keys come back: history can point at them
    _history(model).bulk_history_create(created, default_change_reason=CHANGE_REASON)
    return created


def _update_with_history(objs: list, model, fields: list[str]) -> None:
    model._default_manager.bulk_update(objs, fields)
    _history(model).bulk_history_create(objs, update=True, default_change_reason=CHANGE_REASON)


# --- small helpers ----------------------------------------------------------------------------------


def _fill(obj, values: dict) -> list[str]:
    """Set each value the record lacks, where the import may set it; returns the fields changed.

    Never replaces a value already there: a second release saying otherwise is kept as its own
    event, and a person's value is theirs (staff records and edited fields are left alone).
    """
    changed = []
    for field, value in values.items():
        if value in (None, "") or not obj.import_may_set(field) or not _is_empty(obj, field):
            continue
        _assign(obj, field, value)
        changed.append(field)
    return changed


def _note(obj, values: dict, confidence: dict, evidence: dict, sha256: str) -> list[str]:
    """Record how sure the reading of each fact this release gives the row is, where the row now holds the
    release's own value (a value another release or a person set is theirs, and stays unscored by this one).
    A second release reading the same value raises the fact's score. Returns ["confidence"] when it changed."""
    changed = False
    for fact, how in confidence.items():
        if fact not in values or not _holds(obj, fact, values[fact]):
            continue
        span = evidence.get(fact)
        changed |= obj.note_fact(fact, how.percent, how.reason, span.quote if span else "", sha256)
    return ["confidence"] if changed else []


def _holds(obj, field: str, value) -> bool:
    if value in (None, ""):
        return False
    if field == "court":
        return obj.court_id == value.pk
    if field == "name":  # 'FiberCore Inc.' and 'FiberCore, Inc.' are one reading of one name
        return normalize_company_name(obj.name) == normalize_company_name(value)
    current = getattr(obj, field)
    if isinstance(value, PartialDate):
        return current == value.value and getattr(obj, f"{field}_precision") == value.precision
    return current == value


def _is_empty(obj, field: str) -> bool:
    if field == "court":
        return obj.court_id is None
    return getattr(obj, field) in (None, "")


def _assign(obj, field: str, value) -> None:
    if isinstance(value, PartialDate) or (value is None and f"{field}_precision" in _field_names(obj)):
        set_partial_date(obj, field, value)
    elif isinstance(value, Money) or (value is None and field == "amount"):
        _set_amount(obj, value)
    else:
        setattr(obj, field, value)


def _field_names(obj) -> set[str]:
    return {f.attname for f in obj._meta.concrete_fields}


def _save(obj, changed: list[str]) -> None:
    if changed == ["confidence"]:
        # only the importer's score of a fact moved (another release read it the same way): no value a
        # person could see in the row's history changed, so no history row, and only those columns
        obj.save_without_historical_record(update_fields=_CONFIDENCE_FIELDS + _auto_now(type(obj)))
    elif changed:
        _save_with_history(obj)


@cache
def _auto_now(model) -> list[str]:
    """The model's auto_now columns: a save limited to some columns sets them only if named."""
    return [f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]


def _save_with_history(obj, created: bool = False) -> None:
    """``obj.save()`` and its history row, as simple_history's post_save would write it, but through the
    history manager made once per run (its post_save builds one per call: a third of a company's save)."""
    obj.save_without_historical_record()
    _history(type(obj)).bulk_history_create([obj], update=not created, default_change_reason=CHANGE_REASON)


def _set_amount(obj, money: Money | None) -> None:
    if money is None or abs(money.value) >= _MAX_AMOUNT:
        obj.amount, obj.currency, obj.amount_qualifier, obj.amount_note = None, "USD", "", ""
        return
    obj.amount = money.value.quantize(_CENT)
    obj.currency = (money.currency or "USD")[:3]
    obj.amount_qualifier = money.qualifier or ""
    obj.amount_note = (money.note or "")[:200]


def _dates_compatible(row, date: PartialDate | None, field: str = "date") -> bool:
    """Same day, or one side does not say: 'the DIP motion' and 'a DIP motion filed today' agree."""
    value = getattr(row, field)
    return value is None or date is None or (value, getattr(row, f"{field}_precision")) == (date.value, date.precision)


def _same_step(gone, ev: Event) -> bool:
    """A deleted event's row and a newly read event tell the same step: same kind and day, or both undated
    with the same summary."""
    if gone.kind != ev.kind:
        return False
    if gone.date is None or ev.date is None:
        return gone.date is None and ev.date is None and _squash(gone.summary) == _squash(ev.summary)
    return (gone.date, gone.date_precision) == (ev.date.value, ev.date.precision)


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
