"""The debtor, its ticker as written, and the people quoted or listed as contacts."""

import pytest

from timeline.ingest.extract import extract_release
from timeline.ingest.parties import find_people


def _company(text: str):
    return extract_release(text.encode(), "release.txt").company


@pytest.mark.parametrize(
    ("text", "name", "ticker"),
    [
        (
            "CHARLTON, MA - NOVEMBER 17, 2003 -- FiberCore, Inc. (FBCE.PK), a leading\nmanufacturer, today announced"
            " it has voluntarily filed for protection under Chapter 11.",
            "FiberCore, Inc.",
            "FBCE.PK",
        ),
        (
            "SAN FRANCISCO--(BUSINESS WIRE)--April 6, 2001--Pacific Gas and\nElectric Company, the utility unit of"
            " PG&E Corporation (NYSE: PCG),\ntoday filed for reorganization under Chapter 11.",
            "Pacific Gas and Electric Company",
            None,
        ),
        (
            "FOR IMMEDIATE RELEASE September 20, 2001\n\n(San Francisco, CA)- PG&E Corporation (NYSE: PCG) and its"
            " utility unit Pacific Gas and Electric Company jointly filed a Plan of Reorganization today.",
            "Pacific Gas and Electric Company",
            None,
        ),
        (
            "13-APR-1987 01:35:42.35\nTEXACO SEES BUSINESS LITTLE HIT\n    HOUSTON, April 13 - Texaco Inc <TX> said"
            " it filed for Chapter 11.",
            "Texaco Inc",
            "TX",
        ),
        (
            "29-JUN-1987 10:22:27.00\nALLIS-CHALMERS <AH> LISTING EXAMINED BY NYSE\n    NEW YORK, June 29 - The New"
            " York Stock Exchange said it is reviewing the listing of Allis-Chalmers Corp in view of its announcement"
            " that it has filed a voluntary petition under Chapter 11.",
            "Allis-Chalmers Corp",
            "AH",
        ),
        (
            "PHOENIX, AZ, November 10, 2009\n– NutraCea (OTC Bulletin Board:\nNTRZ.PK - News),\na world leader,"
            " announced today that the Company has filed a voluntary petition under Chapter 11.",
            "NutraCea",
            "NTRZ.PK",
        ),
        (
            "Houston, TX – April 12, 2016 – Saratoga Resources, Inc. (OTC Pink Market: SARAQ; the “Company”) today"
            " announced that it has filed a motion under Section 363 of the Bankruptcy Code.",
            "Saratoga Resources, Inc.",
            "SARAQ",
        ),
        (
            "SAN DIEGO--(BUSINESS WIRE)--April 6, 2001--Sempra Energy and San Diego Gas &\nElectric (SDG&E)"
            " officials took the opportunity.\n\nSempra Energy (NYSE: SRE), based in San Diego, is a holding company.",
            "Sempra Energy",
            "SRE",
        ),
        (  # the debtor as the object of its creditors' petition
            "NEW YORK, May 7, 2020 -- A small group of investors took Acme Widgets Corp. to bankruptcy court on"
            " Monday, saying it owes them $5 million.",
            "Acme Widgets Corp.",
            None,
        ),
        (
            "NEW YORK, May 7, 2020 -- Three suppliers forced Acme Widgets Corp. into involuntary bankruptcy on Monday.",
            "Acme Widgets Corp.",
            None,
        ),
        (  # the filer named where its filing is judged, the lead's subject a judge
            "DALLAS, May 11, 2021 -- A federal judge ruled on Tuesday that the group cannot use bankruptcy. U.S."
            " Bankruptcy Judge Jane Roe said the AWA did not file for Chapter 11 protection in good faith.",
            "AWA",
            None,
        ),
        (  # where it is told between the name and its verb
            "Home | About Us | Subscribe |\nOptical component and module maker Acme Widgets Corp of Fremont, CA, USA"
            " says that its lenders have agreed to waive a covenant.",
            "Acme Widgets Corp",
            None,
        ),
    ],
)
def test_debtor_and_ticker(text, name, ticker):
    company = _company(text)
    assert (company.name, company.ticker) == (name, ticker)


# the ways a release writes its listing beside the name (each written on releases of the corpus)
LISTINGS = [
    ("(NASDAQ Global Select Market: ACMW)", "ACMW"),
    ("(NYSE American: AWX)", "AWX"),
    ("(TSX: AWX; NYSE: AWX)", "AWX"),
    ("(OTC Pink: ACMWQ)", "ACMWQ"),
    ("(ticker: ACMW)", "ACMW"),
    ("(3333.HK)", "3333.HK"),  # a wire's instrument code
    ("(ACMW.O)", "ACMW.O"),
    (", whose shares trade on Nasdaq under the symbol ACMW,", "ACMW"),
]


@pytest.mark.parametrize(("written", "ticker"), LISTINGS, ids=[t for _, t in LISTINGS])
def test_the_ticker_is_read_however_the_listing_is_written(written, ticker):
    company = _company(
        f"NEW YORK, May 5, 2024 /PRNewswire/ -- Acme Widgets, Inc. {written} today announced that it filed"
        " voluntary petitions under Chapter 11."
    )
    assert (company.name, company.ticker) == ("Acme Widgets, Inc.", ticker)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            'Mohd  Aslami,  chairman  and  chief  executive  officer  of  the  Company  said,\n"Unfortunately."'
            "\n\nCONTACTS:\nAT THE COMPANY:\nDr. Mohd A. Aslami, President/CEO\nJohn D. Ronnquist, Interim CFO\n",
            [
                ("Mohd A. Aslami", "chairman and chief executive officer of the Company"),
                ("John D. Ronnquist", "Interim CFO"),
            ],
        ),
        (
            '"Attempts failed," James Kinnear, Texaco\'s president and chief executive officer, told reporters.',
            [("James Kinnear", "Texaco's president and chief executive officer")],
        ),
        (
            "said Robert D. Glynn, Jr., Chairman of Pacific Gas and Electric Company. ",
            [("Robert D. Glynn, Jr.", "Chairman of Pacific Gas and Electric Company")],
        ),
        ("MPC CEO John Yeros said, “Unforeseen issues.”", [("John Yeros", "MPC CEO")]),
    ],
)
def test_people_and_titles(text, people):
    assert [(p.name, p.title) for p in find_people(text)] == people
