"""Event summaries are one docket line composed from the facts, and titles are the case's headline.

Each row of a table is its own test: the sentences are written here in the styles releases use, not
taken from the fixtures, so a row names the wording rule it pins down.
"""

from __future__ import annotations

import pathlib
import re
from decimal import Decimal

import pytest

from tests.test_parse_unseen import RELEASES
from timeline.ingest.extract import extract_release
from timeline.ingest.facts import Event, Money, Party, Span
from timeline.ingest.summaries import ReleaseFacts, summarize
from timeline.ingest.wording import clause, cut, money, printable_court, short_name

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "releases"
NORDIC = ReleaseFacts("Nordic Cable, Inc.", 11, "U.S. Bankruptcy Court for the District of Oregon")


def usd(value, qualifier=None, note=None, text=""):
    return Money(Decimal(value), "USD", qualifier, note, text)


# (id, kind, subtype, sentence, trigger words, amount, parties, release facts, summary)
ROWS = [
    (
        "petition-court-from-sentence",
        "petition_filed",
        None,
        "Nordic Cable, Inc., a leading maker of subsea cable, today announced that it filed a voluntary petition under "
        "Chapter 11 in the U.S. Bankruptcy Court for the District of Delaware.",
        "filed",
        None,
        (),
        NORDIC,
        "Voluntary Chapter 11 petition filed in the U.S. Bankruptcy Court for the District of Delaware",
    ),
    (
        "petition-court-from-release",
        "petition_filed",
        None,
        "The company filed for Chapter 11 protection last week.",
        "filed",
        None,
        (),
        NORDIC,
        "Voluntary Chapter 11 petition filed in the U.S. Bankruptcy Court for the District of Oregon",
    ),
    (
        "petition-involuntary-by-creditors",
        "petition_filed",
        None,
        "Four of its creditors filed an involuntary petition under Chapter 7 against the company.",
        "filed",
        None,
        (),
        ReleaseFacts("Nordic Cable, Inc."),
        "Involuntary Chapter 7 petition filed by four creditors",
    ),
    (
        "motion-object-and-others",
        "motion_filed",
        "dip_financing",
        "It also filed various motions, including a motion for interim DIP financing, today.",
        "motions",
        None,
        (),
        NORDIC,
        "Motion for interim DIP financing filed, with various other motions",
    ),
    (
        "motion-first-day-purpose",
        "motion_filed",
        "other",
        'Nordic has filed customary "first day" motions seeking authority to pay employee wages and honor warranties.',
        "motions",
        None,
        (),
        NORDIC,
        "First-day motions filed to pay employee wages and honor warranties",
    ),
    (
        "motion-asked-the-court",
        "motion_filed",
        "other",
        "Nordic also asked the Court to extend the deadline to assume its leases, which expires in June.",
        "asked the Court",
        None,
        (),
        NORDIC,
        "Motion to extend the deadline to assume its leases filed",
    ),
    (
        "motion-label-when-no-object",
        "motion_filed",
        "cash_collateral",
        "A cash collateral motion was filed on Monday.",
        "motion",
        None,
        (),
        NORDIC,
        "Motion for use of cash collateral filed",
    ),
    (
        "order-approval-of",
        "order_entered",
        "other",
        "Nordic today received approval from the U.S. Bankruptcy Court for the District of Oregon, of its "
        "second-day motions.",
        "received approval",
        None,
        (),
        NORDIC,
        "Court approved second-day motions",
    ),
    (
        "order-dip-interim-lender",
        "order_entered",
        "dip_financing",
        "The Court entered an interim order approving access to $10 million of DIP financing provided by Fjord Bank.",
        "entered",
        usd(10_000_000, text="$10 million"),
        (Party("Fjord Bank", "lender"),),
        NORDIC,
        "Court approved interim DIP financing, $10 million from Fjord Bank",
    ),
    (
        "order-sale-buyer-amount",
        "order_entered",
        "sale_363",
        "The court approved the sale of substantially all of its assets to Tern Partners LP for $8 million.",
        "approved",
        usd(8_000_000, text="$8 million"),
        (Party("Tern Partners LP", "buyer"),),
        NORDIC,
        "Court approved sale of substantially all assets to Tern Partners LP, $8 million",
    ),
    (
        "hearing-on-object",
        "hearing",
        None,
        "A final hearing on the cash collateral motion is scheduled for May 2.",
        "hearing",
        None,
        (),
        NORDIC,
        "Final hearing on cash collateral motion",
    ),
    (
        "hearing-set-for",
        "hearing",
        None,
        "The sale motion is set for hearing on June 9 at 10:00 a.m.",
        "set for hearing",
        None,
        (),
        NORDIC,
        "Hearing on sale motion",
    ),
    (
        "adversary-nature-amount",
        "adversary_proceeding",
        None,
        "The company has commenced an adversary proceeding against Gull Systems Inc. for breach of contract, "
        "seeking more than $2,500,000.",
        "adversary proceeding",
        usd(2_500_000, "in_excess_of", text="more than $2,500,000"),
        (Party("Gull Systems Inc.", "defendant"),),
        NORDIC,
        "Adversary proceeding against Gull Systems Inc. for breach of contract, more than $2,500,000",
    ),
    (
        "award-against-debtor",
        "award",
        "arbitration_award",
        'Its CEO said, "We could not raise capital after the $1.2 million (euro-denominated) Heron arbitration award."',
        "arbitration award",
        usd(1_200_000, note="euro-denominated", text="$1.2 million (euro-denominated)"),
        (Party("Heron", "counterparty"),),
        NORDIC,
        "Heron arbitration award against Nordic Cable, $1.2 million (euro-denominated)",
    ),
    (
        "judgment-for-holder",
        "judgment",
        "judgment",
        "A jury returned a $3 million judgment against the company in favor of Osprey Co.",
        "judgment",
        usd(3_000_000, text="$3 million"),
        (Party("Osprey Co.", "counterparty"),),
        NORDIC,
        "Judgment for Osprey Co., $3 million",
    ),
    (
        "financing-words-amount",
        "financing",
        None,
        "It said it has arranged for five mln dlrs of new bank financing.",
        "new bank financing",
        usd(5_000_000, text="five mln dlrs"),
        (),
        NORDIC,
        "$5 million new bank financing arranged",
    ),
    (
        "financing-exit-closed",
        "financing",
        None,
        "Under the plan, Nordic closed a $40 million exit financing facility with a group of banks.",
        "exit financing",
        usd(40_000_000, text="$40 million"),
        (),
        NORDIC,
        "$40 million exit financing closed",
    ),
    (
        "sale-completed",
        "asset_sale",
        None,
        "Nordic has completed the sale of its cable plant to Tern Partners LP for about $8 million.",
        "completed",
        usd(8_000_000, "about", text="about $8 million"),
        (Party("Tern Partners LP", "buyer"),),
        NORDIC,
        "Sale of its cable plant to Tern Partners LP completed, about $8 million",
    ),
    (
        "plan-joint",
        "plan_filed",
        None,
        "Nordic and its parent jointly filed a plan of reorganization today.",
        "filed",
        None,
        (),
        NORDIC,
        "Joint plan of reorganization filed",
    ),
    (
        "emergence-chapter",
        "emergence",
        None,
        "The company has emerged from bankruptcy.",
        "emerged",
        None,
        (),
        NORDIC,
        "Emerged from Chapter 11",
    ),
    (
        "conversion-target",
        "conversion",
        None,
        "The judge converted its Chapter 11 case to a case under Chapter 7.",
        "converted",
        None,
        (),
        NORDIC,
        "Case converted to Chapter 7",
    ),
    (
        "dismissal",
        "dismissal",
        None,
        "The court dismissed the company's Chapter 11 case on May 3.",
        "dismissed",
        None,
        (),
        NORDIC,
        "Chapter 11 case dismissed",
    ),
    (
        "delisting-review",
        "delisting",
        None,
        "The New York Stock Exchange said it is reviewing the company's eligibility for continued listing.",
        "continued listing",
        None,
        (),
        NORDIC,
        "Delisting review by the New York Stock Exchange",
    ),
    (
        "delisting-done",
        "delisting",
        None,
        "Its shares were delisted from The Nasdaq Stock Market on May 9.",
        "delisted",
        None,
        (Party("The Nasdaq Stock Market", "counterparty"),),
        NORDIC,
        "Delisted from the Nasdaq Stock Market",
    ),
]


@pytest.mark.parametrize(
    ("kind", "subtype", "sentence", "trigger", "amount", "parties", "facts", "want"),
    [row[1:] for row in ROWS],
    ids=[row[0] for row in ROWS],
)
def test_summary_is_composed_from_the_facts(kind, subtype, sentence, trigger, amount, parties, facts, want):
    at = sentence.index(trigger)
    event = Event(kind, None, "", Span(0, len(sentence), sentence), amount, parties, subtype)
    assert summarize(event, at, facts) == want


# the fallback: the clause holding the trigger, without the appositive and the reporting frame
CLAUSES = [
    (
        "appositive-and-frame",
        "Nordic Cable, Inc., a leading maker of subsea cable for offshore wind farms, today announced that it has "
        "agreed to a settlement with its landlord.",
        "agreed",
        "Nordic Cable has agreed to a settlement with its landlord",
    ),
    (
        "opener-and-later-clause",
        "Accordingly, the company received a waiver from its lenders, which runs through June.",
        "received",
        "Nordic Cable received a waiver from its lenders",
    ),
    (
        "quote-speaker",
        'Jane Roe, the chief executive, said, "We reached terms with our suppliers."',
        "reached",
        "Nordic Cable reached terms with our suppliers",
    ),
]


@pytest.mark.parametrize(("flat", "trigger", "want"), [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES])
def test_fallback_is_the_trigger_clause(flat, trigger, want):
    assert clause(flat, flat.index(trigger), "Nordic Cable, Inc.") == want


def test_fallback_is_cut_between_words_and_marked():
    flat = "The company " + "restructured its many obligations " * 10
    got = clause(flat, flat.index("restructured"), None)
    assert len(got) <= 120 and got.endswith("…")
    assert got[:-1] == got[:-1].rstrip() and flat.startswith(got[:-1])
    assert flat[len(got) - 1] == " "  # the cut falls between words


@pytest.mark.parametrize(
    ("amount", "want"),
    [
        (usd(6_000_000, "in_excess_of", text="in excess of $6,000,000"), "more than $6,000,000"),
        (
            usd(5_300_000, note="yen-denominated", text="$5.3 million (yen-denominated)"),
            "$5.3 million (yen-denominated)",
        ),
        (usd(2_000_000, text="two mln dlrs"), "$2 million"),
        (usd(10_000_000_000, "at_least", text="not less than 10 billion dlrs"), "at least $10 billion"),
        (Money(Decimal(4_500_000), "EUR", "about", None, "about 4.5 million euros"), "about €4.5 million"),
    ],
)
def test_money_reads_as_a_docket_writes_it(amount, want):
    assert money(amount) == want


@pytest.mark.parametrize(
    ("name", "want"),
    [("FiberCore, Inc.", "FiberCore"), ("Galaxy Oil Co", "Galaxy Oil"), ("City of Riverton", "City of Riverton")],
)
def test_short_company_names(name, want):
    assert short_name(name) == want


def test_a_court_name_cut_mid_word_loses_the_fragment():
    text = "filed in the U.S. Bankruptcy Court in Manhattan, Heronview said on Thursday."
    assert printable_court("U.S. Bankruptcy Court in Manhattan, Heronv", text) == "U.S. Bankruptcy Court in Manhattan"
    assert printable_court("Bankr. D. Del.", text) is None


def test_cut_never_splits_a_word():
    assert cut("alpha beta gamma delta", 14) == "alpha beta…"


def _all_releases():
    for p in sorted(FIXTURES.glob("*.txt")):
        yield p.name, p.read_bytes()
    for name, raw in RELEASES.items():
        raw = raw if isinstance(raw, bytes) else raw.encode()
        yield name + (".html" if raw.lstrip().startswith(b"<html") else ".txt"), raw


@pytest.mark.parametrize(("name", "raw"), list(_all_releases()), ids=[n for n, _ in _all_releases()])
def test_every_summary_is_one_short_line(name, raw):
    for e in extract_release(raw, name).events:
        assert e.summary and "\n" not in e.summary and len(e.summary) <= 140, e.summary
        assert ": " not in e.summary[:25], e.summary  # no 'Award: <sentence>' label
        assert not e.summary.endswith(",") and not re.search(r"[a-z]{3}\.$", e.summary), e.summary


# titles: the headline of the case, not a banner, byline or contact line above it
TITLES = [
    (
        "banner-above-headline",
        "Search\nMenu\nAcme Optics Corp. - Infrared Sensors 11/24 LB\n\n"
        "Nordic Cable Files for Chapter 11 Protection\n\n"
        "PORTLAND, Ore., May 4 -- Nordic Cable Inc. announced today it filed for protection under Chapter 11.\n",
        "Nordic Cable Files for Chapter 11 Protection",
    ),
    (
        "contact-block-above-headline",
        "For Immediate Release\nMedia Contact\nJane Roe\nBeacon Advisory Group\n(503) 555-0100\n"
        "NORDIC CABLE ANNOUNCES CHAPTER 11 FILING\n"
        "PORTLAND, OR - May 4, 2020 - Nordic Cable Inc. today announced that it filed a voluntary petition under "
        "Chapter 11.\n",
        "NORDIC CABLE ANNOUNCES CHAPTER 11 FILING",
    ),
    (
        "sentence-case-first-line",
        "Nordic Cable to sell its plant after bankruptcy filing\n\nBy JOHN DOE, Associated Press\n\n"
        "PORTLAND, Ore. (AP) - Nordic Cable Inc, which filed for Chapter 11 protection last week, said on Monday it "
        "agreed to sell its plant.\n",
        "Nordic Cable to sell its plant after bankruptcy filing",
    ),
]


@pytest.mark.parametrize(("text", "want"), [t[1:] for t in TITLES], ids=[t[0] for t in TITLES])
def test_title_is_the_case_headline(text, want):
    assert extract_release(text.encode(), "release.txt").source.title == want


def test_fixture_titles_are_their_headlines():
    got = {p.name.split("_")[0]: extract_release(p.read_bytes(), p.name).source.title for p in FIXTURES.glob("*.txt")}
    assert got["28"] == "FiberCore Files for Chapter 11 Protection"
    assert got["00"] == "FIBERCORE FILES FOR CHAPTER 11 PROTECTION"
    assert got["20"] == "MPC CORPORATION ANNOUNCES CHAPTER 11 FILING"
    assert got["23"] == "Saratoga Resources, Inc. Files Motion to Conduct Section 363 Sale of Assets"
