"""Decoded text -> the cleaned text every evidence span indexes.

Cleaning works a line at a time and only drops whole furniture lines, strips leading bullets and
collapses runs of blanks inside a line, so each sentence a reader would quote is still, word for word,
in the original file. It is deterministic: the same input always gives the same offsets.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

# the letters that the regex engine, ignoring case, takes for an ASCII letter although ``str.lower`` does not
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_line(text: str) -> str:
    r"""``text`` in lower case, letter for letter (same offsets), for case-sensitive hints and keyword tests.

    An ASCII letter is in the result exactly where an ``re.I`` pattern would match that letter in ``text``,
    and word, space and digit characters stay what they are, so ``\b``, ``\s`` and ``\d`` mean the same.
    """
    if text.isascii() or not any(c in text for c in "\u0130\u0131\u017f\u212a"):
        return text.lower()
    return text.translate(_FOLD).lower()


fold = lru_cache(maxsize=8)(fold_line)  # for whole texts, which several readers fold
_UNSAFE = re.compile(r"\\[A-Z]|\(\?[a-zA-Z]*[-i]")  # an escape whose meaning is its case, an inline flag


def lowered(rx: re.Pattern) -> re.Pattern:
    """A case-insensitive ``rx`` as a case-sensitive pattern over ``fold(text)``: the same matches, same offsets.

    It runs several times faster (the engine skips an alternative by its first letter only when case
    matters); groups must be read from the original text by their spans.
    """
    low = re.compile(rx.pattern.lower().replace("(?p<", "(?P<"), rx.flags & ~re.I)
    if not rx.flags & re.I or _UNSAFE.search(rx.pattern) or low.groupindex != rx.groupindex:
        raise ValueError(f"cannot lower {rx.pattern[:40]!r}")
    return low


_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u3000]+")
_ODD_SPACES = "\t\f\v\u00a0" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u3000"  # _SPACES but " "


def _collapse_spaces(text: str) -> str:
    """``_SPACES.sub(" ", text)``: with only plain spaces, halving double spaces until none is left is faster."""
    if any(c in text for c in _ODD_SPACES):
        return _SPACES.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


_FURNITURE = re.compile(
    r"""^(?:
        </?(?:PAGE|S|C|FN|CAPTION|TABLE)>\s*\d*            # EDGAR page and table markers
      | (?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?            # lone page numbers
      | -\s*\d{1,3}\s*-
      | -+\s*more\s*-+ | \(more\) | more
      | \[(?:graphic|logo|photo|image|picture)[^\]]*\]
      | \#{3,} | -\s*30\s*- | --\s*30\s*--.* | -0- | \*{3,}
      | (?:news|press)\s+release
      | exhibit(?:\s+99(?:\.\d+)?)? | 99\.\d+
      | [|·•?*\-_=~+o.:]{1,80}                             # rules, pipes and lone bullets
    )$""",
    re.I | re.X,
)
_INLINE_GRAPHIC = re.compile(r"\[(?:graphic|logo|photo|image|picture) omitted\]", re.I)
_CHROME_WORDS = frozenset(
    [
        "search",
        "menu",
        "home",
        "share",
        "print",
        "email",
        "e-mail",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "reddit",
        "pinterest",
        "subscribe",
        "login",
        "log",
        "in",
        "sign",
        "up",
        "close",
        "skip",
        "to",
        "content",
        "main",
        "navigation",
        "back",
        "top",
        "next",
        "previous",
        "follow",
        "us",
        "newsletter",
        "advertisement",
        # 'Share Article via Facebook', 'Create free account', 'Search quotes, news & videos', 'Copy link'
        "article",
        "story",
        "this",
        "via",
        "copy",
        "link",
        "comments",
        "watchlist",
        "create",
        "free",
        "account",
        "register",
        "quotes",
        "news",
        "videos",
        "&",
    ]
)
_COOKIE = re.compile(r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b", re.I)
_FORWARD = re.compile(
    r"^(?:-{2,}\s*(?:original|forwarded) message\s*-{2,}|begin forwarded message:?|-{5,}\s*forwarded by.*)$", re.I
)
_MAIL_HEADER = re.compile(r"^(?:from|sent|to|cc|bcc|date|subject|reply-to|importance|message-id|x-[\w-]+):", re.I)
_BULLET = re.compile(r"^(?:[·•▪■►*?o]|--?)[ \t]+(?=\S)")
_BULLET_FIRST = frozenset("·•▪■►*?o-")  # every _BULLET match starts with one of these
_FORWARD_FIRST = frozenset("-bB")  # every _FORWARD match starts with one of these (b of 'begin')
_PIPES = re.compile(r"\s*\|\s*")
_ENDS_SENTENCE = (".", "!", "?", ":", '"', "'", "”", "’", ")")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Drop page furniture and chrome lines; keep every sentence verbatim (up to spacing)."""
    out: list[str] = []
    in_headers = False
    prev = ""
    # _SPACES never spans a newline: one pass over the text collapses each line's runs as a pass per line would
    spaced = _collapse_spaces(text).split("\n")
    for raw_line, line in zip(text.split("\n"), spaced, strict=True):
        indented = raw_line[:2] in ("  ", "\t ", " \t") or raw_line.startswith("\t")
        line = line.strip()
        if in_headers:
            if not line:
                in_headers = False
            elif _MAIL_HEADER.match(line) or line[:1] == " ":
                _subject_to_line(line, out)
                continue
            else:
                in_headers = False
        if line[:1] in _FORWARD_FIRST and _FORWARD.match(line):
            in_headers = True
            out.append("")
            continue
        if line.startswith(">"):
            line = line.lstrip("> ")
        if "|" in line:
            menu = line.count("|") >= 3 and all(len(part.split()) <= 4 for part in line.split("|"))
            line = "" if menu else _PIPES.sub(" ", line).strip()  # 'Home | About Us | Contribute | Advertising |'

        line = (_INLINE_GRAPHIC.sub("", line) if "[" in line else line).strip()
        if line and (_FURNITURE.match(line) or _is_chrome(line)):
            line = ""
        if line[:1] in _BULLET_FIRST:
            line = _BULLET.sub("", line)
        if line and indented and prev and prev.endswith(_ENDS_SENTENCE):
            out.append("")  # an indented first line opens a paragraph in wire copy
        out.append(line)
        prev = line
    _drop_menus(out)
    joined = "\n".join(out)
    return (_BLANK_RUNS.sub("\n\n", joined) if "\n\n\n" in joined else joined).strip("\n")


_MENU_ITEM = re.compile(r"[A-Za-z][\w&'’-]*(?: [A-Za-z][\w&'’-]*)?")
_MENU_RUN = 5  # lines in a row, each a word or two: a site's section menu ('Markets', 'Business', 'Tech', ...)


def _drop_menus(lines: list[str]) -> None:
    """Blank each run of one- or two-word lines long enough to be a menu; a letterhead or a contact block is shorter."""
    run: list[int] = []
    for n, line in enumerate([*lines, ""]):
        if line and len(line) <= 24 and _MENU_ITEM.fullmatch(line):
            run.append(n)
            continue
        if len(run) >= _MENU_RUN:
            for k in run:
                lines[k] = ""
        run = []


def _subject_to_line(line: str, out: list[str]) -> None:
    """A forwarded message's Subject is a title; its other headers are noise."""
    if line.lower().startswith("subject:"):
        out.append(line.split(":", 1)[1].strip())


def _is_chrome(line: str) -> bool:
    """Navigation, share buttons and cookie banners of a saved web page."""
    low = line.lower()
    if "cookies" in (low if line.isascii() else fold_line(line)) and _COOKIE.search(line):
        return True  # every banner _COOKIE knows says 'cookies'
    words = low.replace("|", " ").split(None, 8)  # a ninth word is enough to say no
    return 0 < len(words) <= 8 and _CHROME_WORDS.issuperset(w.rstrip(",:") for w in words)


_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“'(\[]?[A-Z0-9$])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "st",
        "mt",
        "ft",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "no",
        "nos",
        "vs",
        "v",
        "u.s",
        "u.s.a",
        "n.a",
        "p.o",
        "l.p",
        "l.l.c",
        "n.v",
        "s.a",
        "ave",
        "rd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "del",
        "bankr",
        "dist",
        "mass",
        "calif",
        "conn",
        "fla",
        "ill",
        "tex",
        "wash",
        "ore",
        "pa",
        "va",
        "wis",
        "minn",
        "mich",
        "ariz",
        "colo",
        "n.y",
        "n.j",
        "d.c",
        "w.va",
        "n.h",
        "n.m",
        "n.c",
        "s.c",
        "r.i",
        "e.g",
        "i.e",
        "approx",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "capt",
        "prof",
        "messrs",
    ]
)
_BOILERPLATE_CUE = re.compile(
    r"forward[- ]looking|safe[- ]harbor|private securities litigation reform act|risks? and uncertaint"
    r"|could cause actual results|actual results (?:may|could) differ",
    re.I,
)
_BOILERPLATE_HEADING = re.compile(
    r"^(?:forward[- ]looking statements?|cautionary (?:statements?|note)[^\n]*|safe harbor[^\n]*"
    r"|(?:important )?information about forward[- ]looking statements)\s*:?\s*$",
    re.I | re.M,
)
_ABOUT_HEADING = re.compile(r"^about [^\n.]{1,60}$", re.I | re.M)
# only their offsets are read: searched lower-cased over fold(text)
_CUE_LOW, _HEADING_LOW, _ABOUT_LOW = map(lowered, (_BOILERPLATE_CUE, _BOILERPLATE_HEADING, _ABOUT_HEADING))
# the same, as matches of '\n' and the line: the engine jumps from newline to newline instead of trying every offset
_HEADING_NL, _ABOUT_NL = (re.compile("\n" + rx.pattern[1:], rx.flags) for rx in (_HEADING_LOW, _ABOUT_LOW))


def _line_starts(rx: re.Pattern, nl: re.Pattern, low: str) -> list[tuple[int, int]]:
    """The spans of ``rx.finditer(low)`` for an '^...' pattern (re.M), ``nl`` being it with '\n' for '^'."""
    first = rx.match(low)
    found = [first.span()] if first else []
    found += [(m.start() + 1, m.end()) for m in nl.finditer(low, first.end() if first else 0)]
    return found


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
        "is",
        "are",
        "be",
        "its",
        "into",
        "over",
        "up",
        "per",
    ]
)


_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_YEAR_END = re.compile(r"\d{4}\W*$")


def is_headline(line: str) -> bool:
    """A title line: all capitals, or Title Case with no closing sentence punctuation."""
    line = line.strip()
    if not _LOWER.search(line):
        return len(_UPPER.findall(line)) >= 4
    if line.endswith((".", ",", ";", ":", '"', "”")):
        return False
    words = 0
    for m in _TITLE_WORD.finditer(line):  # a sentence gives itself away at its first lower-case word
        w = m.group()
        if w.lower() not in _SMALL_WORDS:
            if not w[0].isupper():
                return False
            words += 1
    if _YEAR_END.search(line):
        return False  # 'PHOENIX, AZ, November 10, 2009' is a dateline
    if words >= 3 and "(" in line and _DEFINED_TERM.search(line):
        return False  # 'On October 5, 1998, Boston Chicken, Inc. (the "Company") and its': a sentence's first line
    if words >= 3 and "," in line and _DATE_INSIDE.search(line):
        return False
    return words >= 3


_DEFINED_TERM = re.compile(r"\((?:the\s+)?[\"“]")
_DATE_INSIDE = re.compile(r"\b\d{1,2},\s+(?:19|20)\d\d,\s")  # 'On October 5, 1998, the Company ...'


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs, headline lines and bullets are boundaries too."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        end = para.start() if para else len(text)
        _split_block(text, pos, end, spans)
        pos = para.end() if para else len(text)
    return spans


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    line_start = start
    pieces = []
    while (line_end := text.find("\n", line_start, end)) != -1:
        pieces.append((line_start, line_end))
        line_start = line_end + 1
    pieces.append((line_start, end))
    block_start = start
    opens = True  # does this line start a new sentence?
    stub = False  # was the line before a short one that ends a unit of its own ('Item 8.01', '(Zip Code)')?
    prev_short = False
    for ls, le in pieces:  # headline lines and 'Label:' lines stand alone
        line = text[ls:le].strip()
        label = line.endswith(":") and len(line.split()) <= 3 and "(" not in line
        if opens and (label or _title(line)):
            if ls > block_start:
                _split_sentences(text, block_start, ls - 1, spans)
            _split_sentences(text, ls, le, spans)
            block_start = le + 1
            stub = False
            continue
        if ls > block_start and line[:1].isupper() and _DATELINE_LINE.match(line):
            _split_sentences(text, block_start, ls - 1, spans)  # a subheadline runs on into no dateline
            block_start = ls
        elif stub and line[:1].isupper() and ls > block_start:
            # a cover page's lines ('Item 8.01', 'Other Events', 'On October 30, 2008, ...'): a capitalised line
            # after a short stub starts a sentence, or the whole cover would be one
            _split_sentences(text, block_start, ls - 1, spans)
            block_start = ls
        opens = (line.endswith((".", "!", "?", ":", '"', "”")) and not _abbreviated(line)) or len(line) < 40
        # a stub among short lines (a cover page), not the short tail of a prose line wrapped twice
        stub = (
            len(line) < 40
            and not line.endswith(_RUNS_ON)
            and line.count("(") == line.count(")")
            and (ls == start or prev_short or is_headline(line))
        )
        prev_short = len(line) < 40
        if stub and (line.rsplit(" ", 1)[-1].lower() in _SMALL_WORDS or _DATELINE_DASH.search(line)):
            stub = False  # 'May 15, 2009 - DBSD' runs on into 'North America, Inc. ...'

    if block_start < end:
        _split_sentences(text, block_start, end, spans)


_RUNS_ON = (",", ":", ";", "(", "&", "-", "–", "—", "/")
# 'CRESTVIEW HILLS, Ky., May 6, 2008 — Tropicana ...', 'NEW YORK--(BUSINESS WIRE)--': a line a release opens with
_DATELINE_LINE = re.compile(
    r"[A-Z][A-Za-z.'’ ]{1,40},[^\n]{0,40}?\b(?:19|20)\d\d\b[^\n]{0,6}?(?:--|[–—]|-\s|/)|[A-Z][A-Z .'’,]{2,40}--\("
)
_DATELINE_DASH = re.compile(r"\s(?:-|–|—|--)\s|--")


def _abbreviated(line: str) -> bool:
    """Does the line end on an abbreviation's full stop ('... Chapter 11 of the U. S.'), which ends no sentence?"""
    if not line.endswith("."):
        return False
    last = line[:-1].rsplit(None, 1)[-1].lower() if line[:-1].strip() else ""
    return len(last) == 1 or last in _ABBREVIATIONS


def _title(line: str) -> bool:
    """A headline line standing alone in a block (not one that runs on into the next line)."""
    if not line[:1].isupper() or line[-1:] in "&,-–":  # the cheap tests first
        return False
    return line.rsplit(" ", 1)[-1].lower() not in _SMALL_WORDS and is_headline(line)


_LAST_WORD = re.compile(r"[A-Za-z.]*$")
_COMPANY_ENDS = frozenset(["inc", "corp", "co", "ltd", "l.p", "l.l.c", "n.a", "s.a", "n.v"])
# words that open a sentence, not a name's next word: after 'Inc.' they end the sentence before them
_STARTS_SENTENCE = re.compile(
    r"\s+(?:The|This|That|These|Those|It|Its|We|Our|They|Their|He|She|In|On|At|As|After|Following|Under|Upon|If"
    r"|Additionally|However|Also|Separately|Meanwhile|Pursuant|According)\b"
)
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."  # _LAST_WORD's, for str.rstrip
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _split_sentences(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[max(start, m.start() - 12) : m.start()]
        if before.endswith("\n"):
            before = before[:-1]  # '$' matches before a last newline too
        last = before[len(before.rstrip(_WORD_CHARS)) :].lower().lstrip(".")  # what _LAST_WORD finds there
        abbreviated = last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or _INITIALS.fullmatch(last)
        # '... Lending, Inc. Following court approval, ...' ends after 'Inc.'
        if abbreviated and not (last in _COMPANY_ENDS and _STARTS_SENTENCE.match(text, m.end(), end)):
            continue
        _add(text, pos, m.end(), spans)
        pos = m.end()
    _add(text, pos, end, spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Where the release stops reporting: safe-harbor text, 'About the Company' and cautionary sections."""
    ranges = []
    low = fold(text)
    first = _HEADING_LOW.match(low) or _HEADING_NL.search(low)
    if first:
        ranges.append((first.start() + (first.re is _HEADING_NL), len(text)))
    pos = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        end = para.start() if para else len(text)
        cue = _CUE_LOW.search(low, pos, end)
        if cue:
            stop = text.rfind(". ", pos, cue.start())
            sentence_start = stop + 2 if stop != -1 else pos
            ranges.append((sentence_start, end))
        pos = para.end() if para else len(text)
    for about_start, about_end in _line_starts(_ABOUT_LOW, _ABOUT_NL, low):
        nxt = _PARAGRAPH.search(text, about_end + 1)
        stop = nxt.start() if nxt else len(text)
        line_end = text.find("\n", about_end + 1)
        if line_end != -1 and line_end - about_end > 200:
            stop = min(stop, line_end)  # one-line paragraphs: the description is the next line
        ranges.append((about_start, min(stop, about_end + 1500)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted, non-overlapping ``ranges``?"""
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


# --- scanning only where a costly pattern can match, for the matches it would find anyway ---


def is_word(ch: str) -> bool:
    """A character ``\\w`` matches (what ``\\b`` looks at)."""
    return ch.isalnum() or ch == "_"


def word_hints(text: str, low: str, hint: re.Pattern) -> list[tuple[int, int]]:
    """Spans of ``hint`` matches in ``low`` that open a word of ``text``: what ``\b(?:hint)`` would find.

    An alternative starting with a word character must be all word characters, so a match that does not open
    a word cannot hide one that does; one starting with another character ('$') needs no boundary.
    """
    return [
        m.span()
        for m in hint.finditer(low)
        if not m.start() or not is_word(text[m.start() - 1]) or not is_word(low[m.start()])
    ]


def word_starts(text: str, low: str, words: tuple[str, ...], whole: bool = False) -> list[tuple[int, int]]:
    """``word_hints`` for the alternation ``w1|w2|...`` of plain words (``whole``: each followed by ``\\b``):
    the ``literal_spans`` that open a word of ``text``."""
    spans = literal_spans(low, words, frozenset(words) if whole else frozenset())
    return [(at, end) for at, end in spans if not at or not is_word(text[at - 1])]


def literal_spans(low: str, words: tuple[str, ...], whole: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """What ``finditer`` over ``low`` finds for the alternation ``w1|w2|...`` of plain strings (``whole``: those
    followed by ``\\b``), found with ``str.find``: leftmost first, at one offset the first listed, none inside another.
    """
    hits = []
    n = len(low)
    for rank, w in enumerate(words):
        bounded = w in whole
        at = low.find(w)
        while at != -1:
            end = at + len(w)
            if not bounded or end == n or not is_word(low[end]):
                hits.append((at, rank, end))
            at = low.find(w, at + 1)
    hits.sort()
    found, done = [], 0
    for at, _, end in hits:
        if at >= done:
            done = end
            found.append((at, end))
    return found


def windows_around(text: str, hits: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches around cheap hint matches (spans), so costly patterns run only where they can match."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for start, end in hits:
        a, b = max(0, start - before), min(n, end + after)
        a = text.rfind(" ", max(0, a - 20), a) + 1 or a  # start on a word boundary
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def scan(rx: re.Pattern, text: str, spans: list[tuple[int, int]]) -> list[re.Match]:
    return [m for a, b in spans for m in rx.finditer(text, a, b)]


def scan_from(rx: re.Pattern, text: str, spans: list[tuple[int, int]], starts: list[int]) -> list[re.Match]:
    """``scan`` trying only ``starts`` (sorted; every offset where a match can begin), as finditer would."""
    found: list[re.Match] = []
    for a, b in spans:
        done = a
        for i in starts[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]:
            if i >= done and (m := rx.match(text, i, b)):
                found.append(m)
                done = m.end()
    return found


def groups(m: re.Match, text: str) -> dict:
    """The named groups (and 0) of a match found in ``fold(text)``, read from ``text``."""
    found: dict = {0: text[m.start() : m.end()]}
    for name in m.re.groupindex:
        a, b = m.span(name)
        found[name] = text[a:b] if a >= 0 else None
    return found


def matches_near(
    rx: re.Pattern, text: str, char: str, offsets: tuple[int, ...], digit_before: bool = False
) -> list[re.Match]:
    """``rx.finditer(text)`` for a pattern whose matches start ``offsets`` characters before a ``char``.

    Only those starts are tried, leftmost first and never inside a match already taken, as finditer would.
    ``digit_before``: every match has a digit (``\\d``) right before its ``char``, so other ``char`` are skipped.
    """
    starts: set[int] = set()
    at = text.find(char)
    while at != -1:
        if not digit_before or (at and text[at - 1].isdecimal()):
            starts.update(at - k for k in offsets)
        at = text.find(char, at + 1)
    return scan_from(rx, text, [(0, len(text))], sorted(i for i in starts if i >= 0))
