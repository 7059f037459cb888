"""Real sentences (fixtures/probe, each with the address it was copied from) that the parser once misread.

Each is read alone, as a release of its own under a dated file name, the way ``python -m bench.probe`` reads
them: the failure classes are a filing said in words the rules did not know, a subject told by what it is
('Japanese lender SFCG'), a negation or a supposition read too widely, and later steps said in court-paper
or news wording. Only sentences of the probe's dev part are used here (none of its held-out third).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from timeline.ingest.extract import extract_release, read_release

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "probe"
FILE = "probe_2020-06-15.txt"  # a release is always dated; without a date 'on Monday' places nothing


@cache
def _sentences() -> tuple[str, ...]:
    lines = [line for path in sorted(PROBE.glob("*sentences*.jsonl")) for line in path.read_text().splitlines()]
    return tuple(json.loads(line)["sentence"] for line in lines if line.strip())


def _sentence(opening: str) -> str:
    found = [s for s in _sentences() if s.startswith(opening)]
    assert len(found) == 1, opening
    return found[0]


# (how the sentence opens, who filed, the filing's date when the sentence gives one)
FILINGS = [
    ("Disgraced US telecoms giant WorldCom has filed", "WorldCom", None),  # a descriptor before a one-word name
    ("Japanese lender SFCG has filed", "SFCG", None),
    ("Cryptocurrency exchange Bittrex filed for bankruptcy on May 8", "Bittrex", "2020-05-08"),
    ("Drugmaker Orexigen Therapeutics Inc. said today", "Orexigen Therapeutics Inc.", None),  # 'and will also file a
    # motion' after it: the petition is not inside the motion's phrase
    ("NEW YORK (Reuters) - Bethlehem Steel Corp.", "Bethlehem Steel Corp.", None),  # 'the No. 3 U.S. steel producer'
    ("Timminco Limited (TSX:TIM) has been granted creditor protection", "Timminco Limited", None),  # Canada's CCAA
    ("Twenty-five years ago — on Dec. 6, 1994 — Orange County filed", "Orange County", "1994-12-06"),
]


@pytest.mark.parametrize(("opening", "filer", "date"), FILINGS, ids=[f[1] for f in FILINGS])
def test_a_filing_said_the_way_real_sentences_say_it(opening, filer, date):
    got = extract_release(_sentence(opening).encode(), FILE)
    petitions = [e for e in got.events if e.kind == "petition_filed"]
    assert petitions, [e.kind for e in got.events]
    assert got.company is not None and got.company.name == filer
    if date:
        assert petitions[0].date.edtf == date


NOT_FILINGS = [
    "American solar-system manufacturer Solyndra announced today",  # 'would suspend operations ... and file for'
    "The secured creditor then filed a motion to reopen",  # a motion filed in the case, not the case
]


@pytest.mark.parametrize("opening", NOT_FILINGS)
def test_what_only_resembles_a_filing_is_not_one(opening):
    got = extract_release(_sentence(opening).encode(), FILE)
    assert not [e for e in got.events if e.kind == "petition_filed"]


STEPS = [
    ("On Monday, a federal judge approved conversion", "conversion"),  # 'conversion' never reached its rule
    ("A Delaware federal bankruptcy court on Thursday confirmed Mallinckrodt", "plan_confirmed"),  # 'Mallinckrodt
    # PLC's Chapter 11 plan': a name of two words before the plan
    ("On July 8, Arch filed with the court", "plan_filed"),  # 'its Third Amended Joint Plan of Reorganization'
    ("On March 19, 2010, the Court held", "hearing"),  # 'the Court held a "first day" hearing'
    ("At a January 18 hearing", "hearing"),
    ("Hostess Brands Inc. won approval to sell", "asset_sale"),
    ("The secured creditor then filed a motion to reopen", "motion_filed"),
]


@pytest.mark.parametrize(("opening", "kind"), STEPS, ids=[f"{k}-{n}" for n, (_, k) in enumerate(STEPS)])
def test_a_later_step_said_in_news_or_court_wording(opening, kind):
    events = read_release(_sentence(opening).encode(), FILE).reading.events
    assert kind in [e.kind for e in events]
