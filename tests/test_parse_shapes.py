"""A release reads the same in the shapes real input takes: in capitals, under a site's navigation, hard-wrapped.

Real releases of the dev corpus, turned to capitals (wire copy, old filings) or put under a news
site's menus and share buttons: the debtor, its ticker, the chapter and every step with its date are
what they are as found, and each quote is the text itself.
"""

from __future__ import annotations

import re

import pytest

from bench.robustness import under_chrome, wrapped
from timeline.ingest.extract import extract_release
from timeline.ingest.truecase import shouted, truecased

from .conftest import RELEASES


def _read(prefix: str, shout: bool = False, chrome: bool = False, wrap: bool = False):
    (path,) = RELEASES.glob(f"{prefix}_*.txt")
    text = path.read_text()
    text = text.upper() if shout else text
    text = wrapped(text) if wrap else text
    return extract_release((under_chrome(text) if chrome else text).encode(), path.name)


def _facts(ex):
    name = re.sub(r"\W", "", ex.company.name.lower()) if ex.company else None
    events = [(e.kind, e.date.edtf if e.date else None, e.date.qualifier if e.date else None) for e in ex.events]
    return name, ex.company and ex.company.ticker, ex.is_bankruptcy, ex.case and ex.case.chapter, events


@pytest.mark.parametrize(
    "prefix",
    [
        "00",  # FiberCore: court, DIP motion, adversary proceeding, 'late July' award
        "07",  # Reuters wire copy: 'TEXACO <TX>'
        "101",  # '(Nasdaq:VUSA - news'
        "105",  # 'May 6, 2008': a month that is also a common word
        "106",  # 'CIRCUIT CITY STORES, INC.': common words inside a name
        "111",  # a Chapter 15 recognition
        "207",  # an involuntary petition (8-K)
        "308",  # a Chapter 9 dismissal
        "701",  # a foreign debtor's Chapter 15
        "709",  # a going-concern warning: no case, in capitals as in prose
    ],
)
def test_a_release_in_capitals_reads_as_it_does_in_prose(prefix):
    assert _facts(_read(prefix, shout=True)) == _facts(_read(prefix, shout=False))


def test_quotes_are_the_shouted_text_itself():
    ex = _read("00", shout=True)
    assert ex.company.name == "Fibercore, Inc."  # named as prose writes it, not shouted
    for event in ex.events:
        assert event.evidence.quote == ex.source.text[event.evidence.start : event.evidence.end]
        assert event.evidence.quote.isupper()


def test_only_a_shouted_release_is_read_through_truecasing():
    (path,) = RELEASES.glob("00_*.txt")
    text = path.read_text()
    assert not shouted(text) and shouted(text.upper())
    assert not shouted("CHAPTER 11 FILING\n\nThe company filed today.")  # a headline in capitals is not shouting
    cased = truecased("ACME WIDGETS HOLDINGS, INC. (NASDAQ: ACMW) FILED ON MAY 6, 2008 IN THE U.S. COURT.")
    assert cased == "Acme Widgets Holdings, Inc. (NASDAQ: ACMW) filed on May 6, 2008 in the U.S. court."


@pytest.mark.parametrize(
    "prefix",
    [
        "305",  # the page's own date on a line of its own, now under the menus: it dates the story's 'Aug 12'
        "310",  # 'Share Article via Facebook' names no debtor
        "402",
        "700",
    ],
)
def test_a_release_under_a_sites_navigation_reads_as_it_does_alone(prefix):
    assert _facts(_read(prefix, chrome=True)) == _facts(_read(prefix))


@pytest.mark.parametrize(
    "prefix",
    [
        "00",  # wrapped twice: 'of the U. S.' / 'Bankruptcy Code' is no title, 'Massachusetts, Western' no stub
        "01",  # 'Pacific Gas and' / 'Electric Company': a name runs on over the break
        "209",  # an 8-K's 'Bankruptcy or Receivership' heading still stands alone
    ],
)
def test_a_release_hard_wrapped_reads_as_it_does_unwrapped(prefix):
    assert _facts(_read(prefix, wrap=True)) == _facts(_read(prefix))
