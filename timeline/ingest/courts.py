"""Court named in a release -> courts-db bankruptcy court id (mab, deb, nysb ...).

Releases name courts three ways: by district ('the Southern District of New York'), by state alone
('District of Delaware'), or by city ('San Francisco bankruptcy court', 'Federal Bankruptcy Court in
Wilmington, Del.'). Districts come straight from courts-db; cities go through a table of the seats of
the U.S. bankruptcy courts, so any release naming one of those cities resolves the same way.
"""

from __future__ import annotations

import re
from functools import cache

from courts_db import courts

from timeline.ingest.clean import fold, lowered, scan_from
from timeline.ingest.facts import CourtRef

_DIRECTION = {"northern": "n", "southern": "s", "eastern": "e", "western": "w", "middle": "m", "central": "c"}
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "al": "alabama", "ariz": "arizona", "az": "arizona", "ark": "arkansas", "calif": "california",
    "cal": "california", "ca": "california", "colo": "colorado", "co": "colorado", "conn": "connecticut",
    "ct": "connecticut", "del": "delaware", "de": "delaware", "d.c": "washington d.c.", "dc": "washington d.c.",
    "fla": "florida", "fl": "florida", "ga": "georgia", "ill": "illinois", "il": "illinois", "ind": "indiana",
    "in": "indiana", "kan": "kansas", "ks": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland",
    "mass": "massachusetts", "ma": "massachusetts", "mich": "michigan", "mi": "michigan", "minn": "minnesota",
    "mn": "minnesota", "miss": "mississippi", "ms": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "ne": "nebraska", "nev": "nevada", "nv": "nevada", "n.h": "new hampshire", "nh": "new hampshire",
    "n.j": "new jersey", "nj": "new jersey", "n.m": "new mexico", "nm": "new mexico", "n.y": "new york",
    "ny": "new york", "n.c": "north carolina", "nc": "north carolina", "n.d": "north dakota", "okla": "oklahoma",
    "ok": "oklahoma", "ore": "oregon", "or": "oregon", "pa": "pennsylvania", "r.i": "rhode island",
    "ri": "rhode island",
    "s.c": "south carolina", "sc": "south carolina", "s.d": "south dakota", "tenn": "tennessee", "tn": "tennessee",
    "tex": "texas", "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wash": "washington",
    "wa": "washington", "w.va": "west virginia", "wv": "west virginia", "wis": "wisconsin", "wi": "wisconsin",
    "wyo": "wyoming", "wy": "wyoming", "nd": "north dakota", "sd": "south dakota", "id": "idaho", "ida": "idaho",
    "columbia": "washington d.c.",
}  # fmt: skip

# Seats of the federal bankruptcy courts and the largest cities of each district.
_CITY_COURTS = {
    "new york": "nysb", "manhattan": "nysb", "white plains": "nysb", "poughkeepsie": "nysb", "brooklyn": "nyeb",
    "central islip": "nyeb", "long island": "nyeb", "albany": "nynb", "syracuse": "nynb", "utica": "nynb",
    "buffalo": "nywb", "rochester": "nywb", "wilmington": "deb", "newark": "njb", "trenton": "njb", "camden": "njb",
    "boston": "mab", "worcester": "mab", "springfield": "mab", "hartford": "ctb", "new haven": "ctb",
    "bridgeport": "ctb", "providence": "rib", "manchester": "nhb", "portland": "orb", "burlington": "vtb",
    "philadelphia": "paeb", "reading": "paeb", "pittsburgh": "pawb", "erie": "pawb", "harrisburg": "pamb",
    "wilkes-barre": "pamb", "scranton": "pamb", "baltimore": "mdb", "greenbelt": "mdb", "washington": "dcb",
    "alexandria": "vaeb", "richmond": "vaeb", "norfolk": "vaeb", "roanoke": "vawb", "charlotte": "ncwb",
    "raleigh": "nceb", "greensboro": "ncmb", "columbia": "scb", "atlanta": "ganb", "macon": "gamb",
    "savannah": "gasb", "miami": "flsb", "fort lauderdale": "flsb", "west palm beach": "flsb", "tampa": "flmb",
    "orlando": "flmb", "jacksonville": "flmb", "tallahassee": "flnb", "birmingham": "alnb", "montgomery": "almb",
    "mobile": "alsb", "jackson": "mssb", "new orleans": "laeb", "baton rouge": "lamb", "shreveport": "lawb",
    "lafayette": "lawb", "nashville": "tnmb", "memphis": "tnwb", "knoxville": "tneb", "chattanooga": "tneb",
    "louisville": "kywb", "lexington": "kyeb", "cleveland": "ohnb", "akron": "ohnb", "toledo": "ohnb",
    "youngstown": "ohnb", "columbus": "ohsb", "cincinnati": "ohsb", "dayton": "ohsb", "detroit": "mieb",
    "flint": "mieb", "grand rapids": "miwb", "indianapolis": "insb", "south bend": "innb", "chicago": "ilnb",
    "peoria": "ilcb", "springfield, ill": "ilcb", "milwaukee": "wieb", "madison": "wiwb", "minneapolis": "mnb",
    "st. paul": "mnb", "saint paul": "mnb", "des moines": "iasb", "cedar rapids": "ianb", "st. louis": "moeb",
    "saint louis": "moeb", "kansas city": "mowb", "omaha": "nebraskab", "lincoln": "nebraskab", "wichita": "ksb",
    "topeka": "ksb", "oklahoma city": "okwb", "tulsa": "oknb", "little rock": "areb", "fayetteville": "arwb",
    "houston": "txsb", "corpus christi": "txsb", "dallas": "txnb", "fort worth": "txnb", "austin": "txwb",
    "san antonio": "txwb", "el paso": "txwb", "tyler": "txeb", "plano": "txeb", "denver": "cob",
    "albuquerque": "nmb", "phoenix": "arb", "tucson": "arb", "salt lake city": "utb", "las vegas": "nvb",
    "reno": "nvb", "boise": "idb", "billings": "mtb", "cheyenne": "wyb", "seattle": "wawb", "tacoma": "wawb",
    "spokane": "waeb", "los angeles": "cacb", "santa ana": "cacb", "riverside": "cacb", "woodland hills": "cacb",
    "san fernando valley": "cacb", "san diego": "casb", "san francisco": "canb", "oakland": "canb",
    "san jose": "canb", "santa rosa": "canb", "sacramento": "caeb", "fresno": "caeb", "modesto": "caeb",
    "honolulu": "hib", "anchorage": "akb", "san juan": "prb", "portland, me": "meb", "portland, maine": "meb",
    "wilmington, n.c": "nceb", "wilmington, nc": "nceb", "columbus, ga": "gamb", "jackson, tenn": "tnwb",
    # more divisional seats
    "newport news": "vaeb", "lynchburg": "vawb", "harrisonburg": "vawb", "danville": "vawb", "wheeling": "wvnb",
    "clarksburg": "wvnb", "martinsburg": "wvnb", "beckley": "wvsb", "huntington": "wvsb", "sherman": "txeb",
    "beaumont": "txeb", "lubbock": "txnb", "amarillo": "txnb", "midland": "txwb", "waco": "txwb",
    "laredo": "txsb", "brownsville": "txsb", "mcallen": "txsb", "victoria": "txsb", "ocala": "flmb",
    "fort myers": "flmb", "pensacola": "flnb", "gainesville": "flnb", "santa barbara": "cacb",
    "northern virginia": "vaeb",
}  # fmt: skip
CITIES = frozenset(city.split(",")[0] for city in _CITY_COURTS)  # the seats, for telling a dateline's city
STATES = frozenset(_STATE_ABBREVIATIONS.values())  # their names, which alone name no company

_DISTRICT = re.compile(
    r"\b(?:(?P<dir>northern|southern|eastern|western|middle|central)\s+)?district\s+(?:court\s+)?(?:of|for)\s+"
    r"(?:the\s+)?(?P<state>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})",
    re.I,
)
_ABBREV_DISTRICT = re.compile(
    r"\b(?P<dir>[NSEWMC])\.\s?D\.\s?(?P<state>N\.\s?Y|Cal|Tex|Ill|Fla|Pa|Ga|Ohio|[A-Z][a-z]+)\.?"
)
# a citation: 'Bankr. D. Del.', 'Bankr. S.D.N.Y.', 'Bankr. N.D. Tex.'
_BANKR_CITE = re.compile(r"\bBankr\.\s?(?:(?P<dir>[NSEWMC])\.\s?)?D\.\s?(?P<state>[A-Z][a-z]*\.(?:\s?[A-Z][a-z]*\.)?)")
_DIVISION = re.compile(r"\s*(?:,|-|–|—|\(|\s)\s*(?P<div>(?:[A-Z][a-z]+\s+){1,2}Division)\b")
_COURT_WORDS = re.compile(
    r"(?:(?:the\s+)?(?:U\.\s?S\.|US|United States|[Ff]ederal)\s+)?[Bb]ankruptcy\s+[Cc]ourt\b"
    r"|\b[Bb]ankruptcy\s+[Jj]udge\b"
)
_CITY_BEFORE = re.compile(
    r"(?P<city>(?:[A-Z][a-z.]+\s+){0,2}[A-Z][a-z.]+)\s+(?:[Ff]ederal\s+)?[Bb]ankruptcy\s+[Cc]ourt"
)
_CITY_AFTER = re.compile(
    # 'Bankruptcy Court in Wilmington', 'Bankruptcy Court of New Jersey', 'Bankruptcy Judge R. Drain in White Plains'
    r"[Bb]ankruptcy\s+(?:[Cc]ourt|[Jj]udge(?:\s+[A-Z][\w.]*){1,3})\s+(?:in|at|of|for)\s+"
    r"(?P<city>(?:[A-Z][a-z.]+ ){0,2}[A-Z][a-z.]+)"  # a city on one line
    r"(?:,\s*(?P<st>[A-Z][A-Za-z.]*(?:\s+[A-Z][a-z]+)?))?"
)


_DISTRICT_LOW = lowered(_DISTRICT)
_COURT_PREFIXES = ("US", "United States", "Federal", "federal")


def _court_word_starts(text: str) -> list[int]:
    """Every offset where ``_COURT_WORDS`` can match: at '[Bb]ankruptcy', or at the words allowed before it."""
    starts = set()
    at = text.find("ankruptcy", 1)
    while at != -1:
        b = at - 1
        starts.add(b)
        run = b
        while run > 0 and text[run - 1].isspace():
            run -= 1
        if run < b:  # 'U.S.', 'U. S.', 'US', 'United States', 'Federal' and whitespace before it
            words = [run - len(w) for w in _COURT_PREFIXES if text.endswith(w, 0, run)]
            if text.endswith("S.", 0, run) and (
                text.endswith("U.", 0, run - 2) or (text.endswith("U.", 0, run - 3) and text[run - 3].isspace())
            ):
                words.append(run - 4 if text.endswith("U.", 0, run - 2) else run - 5)
            for w in words:
                starts.add(w)
                run = w
                while run > 0 and text[run - 1].isspace():
                    run -= 1
                if run < w and text.endswith("the", 0, run):
                    starts.add(run - 3)
        at = text.find("ankruptcy", at + 1)
    return sorted(i for i in starts if i >= 0)


_WORDS = {n: re.compile(rf"[^\s,]+(?:\s+[^\s,]+){{{n - 1}}}") for n in (1, 2, 3)}


@cache
def _district_index() -> dict[tuple[str, str], tuple[str, str]]:
    """(state, direction letter or '') -> (court id, courts-db name), current bankruptcy courts only."""
    index = {}
    for court in courts:
        if court.get("type") != "bankruptcy" or court["id"].startswith("bap"):
            continue
        if any(d.get("end") for d in court.get("dates") or []):
            continue
        name = court["name"]
        m = re.search(r"\b([NSEWMC])\.\s?D\.|(Northern|Southern|Eastern|Western|Middle|Central) District", name)
        direction = ""
        if m:
            direction = (m.group(1) or _DIRECTION[m.group(2).lower()][0]).lower()
        index[(court["location"].lower(), direction)] = (court["id"], name)
    return index


def _state(words: str) -> tuple[str, int] | None:
    """A state named or abbreviated at the start of ``words``, and how many characters name it."""
    states = {state for state, _ in _district_index()}
    for n in (3, 2, 1):
        m = _WORDS[n].match(words)
        if not m:
            continue
        cand = " ".join(m.group(0).split()).lower()  # 'New\nYork' wrapped over two lines is New York
        if cand.rstrip(".") in states:
            return cand.rstrip("."), m.end() - (1 if cand.endswith(".") else 0)
        key = cand.rstrip(".").replace(". ", ".")
        if key in _STATE_ABBREVIATIONS:
            return _STATE_ABBREVIATIONS[key], m.end()
    return None


@cache
def _court_state() -> dict[str, str]:
    return {cid: state for (state, _), (cid, _name) in _district_index().items()}


def court_id_for(state: str, direction: str = "") -> str | None:
    """courts-db id for a state and district direction ('s' for Southern); '' means the whole state."""
    hit = _district_index().get((state.lower(), direction))
    return hit[0] if hit else None


def court_for_city(city: str, state: str | None = None) -> str | None:
    """courts-db id of the bankruptcy court sitting in ``city`` (a state abbreviation disambiguates)."""
    city = city.lower().strip(" .")
    if not state:
        return _CITY_COURTS.get(city)
    st = state.lower().strip(" .")
    if f"{city}, {st}" in _CITY_COURTS:
        return _CITY_COURTS[f"{city}, {st}"]
    full = _STATE_ABBREVIATIONS.get(st, st)
    hit = _CITY_COURTS.get(city)
    if hit and full in {s for s, _ in _district_index()} and _court_state().get(hit) != full:
        return None  # a different city of that name
    return hit


_FILED_IN_STATE = re.compile(r"\bfiled\b[^.;]{0,80}?\bin\s+(?P<st>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def court_filed_in_state(sentence: str) -> CourtRef | None:
    """'Tribune Corporation filed for bankruptcy protection today in Delaware': no court named, but a
    state with one district names its bankruptcy court."""
    for m in _FILED_IN_STATE.finditer(sentence):
        got = _state(m.group("st"))
        cid = court_id_for(got[0]) if got and got[1] == len(m.group("st")) else None
        if cid:
            return CourtRef(cid, m.group("st"))
    return None


def find_court(text: str) -> CourtRef | None:
    """The first bankruptcy court the text names, resolved to a courts-db id when the words allow."""
    best: CourtRef | None = None
    for m in scan_from(_COURT_WORDS, text, [(0, len(text))], _court_word_starts(text)):
        ref = _court_near(text, m)
        if ref.id:
            return ref
        best = best or ref
    for low in _districts(fold(text)):  # 'filed in the Southern District of New York'
        m = _DISTRICT.match(text, low.start())  # the same match, its words as written
        ref = _district_ref(text, m, m.start())
        if ref and ref.id:
            return ref
    for m in _BANKR_CITE.finditer(text) if "Bankr." in text else ():
        got = _state(m.group("state").replace(" ", ""))
        cid = court_id_for(got[0], (m.group("dir") or "").lower()) if got else None
        if cid:
            return CourtRef(cid, m.group(0))
    return best if best and best.id else _federal_court_in_city(text) or best


# news names the court by its seat: 'a Sacramento federal court', 'federal court in Sacramento', 'a federal judge in
# Dallas'; in a release about a case, the federal court of that city is its district's bankruptcy court
_FEDERAL_IN_CITY = re.compile(
    r"\b[Ff]ederal\s+(?:[Bb]ankruptcy\s+)?(?:[Cc]ourt|[Jj]udge)\s+in\s+(?P<after>(?:[A-Z][a-z.]+ ){0,2}[A-Z][a-z.]+)"
    r"|(?P<before>(?:[A-Z][a-z.]+\s+){0,2}[A-Z][a-z.]+)\s+[Ff]ederal\s+(?:[Bb]ankruptcy\s+)?[Cc]ourt\b"
)


def _federal_court_in_city(text: str) -> CourtRef | None:
    for m in _FEDERAL_IN_CITY.finditer(text) if "ederal" in text else ():
        words = (m.group("after") or m.group("before")).split()
        for n in range(len(words)):  # 'Files For Bankruptcy In Sacramento': the words nearest the court
            city = " ".join(words[: len(words) - n]) if m.group("after") else " ".join(words[n:])
            cid = court_for_city(city)
            if cid:
                return CourtRef(cid, _squash(m.group(0)))
    return None


def _districts(low: str):
    """``_DISTRICT_LOW.finditer(low)``, started where the first match can begin: at most a direction word and
    spaces before the first 'district' (every match holds one); none at all without one."""
    at = low.find("district")
    if at == -1:
        return ()
    while at > 0 and low[at - 1].isspace():
        at -= 1
    return _DISTRICT_LOW.finditer(low, max(0, at - _LONGEST_DIRECTION))


_LONGEST_DIRECTION = len("northern")


def _court_near(text: str, m: re.Match) -> CourtRef:
    """Resolve one 'Bankruptcy Court' mention from the words around it."""
    window = text[m.end() : m.end() + 160]
    d = _DISTRICT.match(window, re.match(r"\s*(?:for|of|in)?\s*(?:the\s+)?", window).end())
    if d:
        ref = _district_ref(text, d, m.start(), offset=m.end())
        if ref:
            return ref
    a = _ABBREV_DISTRICT.match(window, re.match(r"\s*(?:for|of|in)?\s*(?:the\s+)?", window).end())
    if a:
        got = _state(a.group("state").replace(" ", ""))
        cid = court_id_for(got[0], a.group("dir").lower()) if got else None
        return CourtRef(cid, _squash(text[m.start() : m.end() + a.end()]))
    after = _CITY_AFTER.match(text, m.start() + m.group(0).lower().find("bankruptcy"))
    if after:
        # 'in Wilmington, Delaware' names the state; 'in Manhattan, Harborview said' does not.
        state = _state(after.group("st")) if after.group("st") else None
        written = after.group("st")[: state[1]] if state else None
        if written and after.group("st")[len(written) : len(written) + 1] == ".":
            written += "."  # 'Del.' keeps its point
        end = after.start("st") + len(written) if written else after.end("city")
        cid = court_for_city(after.group("city"), written)
        if cid is None and not written:  # 'the US Bankruptcy Court in Delaware': a state with one district
            place = after.group("city").rstrip(".")
            got = _state(place)
            cid = court_id_for(got[0]) if got and got[1] == len(place) else None
        if cid:
            return CourtRef(cid, _squash(text[m.start() : end]))
    before = _CITY_BEFORE.search(text, max(0, m.start() - 40), m.end())
    if before and before.end() == m.end():
        cid = court_for_city(before.group("city"))
        if cid is None:  # 'the Delaware bankruptcy court': a state with one district
            got = _state(before.group("city"))
            cid = court_id_for(got[0]) if got and got[1] == len(before.group("city")) else None
        if cid:
            return CourtRef(cid, _squash(before.group(0)))
    return CourtRef(None, _squash(m.group(0)))


def _district_ref(text: str, d: re.Match, start: int, offset: int = 0) -> CourtRef | None:
    got = _state(d.group("state"))
    if not got:
        return None
    state, length = got
    direction = _DIRECTION.get((d.group("dir") or "").lower(), "")
    cid = court_id_for(state, direction)
    end = offset + d.start("state") + length
    division = None
    dm = _DIVISION.match(text, end)
    if dm:
        division, end = " ".join(dm.group("div").split()), dm.end()
    return CourtRef(cid, _squash(text[start:end]), division)


def _squash(s: str) -> str:
    s = " ".join(s.split()).rstrip(",. ")
    return s[4:] if s.lower().startswith("the ") else s
