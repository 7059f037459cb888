"""Generated cases for the demo and the benchmarks: plausible debtors, cases in real courts, and
chronologies whose every event quotes a sentence of a generated release.

Deterministic: one ``random.Random(seed)`` draws everything, so the same seed on the same database
gives the same rows. Fast: rows are written with ``bulk_create`` in batches of cases, one transaction
per batch, which skips ``save()``, so the columns ``save()`` would compute (normalized names, case
number keys, event sort columns) are set here with the same functions. Historical records are not
written for generated rows.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import itertools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from cases.fields import Precision
from cases.models import Case, Company, Court, normalize_case_number, normalize_company_name
from cases.partial_dates import DAY, MONTH, YEAR
from timeline.models import EventSource, Release, TimelineEvent, event_sort_fields

FIRST_PETITION = dt.date(1980, 1, 1)
LAST_PETITION = dt.date(2025, 12, 31)

_FIRST = (  # noqa: SIM905 (word lists read better as prose)
    "Allied American Atlantic Pacific Northern Southern Western Eastern Summit Keystone Pioneer Liberty "
    "Granite Harbor Sterling Meridian Frontier Continental Cascade Delta Eagle Falcon Heritage Horizon "
    "Imperial Lakeshore Magnolia Monarch Patriot Piedmont Prairie Regency Ridgeline Riverside Sierra "
    "Sovereign Sunbelt Tidewater Trinity Union Vanguard Beacon Bluewater Capital Cardinal Centennial "
    "Coastal Empire Evergreen Gateway Highland Independence Midland National Orion Paramount Redwood "
    "Saratoga Seaboard Silverline Superior Titan Twin Valley Windward"
).split()
_SECOND = (  # noqa: SIM905 (word lists read better as prose)
    "Steel|Fiber|Photonics|Airlines|Energy|Oil & Gas|Textiles|Foods|Retail|Healthcare|Mining|Paper|"
    "Semiconductor|Telecom|Shipping|Motors|Pharmaceuticals|Media|Homes|Resources|Petroleum|Chemical|"
    "Aluminum|Coal|Furniture|Apparel|Rail|Trucking|Hospitality|Gaming|Broadcasting|Biotech|Software|"
    "Networks|Optical|Dairy|Grocers|Department Stores|Realty|Savings|Insurance|Power|Utilities|Solar|"
    "Glass|Plastics|Tire|Marine|Aviation|Cinemas"
).split("|")
_THIRD = ("", "", "", " Holdings", " Group", " Industries", " Systems", " International", " Technologies", " Partners")
_SUFFIX = ("Inc.", "Inc.", "Inc.", "Corp.", "Corporation", "Company", "LLC", "L.P.", "Ltd.")
_SURNAMES = (  # noqa: SIM905 (word lists read better as prose)
    "Abbott Baker Carver Dalton Ellison Fairbanks Garland Hawthorne Ingram Jarvis Kendall Langley Mercer "
    "Nash Osborne Prescott Quincy Radcliffe Sheffield Thornton Underwood Vance Whitaker Yardley Ashford "
    "Bancroft Calloway Davenport Everett Fletcher Goodwin Hollister Kingsley Lockhart Montague Norwood "
    "Pemberton Rutledge Stanton Templeton Wexford Ainsley Barlow Chandler"
).split()
_GIVEN = (  # noqa: SIM905 (word lists read better as prose)
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Susan Richard Karen "
    "Thomas Nancy Charles Lisa Daniel Margaret Paul Sandra Mark Ashley Steven Donna Andrew Carol Kenneth "
    "Michelle"
).split()
_STATES = (
    ("Ohio", "OH", "Columbus"),
    ("Texas", "TX", "Houston"),
    ("Delaware", "DE", "Wilmington"),
    ("New York", "NY", "New York"),
    ("California", "CA", "San Francisco"),
    ("Massachusetts", "MA", "Boston"),
    ("Illinois", "IL", "Chicago"),
    ("Georgia", "GA", "Atlanta"),
    ("Pennsylvania", "PA", "Pittsburgh"),
    ("Michigan", "MI", "Detroit"),
    ("Colorado", "CO", "Denver"),
    ("Arizona", "AZ", "Phoenix"),
    ("Washington", "WA", "Seattle"),
    ("Florida", "FL", "Miami"),
    ("New Jersey", "NJ", "Newark"),
    ("Minnesota", "MN", "Minneapolis"),
    ("Missouri", "MO", "St. Louis"),
    ("Tennessee", "TN", "Nashville"),
    ("Louisiana", "LA", "New Orleans"),
    ("Nevada", "NV", "Las Vegas"),
)
_STREETS = ("Main Street", "Commerce Drive", "Industrial Parkway", "Market Street", "Park Avenue", "Harbor Road")
_MARKETS = ("NYSE", "NASDAQ", "AMEX", "Pink Sheets", "OTC Bulletin Board", "")
_LENDERS = (
    "Wells Fargo Foothill",
    "GE Capital",
    "CIT Group",
    "JPMorgan Chase Bank",
    "Bank of America",
    "Citibank",
    "Foothill Capital",
    "DIP Lender LLC",
)
_FORUMS = ("the American Arbitration Association", "the International Chamber of Commerce", "JAMS", "FINRA")
_MOTIONS = (
    "interim debtor-in-possession financing",
    "the use of cash collateral",
    "payment of prepetition wages and benefits",
    "the rejection of unexpired leases",
    "an extension of its exclusive period to file a plan",
    "bidding procedures for the sale of substantially all of its assets",
    "the retention of its restructuring advisors",
    "continued use of its existing cash management system",
)
_ASSETS = (
    "its manufacturing plant",
    "its retail stores",
    "its headquarters building",
    "substantially all of its assets",
)
_NATURES = ("breach of contract", "recovery of preferential transfers", "fraudulent conveyance", "patent infringement")

# Weights for events after the petition: routine filings are common, endings rare.
_KIND_WEIGHTS = {
    TimelineEvent.Kind.MOTION_FILED: 22,
    TimelineEvent.Kind.ORDER_ENTERED: 18,
    TimelineEvent.Kind.HEARING: 14,
    TimelineEvent.Kind.ADVERSARY_PROCEEDING: 6,
    TimelineEvent.Kind.AWARD: 3,
    TimelineEvent.Kind.JUDGMENT: 3,
    TimelineEvent.Kind.FINANCING: 7,
    TimelineEvent.Kind.ASSET_SALE: 5,
    TimelineEvent.Kind.PLAN_FILED: 4,
    TimelineEvent.Kind.PLAN_CONFIRMED: 2,
    TimelineEvent.Kind.EMERGENCE: 2,
    TimelineEvent.Kind.CONVERSION: 1,
    TimelineEvent.Kind.DISMISSAL: 1,
    TimelineEvent.Kind.DELISTING: 3,
    TimelineEvent.Kind.OTHER: 9,
    TimelineEvent.Kind.PETITION_FILED: 1,  # a related debtor's petition, joined to the case
}
_KINDS = list(_KIND_WEIGHTS)
_KIND_CUM = list(itertools.accumulate(_KIND_WEIGHTS.values()))
_CHAPTERS = [(11, 60), (7, 25), (13, 5), (15, 5), (12, 3), (9, 2)]
# Busy courts get more of the big cases, as in life.
_BUSY_COURTS = {"deb": 12, "nysb": 10, "txsb": 6, "njb": 4, "ilnb": 3, "cacb": 3, "vaeb": 2, "mab": 2}


@dataclass
class Generated:
    case_ids: list[int] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0


class _Names:
    """Company names unique by their normalized key, across this run and what the database holds."""

    def __init__(self, rng: random.Random, prefix: str, taken: set[str]):
        self.rng, self.prefix, self.taken = rng, prefix, taken

    def draw(self) -> tuple[str, str]:
        rng = self.rng
        for attempt in range(50):
            if rng.random() < 0.2:
                a, b = rng.sample(_SURNAMES, 2)
                stem = f"{a} & {b}" if rng.random() < 0.5 else f"{a} {rng.choice(_SECOND)}"
            else:
                stem = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}{rng.choice(_THIRD)}"
            if attempt > 3 or rng.random() < 0.15:
                stem += f" of {rng.choice(_STATES)[0]}"
            if attempt > 10:
                stem += f" {attempt}"
            name = f"{self.prefix + ' ' if self.prefix else ''}{stem}, {rng.choice(_SUFFIX)}"
            key = normalize_company_name(name)
            if key not in self.taken:
                self.taken.add(key)
                return name, key
        raise RuntimeError("could not draw a unique company name")


def _ticker(rng: random.Random, name: str) -> str:
    letters = [w[0] for w in name.replace("&", " ").split() if w[:1].isalpha()][:3]
    while len(letters) < 4:
        letters.append(chr(ord("A") + rng.randrange(26)))
    ticker = "".join(letters[: rng.choice((3, 4))]).upper()
    return ticker + rng.choice(("", "", "", ".PK", ".OB"))


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _partial(rng: random.Random, day: dt.date, exact_share: float = 0.75) -> tuple[dt.date, str, str, str]:
    """A partial date around ``day``: (value, precision, qualifier, the words a release would use)."""
    roll = rng.random()
    if roll < exact_share:
        qualifier = rng.choices(("", "about", "on_or_before", "on_or_after", "before", "after"), (85, 5, 4, 2, 2, 2))[0]
        base = f"{calendar.month_name[day.month]} {day.day}, {day.year}"
        lead = {"": "on", "about": "on or about", "on_or_before": "on or before", "on_or_after": "on or after"}
        return day, DAY, qualifier, f"{lead.get(qualifier, qualifier)} {base}"
    if roll < exact_share + (1 - exact_share) * 0.7:
        # The qualifier agrees with the real day, so the sort date lands near it.
        part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
        qualifier = rng.choice(("", "", part, part, "about"))
        base = f"{calendar.month_name[day.month]} {day.year}"
        words = {"": f"in {base}", "mid": f"in mid-{base}", "about": f"around {base}"}
        return day.replace(day=1), MONTH, qualifier, words.get(qualifier, f"in {qualifier} {base}")
    part = "early" if day.month <= 4 else "late" if day.month >= 9 else ""
    qualifier = rng.choice(("", "", part, part, "about"))
    words = {"": f"in {day.year}", "about": f"around {day.year}"}
    return dt.date(day.year, 1, 1), YEAR, qualifier, words.get(qualifier, f"in {qualifier} {day.year}")


def _money(rng: random.Random) -> tuple[Decimal, str, str, str, str]:
    """(amount, currency, qualifier, note, words)."""
    millions = rng.choice((0.5, 1, 2.5, 4, 6, 10, 12.5, 25, 40, 75, 150, 300, 1200))
    amount = Decimal(str(millions)) * 1_000_000
    qualifier = rng.choices(("", "in_excess_of", "up_to", "about", "at_least"), (60, 10, 15, 10, 5))[0]
    currency, note, sign = "USD", "", "$"
    if rng.random() < 0.05:
        currency, note, sign = "EUR", "euro-denominated", "EUR "
    words = f"{sign}{millions:g} million" if millions >= 1 else f"{sign}{int(amount):,}"
    if qualifier:
        words = f"{qualifier.replace('_', ' ')} {words}"
    return amount, currency, qualifier, note, words


def _event(rng: random.Random, kind: str, case: Case, company: Company, court: Court, when: dt.date | tuple) -> tuple:
    """(TimelineEvent without its case, the release sentence it is read from).

    ``when`` is a day, or an already drawn partial date (the petition event repeats the case's).
    """
    value, precision, qualifier, phrase = when if isinstance(when, tuple) else _partial(rng, when)
    name = company.name
    other = f"{rng.choice(_SURNAMES)} {rng.choice(_SECOND)} {rng.choice(('Inc.', 'Corp.', 'LLC'))}"
    amount = currency = money_qualifier = note = None
    parties: list[dict] = []
    K = TimelineEvent.Kind
    if kind in (K.FINANCING, K.ASSET_SALE, K.AWARD, K.JUDGMENT, K.ADVERSARY_PROCEEDING):
        amount, currency, money_qualifier, note, money = _money(rng)
    if kind == K.PETITION_FILED:
        summary = f"{name} filed a Chapter {case.chapter} petition"
        clause = (
            f"{name} filed a voluntary petition for relief under Chapter {case.chapter} of the U.S. "
            f"Bankruptcy Code in the {court.name}"
        )
    elif kind == K.MOTION_FILED:
        what = rng.choice(_MOTIONS)
        summary, clause = f"Motion for {what}", f"the Company filed a motion seeking approval of {what}"
    elif kind == K.ORDER_ENTERED:
        what = rng.choice(_MOTIONS)
        summary, clause = f"Order approving {what}", f"the Court entered an order approving {what}"
    elif kind == K.HEARING:
        what = rng.choice(_MOTIONS)
        summary, clause = f"Hearing on {what}", f"the Court held a hearing on {what}"
    elif kind == K.ADVERSARY_PROCEEDING:
        nature = rng.choice(_NATURES)
        parties = [{"name": name, "role": "plaintiff"}, {"name": other, "role": "defendant"}]
        summary = f"Adversary proceeding against {other} for {nature}"
        clause = f"the Company commenced an adversary proceeding against {other} seeking {money} for {nature}"
    elif kind == K.AWARD:
        forum = rng.choice(_FORUMS)
        parties = [{"name": other, "role": "claimant"}, {"name": name, "role": "respondent"}]
        summary = f"Arbitration award of {money} to {other}"
        clause = f"an arbitration panel of {forum} awarded {other} {money} against the Company"
    elif kind == K.JUDGMENT:
        parties = [{"name": other, "role": "plaintiff"}, {"name": name, "role": "defendant"}]
        summary = f"Judgment of {money} for {other}"
        clause = f"a state court entered a judgment of {money} against the Company in favor of {other}"
    elif kind == K.FINANCING:
        lender = rng.choice(_LENDERS)
        parties = [{"name": lender, "role": "lender"}]
        summary = f"DIP financing of {money} from {lender}"
        clause = f"the Company obtained a commitment for {money} in debtor-in-possession financing from {lender}"
    elif kind == K.ASSET_SALE:
        asset = rng.choice(_ASSETS)
        parties = [{"name": other, "role": "buyer"}]
        summary = f"Sale of {asset} to {other} for {money}"
        clause = f"the Company agreed to sell {asset} to {other} for {money} under section 363"
    elif kind == K.PLAN_FILED:
        summary, clause = "Plan of reorganization filed", "the Company filed its plan of reorganization"
    elif kind == K.PLAN_CONFIRMED:
        summary, clause = "Plan confirmed", "the Court confirmed the Company's plan of reorganization"
    elif kind == K.EMERGENCE:
        summary, clause = "Emerged from Chapter 11", "the Company emerged from Chapter 11"
    elif kind == K.CONVERSION:
        summary, clause = "Converted to Chapter 7", "the Court converted the case to a liquidation under Chapter 7"
    elif kind == K.DISMISSAL:
        summary, clause = "Case dismissed", "the Court dismissed the case"
    elif kind == K.DELISTING:
        market = company.market or "NYSE"
        summary = f"Delisted from {market}"
        clause = f"the {market} suspended trading in the Company's common stock ({company.ticker or 'n/a'})"
    else:
        person = f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}"
        parties = [{"name": person, "role": "chief restructuring officer"}]
        summary, clause = f"{person} named chief restructuring officer", f"the Company appointed {person} as CRO"
    sentence = f"{phrase[0].upper()}{phrase[1:]}, {clause}."
    event = TimelineEvent(
        kind=kind,
        date=value,
        date_precision=precision,
        date_qualifier=qualifier,
        date_text=f"{phrase[0].upper()}{phrase[1:]}",
        summary=summary[:500],
        parties=parties,
        amount=amount,
        currency=currency or "USD",
        amount_qualifier=money_qualifier or "",
        amount_note=note or "",
    )
    event_sort_fields(event)
    return event, sentence


def _status_for(rng: random.Random, petition: dt.date, chapter: int) -> str:
    S = Case.Status
    if (LAST_PETITION - petition).days < 700:
        return rng.choice((S.OPEN, S.OPEN, S.OPEN, S.CONVERTED, S.DISMISSED))
    if chapter == 7:
        return rng.choice((S.CLOSED, S.CLOSED, S.DISMISSED))
    return rng.choice((S.EMERGED, S.PLAN_CONFIRMED, S.CLOSED, S.CONVERTED, S.DISMISSED))


_ENDING = {
    "emerged": ["plan_filed", "plan_confirmed", "emergence"],
    "plan_confirmed": ["plan_filed", "plan_confirmed"],
    "converted": ["conversion"],
    "dismissed": ["dismissal"],
}


def generate(
    cases: int,
    events: tuple[int, int] = (3, 30),
    seed: int = 1,
    prefix: str = "",
    batch: int = 1000,
    progress: Callable[[str], None] | None = None,
) -> Generated:
    """Write ``cases`` cases with ``events[0]..events[1]`` events each; return their ids in order."""
    rng = random.Random(seed)
    courts = list(Court.objects.order_by("id"))
    if not courts:
        raise RuntimeError("no courts: run migrate first (the courts are loaded by a migration)")
    weights = [_BUSY_COURTS.get(c.id, 1) for c in courts]
    names = _Names(rng, prefix, set(Company.objects.values_list("normalized_name", flat=True)))
    numbers = set(Case.objects.exclude(case_number_normalized="").values_list("court_id", "case_number_normalized"))
    out = Generated()
    started = time.perf_counter()
    label = prefix.lower().replace(" ", "-") or "demo"
    for first in range(0, cases, batch):
        size = min(batch, cases - first)
        with transaction.atomic():
            _batch(rng, size, first, events, courts, weights, names, numbers, label, seed, out)
        if progress:
            done = first + size
            elapsed = time.perf_counter() - started
            progress(f"generated {done:,}/{cases:,} cases, {out.events:,} events ({elapsed:.1f} s)")
    out.seconds = time.perf_counter() - started
    return out


def _batch(rng, size, first, events, courts, weights, names, numbers, label, seed, out: Generated) -> None:
    companies, plans = [], []
    for _ in range(size):
        name, key = names.draw()
        state, abbr, city = rng.choice(_STATES)
        slug = key[:30]
        company = Company(
            name=name,
            normalized_name=key,
            ticker=_ticker(rng, name) if rng.random() < 0.7 else "",
            market=rng.choice(_MARKETS),
            address=f"{rng.randrange(1, 9999)} {rng.choice(_STREETS)}, {city}, {abbr}",
            website=f"https://www.{slug}.com" if rng.random() < 0.6 else "",
        )
        companies.append(company)
        plans.append((city, abbr))
    Company.objects.bulk_create(companies, batch_size=500)

    case_rows, petitions = [], []
    for company in companies:
        court = rng.choices(courts, weights)[0]
        chapter = rng.choices([c for c, _ in _CHAPTERS], [w for _, w in _CHAPTERS])[0]
        day = _random_day(rng, FIRST_PETITION, LAST_PETITION)
        petition = value, precision, qualifier, phrase = _partial(rng, day, exact_share=0.9)
        for _ in range(1000):
            printed = f"{day.year % 100:02d}-{rng.randrange(10000, 99999):05d}"
            key = normalize_case_number(printed)
            if (court.id, key) not in numbers:
                numbers.add((court.id, key))
                break
        if rng.random() < 0.4:
            printed += f" ({''.join(rng.choice('ABCDEFGHJKLMNPRSTW') for _ in range(3))})"
        case_rows.append(
            Case(
                company=company,
                court=court,
                division=rng.choice(court.divisions) + " Division" if court.divisions and rng.random() < 0.5 else "",
                chapter=chapter,
                voluntary=rng.choices((True, False, None), (90, 5, 5))[0],
                case_number=printed,
                case_number_normalized=key,
                petition_date=value,
                petition_date_precision=precision,
                petition_date_qualifier=qualifier,
                petition_date_text=phrase,
                status=_status_for(rng, day, chapter),
            )
        )
        petitions.append(petition)
    Case.objects.bulk_create(case_rows, batch_size=500)

    releases, all_events, spans = [], [], []
    for i, (case, petition, (city, abbr)) in enumerate(zip(case_rows, petitions, plans, strict=True)):
        company, court = case.company, case.court
        count = rng.randint(*events)
        day = case.petition_date
        chronology = [_event(rng, TimelineEvent.Kind.PETITION_FILED, case, company, court, petition)] if count else []
        ending = list(_ENDING.get(case.status, [])) if count > 4 else []
        step = max(1, 900 // max(count, 1))
        for n in range(1, count):
            day = day + dt.timedelta(days=rng.randint(0, step * 2))
            if count - n <= len(ending):
                kind = ending[len(ending) - (count - n)]
            else:
                kind = _KINDS[bisect.bisect_right(_KIND_CUM, rng.random() * _KIND_CUM[-1])]
            when = day - dt.timedelta(days=rng.randint(30, 400)) if kind in ("award", "judgment") else day
            chronology.append(_event(rng, kind, case, company, court, when))
        last = max((e.sort_date for e, _ in chronology), default=case.petition_date)
        released = last + dt.timedelta(days=rng.randint(0, 3))
        headline = f"{company.name.upper()} REPORTS ON ITS CHAPTER {case.chapter} CASE"
        parts = [
            "FOR IMMEDIATE RELEASE\n",
            f"{calendar.month_name[released.month]} {released.day}, {released.year}\n\n",
            f"{headline}\n\n",
            f"{city.upper()}, {abbr} -- {company.name}"
            + (f" ({company.ticker})" if company.ticker else "")
            + " today reported on its case in the "
            + f"{court.name}, Case No. {case.case_number}.\n\n",
        ]
        offset = sum(len(p) for p in parts)
        case_spans = []
        for n, (_event_row, sentence) in enumerate(chronology):
            case_spans.append((offset, offset + len(sentence)))
            sep = "\n\n" if n % 3 == 2 else " "
            parts.append(sentence + sep)
            offset += len(sentence) + len(sep)
        contact = f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}"
        parts.append(f"\nContact: {contact}, Investor Relations, {company.name}\n")
        text = "".join(parts)
        original = text.encode()
        releases.append(
            Release(
                sha256=hashlib.sha256(original).hexdigest(),
                title=headline.title()[:500],
                release_date=released,
                release_date_precision=Precision.DAY,
                release_date_text=parts[1].strip(),
                origin=f"generated/{label}/seed-{seed}/{first + i:07d}.txt",
                format=Release.Format.TEXT,
                original=original,
                text=text,
                is_bankruptcy=True,
                company=company,
                case=case,
            )
        )
        for event_row, _sentence in chronology:
            event_row.case = case
            all_events.append(event_row)
        spans.append((len(releases) - 1, case_spans, text))
    Release.objects.bulk_create(releases, batch_size=200)
    TimelineEvent.objects.bulk_create(all_events, batch_size=500)

    sources, cursor = [], 0
    for release_index, case_spans, text in spans:
        release = releases[release_index]
        for start, end in case_spans:
            event_row = all_events[cursor]
            cursor += 1
            sources.append(EventSource(event=event_row, release=release, start=start, end=end, quote=text[start:end]))
    EventSource.objects.bulk_create(sources, batch_size=1000)
    out.events += len(all_events)
    out.case_ids.extend(c.pk for c in case_rows)
