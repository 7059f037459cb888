"""Partial dates as a careful reader resolves them against the release date."""

import datetime as dt

import pytest

from timeline.ingest.dates import find_dates, find_release_date, parse_date

NOV_17_2003 = dt.date(2003, 11, 17)
APR_13_1987 = dt.date(1987, 4, 13)


@pytest.mark.parametrize(
    ("phrase", "anchor", "value", "precision", "qualifier"),
    [
        ("late Friday afternoon, November 14th", NOV_17_2003, "2003-11-14", "day", None),
        ("on Nov. 14 in the US Bankruptcy Court", NOV_17_2003, "2003-11-14", "day", None),
        ("arbitration award in late July", NOV_17_2003, "2003-07", "month", "late"),
        ("earlier this month", NOV_17_2003, "2003-11", "month", None),
        ("on or about April 6", dt.date(2001, 4, 9), "2001-04-06", "day", "about"),
        ("on or before May 1, 2001", dt.date(2001, 4, 9), "2001-05-01", "day", "on_or_before"),
        ("before it can appeal a 1985 judgment", APR_13_1987, "1985", "year", None),
        ("in 1985", APR_13_1987, "1985", "year", None),
        ("Galaxy filed Chapter 11 bankruptcy on April Six.", dt.date(1987, 4, 9), "1987-04-06", "day", None),
        ("suspended at the close on May One", dt.date(1987, 4, 9), "1987-05-01", "day", None),
        ("Last Monday, the Supreme Court overturned", APR_13_1987, "1987-04-06", "day", None),
        ("in court papers on Friday", APR_13_1987, "1987-04-10", "day", None),
        ("A hearing is scheduled Thursday in bankruptcy court", APR_13_1987, "1987-04-16", "day", None),
        ("the judge will consider the sale Friday", APR_13_1987, "1987-04-17", "day", None),
        ("the company said Thursday", APR_13_1987, "1987-04-09", "day", None),
        ("today filed for reorganization", dt.date(2001, 4, 6), "2001-04-06", "day", None),
        ("yesterday", NOV_17_2003, "2003-11-16", "day", None),
        ("In November 2000, we filed", dt.date(2001, 4, 6), "2000-11", "month", None),
        ("delisted effective November 4th, 2008", dt.date(2008, 11, 7), "2008-11-04", "day", None),
        ("mid-July", NOV_17_2003, "2003-07", "month", "mid"),
        ("a hearing in December", dt.date(2004, 1, 10), "2003-12", "month", None),
        ("by Wednesday, April 11", dt.date(2001, 4, 9), "2001-04-11", "day", "on_or_before"),
        ("set for hearing on May 5, 2016 at 10:00 a.m. CST", dt.date(2016, 4, 12), "2016-05-05", "day", None),
        ("04/06/01, 4:00p", None, "2001-04-06", "day", None),
        # day first, as releases from outside the US write it
        ("was filed ... on 10th March, and", dt.date(2014, 3, 14), "2014-03-10", "day", None),
        ("scheduled for confirmation on 1st April", dt.date(2014, 3, 14), "2014-04-01", "day", None),
        ("on the 3rd of March, 2014", None, "2014-03-03", "day", None),
        ("Monday, 10 March", dt.date(2014, 3, 14), "2014-03-10", "day", None),
        ("filed under Chapter 11 May 2003", None, "2003-05", "month", None),
        ("filed for Chapter 11 May 5, 2003", None, "2003-05-05", "day", None),
    ],
)
def test_phrase_resolves_to_partial_date(phrase, anchor, value, precision, qualifier):
    got = parse_date(phrase, anchor)
    assert got is not None
    assert (got.edtf, got.precision, got.qualifier) == (value, precision, qualifier)


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        # Nov 14, 2003 was a Friday: a weekday that disagrees with this year moves to the year it fits
        ("Thursday, November 14", "2002-11-14", "day"),
        # with the year written the weekday cannot move it: keep only the month
        ("Thursday, November 14, 2003", "2003-11", "month"),
    ],
)
def test_weekday_must_agree_with_the_date(phrase, value, precision):
    got = parse_date(phrase, NOV_17_2003)
    assert (got.edtf, got.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Phone - 508-248-3900 or by FAX - 508-248-5588",
        "under Section 363 of the Bankruptcy Code",
        "Sharon's 13-1/2 pct subordinated debentures due 2000 at 1200 EDT",
        "a 60 day suspension",
        "Exhibit 99.1",
        "we may 5 times",
        "it has 5 may",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert [d for d in find_dates(text, NOV_17_2003) if not d.relative] == []


@pytest.mark.parametrize(
    ("text", "header", "value"),
    [
        ("CHARLTON, MA - NOVEMBER 17, 2003 -- FiberCore, Inc. today announced", None, "2003-11-17"),
        ("SAN FRANCISCO--(BUSINESS WIRE)--April 6, 2001--Pacific Gas and Electric", None, "2001-04-06"),
        ("Published 10:27 AM EST Jun 5, 2023\n\nAcme Corp. filed for Chapter 11 today.", None, "2023-06-05"),
        ("FOR IMMEDIATE RELEASE\tSeptember 20, 2001\nCONTACT: News Department", None, "2001-09-20"),
        ("13-APR-1987 01:35:42.35\nTEXACO SEES BUSINESS\nHOUSTON, April 13 - Texaco Inc <TX> said", None, "1987-04-13"),
        ("CHARLTON, Mass., Nov. 17 -- FiberCore Inc. said\n\nPublished: November 2003", None, "2003-11-17"),
        ("To All Employees:\n\nThis morning we filed.", dt.date(2001, 12, 2), "2001-12-02"),
        ("NAMPA, ID – November 7th, 2008 – MPC Corporation today announced", None, "2008-11-07"),
        (  # a page's event listing above the story, which says which day is today
            "Events\n09/21/2014 - 09/25/2014\nAcme Mills, Inc. announced that its plan of reorganization became"
            " effective today (October 4, 2002).",
            None,
            "2002-10-04",
        ),
    ],
)
def test_release_date_from_the_dateline(text, header, value):
    assert find_release_date(text, header).edtf == value
