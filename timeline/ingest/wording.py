"""Wording for docket lines: amounts, short company names, phrases lifted from a sentence, and the fallback clause.

Helpers of ``timeline.ingest.summaries``; pure functions over strings and the parser's dataclasses.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from timeline.ingest.facts import Money

_I = re.I
AIM = 120  # extras are added only while the line stays this short
LIMIT = 200  # never longer
_SUFFIX = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Cos|Ltd|Limited|LLC|L\.L\.C|LP|L\.P|PLC|Plc|plc|N\.V|S\.A|AG)\.?$"
)
_PARENS = re.compile(r"\s*\([^()]{0,120}\)|\s*<[A-Z0-9.]{1,10}>")
QUOTES = re.compile(r"[\"“”]")
# where a phrase taken from the sentence ends: a comma (not one before 'Inc.' or 'N.A.'), or a relative clause
_PHRASE_END = re.compile(
    r",(?!\s*(?:Inc|N\.\s?A|LLC|L\.P|LP|Ltd|Corp|Co|S\.A|PLC)\b)|[;:(]|\.(?:\s|$)"
    r"|\s(?:which|who|that|whereby|subject to|pending|at a hearing|because|so that|in order to|following|after)\b"
    r"|\s(?:is|was|has been|have been|are|were|will be)\s+(?:scheduled|set)\b"
)
ALL_OF_ITS = re.compile(r"\ball\s+of\s+(?:its|their|the\s+company['’]s)\s+", _I)
_CODE = re.compile(r"\s+of\s+the\s+(?:U\.\s?S\.\s+|United\s+States\s+|Federal\s+)?Bankruptcy\s+Code\b", _I)
DAY_WORDS = re.compile(r"\b(first|second)[ -]day\b", _I)


def finish(line: str) -> str:
    """Entities decoded, 'first day' hyphenated, the first letter capital, and never past ``LIMIT``."""
    line = QUOTES.sub("", html.unescape(line))
    line = DAY_WORDS.sub(lambda m: f"{m.group(1)}-day", " ".join(line.split())).strip(" ,;:-–—")
    line = cut(line, LIMIT)
    return line[:1].upper() + line[1:]


def cut(text: str, limit: int) -> str:
    """``text`` shortened between words to at most ``limit`` characters, ending in '…' when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-–—") + "…"


def with_extras(core: str, *extras: str | None, aim: int = AIM) -> str:
    """``core`` followed by each extra ('from X', ', $5 million') that still fits in ``aim`` characters."""
    line = core
    for extra in extras:
        if extra and len(line + extra) <= aim:
            line += extra
    return line


# --- facts written as words -------------------------------------------------------------------------------------

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "AUD": "A$"}
_WRITTEN_FIGURE = re.compile(
    r"(?:U\.S\.\$|US\$|C\$|Cdn\$|CA\$|A\$|\$|€|£|¥)\s?\d[\d,]*(?:\.\d+)?(?:\s(?:thousand|million|billion|trillion)\b)?"
)
_QUALIFIER_WORDS = {"in_excess_of": "more than ", "about": "about ", "up_to": "up to ", "at_least": "at least "}


def money(m: Money | None) -> str:
    """'$5.3 million (yen-denominated)', 'more than $6,000,000', '$2 million' (for 'two mln dlrs')."""
    if m is None:
        return ""
    written = _WRITTEN_FIGURE.search(m.text or "")
    figure = written.group(0) if written else _figure(m.value, m.currency)
    note = f" ({m.note})" if m.note else ""
    return f"{_QUALIFIER_WORDS.get(m.qualifier or '', '')}{figure}{note}"


def _figure(value: Decimal, currency: str) -> str:
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    for size, word in ((Decimal(10**9), "billion"), (Decimal(10**6), "million")):
        if value >= size:
            return f"{symbol}{_plain(value / size)} {word}"
    return f"{symbol}{value:,.0f}" if value == value.to_integral_value() else f"{symbol}{value:,.2f}"


def _plain(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def short_name(name: str | None) -> str | None:
    """'FiberCore, Inc.' -> 'FiberCore'; 'Galaxy Oil Co' -> 'Galaxy Oil': how a docket line names a company."""
    if not name:
        return None
    short = name.strip()
    for _ in range(2):
        trimmed = _SUFFIX.sub("", short)
        if not trimmed or trimmed == short:
            break
        short = trimmed
    return short.rstrip(",") or name


def with_the(name: str) -> str:
    """An institution's name as it reads after a preposition: 'the New York Stock Exchange', 'Amex'."""
    if name[:4].lower() == "the ":
        return "the " + name[4:]
    if re.search(r"\b(?:court|exchange|market|commission)\b", name, _I):
        return "the " + name
    return name


def phrase(flat: str, start: int, limit: int = 90) -> str:
    """The words from ``start`` to the end of their phrase, tidied for a docket line."""
    m = _PHRASE_END.search(flat, start)
    words = flat[start : m.start() if m else len(flat)]
    words = _CODE.sub("", ALL_OF_ITS.sub("all ", words))
    return cut(words.strip(" ,;:"), limit)


def no_article(words: str) -> str:
    return re.sub(r"^(?:the|a|an|its|their)\s+", "", words, flags=_I)


def flatten(quote: str, at: int) -> tuple[str, int]:
    """The quote on one line without parentheticals or tickers, and the trigger's place in it."""
    before = _PARENS.sub("", " ".join(quote[:at].split()))
    after = _PARENS.sub("", " ".join(quote[at:].split()))
    if before and quote[at - 1 : at].isspace():
        before += " "
    return before + after, len(before)


def printable_court(name: str, text: str) -> str | None:
    """A court's name fit to print: None for a citation ('Bankr. M.D. Fla.'), a cut-off last word dropped."""
    if "court" not in name.lower():
        return None
    at, flat = text.find(name), text
    if at < 0:  # the name's words are wrapped over lines in the text
        flat = " ".join(text.split())
        at = flat.find(name)
    if at >= 0 and flat[at + len(name) : at + len(name) + 1].isalnum():  # 'in Manhattan, Harborv(iew said)'
        head, sep, _ = name.rpartition(", ")
        name = head if sep else name.rpartition(" ")[0]
    return name or None


# --- the fallback: the clause that holds the trigger --------------------------------------------------------------

_REPORTED = re.compile(
    r"\b(?:announced|announces|said|says|reported|reports|disclosed|discloses|stated|states|confirmed|noted)"
    r"(?:\s+(?:today|yesterday|this\s+\w+|on\s+\w+day))?,?(?:\s+that)?\s+",
    _I,
)
_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+[^,]{3,160}?,\s*(?=(?:today|yesterday|announced|said|reported|filed|has|have|is|was)\b)", _I
)
_OPENER = re.compile(r"^(?:[A-Z][\w’']*(?:\s+[\w’']+){0,2}),\s+(?=\S)")
_SUBJECT = re.compile(r"^(?:it|they|we|the\s+company|the\s+debtors?)\s+", _I)
CLAUSE_BREAK = re.compile(r",\s+(?:which|while|and|but|although|because|as|after|so)\b|;\s|\.\s|,\s+[\"“]")


def clause(flat: str, at: int, debtor: str | None = None, aim: int = AIM) -> str:
    """The clause of the sentence that holds the trigger (at ``at``), trimmed for a docket line."""
    start = flat.rfind("; ", 0, at) + 1 if "; " in flat[:at] else 0
    head = flat[start:at]
    head = _APPOSITIVE.sub(" ", head)
    frames = list(_REPORTED.finditer(head))
    if frames:
        head = head[frames[-1].end() :]
    head = QUOTES.sub("", head).lstrip(" ,")
    for _ in range(2):
        opener = _OPENER.match(head)
        if opener and len(opener.group(0).split()) <= 3:
            head = head[opener.end() :]
    subject = _SUBJECT.match(head)
    name = short_name(debtor)
    if subject and name:
        head = name + " " + head[subject.end() :]
    tail = flat[at:]
    brk = CLAUSE_BREAK.search(tail, 1)
    if brk and len(head) + brk.start() >= 40:
        tail = tail[: brk.start()]
    return cut((head + tail).strip().rstrip(' ."”'), aim)
