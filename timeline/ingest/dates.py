"""Dates as a careful reader resolves them against the release date.

Every mention keeps only the precision the words gave ('late July' is July, month precision, 'late');
a missing year comes from the release date (the most recent such date, a little future allowed for
hearings and deadlines); a weekday that disagrees with the resolved date is not trusted. Phone
numbers, section numbers, rates and clock times are never dates because only spelled-out calendar
shapes are matched.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.ingest.clean import (
    fold,
    groups,
    is_word,
    literal_spans,
    lowered,
    matches_near,
    scan,
    windows_around,
    word_starts,
)
from timeline.ingest.facts import PartialDate

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"


def _day_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for i, (u, o) in enumerate(zip(_UNITS, _ORD, strict=True), start=1):
        words[u], words[o] = i, i
    for i, (t, o) in enumerate(zip(_TEENS, _ORD_TEENS.split(), strict=True), start=10):
        words[t], words[o] = i, i
    words["twenty"], words["twentieth"], words["thirty"], words["thirtieth"] = 20, 20, 30, 30
    for i, (u, o) in enumerate(zip(_UNITS, _ORD, strict=True), start=1):
        for sep in ("-", " "):
            words[f"twenty{sep}{u}"], words[f"twenty{sep}{o}"] = 20 + i, 20 + i
    for sep in ("-", " "):
        words[f"thirty{sep}one"], words[f"thirty{sep}first"] = 31, 31
    return words


_DAY_WORDS = _day_words()
_DAY_WORD_RE = "|".join(sorted((re.escape(w) for w in _DAY_WORDS), key=len, reverse=True))
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_FULL_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_QUAL_RE = r"(?:on or about|on or before|on or after|as of|about|approximately|around|before|after|by|late|early|mid-?)"
_QUALIFIERS = {
    "on or about": "about", "about": "about", "approximately": "about", "around": "about",
    "on or before": "on_or_before", "by": "on_or_before", "on or after": "on_or_after",
    "before": "before", "after": "after", "late": "late", "early": "early", "mid": "mid", "mid-": "mid",
}  # fmt: skip

_MONTH_DAY = re.compile(
    rf"(?:\b(?P<qual>{_QUAL_RE})(?:\s+|(?<=-)))?"
    rf"(?:\b(?P<wd>{_WEEKDAY_RE})(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
    rf"\b(?P<month>{_MONTH_RE})\s*(?P<day>\d{{1,2}}(?!\d)|(?:{_DAY_WORD_RE})\b)(?:st|nd|rd|th)?\b(?![:/]\d|\.\d)"
    r"(?:,?\s*(?P<year>(?:1[89]|20)\d\d)\b(?![\d/]|-\d))?",
    re.I,
)
# '17 November 2003', 'Monday, 10 March', 'on 10th March', 'the 3rd of March, 2014' (day first, as outside the US)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_RE})(?:\s*,?\s+(?P<year>(?:1[89]|20)\d\d)\b(?![\d/]|-\d)|(?!\s*,?\s*\d))",  # not '11 May 5'
    re.I,
)
_MONTH_YEAR = re.compile(
    rf"(?:\b(?P<qual>late|early|mid-?|about|around|before|after)(?:\s+|(?<=-)))?\b(?P<month>{_MONTH_RE})\s*,?\s+(?:of\s+)?"
    r"(?P<year>(?:1[89]|20)\d\d)\b(?![\d/]|-\d)",
    re.I,
)
_BARE_MONTH = re.compile(
    rf"\b(?P<lead>(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Tt]hrough|[Ll]ast|[Tt]his past|[Ee]arlier in|"
    rf"[Ll]ate|[Ee]arly|[Mm]id)(?:\s+|-))(?P<month>{_FULL_MONTH_RE})(?!\s*,?\s*(?:\d|{_DAY_WORD_RE}\b))",
)
_NUMERIC = re.compile(r"(?<![\d/.\-$])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_ISO = re.compile(r"(?<![\d\-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d\-])")
_WIRE = re.compile(r"\b(?P<d>\d{1,2})-(?P<m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-(?P<y>\d{4})\b", re.I)
_YEAR = re.compile(
    r"\b(?:(?P<qual>late|early|mid-?)\s+|(?:[Ii]n|[Dd]uring|[Ss]ince|[Aa]n?|[Oo]f|[Ff]iscal|[Ee]nd of)\s+)"
    r"(?P<year>(?:19|20)\d\d)\b(?![\d/\-]|\.\d|,\s*\d)"
)
_RELATIVE = re.compile(
    r"\b(?P<rel>earlier today|later today|today|this morning|this afternoon|this evening|tonight|yesterday|"
    r"last night|tomorrow|earlier this month|later this month|this month|last month|earlier this year|"
    r"this year|last year|last week|earlier this week|earlier in the week)\b"
    rf"|\b(?P<how>last|this past|on|by|until|late|early|next)\s+(?P<wd>{_WEEKDAY_RE})\b"
    rf"|\b(?P<wd2>{_WEEKDAY_RE})\b(?!,?\s+(?:{_MONTH_RE}|\d))",  # 'said Wednesday', 'started Friday afternoon'
    re.I,
)


# Where the costly patterns can match, found cheaply. The hints run case-sensitively over ``fold(text)`` (same
# offsets) and a word boundary before a hint is checked in Python: the same matches as the case-insensitive
# ``\b(?:jan|...)``, found many times faster because the engine can skip to the letters that start them.
_MONTH_HINT = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_HINT_RE = re.compile(r"(?:1[89]|20)\d\d\b")
# the alternation 'today|morning|...|week|day\b', found with str.find
_RELATIVE_HINT = (
    "today",
    "morning",
    "afternoon",
    "evening",
    "tonight",
    "night",
    "tomorrow",
    "month",
    "year",
    "week",
    "day",
)
_RELATIVE_HINT_WHOLE = frozenset(["day"])


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: PartialDate
    relative: bool = False  # 'today', 'last Monday': resolved from the release date


_NUMBERED = re.compile(r"\b(?:chapter|section|item|rule|article|no\.?)\s*$", re.I)


def _qualifier(word: str | None, precision: str) -> str | None:
    if not word:
        return None
    q = _QUALIFIERS.get(word.lower())
    if q in ("late", "early", "mid") and precision == "day":
        return None  # 'late Friday afternoon, November 14' is still November 14
    return q


def _month(token: str) -> int:
    return _MONTHS[token.lower()[:3]]


def _day(token: str) -> int:
    return int(token) if token.isdigit() else _DAY_WORDS[token.lower()]


def _is_capitalized(token: str) -> bool:
    return token[:1].isupper()


def _resolve_day(month: int, day: int, year: int | None, weekday: str | None, anchor: dt.date | None):
    """(date, precision) for a month and day; None when no year can be had."""
    if year is None:
        if anchor is None:
            return None
        year = anchor.year
        try:
            if dt.date(year, month, day) > anchor + dt.timedelta(days=183):
                year -= 1
        except ValueError:
            return None
        candidates = [year, year - 1, year + 1] if weekday else [year]
    else:
        candidates = [year]
    for y in candidates:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if not weekday or _WEEKDAYS[d.weekday()] == weekday.lower():
            return d, "day"
    return dt.date(candidates[0], month, 1), "month"  # the weekday disagrees: keep only the month


class _Hit:
    """A match, its groups read from the original text (the case-insensitive shapes are found in ``fold(text)``)."""

    __slots__ = ("start", "end", "g")

    def __init__(self, m: re.Match, text: str) -> None:
        self.start, self.end = m.span()
        self.g = groups(m, text)


def _hits(matches, text: str) -> list[_Hit]:
    return [_Hit(m, text) for m in matches]


_MONTH_DAY_LOW, _DAY_MONTH_LOW, _MONTH_YEAR_LOW, _RELATIVE_LOW = map(
    lowered, (_MONTH_DAY, _DAY_MONTH, _MONTH_YEAR, _RELATIVE)
)


@dataclass(frozen=True)
class _Shapes:
    """Every calendar shape written in one text, before any is resolved against a release date."""

    month_day: list[_Hit]
    day_month: list[_Hit]
    month_year: list[_Hit]
    bare_month: list[_Hit]
    numeric: list[_Hit]  # 11/17/2003, 2003-11-17 and 17-NOV-2003, in that order
    year: list[_Hit]


@lru_cache(maxsize=8)
def _shapes(text: str) -> _Shapes:
    """Scanned once per text: the release date and the date mentions of the same text share it."""
    low = fold(text)
    months = windows_around(text, word_starts(text, low, _MONTH_HINT), 45, 40)
    years = windows_around(text, _year_hints(text), 20, 6)
    return _Shapes(
        _hits(scan(_MONTH_DAY_LOW, low, months), text),
        _hits(scan(_DAY_MONTH_LOW, low, months), text),
        _hits(scan(_MONTH_YEAR_LOW, low, months), text),
        _hits(scan(_BARE_MONTH, text, months), text),
        _hits(_numerics(text) + matches_near(_ISO, text, "-", (4,), digit_before=True) + _wires(text), text),
        _hits(scan(_YEAR, text, years), text),
    )


def _year_hints(text: str) -> list[tuple[int, int]]:
    """``word_hints(text, text, _YEAR_HINT_RE)``, found with ``str.find``: a four-digit 18xx, 19xx or 20xx opening
    a word and ending one (a match that opens no word cannot hide one that does: it is all digits)."""
    found = []
    n = len(text)
    for century in ("18", "19", "20"):
        at = text.find(century)
        while at != -1:
            end = at + 4
            if (
                end <= n
                and text[at + 2].isdecimal()
                and text[at + 3].isdecimal()
                and (end == n or not is_word(text[end]))
                and (not at or not is_word(text[at - 1]))
            ):
                found.append((at, end))
            at = text.find(century, at + 1)
    return sorted(found)


def _wires(text: str) -> list[re.Match]:
    return matches_near(_WIRE, text, "-", (1, 2), digit_before=True)


def _numerics(text: str) -> list[re.Match]:
    return matches_near(_NUMERIC, text, "/", (1, 2), digit_before=True)


@lru_cache(maxsize=8)
def _relatives(text: str) -> list[_Hit]:
    low = fold(text)
    spans = windows_around(text, literal_spans(low, _RELATIVE_HINT, _RELATIVE_HINT_WHOLE), 25, 12)
    return _hits(scan(_RELATIVE_LOW, low, spans), text)


def _mentions(text: str, anchor: dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []
    shapes = _shapes(text)

    def add(m: _Hit, value: dt.date, precision: str, qual: str | None, relative: bool = False) -> None:
        pd = PartialDate(value, precision, _qualifier(qual, precision), " ".join(m.g[0].split()))
        found.append(DateMention(m.start, m.end, pd, relative))

    for m in shapes.month_day:
        g = m.g
        if not _is_capitalized(g["month"]):
            continue
        year = int(g["year"]) if g["year"] else None
        got = _resolve_day(_month(g["month"]), _day(g["day"]), year, g["wd"], anchor)
        if got:
            add(m, got[0], got[1], g["qual"])
    for m in shapes.day_month:
        g = m.g
        if not g["year"] and not _is_capitalized(g["month"]):
            continue  # '5 may': a verb, not a month
        if _NUMBERED.search(text, max(0, m.start - 12), m.start):
            continue  # 'Chapter 11 May 2003': the chapter's number is no day
        got = _resolve_day(_month(g["month"]), int(g["day"]), int(g["year"]) if g["year"] else None, g["wd"], anchor)
        if got:
            add(m, got[0], got[1], None)
    for m in shapes.month_year:
        if _is_capitalized(m.g["month"]):
            add(m, dt.date(int(m.g["year"]), _month(m.g["month"]), 1), "month", m.g["qual"])
    for m in shapes.bare_month if anchor is not None else ():
        month = _month(m.g["month"])
        lead = m.g["lead"].strip(" -\n").lower()
        year = anchor.year if month <= anchor.month else anchor.year - 1
        if lead in ("last", "this past") and month >= anchor.month:
            year = anchor.year - 1
        add(m, dt.date(year, month, 1), "month", lead if lead in _QUALIFIERS else None)
    for m in shapes.numeric:
        y = int(m.g["y"])
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        month = _month(m.g["m"]) if not m.g["m"].isdigit() else int(m.g["m"])
        try:
            add(m, dt.date(y, month, int(m.g["d"])), "day", None)
        except ValueError:
            continue
    for m in shapes.year:
        add(m, dt.date(int(m.g["year"]), 1, 1), "year", m.g["qual"])
    if anchor is not None:
        for m in _relatives(text):
            ahead = bool(_AHEAD.search(text, max(0, m.start - 50), m.start))
            got = _relative(m.g, anchor, ahead)
            if got and got[1] == "on_or_before":
                add(m, got[0], "day", "on or before", relative=True)
            elif got:
                add(m, got[0], got[1], None, relative=True)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[DateMention] = []
    for mention in found:  # overlapping shapes: the longest, earliest reading wins
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


# 'A hearing is scheduled Thursday', 'will consider the motion Monday': a bare weekday still to come
_AHEAD = re.compile(
    r"\b(?:(?:is|are)\s+(?:scheduled|set|slated|expected|due)|scheduled|set\s+for|will|plans\s+to)\b[^.;\n]{0,30}$",
    re.I,
)


def _relative(g: dict, anchor: dt.date, ahead: bool = False) -> tuple[dt.date, str] | None:
    rel = (g["rel"] or "").lower()
    if rel in ("earlier today", "later today", "today", "this morning", "this afternoon", "this evening", "tonight"):
        return anchor, "day"
    if rel in ("yesterday", "last night"):
        return anchor - dt.timedelta(days=1), "day"
    if rel == "tomorrow":
        return anchor + dt.timedelta(days=1), "day"
    if rel.endswith("this month"):
        return anchor.replace(day=1), "month"
    if rel == "last month":
        return (anchor.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"
    if rel.endswith("week"):  # a week gives no day: its month when the week lies in one, else 'by' its last day
        monday = anchor - dt.timedelta(days=anchor.weekday() + (7 if rel == "last week" else 0))
        last = anchor - dt.timedelta(days=1) if rel != "last week" else monday + dt.timedelta(days=6)
        if monday.month == last.month:
            return monday.replace(day=1), "month"
        return last, "on_or_before"
    if rel.endswith("this year"):
        return dt.date(anchor.year, 1, 1), "year"
    if rel == "last year":
        return dt.date(anchor.year - 1, 1, 1), "year"
    if g["wd2"]:  # a bare weekday tells a step already taken: the last such day, the release's own included
        target = _WEEKDAYS.index(g["wd2"].lower())
        if ahead:  # ... unless it is still to come: the next such day
            return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7), "day"
        return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7), "day"
    if g["wd"]:
        target = _WEEKDAYS.index(g["wd"].lower())
        how = g["how"].lower()
        if how == "next":
            delta = (target - anchor.weekday()) % 7 or 7
            return anchor + dt.timedelta(days=delta), "day"
        back = (anchor.weekday() - target) % 7
        if how in ("last", "this past") and back == 0:
            back = 7
        if how == "by":  # a deadline: the coming one
            return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7), "day"
        return anchor - dt.timedelta(days=back), "day"
    return None


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date mention in ``text``, in order, resolved against the release date ``anchor``."""
    return _mentions(text, anchor)


def parse_date(phrase: str, anchor: dt.date | None = None) -> PartialDate | None:
    """The first date in a short phrase (handy for tests and one-off fields)."""
    found = _mentions(phrase, anchor)
    return found[0].date if found else None


_DATELINE_AFTER = re.compile(r"\s*(?:--|[–—]|-\s|-$|\(|/)")
_DATELINE_BEFORE = re.compile(r"(?:--|[–—]|release|wire\)?|newswire|\)-)\s*[:\-–—]?\s*$", re.I)
_CITY_BEFORE = re.compile(r"(?:^|\n)\(?[A-Z][A-Za-z.' ]+,(?:\s*[A-Za-z.' ]+,?)?\s*[-–—,]?\s*$")
_YEAR_HINT = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_REUTERS_HEADER = re.compile(r"^\s*(\d{1,2})-([A-Z]{3})-(\d{4})\b", re.I)


def find_release_date(
    text: str, header_date: dt.date | None = None, named: PartialDate | None = None
) -> PartialDate | None:
    """The date the release was issued: its dateline, else the wrapper's date, else the date its file is ``named``
    by, else the first full date near the top (which may be a past event's)."""
    m = _REUTERS_HEADER.match(text)
    if m:
        try:
            return PartialDate(dt.date(int(m.group(3)), _month(m.group(2)), int(m.group(1))), text=m.group(0).strip())
        except ValueError:
            pass
    head = text[:3000]
    anchor = dt.date(header_date.year, 12, 31) if header_date else None
    mentions = [x for x in _mentions(head, anchor) if x.date.precision == "day" and not x.relative]
    report = _DATE_OF_REPORT.search(head)
    if report:  # an 8-K's cover: 'Date of Report (Date of earliest event reported): August 10, 2010'
        dated = next((x for x in mentions if report.end() <= x.start < report.end() + 60), None)
        if dated and re.search(r"(?:19|20)\d\d", dated.date.text):
            return PartialDate(dated.date.value, "day", None, dated.date.text)
    for x in mentions:  # 'its plan became effective today (October 4, 2002)': the release says which day is today
        closes = head[x.end : x.end + 2].lstrip().startswith(")") and re.search(r"(?:19|20)\d\d", x.date.text)
        if closes and _TODAY_IS.search(head, max(0, x.start - 12), x.start):
            return PartialDate(x.date.value, "day", None, x.date.text)
    if not any(_is_dateline(head, x) for x in mentions) and anchor is None:
        mentions = _yearless_dateline(text, head)  # 'NEW YORK, Jan. 9 (Reuters) -' takes its year from elsewhere
    for x in mentions:
        if _is_dateline(head, x):
            return PartialDate(x.date.value, "day", None, x.date.text)
    if header_date:
        return PartialDate(header_date, "day", None, "")
    if named:
        return named
    full = [
        x
        for x in mentions
        if re.search(r"(?:19|20)\d\d", x.date.text)
        and not _FOUNDED.search(head, 0, x.start)
        and not _PHOTO.match(head, x.end)
    ]
    return full[0].date if full and full[0].start < 1500 else None


# '2003-11-17', '20031117' or '2003_11_17' in a file's name, not inside a longer run of digits
_FILE_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_file_name(file: str) -> PartialDate | None:
    """The date a file's name gives ('fibercore-2003-11-17.txt'): archives and exports name releases by day.

    Only for a release whose text has no date of issue: the text's own dateline always wins.
    """
    name = re.split(r"[\\/]", file)[-1]
    for m in _FILE_NAME_DATE.finditer(name):
        try:
            value = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        return PartialDate(value, "day", None, f"{m.group(0)} (file name)")
    return None


_TODAY_IS = re.compile(r"\btoday\s*\(\s*(?:on\s+)?$", re.I)
# 'in this August 27, 2007, file photo': a caption's date is the picture's
_PHOTO = re.compile(r",?\s*(?:file\s+)?photo\b", re.I)
_DATE_OF_REPORT = re.compile(r"\bdate\s+of\s+(?:report|earliest\s+event\s+reported)\b", re.I)
# 'Spokane, Washington  Est. May 19, 1883': a masthead's founding date is not the story's
# 'Est. May 19, 1883' (with its point: 'EST' before a time is the time zone), 'founded in 1852'
_FOUNDED = re.compile(r"\b(?:est\.|established|founded|since|incorporated|updated)\s*(?:in\s+|on\s+|at\s+)?$", re.I)


def _is_dateline(head: str, x: DateMention) -> bool:
    line_start = head.rfind("\n", 0, x.start) + 1
    before, after = head[max(line_start, x.start - 40) : x.start], head[x.end : x.end + 4]
    if _FOUNDED.search(before) or _PHOTO.match(head, x.end):
        return False
    if x.start - line_start > 40:  # the window opens mid-line: its start is not the start of a line
        before = "\0" + before
    return bool(_DATELINE_AFTER.match(after) or _DATELINE_BEFORE.search(before) or _CITY_BEFORE.search(before))


def _day_mentions(head: str, year: int | None) -> list[DateMention]:
    anchor = dt.date(year, 12, 31) if year else None
    return [x for x in _mentions(head, anchor) if x.date.precision == "day" and not x.relative]


def _yearless_dateline(text: str, head: str) -> list[DateMention]:
    """The head's full-day mentions, read in the year a careful reader gives a dateline that has none.

    A copyright or publication line ('Copyright 1992 Reuters', '(c) 2003', 'Published: November 2003')
    says when the story ran. Without one, years in the story are mostly of past events, so the release is
    no earlier than the latest one it reports as past ('a 1991 judgment', 'filed on Dec. 30, 1991'), and
    a weekday it gives for the day of the statement ('said on Thursday') picks between that year and the next.
    """
    published = _published_year(text)
    if published:
        return _day_mentions(head, published)
    bound = _past_bound(text)
    if bound is None:
        return _day_mentions(head, None)
    mentions = _day_mentions(head, bound.year)
    line = next((x for x in mentions if _is_dateline(head, x)), None)
    if line is None:
        return mentions
    later = _day_mentions(head, bound.year + 1)
    line_later = next((x for x in later if _is_dateline(head, x) and x.start == line.start), None)
    if line_later is None:
        return mentions
    said = _SAID_ON.search(text)
    weekday = (said.group("wd") or said.group("wd2")).lower() if said else None
    if weekday and _WEEKDAYS[line.date.value.weekday()] != weekday == _WEEKDAYS[line_later.date.value.weekday()]:
        return later
    return later if line.date.value < bound else mentions


_PUBLISHED = re.compile(
    r"(?:\bcopyright\b\s*(?:\([cC]\)|©)?|©|(?:^|\n)\s*\([cC]\))\s*(?P<y>(?:19|20)\d\d)\b"
    r"(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d)\b)?"
    rf"|(?:^|\n)\s*(?:published|posted|first published)\s*:?\s*(?:on\s+)?(?:{_MONTH_RE}\s*(?:\d{{1,2}},?\s*)?"
    r"|\d{1,2}/\d{1,2}/)?(?P<y3>(?:19|20)\d\d)\b"
    # a page's own date on a line of its own at the top (under its navigation): 'Thursday, August 13, 2009'
    rf"|(?:^|\n)(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s*\d{{1,2}},?\s+(?P<y4>(?:19|20)\d\d)\s*\n",
    re.I,
)
_PAGE_DATE_WITHIN = 800
_SAID_ON = re.compile(
    rf"\b(?:said|says|announced|reported|disclosed|told\s+\w+)\s+(?:on\s+)?(?P<wd>{_WEEKDAY_RE.title()})\b"
    rf"|\b(?P<wd2>{_WEEKDAY_RE.title()})\s+(?:said|announced)\b"
)
# a year written ahead of its event: 'notes due 2000', 'expected in 1993', 'through 1995', 'the 1999 notes'
_FORWARD_BEFORE = re.compile(
    r"\b(?:due|matur\w*|expir\w*|through|until|till|by|to|scheduled|expected|expects?|planned|will|target\w*"
    r"|projected|forecast|budget|beginning|starting|in fiscal)\b[\s\w,.]{0,12}$",
    re.I,
)
_FORWARD_AFTER = re.compile(r"^\s*(?:notes|debentures|bonds|senior|maturities|maturity)\b", re.I)


def _published_year(text: str) -> int | None:
    for m in _PUBLISHED.finditer(text):
        if m.group("y4") and m.start() > _PAGE_DATE_WITHIN:
            continue  # a date on a line of its own further down is an event's
        return int(m.group("y2") or m.group("y") or m.group("y3") or m.group("y4"))
    return None


def _past_bound(text: str) -> dt.date | None:
    """The latest date the text reports as past (a full date when it gives one), ignoring years ahead."""
    bound = None
    for x in _mentions(text, None):
        if (
            x.relative
            or _FORWARD_BEFORE.search(text, max(0, x.start - 30), x.start)
            or _FORWARD_AFTER.match(text[x.end : x.end + 20])
        ):
            continue
        if bound is None or x.date.value > bound:
            bound = x.date.value
    if bound is None:
        m = _YEAR_HINT.search(text)
        return dt.date(int(m.group(0)), 1, 1) if m else None
    return bound


_DATELINE_SEP = re.compile(r"\s*(?:--|[–—]|-\s|\(|:|/)")
# the wire or agency a dateline credits: '/PRNewswire/', '(GLOBE NEWSWIRE)', '--(BUSINESS WIRE)--', '(Reuters)'
_WIRE_NAME = (
    r"(?:PR\s?Newswire|GLOBE\s?NEWSWIRE|Globe\s?Newswire|BUSINESS\s?WIRE|Business\s?Wire|CNW|Canada\s?NewsWire"
    r"|ACCESSWIRE|Accesswire|Marketwired|Marketwire|PRWEB|PRWeb|Newsfile|EQS[\w -]{0,20}|Reuters|AP|UPI|AFP"
    r"|Dow\s?Jones|Bloomberg|EDGAR\s?Online|PR\.com|Send2Press|eReleases)(?:[\s-]+[A-Z][\w-]*)?"
)
_DATELINE_TAIL = re.compile(
    rf"(?:[\s\-–—:/]*(?:\(\s*{_WIRE_NAME}\s*\)|/\s*{_WIRE_NAME}\s*/|{_WIRE_NAME}(?=\s*(?:/|--|[–—]))"
    # any wire credit between slashes: '/PRNewswire-FirstCall via COMTEX News Network/'
    r"|/\s*[A-Z][^/\n]{1,60}/(?=\s*(?:--|[–—]|-\s)))?)*"
    r"[\s\-–—:/]*"
)
# a wire's credit and its dash, wherever in a line it stands: '(BUSINESS WIRE) --', '/PRNewswire-FirstCall/ -'
WIRE_CREDIT = re.compile(rf"(?:\(\s*{_WIRE_NAME}\s*\)|/\s*{_WIRE_NAME}[^/\n]{{0,40}}/)\s*(?:--|[–—]|-)\s*")
_SLASH_WIRE = re.compile(r"\s*/\s*[A-Z][^/\n]{1,60}/(?=\s*(?:--|[–—]|-\s))")
_ISO_PREFIX = re.compile(r"\s*(?:date|posted|published|updated)?:?\s*(?:19|20)\d\d-\d\d-\d\d\s+(?=[A-Z(])", re.I)
_DATELINE_WORDS = re.compile(r"[^\s,/()\-–—]+")
_CITY_WIRE = re.compile(
    rf"(?:[A-Z][A-Za-z.'’]*(?:[ -][A-Za-z.'’]+){{0,3}},?\s*(?:[A-Z][A-Za-z.'’]*(?:\s[A-Z][A-Za-z.'’]*){{0,2}},?\s*)?)?"
    rf"(?:--\s*)?(?:\(\s*{_WIRE_NAME}\s*\)|/\s*{_WIRE_NAME}\s*/)\s*(?:--|[–—:/]|-\s)"
)


def _start(mention: DateMention) -> int:
    return mention.start


def dateline_cut(text: str, start: int, end: int, mentions: list[DateMention]) -> int:
    """Offset past a dateline opening the sentence at ``start``; else ``start``.

    'HOUSTON, April 13 -', 'CHICAGO, May 4, 2015 /PRNewswire/ --', 'NEWARK, N.J.--(BUSINESS WIRE)--Sep. 16,
    2013--', 'HOUSTON, TX / ACCESSWIRE / March 2, 2020 /' and the date-less 'RIVERTON, Calif. (AP) —'.
    """
    iso = _ISO_PREFIX.match(text, start, end)
    if iso:  # ' date 2020-09-08 LAS VEGAS (KLAS) — ...': a crawled page's own date, then the dateline
        rest = dateline_cut(text, iso.end(), end, mentions)
        return rest
    # only the mentions from ``start`` on (sorted by start): looking at, or copying, every date of the release
    # for each of its sentences made parsing quadratic in its length
    for at in range(bisect.bisect_left(mentions, start, key=_start), len(mentions)):
        d = mentions[at]
        if d.start >= start + 120 or d.start >= end:
            break
        if d.relative or not _DATELINE_SEP.match(text, d.end):
            continue
        line = max(start, text.rfind("\n", start, d.start) + 1)  # a dateline opens its line
        if all(w[:1].isupper() or not w[:1].isalpha() for w in _DATELINE_WORDS.findall(text, line, d.start)):
            slash = _SLASH_WIRE.match(text, d.end)  # '/PRNewswire-FirstCall via COMTEX News Network/ --'
            at = slash.end() if slash else d.end
            return min(_DATELINE_TAIL.match(text, at).end(), end)  # a place, a wire: no words of a sentence
    if not text[start : start + 1].isupper():
        return start
    if text.find("(", start, end) == -1 and text.find("/", start, end) == -1:
        return start  # a _CITY_WIRE match holds '(' or '/' around its wire
    wire = _CITY_WIRE.match(text, start, end)
    if wire:
        return min(_DATELINE_TAIL.match(text, wire.end()).end(), end)
    return start
