"""Partial dates: a date only as precise as the words that gave it.

"late July" in a release of November 2003 is July 2003, precision month, qualifier late: the
value is 2003-07-01 and no day is ever invented. Pure Python, shared by the parser, the models
and the pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = (DAY, MONTH, YEAR)
DATE_QUALIFIERS = (None, "early", "mid", "late", "about", "before", "on_or_before", "after", "on_or_after")

# Where in its period a qualified partial date sorts; an unqualified one sorts at its start.
_PART_OF_MONTH = {"early": 5, "mid": 15, "late": 25}
_PART_OF_YEAR = {"early": 2, "mid": 6, "late": 10}
_PRECISION_RANK = {YEAR: 0, MONTH: 1, DAY: 2}


@dataclass(frozen=True)
class PartialDate:
    """``value`` is the first day of the period; ``text`` the words of the release."""

    value: dt.date
    precision: str = DAY
    qualifier: str | None = None
    text: str = ""

    def __post_init__(self) -> None:
        problem = partial_date_problem(self.value, self.precision, self.qualifier)
        if problem:
            raise ValueError(problem)

    @property
    def edtf(self) -> str:
        """EDTF level 0: YYYY, YYYY-MM or YYYY-MM-DD."""
        if self.precision == YEAR:
            return f"{self.value.year:04d}"
        if self.precision == MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def to_contract(self) -> dict:
        return {"value": self.edtf, "precision": self.precision, "qualifier": self.qualifier, "text": self.text}

    def display(self) -> str:
        return display_partial_date(self.value, self.precision, self.qualifier)

    def sort_date(self) -> dt.date:
        return sort_date(self.value, self.precision, self.qualifier)

    def last_day(self) -> dt.date:
        if self.precision == YEAR:
            return dt.date(self.value.year, 12, 31)
        if self.precision == MONTH:
            return self.value.replace(day=calendar.monthrange(self.value.year, self.value.month)[1])
        return self.value


def partial_date_problem(value: dt.date | None, precision: str | None, qualifier: str | None) -> str | None:
    """Why these three values do not make a partial date, in words for a form; None when they do."""
    if value is None:
        return "a precision or qualifier needs a date" if qualifier else None
    if precision not in PRECISIONS:
        return f"precision must be one of {', '.join(PRECISIONS)}"
    if qualifier not in DATE_QUALIFIERS:
        return f"qualifier {qualifier!r} is not known"
    if precision == MONTH and value.day != 1:
        return "a month-precision date is stored as the first day of its month (the day is not known)"
    if precision == YEAR and (value.month, value.day) != (1, 1):
        return "a year-precision date is stored as January 1 of its year (month and day are not known)"
    return None


def display_partial_date(value: dt.date | None, precision: str, qualifier: str | None) -> str:
    """'late July 2003', 'November 14, 2003', 'on or before November 17, 2003', '2003'."""
    if value is None:
        return "date not given"
    if precision == YEAR:
        base = str(value.year)
    elif precision == MONTH:
        base = f"{calendar.month_name[value.month]} {value.year}"
    else:
        base = f"{calendar.month_name[value.month]} {value.day}, {value.year}"
    if qualifier is None:
        return base
    if qualifier == "mid":
        return f"mid-{base}"
    return f"{qualifier.replace('_', ' ')} {base}"


def sort_date(value: dt.date, precision: str, qualifier: str | None) -> dt.date:
    """A single day that places a partial date sensibly among exact ones ('late July' after July 20)."""
    if precision == MONTH and qualifier in _PART_OF_MONTH:
        return value.replace(day=_PART_OF_MONTH[qualifier])
    if precision == YEAR and qualifier in _PART_OF_YEAR:
        return value.replace(month=_PART_OF_YEAR[qualifier])
    return value


def precision_rank(precision: str) -> int:
    """Ties on the sort date put the vaguer date first: '2003' before 'January 2003' before 'January 1, 2003'."""
    return _PRECISION_RANK.get(precision, 0)
