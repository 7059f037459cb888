"""Who speaks in a release (people and titles) and who stands across the table in an event.

Who the release is about (the debtor and its ticker) is ``timeline.ingest.subject``.
"""

from __future__ import annotations

import re

from timeline.ingest.clean import fold, lowered, scan_from, windows_around, word_starts
from timeline.ingest.facts import Party, PersonFacts
from timeline.ingest.subject import SUFFIX as _SUFFIX
from timeline.ingest.subject import clean_name as _org

_PERSON = (
    r"(?:(?:Dr|Mr|Mrs|Ms)\.\s+)?(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)*"
    r"(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?\s+(?:Mc|Mac|O')?[A-Z][a-z'’\-]+[a-zA-Z]*(?:,\s+(?:Jr|Sr)\.|,?\s+I{2,3}\b)?"
)
_TITLE_WORDS = re.compile(
    r"chairman|chairwoman|chief|president|officer|director|ceo|cfo|coo|counsel|attorney|partner|manager|treasurer"
    r"|secretary|founder|head|spokes|vice|analyst|reporter|principal|trustee|member|executive|vp|contact|relations",
    re.I,
)
_SAID_NAME_TITLE = re.compile(
    rf"\b(?:said|says|added|noted|stated)\s+(?P<name>{_PERSON})\s*,\s*(?P<title>[^\"“”\n]{{3,140}}?)(?=[.\"“”]\s|\.$|,\s*[\"“])"
)
_NAME_TITLE_SAID = re.compile(
    rf"(?P<name>{_PERSON})\s*,\s*(?P<title>[^\"“”\n;]{{3,140}}?)\s*,?\s+(?:said|says|added|noted|stated|told)\b"
)
_TITLE_NAME_SAID = re.compile(
    rf"(?P<title>\b(?:[A-Z][\w&]*\s+)?(?:CEO|CFO|COO|Chairman|President|Chief Executive Officer))\s+"
    rf"(?P<name>{_PERSON})\s+(?:said|says|added|noted|told)\b"
)
_NAME_SAID = re.compile(rf"(?P<name>{_PERSON})\s+(?:said|added|told)\b")
_SAID = ("said", "says", "added", "noted", "stated", "told")  # whole words
_CAPITAL = re.compile(r"[A-Z]")  # where a name, or a title before one, can begin
_CONTACT_BLOCK = lowered(re.compile(r"\bcontacts?\s*:", re.I))
_CONTACT_ENTRY = re.compile(
    rf"(?P<name>{_PERSON})\s*,\s*(?P<title>[A-Z][^,;\n\d(]{{1,70}}?)\s*(?=[;\n]|,|\s-\s|\s\(|$)"
)
_NOT_PERSON = re.compile(
    r"\b(?:Company|Corporation|Court|Bankruptcy|Chapter|Inc|Corp|Bank|Exchange|Street|Energy|Electric|Group|Fund"
    r"|United|States|District|Department|News|Wire|Release|Division|Code|Capital|Industries)\b"
)


def find_people(text: str) -> tuple[PersonFacts, ...]:
    """People quoted or listed as contacts, each once, with the fullest name and the first title given."""
    found: list[tuple[str, str | None]] = []
    said = word_starts(text, text, _SAID, whole=True)
    near = windows_around(text, said, 220, 220)
    capitals = [m.start() for a, b in near for m in _CAPITAL.finditer(text, a, b)]
    starts = {_SAID_NAME_TITLE: [a for a, _ in said]}
    for rx in (_SAID_NAME_TITLE, _NAME_TITLE_SAID, _TITLE_NAME_SAID):
        for m in scan_from(rx, text, near, starts.get(rx, capitals)):
            title = " ".join(m.group("title").split()).strip(" ,")
            if _TITLE_WORDS.search(title) and not re.fullmatch(rf"(?:{_SUFFIX})\.?", title):
                found.append((m.group("name"), title))
    for m in scan_from(_NAME_SAID, text, near, capitals):
        found.append((m.group("name"), None))
    for block in _contact_blocks(fold(text)):
        for m in _CONTACT_ENTRY.finditer(text, block.end(), min(len(text), block.end() + 600)):
            title = " ".join(m.group("title").split())
            if not re.fullmatch(rf"(?:{_SUFFIX})\.?", title):
                found.append((m.group("name"), title))
    people: list[list] = []
    for raw, title in found:
        name = _clean_name(raw)
        if not name or _NOT_PERSON.search(name):
            continue
        same = next((p for p in people if _same_person(p[0], name)), None)
        if same is None:
            people.append([name, title])
            continue
        if len(name) > len(same[0]):
            same[0] = name
        same[1] = same[1] or title
    return tuple(PersonFacts(name, title) for name, title in people)


def _contact_blocks(low: str) -> list[re.Match]:
    """``_CONTACT_BLOCK.finditer(low)``, tried only where 'contact' is written (its leading ``\\b`` would have the
    engine try every offset); no match can hold another 'contact', so none hides one."""
    found = []
    at = low.find("contact")
    while at != -1:
        m = _CONTACT_BLOCK.match(low, at)
        if m:
            found.append(m)
        at = low.find("contact", at + 1)
    return found


def _clean_name(raw: str) -> str:
    name = " ".join(raw.split())
    name = re.sub(r"^(?:Dr|Mr|Mrs|Ms)\.\s+", "", name)
    return name.rstrip(",")


def _same_person(a: str, b: str) -> bool:
    """'Mohd Aslami' and 'Mohd A. Aslami' are one person: same first and last name."""
    ta, tb = a.replace(",", "").split(), b.replace(",", "").split()
    ta = [t for t in ta if t not in ("Jr.", "Sr.", "II", "III")]
    tb = [t for t in tb if t not in ("Jr.", "Sr.", "II", "III")]
    return bool(ta and tb) and ta[0] == tb[0] and ta[-1] == tb[-1]


# --- the other side of an event: lender, buyer, defendant, exchange ---------------------------------------------

_ORG = (
    r"(?P<name>(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|&|of|de|du|and)){0,5}"
    r"(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|LP|L\.P|N\.\s?A|S\.A|PLC|plc|AG|N\.V)\b\.?)?)"
)
_LENDER_AT = re.compile(
    rf"\b(?:led by|provided by|arranged by|committed by|backstopped by|underwritten by|from|with|to be provided by)"
    rf"\s+(?:the\s+)?{_ORG}"
)
_BUYER_AT = (
    re.compile(rf"{_ORG}\s+(?:serving|acting|to serve|will serve|as)\s+(?:as\s+)?(?:the\s+)?stalking[- ]horse"),
    re.compile(rf"\bstalking[- ]horse(?:\s+(?:bidder|purchaser|buyer|bid))?\s*,?\s+(?:from\s+)?{_ORG}"),
    re.compile(rf"\b(?:acquired|purchased|bought)\s+by\s+{_ORG}"),
    re.compile(rf"\b(?:sale|sell|sold|selling)\b[^.;]{{0,120}}?\bto\s+{_ORG}"),
)
_AGAINST = re.compile(rf"\bagainst\s+{_ORG}")
_MARKET = re.compile(
    r"(?P<name>(?:The\s+)?(?:New York Stock Exchange|American Stock Exchange"
    r"|(?:Nasdaq|NASDAQ)(?: Stock Market| Global Market| Capital Market| Global Select Market)?"
    r"|NYSE(?: [A-Z][\w]*)*|AMEX|Amex|Toronto Stock Exchange"
    r"|TSX Venture Exchange|London Stock Exchange|OTC Markets(?: Group)?)(?:,? (?:LLC|Inc\.))?)"
)
_NOT_ORGS = frozenset(
    ["the", "court", "bankruptcy", "chapter", "company", "debtor", "debtors", "it", "its", "their", "section", "code"]
    + ["judge", "u.s.", "united", "states", "a", "an", "january", "february", "march", "april", "may", "june", "july"]
    + ["august", "september", "october", "november", "december"]
)


def event_parties(kind: str, subtype: str | None, sentence: str) -> tuple[Party, ...]:
    """Who stands across the table in an event, as the sentence names them; () when it names no one.

    Awards and judgments have their own reading: ``timeline.ingest.awards.award_parties``.
    """
    if kind == "adversary_proceeding":
        return _first(((_AGAINST,), "defendant"), sentence)
    if kind == "financing" or subtype in ("dip_financing", "cash_collateral"):
        return _first(((_LENDER_AT,), "lender"), sentence)
    if kind == "asset_sale" or subtype == "sale_363":
        return _first((_BUYER_AT, "buyer"), sentence)
    if kind == "delisting":
        names = [m.group("name") for m in _MARKET.finditer(sentence)]
        return (Party(max(names, key=len), "counterparty"),) if names else ()
    return ()


def _first(rule: tuple[tuple[re.Pattern, ...], str], sentence: str) -> tuple[Party, ...]:
    patterns, role = rule
    hits = [m for rx in patterns for m in rx.finditer(sentence) if _is_org(m.group("name"))]
    if not hits:
        return ()
    best = min(hits, key=lambda m: (patterns.index(m.re), m.start()))
    return (Party(_org(best.group("name")), role),)


def _is_org(name: str) -> bool:
    words = name.lower().replace(",", "").split()
    return bool(words) and words[0] not in _NOT_ORGS and words[-1] not in _NOT_ORGS


# for ``timeline.ingest.awards``: an organisation's name as the sentence writes it
ORG, org, is_org = _ORG, _org, _is_org
