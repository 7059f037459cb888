"""One release's bytes -> ``Extraction``: decode, clean, then read dates, parties, court and events.

Pure: no database, no Django. ``extract_release`` raises ``UnreadableRelease`` with one line for a
person when the bytes are not a release; everything else is best effort and never raises.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from timeline.ingest.clean import boilerplate_ranges, clean_text, fold, in_ranges, lowered, sentence_spans
from timeline.ingest.courts import find_court
from timeline.ingest.dates import DateMention, find_dates, find_release_date
from timeline.ingest.decode import UnreadableRelease, decode_release
from timeline.ingest.events import Reading, chapter_in, read_events
from timeline.ingest.facts import CaseFacts, Extraction, SourceFacts
from timeline.ingest.money import find_money
from timeline.ingest.parties import find_people
from timeline.ingest.subject import find_company
from timeline.ingest.summaries import ReleaseFacts, printable_court, summarize

__all__ = ["UnreadableRelease", "extract_release"]

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


def extract_release(raw: bytes, file: str) -> Extraction:
    """Everything the parser reads from one release; spans index ``source.text``."""
    decoded = decode_release(raw)
    text = clean_text(decoded.text)
    if not text.strip():
        raise UnreadableRelease("no readable text after removing markup and page furniture")
    release_date = find_release_date(text, decoded.date)
    anchor = release_date.value if release_date else None
    sentences = sentence_spans(text)
    boiler = boilerplate_ranges(text)
    dates = find_dates(text, anchor)
    lead = [(s, e) for s, e in sentences if not in_ranges(s, boiler) and s < 6000][:40]
    company = find_company(text, sentences, lead, dates, boiler)
    reading = read_events(text, sentences, boiler, dates, find_money(text), anchor, company.name if company else None)
    is_case, reason = _is_case(text, reading, boiler)
    source = SourceFacts(
        file=file,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=decoded.title or _title(text, sentences, company.name if company else None),
        release_date=release_date,
        format=decoded.format,
        text=text,
    )
    if not is_case:
        return Extraction(source, False, reason, company, None, (), find_people(text))
    case = _case(text, reading, boiler, dates)
    court = printable_court(case.court.name, text) if case.court and case.court.id else None
    facts = ReleaseFacts(company.name if company else None, case.chapter, court)
    events = tuple(
        dataclasses.replace(e, summary=summarize(e, at - e.evidence.start, facts))
        for e, at in zip(reading.events, reading.trigger_at, strict=True)
    )
    return Extraction(source, True, None, company, case, events, find_people(text))


def _is_case(text: str, reading: Reading, boiler: list[tuple[int, int]]) -> tuple[bool, str | None]:
    """A case is reported when the release states a case event, or a filing by the company as background."""
    if any(e.kind in _CASE_EVENT_KINDS for e in reading.events) or reading.background_filings:
        return True, None
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


def _case(text: str, reading: Reading, boiler: list[tuple[int, int]], dates: list[DateMention]) -> CaseFacts:
    petition = next((e for e in reading.events if e.kind == "petition_filed"), None)
    where = [petition.evidence.quote] if petition else [text[s:e] for s, e in reading.background_filings]
    reporting = _reporting_text(text, boiler)
    chapter = next((c for c in (chapter_in(w) for w in where) if c), None) or chapter_in(reporting)
    chapter = chapter or _chapter_implied(reporting)
    voluntary = None
    if where:
        joined = " ".join(where)
        voluntary = not re.search(r"\binvoluntar", joined, re.I)
    court = None
    if petition:
        court = find_court(petition.evidence.quote)
    if court is None or court.id is None:
        court = find_court(reporting) or court
    number = _case_number(reporting)
    filed_on = petition.date if petition else _filing_date(reporting, dates)
    return CaseFacts(chapter, voluntary, court, number.group("n") if number else None, filed_on)


# chapters a release implies without its number: a municipality's case is Chapter 9, the recognition of a
# foreign proceeding Chapter 15
_IMPLIED_CHAPTERS = (
    (9, re.compile(r"\bmunicipal(?:ity['’]s)?\s+bankruptc|\bplan\s+(?:for\s+the\s+)?adjustment\s+of\s+debts", re.I)),
    (15, re.compile(r"\bforeign\s+(?:main\s+|non-?main\s+)?proceedings?\b|\bforeign\s+representatives?\b", re.I)),
)


def _chapter_implied(reporting: str) -> int | None:
    return next((chapter for chapter, rx in _IMPLIED_CHAPTERS if rx.search(reporting)), None)


def _filing_date(reporting: str, dates: list[DateMention]):
    """The date of a filing the release names only as a noun, when a date follows it directly."""
    starts = {d.start: d for d in dates if not d.relative}
    for m in _FILING_ON_LOW.finditer(fold(reporting)):
        if m.end() in starts:
            return starts[m.end()].date
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
