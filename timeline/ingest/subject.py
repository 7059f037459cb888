"""Who a release is about: its debtor (or, for a release that reports no case, its issuer) and its ticker.

Every place a release names its subject gives a candidate: the lead sentence past its dateline and any
page chrome, the headline, a defined term ('Acme Widgets, Inc. (the "Company")'), the 8-K cover's
registrant line or an EDGAR header, the subject of the petition sentence, an exchange parenthetical
('(NASDAQ: ACMW)'), a wire headline's ticker ('TEXACO <TX>'), and the case told as the debtor's
('Detroit's plan', 'the Blockbuster estate', 'the cases filed by Roxby McLure, LLC'). Candidates that name
one company (one name a shorter form of the other) agree; the company named by the most
and surest places wins, written the fullest way the release writes it, and how many places agree is
its confidence. Nothing that is not a name is ever a candidate: a sentence adverb, a cover page's label,
a court, an exchange, a judge, a dateline's city.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from timeline.ingest.clean import in_ranges, is_headline
from timeline.ingest.courts import CITIES as _CITIES
from timeline.ingest.courts import STATES as _STATES
from timeline.ingest.dates import WIRE_CREDIT, DateMention, dateline_cut
from timeline.ingest.facts import CompanyFacts, Confidence, Span
from timeline.ingest.truecase import is_common

SUFFIX = (
    r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|PLC|plc|N\.A|S\.A|AG|N\.V|Holdings"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUFFIX_WORDS = _words(
    """
    inc incorporated corp corporation co cos company companies ltd limited llc l.l.c lp l.p plc n.a s.a ag n.v
    holdings holding group sa nv bv gmbh
    """
)

# --- words and names ---------------------------------------------------------------------------------

# a word as a name writes it: 'e.Digital', 'Allis-Chalmers', 'L.L.C.', 'Co.', 'McLure', '3Com', '&'
_TOKEN = re.compile(r"[^\W_][\w&'’]*(?:[.\-][\w&'’]+)*\.?|&")
_PLACE_KINDS = _words("city town village county borough township commonwealth state")
_MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
_CONNECTORS = frozenset(["and", "of", "de", "du", "la", "the", "for", "&", "van", "von", "der", "di", "y", "et"])
# ordinary words: a name is never made of these alone, and never starts with one of the first kind
_LEADING = _words(
    """
    today yesterday tonight on in at as also however additionally meanwhile separately earlier later now then
    while when after before following since under during this that these those it its we our they their he she
    his her a an the shares stock investors analysts officials sources bankrupt embattled troubled struggling
    beleaguered ailing former certain all some each both such other another according because although if
    but and or so yet thus furthermore moreover likewise nevertheless instead still further finally first second
    third last next item exhibit form date report dated signature signatures pursuant see note notes press
    release news contact contacts media for immediate release update breaking exclusive do does did can could
    should would will what why how who where which whether there here one two three four five six seven eight
    nine ten several many most few dozens hundreds thousands please click read watch view sign subscribe follow
    share continue learn find get be stay join link try i unlike despite amid including regarding neither either
    nor not no common unlock register log download listen print email advertisement sponsored twenty thirty forty
    fifty sixty seventy eighty ninety hundred thousand dozen
    """
)
_ORDINARY = _LEADING | _words(
    """
    company companies debtor debtors registrant registrants court courts bankruptcy chapter code title judge
    justice trustee district division state states united u.s u.s.a federal securities exchange commission
    current section act rule general instruction provisions immediate investor relations announcement statement
    notice summary results quarter fiscal year percent million billion plan plans motion motions order orders
    hearing petition petitions filing filings case cases proceeding proceedings creditor creditors committee
    lender lenders agreement agreements financing facility restructuring reorganization protection relief
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec street avenue
    road suite floor city town county washington dc us usa
    """
)
_ORDINARY |= frozenset(w for state in _STATES for w in state.split()) - {"new", "north", "south", "west"}
# what is never the debtor, however it is written
_NOT_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:(?:U\.S\.|United States|Federal|Delaware|[A-Z][a-z]+)\s+)?(?:Bankruptcy\s+)?(?:Court|Judge|Justice"
    r"|Trustee|Department|Commission|Securities and Exchange Commission|SEC|IRS|Internal Revenue Service)\b"
    r"|^(?:Judge|Justice|Mr|Mrs|Ms|Dr|Sen|Senator|Gov|Governor|President|Chairman|CEO|Attorney|Reporter|Editor)\b\.?"
    # a court's district, a statute, a numbered rank: 'Southern District of Texas', 'General Laws', 'No. 7'
    r"|^(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District\s+of\b|^[^\n]*\b(?:General\s+Laws|Code)\s*$"
    r"|^(?:[A-Z][a-z]+\s+)?Division$"  # a court's division, 'Western Division'"
    r"|^(?:Case\s+)?No\.\s*\d|^Dear\b|^.*\b(?:Copyright|All\s+Rights\s+Reserved)\b"
    # an address, a telephone number: '526 West 26th Street', '265-7013'
    r"|^.*\b(?:Street|Avenue|Road|Boulevard|Suite|Floor|Drive|Lane|Plaza)\.?$|^[\d\s().+-]+$"
    r"|^(?:The\s+)?(?:New York Stock Exchange|NYSE|Nasdaq|NASDAQ|American Stock Exchange|AMEX|Amex|OTC|OTCBB"
    r"|Toronto Stock Exchange|TSX|London Stock Exchange|Pink Sheets|NYSE Regulation)\b",
    re.I,
)
# a line that credits the story, not its subject
_BYLINE = re.compile(
    r"^\s*(?:by\s+[A-Z]|(?:the\s+)?(?:associated\s+press|reuters|bloomberg(?:\s+news)?|dow\s+jones|united\s+press"
    r"\s+international|upi|ap|times\s+staff\s+writers?|staff\s+reports?)\s*$)",
    re.I,
)
# a photo's caption above the story: 'in this August 27, 2007, file photo ... REUTERS/Jason Reed/File'
_CAPTION = re.compile(r"\bfile\s+photo\b|\b(?:REUTERS|AP|AFP|Getty\s+Images|Bloomberg)\s*/\s*[A-Z]", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DAY = re.compile(  # 'June 1st GenesisCare': a date opens no name
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b", re.I
)
_FORM = re.compile(r"(?:Form\s+)?(?:8-K|10-K|10-Q|S-1|6-K|20-F|8-A)\b", re.I)  # an SEC form, not a filer


def _is_name_word(word: str) -> bool:
    """Capitalised, a digit, or a lower-case brand with a capital inside ('e.Digital', 'iGo', 'eToys')."""
    first = word[0]
    if first.isupper() or first.isdigit() or word == "&":
        return True
    return first.islower() and any(c.isupper() for c in word[1:4])


def _key(name: str) -> tuple[str, ...]:
    """The words that identify a company: lower case, no suffixes, no 'the', no punctuation."""
    words = [re.sub(r"[^\w&]", "", w.lower().replace("’", "'").replace("'s", "")) for w in name.split()]
    words = [w for w in words if w and w not in _SUFFIX_WORDS]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 2 and words[1] == "of" and words[0] in _PLACE_KINDS:
        words = words[2:]  # 'City of Riverton' and 'Riverton' are one debtor
    return tuple(w for w in words if w != "&")


def is_name(name: str) -> bool:
    """A company's name: some word of it is not an ordinary word, and it is not a court, exchange or person."""
    words = [w for w in _key(name) if w not in _CONNECTORS]
    if not words or len(name) < 2 or len(name) > 120:
        return False
    if all(w in _ORDINARY or w.isdigit() for w in words) or _YEAR.search(name) or _FORM.match(name) or _DAY.match(name):
        return False
    return not _NOT_SUBJECT.match(name)


# 'Ann Arbor-based', 'A Donald Trump-affiliated company': what a name is said to belong to, not the name
_PLACED = ("-based", "-headquartered", "-affiliated", "-owned", "-backed", "-controlled")


def _trim(tokens: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Drop ordinary leading words ('Today', 'Shares of'), a place it is based in ('Ann Arbor-based') and
    connectors at either end."""
    based = [n for n, (a, b) in enumerate(tokens) if text[a:b].lower().endswith(_PLACED)]
    if based:  # 'The Hanover County-based company': no name after the place, none at all
        tokens = tokens[based[-1] + 1 :]
    while tokens and (
        re.fullmatch(r"\(?\d+\)?[-.]\d[\d.-]*|\d{5,}|(?:19|20)\d\d", text[tokens[0][0] : tokens[0][1]])
        or (text[tokens[0][0]].isdigit() and "\n" in text[tokens[0][1] : tokens[1][0] if len(tokens) > 1 else 0])
    ):  # a phone number ('265-7013 Publicard, Inc.'; '99 Cents Only' stays), a year or a date's day on the line
        tokens = tokens[1:]  # above ('Jul. 19, 2019\nJ.C. Penney (NYSE:JCP)')
    while tokens and (text[tokens[0][0] : tokens[0][1]].lower().rstrip(".") in _LEADING | _CONNECTORS):
        if len(tokens) > 1 and re.fullmatch(r"[A-Z]\.", text[tokens[0][0] : tokens[0][1]]):
            break  # 'A. H. Robins Co.': an initial, not the article
        tokens = tokens[1:]
    while tokens and text[tokens[-1][0] : tokens[-1][1]].lower() in _CONNECTORS:
        tokens = tokens[:-1]
    return tokens


def _is_suffix(word: str) -> bool:
    return word.lower().rstrip(".,") in _SUFFIX_WORDS


def name_before(text: str, pos: int, floor: int = 0) -> tuple[int, int] | None:
    """The span of the name that ends right at ``pos`` (whitespace between), read backwards."""
    lo = max(floor, pos - 160, text.rfind("\n\n", 0, pos) + 1)
    tokens = [m.span() for m in _TOKEN.finditer(text, lo, pos)]
    picked: list[tuple[int, int]] = []
    end = pos
    for a, b in reversed(tokens):
        gap = text[b:end]
        if gap.strip():
            if not (gap.strip() == "," and picked and _is_suffix(text[picked[0][0] : picked[0][1]])):
                break
        elif "\n\n" in gap or ("\n" in gap and _title_line_before(text, a, b)):
            break  # a name runs on over a hard-wrapped line ('Pacific Gas and / Electric'), never out of a title line
        word = text[a:b]
        if _is_name_word(word) or (picked and word.lower() in _CONNECTORS):
            picked.insert(0, (a, b))
            end = a
        else:
            break
    picked = _trim(picked, text)
    if (
        len(picked) > 1
        and _is_city(text[picked[0][0] : picked[0][1]])
        and not text[picked[1][0] : picked[1][1]].isupper()
    ):
        picked = picked[1:]  # 'DETROIT General Motors Corp. (NYSE: GM)': the dateline's city
    return (picked[0][0], picked[-1][1]) if picked else None


_DATELINE_END = re.compile(r"(?:--|[–—]|\s-)\s*(?:[^\s–—-]+\s+){0,4}[^\s–—-]+$")


def _title_line_before(text: str, a: int, b: int) -> bool:
    """Does the word at ``a:b`` end a title line (so a name does not run on from it)? Not when it is a connector
    ('Pacific Gas and' / 'Electric') or follows a dateline's dash ('... /PRNewswire/ -- Suntech' / 'Power')."""
    line = text[text.rfind("\n", 0, b) + 1 : b]
    if text[a:b].lower() in _CONNECTORS or _DATELINE_END.search(line):
        return False
    return is_headline(line)


def _is_city(word: str) -> bool:
    return word.isupper() and len(word) > 3 and word.lower() in _CITIES


# words that end a name read forwards in a headline or lead: verbs and prepositions written capitalised
_STOP_FORWARD = _words(
    """
    files filed filing file announces announced announce enters entered emerges emerged receives received
    obtains obtained secures secured says said seeks sought asks asked wins won gets completes completed closes
    closed commences commenced confirms confirmed reports reported plans planned takes took to will is was are
    were has have had voluntarily agrees agreed sells sold selects selected moves suspends suspended begins
    began launches initiates reaches issues issued provides comments denies being seeking faces hit hits cuts
    lands nears goes gives makes names sees sets signs unveils updates withdraws ravaged collapses exits leaves
    lists delisted delists delisting bankruptcy chapter in for on with from after under amid as court judge plan
    into by at over up out against about through seek file emerge receive obtain complete close commence
    reorganize restructure liquidate liquidates statement release news and today
    """
)


def name_at(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The span of the name that starts at ``pos`` (past spaces), read forwards to the first word that ends it."""
    while pos < end and text[pos].isspace():
        pos += 1
    if pos < end and not (text[pos].isalnum() or text[pos] == "&"):
        return None  # '(Exact name of registrant ...)': a name does not open with punctuation
    picked: list[tuple[int, int]] = []
    last = pos
    suffix_seen = False
    for m in _TOKEN.finditer(text, pos, min(end, pos + 200)):
        a, b = m.span()
        gap = text[last:a]
        word = text[a:b]
        if picked and word.lower().rstrip(".") in _MONTHS and re.match(r"\s+\d", text[b : b + 3]):
            break  # 'DETROIT Nov 7': a dateline's date
        if picked and gap.strip() and not (gap.strip() == "," and _is_suffix(word)):
            break
        if picked and "\n\n" in gap:
            break
        low = word.lower().rstrip(".")
        if suffix_seen and not _is_suffix(word):
            break
        if picked and low in _STOP_FORWARD and not (low == "and" and _more_name(text, b, end)):
            break
        if not (_is_name_word(word) or (picked and low in _CONNECTORS)):
            break
        picked.append((a, b))
        last = b
        suffix_seen = suffix_seen or (_is_suffix(word) and len(picked) > 1)
    picked = _trim(picked, text)
    return (picked[0][0], picked[-1][1]) if picked else None


def _more_name(text: str, at: int, end: int) -> bool:
    """'Gas and Electric Company': the words after 'and' close with a suffix, so they are one name."""
    m = re.match(rf"\s+(?:[A-Z][\w&'’.\-]*\s+){{0,2}}(?:{SUFFIX})\b", text[at : min(end, at + 60)])
    return m is not None


def clean_name(name: str) -> str:
    """A name as written, on one line, without the sentence's own trailing comma or period."""
    name = " ".join(name.replace("®", "").replace("™", "").split()).rstrip(",;:")
    if name.endswith(".") and not re.search(
        r"(?:\b(?i:Inc|Corp|Co|Cos|Ltd|Bros|Jr|Sr)|\b[A-Z]\.\s?[A-Z]|\s[A-Z])\.$", name
    ):
        name = name[:-1]
    return name.rstrip(",")


# --- where a release names its subject ---------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    end: int
    source: str


# how much each place says about who the release is about
_WEIGHT = {
    "subsidiary": 4.0,  # 'X announced that its subsidiary Y filed': Y is the debtor, whatever else is named
    "registrant": 3.0,
    "caption": 3.0,
    "wire": 3.0,
    "lead": 3.0,  # the first prose sentence's subject is who a story is about
    "defined": 2.5,
    "exchange": 2.0,
    "petition": 1.5,
    "headline": 1.5,
    "about": 1.0,
    "possessive": 0.75,
    "named": 0.5,  # only where nothing else names a subject
}
_SAID_AS = {
    "subsidiary": "the unit the release says filed",
    "registrant": "the filing's registrant line",
    "caption": "the court paper's caption (In re ...)",
    "wire": "the wire headline's ticker",
    "defined": 'a defined term ("the Company")',
    "exchange": "an exchange parenthetical",
    "lead": "the lead sentence",
    "petition": "the petition sentence",
    "headline": "the headline",
    "possessive": "the case told as its own",
    "about": "an 'About' section",
    "named": "the company the text names most often",
}

_REGISTRANT = re.compile(r"\(?\s*exact\s+name\s+of\s+(?:the\s+)?registrant", re.I)
# a court paper's caption: 'In re: / APPROACH RESOURCES INC., et al., / Debtors.'
_CAPTION_IN_RE = re.compile(
    r"^[ \t]*in[ \t]+re:?[ \t]*\n?[ \t\n]*(?P<name>[^\n,]{2,100}?(?:,?[ \t]+(?:Inc|Corp|Co|LLC|Ltd|L\.?P)\.?)?)"
    r"(?:,?[ \t]+et[ \t]+al\.?)?,?[ \t]*\n[ \t\n]*debtors?\b",
    re.I | re.M,
)
_CONFORMED = re.compile(r"COMPANY CONFORMED NAME:\s*(?P<name>.+?)\s+(?:CENTRAL INDEX KEY|\n)")
_DEFINED_TERM = re.compile(
    r"\(\s*(?:[^()\"“”;]{1,60};\s*)?(?:(?:together|collectively)(?:\s+with\s+[^()\"“”]{0,60}?)?,?\s*)?(?:the\s+)?[\"“”]\s*(?:the\s+)?"
    r"(?P<short>[^\"“”()]{1,40}?)\s*[\"“”](?:\s*,?\s*(?:or|and)\s+(?:the\s+)?[\"“”][^\"“”()]{1,30}[\"“”])?\s*\)"
    r"|\(\s*the\s+(?P<word>Company|Debtor|Registrant)\s*\)",
    re.I,
)
_COLLECTIVELY = re.compile(r"\(\s*(?:together|collectively)\b(?!\s+with)", re.I)
_LISTED = re.compile(r"\band\b[^.;()]*$")
_GENERIC_TERMS = frozenset(["company", "debtor", "debtors", "registrant", "issuer", "corporation", "partnership"])
# '(NASDAQ: ACMW)', '(NASDAQ Global Select Market: ACMW)', '(TSX: AWX; NYSE: AWX)', '(ticker: ACMW)'
_MARKET_WORD = (
    r"American|MKT|Amex|Arca|Alternext|US|Global|Select|Capital|Markets?|Stock|Exchange|Pink|QB|QX|BB|Venture"
    r"|Bulletin|Board|Current|Limited|Information|Sheets|GS|GM|CM|V"
)
_EXCHANGE_PAREN = re.compile(
    r"\(\s*(?P<market>(?:NYSE|NASDAQ|Nasdaq|AMEX|Amex|OTC(?:QB|QX|BB|MKTS)?|TSX(?:-?V)?|ASX|LSE|AIM|Euronext|HKEX|SEHK"
    r"|SGX|JSE|CSE|NEO|Pink|Bulletin|New\s+York\s+Stock\s+Exchange)(?:[\s-]+(?i:" + _MARKET_WORD + r")){0,4}"
    r"|(?:[Tt]icker|[Ss]tock)?\s*(?:[Ss]ymbol|[Tt]icker))\s*[:\-]\s*"
    r"(?P<tick>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\b[^()]{0,60}\)"
)
# '(ACMW)', '(ACMW.PK)', and a wire's instrument code: '(ACMW.O)', '(3333.HK)', '(7203.T)', '(VOD.L)'
_BARE_TICKER = re.compile(
    r"\s*\(\s*(?P<tick>[A-Z]{2,5}(?:\.[A-Z]{1,2})?|[A-Z]{1,5}\.[A-Z]{1,3}|\d{3,6}\.[A-Z]{1,2})\s*\)"
)
# 'whose shares trade on Nasdaq under the symbol ACMW', 'is listed on the NYSE under the ticker "AWX"'
_SYMBOL_PHRASE = re.compile(
    r"\b(?:trade[sd]?|trading|listed|quoted)\b[^.;()]{0,60}?\bunder\s+the\s+(?:ticker\s+|trading\s+|stock\s+)?"
    r"(?:symbol|ticker)\s*[:\-]?\s*[\"“']?(?P<tick>[A-Z]{1,5}(?:\.[A-Z]{1,2})?)\b"
)
_ANGLE_TICKER = re.compile(r"\s*<(?P<tick>[A-Z0-9.]{1,10})>")
_WIRE_HEADLINE = re.compile(r"^(?P<name>[A-Z][A-Za-z0-9&.'\- ]+?)\s*<(?P<tick>[A-Z0-9.]{1,10})>", re.M)
_PETITION_VERB = re.compile(
    r"\b(?:has\s+|have\s+|had\s+)?(?:voluntarily\s+)?(?:filed|files|commenced|sought|seeks|was\s+served|were\s+served)\b"
    # the filer told even where its filing is judged: 'the NRA did not file for Chapter 11 protection in good faith'
    r"|\b(?:did|does)\s+(?:not\s+)?file\b"
)
# what stands between a subject and its verb: '(NYSE: X)', '("Acme")', ', a Delaware corporation,' ...
_BETWEEN = re.compile(
    r"(?:\s*\([^()]{0,120}\)|\s*,\s*(?:a|an|the)\s+[^,;]{0,80}?,|\s*,?\s*(?:together\s+with|along\s+with|and)\s+"
    r"(?:certain\s+of\s+|all\s+of\s+|some\s+of\s+|each\s+of\s+)?(?:its|their)\s+[^,.;]{0,80}?"
    r"(?:subsidiaries|affiliates|subsidiary|units?|parent(?:\s+company)?)\s*,?|\s*,\s*(?:which|who)\s+[^,]{0,80},"
    # 'and certain affiliates', ', hobbled by high fuel costs and heavy debt,', ' -- faced with a mountain of debt --'
    r"|\s+and\s+(?:certain|some|several|all|two|three|four|five|\d+)\s+(?:of\s+(?:its|their)\s+)?(?:[\w-]+\s+)?"
    r"(?:subsidiaries|affiliates|units)"
    r"|\s*,\s*[a-z][^,;()]{0,100}?,|\s*(?:--|[–—])\s*[^–—;]{0,120}?(?:--|[–—])"
    # 'GSC, Inc., which filed', 'a San Diego institution that this week filed'
    r"|\s*,?\s+(?:which|who|that)(?:\s+(?:also|recently|later|had|has|have|this\s+week|last\s+\w+))*"
    r"|\s+(?:both|officially|also|jointly|finally|formally|quietly|voluntarily)"
    # 'Charleston Newspapers on Tuesday sought ...'
    r"|\s+(?i:on\s+|late\s+|early\s+|last\s+)?(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)*\s*$"
)
_POSSESSIVE = re.compile(
    r"['’]s?\s+(?:(?:long-delayed|proposed|amended|joint|prepackaged|pre-negotiated|voluntary|emergency|"
    r"liquidating|restructuring|reorganization)\s+)*(?:chapter\s+\d+|bankruptcy|plan|reorganization|restructuring"
    r"|petition|filing|creditors|estate|case|debt|exit|liquidation)\b"
    r"|['’]s?\s+(?:[\w-]+\s+){0,2}assets\s+to\b",  # 'the sale of most of Chrysler LLC's assets to Italy's Fiat'
    re.I,
)
_ESTATE = re.compile(r"\bthe\s+(?=[A-Z])(?P<rest>[^\n]{0,80}?)\s+(?:estate|bankruptcy\s+estate)\b")
_FILED_BY = re.compile(
    r"\b(?:cases?|petitions?)\s+(?:filed|commenced)\s+by\s+"
    # 'The Chapter 11 filing made late Sunday by Hahnemann University Hospital', 'the Chapter 15 filing of Brit Bulk'
    r"|\b(?:chapter\s+\d+|bankruptcy)\s+filing\s+(?:made\s+)?(?:[\w,.]+\s+){0,3}?(?:by|of)\s+(?:the\s+)?(?=[A-Z])"
    r"|\b(?:a|the)\s+(?:recent\s+)?filing\s+by\s+(?=[A-Z])",
    re.I,
)
_ABOUT = re.compile(r"^about\s+(?=\S)", re.I | re.M)
_HEADLINE_LEAD = re.compile(r"^(?:UPDATE\s*\d*\s*[-:]|BRIEF\s*[-:]|EXCLUSIVE\s*[-:]|\W+)\s*", re.I)
# 'Union, N.J. —', 'CHICAGO —', 'London –', 'GRAND CAYMAN, CAYMAN ISLANDS--(Marketwired - Aug 25, 2017) -',
# 'Reston, VA., (Business Wire) May 15, 2009 -': where the dateline's date is missing, or inside its wire
_DATELESS_DATELINE = re.compile(  # matched at a sentence's start (no '^': match() is anchored there)
    r"(?:[A-Z][A-Za-z.'’ -]{1,40},(?:\s*[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,12})?\.?,?)?|[A-Z][A-Z.'’ -]{2,30}"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s+[–—]))\s*(?:--)?\s*(?:\([^)]{1,60}\)\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\s*)?(?:--|[–—]|-\s|_\s|\|\s)\s*"
    # Reuters with its dash lost: 'DETROIT Nov 7 A U.S. judge'
    r"|[A-Z]{3,}(?:[ ,]+[A-Z]{2,}\.?)*,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}\b(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:--|[–—]|-)?\s*"
)
_LEAD_NOISE = re.compile(
    r"(?:\([^)]{1,60}\)\s*[-–—]+\s*|(?:this|earlier|late|on)\s+(?:morning|afternoon|evening|today|\w+day)\s*,?\s*"
    r"|today\s*,?\s*|also today\s*,?\s*|(?:on|in)\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?,?\s*)+",
    re.I,
)
# Reuters and AP describe before they name: 'Solar panel maker X', 'U.S. coal miner X', 'Texas-based driller X'
# what a story calls its subject before naming it: 'Disgraced US telecoms giant WorldCom has filed', 'Japanese lender
# SFCG', 'Cryptocurrency exchange Bittrex filed', 'Drugmaker Orexigen Therapeutics Inc. said'
_DESCRIPTOR = re.compile(
    r"(?:(?:[A-Z][a-z]+maker|Retailer|Lender|Airline|Homebuilder|Miner|Insurer|Carrier|Grocer|Broker|Exchange)"
    r"|(?:(?:U\.S\.|U\.K\.|[A-Z]{2,}|[A-Z][a-z]+(?:-[a-z]+)?|[a-z][\w'-]*|\d[\w-]*)\s+){0,5}?"
    r"(?:[a-z]*maker|manufacturer|producer|retailer|chain|operator|owner|developer|provider|company|firm|group|giant"
    r"|miner|driller|carrier|airline|lender|insurer|bank|utility|supplier|distributor|publisher|broadcaster|network"
    r"|brand|start-?up|conglomerate|designer|builder|homebuilder|shipper|refiner|explorer|grocer|restaurateur"
    r"|franchisor|franchisee|biotech|telecoms?|hospital|cooperative|exchange|platform|broker|brokerage|trader|fund"
    r"|manager|investor|agency|school|university|college|church|diocese|system|team|club|newspaper|magazine"
    r"|studio|store|stores|restaurant|casino|resort|hotel|railroad|railway|line|shipbuilder|vendor|contractor"
    r"|pipeline|laboratory|pharmacy|drugstore|marketer|seller|merchant|wholesaler|importer|exporter|dealer|label"
    r"|fabricator|processor|packer|bakery|brewer|distiller|winery|dairy|landlord|servicer|originator))"
    # then a name, and its verb or what stands between them
    r"\s+(?=[A-Z][\w&'’.\-]*(?:\s+[A-Z]|\s*[,(<]|\s+(?:has|have|had|is|was|said|says|filed|files|on|today|yesterday"
    r"|sought|seeks|announced|announces|reported|became|entered|went|declared|applied|won|received|obtained)\b))"
)
_MUNICIPALITY = re.compile(
    r"(?:[Tt]he\s+)?(?P<kind>[Cc]ity|[Tt]own|[Vv]illage|[Cc]ounty|[Bb]orough|[Tt]ownship|[Cc]ommonwealth)\s+of\s+"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,\s*(?P<state>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?),)?"
)
_PLACE_COUNTY = re.compile(r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+County\b(?![\w-])")
_SUBSIDIARY_FILED = re.compile(
    r"(?<!\bit and )\bits\s+(?:[\w-]+\s+){0,3}(?:subsidiary|unit|affiliate)\s*,?\s+(?=[A-Z])"
)


def _mention(text: str, span: tuple[int, int] | None, source: str) -> Mention | None:
    if span is None:
        return None
    name = clean_name(text[span[0] : span[1]])
    if not is_name(name) or _word_not_name(name, text):
        return None
    return Mention(name, span[0], span[0] + len(name), source)


def _word_not_name(name: str, text: str) -> bool:
    """'You', 'Home', 'Attached', 'Credit': one common word, capitalised only where a line or a sentence opens.

    A one-word debtor that is also a word ('Borders') is written capitalised mid-sentence somewhere.
    """
    if len(name.split()) != 1 or not is_common(name.lower().strip(".,")):
        return False  # 'Tribune Corporation' is a name by its form
    word = re.escape(name.rstrip(".,"))
    return not re.search(rf"\b[a-z][\w,'’]*[ \t]+{word}\b", text)


def _registrants(text: str) -> list[Mention]:
    """The 8-K cover's name line above '(Exact name of registrant ...)', and an EDGAR header's conformed name."""
    found = []
    for m in _REGISTRANT.finditer(text, 0, 6000):
        line_end = text.rfind("\n", 0, m.start())
        while line_end > 0:
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end].strip()
            if line:
                at = text.find(line, line_start)
                found.append(_mention(text, (at, at + len(line)), "registrant"))
                break
            line_end = line_start - 1
    conformed = _CONFORMED.search(text, 0, 4000)
    if conformed:
        found.append(_mention(text, conformed.span("name"), "registrant"))
    caption = _CAPTION_IN_RE.search(text, 0, 6000)
    if caption:
        found.append(_mention(text, caption.span("name"), "caption"))
    return [m for m in found if m]


def _defined_terms(text: str, limit: int) -> list[Mention]:
    """'Boston Chicken, Inc. (the "Company")', 'DBSD North America, Inc. ("DBSD" or the "Company")'."""
    found = []
    for m in _DEFINED_TERM.finditer(text, 0, limit):
        head = _BETWEEN.search(text, max(0, m.start() - 200), m.start())
        mention = _mention(text, name_before(text, head.start() if head else m.start()), "defined")
        if mention is None:
            continue
        short = (m.group("short") or "").strip()
        if short and short.lower() not in _GENERIC_TERMS and not _agree(_key(mention.name), _key(short)):
            continue  # '(the "Notes")', '(the "Bankruptcy Code")': a term for something else
        if _COLLECTIVELY.match(m.group(0)) and _LISTED.search(text, max(0, mention.start - 80), mention.start):
            continue  # 'the Company and its subsidiary, X (collectively, the "Debtors")': the list's term, not X's
        found.append(mention)
    return found


def _exchange_mentions(text: str, limit: int) -> list[tuple[Mention, str, str]]:
    """(the company, its ticker, the market) for each '(NYSE: X)' that follows a name."""
    found = []
    for m in _EXCHANGE_PAREN.finditer(text, 0, limit):
        head = _BETWEEN.search(text, max(0, m.start() - 120), m.start())
        mention = _mention(text, name_before(text, head.start() if head else m.start()), "exchange")
        if mention:
            found.append((mention, m.group("tick"), " ".join(m.group("market").split())))
    return found


def _headlines(text: str, sentences: list[tuple[int, int]], before: int) -> list[Mention]:
    """Names opening the title lines above the lead sentence ('Acme Widgets Files ...', 'MPC CORPORATION ...')."""
    found = []
    for s, e in sentences[:14]:
        if s >= before or s > 1500:
            break
        line = text[s:e]
        if e - s > 220 or _BYLINE.match(line) or _YEAR.search(line):
            continue
        if not (is_headline(line) or (s == 0 and "\n" not in line.strip() and len(line.split()) < 16)):
            continue
        lead = _HEADLINE_LEAD.match(line)
        start = s + (lead.end() if lead else 0)
        span = name_at(text, start, e)
        if span and (span[1] - span[0]) < (e - start):  # a name followed by what the headline says of it
            found.append(_mention(text, span, "headline"))
    return [m for m in found if m]


_HAS_VERB = re.compile(
    r"\b(?:is|was|were|are|has|have|had|will|would|said|says|announced|announces|filed|files|reported|reports"
    r"|received|receives|obtained|emerged|completed|became|sought|seeks|asked|took|confirmed|approved|agreed|won"
    r"|lost|plans|intends|expects|insists|denied|denies|issued|provided|made|entered|commenced|sold|closed"
    r"|[a-z]{3,}ed)\b"
)
_RELATIVE_OF = re.compile(
    r"\b(?:parent|owner|operator|publisher|unit|subsidiary|affiliate|lender|creditor|landlord|tenant|supplier)"
    r"(?:\s+company)?\s+of\s+(?:the\s+)?$",
    re.I,
)
_TITLED = re.compile(
    r"\b(?:Judge|Justice|Mr|Mrs|Ms|Dr|Sen|Senator|Gov|Governor|President|Chairman|CEO|spokesman)\.?\s+$"
)
# a name followed by what the sentence says it did: '(NYSE: X)', ',', a Reuters code ('Bethlehem Steel Corp. BS.N'),
# 'and its two hospitals', a verb, not a preposition
_LEAD_AFTER = re.compile(
    r"\s*(?:\(|,|<|[–—]|['’]s?\s)|\s+[A-Z]{1,5}\.[A-Z]{1,2}\b|\s+and\s+(?:its|their)\b"
    r"|\s+(?!(?:of|in|on|at|for|from|by|to|the|a|an|and|or|with|as|under)\b)[a-z]{2,}\b"
    # where it is, then its verb: 'Avanex Corp of Fremont, CA, USA says that ...'
    r"|\s+of\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,\s*[A-Z][\w.]*)?,?\s+"
    r"(?:says|said|has|have|had|is|was|announced|announces|reported|reports|filed|files)\b"
)
_ROLE_AFTER = re.compile(
    r",\s+(?:the\s+|its\s+)?(?:co-?founder|founder|chief|ceo|cfo|chairman|chairwoman|president|spokes\w+|head|director"
    r"|partner|attorney|lawyer|analyst|professor|economist)\b"
    r"|\s+(?:bankruptcy\s+|district\s+|federal\s+|high\s+|appeals\s+)?(?:court|judge|tribunal|regulators?)\b"
    r"|\s+(?:reports|reported|writes|wrote)\b"  # 'The Wall Street Journal reports that CCI filed': the source
)
# 'A Tulsa, Oklahoma-based shale driller': a place, the company is not named yet
_PLACE_BASED = re.compile(r",\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-(?:based|headquartered)\b")
_PLACE_AFTER = re.compile(r",\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\.?,?\s*(?:\(|--|[–—]|-\s)")
_LEAD_SENTENCES = 3  # the subject of a story is named in its first prose sentences, or not in its lead


def _lead_subjects(text: str, lead: list[tuple[int, int]], dates: list[DateMention]) -> tuple[list[Mention], int]:
    """The subject of the first prose sentence that names one, read past the dateline ('HOUSTON, May 4 (Reuters)
    -'); also where the prose begins (headlines are looked for above it)."""
    found: list[Mention] = []
    prose = 0
    first = len(text)
    for start, end in lead:
        start = _past_furniture(text, start, end)
        sentence = text[start:end]
        dated = dateline_cut(text, start, end, dates) > start or bool(_DATELESS_DATELINE.match(text, start, end))
        if (is_headline(sentence) or _lone_line(text, start, end)) and not dated:
            continue
        if _BYLINE.match(sentence) or not (dated or _HAS_VERB.search(sentence)) or _CAPTION.search(sentence):
            continue
        first = min(first, start)
        prose += 1
        if prose > _LEAD_SENTENCES:
            break
        offset = dateline_cut(text, start, end, dates)
        if offset == start:  # 'Union, N.J. — Bed Bath & Beyond Inc. ...': a dateline without a date
            dateless = _DATELESS_DATELINE.match(text, start, end)
            offset = dateless.end() if dateless else start
        if offset == start:  # a headline run into its dateline: '... Expectations LINTHICUM, Md., Sep 5, 2000
            credit = WIRE_CREDIT.search(text, start, min(end, start + 400))  # (BUSINESS WIRE) -- CIENA ...'
            offset = credit.end() if credit else start
        noise = _LEAD_NOISE.match(text, offset, end)
        if noise:
            offset = noise.end()
        desc = _DESCRIPTOR.match(text, offset, end)
        if desc:
            offset = desc.end()
        town = _MUNICIPALITY.match(text, offset, end)
        if town:
            place = f"{town.group('kind').title()} of {town.group('place')}"
            name = place + (f", {town.group('state')}" if town.group("state") else "")
            found.append(Mention(name, town.start(), town.end(), "lead"))
            break
        county = _PLACE_COUNTY.match(text, offset, end)
        if county and county.group("place").split()[0].lower() not in _LEADING:
            found.append(Mention(county.group(0), county.start(), county.end(), "lead"))
            break
        span = name_at(text, offset, end)
        if span is None or not _LEAD_AFTER.match(text, span[1], end) or _PLACE_AFTER.match(text, span[1], end):
            continue
        based = _PLACE_BASED.match(text, span[1], end)
        if based:  # 'Laconia, N.H.-based LRGHealthcare': the name follows the place
            span = name_at(text, based.end(), end)
            if span is None or not _LEAD_AFTER.match(text, span[1], end):
                continue
        if _RELATIVE_OF.search(text, max(start, span[0] - 40), span[0]):
            continue  # 'The parent of the Charleston Gazette-Mail has filed': not the paper's own case
        if _TITLED.search(text, max(start, span[0] - 30), span[0]) or _is_person(text[span[0] : span[1]], text):
            continue  # 'Judge James Peck ...', 'Peck said': a person
        if _ROLE_AFTER.match(text, span[1], end):
            continue  # 'Alex Mashinsky, co-founder of Celsius, says': a person; 'A Hong Kong court': a court
        mention = _mention(text, span, "lead")
        if mention is None:
            continue
        found.append(mention)
        found += _units(text, span[1], end)
        break
    return found, first


_FURNITURE_LINE = re.compile(
    r"[\d\s/.:\-]+|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]+day,?"
)


def _lone_line(text: str, start: int, end: int) -> bool:
    """A paragraph of one short line without closing punctuation: a title, even in sentence case."""
    if "\n" in text[start:end] or text[end - 1 : end] in '.!?:;"”’)' or len(text[start:end].split()) > 20:
        return False
    opens = not text[:start].strip() or text[max(0, start - 2) : start] == "\n\n"
    return opens and (end == len(text) or text[end : end + 2] == "\n\n")


def _past_furniture(text: str, start: int, end: int) -> int:
    """Past a sentence's opening lines that hold only a date or a page counter ('9 April 2001', '07/01')."""
    while True:
        nl = text.find("\n", start, end)
        if nl == -1 or not _FURNITURE_LINE.fullmatch(text, start, nl):
            return start
        start = nl + 1


_PERSON_TITLE = (
    r"(?:Judge|Justice|Mr|Mrs|Ms|Dr|Sen|Senator|Gov|Governor|Mayor|President|Chairman|Chairwoman|CEO|CFO"
    r"|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Ss]pokes(?:man|woman|person)|[Aa]ttorney|[Ll]awyer|[Aa]nalyst|[Tt]rustee)"
)
_TITLE_BEFORE = re.compile(rf"(?<![\w]){_PERSON_TITLE}\.?,?\s+(?:[A-Z][\w.]*\s+){{0,2}}\Z")


def _is_person(name: str, text: str) -> bool:
    """A name the release gives a person's title somewhere ('Judge James Peck' makes 'Peck' a person)."""
    if re.search(rf"\b(?:{SUFFIX})\b", name) or len(name.split()) > 3:
        return False
    for m in re.finditer(rf"\b{re.escape(name)}\b", text):
        # the title, if any, ends right before the name: read the words before each mention backwards from
        # there, not the whole text for a title at every word (a pattern per name cost 1.6 ms a release)
        before = text[max(0, m.start() - 120) : m.start()]
        if _TITLE_BEFORE.search(before):
            return True
    return False


def subject_before(text: str, floor: int, at: int) -> str | None:
    """The name a verb at ``at`` has for its subject ('Delphi Corporation filed'), past parentheticals,
    appositives and 'and its subsidiaries'; None when the words before it are no name."""
    mention = _subject_mention(text, floor, at, "petition")
    return mention.name if mention else None


def _subject_mention(text: str, floor: int, at: int, source: str) -> Mention | None:
    head = _BETWEEN.search(text, max(floor, at - 240), at)
    span = name_before(text, head.start() if head else at, floor)
    comma = text.rfind(",", max(floor, at - 3), at)
    if span is None and comma != -1 and not text[comma + 1 : at].strip():
        # 'One of the most recent eateries to file, Punch Bowl Social, declared': a name set between commas
        named = name_before(text, comma, floor)
        span = named if named and text[floor : named[0]].rstrip().endswith(",") else None
    if span is None or _RELATIVE_OF.search(text, max(floor, span[0] - 40), span[0]):
        return None  # 'The parent of the Charleston Gazette-Mail has filed': the paper is not the debtor
    return _mention(text, span, source)


def same_company(a: str, b: str) -> bool:
    return _agree(_key(a), _key(b))


def may_be(name: str, company: str) -> bool:
    """Could ``name`` be the company written short? A leading part, or a trailing part of two words or more
    ('NORTH AMERICA INC.' under a headline line 'DBSD' of 'DBSD North America, Inc.')."""
    a, b = _key(name), _key(company)
    return _agree(a, b) or (len(a) >= 2 and len(a) < len(b) and b[-len(a) :] == a)


def _units(text: str, after: int, end: int) -> list[Mention]:
    """'X announced that its subsidiary Y filed', 'X (NYSE: X) and its utility unit Y filed': Y is the debtor."""
    found = []
    sub = _SUBSIDIARY_FILED.search(text, after, end)
    if sub:
        unit = _mention(text, name_at(text, sub.end(), end), "subsidiary")
        if unit and _UNIT_FILED.match(text, unit.end, end):
            found.append(unit)
    joint = _AND_ITS_UNIT.match(text, after, end)
    if joint:
        unit = _mention(text, name_at(text, joint.end(), end), "subsidiary")
        if unit and _LEAD_AFTER.match(text, unit.end, end):
            found.append(unit)
    return found


_UNIT_FILED = re.compile(
    r"\s*,?\s*(?:\([^)]{0,80}\)\s*,?\s*)?(?:has\s+|had\s+|have\s+)?(?:voluntarily\s+)?(?:filed|commenced|sought)\b"
)
_AND_ITS_UNIT = re.compile(r"\s*(?:\([^)]*\))?\s*,?\s*and its (?:[\w-]+\s+){0,2}(?:unit|subsidiary|affiliate)\s+")


def _petition_subjects(text: str, limit: int) -> list[Mention]:
    found = []
    for m in _PETITION_VERB.finditer(text, 0, limit):
        window = text[m.end() : m.end() + 160].lower()
        if not re.match(
            r"\s*(?:an?\s+|its\s+|their\s+)?(?:voluntary\s+|involuntary\s+)?(?:petition|for\s+(?:voluntary\s+)?"
            r"(?:protection|reorganization|relief|bankruptcy|chap)|chapter|under\s+chapter|a\s+petition|with\s+a\s+petition"
            r"|bankruptcy)",
            window,
        ):
            continue
        mention = _subject_mention(text, 0, m.start(), "petition")
        if mention:
            found.append(mention)
    return found


# the debtor as the object of its creditors' petition: 'took Bernard Madoff to bankruptcy court', 'forced Acme Corp.
# into Chapter 7'
# the creditors' verbs that make the debtor their object (``timeline.ingest.step_words`` reads the first as a filing)
TAKEN_TO = r"took|take|takes|taking|dragged|drag|drags|hauled|haul|hauls"
FORCED_INTO = r"forced|force|forces|pushed|push|pushes|strong-arm(?:ed|s)?"
_PETITION_OBJECT = re.compile(rf"\b(?:{TAKEN_TO}|{FORCED_INTO})\s+(?=[A-Z])")
_INTO_CASE = re.compile(
    r"\s+(?:to\s+(?:(?:U\.S\.|[Ff]ederal)\s+)?[Bb]ankruptcy\s+[Cc]ourt|into\s+(?:(?:an?\s+)?(?:[Ii]nvoluntary\s+)?"
    r"(?:[Bb]ankruptcy|[Cc]hapter\s+(?:\d+|[IVX]+)\b(?!\s+plan)|[Rr]eceivership|[Ll]iquidation)))"
)


def _petition_objects(text: str, limit: int) -> list[Mention]:
    found = []
    for m in _PETITION_OBJECT.finditer(text, 0, limit):
        span = name_at(text, m.end(), min(len(text), m.end() + 120))
        if span and _INTO_CASE.match(text, span[1]):
            found.append(_mention(text, span, "petition"))
    for m in _CASE_OF.finditer(text, 0, limit):  # 'ordered the liquidation of China Evergrande Group'
        found.append(_mention(text, name_at(text, m.end(), min(len(text), m.end() + 120)), "petition"))
    return [x for x in found if x]


_CASE_OF = re.compile(
    r"\b(?:ordered|approved|sought|seeking|petitioned\s+for|filed\s+for)\s+the\s+(?:liquidation|winding[- ]up"
    r"|involuntary\s+bankruptcy|receivership)\s+of\s+(?=[A-Z])"
)


# a company's full name anywhere in the text: 'Acme Widgets Holdings, Inc.', 'Pine Lake Corp.'
FORMAL_NAME = re.compile(rf"\b[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){{0,5}},?\s+(?:{SUFFIX})\b\.?")


_COPYRIGHT = re.compile(r"copyright|\(c\)|©", re.I)


def _formal_names(text: str, boiler: list[tuple[int, int]], limit: int) -> list[Mention]:
    """Where no place names the subject, the company names the text writes in full, outside its boilerplate: the
    one named most often is taken (with the weight of the least telling place, so low confidence)."""
    found = []
    for m in FORMAL_NAME.finditer(text, 0, limit):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if in_ranges(m.start(), boiler) or _COPYRIGHT.search(line):
            continue  # 'Copyright (c) 1995, Landmark Communications, Inc.': the page's owner
        span = name_at(text, m.start(), m.end())
        mention = _mention(text, span, "named") if span else None
        if mention and not _is_person(mention.name, text):
            found.append(mention)
    return found


def _possessives(text: str, limit: int) -> list[Mention]:
    found = []
    for m in _POSSESSIVE.finditer(text, 0, limit):
        found.append(_mention(text, name_before(text, m.start()), "possessive"))
    for m in _ESTATE.finditer(text, 0, limit):
        span = name_at(text, m.start("rest"), m.end("rest"))
        if span and span[1] == m.end("rest"):
            found.append(_mention(text, span, "possessive"))
    for m in _FILED_BY.finditer(text, 0, limit):
        found.append(_mention(text, name_at(text, m.end(), min(len(text), m.end() + 160)), "possessive"))
    return [x for x in found if x]


def _abouts(text: str, boiler: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for m in _ABOUT.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        if line_end - m.end() > 70:
            continue
        found.append(_mention(text, name_at(text, m.end(), line_end), "about"))
    return [x for x in found if x]


# --- choosing by agreement -----------------------------------------------------------------------------


def _agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One company: the same words, or one a leading part of the other ('Acme' and 'Acme Widgets'). Initials
    are not enough: 'PG&E Corporation' is the parent of 'Pacific Gas and Electric Company', not its name."""
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1 and short[0] in _ORDINARY:
        return False
    # 'Vick' and 'Michael Vick': a person's surname stands for the person
    return long[: len(short)] == short or (len(short) == 1 and len(long) in (2, 3) and long[-1] == short[0])


@dataclass
class _Cluster:
    mentions: list[Mention]

    @property
    def sources(self) -> set[str]:
        return {m.source for m in self.mentions}

    @property
    def weight(self) -> float:
        per_source = sum(_WEIGHT[s] for s in self.sources)
        return per_source + 0.25 * min(4, len(self.mentions) - len(self.sources))


def _clusters(mentions: list[Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for m in mentions:
        key = _key(m.name)
        joined = [c for c in clusters if any(_agree(key, _key(o.name)) for o in c.mentions)]
        if not joined:
            clusters.append(_Cluster([m]))
            continue
        first = joined[0]
        first.mentions.append(m)
        for other in joined[1:]:  # the mention links two clusters: they were one company
            first.mentions.extend(other.mentions)
            clusters.remove(other)
    return clusters


_DISPLAY_RANK = ("registrant", "caption", "defined", "exchange", "subsidiary", "lead", "petition", "wire", "about",
                 "possessive", "named", "headline")  # fmt: skip


def _display(cluster: _Cluster, text: str) -> Mention:
    """The fullest way the release writes the company: with its suffix, from the surest place, mixed case."""

    def rank(m: Mention) -> tuple:
        suffixed = bool(re.search(rf"\b(?:{SUFFIX})\b\.?$", m.name, re.I))
        shouted = m.name.isupper() and len(m.name) > 4  # 'BOSTON CHICKEN, INC.': the release's prose writes it better
        fullest = -len(_key(m.name))  # 'Michael Vick' over 'Vick' (a headline's run-on words excepted)
        return (
            not suffixed,
            shouted,
            m.source == "headline" and text.count(m.name) < 2,  # the body writing it too vouches for its words
            fullest,
            _DISPLAY_RANK.index(m.source),
            -len(m.name),
            m.start,
        )

    units = [m for m in cluster.mentions if m.source == "subsidiary"]
    best = min(units or cluster.mentions, key=rank)
    if best.name.isupper() and len(best.name) > 4:
        mixed = _mixed_case(best.name, text)
        if mixed:
            return Mention(mixed, best.start, best.end, best.source)
        return Mention(_title_case(best.name), best.start, best.end, best.source)
    return best


def _mixed_case(name: str, text: str) -> str | None:
    """'BOSTON CHICKEN, INC.' as the release also writes it: 'Boston Chicken, Inc.'."""
    words = [re.escape(w) for w in re.findall(r"[\w&'’.\-]+", name)]
    if not words:
        return None
    rx = re.compile(r"\b" + r"[\s,]+".join(words) + r"(?![\w])", re.I)
    for m in rx.finditer(text):
        if not m.group(0).isupper():
            return clean_name(m.group(0))
    return None


_KEEP_UPPER = re.compile(r"^(?:[A-Z]{1,4}|[A-Z](?:\.[A-Z])+\.?|LLC|L\.L\.C\.|LP|PLC|II|III|IV)$")
_SUFFIX_CASE = {"INC": "Inc", "INC.": "Inc.", "CORP": "Corp", "CORP.": "Corp.", "CO": "Co", "CO.": "Co.",
                "LTD": "Ltd", "LTD.": "Ltd.", "CORPORATION": "Corporation", "COMPANY": "Company"}  # fmt: skip


def _title_case(name: str) -> str:
    out = []
    for word in name.split():
        core = word.rstrip(",")
        tail = word[len(core) :]
        if core in _SUFFIX_CASE:
            core = _SUFFIX_CASE[core]
        elif not _KEEP_UPPER.match(core) or core.lower() in ("the", "and", "of"):
            core = "-".join(p[:1] + p[1:].lower() for p in core.split("-"))
            core = core if out or core.lower() not in ("and", "of") else core.title()
        out.append(core + tail)
    return " ".join(out)


def _ticker(
    cluster: _Cluster, text: str, exchange: list[tuple[Mention, str, str]]
) -> tuple[str, str | None, float, str] | None:
    """(ticker, market, confidence, reason) of the chosen company, read where the release writes one next to it."""
    keys = [_key(m.name) for m in cluster.mentions]
    for mention, tick, market in exchange:
        if any(_agree(_key(mention.name), k) for k in keys):
            return tick, market, 0.92, f"written as ({market}: {tick}) after the company's name"
    for m in cluster.mentions:
        angle = _ANGLE_TICKER.match(text, m.end)
        if angle:
            return angle.group("tick"), None, 0.88, "the wire's ticker after the company's name"
    for m in cluster.mentions:
        bare = _BARE_TICKER.match(text, m.end)
        if not bare:
            continue
        tick = bare.group("tick")
        used_as_name = re.search(rf"(?<![$(])\b{re.escape(tick)}\b(?!\))", text[: bare.start()] + text[bare.end() :])
        if "." in tick or not used_as_name:
            return tick, None, 0.7, "in parentheses after the company's name, without an exchange"
    for m in cluster.mentions:
        phrase = _SYMBOL_PHRASE.search(text, m.end, m.end + 250)
        if phrase and "\n\n" not in text[m.end : phrase.start()]:
            return phrase.group("tick"), None, 0.75, "the symbol its shares trade under, told after the company's name"
    # 'The reorganized company resumed trading ... under the ticker ARCH': the one symbol the release gives
    told = {m.group("tick") for m in _SYMBOL_PHRASE.finditer(text)}  # a '(NYSE: X)' after a name is that name's
    if len(told) == 1 and not exchange:
        return told.pop(), None, 0.6, "the only symbol the release gives, not next to the company's name"
    return None


def find_company(
    text: str,
    sentences: list[tuple[int, int]],
    lead: list[tuple[int, int]],
    dates: list[DateMention],
    boiler: list[tuple[int, int]],
    filings: list[tuple[int, int]] = (),
) -> CompanyFacts | None:
    """The release's subject chosen by agreement among every place that names it, with its ticker. ``filings`` are
    (sentence start, offset) of the words that tell a filing: their subject is a place that names it."""
    limit = min(len(text), 12000)
    wire = _WIRE_HEADLINE.search(text, 0, 600)
    mentions: list[Mention] = []
    if wire:
        words = r"\s+".join(re.escape(w) for w in wire.group("name").split())
        body = re.search(rf"(?i:\b{words})(?:\s+[A-Z][\w&'-]*){{0,3}}?(?:,?\s+(?:{SUFFIX})\b\.?)", text[wire.end() :])
        if body:
            mentions.append(
                Mention(clean_name(body.group(0)), wire.end() + body.start(), wire.end() + body.end(), "wire")
            )
        else:
            mentions.append(Mention(_title_case(wire.group("name").strip()), wire.start(), wire.end("name"), "wire"))
    exchange = _exchange_mentions(text, limit)
    leads, prose = _lead_subjects(text, lead, dates)
    mentions += _registrants(text)
    mentions += leads
    mentions += _defined_terms(text, limit)
    mentions += [m for m, _, _ in exchange]
    mentions += _headlines(text, sentences, prose)
    mentions += _petition_subjects(text, limit)
    mentions += [m for m in (_subject_mention(text, floor, at, "petition") for floor, at in filings) if m]
    mentions += _petition_objects(text, limit)
    mentions += _possessives(text, limit)
    mentions += _abouts(text, boiler)
    mentions = _once(mentions) or _formal_names(text, boiler, limit)
    if not mentions:
        return None
    clusters = sorted(
        _clusters(mentions), key=lambda c: (-c.weight - _named_often(c, text), min(m.start for m in c.mentions))
    )
    best = clusters[0]
    shown = _display(best, text)
    runner = clusters[1] if len(clusters) > 1 else None
    confidence = {"name": _name_confidence(best, runner)}
    evidence = {"name": _sentence_span(text, sentences, shown)}
    ticker = _ticker(best, text, exchange)
    if wire and ticker is None and any(m.source == "wire" for m in best.mentions):
        ticker = (wire.group("tick"), None, 0.88, "the wire headline's ticker")
    if ticker is None:
        return CompanyFacts(shown.name, None, None, confidence, evidence)
    tick, market, score, reason = ticker
    confidence["ticker"] = Confidence(score, reason)
    return CompanyFacts(shown.name, tick, market, confidence, evidence)


_OFTEN_EACH, _OFTEN_MOST = 0.5, 6  # a little weight for each time the text names the company, up to a point


def _named_often(cluster: _Cluster, text: str) -> float:
    """How often the text names the cluster's company (by the first word of its name), as a tie-breaker: a
    release is about the company it keeps naming ('CIENA ... CIENA ... CIENA'), not the one it names twice."""
    key = next((k for k in (_key(m.name) for m in cluster.mentions) if k), None)
    if not key:
        return 0.0
    word = next((w for w in key if w not in _CONNECTORS), key[0])
    return _OFTEN_EACH * min(_word_counts(text)[word], _OFTEN_MOST)


@lru_cache(maxsize=8)
def _word_counts(text: str) -> Counter[str]:
    """Each word of the text's first 20,000 characters (a run of letters, digits, '_' and '&') in lower case,
    with how often it stands there: one pass for all of a release's candidates, where a pattern for each cost
    a compile each. Keyed on the whole text, so every candidate finds the one count."""
    return Counter(_WORD_RUN.findall(text[:20000].lower()))


_WORD_RUN = re.compile(r"[\w&]+")


def _sentence_span(text: str, sentences: list[tuple[int, int]], mention: Mention) -> Span:
    """The sentence a mention stands in (a reviewer reads the name where the release wrote it)."""
    a, b = next(((s, e) for s, e in sentences if s <= mention.start < e), (mention.start, mention.end))
    return Span(a, b, text[a:b])


def _once(mentions: list[Mention]) -> list[Mention]:
    """One mention per place in the text: the same words read by two readers count for the surer one."""
    best: dict[int, Mention] = {}
    for m in mentions:
        if m.start not in best or _WEIGHT[m.source] > _WEIGHT[best[m.start].source]:
            best[m.start] = m
    return sorted(best.values(), key=lambda m: m.start)


def _name_confidence(best: _Cluster, runner: _Cluster | None) -> Confidence:
    weight = best.weight
    score = 0.95 if weight >= 5.5 else 0.88 if weight >= 4 else 0.78 if weight >= 3 else 0.65 if weight >= 2 else 0.5
    if weight < 1.5:
        score = 0.4
    places = sorted(best.sources, key=_DISPLAY_RANK.index)
    said = [_SAID_AS[s] for s in places]
    reason = "Named by " + (", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0])
    if runner is not None and runner.weight >= 0.5 * weight and runner.sources - {"headline", "possessive"}:
        score -= 0.2 if runner.weight >= 0.8 * weight else 0.1
        reason += f"; another company ({runner.mentions[0].name}) is named almost as often"
    return Confidence(round(max(0.2, min(0.97, score)), 2), reason)
