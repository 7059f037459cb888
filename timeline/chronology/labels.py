"""The words the page and the exports print for an event: sums as the release wrote them, parties,
dates, the kinds' labels."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from cases.partial_dates import PartialDate

from ..models import TimelineEvent

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "AUD": "A$", "CHF": "CHF "}
AMOUNT_QUALIFIER_WORDS = {"in_excess_of": "more than", "about": "about", "up_to": "up to", "at_least": "at least"}


def _trimmed(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _spellings(value: Decimal) -> list[str]:
    """The ways a release may have written the number: '6,000,000', '5.3 million', '1.2 billion'."""
    whole = value == value.to_integral_value()
    digits = f"{value:,.0f}" if whole else f"{value:,.2f}"
    spellings = []
    for unit, size in (("billion", Decimal(10) ** 9), ("million", Decimal(10) ** 6)):
        scaled = value / size
        if value >= size and scaled == scaled.quantize(Decimal("0.001")):
            spellings.append(f"{_trimmed(scaled)} {unit}")
    return [*spellings, digits]


def number_as_written(value: Decimal, quotes: Iterable[str] = ()) -> str:
    """The number the way the source wrote it when a quote shows it, else the way a person would."""
    spellings = _spellings(value)
    said = " ".join(" ".join(q.split()) for q in quotes)
    for spelling in spellings:
        pattern = r"(?<![\d.,])" + re.escape(spelling).replace(r"\ ", r"\s+") + r"(?![\d,])"
        if said and re.search(pattern, said, re.I):
            return spelling
    return spellings[0]


def amount_words(
    value: Decimal | None, currency: str = "USD", qualifier: str = "", note: str = "", quotes: Iterable[str] = ()
) -> str:
    """'more than $6,000,000', '$5.3 million, yen-denominated', 'about $40 million'; '' without a value."""
    if value is None:
        return ""
    number = number_as_written(Decimal(value), quotes)
    symbol = CURRENCY_SYMBOLS.get(currency or "USD")
    money = f"{symbol}{number}" if symbol else f"{number} {currency}"
    words = " ".join(w for w in (AMOUNT_QUALIFIER_WORDS.get(qualifier or ""), money) if w)
    return f"{words}, {note}" if note else words


def parties_words(parties: Sequence[dict] | None) -> list[str]:
    """['CommScope Inc. (defendant)', 'Shin-Etsu (counterparty)']: robust to hand-edited JSON."""
    words = []
    for party in parties or []:
        if isinstance(party, dict) and party.get("name"):
            role = party.get("role") or ""
            words.append(f"{party['name']} ({role})" if role else str(party["name"]))
        elif isinstance(party, str) and party:
            words.append(party)
    return words


def datetime_attr(date: PartialDate | None) -> str:
    """The machine-readable <time datetime> value: 2003, 2003-07 or 2003-07-25."""
    return date.edtf if date else ""


def month_label(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


KIND_LABELS: dict[str, str] = dict(TimelineEvent.Kind.choices)
