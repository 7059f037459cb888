"""Amounts of money as written: '$5.3 million (yen-denominated)', 'in excess of $6,000,000', '10.5 billion dlrs'.

The value is what the words say, in the currency they name; hedges ('about', 'up to', 'at least') become
a qualifier instead of being dropped, and a parenthetical right after the amount becomes the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from timeline.ingest.clean import fold, groups, literal_spans, lowered, scan, windows_around, word_starts
from timeline.ingest.facts import Money

_SCALES = {
    "thousand": Decimal(1_000), "k": Decimal(1_000),
    "million": Decimal(1_000_000), "mln": Decimal(1_000_000), "mil": Decimal(1_000_000), "m": Decimal(1_000_000),
    "mm": Decimal(1_000_000), "billion": Decimal(1_000_000_000), "bln": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000), "b": Decimal(1_000_000_000), "trillion": Decimal(10**12),
}  # fmt: skip
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "a": 1, "an": 1,
}  # fmt: skip
_PREFIX_CURRENCY = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "c$": "CAD", "cdn$": "CAD", "ca$": "CAD", "a$": "AUD",
    "€": "EUR", "£": "GBP", "¥": "JPY",
}  # fmt: skip
_SUFFIX_CURRENCY = {
    "dlrs": "USD", "dlr": "USD", "dollars": "USD", "dollar": "USD", "u.s. dollars": "USD", "usd": "USD",
    "canadian dollars": "CAD", "cad": "CAD", "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP",
    "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
}  # fmt: skip
_QUALIFIERS = {
    "in excess of": "in_excess_of", "more than": "in_excess_of", "over": "in_excess_of",
    "upwards of": "in_excess_of", "approximately": "about", "about": "about", "around": "about",
    "roughly": "about", "some": "about", "nearly": "about", "almost": "about", "an estimated": "about",
    "up to": "up_to", "as much as": "up_to", "a maximum of": "up_to", "at least": "at_least",
    "not less than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUM = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|an|hundred"
)
_SCALE = r"thousand|million|mln|mil|billion|bln|bn|trillion|mm|[mbk](?![\w.])"
_QUAL = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_MONEY = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<pre>U\.S\.\$|US\$|C\$|Cdn\$|CA\$|A\$|\$|€|£|¥)\s?(?P<num>{_NUM})(?:\s*-?\s*(?P<scale>{_SCALE})\b)?"
    rf"|\b(?P<num2>{_NUM}|{_WORD_NUM})\s*-?\s*(?:(?P<scale2>{_SCALE})\s+)?"
    r"(?P<cur>u\.s\. dollars|canadian dollars|dlrs|dlr|dollars|dollar|usd|cad|euros?|eur|pounds|sterling|gbp"
    r"|yen|jpy)\b)"
    r"(?:\s*\((?P<note>[^()\n]{1,40})\))?",
    re.I,
)
_NOTE_WORDS = re.compile(r"denominat|currency|equivalent|approx|estimated|u\.s\.|usd|yen|euro|sterling", re.I)


# over fold(text), a word hint opening a word: '[$€£¥]|\b(?:dlrs?|...)\b' ignoring case
# (found with str.find, not the engine, which would try every offset of the text)
_HINT_SIGNS = ("$", "€", "£", "¥")
_HINT_WORDS = ("dlrs", "dlr", "dollars", "dollar", "usd", "cad", "euros", "euro", "eur", "pounds", "sterling", "gbp")
_HINT_WORDS += ("yen", "jpy")
_MONEY_LOW = lowered(_MONEY)


@dataclass(frozen=True)
class MoneyMention:
    start: int
    end: int
    money: Money


def _number(token: str) -> Decimal | None:
    token = token.lower().strip()
    if token in _WORD_NUMBERS:
        return Decimal(_WORD_NUMBERS[token])
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def _hints(text: str, low: str) -> list[tuple[int, int]]:
    """The ``_HINT`` spans: a sign anywhere, a currency word as a whole word."""
    return sorted(literal_spans(low, _HINT_SIGNS) + word_starts(text, low, _HINT_WORDS, whole=True))


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money in ``text``, in order."""
    found = []
    low = fold(text)
    for hit in scan(_MONEY_LOW, low, windows_around(text, _hints(text, low), 45, 60)):
        g = groups(hit, text)
        num = g["num"] or g["num2"]
        scale = (g["scale"] or g["scale2"] or "").lower()
        if g["num2"] and not g["num2"][0].isdigit() and not scale and g["num2"].lower() in ("a", "an"):
            continue  # 'a dollar' is not an amount worth keeping
        value = _number(num)
        if value is None:
            continue
        value *= _SCALES.get(scale, Decimal(1))
        if g["pre"]:
            currency = _PREFIX_CURRENCY[g["pre"].lower()]
        else:
            currency = _SUFFIX_CURRENCY.get(" ".join(g["cur"].lower().split()), "USD")
        note = g["note"]
        start, end = hit.span()
        if note and not _NOTE_WORDS.search(note):  # '(the "Facility")' is not about the amount
            note = None
            end = start + len(g[0][: g[0].rfind("(")].rstrip())
        qual = _QUALIFIERS.get(g["qual"].lower()) if g["qual"] else None
        found.append(MoneyMention(start, end, Money(value, currency, qual, note, text[start:end])))
    return found


def parse_money(phrase: str) -> Money | None:
    """The first amount in a short phrase."""
    found = find_money(phrase)
    return found[0].money if found else None
