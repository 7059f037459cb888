"""Every export parses with its own format's library and says what the page says."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from django.urls import reverse
from icalendar import Calendar

from cases.models import Case
from timeline.models import TimelineEvent

from .fibercore import add_source, build_fibercore

pytestmark = pytest.mark.django_db

CONTRACT = Path(__file__).resolve().parent.parent / "fixtures" / "contract" / "release-extraction.schema.json"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def fibercore(db) -> Case:
    return build_fibercore()


def events_by_kind(document: dict) -> dict[str, dict]:
    return {e["kind"]: e for e in document["events"]}


def test_json_export_keeps_the_contract_names_and_precision(client, fibercore):
    response = client.get(reverse("timeline:case_json", args=[fibercore.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "fibercore-inc-case-" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["format"] == "bankruptcy-chronology/case/1"
    case = document["case"]
    assert case["debtor"] == {"name": "FiberCore, Inc.", "ticker": "FBCE.PK"}
    assert case["court"]["id"] == "mab" and case["court"]["citation"] == "Bankr. D. Mass."
    assert case["court"]["division"] == "Western Division"
    assert case["chapter"] == 11 and case["voluntary"] is True and case["case_number"] is None
    assert case["petition_date"]["value"] == "2003-11-14" and case["petition_date"]["precision"] == "day"
    assert [p["name"] for p in case["people"]] == ["Mohd A. Aslami", "John D. Ronnquist"]

    kinds = [e["kind"] for e in document["events"]]
    assert kinds == ["award", "petition_filed", "motion_filed", "adversary_proceeding"]
    events = events_by_kind(document)
    award = events["award"]
    assert award["date"] == {"value": "2003-07", "precision": "month", "qualifier": "late", "text": "late July"}
    assert award["date_display"] == "late July 2003"
    assert award["amount"] == {"value": 5300000, "currency": "USD", "qualifier": None, "note": "yen-denominated"}
    assert award["amount_display"] == "$5.3 million, yen-denominated"
    assert award["parties"] == [{"name": "Shin-Etsu", "role": "counterparty"}]
    assert award["evidence"]["quote"] in fibercore.releases.get().text
    adversary = events["adversary_proceeding"]
    assert adversary["date"] is None
    assert adversary["reported"]["value"] == "2003-11-17"
    assert adversary["date_display"] == "reported November 17, 2003"
    assert adversary["amount"]["qualifier"] == "in_excess_of"
    assert adversary["amount_display"] == "more than $6,000,000"
    source = adversary["sources"][0]
    assert source["release"]["release_date"]["value"] == "2003-11-17"
    assert source["quote"] == adversary["evidence"]["quote"]
    assert source["context_url"].startswith("http://testserver/sources/")
    assert adversary["url"] == f"http://testserver/cases/{fibercore.pk}/#event-{adversary['id']}"


def test_json_events_validate_against_the_extraction_contract(client, fibercore):
    schema = json.loads(CONTRACT.read_text())
    event_schema = {**schema["$defs"]["event"], "$defs": schema["$defs"]}
    document = json.loads(client.get(reverse("timeline:case_json", args=[fibercore.pk])).content)
    for event in document["events"]:
        jsonschema.validate(event, event_schema)


def test_json_marks_conflicts_and_staff_work_without_details(client, fibercore):
    award = fibercore.events.get(kind="award")
    award.mark_edited(["amount"])
    award.save()
    TimelineEvent.objects.create(
        case=fibercore, kind="petition_filed", date=dt.date(2003, 11, 12), summary="Petition (other)"
    )
    document = json.loads(client.get(reverse("timeline:case_json", args=[fibercore.pk])).content)
    events = document["events"]
    assert events_by_kind(document)["award"]["corrected_by_staff"] is True
    assert "edited_fields" not in json.dumps(document) and '"origin"' not in json.dumps(document)
    petitions = [e for e in events if e["kind"] == "petition_filed"]
    assert all(e["conflicts"] for e in petitions)


def test_csv_export_parses_and_keeps_precision_apart(client, fibercore):
    response = client.get(reverse("timeline:case_csv", args=[fibercore.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["kind"] for r in rows] == ["award", "petition_filed", "motion_filed", "adversary_proceeding"]
    award = rows[0]
    assert (award["date"], award["date_precision"], award["date_qualifier"]) == ("2003-07", "month", "late")
    assert award["date_display"] == "late July 2003"
    assert award["amount"] == "5300000.00" and award["amount_note"] == "yen-denominated"
    assert rows[3]["date"] == "" and rows[3]["reported_date"] == "2003-11-17"
    assert rows[3]["amount_display"] == "more than $6,000,000"
    assert rows[3]["parties"] == "CommScope Inc. (defendant)"


def test_csv_never_starts_a_cell_with_a_formula(client, fibercore):
    TimelineEvent.objects.create(case=fibercore, kind="other", summary='=HYPERLINK("http://evil","x")')
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("timeline:case_csv", args=[fibercore.pk])).text)))
    assert rows[-1]["summary"] == '\'=HYPERLINK("http://evil","x")'


def test_no_csv_cell_starts_a_formula_whatever_its_column(client, fibercore):
    """A currency, a qualifier, a note or a party is text a release or a person wrote too."""
    TimelineEvent.objects.create(
        case=fibercore,
        kind="other",
        summary="\tcmd",
        date=dt.date(2004, 1, 5),
        date_text="@SUM(A1)",
        amount=-5,
        currency="=1+",
        amount_qualifier="+cmd",
        amount_note="-2+3",
        parties=[{"name": "=HYPERLINK(1)", "role": "\rx"}],
    )
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("timeline:case_csv", args=[fibercore.pk])).text)))
    row = next(r for r in rows if r["kind"] == "other")
    for column in ("summary", "date_text", "currency", "amount_qualifier", "amount_note", "parties"):
        assert row[column].startswith("'"), (column, row[column])
    assert row["amount"] == "-5.00"  # a number is no formula
    for r in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for k, value in r.items() if k != "amount"), r


def test_icalendar_export_has_all_day_events_with_month_spans(client, fibercore):
    response = client.get(reverse("timeline:case_ics", args=[fibercore.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = {str(e["categories"].cats[0]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 4
    award = events["award"]
    assert award.decoded("dtstart") == dt.date(2003, 7, 1)
    assert award.decoded("dtend") == dt.date(2003, 8, 1)  # the whole month: the day is not known
    assert "late July 2003; day not given" in str(award["summary"])
    petition = events["petition"]
    assert petition.decoded("dtstart") == dt.date(2003, 11, 14)
    assert petition.decoded("dtend") == dt.date(2003, 11, 15)
    adversary = events["adversary proceeding"]
    assert adversary.decoded("dtstart") == dt.date(2003, 11, 17)
    assert "date not given; reported November 17, 2003" in str(adversary["summary"])
    assert "more than $6,000,000" in str(adversary["description"])
    assert len({str(e["uid"]) for e in events.values()}) == 4


def test_atom_feed_of_a_case_lists_its_events(client, fibercore):
    response = client.get(reverse("timeline:case_feed", args=[fibercore.pk]))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert "FiberCore, Inc." in feed.find(f"{ATOM}title").text
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert len(titles) == 4
    assert "late July 2003: award: Shin-Etsu arbitration award against FiberCore, $5.3 million" in " ".join(titles)
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert all(f"/cases/{fibercore.pk}/#event-" in link for link in links)


def test_atom_feed_of_new_cases(client, fibercore, make_case, make_company):
    make_case(company=make_company("Texaco Inc.", ticker="TX"), court="nysb", petition_date=dt.date(1987, 4, 12))
    feed = ET.fromstring(client.get(reverse("timeline:cases_feed")).content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Texaco Inc., Chapter 11, Bankr. S.D.N.Y.",
        "FiberCore, Inc., Chapter 11, Bankr. D. Mass.",
    ]
    assert "Petition date: November 14, 2003." in entries[1].find(f"{ATOM}summary").text


MARKUP = "<script>alert(1)</script> and &lt;script&gt;"  # as a release wrote them: text, not markup
NUMBER = "<b>03-44261</b> &lt;i&gt;"  # within a case number's 40 characters


def test_atom_feeds_send_what_a_release_wrote_as_text(client, fibercore):
    release = fibercore.releases.get()
    release.text += f"\nThe court sealed the {MARKUP} exhibits.\n"
    release.save()
    event = TimelineEvent.objects.create(case=fibercore, kind="other", summary=f"Sealed the {MARKUP} exhibits")
    add_source(event, release, f"sealed the {MARKUP} exhibits")
    fibercore.case_number = NUMBER
    fibercore.save()
    for url, wanted in (
        (reverse("timeline:case_feed", args=[fibercore.pk]), f"Sealed the {MARKUP} exhibits"),
        (reverse("timeline:cases_feed"), f"Case number: {NUMBER}."),
    ):
        response = client.get(url)
        assert "<script>" not in response.content.decode(), url  # escaped once, as XML text is
        summaries = ET.fromstring(response.content).iter(f"{ATOM}summary")
        match = [s for s in summaries if wanted in s.text]
        assert match and all(s.get("type") == "text" for s in match), url
        assert all(e.get("type") in (None, "text") for e in ET.fromstring(response.content).iter(f"{ATOM}title"))


def test_exports_of_an_unknown_case_are_404(client):
    for name in ("case_json", "case_csv", "case_ics", "case_feed"):
        assert client.get(reverse(f"timeline:{name}", args=[404])).status_code == 404


def test_export_query_count_does_not_grow_with_events(client, fibercore, django_assert_max_num_queries):
    for i in range(40):
        TimelineEvent.objects.create(case=fibercore, kind="hearing", date=dt.date(2004, 1, 1 + i % 28), summary="H")
    for name in ("case_json", "case_csv", "case_ics"):
        with django_assert_max_num_queries(5):
            client.get(reverse(f"timeline:{name}", args=[fibercore.pk]))
