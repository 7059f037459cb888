"""Sentences of a release -> the case events it reports.

Each event comes from one sentence (or clause) of reporting text: safe-harbor and 'About us' text is
skipped, and so is anything negated, hypothetical or still to come (except hearings and delistings,
which are announced ahead). The date is the one the sentence ties to the event: an opening adverbial
('Also today, ...'), else the nearest date after the trigger and before the next event's trigger,
else one just before it; a reported past event with no date took place on or before the release date.
Precision over recall: an undated court approval that only elaborates the one before it is merged.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.ingest.awards import EXISTING, SPECULATIVE, award_parties, court_speaks
from timeline.ingest.clean import fold, in_ranges, is_headline
from timeline.ingest.confidence import EXPLICIT, RELATIVE, RELEASE, SAME_DAY, UNDATED, event_confidence
from timeline.ingest.dates import DateMention, dateline_cut
from timeline.ingest.facts import Confidence, Event, PartialDate, Span
from timeline.ingest.money import MoneyMention
from timeline.ingest.parties import event_parties
from timeline.ingest.step_words import GATE_WORDS, GATED_RULES, PETITION_LOW, RULE_WORDS
from timeline.ingest.subject import FORMAL_NAME, clean_name, may_be, subject_before
from timeline.ingest.truecase import is_common

_I = re.I
CHAPTER = re.compile(r"\bchap(?:ter|er)?\s+(?P<n>\d{1,2}|[IVX]{1,4})\b", _I)
_ROMAN = {"VII": 7, "IX": 9, "XI": 11, "XII": 12, "XIII": 13, "XV": 15}
# announced ahead by nature: a future tense does not make them hypothetical
_FUTURE_OK = frozenset({"hearing", "delisting"})
# reported as done: with no date of their own they happened on or before the release date
_PAST_KINDS = frozenset(
    [
        "petition_filed",
        "motion_filed",
        "order_entered",
        "plan_filed",
        "plan_confirmed",
        "emergence",
        "conversion",
        "dismissal",
        "delisting",
        "financing",
        "adversary_proceeding",
        "asset_sale",
        "award",
        "judgment",
    ]
)
_NEGATED = re.compile(r"\b(?:not|neither|nor|never|no longer|no(?!\.?\s*\d))\b|n't\b", _I)  # not 'the No. 3 producer'
# a negation's clause ends where another clause opens: 'erred by not filing the appeal soon after she threw out ...'
_NEGATION_ENDS = re.compile(
    r"\b(?:after|before|when|once|because|since|until|while|although|though)\s+(?:she|he|it|they|the)\b"
    r"|[,;]\s*(?:and|but|so)\s+(?:then\s+)?(?:she|he|it|they|the|a|an)\b",  # 'not all ..., and the court thus entered'
    _I,
)


def _negated(before: str) -> bool:
    """Does a negation govern the words that follow ``before``? Not when a new clause opens after it, nor from
    inside a parenthesis ('inventions (no pun intended), filed for Chapter 11')."""
    if "(" in before:
        before = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), before)
    found = list(_NEGATED.finditer(before))
    return bool(found) and not _NEGATION_ENDS.search(before, found[-1].end())


_PARENTHESIS = re.compile(r"\([^()]*\)")
_WOULD = re.compile(r"\s+(?:[Ww]ould|[Cc]ould|[Mm]ight|may)\b")  # 'may', not 'May 5'
_HYPOTHETICAL = re.compile(
    r"\b(?:will|would|could|may(?!\s+\d)|might|should|shall|intends?|plans?|expects?|seeks?|hopes?|if|whether|unless"
    r"|decision|decided|chose|prepared|considering|able)\b(?:\s+\w+){0,3}\s*$",
    _I,
)
# 'after it filed for bankruptcy', 'since filing': the filing is the clause's background, right before its words
# (not 'after considering all alternatives, the Company ... filed', where the company's filing is the news)
_BACKGROUND = re.compile(
    r"\b(?:in view of|following|because of|as a result of|due to|after|in light of|in connection with|since)\b"
    r"[^,;.]{0,40}$",
    _I,
)
_REPORTING = re.compile(
    r"\b(?:announced|announces|said|says|reported|reports|stated|confirmed)\s+(?:today|this morning)\b"
    r"|\b(?:today|this morning)\s*,?\s+(?:announced|announces|said|says|reported|reports)\b",
    _I,
)
_SELF = re.compile(
    r"\b(?:it|we|they|the company|the companies|its|our|their|the debtors?"
    r"|the (?:city|county|town|village|borough|municipality)|(?:city|county) officials"
    r"|these\s+(?:chapter\s+\d+\s+)?cases)\b",  # a court paper's own cases
    _I,
)
_NEXT_AMOUNT = re.compile(r"\b(?:damages|seeking|seeks|asking|claims?)\b", _I)
DIP = re.compile(r"\bdip\b|debtor[- ]in[- ]possession", _I)  # debtor-in-possession: had only in a case
_SUBTYPES = (
    ("dip_financing", DIP),
    ("cash_collateral", re.compile(r"cash collateral", _I)),
    ("first_day", re.compile(r"first[- ]day", _I)),
    ("sale_363", re.compile(r"\b363\b|\bsale of (?:all|substantially)|\bbid(?:ding)? procedures\b", _I)),
    ("plan_exclusivity", re.compile(r"exclusiv", _I)),
)


@dataclass
class Reading:
    """What the sentences say: events, plus filings mentioned only as background or by another company."""

    events: list[Event] = field(default_factory=list)
    trigger_at: list[int] = field(default_factory=list)  # where each event's trigger starts in the text
    background_filings: list[tuple[int, int]] = field(default_factory=list)
    other_company_filings: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Trigger:
    kind: str
    at: int  # absolute offset the date search starts from
    end: int
    start: int = 0  # where the words that triggered it begin


def filings_told(
    text: str, sentences: list[tuple[int, int]], boilerplate: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(sentence start, offset) of the first words in each reporting sentence that tell a filing, whoever's."""
    low = fold(text)
    found = []
    for s, e in sentences:
        if in_ranges(s, boilerplate) or not any(w in low[s:e] for w in RULE_WORDS["petition_filed"]):
            continue
        m = _filing_in(low[s:e])
        if m:
            found.append((s, s + m.start()))
    return found


@lru_cache(maxsize=256)
def _filing_in(low: str) -> re.Match | None:
    """The filing words in one folded sentence: read once for the subject's sake and again for the events'."""
    return PETITION_LOW.search(low)


def chapter_in(text: str) -> int | None:
    """First chapter number written in ``text`` (arabic or roman)."""
    return next(filter(None, map(chapter_of, CHAPTER.finditer(text))), None)


def chapter_of(m: re.Match) -> int | None:
    """The bankruptcy chapter a ``CHAPTER`` match writes, or None ('Chapter 3' of a book)."""
    n = m.group("n").upper()
    value = int(n) if n.isdigit() else _ROMAN.get(n)
    return value if value in (7, 9, 11, 12, 13, 15) else None


def read_events(
    text: str,
    sentences: list[tuple[int, int]],
    boilerplate: list[tuple[int, int]],
    dates: list[DateMention],
    money: list[MoneyMention],
    anchor: dt.date | None,
    company: str | None,
) -> Reading:
    """All events the reporting sentences of a release state, in the order they are written."""
    reading = Reading()
    date_starts = [d.start for d in dates]
    money_starts = [m.start for m in money]
    seen: set[tuple] = set()
    last_order: Event | None = None
    background: list[tuple] = []  # the first filing told as background: 'fell after it filed for bankruptcy'
    last_day: PartialDate | None = None  # the day of the last dated event: what 'that same day' refers to
    low = fold(text)
    titles: list[tuple[int, int]] = []  # the headlines above the first reporting sentence
    for idx, (s, e) in enumerate(sentences):
        if in_ranges(s, boilerplate) or is_headline(text[s:e]) or _title_line(text, s, e):
            if not reading.events and s < 1500 and len(titles) < 8:
                titles.append((s, e))
            continue
        s = dateline_cut(text, s, e, dates)
        sentence = text[s:e]
        triggers = _triggers(low[s:e], s)
        claimed: list[PartialDate] = []  # the dates this sentence's earlier steps took
        for n, trig in enumerate(triggers):
            before = text[s : trig.at]
            planned = trig.kind not in _FUTURE_OK and _HYPOTHETICAL.search(before)
            if planned and trig.kind in _AWARDS and EXISTING.search(before[-40:]):
                planned = None  # 'intends to appeal the $12 million judgment': the judgment was entered
            if _negated(before[-80:]) or planned or _CONDITIONAL.match(before) or _WOULD.match(text, trig.end):
                continue  # ... or 'Delta's bankruptcy filing would mark it as the third carrier': a filing supposed
            if trig.kind in _AWARDS and SPECULATIVE.search(before[-60:]):
                continue
            if trig.kind == "petition_filed":
                if company and not _about_company(text, s, trig.start, sentence, company):
                    reading.other_company_filings.append((s, e))
                    continue
                if _BACKGROUND.search(before):
                    reading.background_filings.append((s, e))
                    if not background:
                        limit = triggers[n + 1].at if n + 1 < len(triggers) else e
                        in_sentence = dates[bisect.bisect_left(date_starts, s) : bisect.bisect_left(date_starts, e)]
                        background.append((s, e, trig, _pick_date(text, s, trig, limit, in_sentence, first=n == 0)))
                    continue
            limit = _date_limit(low, triggers, n, e)
            in_sentence = dates[bisect.bisect_left(date_starts, s) : bisect.bisect_left(date_starts, e)]
            free = triggers[n - 1].end if n else s  # a date past the step before, and not its own, may be this one's
            date, how = _pick_date(text, s, trig, limit, in_sentence, first=n == 0, free=(free, claimed))
            if date is not None:
                claimed.append(date)
            if date is None and last_day is not None and _SAME_DAY.search(sentence):
                date, how = last_day, SAME_DAY  # 'Later that same day, the Court approved ...'
            explicit = date is not None
            if not explicit and trig.kind == "petition_filed" and _OWNER.match(text, trig.start):
                reading.background_filings.append((s, e))  # 'dismissal of the city's bankruptcy petition': a filing
                continue  # named, not told, and no date of its own
            if date is None and trig.kind in _PAST_KINDS:
                said = _announced_on(text, dates, date_starts, s, _next_sentence(text, sentences, idx))
                if said is not None:  # '... has filed for Chapter 11. The company made the announcement Monday.'
                    date, how = PartialDate(said.date.value, "day", "on_or_before", said.date.text), RELEASE
                elif anchor:
                    date, how = PartialDate(anchor, "day", "on_or_before", ""), RELEASE
            amounts = money[bisect.bisect_left(money_starts, s) : bisect.bisect_left(money_starts, e)]
            end = e
            if not amounts and trig.kind in ("adversary_proceeding", "award", "judgment") and idx + 1 < len(sentences):
                ns, ne = sentences[idx + 1]
                nxt = money[bisect.bisect_left(money_starts, ns) : bisect.bisect_left(money_starts, ne)]
                if nxt and _NEXT_AMOUNT.search(text[ns:ne]) and "\n\n" not in text[e:ns]:
                    amounts, end = nxt, ne
            if (
                trig.kind == "financing"
                and _ANAPHORA.match(sentence)
                and any(ev.kind == "financing" for ev in reading.events)
            ):
                continue  # 'The DIP facility replaces ...': the facility already read, told again
            if trig.kind == "financing" and (not amounts or not _financing_done(sentence, triggers)):
                continue
            amount = _nearest_amount(amounts, trig) if trig.kind not in ("petition_filed", "hearing") else None
            # a motion's own words: from just before its trigger ('its first day motions, which were submitted')
            subtype = _subtype(
                trig.kind, text[max(s, trig.at - 16) : limit] if trig.kind == "motion_filed" else sentence
            )
            if trig.kind == "order_entered" and not explicit and subtype in (None, "other") and last_order:
                continue  # an undated approval elaborating the previous order
            if _decided_again(trig.kind, sentence, reading.events):
                continue  # 'The judge approved the sale ... Judge Peck signed off on the deal': told twice
            confidence = event_confidence(how or UNDATED, date, len(triggers), _quoted(text, s, trig.at))
            told = _told_before(reading.events, trig.kind, amount) if explicit else None
            if told is not None:  # 'It completed the sale ... The sale closed on August 13': the date of that sale
                reading.events[told] = dataclasses.replace(reading.events[told], date=date, confidence=confidence)
                continue
            if _repeated(trig.kind, date, subtype, amount, sentence, seen):
                continue
            event = Event(
                kind=trig.kind,
                date=date,
                summary="",  # composed once the whole release is read: ``timeline.ingest.summaries``
                evidence=Span(s, end, text[s:end]),
                amount=amount,
                parties=award_parties(sentence, company)
                if trig.kind in _AWARDS
                else event_parties(trig.kind, subtype, sentence),
                subtype=subtype,
                confidence=confidence,
            )
            reading.events.append(event)
            reading.trigger_at.append(trig.at)
            if explicit and date is not None and date.precision == "day":
                last_day = date
            if trig.kind == "order_entered":
                last_order = event
    if background and not any(ev.kind == "petition_filed" for ev in reading.events):
        _background_petition(text, background[0], reading)
    _first_day_motions_with_the_petition(reading)
    _headline_steps(text, low, titles, reading, anchor, company)
    return reading


_COURT_DECISIONS = frozenset(["order_entered", "plan_confirmed", "asset_sale", "conversion", "dismissal"])


def _decided_at(t: _Trigger, found: list[_Trigger], low: str, offset: int) -> bool:
    """Is ``t`` the hearing a court decision told just before it was made at ('confirmed the plan at a hearing')?"""
    return _where_held(t, low, offset) and any(u.kind in _COURT_DECISIONS and u.at < t.at for u in found)


def _where_held(t: _Trigger, low: str, offset: int = 0) -> bool:
    """Is ``t`` a hearing told only as where something happened ('at a hearing', 'during a virtual hearing')?"""
    return t.kind == "hearing" and low.startswith(("at ", "during "), t.start - offset)


def _date_limit(low: str, triggers: list[_Trigger], n: int, e: int) -> int:
    """Where the dates of step ``n`` may be looked for end: at the next step's words, but past a hearing that only
    says where it was taken ('approved at a hearing held on April 7' is an approval of April 7)."""
    for later in triggers[n + 1 :]:
        if not _where_held(later, low):
            return later.at
    return e


def _first_day_motions_with_the_petition(reading: Reading) -> None:
    """First-day motions are filed with the petition: undated ones take its day ('approval of its first day motions,
    which were submitted as part of its voluntary filing')."""
    petition = next((ev for ev in reading.events if ev.kind == "petition_filed"), None)
    if petition is None or petition.date is None or petition.date.precision != "day" or not petition.date.text:
        return
    for i, ev in enumerate(reading.events):
        if ev.kind == "motion_filed" and ev.subtype == "first_day" and ev.date is not None and not ev.date.text:
            if ev.date.value < petition.date.value:
                continue
            how = event_confidence(SAME_DAY, petition.date, 1, False)
            reading.events[i] = dataclasses.replace(
                ev,
                date=dataclasses.replace(petition.date, qualifier=None),
                confidence=Confidence(
                    how.score, "No date in its sentence: first-day motions are filed with the petition"
                ),
            )


def _background_petition(text: str, told: tuple, reading: Reading) -> None:
    """A release that tells its petition only as the background of other news, with its date ('shares fell after
    the company filed for bankruptcy on Monday', 'since filing for Chapter 11 in May'), still dates it."""
    s, e, trig, (date, how) = told
    if date is None:
        return  # 'in view of its announcement that it has filed': context for the news, not a dated step
    how = event_confidence(how, date, 1, _quoted(text, s, trig.at))
    confidence = Confidence(
        max(0.2, round(how.score - 0.1, 2)),
        "Told as the background of other news; " + how.reason[0].lower() + how.reason[1:],
    )
    at = bisect.bisect([ev.evidence.start for ev in reading.events], s)  # in the order the release tells it
    reading.events.insert(at, Event("petition_filed", date, "", Span(s, e, text[s:e]), confidence=confidence))
    reading.trigger_at.insert(at, trig.at)


# a step a headline states and the text (cut short, or a brief) never tells again
_HEADLINE_KINDS = (
    "petition_filed",
    "plan_filed",
    "plan_confirmed",
    "emergence",
    "conversion",
    "dismissal",
    "delisting",
)


def _headline_steps(
    text: str, low: str, titles: list[tuple[int, int]], reading: Reading, anchor: dt.date | None, company: str | None
) -> None:
    told = {e.kind for e in reading.events}
    for s, e in titles:
        for trig in _triggers(low[s:e], s):
            before = text[s : trig.at]
            if trig.kind not in _HEADLINE_KINDS or trig.kind in told or _NEGATED.search(before):
                continue
            if _HYPOTHETICAL.search(before) or (
                company and not _about_company(text, s, trig.start, text[s:e], company)
            ):
                continue
            date = PartialDate(anchor, "day", "on_or_before", "") if anchor else None
            how = event_confidence(RELEASE if anchor else UNDATED, date, 1, False)
            confidence = Confidence(
                max(0.2, round(how.score - 0.15, 2)),
                "Told only in the headline; " + how.reason[0].lower() + how.reason[1:],
            )
            reading.events.append(
                Event(
                    trig.kind,
                    date,
                    "",
                    Span(s, e, text[s:e]),
                    subtype=_subtype(trig.kind, text[s:e]),
                    confidence=confidence,
                )
            )
            reading.trigger_at.append(trig.at)
            told.add(trig.kind)


_TOLD_ONCE = frozenset(["asset_sale", "emergence", "plan_confirmed", "conversion", "dismissal", "petition_filed"])


def _told_before(events: list[Event], kind: str, amount) -> int | None:
    """Index of an earlier, undated telling of the same one-off fact, which a dated retelling completes."""
    if kind not in _TOLD_ONCE:
        return None
    for i in range(len(events) - 1, -1, -1):
        e = events[i]
        if e.kind == kind and e.date is not None and not e.date.text:
            same_amount = amount is None or e.amount is None or e.amount.value == amount.value
            return i if same_amount else None
    return None


_DISTINCT = re.compile(r"\b(?:also|separate|another|additional|second|further)\b", _I)


def _repeated(kind: str, date, subtype: str | None, amount, sentence: str, seen: set[tuple]) -> bool:
    """The same fact told twice (headline bullet and body, quote and narrative) is one event."""
    if kind in ("petition_filed", "emergence", "plan_confirmed", "dismissal", "conversion"):
        key: tuple = (kind,)  # a case is filed, confirmed, left, dismissed or converted once
    elif amount is not None:
        key = (kind, amount.value, amount.currency)
    elif _DISTINCT.search(sentence):
        key = (kind, len(seen))
    else:
        key = (kind, date.edtf if date else None, subtype)
    if key in seen:
        return True
    seen.add(key)
    return False


_TITLE_END = re.compile(r"[.!?:;,\"”’)]$")


def _title_line(text: str, s: int, e: int) -> bool:
    """A paragraph of one short line with no closing punctuation is a title, even in sentence case."""
    if "\n" in text[s:e] or _TITLE_END.search(text[s:e]) or len(text[s:e].split()) > 20:
        return False
    opens = s == 0 or text[max(0, s - 2) : s] == "\n\n" or not text[:s].strip()
    closes = e == len(text) or text[e : e + 2] == "\n\n"
    if e == len(text) and s > 0 and not is_headline(text[s:e]):
        return False  # the text's last words, cut off mid-sentence: 'In 2020, Sorrento also filed a legal action ...'
    return opens and closes


def _triggers(low: str, offset: int) -> list[_Trigger]:
    """The rules that fire in a sentence (``low`` is its ``fold``, at ``offset``), each at its first match."""
    present = {w for w in GATE_WORDS if w in low}
    if not present:
        return []  # most sentences: no rule's word, no search
    found = []
    for kind, rx, words in GATED_RULES:
        if present.isdisjoint(words):
            continue
        m = _filing_in(low) if kind == "petition_filed" else rx.search(low)
        if not m:
            continue
        at = next((m.start(g) for g in rx.groupindex if g.startswith("at") and m.group(g)), m.start())
        if kind == "award" and court_speaks(low[m.start() : at]):
            kind = "judgment"  # 'a three-judge appeals panel ruled in favor of': a court's decision
        found.append(_Trigger(kind, offset + at, offset + m.end(), offset + m.start()))
    if not found:
        return found
    # 'A hearing on the DIP financing is scheduled': words inside another trigger's phrase, past its own word, are
    # not a second event; 'filed voluntary petitions under Chapter 11 and first day motions' tells two
    found = [
        t
        for t in found
        if not any(u is not t and u.start <= t.start and t.end <= u.end and u.at <= t.at for u in found)
    ]
    kinds = {t.kind for t in found}
    if len(kinds) > 1 and "hearing" in kinds:  # 'approved ... at a hearing held on April 7': the hearing it was
        found = [t for t in found if not _decided_at(t, found, low, offset)]  # decided at is no step of its own
    if kinds & {"plan_confirmed", "conversion", "dismissal", "asset_sale"}:  # an order that confirms, converts,
        # dismisses or approves a sale is that step
        found = [t for t in found if t.kind != "order_entered"]
    if kinds & {"motion_filed", "order_entered"}:  # financing asked for or approved is that motion or order
        found = [t for t in found if t.kind != "financing"]
    if kinds & _AWARDS:  # 'the court entered a judgment', 'confirmed the arbitration award and entered judgment'
        said = [t for t in found if t.kind in _AWARDS]
        found = [t for t in found if t.kind not in _AWARDS or t is said[0]]
        found = [t for t in found if t.kind != "order_entered" or not _decides(t, said[0], low, offset)]
    return sorted(found, key=lambda t: t.at)


_AWARDS = frozenset(["award", "judgment"])


def _decides(order: _Trigger, award: _Trigger, low: str, offset: int) -> bool:
    """Is the court's 'entered' or 'issued' the judgment or award itself (not 'approved the settlement of' it)?"""
    between = low[order.end - offset : award.start - offset]
    return order.start <= award.end and len(between) < 60 and not _OF_SOMETHING.search(between)


_OF_SOMETHING = re.compile(r"\b(?:of|for|on|to|with|and|approving|authorizing|settl\w*|motion|order)\b")


def _about_company(text: str, s: int, at: int, sentence: str, company: str) -> bool:
    """Is the filing the company's own? The name the filing's verb follows says ('Delphi Corporation filed ...'
    in GM's release is not GM's); without one, the sentence naming the company or itself does."""
    opens_with = text[at : at + 12].lower()
    owner = _OWNER.match(text, at)  # 'Texaco's filing Sunday of a petition': the filing is the possessor's
    if owner:
        name = owner.group(1)[:-2] if owner.group(1).lower() not in ("its", "their") else ""
        # 'The company's Chapter 15 petition' is its own, 'its customer's Chapter 11 filing' another's
        subject = name if name and (not is_common(name.lower()) or name.lower() in _OTHER_PARTY) else None
    elif opens_with.startswith(("petition", "chapter", "filing")):
        subject = None
    else:
        subject = subject_before(text, s, at)
    if subject is not None:
        return may_be(subject, company)
    first = re.sub(r"[^\w&-]", "", company.split()[0]).lower()
    last = re.sub(r"[^\w&-]", "", company.split()[-1]).lower()
    if not _PERSON_LIKE.fullmatch(company) or is_common(last):
        last = first  # 'Circuit City': 'city' stands for no company
    low = sentence.lower()  # 'Vick had debts ..., according to a Chapter 11 petition': a person by the surname
    if first in low or last in low or _SELF.search(sentence) or _DESCRIBED.match(sentence):
        return True
    # no filer named, and no other company named in full: the release's own ('Shares fell after the filing on May 5')
    return not any(not may_be(clean_name(m.group(0)), company) for m in FORMAL_NAME.finditer(sentence))


_OTHER_PARTY = frozenset(
    [
        "customer",
        "customers",
        "supplier",
        "suppliers",
        "parent",
        "subsidiary",
        "unit",
        "tenant",
        "tenants",
        "lender",
        "landlord",
        "rival",
        "competitor",
        "partner",
        "client",
        "vendor",
        "affiliate",
        "owner",
        "operator",
        "licensee",
        "franchisee",
        "borrower",
    ]
)
# whose filing a noun tells: 'Texaco's filing Sunday of a petition', 'its Chapter 11 filing'
_OWNER = re.compile(
    r"([\w&.-]+['’]s|its|their)\s+(?=(?:voluntary|prepackaged|chapter|bankruptcy|insolvency|filing)\b)", _I
)
_PERSON_LIKE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+")  # 'Michael Vick', 'John Q. Public'


# 'The defunct bitcoin exchange said that ...', 'The Dallas-based retailer has filed': the subject told again by
# what it is, in lower case (another company would be named) but for where it is based and how old it is
_DESCRIBED = re.compile(
    r"\s*(?:[Tt]he|[Tt]his)\s+(?:(?:[a-z][\w'’-]*|(?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*-(?:based|headquartered)"
    r"|\d[\w,.-]*)\s+){0,4}?[a-z][\w-]*\s+"
    r"(?:said|says|has|have|had|was|is|filed|files|announced|announces|reported|stated|disclosed|sought|confirmed)\b"
)


_ANAPHORA = re.compile(
    r"\s*(?:the|this|that|such)\s+(?:dip|debtor[- ]in[- ]possession|new|revolving)?\s*"
    r"(?:financing|facility|loan|dip)\b",
    _I,
)


def _pick_date(
    text: str,
    s: int,
    trig: _Trigger,
    limit: int,
    mentions: list[DateMention],
    first: bool = True,
    free: tuple[int, list[PartialDate]] | None = None,
) -> tuple[PartialDate | None, str | None]:
    """The date the sentence ties to the event; ``first``: no other event's words come before it in the sentence,
    so a date just before it is its own ('filed on May 5, ... and received approval': May 5 is the filing's).
    ``free``: where the step before ends and the dates earlier steps took; a date just before the trigger, past
    that step and taken by none, is this step's too ('under court protection since 2002, ... said Wednesday in
    filing its plan': Wednesday is the plan's)."""
    usable = [d for d in mentions if not (d.relative and _reporting(text, d))]
    for d in usable:  # an opening adverbial dates the whole sentence: 'Also today, ...', 'On May 5, ...'
        lead = text[s : d.start]
        if len(lead) <= 12 and text[d.end : d.end + 2].lstrip().startswith(",") and d.end <= trig.at:
            return d.date, _how(d)
    for d in usable:  # an adverbial opening the step's own clause: 'previously reported that, on January 27, 2016, ...'
        if (
            d.end <= trig.at < d.end + 200
            and (first or (free and d.start >= free[0]))
            and text[d.end : d.end + 2].lstrip().startswith(",")
            and _CLAUSE_OPENS.search(text, max(s, d.start - 12), d.start)
        ):
            return d.date, _how(d)
    # 'completed the sale ..., following approval by the Court on August 6': that date is the approval's
    after = [
        d
        for d in usable
        if trig.at <= d.start < limit
        and d.start - trig.at < 220
        and not _LATER_CLAUSE.search(text, trig.end, d.start)
        and not (trig.kind in _ORDERS and _SET_DATE.match(text, d.end))
    ]
    if after:
        return after[0].date, _how(after[0])
    before = [
        d
        for d in usable
        if d.end <= trig.at
        and trig.at - d.end < 60
        and not _AFTER.search(text, d.end, trig.at)
        and not _SINCE.search(text, max(s, d.start - 12), d.start)
        and not d.date.text.lower().startswith(("since", "until", "through"))
    ]
    if before and (first or (free and _free_before(text, before[-1], trig, free))):
        return before[-1].date, _how(before[-1])
    return None, None


def _free_before(text: str, d: DateMention, trig: _Trigger, free: tuple[int, list[PartialDate]]) -> bool:
    """A date past the step before and taken by none, not the day something earlier was told ('said on Wednesday it
    had agreed to sell': the sale was agreed by then, not that day)."""
    if d.start < free[0] or d.date in free[1]:
        return False
    return not _EARLIER_TOLD.search(text, d.end, trig.at)


# 'said on Wednesday it had agreed', 'said Monday that it has': the step came before the telling
_EARLIER_TOLD = re.compile(r"\b(?:it|they|he|she|we|the\s+company)\s+(?:had|has|have)\b", _I)


def _how(d: DateMention) -> str:
    return RELATIVE if d.relative else EXPLICIT


def _quoted(text: str, s: int, at: int) -> bool:
    """Is ``at`` inside a quotation that opens in its sentence ('"We filed today," said ...')?"""
    before = text[s:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# 'If the conversion to Chapter 7 is approved by the Bankruptcy Court, ...': the step is a condition
_CONDITIONAL = re.compile(r"\s*(?:if|unless|should|once|until|whether)\b[^,;]*$", _I)
# 'approved a Nov. 16 deadline', 'set a May 5 hearing': the date is what the order sets, not when it was made
_ORDERS = frozenset(["order_entered", "plan_confirmed"])
_DECISIONS = frozenset(["asset_sale", "plan_confirmed", "conversion", "dismissal"])
_DECIDED_AGAIN = re.compile(
    r"\b(?:signed\s+off\s+on|approved|approving|blessed|authorized)\s+the\s+(?:deal|sale|transaction|plan)\b", _I
)


def _decided_again(kind: str, sentence: str, events: list[Event]) -> bool:
    """Is an approval of 'the deal' the decision just read ('approved the sale' ... 'signed off on the deal')?"""
    return (
        kind == "order_entered"
        and bool(events)
        and events[-1].kind in _DECISIONS
        and bool(_DECIDED_AGAIN.search(sentence))
    )


_SET_DATE = re.compile(r"\s+(?:deadline|bar\s+date|hearing|auction|meeting|claims?\s+deadline)\b", _I)
_CLAUSE_OPENS = re.compile(r"(?:\bthat\s*,?|;)\s*(?:on\s+)?$", _I)
_SINCE = re.compile(r"\b(?:since|until|through|by)\s+$", _I)  # 'restructuring under court protection since 2002'
_SAME_DAY = re.compile(r"\b(?:later\s+)?(?:that|the)\s+same\s+day\b|\blater\s+that\s+day\b", _I)


# 'filed on Tuesday, weeks after a jury returned a verdict': the date is the filing's, not the verdict's
_AFTER = re.compile(r"\b(?:after|following|since)\b", _I)
_LATER_CLAUSE = re.compile(r"[,;]\s*(?:following|after|upon|pursuant to)\b", _I)


# 'the company said Monday', 'made the announcement on Monday', 'announced Sept. 7': when it was told
_TOLD_ON = re.compile(
    r"\b(?:announced|announces|announcement|said|says|disclosed|reported|revealed|confirmed|wrote|ruled)\s+(?:it\s+)?"
    # 'Judge Arthur Gonzalez said in his ruling late Sunday'
    r"(?:in\s+(?:his|her|its|their|a|the)\s+(?:written\s+)?(?:ruling|order|opinion|decision|statement|filing)\s+)?"
    r"(?:on\s+|late\s+|early\s+)?$",
    _I,
)


def _next_sentence(text: str, sentences: list[tuple[int, int]], idx: int) -> int:
    """Where the sentence after ``idx`` ends, when it is in the same paragraph (else where ``idx`` ends)."""
    end = sentences[idx][1]
    if idx + 1 < len(sentences) and "\n\n" not in text[end : sentences[idx + 1][0]]:
        return sentences[idx + 1][1]
    return end


def _announced_on(text: str, dates: list[DateMention], starts: list[int], s: int, e: int) -> DateMention | None:
    """The day a step with no date of its own was announced, told in its sentence or the next: it was done by then."""
    for d in dates[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]:
        if d.date.precision == "day" and _TOLD_ON.search(text, max(s, d.start - 40), d.start):
            return d
    return None


def _reporting(text: str, d: DateMention) -> bool:
    """'announced today that it has filed': today is when it was said, not when it was done."""
    window = text[max(0, d.start - 20) : d.end + 20]
    return bool(_REPORTING.search(window))


def _financing_done(sentence: str, triggers: list[_Trigger]) -> bool:
    done = re.search(
        r"\b(?:signed|provided|arranged|obtained|secured|closed|entered into|received|committed|approved|negotiated"
        r"|commitment|lined up|won|authorized|granted|approval)\b",
        sentence,
        _I,
    )
    pending = re.search(r"\b(?:discussions?|negotiat(?:ing|ions?)|seeking|expects?|will seek|intends?)\b", sentence, _I)
    return bool(done) and not pending


def _nearest_amount(amounts: list[MoneyMention], trig: _Trigger):
    if not amounts:
        return None
    return min(amounts, key=lambda m: abs(m.start - trig.at)).money


def _subtype(kind: str, window: str) -> str | None:
    if kind in ("motion_filed", "order_entered"):
        return next((name for name, rx in _SUBTYPES if rx.search(window)), "other")
    if kind == "award":
        return "arbitration_award"
    if kind == "judgment":
        return "judgment"
    return None
