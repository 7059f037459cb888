"""Events a careful reader takes from a release, and the ones boilerplate must not give."""

import pytest

from timeline.ingest.extract import extract_release


def _read(text: str):
    return extract_release(text.encode(), "release.txt")


def _events(text: str) -> list[tuple]:
    return [(e.kind, e.date.edtf if e.date else None, e.subtype) for e in _read(text).events]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "CHARLTON, MA - NOVEMBER 17, 2003 -- FiberCore, Inc. (FBCE.PK) today announced it has voluntarily filed"
            " for protection under Chapter 11 of the U. S. Bankruptcy Code with the U.S. Bankruptcy Court for the"
            " District of Massachusetts, Western Division, late Friday afternoon, November 14th, as well as various"
            " motions, including a motion for initial DIP financing, today.",
            [("petition_filed", "2003-11-14", None), ("motion_filed", "2003-11-17", "dip_financing")],
        ),
        (  # the negation is the lawyer's, not the judge's; and the dismissal told again is one dismissal
            "ALBANY, Dec. 13, 2011 -- Acme Corp. said its lawyer erred by not filing an appeal soon after the judge"
            " dismissed Acme's Chapter 11 case on Nov. 23. Under state law, authorization is necessary, so the court"
            " dismissed the case.",
            [("dismissal", "2011-11-23", None)],
        ),
        (
            "DALLAS, March 3, 2010 -- Acme Widgets Corp. previously reported that, on February 24, 2010, the Company"
            " and its subsidiaries, Acme Widgets Holdings, LLC and Acme Widgets Sales, LLC (collectively, the"
            ' "Debtors"), filed voluntary petitions for relief under Chapter 11 of the Bankruptcy Code.',
            [("petition_filed", "2010-02-24", None)],
        ),
        (
            "DALLAS, March 3, 2010 -- Acme Widgets Corp. said it filed a voluntary petition under Chapter 11 of the"
            " Bankruptcy Code in the U.S. Bankruptcy Court for the Northern District of Texas.",
            [("petition_filed", "2010-03-03", None)],
        ),
        (
            "MIAMI, April 17 - Sharon Steel Corp said it has filed a voluntary petition for relief under Chapter 11."
            "\n\n17-APR-1987 header later",
            [("petition_filed", "1987-04-17", None)],
        ),
        (
            "DENVER, June 2, 2011 -- Blue Mesa Inc. said the Bankruptcy Court for the District of Colorado approved"
            " its plan of reorganization on May 31, 2011. Blue Mesa emerged from Chapter 11 today.",
            [("plan_confirmed", "2011-05-31", None), ("emergence", "2011-06-02", None)],
        ),
        (
            "LITTLE FERRY, N.J., June 18, 1987 - Conseco Industries Ltd said an order of confirmation of its"
            " reorganization plan has been signed in its Chapter 11 bankruptcy proceedings, terminating its status as"
            " a debtor in possession. It said it has arranged for two mln dlrs of new bank financing.",
            [
                ("plan_confirmed", "1987-06-18", None),
                ("emergence", "1987-06-18", None),
                ("financing", "1987-06-18", None),
            ],
        ),
        (
            "Houston, TX – April 12, 2016 – Saratoga Resources, Inc. today announced that it has filed a motion,"
            " under Section 363 of the Bankruptcy Code, to conduct a sale of substantially all of its assets."
            " The 363 Motion is set for hearing on May 5, 2016 at 10:00 a.m. CST, before the Bankruptcy Court.",
            [("motion_filed", "2016-04-12", "sale_363"), ("hearing", "2016-05-05", None)],
        ),
        (
            "WICHITA FALLS, Texas, April 9, 1987 - Galaxy Oil Co said its common stock is being delisted from the"
            " American Stock Exchange. Galaxy filed Chapter 11 bankruptcy on April Six.",
            [("delisting", "1987-04-09", None), ("petition_filed", "1987-04-06", None)],
        ),
        (
            "RENO, Nev., May 4, 2012 -- Silver Spur Corp. said the court converted its Chapter 11 case to a"
            " Chapter 7 liquidation on May 3, 2012.",
            [("conversion", "2012-05-03", None)],
        ),
    ],
)
def test_events_from_reporting_sentences(text, events):
    assert _events(text) == events


@pytest.mark.parametrize(
    "text",
    [
        # safe-harbor boilerplate names chapters and motions but reports nothing
        "BOSTON, May 1, 2004 -- Acme Corp. reported quarterly results.\n\nThe statements in this press release are"
        " forward looking and are subject to risks and uncertainties, including the ability to obtain court approval"
        " of motions in the Chapter XI proceeding or to convert the case to a Chapter VII proceeding.",
        # another company's bankruptcy
        "SAN DIEGO--(BUSINESS WIRE)--April 6, 2001--Sempra Energy officials took the opportunity of today's"
        " Chapter 11 bankruptcy announcement by Pacific Gas & Electric (PG&E) to reaffirm their strong position.",
        # distress without a filing
        "VANCOUVER, B.C.--(BUSINESS WIRE)--Aug. 4, 2000--Kafus Industries Ltd. (AMEX:KS) reported today a critical"
        " shortage of working capital. The Company has been informed by AMEX that it no longer meets the"
        " exchange's continued listing guidelines.",
        # a plan to file is not a filing
        "TULSA, Okla., Jan. 5, 2009 -- Prairie Oil Inc. said it may file for Chapter 11 protection if talks fail.",
    ],
)
def test_not_a_case(text):
    got = _read(text)
    assert got.is_bankruptcy is False
    assert got.events == ()
    assert got.not_case_reason


def test_delisting_because_of_a_filing_is_a_case():
    got = _read(
        "NEW YORK, June 29, 1987 - The New York Stock Exchange said it is reviewing the eligibility for continued"
        " listing of the common stock of Allis-Chalmers Corp in view of its announcement that it has filed a"
        " voluntary petition under Chapter 11."
    )
    assert got.is_bankruptcy is True
    assert [e.kind for e in got.events] == ["delisting"]
    assert (got.case.chapter, got.case.voluntary) == (11, True)


@pytest.mark.parametrize(
    ("text", "chapter", "court_id", "case_number"),
    [
        (
            "AKRON, Ohio, Feb. 2, 2002 -- Rubber Co. said it filed for Chapter XI protection in the U.S. Bankruptcy"
            " Court for the Northern District of Ohio, Case No. 02-50311 in Akron.",
            11,
            "ohnb",
            "02-50311",
        ),
        (
            "OAKLAND, Calif., Mar. 1, 2001 -- Bay Corp. said creditors filed an involuntary petition under Chapter 7"
            " against it in the U.S. Bankruptcy Court for the Northern District of California (Case No. 01-30923 DM).",
            7,
            "canb",
            "01-30923 DM",
        ),
    ],
)
def test_case_facts(text, chapter, court_id, case_number):
    case = _read(text).case
    assert (case.chapter, case.court.id, case.case_number) == (chapter, court_id, case_number)


def test_evidence_quotes_the_cleaned_text():
    got = _read(
        "FOR IMMEDIATE RELEASE\nNovember 17, 2003\n\n-- more --\n\n<PAGE>\n\nCHARLTON, MA - NOVEMBER 17, 2003 --"
        "  FiberCore,  Inc.  today announced it has filed for protection under Chapter 11.\n\n8\n"
    )
    for event in got.events:
        span = event.evidence
        assert got.source.text[span.start : span.end] == span.quote
    assert "<PAGE>" not in got.source.text and "more" not in got.source.text


# the ways releases word each step (and the case around it), each read as that step, dated in May 2020
STEP_WORDINGS = [
    ("petition_filed", "Acme Corp. declared bankruptcy on Monday."),
    ("petition_filed", "A group of investors took Acme Corp. to bankruptcy court on Monday."),
    ("petition_filed", "Acme Corp., the U.S. unit of Acme Group, made a voluntary Chapter 11 filing on May 5."),
    ("petition_filed", "Acme Corp., a Richmond-based maker, sought Chapter 11 federal bankruptcy protection on May 5."),
    ("petition_filed", "Acme Corp. sought refuge in bankruptcy court Tuesday."),
    ("petition_filed", "Acme Corp. submitted a bankruptcy filing on Monday."),
    ("petition_filed", "Acme Corp. lodged a bankruptcy petition on Monday."),
    ("petition_filed", "Acme Corp. went into Chapter 11 on Monday."),
    ("petition_filed", "Acme Corp. filed Monday for Chapter 11 protection."),
    ("petition_filed", "Acme Corp. on Monday asked a federal bankruptcy court for protection from creditors."),
    ("petition_filed", "Acme Corp. petitioned for Chapter 11 protection on Monday."),
    ("petition_filed", "Acme Corp. filed to reorganize under Chapter 11 on Monday."),
    ("petition_filed", "Acme Corp. entered bankruptcy protection on Monday."),
    ("petition_filed", "Acme Corp. collapsed into administration on Monday."),
    ("plan_confirmed", "A judge signed off on Acme's plan on Monday."),
    ("order_entered", "The court gave interim approval to a $50 million DIP loan on Monday."),
    ("petition_filed", "The company has been under Chapter 11 bankruptcy protection since May 4, 2020."),
    ("petition_filed", "The company has been restructuring under court protection since May 4, 2020."),
    ("petition_filed", "The company has been in Chapter 11 since May 4, 2020."),
    ("petition_filed", "Acme Corp. commenced, on May 4, 2020, these chapter 11 cases by filing voluntary petitions."),
    (
        "petition_filed",
        "Acme Corp. announced the filing of voluntary petitions for relief under Chapter 11 on May 5, 2020.",
    ),
    ("petition_filed", "Acme Corp. initiated voluntary proceedings under Chapter 11 on May 5, 2020."),
    ("petition_filed", "Acme Corp. has entered Chapter 11 on May 5, 2020."),
    ("petition_filed", "Acme Corp. sought bankruptcy protection on May 5, 2020."),
    ("petition_filed", "Acme Corp. filed a prepackaged Chapter 11 case on May 5, 2020."),
    ("petition_filed", "Acme Corp. is filing for Chapter 11 bankruptcy protection, it said on May 5, 2020."),
    ("petition_filed", "Acme Corp. began Chapter 11 proceedings on May 5, 2020."),
    ("petition_filed", "Acme Corp. filed voluntary cases under Chapter 11 on May 5, 2020."),
    (
        "petition_filed",
        "On May 5, 2020, Acme Corp. and certain of its subsidiaries (the Debtors) filed voluntary petitions for relief"
        " under chapter 11.",
    ),
    ("petition_filed", "Acme Corp. went bankrupt on May 5, 2020."),
    ("petition_filed", "Acme Corp. filed for Chapter 11 bankruptcy protection on May 5, 2020."),
    (
        "petition_filed",
        "Acme Corp. filed a Chapter 15 petition for recognition of its Canadian proceedings on May 5, 2020.",
    ),
    (
        "petition_filed",
        "Acme Corp. has filed for protection under the Companies' Creditors Arrangement Act on May 5, 2020.",
    ),
    ("petition_filed", "Creditors filed an involuntary Chapter 7 petition against Acme Corp. on May 5, 2020."),
    (
        "petition_filed",
        "Acme Corp. has voluntarily filed a petition for reorganization under Chapter 11 on May 5, 2020.",
    ),
    (
        "petition_filed",
        "Acme Corp. today announced that it has commenced a voluntary, court-supervised process under Chapter 11"
        " on May 5, 2020.",
    ),
    (
        "petition_filed",
        "Acme Corp. today announced that it has initiated a voluntary Chapter 11 process on May 5, 2020.",
    ),
    (
        "petition_filed",
        "Acme Corp. today announced that it will implement its restructuring through a Chapter 11 filing made"
        " on May 5, 2020.",
    ),
    ("motion_filed", "Acme Corp. filed a number of customary first day motions on May 5, 2020."),
    ("motion_filed", "Acme Corp. has filed a series of first day motions with the Court on May 5, 2020."),
    (
        "motion_filed",
        "Acme Corp. filed customary motions seeking authority to continue paying employees on May 5, 2020.",
    ),
    ("motion_filed", "Acme Corp. is seeking approval of a $50 million DIP facility, it said on May 5, 2020."),
    ("order_entered", "The Court granted interim approval of the first day motions on May 6, 2020."),
    ("order_entered", "Acme Corp. received interim approval of its first day motions on May 6, 2020."),
    ("order_entered", "The Bankruptcy Court entered an order on May 6, 2020 approving the bidding procedures."),
    ("order_entered", "On May 6, 2020, the Court issued an order approving the DIP financing."),
    ("order_entered", "Acme Corp. obtained Court approval on May 6, 2020 of its first day motions."),
    ("order_entered", "The Court approved all of Acme's first day motions on May 6, 2020."),
    ("order_entered", "Acme was granted approval on May 6, 2020 to pay employee wages."),
    ("order_entered", "Acme received Bankruptcy Court authorization on May 6, 2020 to pay wages."),
    (
        "financing",
        "Acme has received a commitment for $50 million in debtor-in-possession financing from its lenders"
        " on May 5, 2020.",
    ),
    ("financing", "Acme has secured $50 million in DIP financing on May 5, 2020."),
    ("financing", "Acme obtained a $50 million DIP loan on May 5, 2020."),
    ("financing", "Acme has arranged $50 million of new money financing on May 5, 2020."),
    ("plan_filed", "Acme filed its proposed Plan of Reorganization and Disclosure Statement on May 5, 2020."),
    ("plan_filed", "Acme filed a Chapter 11 plan on May 5, 2020."),
    ("plan_filed", "Acme submitted its plan of reorganization to the court on May 5, 2020."),
    ("plan_confirmed", "The Court confirmed Acme's Plan of Reorganization on May 5, 2020."),
    ("plan_confirmed", "Acme's plan of reorganization was confirmed on May 5, 2020."),
    ("plan_confirmed", "Acme received court approval of its plan of reorganization on May 5, 2020."),
    ("plan_confirmed", "Acme announced that the Bankruptcy Court entered an order confirming its plan on May 5, 2020."),
    ("plan_confirmed", "The Bankruptcy Court approved Acme's reorganization plan on May 5, 2020."),
    (
        "emergence",
        "Acme successfully completed its financial restructuring and emerged from Chapter 11 on May 5, 2020.",
    ),
    ("emergence", "Acme's Plan became effective on May 5, 2020."),
    ("emergence", "Acme exited bankruptcy on May 5, 2020."),
    ("emergence", "Acme has completed its restructuring and exited Chapter 11 on May 5, 2020."),
    ("emergence", "Acme's plan of reorganization went effective on May 5, 2020."),
    ("asset_sale", "Acme entered into an asset purchase agreement with Buyer Inc. on May 5, 2020."),
    ("asset_sale", "Acme has agreed to sell substantially all of its assets to Buyer Inc. on May 5, 2020."),
    ("asset_sale", "Acme completed the sale of substantially all of its assets to Buyer Inc. on May 5, 2020."),
    ("asset_sale", "Acme entered into a stalking horse agreement with Buyer Inc. on May 5, 2020."),
    ("asset_sale", "Buyer Inc. was named the winning bidder for Acme's assets on May 5, 2020."),
    ("hearing", "A hearing on the motion will be held on May 5, 2020."),
    ("hearing", "The Court scheduled a hearing for May 5, 2020 to consider the DIP financing."),
    ("hearing", "The confirmation hearing is scheduled for May 5, 2020."),
    ("hearing", "The first day hearing is expected to take place on May 5, 2020."),
    ("conversion", "The Court converted Acme's Chapter 11 case to Chapter 7 on May 5, 2020."),
    ("conversion", "Acme's case was converted to a Chapter 7 liquidation on May 5, 2020."),
    ("dismissal", "The bankruptcy court dismissed Acme's Chapter 11 case on May 5, 2020."),
    ("delisting", "Nasdaq notified Acme on May 5, 2020 that its shares will be delisted."),
    ("delisting", "Acme received a delisting notice from the NYSE on May 5, 2020."),
    ("delisting", "Trading in Acme's shares was suspended on May 5, 2020."),
    ("adversary_proceeding", "Acme filed an adversary proceeding against Bank Inc. on May 5, 2020."),
    ("adversary_proceeding", "Acme sued Bank Inc. in the bankruptcy court on May 5, 2020."),
    ("adversary_proceeding", "Acme filed a complaint against Bank Inc. in the Bankruptcy Court on May 5, 2020."),
    ("judgment", "A jury awarded Acme $5 million in damages on May 5, 2020."),
    ("award", "An arbitration panel awarded Acme $5 million on May 5, 2020."),
]


@pytest.mark.parametrize(
    ("kind", "sentence"), STEP_WORDINGS, ids=[f"{k}-{n}" for n, (k, _) in enumerate(STEP_WORDINGS)]
)
def test_a_step_is_read_however_it_is_worded(kind, sentence):
    lead = "Acme Corp. news today." if kind == "petition_filed" else "Acme Corp. filed for Chapter 11 on April 1, 2020."
    got = extract_release(f"NEW YORK, May 7, 2020 -- {lead}\n\n{sentence}\n".encode(), "release.txt")
    assert any(e.kind == kind and e.date.edtf.startswith("2020-05") for e in got.events), [
        (e.kind, e.date and e.date.edtf) for e in got.events
    ]


class _CountingDates(list):
    """The release's date mentions, counting what is read or copied out of them."""

    read = 0

    def __getitem__(self, index):
        got = super().__getitem__(index)
        _CountingDates.read += len(got) if isinstance(index, slice) else 1
        return got


def test_a_long_release_is_read_in_time_proportional_to_its_length(monkeypatch):
    """Each sentence looked at a copy of every date after it, for its dateline: 1 MB of dated sentences took 6 s
    and 5 MB 87 s. Each date is now read a bounded number of times (the bench's parse section times it)."""
    from timeline.ingest import extract

    real_find_dates = extract.find_dates
    monkeypatch.setattr(extract, "find_dates", lambda text, anchor: _CountingDates(real_find_dates(text, anchor)))
    _CountingDates.read = 0
    sentences = 4000

    text = "Acme Widgets Corp. Files for Chapter 11\n\n" + "On March 3, 2019, the Company filed a motion. " * sentences

    got = _read(text)

    assert [e.kind for e in got.events][:1] == ["motion_filed"]
    assert _CountingDates.read < 40 * sentences  # one date a sentence: was 8 million (every later date each time)


NOT_A_PETITION = [
    "Acme Corp. will file for bankruptcy if the talks fail.",
    "Acme Corp. entered into an agreement with its lenders on May 5, 2020.",
    "Acme Corp. said it has no plans to seek bankruptcy protection.",
    "Acme Corp. went into the meeting with its lenders on May 5, 2020.",
    "Acme Corp. filed Monday for an extension of its loan.",
]


@pytest.mark.parametrize("sentence", NOT_A_PETITION)
def test_wordings_near_a_filing_are_no_petition(sentence):
    got = extract_release(f"NEW YORK, May 7, 2020 -- {sentence}\n".encode(), "release.txt")
    assert not any(e.kind == "petition_filed" for e in got.events)
