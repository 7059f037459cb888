"""Held-out releases about awards and judgments, and datelines that give no year.

Written before the parser was taught them, in the styles filers and wires use: an arbitral tribunal's
final award, an arbitrator who 'awarded' a supplier, a panel that 'ruled in favor of', a jury verdict, a
state court's judgment, an appeals court that affirmed one, an award the company itself won; and risk
language that names awards and judgments without reporting one. Yearless datelines take their year from
a copyright line, else from a weekday that fits only one year, never earlier than a past event the story
reports. Dates are ``EDTF`` or ``EDTF qualifier``; ``events`` is the whole list a reader would record.
"""

from __future__ import annotations

import pytest

from timeline.ingest.extract import extract_release

# an 8-K whose press release reports an arbitral tribunal's final award, plus risk language about 'any award'
ARBITER = """Arbiter Drilling Files for Chapter 11 Following ICC Arbitration Award

HOUSTON, March 8, 2016 /PRNewswire/ -- Arbiter Drilling Inc. (NYSE: ARB) today announced that it has filed a \
voluntary petition under Chapter 11 of the U.S. Bankruptcy Code in the United States Bankruptcy Court for the \
Southern District of Texas.

On February 19, 2016, an arbitral tribunal constituted under the rules of the International Chamber of Commerce \
issued a final award in favor of Petrosur S.A., finding the Company liable for approximately $310 million.

The Company believes it has strong grounds to seek annulment of the award. There can be no assurance that the \
Company will succeed in setting aside any award, and the risk of an adverse judgment in related proceedings remains.
"""

# AP style, no year in the dateline, a jury verdict without a date, and an AP copyright line
REDROCK = """Trucking firm files for bankruptcy after $48 million verdict

DALLAS, Oct. 14 (AP) -- Redrock Trucking Co. filed for Chapter 11 bankruptcy protection on Tuesday, weeks after a \
Dallas County jury returned a $48 million verdict against the company in a wrongful-death lawsuit brought by the \
family of a motorist.

The company said it could face additional judgments if other lawsuits go to trial. It said it would keep its 900 \
trucks on the road while it reorganizes.

Copyright 1997 The Associated Press. All rights reserved.
"""

# Reuters, no year and no copyright: a weekday that fits one year, a past award year, a forward 'due' year
THISTLE = """THISTLE SHIPPING SEEKS CREDITOR PROTECTION

LONDON, March 7 (Reuters) - Thistle Shipping Plc said on Tuesday it had filed for protection under Chapter 11 of \
the U.S. bankruptcy code in New York, after a London arbitrator awarded Carrick Tankers Ltd $22 million in 1994 \
over a cancelled charter.
The company has $150 million of notes due 1999.
(Reporting by Ann Lee)
"""

# an 8-K: a state court's judgment, entered on a date, against the company in favor of a named partnership
WESTVIEW = """<SEC-DOCUMENT>0001193125-18-234567.txt : 20180810
<SEC-HEADER>0001193125-18-234567.hdr.sgml : 20180810
CONFORMED SUBMISSION TYPE:\t8-K
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<TEXT>
Item 1.03 Bankruptcy or Receivership.
On August 9, 2018, Westview Cinemas, Inc. (the "Company") filed a voluntary petition for relief under chapter 11 \
of title 11 of the United States Code in the United States Bankruptcy Court for the Central District of California.
Item 8.01 Other Events.
On August 2, 2018, the Superior Court of the State of California for the County of Los Angeles entered a judgment \
of $27.5 million against the Company in favor of Parkline Properties LP.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""

# an appeals court affirming a judgment, dated by month and day only
GULFSIDE = """Gulfside Offshore Files Chapter 11 After Appeals Court Ruling

NEW ORLEANS, April 10, 2017 (GLOBE NEWSWIRE) -- Gulfside Offshore Corp. (OTC: GLFS) today announced that it has \
filed voluntary petitions for relief under Chapter 11 in the United States Bankruptcy Court for the Eastern \
District of Louisiana.

On April 3, the U.S. Court of Appeals for the Fifth Circuit affirmed a $95 million judgment against the Company in \
favor of Bayline Energy Partners LLC, and the Company was unable to post the bond required to stay its enforcement.
"""

# an arbitrator 'awarded' a supplier, dated only 'in late 2019'; a panel that 'ruled in favor of' another
HOLLIS = """Meridian Fabricators Announces Chapter 11 Filing

CLEVELAND, Feb. 3, 2020 /PRNewswire/ -- Meridian Fabricators, Inc. today announced that it filed a voluntary \
petition under Chapter 11 in the U.S. Bankruptcy Court for the Northern District of Ohio.

In late 2019, an arbitrator awarded Hollis Steel LLC $7.4 million on its breach-of-contract claims against the \
Company. On January 14, 2020, a three-member arbitration panel ruled in favor of Calloway Mining Corp. and ordered \
the Company to pay $15.6 million.
"""

# the company won the award; a newspaper-style copyright '(c) 2003' settles a yearless dateline
SABLE = """Sable Rail Wins Arbitration, Continues Chapter 11 Case

CHICAGO, Nov. 17 -- Sable Rail Services Inc., which filed for Chapter 11 protection on Sept. 30, said today that an \
arbitration panel of the American Arbitration Association has awarded it $9 million in its dispute with Brightline \
Transit Corp.

(c) 2003 Sable Rail Services Inc.
"""

# a tribunal's award in a treaty case, written with British date order
KESWICK = """Keswick Resources plc Commences Chapter 15 Proceedings

LONDON, 22 June 2020 -- Keswick Resources plc today announced that its foreign representative has filed a petition \
under Chapter 15 of the U.S. Bankruptcy Code in the U.S. Bankruptcy Court for the Southern District of New York.

On 12 June 2020, the International Centre for Settlement of Investment Disputes tribunal issued its award, ordering \
the Company to pay US$45 million to Andina Petroleos S.A.
"""

# a company in Chapter 11 facing suits, reporting no award or judgment: every mention is a possibility
HARLAN = """Harlan Foods Comments on Litigation

OMAHA, Neb., May 5, 2021 -- Harlan Foods Inc. (NASDAQ: HRLN), which filed for Chapter 11 protection on May 3, said \
today that it continues to defend the lawsuit brought by its former distributor, Platte Valley Distributors LLC. If \
the court enters a judgment against the Company, it could be material. A jury verdict is expected next month. Harlan \
said any award in the related arbitration could be significant, and that it faces the risk of an adverse judgment of \
up to $20 million. No judgment has been entered.
"""

# a default judgment 'entered' on a date, and a Reuters copyright with the sign
TARN = """TARN MILLS FILES FOR BANKRUPTCY

MANCHESTER, N.H., Dec. 2 (Reuters) - Tarn Mills Inc said it filed for Chapter 7 liquidation in U.S. Bankruptcy \
Court in Concord on Monday, after a federal judge entered a $3.1 million default judgment against it on Nov. 12 in \
a suit by Hadley Cotton Co.

© 2002 Reuters
"""

RELEASES = {
    "arbiter": ARBITER,
    "redrock": REDROCK,
    "thistle": THISTLE,
    "westview": WESTVIEW,
    "gulfside": GULFSIDE,
    "hollis": HOLLIS,
    "sable": SABLE,
    "keswick": KESWICK,
    "harlan": HARLAN,
    "tarn": TARN,
}

FACTS: dict[str, dict] = {
    "arbiter": {
        "is_bankruptcy": True,
        "events": [("petition_filed", "2016-03-08 on_or_before"), ("award", "2016-02-19")],
        "amount award": (310_000_000, "about"),
        "parties award": [("Petrosur S.A.", "counterparty"), ("International Chamber of Commerce", "forum")],
    },
    "redrock": {
        "release_date": "1997-10-14",
        "petition_date": "1997-10-14",
        "events": [("petition_filed", "1997-10-14"), ("judgment", "1997-10-14 on_or_before")],
        "amount judgment": (48_000_000, None),
    },
    "thistle": {
        "release_date": "1995-03-07",
        "petition_date": "1995-03-07",
        "events": [("petition_filed", "1995-03-07"), ("award", "1994")],
        "amount award": (22_000_000, None),
        "parties award": [("Carrick Tankers Ltd", "counterparty")],
    },
    "westview": {
        "court": "cacb",
        "petition_date": "2018-08-09",
        "events": [("petition_filed", "2018-08-09"), ("judgment", "2018-08-02")],
        "amount judgment": (27_500_000, None),
        "parties judgment": [
            ("Parkline Properties LP", "counterparty"),
            ("Superior Court of the State of California for the County of Los Angeles", "forum"),
        ],
    },
    "gulfside": {
        "events": [("petition_filed", "2017-04-10 on_or_before"), ("judgment", "2017-04-03")],
        "amount judgment": (95_000_000, None),
        "parties judgment": [
            ("Bayline Energy Partners LLC", "counterparty"),
            ("U.S. Court of Appeals for the Fifth Circuit", "forum"),
        ],
    },
    "hollis": {
        "events": [("petition_filed", "2020-02-03 on_or_before"), ("award", "2019 late"), ("award", "2020-01-14")],
        "parties award": [("Hollis Steel LLC", "counterparty")],
        "amounts award": [7_400_000, 15_600_000],
    },
    "sable": {
        "release_date": "2003-11-17",
        "petition_date": "2003-09-30",
        "events": [("petition_filed", "2003-09-30"), ("award", "2003-11-17 on_or_before")],
        "amount award": (9_000_000, None),
        "parties award": [("Brightline Transit Corp.", "against"), ("American Arbitration Association", "forum")],
    },
    "keswick": {
        "events": [("petition_filed", "2020-06-22 on_or_before"), ("award", "2020-06-12")],
        "amount award": (45_000_000, None),
        "parties award": [
            ("Andina Petroleos S.A.", "counterparty"),
            ("International Centre for Settlement of Investment Disputes", "forum"),
        ],
    },
    "harlan": {"is_bankruptcy": True, "events": [("petition_filed", "2021-05-03")]},
    "tarn": {
        "release_date": "2002-12-02",
        "petition_date": "2002-12-02",
        "events": [("petition_filed", "2002-12-02"), ("judgment", "2002-11-12")],
        "amount judgment": (3_100_000, None),
        "parties judgment": [("Hadley Cotton Co.", "counterparty")],
    },
}


def _date(d) -> str | None:
    if d is None:
        return None
    return f"{d.edtf} {d.qualifier}" if d.qualifier else d.edtf


def _read(name: str):
    raw = RELEASES[name]
    return extract_release(raw.encode(), f"{name}.txt")


def _fact(ex, key: str):
    case = ex.case
    if key == "is_bankruptcy":
        return ex.is_bankruptcy
    if key == "release_date":
        return _date(ex.source.release_date)
    if key == "court":
        return case.court.id if case and case.court else None
    if key == "petition_date":
        return _date(case.petition_date) if case else None
    if key == "events":
        return [(e.kind, _date(e.date)) for e in ex.events]
    what, kind = key.split(" ")
    events = [e for e in ex.events if e.kind == kind]
    if what == "parties":
        return [(p.name, p.role) for p in events[0].parties] if events else None
    if what == "amount":
        m = events[0].amount if events else None
        return (int(m.value), m.qualifier) if m else None
    if what == "amounts":
        return [int(e.amount.value) if e.amount else None for e in events]
    raise KeyError(key)


CASES = [(name, key, want) for name, facts in FACTS.items() for key, want in facts.items()]


@pytest.mark.parametrize(("name", "key", "want"), CASES, ids=[f"{n}-{k}" for n, k, _ in CASES])
def test_unseen_award_fact(name, key, want):
    assert _fact(_read(name), key) == want


@pytest.mark.parametrize("name", list(RELEASES))
def test_award_summaries_are_docket_lines(name):
    ex = _read(name)
    for e in ex.events:
        assert e.summary and len(e.summary) <= 200
        assert ex.source.text[e.evidence.start : e.evidence.end] == e.evidence.quote


# one sentence after a filing announced on May 5, 2015: the award or judgment a reader records, or none
ACME_HEAD = (
    "Acme Files Chapter 11\n\nDENVER, May 5, 2015 /PRNewswire/ -- Acme Tools Inc. today announced that it filed a "
    "voluntary petition under Chapter 11 in the U.S. Bankruptcy Court for the District of Colorado.\n\n"
)
SENTENCES = [
    ("The arbitration panel ruled in favor of Delta Rig Co. on April 2.", ("award", "2015-04-02", "Delta Rig Co.")),
    (
        "The Tribunal issued its award on March 3, 2015, awarding Zenith Oil AG $40 million.",
        ("award", "2015-03-03", "Zenith Oil AG"),
    ),
    (
        "In March, the final award of $18 million was issued in favor of Quarry Partners LLC.",
        ("award", "2015-03", "Quarry Partners LLC"),
    ),
    ("The jury awarded Smithfield Co. $2 million in March.", ("judgment", "2015-03", "Smithfield Co.")),
    ("A jury verdict of $6 million was returned against the Company on April 1.", ("judgment", "2015-04-01", None)),
    ("The Company intends to appeal the $12 million judgment entered on April 20.", ("judgment", "2015-04-20", None)),
    ("Litigation could result in a judgment against the Company of up to $50 million.", None),
    ("The Company may be required to pay any award.", None),
    ("There is a risk of an adverse judgment in the Delta case.", None),
    ("The Company plans to seek a judgment against Orion Corp.", None),
    ("If the arbitrator rules in favor of Delta, the Company would owe $5 million.", None),
    ("The Company does not expect an award before 2016.", None),
]


@pytest.mark.parametrize(("sentence", "want"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_award_or_judgment_in_one_sentence(sentence, want):
    ex = extract_release((ACME_HEAD + sentence + "\n").encode(), "acme.txt")
    got = [e for e in ex.events if e.kind in ("award", "judgment")]
    if want is None:
        assert got == []
        return
    assert len(got) == 1
    winner = next((p.name for p in got[0].parties if p.role == "counterparty"), None)
    assert (got[0].kind, _date(got[0].date), winner) == want


LAMBDA = """LAMBDA AIRLINES SEEKS COURT PROTECTION

NEW YORK, Jan. 9 (Reuters) - Lambda Airlines Corp said on Thursday it had filed for protection from creditors under \
Chapter XI of the bankruptcy code in U.S. Bankruptcy Court in Manhattan, citing a 1991 judgment of $85 million won \
by its former lessor.
Lambda's shares were halted on the New York Stock Exchange.
Copyright 1992 Reuters
"""
# (what is changed in LAMBDA, the release date a reader gives it)
YEARLESS = [
    ((), "1992-01-09"),  # the copyright line
    (("Copyright 1992 Reuters", "(c) 1992 Reuters"), "1992-01-09"),
    (("Copyright 1992 Reuters", "Reuters \u00a9 1992"), "1992-01-09"),
    (("Copyright 1992 Reuters", "Published: January 1992"), "1992-01-09"),
    (("Copyright 1992 Reuters", ""), "1992-01-09"),  # only 1992's Jan. 9 was a Thursday
    (("Copyright 1992 Reuters", "", "said on Thursday", "said"), "1991-01-09"),  # no earlier than the 1991 judgment
    (
        (
            "Copyright 1992 Reuters",
            "",
            "said on Thursday",
            "said",
            "a 1991 judgment",
            "a judgment entered Dec. 30, 1991,",
        ),
        "1992-01-09",
    ),  # fmt: skip
    (("Copyright 1992 Reuters", "It has notes due 1999.", "said on Thursday", "said"), "1991-01-09"),
]


@pytest.mark.parametrize(("changes", "want"), YEARLESS, ids=[str(i) for i in range(len(YEARLESS))])
def test_yearless_dateline(changes, want):
    text = LAMBDA
    for old, new in zip(changes[::2], changes[1::2], strict=True):
        assert old in text
        text = text.replace(old, new)
    assert _date(extract_release(text.encode(), "lambda.txt").source.release_date) == want
