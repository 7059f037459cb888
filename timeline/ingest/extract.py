"""One release's bytes -> ``Extraction``: decode, clean, then read dates, parties, court and events.

Pure: no database, no Django. ``extract_release`` raises ``UnreadableRelease`` with one line for a
person when the bytes are not a release; everything else is best effort and never raises.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re

from timeline.ingest.clean import boilerplate_ranges, clean_text, fold, in_ranges, lowered, sentence_spans
from timeline.ingest.confidence import (
    CASE_NUMBER,
    UNDATED,
    VOLUNTARY,
    chapter_confidence,
    court_confidence,
    event_confidence,
)
from timeline.ingest.courts import court_filed_in_state, find_court
from timeline.ingest.dates import DateMention, date_in_file_name, find_dates, find_release_date
from timeline.ingest.decode import Decoded, UnreadableRelease, decode_release
from timeline.ingest.events import CHAPTER, DIP, Reading, chapter_in, chapter_of, filings_told, read_events
from timeline.ingest.facts import CaseFacts, CompanyFacts, Confidence, Extraction, PartialDate, SourceFacts, Span
from timeline.ingest.money import find_money
from timeline.ingest.parties import find_people
from timeline.ingest.subject import find_company
from timeline.ingest.summaries import ReleaseFacts, printable_court, summarize
from timeline.ingest.truecase import shouted, truecased

__all__ = ["Read", "UnreadableRelease", "extract_release", "read_release"]

# as printed: '19-10456 (KG)', '19-10456-KG', '3:19-bk-30289', '6:13-bk-04567-KSJ', '20-30967'
_CASE_NUMBER = re.compile(
    r"\b(?:case|bankr\.?\s+case)\s+(?:no|number|nos)\.?\s*:?\s*"
    r"(?P<n>(?:\d{1,2}:)?\d{2}-(?:bk-|BK-|B-)?\d{3,6}(?-i:(?:[- ][A-Z]{2,4}\b|\s?\([A-Z]{2,4}\)))?)",
    re.I,
)
_CASE_WORDS = re.compile(
    r"\bchap(?:ter|er)?\s+(?:\d{1,2}|[IVX]{1,4})\b|\bbankrupt\w*|\bdebtor[- ]in[- ]possession|\breceivership\b", re.I
)
# a filing told as a noun: 'as a result of the Company's Chapter 11 filing on June 30, 2011'
_FILING_ON = re.compile(
    r"\b(?:its|our|their|the\s+company['’]s|the\s+debtors?['’]s?)\s+(?:voluntary\s+)?chapter\s+\d{1,2}\s+"
    r"(?:filing|petitions?|case)\s+(?:was\s+filed\s+)?on\s+",
    re.I,
)
_CASE_WORDS_LOW, _FILING_ON_LOW = lowered(_CASE_WORDS), lowered(_FILING_ON)  # over fold(text); offsets only
_TITLE_NOISE = re.compile(
    r"^(?:for immediate release|media contact|contacts?:?|exhibit\b|news release|press release)", re.I
)
_COURT_SAYS = re.compile(r"\b(?:court|judge)\b|\bSection\s+363\b", re.I)
_CASE_EVENT_KINDS = frozenset(
    [
        "petition_filed",
        "motion_filed",
        "order_entered",
        "hearing",
        "adversary_proceeding",
        "plan_filed",
        "plan_confirmed",
        "emergence",
        "conversion",
        "dismissal",
    ]
)


@dataclasses.dataclass(frozen=True)
class Read:
    """A release read as far as its events, before deciding whether it reports a case."""

    decoded: Decoded
    found: str  # the cleaned text as the release wrote it
    shout: bool  # written in capitals: ``text`` is then truecased (same offsets)
    text: str
    release_date: PartialDate | None
    sentences: list[tuple[int, int]]
    boiler: list[tuple[int, int]]
    dates: list[DateMention]
    company: CompanyFacts | None
    reading: Reading


def read_release(raw: bytes, file: str) -> Read:
    """Decode, clean, then read the release's date, subject and events."""
    decoded = decode_release(raw)
    found = clean_text(decoded.text)
    if not found.strip():
        raise UnreadableRelease("no readable text after removing markup and page furniture")
    shout = shouted(found)
    text = truecased(found) if shout else found  # read as prose; its own capitals are put back after
    release_date = find_release_date(text, decoded.date, date_in_file_name(file))
    anchor = release_date.value if release_date else None
    sentences = sentence_spans(text)
    boiler = boilerplate_ranges(text)
    dates = find_dates(text, anchor)
    lead = [(s, e) for s, e in sentences if not in_ranges(s, boiler) and s < 6000][:40]
    company = find_company(text, sentences, lead, dates, boiler, filings_told(text, sentences, boiler))
    reading = read_events(text, sentences, boiler, dates, find_money(text), anchor, company.name if company else None)
    return Read(decoded, found, shout, text, release_date, sentences, boiler, dates, company, reading)


def extract_release(raw: bytes, file: str) -> Extraction:
    """Everything the parser reads from one release; spans index ``source.text``."""
    read = read_release(raw, file)
    text, found, shout, company, reading = read.text, read.found, read.shout, read.company, read.reading
    sentences, boiler, decoded = read.sentences, read.boiler, read.decoded
    is_case, reason = _is_case(text, reading, boiler)
    source = SourceFacts(
        file=file,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=decoded.title or _title(text, sentences, company.name if company else None),
        release_date=read.release_date,
        format=decoded.format,
        text=found,
    )
    if not is_case:
        return _quoting(found, shout, Extraction(source, False, reason, company, None, (), find_people(text)))
    case = _case(text, reading, boiler, read.dates, sentences)
    court = printable_court(case.court.name, text) if case.court and case.court.id else None
    facts = ReleaseFacts(company.name if company else None, case.chapter, court)
    events = tuple(
        dataclasses.replace(e, summary=summarize(e, at - e.evidence.start, facts))
        for e, at in zip(reading.events, reading.trigger_at, strict=True)
    )
    return _quoting(found, shout, Extraction(source, True, None, company, case, events, find_people(text)))


def _quoting(found: str, shout: bool, extraction: Extraction) -> Extraction:
    """Every quote as the release wrote it, when it was read through a truecased copy (same offsets)."""
    if not shout:
        return extraction

    def span(s: Span) -> Span:
        return Span(s.start, s.end, found[s.start : s.end])

    def spans(evidence: dict[str, Span]) -> dict[str, Span]:
        return {name: span(s) for name, s in evidence.items()}

    company, case = extraction.company, extraction.case
    return dataclasses.replace(
        extraction,
        company=company and dataclasses.replace(company, evidence=spans(company.evidence)),
        case=case and dataclasses.replace(case, evidence=spans(case.evidence)),
        events=tuple(dataclasses.replace(e, evidence=span(e.evidence)) for e in extraction.events),
    )


def _is_case(text: str, reading: Reading, boiler: list[tuple[int, int]]) -> tuple[bool, str | None]:
    """A case is reported when the release states a case event, a filing by the company as background,
    debtor-in-possession financing, or a sale a court approved."""
    if any(e.kind in _CASE_EVENT_KINDS for e in reading.events) or reading.background_filings:
        return True, None
    if any(e.kind == "financing" and DIP.search(e.evidence.quote) for e in reading.events):
        return True, None  # debtor-in-possession financing is had only in a case
    if any(e.kind == "asset_sale" and _COURT_SAYS.search(e.evidence.quote) for e in reading.events):
        return True, None  # 'the bankruptcy judge approved the sale at a hearing': a sale in a case
    words = [m for m in _CASE_WORDS_LOW.finditer(fold(text)) if not in_ranges(m.start(), boiler)]
    if reading.other_company_filings:
        return False, "the release reports another company's bankruptcy filing, not a case of its own"
    if words and any(
        re.search(r"\b(?:its|our|the company's)\s+chapter\s+11\b", text[max(0, m.start() - 20) : m.end()], re.I)
        for m in words
    ):
        return True, None
    if words:
        return False, "bankruptcy is mentioned, but only about another company or as a possibility; no case is reported"
    if any(True for _ in _CASE_WORDS_LOW.finditer(fold(text))):
        return False, "bankruptcy appears only in forward-looking or safe-harbor boilerplate"
    return False, "no bankruptcy filing is reported (financial distress or other news only)"


def _case(
    text: str,
    reading: Reading,
    boiler: list[tuple[int, int]],
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
) -> CaseFacts:
    """The case's fields, each with how sure its reading is and the sentence it was read in."""
    petition = next((e for e in reading.events if e.kind == "petition_filed"), None)
    spans = [(petition.evidence.start, petition.evidence.end)] if petition else reading.background_filings
    where = [text[a:b] for a, b in spans]
    reporting = _reporting_text(text, boiler)
    confidence: dict[str, Confidence] = {}
    evidence: dict[str, Span] = {}

    def read(field: str, at: int | tuple[int, int], how: Confidence) -> None:
        a, b = at if isinstance(at, tuple) else _sentence_at(sentences, at)
        confidence[field], evidence[field] = how, Span(a, b, text[a:b])

    chapters = {chapter_of(m) for m in CHAPTER.finditer(reporting)} - {None}
    chapter = next((c for c in (chapter_in(w) for w in where) if c), None)
    if chapter:
        read(
            "chapter",
            spans[next(i for i, w in enumerate(where) if chapter_in(w))],
            chapter_confidence("petition", len(chapters)),
        )
    elif m := next((m for m in CHAPTER.finditer(reporting) if chapter_of(m)), None):
        chapter = chapter_of(m)
        read("chapter", m.start(), chapter_confidence("release", len(chapters)))
    elif implied := _chapter_implied(reporting):
        chapter, at = implied
        read("chapter", at, chapter_confidence("implied", 0))
    voluntary = None
    joined = " ".join(where)
    if said := _VOLUNTARY.search(joined):
        voluntary = not said.group(0).lower().startswith("in")
        read("voluntary", spans[0], VOLUNTARY)
    court, court_at = None, None
    if petition:
        court, court_at = find_court(petition.evidence.quote), (petition.evidence.start, petition.evidence.end)
    if petition and (court is None or court.id is None):
        court = court_filed_in_state(petition.evidence.quote) or court
    if court is None or court.id is None:
        elsewhere = find_court(reporting)
        if elsewhere is not None:
            court, court_at = elsewhere, _located(reporting, elsewhere.name)
    if court and court.id and court_at is not None:
        by_city = not re.search(r"district|\bD\.|Bankr\.", court.name, re.I)
        from_petition = petition is not None and court_at == (petition.evidence.start, petition.evidence.end)
        read("court", court_at, court_confidence("petition" if from_petition else "release", by_city))
    number = _case_number(reporting)
    if number:
        read("case_number", number.start(), CASE_NUMBER)
    filed_on = petition.date if petition else None
    defined = _petition_date_defined(text, dates)
    if defined and (filed_on is None or filed_on.text == ""):  # '... on December 17, 2012 (the "Petition Date")'
        filed_on, at = defined
        read("petition_date", at, Confidence(0.95, "The release defines it: '(the \"Petition Date\")'"))
    elif petition and filed_on is not None:
        read("petition_date", spans[0], petition.confidence or event_confidence(UNDATED, filed_on, 1, False))
    elif not petition and (noun := _filing_date(reporting, dates)):
        filed_on, at = noun
        read(
            "petition_date",
            at,
            Confidence(0.85, "The filing told as a noun, with its date ('its Chapter 11 filing on ...')"),
        )
    return CaseFacts(chapter, voluntary, court, number.group("n") if number else None, filed_on, confidence, evidence)


_PETITION_DATE = re.compile(r"\s*,?\s*\(\s*(?:the\s+)?[\"“”]\s*petition\s+date\s*[\"“”]\s*\)", re.I)


def _petition_date_defined(text: str, dates: list[DateMention]):
    """(date, where) of a date the release names '(the "Petition Date")'."""
    if "etition" not in text:
        return None
    for d in dates:
        if not d.relative and d.date.precision == "day" and _PETITION_DATE.match(text, d.end):
            return d.date, d.start
    return None


_VOLUNTARY = re.compile(r"\b(?:in)?voluntar(?:y|ily)\b", re.I)


def _sentence_at(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    return sentences[i] if i >= 0 and sentences[i][0] <= pos < sentences[i][1] else (pos, pos)


def _located(text: str, written: str) -> int | None:
    """Where words written (spacing squashed) stand in ``text``."""
    words = [re.escape(w) for w in written.split()]
    m = re.search(r"\s+".join(words), text) if words else None
    return m.start() if m else None


# chapters a release implies without its number: a municipality's case is Chapter 9, the recognition of a
# foreign proceeding Chapter 15
_IMPLIED_CHAPTERS = (
    (9, re.compile(r"\bmunicipal(?:ity['’]s)?\s+bankruptc|\bplan\s+(?:for\s+the\s+)?adjustment\s+of\s+debts", re.I)),
    (15, re.compile(r"\bforeign\s+(?:main\s+|non-?main\s+)?proceedings?\b|\bforeign\s+representatives?\b", re.I)),
)


def _chapter_implied(reporting: str) -> tuple[int, int] | None:
    """(chapter, where its words are) for a chapter the release implies."""
    for chapter, rx in _IMPLIED_CHAPTERS:
        m = rx.search(reporting)
        if m:
            return chapter, m.start()
    return None


def _filing_date(reporting: str, dates: list[DateMention]):
    """(date, where) of a filing the release names only as a noun, when a date follows it directly."""
    starts = {d.start: d for d in dates if not d.relative}
    for m in _FILING_ON_LOW.finditer(fold(reporting)):
        if m.end() in starts:
            return starts[m.end()].date, m.start()
    return None


def _case_number(reporting: str) -> re.Match | None:
    """``_CASE_NUMBER.search``, tried only where 'case' or 'bankr' begins (in any case)."""
    low = fold(reporting)
    starts = sorted(i for word in ("case", "bankr") for i in _find_all(low, word))
    return next(filter(None, (_CASE_NUMBER.match(reporting, i) for i in starts)), None)


def _find_all(text: str, word: str):
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _reporting_text(text: str, boiler: list[tuple[int, int]]) -> str:
    """The release without its boilerplate, blanked in place so offsets stay meaningful."""
    if not boiler:
        return text
    if any(a < 0 or b > len(text) or a > b for a, b in boiler) or boiler != sorted(boiler):
        chars = list(text)
        for a, b in boiler:
            chars[a:b] = " " * (b - a)
        return "".join(chars)
    parts, pos = [], 0  # sorted ranges inside the text: blank each once, in order
    for a, b in boiler:
        a = max(a, pos)
        if b > a:
            parts += [text[pos:a], " " * (b - a)]
            pos = b
    return "".join([*parts, text[pos:]])


def _title(text: str, sentences: list[tuple[int, int]], company: str | None) -> str | None:
    """The headline: among early lines written as titles, the one about this case.

    A page can carry a banner or a contact block above its headline, so each title-like line is scored:
    naming the company (or its first word) and a bankruptcy or restructuring term count for it, naming
    another company counts against it; the best wins, the earliest among equals. The first line of the
    text, standing alone, may be in sentence case ('Pinecrest Foods to sell bakery unit after bankruptcy
    filing') when it names the company or the case.
    """
    name = _distinctive_word(company)
    names = re.compile(rf"\b{re.escape(name)}", re.I) if name else None
    best: tuple[int, int, str] | None = None
    for i, (s, e) in enumerate(sentences[:12]):
        if e - s > 400:
            continue
        line = " ".join(text[s:e].split())
        if len(line) > 200 or line.endswith((".", ",")) or len(line.split()) < 3 or _TITLE_NOISE.match(line):
            continue
        if re.search(r"\d{1,2}:\d\d|\d{4}$", line) or _NOT_TITLE.search(line):
            continue
        words = [w for w in line.split() if w[:1].isalpha()]
        titled = bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        score = (names is not None and names.search(line) is not None) + (_CASE_TERM.search(line) is not None)
        if not titled and not (score and _lone_first_line(text, s, e)):
            continue
        if score == 0 and _ANOTHER_COMPANY.search(line):
            score = -1
        if best is None or score > best[0]:
            best = (score, i, line)
    return best[2] if best else None


_NOT_TITLE = re.compile(
    r"^\(?(?:by|reporting\s+by|editing\s+by|writing\s+by|compiled\s+by|source)\b|\bassociated\s+press\b|https?:|www\."
    r"|@|\(\d{3}\)\s*\d{3}|\b\d{3}[-.]\d{3}[-.]\d{4}\b",
    re.I,
)
_CASE_TERM = re.compile(
    r"\b(?:chap(?:ter|er)?\s+(?:\d{1,2}|[IVX]{1,4})\b|bankrupt|insolv|restructur|reorgani[sz]|creditors?\b|petitions?\b"
    r"|receiver|liquidat|de-?list|emerg|debtor|court\b|motions?\b|protection\b|cash\s+crunch|default)",
    re.I,
)
_ANOTHER_COMPANY = re.compile(r"\b(?:Corp|Inc|Co|Ltd|LLC|Group|Holdings|Company|Corporation|Incorporated)\b\.?")
_NOT_DISTINCTIVE = frozenset(["the", "city", "town", "county", "village", "borough", "of", "new", "first"])


def _distinctive_word(company: str | None) -> str | None:
    """The word of a company's name a headline would use: 'FiberCore', 'Riverton' (for 'City of Riverton')."""
    for word in (company or "").split():
        word = re.sub(r"[^\w&'-]", "", word)
        if len(word) > 1 and word.lower() not in _NOT_DISTINCTIVE:
            return word
    return None


def _lone_first_line(text: str, s: int, e: int) -> bool:
    """The text's first line, standing as its own paragraph."""
    return not text[:s].strip() and "\n" not in text[s:e].strip() and text[e : e + 2] in ("\n\n", "\n", "")
