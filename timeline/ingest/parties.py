"""Who the release is about (the debtor and its ticker) and who speaks in it (people and titles).

The debtor is the subject of the lead sentence, read past the dateline; a parent that writes about
its named unit ('X and its utility unit Y filed') is told apart from the debtor, and a wire story's
headline ticker ('TEXACO <TX>') names the company even when an exchange is the one speaking.
"""

from __future__ import annotations

import re

from timeline.ingest.clean import fold, lowered, scan_from, windows_around, word_starts
from timeline.ingest.dates import DateMention, dateline_cut
from timeline.ingest.facts import CompanyFacts, Party, PersonFacts

_SUFFIX = (
    r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|PLC|plc|N\.A|S\.A|AG|N\.V|Holdings"
)
_WORD = r"(?:[A-Z][\w&'’.\-]*|&|and|of|de|du|la)"
_NAME = rf"(?P<name>[A-Z][\w&'’.\-]*(?:\s+{_WORD}){{0,7}}?(?:,?\s+(?:{_SUFFIX})\b\.?){{0,2}})"
_VERBS = (
    r"today|said|says|announced|announces|reported|reports|has|have|had|filed|files|took|takes|jointly|received"
    r"|receives|is|was|were|will|officials|asked|obtained|emerged|completed|and all|and its|and certain"
)
_SUBJECT = re.compile(rf"{_NAME}(?=\s*(?:\(|,|<|\s(?:{_VERBS})\b))")
_LEAD_NOISE = re.compile(
    r"(?:\([^)]{1,60}\)\s*[-–—]+\s*|(?:this|earlier|late|on)\s+(?:morning|afternoon|evening|today|\w+day)\s*,?\s*"
    r"|today\s*,?\s*|also today\s*,?\s*)+",
    re.I,
)
# Reuters and AP describe before they name: 'Solar panel maker X', 'U.S. coal miner X', 'Texas-based driller X'
_DESCRIPTOR = re.compile(
    r"(?:(?:U\.S\.|[A-Z][a-z]+(?:-[a-z]+)?|[a-z][\w'-]*|\d[\w-]*)\s+){0,5}?"
    r"(?:maker|manufacturer|producer|retailer|chain|operator|owner|developer|provider|company|firm|group|giant"
    r"|miner|driller|carrier|airline|lender|insurer|bank|utility|supplier|distributor|publisher|broadcaster|network"
    r"|brand|start-?up|conglomerate|designer|builder|homebuilder|shipper|refiner|explorer|grocer|restaurateur"
    r"|franchisor|franchisee|biotech|drugmaker|automaker|chipmaker|steelmaker|telecom|hospital|cooperative)"
    r"\s+(?=[A-Z][\w&'’.\-]*\s+[A-Z])"
)
_MUNICIPALITY = re.compile(
    r"(?:[Tt]he\s+)?(?P<kind>[Cc]ity|[Tt]own|[Vv]illage|[Cc]ounty|[Bb]orough|[Tt]ownship|[Cc]ommonwealth)\s+of\s+"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,\s*(?P<state>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?),)?"
)
# a parent writing about its named subsidiary's filing: the subsidiary is the debtor
_SUBSIDIARY_FILED = re.compile(
    rf"(?<!\bit and )\bits\s+(?:[\w-]+\s+){{0,3}}(?:subsidiary|unit|affiliate)\s*,?\s+{_NAME}\s*,?\s*"
    r"(?:\([^)]{0,80}\)\s*,?\s*)?(?:has\s+|had\s+|have\s+)?(?:voluntarily\s+)?(?:filed|commenced|sought)\b"
)
# 'Harborview Media Corp. ("Harborview")': a company the release gives a short name is its subject
_DEFINED = re.compile(
    rf"(?P<name>[A-Z][\w&'’.\-]*(?:\s+{_WORD}){{0,7}}?,?\s+(?:{_SUFFIX})\b\.?(?:,?\s+(?:{_SUFFIX})\b\.?)?)"
    r"\s*(?:\((?P<tick>[^()\n]{1,40}:[^()\n]{1,20})\)\s*)?\(\s*(?:the\s+)?[\"“]"
)
_HAS_VERB = re.compile(rf"\b(?:{_VERBS}|took|filed)\b")
_NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "we",
        "our",
        "it",
        "its",
        "he",
        "she",
        "they",
        "company",
        "debtor",
        "debtors",
        "court",
        "utility",
        "under",
        "in",
        "on",
        "at",
        "for",
        "as",
        "following",
        "after",
        "while",
        "when",
    ]
)
_HEADLINE_TICKER = re.compile(r"^(?P<name>[A-Z][A-Z0-9&.'\- ]+?)\s*<(?P<tick>[A-Z0-9.]{1,10})>", re.M)
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)")
_ANGLE = re.compile(r"\s*<(?P<tick>[A-Z0-9.]{1,10})>")
_TICKER = re.compile(r"[A-Z]{1,6}(?:\.[A-Z]{1,2})?")
_EXCHANGE = re.compile(r"NYSE|Nasdaq|NASDAQ|AMEX|Amex|OTC|Pink|TSX|Stock Exchange|Bulletin Board|OTCBB|ASX|LSE", re.I)
_UNIT = re.compile(
    rf"\s*(?:\([^)]*\))?\s*,?\s*and its (?:[\w-]+\s+){{0,2}}(?:unit|subsidiary|affiliate)\s+{_NAME}"
    rf"(?=\s*(?:\(|,|<|\s(?:{_VERBS})\b))"
)


def find_company(text: str, lead_spans: list[tuple[int, int]], dates: list[DateMention]) -> CompanyFacts | None:
    """The debtor (or, for a release that is not a case, the issuer) and its ticker as written."""
    head = _HEADLINE_TICKER.search(text[:600])
    if head:
        words = r"\s+".join(re.escape(w) for w in head.group("name").split())
        body = re.search(rf"(?i:\b{words})(?:\s+[A-Z][\w&'-]*){{0,3}}?(?:,?\s+(?:{_SUFFIX})\b\.?)", text[head.end() :])
        name = body.group(0) if body else head.group("name").title()
        return CompanyFacts(" ".join(name.split()), head.group("tick"))
    for start, end in lead_spans:
        sentence = text[start:end]
        if not _HAS_VERB.search(sentence):
            continue
        offset = dateline_cut(text, start, end, dates) - start
        noise = _LEAD_NOISE.match(sentence, offset)
        if noise:
            offset = noise.end()
        desc = _DESCRIPTOR.match(sentence, offset)
        if desc:
            offset = desc.end()
        town = _MUNICIPALITY.match(sentence, offset)
        if town:
            place = f"{town.group('kind').title()} of {town.group('place')}"
            return CompanyFacts(place + (f", {town.group('state')}" if town.group("state") else ""), None)
        m = _SUBJECT.match(sentence, offset)
        if not m or m.group("name").split()[0].lower() in _NOT_NAMES:
            continue
        sub = _SUBSIDIARY_FILED.search(sentence, m.end())
        if sub:  # 'X announced that its subsidiary Y filed': Y is the debtor
            return CompanyFacts(_org(sub.group("name")), None)
        name = _split_and(" ".join(m.group("name").split()))
        unit = _UNIT.match(sentence, m.start() + len(m.group("name")))
        if unit:  # 'X (NYSE: X) and its utility unit Y filed': Y is the debtor
            return CompanyFacts(" ".join(unit.group("name").split()).rstrip(","), None)
        ticker, market = _ticker_after(text, start + m.start() + len(m.group("name")))
        if ticker is None:
            ticker, market = _ticker_anywhere(text, name)
        return CompanyFacts(name.rstrip(","), ticker, market)
    for start, end in lead_spans:
        d = _DEFINED.search(text, start, end)
        if d:
            ticker, market = _ticker_after(text, d.end("name"))
            return CompanyFacts(_org(d.group("name")), ticker, market)
    return None


_ABBREVIATED = re.compile(r"(?:\b(?:Inc|Corp|Co|Cos|Ltd|Bros|Jr|Sr)|\b[A-Z]\.\s?[A-Z]|\s[A-Z])\.$")


def _org(name: str) -> str:
    """A company name as written, without the sentence's own trailing comma or period."""
    name = " ".join(name.split()).rstrip(",")
    if name.endswith(".") and not _ABBREVIATED.search(name):
        name = name[:-1]
    return name


def _split_and(name: str) -> str:
    """'Sempra Energy and San Diego Gas & Electric' is two companies; 'Gas and Electric Company' is one."""
    parts = name.split(" and ")
    if len(parts) == 1:
        return name
    tail = parts[-1]
    if re.search(rf"\b(?:{_SUFFIX})\.?$", tail) and len(tail.split()) <= 3:
        return name
    return parts[0]


def _ticker_after(text: str, pos: int) -> tuple[str | None, str | None]:
    angle = _ANGLE.match(text, pos)
    if angle:
        return angle.group("tick"), None
    paren = _PAREN.match(text, pos)
    if not paren:
        return None, None
    inner = " ".join(paren.group("inner").split(";")[0].split())
    if ":" in inner:
        market, _, rest = inner.partition(":")
        tick = _TICKER.match(rest.strip())
        if tick and _EXCHANGE.search(market):
            return tick.group(0), market.strip()
        return None, None
    if re.fullmatch(r"[A-Z]{1,5}\.(?:PK|OB|O|N|A|TO|V|L|Q)", inner):
        return inner, None
    return None, None


def _ticker_anywhere(text: str, name: str) -> tuple[str | None, str | None]:
    for m in re.finditer(re.escape(name), text[:20000]):
        got = _ticker_after(text, m.end())
        if got[0]:
            return got
    return None, None


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
