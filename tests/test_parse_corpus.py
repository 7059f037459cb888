"""Real releases from the development corpus (fixtures/corpus/releases), as found: navigation, cover
pages, wire copy and all. One row per fact a reader takes from them, grouped by the ways real input
broke the parser; every release here is of the dev part (fixtures/corpus/HOLDOUT lists the held-out
ones, which no test reads).
"""

from __future__ import annotations

from functools import cache

import pytest

from timeline.ingest.extract import extract_release

from .conftest import FIXTURES, RELEASES


@cache
def _read(prefix: str):
    (path,) = RELEASES.glob(f"{prefix}_*.txt")
    return extract_release(path.read_bytes(), path.name)


def _event(ex, kind: str) -> tuple[str | None, str | None]:
    """(date as EDTF, qualifier) of the first event of ``kind``; ('missing', None) when there is none."""
    event = next((e for e in ex.events if e.kind == kind), None)
    if event is None:
        return ("missing", None)
    return (event.date.edtf, event.date.qualifier) if event.date else (None, None)


def test_no_test_reads_a_held_out_release():
    held = {line.strip() for line in (FIXTURES / "corpus" / "HOLDOUT").read_text().splitlines() if line[:1].isdigit()}
    groups = (ADVERBS, CHROME, ITEM_103, LATER_STEPS, RELATIVE, FURNITURE)
    prefixes = {p for group in groups for p, *_ in group} | set(NEGATIVES)
    assert len(held) == 84
    assert not {name for name in held if name.split("_")[0] in prefixes}


# the debtor was once a sentence adverb ('However'), a cover page's label ('Date of Report'), a dateline's
# city ('Fort Worth', 'Union') or a person ('Judge ... Peck'): the name is chosen by agreement now
ADVERBS = [
    ("112", "e.Digital Corp.", "EDIG"),  # 'However, volume of 33.46 million shares ...' opened a sentence
    ("100", "Boston Chicken, Inc.", None),  # 8-K cover: 'Date of Report (Date of earliest event reported)'
    ("209", "Furr’s Restaurant Group, Inc.", None),  # 8-K cover, its lines split by pipes
    ("210", "MBC Holding Company", None),
    ("103", "Hollywood Casino Shreveport", None),  # 'Fort Worth, Texas and Shreveport, Louisiana (September ...) —'
    ("114", "Bed Bath & Beyond Inc.", None),  # 'Union, N.J. — Bed Bath & Beyond Inc., along with ...'
    ("304", "Lehman", None),  # 'Judge James Peck ... Peck said': a person is never the debtor
    ("310", "Detroit", None),  # 'DETROIT Nov 7 A U.S. judge on Friday confirmed Detroit's plan'
    ("701", "China Evergrande", "3333.HK"),  # '(Reuters) - China Evergrande (3333.HK), which is ...'
]


@pytest.mark.parametrize(("prefix", "name", "ticker"), ADVERBS, ids=[p for p, *_ in ADVERBS])
def test_the_debtor_is_a_name_never_a_word_or_a_label(prefix, name, ticker):
    company = _read(prefix).company
    assert (company.name, company.ticker) == (name, ticker)


def test_a_debtor_named_in_one_place_only_is_marked_unsure():
    company = _read("304").company  # named only as 'Lehman's bankruptcy attorney'
    assert company.confidence["name"].score < 0.7
    assert "case told as its own" in company.confidence["name"].reason
    sure = _read("100").company  # registrant line, defined term and petition sentence agree
    assert sure.confidence["name"].score >= 0.85


# the first lines were a site's navigation, a filing header or an 8-K cover: the lead sentence was missed
CHROME = [
    ("106", "Circuit City Stores, Inc.", "CC", "2008-11-10"),  # 'Tags:', 'Quick Link:', bullets, a COMTEX credit
    ("211", "Metrotrans Corporation", None, "1999-12-21"),  # an EDGAR submission header on one line
    ("17", "NutraCea", "NTRZ.PK", "2009-11-10"),  # pipes and '(OTC Bulletin Board:\nNTRZ.PK - News)'
    ("201", "PubliCARD, Inc.", None, "2007-05-17"),  # every word on a line of its own
    ("216", "E-Smart Technologies, Inc.", None, "2008-10-30"),  # cover lines running into Item 8.01
    # 'the Company and its subsidiary, Liquid Prime Holdings, LLC (collectively, the "Debtors")': the list's term
    ("917", "Liquid Holdings Group, Inc.", None, "2016-01-27"),
]


@pytest.mark.parametrize(("prefix", "name", "ticker", "petition"), CHROME, ids=[p for p, *_ in CHROME])
def test_the_lead_is_found_under_chrome_and_cover_pages(prefix, name, ticker, petition):
    ex = _read(prefix)
    assert (ex.company.name, ex.company.ticker) == (name, ticker)
    assert ex.is_bankruptcy and ex.case.petition_date.edtf == petition


def test_an_8k_cover_is_not_one_sentence_and_its_report_date_dates_the_release():
    ex = _read("216")
    petition = next(e for e in ex.events if e.kind == "petition_filed")
    assert petition.evidence.quote.startswith("On October 30, 2008, certain individuals")
    assert ex.case.voluntary is False and ex.case.chapter == 7
    assert ex.source.release_date.edtf == "2008-11-26"  # 'Date of Report: November 26, 2008'


# 'On July 6, 2017, ... the Company ... filed a voluntary petition for relief under ... Chapter 7': Item 1.03
ITEM_103 = [
    ("112", 7, "deb", "2017-07-06"),  # 'after considering all strategic alternatives' is no background filing
    ("100", 11, "arb", "1998-10-05"),  # its first line read as a headline once
    ("214", 11, "innb", "2002-10-18"),
    ("206", 11, "nebraskab", "2005-01-07"),  # 'As previously disclosed, on January 7 2005, ...'
    ("917", 11, "deb", "2016-01-27"),  # 'previously reported that, on January 27, 2016, the Company ... filed'
]


@pytest.mark.parametrize(("prefix", "chapter", "court", "petition"), ITEM_103, ids=[p for p, *_ in ITEM_103])
def test_an_item_103_petition_is_a_petition(prefix, chapter, court, petition):
    ex = _read(prefix)
    assert _event(ex, "petition_filed")[0] == petition
    assert (ex.case.chapter, ex.case.court.id, ex.case.petition_date.edtf) == (chapter, court, petition)


def test_a_step_inside_an_if_clause_is_no_event():
    ex = _read("206")  # 'If the conversion to Chapter 7 is approved by the Bankruptcy Court, ...'
    assert [e.kind for e in ex.events] == ["petition_filed"]


# plans filed, confirmed and effective told in the passive or as background
LATER_STEPS = [
    ("305", "plan_confirmed", ("2009-07", None)),  # 'The publisher's Chapter 11 plan, which was approved last month'
    ("305", "emergence", ("2009-08-12", "on_or_before")),
    (
        "204",
        "plan_confirmed",
        ("2003-03-19", "on_or_before"),
    ),  # 'has confirmed the company's Chapter 11 Liquidating Plan'
    ("204", "emergence", ("2003-03-31", None)),  # 'The Effective Date of the Plan is 5 p.m. ... on March 31, 2003.'
    ("205", "order_entered", ("2009-09-01", None)),  # 'the order ... entered on September 1, 2009, confirming ...'
    (
        "316",
        "plan_confirmed",
        ("2024-05-31", "on_or_before"),
    ),  # 'Judge John Sherwood approved WeWork's restructuring plan'
    ("312", "delisting", ("2019-11-12", "on_or_before")),  # the NYSE 'announced today that ... delist'
    ("312", "petition_filed", ("2019-11-12", None)),  # 'after its November 12, 2019 announcement that it filed'
    ("923", "petition_filed", ("2009-04-13", None)),  # 'investors took Bernard Madoff to bankruptcy court on Monday'
    ("308", "dismissal", ("2011-11-23", None)),  # 'erred by not filing the appeal soon after she threw out'
    ("928", "emergence", ("2002-10-04", None)),  # 'became effective today (October 4, 2002)' under a 2014 page
    ("303", "petition_filed", ("2002", None)),  # 'that has been restructuring under court protection since 2002'
]


@pytest.mark.parametrize(("prefix", "kind", "date"), LATER_STEPS, ids=[f"{p}-{k}" for p, k, _ in LATER_STEPS])
def test_later_steps_told_in_the_passive_or_as_background(prefix, kind, date):
    assert _event(_read(prefix), kind) == date


# a date written relative to the release (or to the step before) belongs to its own step
RELATIVE = [
    ("305", "petition_filed", ("2009-02", None)),  # 'which filed for Chapter 11 protection in February, said ...'
    ("100", "order_entered", ("1998-10-05", None)),  # 'Later that same day, the Bankruptcy Court approved ...'
    ("304", "hearing", ("2008-09-19", None)),  # 'after an eight-hour hearing that started Friday afternoon'
    ("304", "asset_sale", ("2008-09-20", None)),  # 'A federal judge early Saturday morning approved the sale'
    ("303", "plan_filed", ("2005-09-07", None)),  # 'said Wednesday in filing its ... plan', the file named 2005-09-08
    # 'has filed a petition', then 'The defunct bitcoin exchange said that a petition ... was filed ... on 10th March'
    ("110", "petition_filed", ("2014-03-10", None)),
    # 'approval ... of its first day motions, which were submitted as part of its voluntary filing' (filed May 5)
    ("105", "motion_filed", ("2008-05-05", None)),
    # a page with no dateline, its file named 2011-04-07: 'confirmed last night that it had selected ... $320.6m bid'
    ("307", "asset_sale", ("2011-04-06", None)),
    (
        "307",
        "hearing",
        ("2011-04-07", None),
    ),  # 'A hearing before the bankruptcy court ... is scheduled for later today'
    # '... has filed for Chapter 11 bankruptcy.' and then 'The company made the announcement Monday'
    ("113", "petition_filed", ("2020-09-07", "on_or_before")),
    ("314", "order_entered", ("2020-06-14", "on_or_before")),  # 'approved a Nov. 16 deadline': not the order's date
    # 'A federal bankruptcy judge approved the sale ...' and then 'Judge ... said in his ruling late Sunday'
    ("900", "asset_sale", ("2009-05-31", "on_or_before")),
    ("907", "hearing", ("1991-01-10", None)),  # 'A hearing is scheduled Thursday': the coming Thursday
    (
        "700",
        "petition_filed",
        ("2008-07-07", None),
    ),  # 'Vick had debts ..., according to a Chapter 11 petition filed on Monday'
]


@pytest.mark.parametrize(("prefix", "kind", "date"), RELATIVE, ids=[f"{p}-{k}" for p, k, _ in RELATIVE])
def test_a_relative_date_belongs_to_its_own_step(prefix, kind, date):
    got = _event(_read(prefix), kind)
    if date[0] == "missing-date":  # the release gives the step no date of its own (nor a release date)
        assert got == (None, None)
    else:
        assert got == date


def test_a_release_dated_only_by_its_page_takes_that_year():
    assert _read("305").source.release_date.edtf == "2009-08-12"  # 'Thursday, August 13, 2009' over 'Aug 12 (Reuters)'
    assert _read("311").source.release_date.edtf == "2018-05-31"  # 'Published on 5/31/2018', not '© 2015'
    assert _read("303").source.release_date.edtf == "2005-09-08"  # its file's name, not the masthead's 'Est. 1883'


def test_a_date_in_the_file_name_dates_a_release_whose_text_gives_none():
    (path,) = RELEASES.glob("303_*.txt")
    unnamed = extract_release(path.read_bytes(), "united.txt")
    assert unnamed.source.release_date is None  # a masthead's 'Est. May 19, 1883' dates no story
    assert _event(unnamed, "plan_filed") == (None, None)  # 'said Wednesday': no week to find it in
    named = _read("303")
    assert named.source.release_date.text == "2005-09-08 (file name)"
    # the text's own dateline wins over the file's name
    (dated,) = RELEASES.glob("305_*.txt")
    assert extract_release(dated.read_bytes(), "reuters_2001-01-01.txt").source.release_date.edtf == "2009-08-12"


def test_a_petition_told_only_as_background_is_dated_when_its_date_is_given():
    # an 8-K's pro forma statements 'as a result of voluntary filings by EME ... on December 17, 2012'
    ex = _read("707")
    assert _event(ex, "petition_filed") == ("2012-12-17", None)
    assert "background" in next(e for e in ex.events if e.kind == "petition_filed").confidence.reason
    # 'stock is falling on Tuesday after the company announced a Chapter 11 bankruptcy filing': no date of its own
    assert _event(_read("405"), "petition_filed") == ("missing", None)


# the sixth group (900s), gathered after the rules above: page furniture was taken for the debtor
# ('You are viewing this article', 'Home | About Us |', 'Dear Reader,'), and court papers and unit filings were missed
FURNITURE = [
    ("903", "Borders Group Inc.", False),  # 'You are viewing this article in the archives'; 'Ann Arbor-based Borders'
    ("904", "Borders", True),  # 'You are viewing ...' again: 'Borders' is written as a name mid-sentence
    ("915", "Rite Aid", True),  # 'Philadelphia-based Rite Aid'
    # 'Home | About Us | Contribute |' is no name; 'maker Avanex Corp of Fremont, CA, USA says' is
    ("921", "Avanex Corp", False),
    # 'Dear Reader,' and 'Unlike many other news organizations' open a paywall's letter; the debtor is who investors
    # 'took ... to bankruptcy court on Monday'
    ("923", "Bernard Madoff", True),
    ("906", "Approach Resources Inc.", True),  # 'In re: APPROACH RESOURCES INC., et al., Debtors.'
    ("924", "BYJU's Alpha, Inc.", True),  # 'BYJU's Alpha, Inc., the U.S. unit of ..., made a voluntary ... filing'
    ("913", "NRA", True),  # 'Judge Harlin Hale said the NRA did not file for Chapter 11 protection in good faith'
    ("909", "A. H. Robins", True),  # an initial "A." is no article (the headline: "A. H. Robins’ Bankruptcy Plan OKd")
    ("933", "Braniff International", True),  # OCR: 'The Michigan Daily-Friday, May 14, 1982-Page 5 Braniff files'
    ("700", "Michael Vick", True),  # the headline's full name, which the body writes too, over the lead's 'Vick'
]


@pytest.mark.parametrize(("prefix", "name", "case"), FURNITURE, ids=[p for p, *_ in FURNITURE])
def test_page_furniture_is_never_the_debtor(prefix, name, case):
    ex = _read(prefix)
    assert (ex.company.name if ex.company else None, ex.is_bankruptcy) == (name, case)


def test_a_court_papers_own_cases_date_the_petition():
    ex = _read("906")  # 'commenced, on November 18, 2019 (the "Petition Date"), these chapter 11 cases ...'
    assert ex.case.petition_date.edtf == "2019-11-18" and ex.case.court.id == "txsb"


# a company commenting on someone else's case, or denying its own
NEGATIVES = {
    "413": "Mattel",  # 'In North America, where Toys R Us filed for bankruptcy, ...'
    "415": "General Motors Corp.",  # 'Delphi Corporation filed a petition for Chapter 11 ...'
    "411": "Reuters",  # considering a bid for assets of a company in Chapter 11
    "410": "Chesapeake Energy",  # 'currently has no plans to pursue bankruptcy'
    "920": "CIENA Corporation",  # a customer's administration; the headline runs into '(BUSINESS WIRE) -- CIENA ...'
}


@pytest.mark.parametrize(("prefix", "name"), NEGATIVES.items())
def test_another_companys_case_is_not_the_release_subjects(prefix, name):
    ex = _read(prefix)
    assert not ex.is_bankruptcy and ex.company.name == name


def test_every_fact_carries_a_confidence_with_a_reason():
    for prefix in ("00", "100", "305", "216"):
        ex = _read(prefix)
        facts = [ex.company.confidence["name"], *ex.case.confidence.values(), *(e.confidence for e in ex.events)]
        assert all(c is not None and 0 < c.score <= 1 and c.reason for c in facts)
        assert set(ex.case.confidence) <= {"chapter", "voluntary", "court", "case_number", "petition_date"}


def test_a_date_taken_from_the_release_is_less_sure_than_one_written():
    ex = _read("00")  # FiberCore: the petition 'late Friday afternoon, November 14th', the motions 'today'
    petition = next(e for e in ex.events if e.kind == "petition_filed")
    adversary = next(e for e in ex.events if e.kind == "adversary_proceeding")  # no date in its sentence
    assert adversary.confidence.score < petition.confidence.score
    assert "release date" in adversary.confidence.reason
