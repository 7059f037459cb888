"""The chronology of one case: its events in order, grouped by year and month, with their marks.

Each part does one job: ``entries`` builds the entries from the case's events, ``conflicts`` marks
the ones whose sources disagree, ``grouping`` heads them by year and month, ``labels`` words what
they print, ``page`` cuts a long chronology into pages from its cached outline, ``version`` says when
that outline changed, ``case_list`` gives the case list's per-row figures, ``quotes`` places a source
in its text. Everything is importable from here as it was from the single module.
"""

from .case_list import latest_events, with_event_stats
from .conflicts import ONCE_PER_CASE, dates_disagree, mark_conflicts, sources_disagree
from .entries import Chronology, Entry, KindCount, build_chronology, build_entries, case_events
from .grouping import MonthGroup, YearGroup, group_by_month
from .labels import (
    AMOUNT_QUALIFIER_WORDS,
    CURRENCY_SYMBOLS,
    KIND_LABELS,
    amount_words,
    datetime_attr,
    month_label,
    number_as_written,
    parties_words,
)
from .page import (
    ENTRIES_PER_PAGE,
    ChronologyOutline,
    ChronologyPage,
    chronology_page,
    entry_rows,
    outline_of,
    page_entries,
    page_number,
    page_of_event,
    url_maker,
)
from .quotes import QuoteInContext, Segment, highlighted_segments, quote_in_paragraph
from .version import ChronologyVersion, chronology_version, with_chronology_version

__all__ = [
    "AMOUNT_QUALIFIER_WORDS", "CURRENCY_SYMBOLS", "ENTRIES_PER_PAGE", "KIND_LABELS", "ONCE_PER_CASE",
    "Chronology", "ChronologyOutline", "ChronologyPage", "ChronologyVersion", "Entry", "KindCount",
    "MonthGroup", "QuoteInContext", "Segment", "YearGroup",
    "amount_words", "build_chronology", "build_entries", "case_events", "chronology_page",
    "chronology_version", "dates_disagree", "datetime_attr", "entry_rows", "group_by_month",
    "highlighted_segments", "latest_events", "mark_conflicts", "month_label", "number_as_written",
    "outline_of", "page_entries", "page_number", "page_of_event", "parties_words", "quote_in_paragraph",
    "sources_disagree", "url_maker", "with_chronology_version", "with_event_stats",
]  # fmt: skip
