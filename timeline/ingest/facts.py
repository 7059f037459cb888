"""What the parser reads from one release: plain frozen dataclasses, no database.

The parser (``timeline.ingest.extract``) returns an ``Extraction``; the loader
(``timeline.ingest.load``) writes it; ``Extraction.to_contract()`` is the JSON line
the dry run prints (``fixtures/contract/release-extraction.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cases.partial_dates import DATE_QUALIFIERS, PRECISIONS, PartialDate  # noqa: F401 (re-exported)

MONEY_QUALIFIERS = (None, "about", "in_excess_of", "up_to", "at_least")
EVENT_KINDS = (
    "petition_filed",
    "motion_filed",
    "order_entered",
    "hearing",
    "adversary_proceeding",
    "award",
    "judgment",
    "financing",
    "asset_sale",
    "plan_filed",
    "plan_confirmed",
    "emergence",
    "conversion",
    "dismissal",
    "delisting",
    "other",
)


@dataclass(frozen=True)
class Confidence:
    """How sure the reading of one fact is (0 to 1) and why, in words a reviewer reads beside the sentence."""

    score: float
    reason: str

    def __post_init__(self) -> None:
        if not 0 <= self.score <= 1:
            raise ValueError(f"confidence {self.score} is not between 0 and 1")

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    def to_contract(self) -> dict:
        return {"score": round(self.score, 2), "reason": self.reason}


def confidences(facts: dict[str, Confidence]) -> dict:
    return {name: c.to_contract() for name, c in facts.items()}


@dataclass(frozen=True)
class Money:
    value: Decimal
    currency: str = "USD"
    qualifier: str | None = None
    note: str | None = None
    text: str = ""

    def to_contract(self) -> dict:
        value = int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
        return {"value": value, "currency": self.currency, "qualifier": self.qualifier, "note": self.note}


@dataclass(frozen=True)
class Span:
    """Character offsets into the cleaned text; ``quote`` is exactly ``text[start:end]``."""

    start: int
    end: int
    quote: str

    def to_contract(self) -> dict:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Party:
    name: str
    role: str  # debtor, plaintiff, defendant, counterparty, lender, buyer, court, ...

    def to_contract(self) -> dict:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Event:
    kind: str
    date: PartialDate | None
    summary: str
    evidence: Span
    amount: Money | None = None
    parties: tuple[Party, ...] = ()
    # for typed records: "dip_financing", "cash_collateral", "first_day", "sale_363", "plan_exclusivity",
    # "other" (motions); "arbitration_award", "judgment" (awards)
    subtype: str | None = None
    confidence: Confidence | None = None

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"event kind {self.kind!r} is not one of the contract's kinds")

    def to_contract(self) -> dict:
        return {
            "kind": self.kind,
            "date": self.date.to_contract() if self.date else None,
            "summary": self.summary,
            "amount": self.amount.to_contract() if self.amount else None,
            "parties": [p.to_contract() for p in self.parties],
            "evidence": self.evidence.to_contract(),
            **({"confidence": self.confidence.to_contract()} if self.confidence else {}),
        }


@dataclass(frozen=True)
class CourtRef:
    id: str | None  # courts-db id: mab, deb, nysb; None when the words name no court we can resolve
    name: str  # as written
    division: str | None = None

    def to_contract(self) -> dict:
        return {"id": self.id, "name": self.name, "division": self.division}


@dataclass(frozen=True)
class CaseFacts:
    chapter: int | None
    voluntary: bool | None
    court: CourtRef | None
    case_number: str | None
    petition_date: PartialDate | None
    # per field that has a value: how sure its reading is, and the words it was read from
    confidence: dict[str, Confidence] = field(default_factory=dict)
    evidence: dict[str, Span] = field(default_factory=dict)

    def to_contract(self) -> dict:
        return {
            "chapter": self.chapter,
            "voluntary": self.voluntary,
            "court": self.court.to_contract() if self.court else None,
            "case_number": self.case_number,
            "petition_date": self.petition_date.to_contract() if self.petition_date else None,
            "confidence": confidences(self.confidence),
        }


@dataclass(frozen=True)
class CompanyFacts:
    name: str
    ticker: str | None = None  # as written: FBCE.PK, PCG
    market: str | None = None  # NYSE, AMEX, Pink Sheets ... when written
    # "name" and (when there is one) "ticker": how sure, and the words each was read from
    confidence: dict[str, Confidence] = field(default_factory=dict)
    evidence: dict[str, Span] = field(default_factory=dict)

    def to_contract(self) -> dict:
        return {"name": self.name, "ticker": self.ticker, "confidence": confidences(self.confidence)}


@dataclass(frozen=True)
class PersonFacts:
    name: str
    title: str | None = None

    def to_contract(self) -> dict:
        return {"name": self.name, "title": self.title}


@dataclass(frozen=True)
class SourceFacts:
    file: str  # the path exactly as given
    sha256: str  # of the bytes as received
    title: str | None
    release_date: PartialDate | None
    format: str  # text, html, edgar, email
    text: str  # the cleaned text every Span indexes

    def to_contract(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "title": self.title,
            "release_date": self.release_date.to_contract() if self.release_date else None,
        }


@dataclass(frozen=True)
class Extraction:
    source: SourceFacts
    is_bankruptcy: bool
    not_case_reason: str | None = None  # why is_bankruptcy is False, in words a person reads
    company: CompanyFacts | None = None
    case: CaseFacts | None = None
    events: tuple[Event, ...] = ()
    people: tuple[PersonFacts, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_contract(self) -> dict:
        return {
            "source": self.source.to_contract(),
            "is_bankruptcy": self.is_bankruptcy,
            "company": self.company.to_contract() if self.company else None,
            "case": self.case.to_contract() if self.case else None,
            "events": [e.to_contract() for e in self.events],
            "people": [p.to_contract() for p in self.people],
        }
