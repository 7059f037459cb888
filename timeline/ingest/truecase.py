"""A release written in capitals, read as a reader reads it: common words in lower case, names capitalised.

Wire copy and old filings often come in capitals ("FIBERCORE, INC. FILED FOR PROTECTION UNDER CHAPTER
11 TODAY"). The readers tell a name from a word by its capital, so such a text is read through a
truecased copy of it: the same length, letter for letter, so every offset still indexes the text as
found (the quotes shown are the release's own capitals). A word is common when ``common_words.txt``
(the words that real releases of the development corpus write in lower case) has it or its stem, or
when its ending is one that names rarely have; anything else is taken for a name and capitalised.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# kept in capitals: initials ('U.S.', 'L.P.'), companies' forms, markets, and what releases abbreviate
_ACRONYMS = _words(
    "LLC LLP LP PLC NV SA AG SE USA US UK EU NYSE NASDAQ AMEX OTC OTCBB OTCQB OTCQX SEC DIP CEO CFO COO CRO FDIC IRS "
    "FTC DOJ ABL EBITDA II III IV VI VII VIII IX XI XII XIII XV"
)
_COMMON_ENDINGS = ("ing", "ed", "tion", "tions", "ly", "ment", "ments", "ness", "ity", "ies", "ive", "ous", "able")
# a full stop that ends one of these ends no sentence: 'CommScope Inc. in bankruptcy court'
_ABBREVIATION = re.compile(r"(?:\b(?:inc|corp|co|ltd|no|nos|mr|mrs|ms|dr|jr|sr|st|vs|bros)|\b[a-z]|\.[a-z])\.$", re.I)
_MONTHS = _words("may march august")  # the months that are also common words
_DAY_AFTER = re.compile(r"\.?\s+\d|\.?,?\s+(?:19|20)\d\d")
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’ ]{1,30}(?:,[ \t]*[A-Z][A-Za-z.]{1,12}\.?)?)[ \t]*,?[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*)?(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[–—]|-[ \t]|_[ \t])",
    re.M,
)
# a company's form, which the words before it name
_FORMS = _words("inc incorporated corp corporation co company cos ltd limited llc lp plc holdings group bancorp")
_JOINS = re.compile(r"[ \t]{1,3}|[ \t]*-[ \t]*|[ \t]*&[ \t]*|[ \t]*\n[ \t]*")
_LISTED = re.compile(r"\s*<[A-Z0-9.]{1,10}>|\s*\((?:NYSE|NASDAQ|AMEX|OTC|TSX|NYSE\s+AMERICAN)\b")
_BEFORE_PLACES = _words(
    "new north south east west northern southern eastern western middle central united san los las saint fort "
    "great upper lower"
)
_SMALL_WORDS = _words("a an the and or nor but of for to in on at by with as from into via vs")
_INSIDE_NAMES = _words("and of the for")  # 'Bank of America', 'Pacific Gas and Electric'
# words that end a name read backwards from its form: what comes before a company in a sentence
_OUTSIDE_NAMES = _words(
    "a an the today yesterday that said says announced filed files its his her their our by to with from on in at "
    "as is was were has have had will would which who whose when while after before against between said "
    "subsidiary subsidiaries parent unit affiliate affiliates debtor debtors"
)
# more than this share of the letters in capitals makes a release shouted; a headline alone does not
_SHOUTED_SHARE = 0.7
_SHOUTED_MIN_LETTERS = 200


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(common words, words prose capitalises), from ``common_words.txt``."""
    path = Path(__file__).with_name("common_words.txt")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    words = [line for line in lines if line and not line.startswith("#")]
    return frozenset(w for w in words if w.islower()), frozenset(w.lower() for w in words if not w.islower())


def shouted(text: str) -> bool:
    """Is the release (not just its headline) written in capitals?"""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    letters = upper + lower
    return letters >= _SHOUTED_MIN_LETTERS and upper / letters > _SHOUTED_SHARE


def truecased(text: str) -> str:
    """``text`` with each shouted word in the case prose gives it; same length, same offsets."""
    found = list(_WORD.finditer(text))
    words = [_cased(m.group(0), text, m.start(), m.end()) for m in found]
    _names_in_full(text, found, words)
    _titles_as_shouted(text, found, words)
    out: list[str] = []
    last = 0
    for m, word in zip(found, words, strict=True):
        out.append(text[last : m.start()])
        out.append(word)
        last = m.end()
    out.append(text[last:])
    cased = "".join(out)
    return cased if len(cased) == len(text) else text  # a letter whose case changes its length: leave it


def _names_in_full(text: str, found: list[re.Match], words: list[str]) -> None:
    """Common words inside a name are capitalised: before a company's form ('PACIFIC GAS AND ELECTRIC
    COMPANY', 'CIRCUIT CITY STORES, INC.') and between two names ('HOLLYWOOD CASINO SHREVEPORT')."""
    for i, m in enumerate(found):
        listed = _LISTED.match(text, m.end())  # 'SHARON STEEL <SSH>': the words before a ticker are a name
        if not listed and (m.group(0).lower() not in _FORMS or not m.group(0).isupper()):
            continue
        run = [i] if listed else []
        for j in range(i - 1, max(-1, i - 6), -1):
            gap = text[found[j].end() : found[j + 1].start()]
            if not _JOINS.fullmatch(gap) and not (j == i - 1 and gap.strip() == ","):
                break
            low = found[j].group(0).lower()
            if low in _OUTSIDE_NAMES or not found[j].group(0).isupper():
                break
            run.append(j)
        if run:
            for j in run:
                if words[j].islower() and words[j] not in _INSIDE_NAMES:
                    words[j] = words[j].capitalize()
            if words[i].islower():
                words[i] = words[i].capitalize()  # the form: 'Company', 'Group'
    for i in range(len(found) - 1):
        if words[i] in _BEFORE_PLACES and _named(words[i + 1]) and found[i].group(0).isupper():
            words[i] = words[i].capitalize()  # 'NEW YORK', 'SOUTHERN DISTRICT', 'SAN FRANCISCO'
    for i in range(1, len(found) - 1):
        word = words[i]
        inside = word.islower() and word not in _OUTSIDE_NAMES and word not in _INSIDE_NAMES
        gaps = text[found[i - 1].end() : found[i].start()] + text[found[i].end() : found[i + 1].start()]
        if (
            inside
            and found[i].group(0).isupper()
            and _named(words[i - 1])
            and _named(words[i + 1])
            and _JOINS.fullmatch(gaps)
        ):
            words[i] = word.capitalize()


def _titles_as_shouted(text: str, found: list[re.Match], words: list[str]) -> None:
    """A headline, a dateline or a caption stays as written ('VALUE AMERICA FILES FOR CHAPTER 11'): the readers
    know a title in capitals; a short line of its own that ends no sentence."""
    lines = text.split("\n")
    lengths = [len(line.strip()) for line in lines if line.strip()]
    wrapped = sum(1 for n in lengths if 55 <= n <= 80) > len(lengths) / 2  # EDGAR text, wrapped by column
    titles, at = [], 0
    for n, line in enumerate(lines):
        stripped = line.strip()
        alone = not wrapped or (
            (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())
        )
        if stripped and alone and len(stripped.split()) <= 16 and stripped[-1] not in '.,;:"”':
            after = _WORD.search(lines[n + 1]) if n + 1 < len(lines) else None
            if not (after and after.start() == len(lines[n + 1]) - len(lines[n + 1].lstrip())
                    and is_common(after.group(0).lower())):  # fmt: skip
                titles.append((at, at + len(line)))  # not a prose line that goes on in the next one
        at += len(line) + 1
    k = 0
    for i, m in enumerate(found):
        while k < len(titles) and titles[k][1] < m.start():
            k += 1
        if k == len(titles):
            break
        if titles[k][0] <= m.start():
            words[i] = m.group(0)  # a title in capitals is a title still: the readers know one
    starts = [m.start() for m in found]
    for line in _DATELINE.finditer(text):  # 'NEW YORK (AP) _', 'SAN FRANCISCO, Nov. 7 (Reuters) -': as written
        i = bisect.bisect_left(starts, line.start("place"))
        while i < len(found) and found[i].start() < line.end("place"):
            words[i] = found[i].group(0)
            i += 1


def _named(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _cased(word: str, text: str, start: int, end: int) -> str:
    if not word.isupper():
        return word  # already written in mixed case
    after = text[end : end + 1]
    if len(word) == 1:
        return _opening("a", text, start) if word == "A" and after != "." else word  # an initial, or 'I'
    low = word.lower()
    if text[start - 1 : start].isdigit():
        return low  # '14TH', '2ND'
    common = is_common(low)
    if word in _ACRONYMS or (len(word) == 2 and not common) or _in_listing(text, start, len(word), common):
        return word  # an acronym, a state ('MA'), a ticker in its parentheses
    if common and not (low in _MONTHS and _DAY_AFTER.match(text, end)):
        return _opening(low, text, start)
    return low.capitalize() if "'" not in low and "’" not in low else _possessive(low)


def _in_listing(text: str, start: int, length: int, common: bool) -> bool:
    """Inside a listing's brackets ('(FBCE.PK)', '(NASDAQ: XYZ - news)', '<TX>'): a ticker, unless a common
    word that follows no colon."""
    if length > 5:
        return False
    before = text[max(0, start - 60) : start]
    opened = max(before.rfind("("), before.rfind("<"))
    if opened < 0 or ")" in before[opened:] or ">" in before[opened:] or "\n\n" in before[opened:]:
        return False
    return not common or before[opened:].rstrip().endswith(":")


def _opening(low: str, text: str, start: int) -> str:
    """A common word, capitalised where it opens a sentence, a paragraph, a short line's successor or a quotation."""
    before = text[max(0, start - 200) : start]
    stripped = before.rstrip()
    if not stripped or "\n\n" in before[len(stripped) :]:
        return low.capitalize()
    mark = stripped[-1]
    if mark in '!?:"“' or (mark == "." and not _ABBREVIATION.search(stripped)):
        return low.capitalize()
    if "\n" in before[len(stripped) :] and len(stripped) - stripped.rfind("\n") < 50:
        return low.capitalize()  # after a headline or a dateline line
    return low


def _possessive(low: str) -> str:
    stem, mark, rest = re.split(r"(['’])", low, maxsplit=1)
    return stem.capitalize() + mark + rest


def is_common(low: str) -> bool:
    """A word prose writes in lower case (``low`` is lower-cased)."""
    words, capitalised = _vocabulary()
    stem = re.split(r"['’]", low, maxsplit=1)[0]
    if stem in words:
        return True
    if stem in capitalised:
        return False
    for ending in ("s", "es", "ed", "d", "ing", "ly", "er", "ers"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3 and stem[: -len(ending)] in words:
            return True
    return len(stem) > 5 and stem.endswith(_COMMON_ENDINGS)
