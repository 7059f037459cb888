"""The FiberCore case (fixtures/corpus/releases/00_fibercore_2003-11-17.txt) built with the ORM.

The same facts the importer reads from that release, with spans found in the release text, so
page, export and browser tests have a real case to look at whatever state the parser is in.
``import_fibercore`` prefers the real ``ingest_releases`` command when it is installed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal

from django.core.management import call_command, get_commands

from cases.models import Case, Company, Court, Person
from timeline.models import EventSource, Release, TimelineEvent

from .conftest import RELEASES

FIBERCORE = RELEASES / "00_fibercore_2003-11-17.txt"


def span_of(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` occur in ``text``, whatever the spacing and line breaks between them."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    match = re.search(pattern, text)
    assert match, f"{words!r} is not in the release"
    return match.start(), match.end()


def add_source(event: TimelineEvent, release: Release, words: str) -> EventSource:
    start, end = span_of(release.text, words)
    return EventSource.objects.create(event=event, release=release, start=start, end=end, quote=release.text[start:end])


def build_fibercore() -> Case:
    raw = FIBERCORE.read_bytes()
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
    company = Company.objects.create(name="FiberCore, Inc.", ticker="FBCE.PK")
    Person.objects.create(company=company, name="Mohd A. Aslami", title="chairman and chief executive officer")
    Person.objects.create(company=company, name="John D. Ronnquist", title="Interim CFO")
    case = Case.objects.create(
        company=company,
        court=Court.objects.get(id="mab"),
        division="Western Division",
        chapter=11,
        voluntary=True,
        petition_date=dt.date(2003, 11, 14),
        petition_date_text="late Friday afternoon, November 14th",
    )
    release = Release.objects.create(
        sha256=hashlib.sha256(raw).hexdigest(),
        title="FiberCore Files for Chapter 11 Protection",
        release_date=dt.date(2003, 11, 17),
        origin=str(FIBERCORE),
        original=raw,
        text=text,
        is_bankruptcy=True,
        company=company,
        case=case,
    )
    award = TimelineEvent.objects.create(
        case=case,
        kind="award",
        date=dt.date(2003, 7, 1),
        date_precision="month",
        date_qualifier="late",
        date_text="late July",
        summary="Shin-Etsu arbitration award against FiberCore, $5.3 million (yen-denominated); cited as the "
        "reason the company could not raise working capital in the U.S.",
        amount=Decimal("5300000"),
        amount_note="yen-denominated",
        parties=[{"name": "Shin-Etsu", "role": "counterparty"}],
    )
    add_source(award, release, "the $5.3 million (yen-denominated) Shin-Etsu arbitration award in late July")
    petition = TimelineEvent.objects.create(
        case=case,
        kind="petition_filed",
        date=dt.date(2003, 11, 14),
        date_text="late Friday afternoon, November 14th",
        summary="Voluntary Chapter 11 petition filed with the U.S. Bankruptcy Court for the District of "
        "Massachusetts, Western Division; operating fiber subsidiaries not included",
    )
    add_source(petition, release, "voluntarily filed for protection under Chapter 11")
    motion = TimelineEvent.objects.create(
        case=case,
        kind="motion_filed",
        date=dt.date(2003, 11, 17),
        date_text="today",
        summary="Various motions filed, including a motion for initial debtor-in-possession (DIP) financing",
    )
    add_source(motion, release, "as well as various motions, including a motion for initial DIP financing, today.")
    adversary = TimelineEvent.objects.create(
        case=case,
        kind="adversary_proceeding",
        summary="Adversary proceeding in bankruptcy court against CommScope Inc. for breach of contract claims, "
        "in excess of $6,000,000",
        amount=Decimal("6000000"),
        amount_qualifier="in_excess_of",
        parties=[{"name": "CommScope Inc.", "role": "defendant"}],
    )
    add_source(
        adversary, release, "instituted an adversarial proceeding in excess of $6,000,000 against CommScope Inc."
    )
    return case


def import_fibercore(use_command: bool = False) -> Case:
    """The FiberCore case, through the real importer when asked and installed, else through the ORM."""
    if use_command and "ingest_releases" in get_commands():
        call_command("ingest_releases", str(FIBERCORE))
        return Case.objects.get(company__normalized_name="fibercore")
    return build_fibercore()
