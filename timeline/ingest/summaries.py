"""One short docket line per event, composed from the facts the parser already read.

The chronology shows the kind, date, amount, parties and source quote on their own, so a summary says
what happened in the words a paralegal would write: 'Shin-Etsu arbitration award against FiberCore,
$5.3 million (yen-denominated)', 'Hearing on first-day motions', 'Case converted to Chapter 7'. Each kind
has a composer that reads the event's facts (subtype, parties, amount) and a few cue words of its
sentence; when they say too little, the summary is the clause of the sentence that holds the trigger,
without the company's descriptive appositive or the 'today announced that' frame, cut only between
words and marked '…' when cut. Pure functions: no database, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.ingest.courts import find_court
from timeline.ingest.facts import Event
from timeline.ingest.wording import (
    AIM,
    ALL_OF_ITS,
    CLAUSE_BREAK,
    LIMIT,
    clause,
    cut,
    finish,
    flatten,
    money,
    no_article,
    phrase,
    printable_court,
    short_name,
    with_extras,
    with_the,
)

_I = re.I
_CHAPTER = re.compile(r"\bchap(?:ter|er)?\s+(\d{1,2})\b", _I)


@dataclass(frozen=True)
class ReleaseFacts:
    """What the whole release says that an event's own sentence may leave out."""

    debtor: str | None = None  # as written: 'FiberCore, Inc.'
    chapter: int | None = None
    court: str | None = None  # a court name fit to print after 'in', resolved to a real court


def summarize(event: Event, at: int, facts: ReleaseFacts) -> str:
    """The docket line for ``event``; ``at`` is where its trigger starts in ``event.evidence.quote``."""
    flat, at = flatten(event.evidence.quote, at)
    compose = _COMPOSERS.get(event.kind)
    line = compose(event, flat, at, facts) if compose else None
    if not line:
        line = clause(flat, at, facts.debtor)
    return finish(line)


def _party(event: Event, *roles: str) -> str | None:
    return next((p.name for p in event.parties if p.role in roles), None)


# --- one composer per kind --------------------------------------------------------------------------------------


def _petition(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    chapter = _chapter(flat) or facts.chapter
    if re.search(r"\binvoluntar", flat, _I):
        kind = "Involuntary "
    elif chapter == 15:
        kind = ""
    else:
        kind = "Voluntary "
    what = f"{kind}Chapter {chapter} petition" if chapter else f"{kind}bankruptcy petition"
    if chapter == 15 and re.search(r"\brecogni", flat, _I):
        what += " for recognition"
    by = re.search(
        r"\b(?P<n>\w+)\s+(?:of\s+(?:its|the\s+company['’]s)\s+)?(?P<who>(?:trade\s+)?creditors|bondholders|noteholders"
        r"|lenders|suppliers|vendors)\b",
        flat[:at] if at else flat,
        _I,
    )
    who = ""
    if kind == "Involuntary " and by:
        n = by.group("n").lower()
        count = n if n in _COUNTS else ""
        who = f" by {count + ' ' if count else ''}{by.group('who').lower()}"
    court = _court(flat) or facts.court
    return f"{what} filed{who}" + (f" in {with_the(court)}" if court else "")


_COUNTS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "certain"])


def _court(flat: str) -> str | None:
    ref = find_court(flat)
    return printable_court(ref.name, flat) if ref and ref.id else None


def _chapter(flat: str) -> int | None:
    m = _CHAPTER.search(flat)
    return int(m.group(1)) if m and int(m.group(1)) in (7, 9, 11, 12, 13, 15) else None


_MOTION_OBJECT = re.compile(
    r"\bmotions?\b,?(?:\s+under\s+[^,]{1,80},)?(?:\s+with\s+the\s+(?:bankruptcy\s+)?court)?\s+"
    r"(?P<obj>(?:for|to|seeking|requesting|asking)\b)",
    _I,
)
_ASKED = re.compile(
    r"\b(?:asked|asks|requested|requests|petitioned)\s+the\s+(?:bankruptcy\s+)?court\s+(?P<obj>to\b|for\b)"
    r"|\b(?:sought|seeks|seeking)\s+(?:the\s+)?(?:bankruptcy\s+)?court(?:['’]s)?\s+(?P<obj2>approval|authority"
    r"|permission)\b",
    _I,
)
_SEEKING_LEAVE = re.compile(
    r"^seeking\s+(?:the\s+court['’]s\s+)?(?:authorization|authority|permission|leave)\s+to\s+", _I
)
_MOTION_LABELS = {
    "dip_financing": "Motion for DIP financing",
    "cash_collateral": "Motion for use of cash collateral",
    "first_day": "First-day motions",
    "sale_363": "Section 363 sale motion",
    "plan_exclusivity": "Motion to extend plan exclusivity",
}


def _motion(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    kind_of = re.search(r"\b(first|second)[ -]day[\"”]?\s+motions?\b[^.;]{0,3}$", flat[: at + 8], _I)
    m = _MOTION_OBJECT.search(flat, at)
    asked = _ASKED.search(flat, max(0, at - 5))
    obj = ""
    if m and (not asked or m.start() <= asked.start()):
        obj = phrase(flat, m.start("obj"), LIMIT)
    elif asked:
        start = asked.start("obj") if asked.group("obj") else asked.start("obj2")
        obj = ("seeking " if asked.group("obj2") else "") + phrase(flat, start, LIMIT)
    obj = _SEEKING_LEAVE.sub("to ", obj)
    if kind_of:
        name = f"{kind_of.group(1).title()}-day motions"
    elif obj:
        name = "Motion"
    else:
        name = _MOTION_LABELS.get(event.subtype or "", "Motion")
    if event.subtype == "sale_363" and "363" in flat and "363" not in obj and name == "Motion":
        name = "Section 363 motion"
    short = obj and len(obj) <= 45 and not kind_of
    core = f"{name} {obj} filed" if short else cut(f"{name} filed {obj}", AIM)
    others = (
        ", with various other motions"
        if re.search(r"\bvarious\s+(?:[\w-]+\s+)?motions\b|\bmotions,?\s+including\b", flat, _I) and not kind_of
        else None
    )
    lender = _party(event, "lender")
    buyer = _party(event, "buyer")
    return with_extras(
        core,
        f", {money(event.amount)}" if event.amount else None,
        f" from {lender}" if lender else None,
        f"; stalking horse {buyer}" if buyer and re.search(r"stalking", flat, _I) else None,
        f"; buyer {buyer}" if buyer and not re.search(r"stalking", flat, _I) else None,
        others,
    )


_APPROVED = re.compile(
    r"\b(?:approved|authorized|granted|approving|authorizing|granting)\s+(?!by\b)"
    r"|\bapproval\b(?:\s+(?:from|by)\s+the\s+[^,]{0,120}?court[^,]{0,80},)?\s+(?:of|for)\s+",
    _I,
)
_ORDER_LABELS = {
    "dip_financing": "Court approved {when}DIP financing",
    "cash_collateral": "Court authorized {when}use of cash collateral",
    "first_day": "Court approved first-day motions",
    "plan_exclusivity": "Court extended plan exclusivity",
}


def _when(flat: str) -> str:
    m = re.search(r"\b(interim|final)\s+(?:order|basis|approval|use)\b", flat, _I)
    return f"{m.group(1).lower()} " if m else ""


def _order(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    sub = event.subtype or "other"
    lender, buyer = _party(event, "lender"), _party(event, "buyer")
    amount = f", {money(event.amount)}" if event.amount else None
    if sub in _ORDER_LABELS:
        core = _ORDER_LABELS[sub].format(when=_when(flat))
        return with_extras(core, amount, f" from {lender}" if lender else None)
    if sub == "sale_363":
        procedures = re.search(r"\b(bid(?:ding)?)\s+procedures\b", flat, _I)
        if procedures and not buyer:
            return f"Court approved {procedures.group(1).lower()} procedures for the sale"
        what = re.search(r"\bsale\s+of\s+", flat, _I)
        core = "Court approved sale" + (f" of {_sold(flat, what.end())}" if what else "")
        return with_extras(core, f" to {buyer}" if buyer else None, amount)
    m = _APPROVED.search(flat, max(0, at - 40))
    if m:
        obj = no_article(phrase(flat, m.end()))
        if obj and not re.match(r"(?:the\s+)?(?:company|debtors?|it)\b", obj, _I):
            verb = m.group(0).split()[0].lower()
            verb = {"approval": "approved", "approving": "approved", "authorizing": "authorized"}.get(verb, verb)
            verb = "granted" if verb == "granting" else verb
            return with_extras(f"Court {verb} {obj}", amount)
    return with_extras("Court order entered", amount)


def _sold(flat: str, start: int) -> str:
    m = re.search(r"\s(?:to|for|under|at|pursuant)\s|[,;.(]", flat[start:])
    words = flat[start : start + m.start()] if m else flat[start:]
    return cut(ALL_OF_ITS.sub("all ", words).strip(), 60)


_HEARING_ON = re.compile(
    r"\b(?P<adj>(?:final|interim|first[- ]day|second[- ]day|confirmation|sale|status|omnibus|evidentiary"
    r"|disclosure\s+statement)\s+)?hearing\s+(?P<prep>on|to\s+consider|regarding|for|concerning|to\s+approve)\s+"
    r"(?!(?:[A-Z][a-z]+\.?\s+\d|\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|or about))",
    _I,
)
_SET_FOR = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|while)\s+)(?P<subj>(?:the\s+)?[\w“”\"'’\- ]{2,60}?)\s+(?:is|was|has\s+been|have\s+been"
    r"|are|were|will\s+be)\s+set\s+for\s+(?:a\s+)?hearing\b",
    _I,
)
_HEARING_ADJ = re.compile(
    r"\b(?P<adj>final|interim|first[- ]day|second[- ]day|confirmation|sale|status|omnibus|evidentiary)\s+hearing\b", _I
)


def _hearing(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    m = _HEARING_ON.search(flat)
    if m:
        adj = (m.group("adj") or "").strip().lower()
        obj = no_article(phrase(flat, m.end(), 80))
        head = f"{adj} hearing" if adj else "hearing"
        if obj:
            return f"{head} {m.group('prep').lower()} {obj}"
    s = _SET_FOR.search(flat)
    if s:
        return f"Hearing on {no_article(s.group('subj').strip())}"
    a = _HEARING_ADJ.search(flat)
    if a:
        return f"{a.group('adj').lower()} hearing"
    return "Hearing scheduled"


_NATURES = (
    ("breach of contract", re.compile(r"\bbreach[- ]of[- ]contract|\bbreach(?:ed|es)?\s+(?:of\s+)?(?:the|its|a)\s+"
                                      r"(?:[\w-]+\s+){0,2}(?:contract|agreement)", _I)),
    ("breach of fiduciary duty", re.compile(r"\bfiduciary\s+dut", _I)),
    ("fraudulent transfers", re.compile(r"\bfraudulent\s+(?:transfers?|conveyances?)", _I)),
    ("preferential transfers", re.compile(r"\bpreferen(?:ce|tial)\b", _I)),
    ("patent infringement", re.compile(r"\b(?:patent\s+)?infring", _I)),
    ("fraud", re.compile(r"\bfraud\b", _I)),
    ("turnover of property", re.compile(r"\bturnover\b", _I)),
    ("equitable subordination", re.compile(r"\bequitabl[ey]\s+subordinat", _I)),
    ("recovery of preferences", re.compile(r"\bavoid(?:ance|able)\b", _I)),
)  # fmt: skip


def _adversary(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    noun = "Lawsuit" if re.search(r"\b(?:lawsuit|suit|complaint)\b", flat, _I) else "Adversary proceeding"
    defendant = _party(event, "defendant")
    natures = [name for name, rx in _NATURES if rx.search(flat)][:2]
    return with_extras(
        noun + (f" against {defendant}" if defendant else ""),
        f" for {' and '.join(natures)}" if natures else None,
        f", {money(event.amount)}" if event.amount else None,
    )


def _award(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    holder, loser = _party(event, "counterparty"), _party(event, "against")
    debtor = short_name(facts.debtor)
    if holder and debtor and holder.split()[0].lower() != debtor.split()[0].lower():
        core = f"{holder} arbitration award against {debtor}"
    elif holder:
        core = f"{holder} arbitration award"
    elif loser:  # the company won it
        core = f"Arbitration award for {debtor} against {loser}" if debtor else f"Arbitration award against {loser}"
    else:
        core = "Arbitration award"
    return with_extras(core, f", {money(event.amount)}" if event.amount else None, aim=LIMIT)


_AGAINST_DEBTOR = re.compile(r"\bagainst\s+(?:it|us|the\s+company|the\s+debtors?)\b", _I)


def _judgment(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str | None:
    holder, loser = _party(event, "counterparty"), _party(event, "against")
    noun = "Jury verdict" if re.search(r"\bverdict\b", flat, _I) else "Judgment"
    amount = f", {money(event.amount)}" if event.amount else None
    if holder:
        return with_extras(f"{noun} for {holder}", amount, aim=LIMIT)
    debtor = short_name(facts.debtor)
    if loser and debtor:
        return with_extras(f"{noun} for {debtor} against {loser}", amount, aim=LIMIT)
    if debtor and _AGAINST_DEBTOR.search(flat, at):
        return with_extras(f"{noun} against {debtor}", amount, aim=LIMIT)
    m = re.compile(r"(?:an?|the)\s+", _I).match(flat, at)
    start = m.end() if m else at
    brk = CLAUSE_BREAK.search(flat, start)
    return cut(flat[start : brk.start() if brk else len(flat)].rstrip("."), AIM) or None


_FINANCING_KIND = (
    ("DIP financing", re.compile(r"\b(?:dip|debtor[- ]in[- ]possession)\b", _I)),
    ("exit financing", re.compile(r"\bexit\s+(?:financing|facility|loan)", _I)),
    ("new bank financing", re.compile(r"\bnew\s+bank\s+financing\b", _I)),
    ("credit facility", re.compile(r"\bcredit\s+facility\b", _I)),
    ("loan facility", re.compile(r"\bloan\s+facility\b", _I)),
    ("new financing", re.compile(r"\bnew\s+financing\b", _I)),
)
_FINANCING_DONE = re.compile(
    r"\b(signed|closed|arranged|obtained|secured|received|provided|entered\s+into|committed|approved)\b", _I
)


def _financing(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    what = next((name for name, rx in _FINANCING_KIND if rx.search(flat)), "financing")
    done = _FINANCING_DONE.search(flat)
    verb = " ".join(done.group(1).lower().split()) if done else ""
    lender = _party(event, "lender")
    if re.search(r"\bcommitment\b", flat, _I):
        core, by = f"{what} commitment", " from"
    else:
        core = f"{what} {verb}".rstrip()
        by = " with" if verb in ("signed", "entered into", "closed") else (" by" if verb == "provided" else " from")
    if event.amount:
        core = f"{money(event.amount)} {core}"
    return with_extras(core, f"{by} {lender}" if lender else None)


def _sale(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    buyer = _party(event, "buyer")
    what = re.search(r"\bsale\s+of\s+", flat, _I) or re.search(r"\bsold\s+(?:its\s+|the\s+|their\s+)?", flat, _I)
    done = re.search(r"\b(completed|closed|consummated)\b", flat, _I)
    core = "Sale" + (f" of {_sold(flat, what.end())}" if what else " of assets")
    return with_extras(
        core,
        f" to {buyer}" if buyer else None,
        f" {done.group(1).lower()}" if done else " completed",
        f", {money(event.amount)}" if event.amount else None,
    )


def _plan_name(flat: str) -> str:
    adj = [w for w in ("joint", "amended", "prepackaged") if re.search(rf"\b{w}(?:ly)?\b", flat, _I)]
    of = "liquidation" if re.search(r"\bliquidat", flat, _I) else "reorganization"
    return " ".join([*adj, "plan of", of])


def _plan_filed(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    return f"{_plan_name(flat)} filed"


def _plan_confirmed(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    return f"{_plan_name(flat)} confirmed"


def _emergence(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    chapter = _chapter(flat) or facts.chapter
    return f"Emerged from Chapter {chapter}" if chapter else "Emerged from bankruptcy"


def _conversion(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    to = re.search(
        r"\b(?:to|into)\s+(?:a\s+)?(?:case\s+under\s+|liquidation\s+under\s+)?chapter\s+(\d{1,2})\b", flat, _I
    )
    cases = "Cases" if re.search(r"\bcases\b", flat, _I) else "Case"
    return f"{cases} converted to Chapter {to.group(1)}" if to else f"{cases} converted"


def _dismissal(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    chapter = _chapter(flat) or facts.chapter
    cases = "cases" if re.search(r"\bcases\b", flat, _I) else "case"
    return f"Chapter {chapter} {cases} dismissed" if chapter else f"Bankruptcy {cases} dismissed"


_EXCHANGE = re.compile(
    r"\b(?:(?:New York|American|Nasdaq|NASDAQ|Toronto|London)\s+Stock\s+(?:Ex\w{4,6}|Market)|NYSE(?:\s+[A-Z]\w*)*"
    r"|Amex|AMEX|Nasdaq|NASDAQ|TSX)"
)


def _delisting(event: Event, flat: str, at: int, facts: ReleaseFacts) -> str:
    written = _EXCHANGE.search(flat)
    market = _party(event, "counterparty") or (re.sub(r"Ex\w{4,6}$", "Exchange", written.group(0)) if written else None)
    where = with_the(market) if market else ""
    if re.search(r"\b(?:review\w*|eligib\w*|continued\s+listing)\b", flat, _I) and not re.search(
        r"\b(?:were|was|been)\s+delisted\b", flat, _I
    ):
        return "Delisting review" + (f" by {where}" if where else "")
    if re.search(r"\b(?:notice|letter|notif\w*|determination)\b", flat, _I):
        return "Delisting notice" + (f" from {where}" if where else "")
    if not re.search(r"\bde-?list", flat, _I):
        tense = "to be" if re.search(r"\b(?:will|to)\s+be\s+(?:suspended|halted)", flat, _I) else ""
        return f"Trading {tense} suspended".replace("  ", " ") + (f" by {where}" if where else "")
    if re.search(r"\b(?:were|was|has\s+been|have\s+been)\s+de-?listed\b", flat, _I):
        return "Delisted" + (f" from {where}" if where else "")
    return "Delisting" + (f" from {where}" if where else "")


_COMPOSERS = {
    "petition_filed": _petition,
    "motion_filed": _motion,
    "order_entered": _order,
    "hearing": _hearing,
    "adversary_proceeding": _adversary,
    "award": _award,
    "judgment": _judgment,
    "financing": _financing,
    "asset_sale": _sale,
    "plan_filed": _plan_filed,
    "plan_confirmed": _plan_confirmed,
    "emergence": _emergence,
    "conversion": _conversion,
    "dismissal": _dismissal,
    "delisting": _delisting,
}
