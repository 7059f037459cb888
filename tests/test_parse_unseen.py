"""Releases the parser was not tuned on, in the styles the wires and filers really use.

Each release is written here in full, and the table below lists the facts a careful reader takes from
it; every fact is its own test, so a failure names the release and the fact. Dates are written as
``EDTF`` or ``EDTF qualifier``; ``events`` is the whole list a reader would record, in order.
"""

from __future__ import annotations

import pytest

from timeline.ingest.extract import extract_release

ACME = """Acme Widgets Files Voluntary Chapter 11 Petitions to Facilitate Sale Process

WILMINGTON, Del., March 3, 2019 (GLOBE NEWSWIRE) -- Acme Widgets Holdings, Inc. (NASDAQ: ACMW) ("Acme" or the \
"Company") today announced that it and certain of its subsidiaries filed voluntary petitions for relief under \
Chapter 11 \
of the United States Bankruptcy Code in the United States Bankruptcy Court for the District of Delaware (the "Court"). \
The cases are being jointly administered under Case No. 19-10456 (KG).

The Company has received a commitment for $75 million in debtor-in-possession ("DIP") financing from its existing \
lenders, led by Harbor Credit Partners LLC, which, subject to Court approval, will provide the Company with sufficient \
liquidity to operate during the sale process.

Acme has filed a series of customary "first day" motions with the Court seeking authorization to continue paying \
employee wages and benefits and to honor customer programs. A hearing on the first day motions is scheduled for \
March 5, 2019.

The Company also filed a motion seeking approval of bidding procedures for the sale of substantially all of its assets \
under Section 363 of the Bankruptcy Code, with Orion Industrial Group serving as the stalking horse bidder at a \
purchase price of approximately $120 million.

"This was a difficult decision, but a necessary one," said Jane P. Doe, Chief Executive Officer of Acme.

Contacts:
Media: Robert Smith, Vice President, Communications, (302) 555-0142
"""

BETA = """BETA ENERGY EMERGES FROM CHAPTER 11

HOUSTON, TX - June 30, 2021 - Beta Energy Corp. (OTC: BETEQ) today announced that it has emerged from Chapter 11 after \
the U.S. Bankruptcy Court for the Southern District of Texas confirmed its plan of reorganization on June 28. The \
company had filed for Chapter 11 protection in late January 2021.

As part of the plan, Beta Energy closed a $200 million exit financing facility with a syndicate of banks. The \
company's \
common stock was cancelled and new shares were issued to holders of its senior notes. The new common stock is expected \
to begin trading on the NYSE American in mid-July.
"""

GAMMA = """Gamma Corp Says Creditors Filed Involuntary Petition

CHICAGO, May 4, 2015 /PRNewswire/ -- Gamma Corp (NYSE: GMC) said today that three of its creditors filed an \
involuntary petition under Chapter 7 of the Bankruptcy Code against the company in the U.S. Bankruptcy Court for the \
Northern District of Illinois on May 2. Gamma intends to contest the petition vigorously and will move to dismiss it.

The company also disclosed that on April 15 a jury in Cook County returned a $14.2 million judgment against it in \
favor of Delta Supply Co.
"""

OMEGA = """<html><head><title>Omega Retail Converts Case to Chapter 7</title><script>alert('x')</script>\
<style>body{}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>Omega Retail Converts Case to Chapter 7</h1>
<p>NEW YORK, Sept. 9, 2020 -- Omega Retail Group, Inc. (&quot;Omega&quot;) announced today that the United States \
Bankruptcy Court for the Southern District of New York entered an order yesterday converting its Chapter 11 case to a \
case under Chapter 7. A Chapter 7 trustee will be appointed to liquidate the company's remaining assets.</p>
<p>Omega filed for Chapter 11 on February 10, 2020. Its shares were delisted from the Nasdaq Stock Market on \
February 21, 2020.</p>
<footer>Copyright 2020 Omega Retail Group</footer></body></html>
"""

ZETA = """Zeta Shipping Retains Advisors, Explores Strategic Alternatives

ATHENS, Greece, Oct. 12, 2016 -- Zeta Shipping Ltd. (NASDAQ: ZSHP) today announced that it has retained Evercore as \
financial advisor and Kirkland & Ellis as legal counsel to assist the company in evaluating strategic alternatives, \
which may include a restructuring of its debt, a sale of the company or a filing under Chapter 11 of the U.S. \
Bankruptcy Code. No decision has been made. The company did not make an interest payment of $8.5 million due \
October 1 on its 9% senior notes and has entered a 30-day grace period.
"""

# Chapter 15 for a Canadian debtor, Canada NewsWire dateline
NORTHWIND = """Northwind Mining Seeks Chapter 15 Recognition in the United States

TORONTO, Jan. 14, 2020 /CNW/ - Northwind Mining Ltd. (TSX: NWM) ("Northwind") today announced that its court-appointed \
monitor, acting as foreign representative, filed a petition under Chapter 15 of the U.S. Bankruptcy Code in the U.S. \
Bankruptcy Court for the Southern District of New York on January 13, 2020, seeking recognition of Northwind's \
proceedings under the Companies' Creditors Arrangement Act (Canada) as a foreign main proceeding.

A hearing on the recognition petition is scheduled for February 4, 2020 at 10:00 a.m. (Eastern Time).
"""

# Chapter 9, AP style: byline, no year in the dateline, a weekday for the filing date
RIVERTON = """Riverton becomes latest California city to seek bankruptcy protection

By MARK TALBOT, Associated Press
June 28, 2012

RIVERTON, Calif. (AP) \u2014 The city of Riverton filed for bankruptcy protection under Chapter 9 on Thursday in the \
federal bankruptcy court in Sacramento, after talks with bondholders and unions failed to close a $26 million budget \
gap.

City Manager Alan Pruitt said the filing would let the city keep paying police and firefighters while it restructures \
about $700 million in debt.
"""

# Chapter 7, Reuters style: descriptor before the name, 'Bankruptcy Court in Manhattan', reporting credit
BRIGHTWAY = """Solar panel maker Brightway files for Chapter 7 liquidation

AUGUST 3, 2015 / 4:12 PM

NEW YORK, Aug 3 (Reuters) - Solar panel maker Brightway Energy Inc filed for Chapter 7 liquidation on Monday in the \
U.S. Bankruptcy Court in Manhattan, listing assets of $12 million and liabilities of $48 million, according to court \
papers.

The company, which laid off its remaining 140 workers last week, said a Chapter 7 trustee would be appointed to sell \
its assets.

(Reporting by Tom Hals in Wilmington, Delaware; Editing by Lisa Shumaker)
"""

# an 8-K with the release as EX-99.1: the parent announces its subsidiary's filing
LAKESHORE = """<SEC-DOCUMENT>0001193125-19-104512.txt : 20190415
<SEC-HEADER>0001193125-19-104512.hdr.sgml : 20190415
ACCESSION NUMBER:\t\t0001193125-19-104512
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t2
FILED AS OF DATE:\t\t20190415
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>d104512d8k.txt
<TEXT>
Item 1.03 Bankruptcy or Receivership.

On April 12, 2019, Lakeshore Operating LLC, a wholly owned subsidiary of Lakeshore Holdings Corp. (the \
"Company"), filed \
a voluntary petition for relief under Chapter 11 of the Bankruptcy Code.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>d104512dex991.txt
<DESCRIPTION>PRESS RELEASE
<TEXT>
                                                                    Exhibit 99.1

Lakeshore Holdings Announces Chapter 11 Filing by Operating Subsidiary

DALLAS, April 15, 2019 (BUSINESS WIRE) -- Lakeshore Holdings Corp. (NYSE: LKH) announced that its subsidiary Lakeshore \
Operating LLC filed a voluntary petition for relief under Chapter 11 of the Bankruptcy Code on April 12, 2019 in the \
United States Bankruptcy Court for the Northern District of Texas, Dallas Division (Case No. 3:19-bk-30289). Lakeshore \
Holdings Corp. itself is not a debtor, and its other subsidiaries are not included in the filing.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""

# a saved web page in cp1252 with smart quotes: an interim DIP order
PELICAN = (
    "<!DOCTYPE html><html><head><title>Pelican Foods Receives Interim Court Approval of DIP Financing</title>"
    "<script>var x = 1;</script></head><body>\n"
    '<header><div class="logo">NewsHub</div><ul><li>Home</li><li>Markets</li></ul></header>\n'
    '<div class="share">Share | Print | Email</div>\n<article>\n'
    "<h1>Pelican Foods Receives Interim Court Approval of DIP Financing</h1>\n"
    "<p>ATLANTA, Nov. 20, 2017 /PRNewswire/ -- Pelican Foods, Inc. (OTC Pink: PLCNQ) (\u201cPelican\u201d or the"
    " \u201cCompany\u201d) today announced that the U.S. Bankruptcy Court for the Northern District of"
    " Georgia entered an"
    " interim order on November 17 approving the Company\u2019s access to $25 million of its $60 million"
    " debtor-in-possession (\u201cDIP\u201d) financing facility provided by Magnolia Bank, N.A.</p>\n"
    "<p>A final hearing on the DIP financing is scheduled for December 12, 2017.</p>\n"
    "<p>Pelican filed voluntary petitions under Chapter 11 on November 15, 2017.</p>\n</article>\n"
    '<div class="cookie">We use cookies to improve your experience. Accept all cookies</div>\n'
    "<footer>\xa9 2017 NewsHub</footer></body></html>\n"
).encode("cp1252")

# a supplier commenting on its customer's bankruptcy: no case of its own
VANTAGE = """Vantage Components Comments on Customer's Chapter 11 Filing

TROY, Mich., Feb. 9, 2009 (GLOBE NEWSWIRE) -- Vantage Components Inc. (Nasdaq: VCMP) today commented on the Chapter 11 \
filing by its largest customer, Halvorsen Motors Corp., in the U.S. Bankruptcy Court for the Eastern District of \
Michigan on February 6, 2009. Vantage had approximately $4.1 million in receivables from Halvorsen as of the \
filing date.

Vantage continues to ship parts to Halvorsen under a critical vendor arrangement and expects to be paid for \
post-petition shipments.
"""

# plan confirmed; the effective date is still to come
KESTREL = """Kestrel Airlines Plan of Reorganization Confirmed by Bankruptcy Court

NEW YORK, Oct. 11, 2012 /PRNewswire/ -- Kestrel Airlines, Inc. (OTC: KSTLQ) announced that Judge Sean H. Lane of the \
U.S. Bankruptcy Court for the Southern District of New York confirmed the company's Plan of Reorganization at a \
hearing \
on October 10, 2012. The company expects the plan to become effective, and to emerge from Chapter 11, on or about \
November 1, 2012, once exit financing is in place.

Kestrel filed for Chapter 11 on March 3, 2012 (Case No. 12-10741 (SHL)).
"""

# a dismissal, with the court and case number in citation form
SUNRISE = """Sunrise Hospitality Announces Dismissal of Chapter 11 Case

ORLANDO, Fla., June 5, 2014 -- Sunrise Hospitality LLC announced that the bankruptcy court dismissed its Chapter 11 \
case (Bankr. M.D. Fla. Case No. 6:13-bk-04567-KSJ) on June 3, 2014, after the company reached a settlement with its \
secured lender, Coastal Federal Savings Bank.
"""

# a 363 sale order, the court named by its state, the filing 'earlier this month'
RIDGEBACK = """Ridgeback Outdoor Wins Court Approval for Sale to Summit Ridge Capital

WILMINGTON, Del., July 22, 2016 (GLOBE NEWSWIRE) -- Ridgeback Outdoor Co. ("Ridgeback") said today that the Delaware \
bankruptcy court approved the sale of substantially all of its assets to Summit Ridge Capital LLC for $42.5 million \
under Section 363 of the Bankruptcy Code at a hearing on July 21. The sale is expected to close by mid-August.

Ridgeback filed for Chapter 11 protection earlier this month.
"""

# a delisting notice following a filing 'on or about' a date
HALCYON = """Halcyon Therapeutics Receives Nasdaq Delisting Notice

CAMBRIDGE, Mass., May 8, 2023 (GLOBE NEWSWIRE) -- Halcyon Therapeutics, Inc. (Nasdaq: HLCN) today announced that on \
May 5, 2023 it received a letter from the Listing Qualifications Department of The Nasdaq Stock Market LLC notifying \
the company that, as a result of its Chapter 11 filing and in accordance with Nasdaq Listing Rules 5101, 5110(b) and \
IM-5101-1, Nasdaq has determined that the company's common stock will be delisted. Trading of the company's common \
stock will be suspended at the opening of business on May 17, 2023.

As previously announced, Halcyon filed voluntary petitions under Chapter 11 in the United States Bankruptcy Court for \
the District of Massachusetts on or about May 1, 2023.
"""

# Reuters: 'last week', 'bankruptcy court in Wilmington, Delaware'
PINECREST = """Pinecrest Foods to sell bakery unit after bankruptcy filing

CHICAGO, March 14, 2018 (Reuters) - Pinecrest Foods Inc, which filed for Chapter 11 protection last week in the \
bankruptcy court in Wilmington, Delaware, said on Wednesday it had agreed to sell its bakery unit to Golden Crust \
Holdings for $18 million.
"""

# a weekday in the dateline and in the filing date; a quarter that is only a plan; DIP from a named lender
CORVUS = """Corvus Logistics Files for Chapter 11 Bankruptcy Protection

Houston, Texas -- Tuesday, January 8, 2019 -- Corvus Logistics Corp. (NYSE: CVL) said it filed a voluntary petition \
under Chapter 11 in the U.S. Bankruptcy Court for the Southern District of Texas on Monday, January 7. The company \
said it expects to file a plan of reorganization in the first quarter of 2019.

Corvus has obtained a commitment for $30 million in DIP financing from Bayou Capital LLC.

The filing follows the company's failure to make a $12 million interest payment earlier this month.
"""

# ACCESSWIRE dateline, a ticker without a space, 'on or about', a case number without judge initials
REDFIELD = """Redfield Oil & Gas Files Voluntary Chapter 11 Petition

HOUSTON, TX / ACCESSWIRE / March 2, 2020 / Redfield Oil & Gas, Inc. (OTCQB:RDFG) ("Redfield" or the "Company") \
announced that on or about February 28, 2020, it filed a voluntary petition for reorganization under Chapter 11 of the \
United States Bankruptcy Code in the United States Bankruptcy Court for the Southern District of Texas, Houston \
Division, Case No. 20-30967.
"""

# Business Wire: a parent announcing a filing by a subsidiary named between commas
NORTHGATE = """NEWARK, N.J.--(BUSINESS WIRE)--Sep. 16, 2013-- Northgate Industries, Inc. (NYSE: NGI) announced today \
that its wholly owned subsidiary, Northgate Mills LLC, filed a voluntary petition under Chapter 11 of the \
United States \
Bankruptcy Code in the U.S. Bankruptcy Court for the District of New Jersey on September 13, 2013. Northgate \
Industries and its other subsidiaries are not part of the filing.
"""

# plain text in cp1252 (smart quotes), 'U.S. Bankruptcy Court in Manhattan', an involuntary case
HARBORVIEW = (
    "Creditors Push Harborview Media Into Involuntary Bankruptcy\n\n"
    "NEW YORK, April 2, 2009 -- Three bondholders of Harborview Media Corp. (\u201cHarborview\u201d) filed an"
    " involuntary Chapter 11 petition against the company on March 31 in the U.S. Bankruptcy Court in Manhattan,"
    " Harborview said on Thursday. The company said it \u201cdisagrees with the bondholders\u2019"
    " actions\u201d and will"
    " ask the court to dismiss the petition.\n"
).encode("cp1252")

# a conversion in plain words, and the judge's court in shorthand
TALLGRASS = """Tallgrass Ethanol Case Converted to Chapter 7

SIOUX FALLS, S.D., Dec. 4, 2013 -- Tallgrass Ethanol LLC said the bankruptcy judge converted its Chapter 11 case to \
Chapter 7 on December 3, 2013, after the company was unable to find a buyer for its plant. Tallgrass had filed for \
Chapter 11 in the U.S. Bankruptcy Court for the District of South Dakota on May 20, 2013.
"""

# written after the first round of fixes, as a check on them
MARLOW = """Marlow Brands Completes Sale of Assets to Kingsbridge Foods

NEW YORK, Aug. 14, 2019 (GLOBE NEWSWIRE) -- Marlow Brands, Inc. ("Marlow") today announced that it has completed the \
sale of substantially all of its assets to Kingsbridge Foods LLC for approximately $31 million, following approval by \
the United States Bankruptcy Court for the Southern District of New York on August 6, 2019. The sale closed on \
August 13, 2019.

Marlow filed for Chapter 11 on May 20, 2019 (Case No. 19-11622 (MEW)).
"""

THORNBURY = """Thornbury Hospital Files Chapter 11 Petition

BRIDGEPORT, Conn., Nov. 2, 2022 /PRNewswire/ -- Thornbury Community Hospital, Inc. announced that it filed a voluntary \
petition under Chapter 11 of the Bankruptcy Code on Tuesday, November 1, 2022 in the United States Bankruptcy Court \
for the District of Connecticut. The hospital will remain open and continue to provide patient care.

The Court has scheduled a first day hearing for November 3, 2022.
"""

ASHFORD = """Delisting of Ashford Solar Shares

SAN JOSE, Calif., July 8, 2011 -- Ashford Solar Corp. (NASDAQ: ASFD) announced that on July 7, 2011 it received notice \
from The NASDAQ Stock Market that its common stock will be delisted and that trading will be suspended at the opening \
of business on July 18, 2011, as a result of the Company's Chapter 11 filing on June 30, 2011.
"""

RELEASES = {
    "acme": ACME,
    "beta": BETA,
    "gamma": GAMMA,
    "omega": OMEGA,
    "zeta": ZETA,
    "northwind": NORTHWIND,
    "riverton": RIVERTON,
    "brightway": BRIGHTWAY,
    "lakeshore": LAKESHORE,
    "pelican": PELICAN,
    "vantage": VANTAGE,
    "kestrel": KESTREL,
    "sunrise": SUNRISE,
    "ridgeback": RIDGEBACK,
    "halcyon": HALCYON,
    "pinecrest": PINECREST,
    "corvus": CORVUS,
    "redfield": REDFIELD,
    "northgate": NORTHGATE,
    "harborview": HARBORVIEW,
    "tallgrass": TALLGRASS,
    "marlow": MARLOW,
    "thornbury": THORNBURY,
    "ashford": ASHFORD,
}

FACTS: dict[str, dict] = {
    "acme": {
        "is_bankruptcy": True,
        "company": "Acme Widgets Holdings, Inc.",
        "ticker": "ACMW",
        "chapter": 11,
        "court": "deb",
        "case_number": "19-10456 (KG)",
        "petition_date": "2019-03-03 on_or_before",
        "events": [
            ("petition_filed", "2019-03-03 on_or_before"),
            ("financing", "2019-03-03 on_or_before"),
            ("motion_filed", "2019-03-03 on_or_before"),
            ("hearing", "2019-03-05"),
            ("motion_filed", "2019-03-03 on_or_before"),
        ],
        "party financing": ("Harbor Credit Partners LLC", "lender"),
        "party motion_filed": ("Orion Industrial Group", "buyer"),
    },
    "beta": {
        "is_bankruptcy": True,
        "company": "Beta Energy Corp.",
        "ticker": "BETEQ",
        "chapter": 11,
        "court": "txsb",
        "petition_date": "2021-01 late",
        "events": [
            ("emergence", "2021-06-30 on_or_before"),
            ("plan_confirmed", "2021-06-28"),
            ("petition_filed", "2021-01 late"),
            ("financing", "2021-06-30 on_or_before"),
        ],
    },
    "gamma": {
        "is_bankruptcy": True,
        "company": "Gamma Corp",
        "ticker": "GMC",
        "chapter": 7,
        "voluntary": False,
        "court": "ilnb",
        "petition_date": "2015-05-02",
        "events": [("petition_filed", "2015-05-02"), ("judgment", "2015-04-15")],
        "party judgment": ("Delta Supply Co.", "counterparty"),
    },
    "omega": {
        "is_bankruptcy": True,
        "company": "Omega Retail Group, Inc.",
        "court": "nysb",
        "petition_date": "2020-02-10",
        "events": [("conversion", "2020-09-08"), ("petition_filed", "2020-02-10"), ("delisting", "2020-02-21")],
    },
    "zeta": {"is_bankruptcy": False, "company": "Zeta Shipping Ltd.", "ticker": "ZSHP"},
    "northwind": {
        "is_bankruptcy": True,
        "company": "Northwind Mining Ltd.",
        "ticker": "NWM",
        "chapter": 15,
        "court": "nysb",
        "petition_date": "2020-01-13",
        "events": [("petition_filed", "2020-01-13"), ("hearing", "2020-02-04")],
    },
    "riverton": {
        "is_bankruptcy": True,
        "company": "City of Riverton",
        "chapter": 9,
        "court": "caeb",
        "petition_date": "2012-06-28",
        "events": [("petition_filed", "2012-06-28")],
    },
    "brightway": {
        "is_bankruptcy": True,
        "company": "Brightway Energy Inc",
        "chapter": 7,
        "court": "nysb",
        "petition_date": "2015-08-03",
        "events": [("petition_filed", "2015-08-03")],
    },
    "lakeshore": {
        "is_bankruptcy": True,
        "company": "Lakeshore Operating LLC",
        "chapter": 11,
        "court": "txnb",
        "case_number": "3:19-bk-30289",
        "petition_date": "2019-04-12",
        "events": [("petition_filed", "2019-04-12")],
    },
    "pelican": {
        "is_bankruptcy": True,
        "company": "Pelican Foods, Inc.",
        "ticker": "PLCNQ",
        "chapter": 11,
        "court": "ganb",
        "petition_date": "2017-11-15",
        "events": [("order_entered", "2017-11-17"), ("hearing", "2017-12-12"), ("petition_filed", "2017-11-15")],
        "subtype order_entered": "dip_financing",
        "party order_entered": ("Magnolia Bank, N.A.", "lender"),
    },
    "vantage": {"is_bankruptcy": False, "company": "Vantage Components Inc.", "ticker": "VCMP"},
    "kestrel": {
        "is_bankruptcy": True,
        "company": "Kestrel Airlines, Inc.",
        "ticker": "KSTLQ",
        "chapter": 11,
        "court": "nysb",
        "case_number": "12-10741 (SHL)",
        "petition_date": "2012-03-03",
        # the hearing the plan was confirmed at is where it was decided, no step of its own (../shared/corpus 23)
        "events": [("plan_confirmed", "2012-10-10"), ("petition_filed", "2012-03-03")],
    },
    "sunrise": {
        "is_bankruptcy": True,
        "company": "Sunrise Hospitality LLC",
        "chapter": 11,
        "court": "flmb",
        "case_number": "6:13-bk-04567-KSJ",
        "events": [("dismissal", "2014-06-03")],
    },
    "ridgeback": {
        "is_bankruptcy": True,
        "company": "Ridgeback Outdoor Co.",
        "chapter": 11,
        "court": "deb",
        "petition_date": "2016-07",
        # a sale the court approved is the sale (as fixtures/corpus reads 'the judge approved the sale'), dated by
        # the hearing it was approved at
        "events": [("asset_sale", "2016-07-21"), ("petition_filed", "2016-07")],
        "amount asset_sale": 42_500_000,
        "party asset_sale": ("Summit Ridge Capital LLC", "buyer"),
    },
    "halcyon": {
        "is_bankruptcy": True,
        "company": "Halcyon Therapeutics, Inc.",
        "ticker": "HLCN",
        "chapter": 11,
        "court": "mab",
        "petition_date": "2023-05-01 about",
        "party delisting": ("The Nasdaq Stock Market LLC", "counterparty"),
    },
    "pinecrest": {
        "is_bankruptcy": True,
        "company": "Pinecrest Foods Inc",
        "chapter": 11,
        "court": "deb",
        "petition_date": "2018-03",
        "events": [("petition_filed", "2018-03"), ("asset_sale", "2018-03-14 on_or_before")],  # a sale agreed is a step
    },
    "corvus": {
        "is_bankruptcy": True,
        "company": "Corvus Logistics Corp.",
        "ticker": "CVL",
        "chapter": 11,
        "court": "txsb",
        "petition_date": "2019-01-07",
        "events": [("petition_filed", "2019-01-07"), ("financing", "2019-01-08 on_or_before")],
        "party financing": ("Bayou Capital LLC", "lender"),
    },
    "redfield": {
        "is_bankruptcy": True,
        "company": "Redfield Oil & Gas, Inc.",
        "ticker": "RDFG",
        "chapter": 11,
        "court": "txsb",
        "case_number": "20-30967",
        "petition_date": "2020-02-28 about",
        "events": [("petition_filed", "2020-02-28 about")],
    },
    "northgate": {
        "is_bankruptcy": True,
        "company": "Northgate Mills LLC",
        "chapter": 11,
        "court": "njb",
        "petition_date": "2013-09-13",
        "events": [("petition_filed", "2013-09-13")],
    },
    "harborview": {
        "is_bankruptcy": True,
        "company": "Harborview Media Corp.",
        "chapter": 11,
        "voluntary": False,
        "court": "nysb",
        "petition_date": "2009-03-31",
        "events": [("petition_filed", "2009-03-31")],
    },
    "tallgrass": {
        "is_bankruptcy": True,
        "company": "Tallgrass Ethanol LLC",
        "court": "sdb",
        "petition_date": "2013-05-20",
        "events": [("conversion", "2013-12-03"), ("petition_filed", "2013-05-20")],
    },
    "marlow": {
        "is_bankruptcy": True,
        "court": "nysb",
        "case_number": "19-11622 (MEW)",
        "petition_date": "2019-05-20",
        "events": [("asset_sale", "2019-08-13"), ("petition_filed", "2019-05-20")],
        "party asset_sale": ("Kingsbridge Foods LLC", "buyer"),
        "amount asset_sale": 31_000_000,
    },
    "thornbury": {
        "company": "Thornbury Community Hospital, Inc.",
        "court": "ctb",
        "petition_date": "2022-11-01",
        "events": [("petition_filed", "2022-11-01"), ("hearing", "2022-11-03")],
    },
    "ashford": {
        "is_bankruptcy": True,
        "petition_date": "2011-06-30",
        # the filing told as the delisting's cause, with its date: on the chronology too (as any background filing)
        "events": [("delisting", "2011-07-18"), ("petition_filed", "2011-06-30")],
        "party delisting": ("The NASDAQ Stock Market", "counterparty"),
    },
}


def _date(d) -> str | None:
    if d is None:
        return None
    return f"{d.edtf} {d.qualifier}" if d.qualifier else d.edtf


def _read(name: str):
    raw = RELEASES[name]
    suffix = ".html" if isinstance(raw, str) and raw.lstrip().startswith("<html") else ".txt"
    return extract_release(raw if isinstance(raw, bytes) else raw.encode(), f"{name}{suffix}")


def _fact(ex, key: str):
    case, company = ex.case, ex.company
    if key == "is_bankruptcy":
        return ex.is_bankruptcy
    if key in ("company", "ticker"):
        return getattr(company, "name" if key == "company" else "ticker", None) if company else None
    if key == "court":
        return case.court.id if case and case.court else None
    if key == "petition_date":
        return _date(case.petition_date) if case else None
    if key in ("chapter", "voluntary", "case_number"):
        return getattr(case, key) if case else None
    if key == "events":
        return [(e.kind, _date(e.date)) for e in ex.events]
    what, kind = key.split(" ")
    events = [e for e in ex.events if e.kind == kind]
    if what == "party":
        return next(((p.name, p.role) for e in events for p in e.parties), None)
    if what == "subtype":
        return events[0].subtype if events else None
    if what == "amount":
        return int(events[0].amount.value) if events and events[0].amount else None
    raise KeyError(key)


CASES = [(name, key, want) for name, facts in FACTS.items() for key, want in facts.items()]


@pytest.mark.parametrize(("name", "key", "want"), CASES, ids=[f"{n}-{k}" for n, k, _ in CASES])
def test_unseen_fact(name, key, want):
    assert _fact(_read(name), key) == want


@pytest.mark.parametrize("name", list(RELEASES))
def test_evidence_is_a_slice_of_the_cleaned_text(name):
    ex = _read(name)
    for e in ex.events:
        assert ex.source.text[e.evidence.start : e.evidence.end] == e.evidence.quote
