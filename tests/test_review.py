"""Confidence kept on the rows, the admin's review queue, and a person's answer outliving every import.

The releases are real ones of the dev corpus, imported with the real command.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from cases.models import AdversaryProceeding, Case, Company, CompanyAlias, DisclosedAward, Motion
from timeline import review
from timeline.models import TimelineEvent

from .admin_forms import change_form_data, change_url
from .conftest import RELEASES
from .test_ingest_command import ingest

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def release(prefix: str):
    (path,) = RELEASES.glob(f"{prefix}_*.txt")
    return path


def imported(prefix: str):
    status, _, err = ingest(release(prefix))
    assert status == 0, err


def retold(prefix: str, tmp_path):
    """The same release again with a line of its own (other bytes): a second release telling the same facts."""
    path = tmp_path / f"again_{release(prefix).name}"
    path.write_bytes(release(prefix).read_bytes() + b"\n\n(Reprinted.)\n")
    status, _, err = ingest(path)
    assert status == 0, err


def item(model: str, fact: str, name: str) -> review.Item:
    found = [i for i in review.open_items(limit=500) if i.model == model and i.fact == fact]
    match = [i for i in found if name in str(i.case.company if i.case else i.obj)]
    assert match, [str(i.case or i.obj) for i in found]
    return match[0]


def form_data(it: review.Item, **values) -> dict:
    from timeline.review_forms import FactForm

    form = FactForm(it)
    data = {f"{it.key}-{name}": field.initial for name, field in form.fields.items()}
    data.update({f"{it.key}-{name}": value for name, value in values.items()})
    return {k: ("" if v is None else v) for k, v in data.items()}


def answer_url(it: review.Item) -> str:
    return reverse("admin:review_answer", args=[it.model, it.obj.pk, it.fact])


# --- confidence on the rows ----------------------------------------------------------------------------


def test_an_import_keeps_each_facts_confidence_reason_and_sentence():
    imported("00")
    case = Case.objects.get()
    chapter = case.confidence_facts["chapter"]
    assert 0 < chapter["score"] <= 100 and chapter["reason"] == "Written in the petition sentence"
    assert "filed for protection under Chapter 11" in " ".join(chapter["quote"].split())
    assert set(case.confidence_facts) >= {"chapter", "court", "petition_date", "voluntary"}
    assert all("reason" in e for e in TimelineEvent.objects.values_list("confidence_facts__event", flat=True))
    assert Company.objects.get().confidence_facts["name"]["score"] >= 85


def test_a_second_release_reading_the_same_value_raises_its_score():
    imported("00")
    before = Case.objects.get().confidence_facts["court"]["score"]
    imported("28")  # the photonics.com rewrite of the same release
    court = Case.objects.get().confidence_facts["court"]
    assert court["score"] > before and len(court["releases"]) == 2
    assert court["reason"].startswith("Read the same way in 2 releases")


def test_the_dry_run_prints_every_facts_confidence(tmp_path):
    import json

    status, out, _ = ingest(release("305"), dry_run=True, format="jsonl")
    got = json.loads(out)
    assert status == 0 and got["company"]["confidence"]["name"]["reason"]
    assert {"chapter", "petition_date"} <= set(got["case"]["confidence"])
    assert all(0 < e["confidence"]["score"] <= 1 and e["confidence"]["reason"] for e in got["events"])


# --- the queue -----------------------------------------------------------------------------------------


def test_the_queue_shows_each_unsure_fact_beside_its_sentence(staff_client, django_assert_max_num_queries):
    imported("304")  # the debtor is named only as 'Lehman's bankruptcy attorney'
    imported("310")  # Detroit's chapter is implied by 'municipal bankruptcy', never written
    with django_assert_max_num_queries(12):
        page = staff_client.get(reverse("admin:review")).content.decode()
    assert "Debtor&#x27;s name" in page and "Lehman" in page
    assert "Named by the case told as its own" in page
    assert "Harvey Miller, Lehman&#x27;s bankruptcy attorney" in page  # the sentence it was read from
    assert "Implied, not written" in page
    events_only = staff_client.get(reverse("admin:review"), {"kind": "event"}).content.decode()
    assert "Debtor&#x27;s name" not in events_only
    assert "Needs review" in staff_client.get(reverse("admin:index")).content.decode()


def test_the_queue_is_behind_the_admin_login(client):
    response = client.get(reverse("admin:review"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_confirming_in_place_makes_the_value_a_persons(staff_client, tmp_path):
    imported("310")
    it = item("case", "chapter", "Detroit")
    response = staff_client.post(answer_url(it), {**form_data(it), "action": "confirm"}, **HTMX)
    assert response.status_code == 200 and "Confirmed by clerk" in response.content.decode()
    assert 'id="review-count" hx-swap-oob="true"' in response.content.decode()
    case = Case.objects.get(pk=it.obj.pk)
    assert case.confidence_facts["chapter"]["confirmed_by"] == "clerk" and not case.needs_review("chapter")
    assert not case.import_may_set("chapter")
    retold("310", tmp_path)  # a later import reads the same guess again
    case.refresh_from_db()
    assert (
        case.confidence_facts["chapter"]["confirmed_by"] == "clerk"
        and len(case.confidence_facts["chapter"]["releases"]) == 1
    )
    assert case.history.first().history_change_reason == review.REASON_CONFIRMED


def test_a_correction_is_the_persons_and_a_later_release_joins_the_corrected_debtor(staff_client, tmp_path):
    imported("304")
    it = item("company", "name", "Lehman")
    response = staff_client.post(
        answer_url(it), {**form_data(it, name="Lehman Brothers Holdings Inc."), "action": "confirm"}
    )
    assert response.status_code == 302  # without htmx: back to the queue, with a message
    company = Company.objects.get()
    assert company.name == "Lehman Brothers Holdings Inc." and "name" in company.edited_fields
    assert CompanyAlias.objects.get().normalized_name == "lehman"
    retold("304", tmp_path)  # the misread name again: it joins the corrected debtor, no second 'Lehman'
    assert list(Company.objects.values_list("name", flat=True)) == ["Lehman Brothers Holdings Inc."]
    assert Case.objects.count() == 1


def test_deleting_an_event_is_not_undone_by_a_release_telling_it_again(staff_client, tmp_path):
    imported("212")  # DBSD: a plan filing told only in the headline, undated
    it = item("event", "event", "DBSD")
    response = staff_client.post(answer_url(it), {"action": "delete"}, **HTMX)
    assert "Deleted by clerk" in response.content.decode()
    assert not TimelineEvent.objects.filter(pk=it.obj.pk).exists()
    retold("212", tmp_path)
    assert not TimelineEvent.objects.filter(kind=it.obj.kind).exists()


def test_deleting_a_case_field_empties_it_for_good(staff_client, tmp_path):
    imported("103")  # the court resolved from 'the bankruptcy court in Shreveport'
    it = item("case", "court", "Hollywood")
    staff_client.post(answer_url(it), {"action": "delete"}, **HTMX)
    case = Case.objects.get()
    assert case.court_id is None and "court" in case.edited_fields
    assert not case.import_may_set("court")


def test_a_bad_correction_says_why_and_changes_nothing(staff_client):
    imported("310")
    it = item("case", "chapter", "Detroit")
    response = staff_client.post(answer_url(it), {**form_data(it, chapter="8"), "action": "confirm"}, **HTMX)
    page = response.content.decode()
    assert "Select a valid choice" in page and "Confirmed" not in page
    assert Case.objects.get().chapter == 9 and Case.objects.get().needs_review("chapter")


def test_a_name_another_debtor_has_is_refused(staff_client, make_company):
    imported("304")
    make_company("Lehman Brothers Holdings Inc.", ticker="")
    it = item("company", "name", "Lehman")
    response = staff_client.post(
        answer_url(it), {**form_data(it, name="Lehman Brothers Holdings, Inc"), "action": "confirm"}, **HTMX
    )
    assert "Another debtor is already named" in response.content.decode()
    assert Company.objects.filter(name="Lehman").exists()


# --- the case page -------------------------------------------------------------------------------------


def test_the_case_page_marks_unconfirmed_facts_until_a_person_answers(client, staff_client):
    imported("310")
    case = Case.objects.get()
    page = client.get(case.get_absolute_url()).content.decode()
    assert page.count("mark--unsure") >= 2  # the debtor's name and the implied chapter
    assert "Implied, not written" in page
    it = item("case", "chapter", "Detroit")
    staff_client.post(answer_url(it), {**form_data(it), "action": "confirm"}, **HTMX)
    after = client.get(case.get_absolute_url()).content.decode()  # the cached head is keyed on the row
    assert "Implied, not written" not in after and after.count("mark--unsure") == page.count("mark--unsure") - 1


# --- a correction never forks a case -------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, correction, kept",
    [
        ("00", {"court": "deb", "division": ""}, ("court_id", "deb")),  # FiberCore: the importer read mab
        ("210", {"court": "deb"}, ("court_id", "deb")),  # MBC Holding: court and case number read
        ("210", {"case_number": "02-40722"}, ("case_number_normalized", "02-40722")),
        ("00", {"chapter": "7"}, ("chapter", 7)),
        ("00", {"petition_date": "2003-11-13"}, ("petition_date", dt.date(2003, 11, 13))),
    ],
    ids=["court", "court-of-a-numbered-case", "case-number", "chapter", "petition-date"],
)
def test_a_release_told_again_joins_the_case_staff_corrected_in_the_admin(
    staff_client, tmp_path, prefix, correction, kept
):
    imported(prefix)
    case = Case.objects.get()
    events = list(TimelineEvent.objects.values_list("kind", "date").order_by("pk"))
    response = staff_client.post(change_url(case), change_form_data(staff_client, case, **correction))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    retold(prefix, tmp_path)  # the release the importer first read, in other bytes
    case = Case.objects.get()  # one case still
    field, value = kept
    assert getattr(case, field) == value  # the person's value stands
    assert list(TimelineEvent.objects.values_list("kind", "date").order_by("pk")) == events  # no copies
    assert all(e.sources.count() == 2 for e in TimelineEvent.objects.all())  # each told by both releases


def test_a_release_told_again_joins_the_case_whose_court_staff_corrected_in_the_queue(staff_client, tmp_path):
    imported("103")  # the court resolved from 'the bankruptcy court in Shreveport'
    it = item("case", "court", "Hollywood")
    staff_client.post(answer_url(it), {**form_data(it, court="laeb"), "action": "confirm"}, **HTMX)
    assert Case.objects.get().court_id == "laeb"
    retold("103", tmp_path)
    assert list(Case.objects.values_list("court_id", flat=True)) == ["laeb"]


def test_a_release_naming_the_debtor_otherwise_joins_the_numbered_case_staff_moved_to_another_court(
    staff_client, tmp_path
):
    imported("210")  # MBC Holding Company, Case No. 02-40721 in the District of Minnesota
    case = Case.objects.get()
    staff_client.post(change_url(case), change_form_data(staff_client, case, court="deb"))
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(release("210").read_bytes().replace(b"MBC Holding Company", b"MBC Holdings Group"))
    status, _, err = ingest(renamed)
    assert status == 0, err
    assert list(Case.objects.values_list("pk", "court_id")) == [(case.pk, "deb")]


@pytest.mark.parametrize(
    "prefix, kind",
    [("00", "petition_filed"), ("00", "motion_filed"), ("400", "petition_filed")],  # 400: told without a date
    ids=["petition", "motion", "undated-petition"],
)
def test_a_release_told_again_confirms_the_event_staff_re_dated_rather_than_copying_it(
    staff_client, tmp_path, prefix, kind
):
    imported(prefix)
    event = TimelineEvent.objects.get(kind=kind)
    count = TimelineEvent.objects.count()
    correction = {"date": "2003-11-10", "date_precision": "day", "date_text": "from the docket"}
    response = staff_client.post(change_url(event), change_form_data(staff_client, event, **correction))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    retold(prefix, tmp_path)
    assert TimelineEvent.objects.count() == count
    event = TimelineEvent.objects.get(kind=kind)
    assert event.date == dt.date(2003, 11, 10) and event.sources.count() == 2  # the person's day, both releases


@pytest.mark.parametrize(
    "model, correction",
    [
        (AdversaryProceeding, {"defendant": "CommScope Solutions"}),
        (Motion, {"kind": "cash_collateral"}),
        (DisclosedAward, {"in_favor_of": "Shin-Etsu Chemical Co."}),
    ],
    ids=["adversary-defendant", "motion-kind", "award-counterparty"],
)
def test_a_release_told_again_confirms_the_record_staff_corrected_rather_than_copying_it(
    staff_client, tmp_path, model, correction
):
    """A typed record is known by what it is (a motion's kind, a suit's defendant, an award's parties)."""
    imported("00")
    record = model.objects.get()
    count = TimelineEvent.objects.count()
    response = staff_client.post(change_url(record), change_form_data(staff_client, record, **correction))
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    retold("00", tmp_path)
    assert TimelineEvent.objects.count() == count and model.objects.count() == 1
    record = model.objects.get()
    assert all(getattr(record, field) == value for field, value in correction.items())
    assert all(e.sources.count() == 2 for e in TimelineEvent.objects.all())
