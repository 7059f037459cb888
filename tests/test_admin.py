"""Staff build and correct cases by hand; the public never gets past the login."""

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse

from cases.models import AdversaryProceeding, Case, Company, DisclosedAward, Motion, Person
from timeline.models import EventSource, Release, TimelineEvent

from .admin_forms import change_form_data, change_url
from .test_review import imported

pytestmark = pytest.mark.django_db

MODELS = [Company, Person, Case, Motion, AdversaryProceeding, DisclosedAward, Release, TimelineEvent]


@pytest.fixture
def one_of_each(make_case):
    case = make_case(case_number="03-44261", division="Western Division")
    Person.objects.create(company=case.company, name="Mohd A. Aslami", title="President/CEO")
    motion = Motion.objects.create(case=case, kind="dip_financing", description="initial DIP financing")
    AdversaryProceeding.objects.create(case=case, plaintiff="FiberCore, Inc.", defendant="CommScope Inc.")
    DisclosedAward.objects.create(case=case, in_favor_of="Shin-Etsu", against="FiberCore, Inc.")
    release = Release.objects.create(
        sha256="a" * 64,
        origin="fixtures/releases/x.txt",
        original=b"<script>alert(1)</script>",
        text="<script>alert(1)</script> FiberCore filed.",
        is_bankruptcy=True,
        case=case,
    )
    event = TimelineEvent.objects.create(case=case, kind="motion_filed", summary="DIP motion", motion=motion)
    EventSource.objects.create(event=event, release=release, start=27, end=43, quote="FiberCore filed.")
    return case


def test_every_model_is_registered_in_the_admin():
    for model in MODELS:
        assert admin.site.is_registered(model), model


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_render_for_staff(staff_client, one_of_each, model):
    meta = model._meta
    for url in [
        reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_add"),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[model.objects.first().pk]),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[model.objects.first().pk]),
    ]:
        response = staff_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_anonymous_visitors_are_sent_to_the_login(client, one_of_each, model):
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_changelist_search_finds_a_case_by_ticker(staff_client, one_of_each):
    response = staff_client.get(reverse("admin:cases_case_changelist"), {"q": "FBCE"})
    assert b"FiberCore" in response.content


def test_release_text_is_read_only_and_escaped(staff_client, one_of_each):
    release = Release.objects.get()
    response = staff_client.get(reverse("admin:timeline_release_change", args=[release.pk]))
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content
    assert b'name="text"' not in response.content


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def case_form(company, **overrides):
    data = {
        "company": company.pk,
        "court": "mab",
        "division": "Western Division",
        "chapter": "11",
        "voluntary": "true",
        "case_number": "",
        "status": "open",
        "petition_date": "2003-11-14",
        "petition_date_precision": "day",
        "petition_date_qualifier": "",
        "petition_date_text": "late Friday afternoon, November 14th",
        "lead_case": "",
        **management_form("motions"),
        **management_form("adversary_proceedings"),
        **management_form("awards"),
        **management_form("events"),
    }
    data.update(overrides)
    return data


def test_staff_enter_the_whole_fibercore_case_by_hand(staff_client):
    company = Company.objects.create(name="FiberCore, Inc.", ticker="FBCE.PK")
    data = case_form(
        company,
        **{
            **management_form("motions", total=1),
            "motions-0-kind": "dip_financing",
            "motions-0-status": "filed",
            "motions-0-description": "Motion for initial DIP financing",
            "motions-0-filed": "2003-11-17",
            "motions-0-filed_precision": "day",
            "motions-0-filed_qualifier": "",
            "motions-0-currency": "USD",
            **management_form("adversary_proceedings", total=1),
            "adversary_proceedings-0-plaintiff": "FiberCore, Inc.",
            "adversary_proceedings-0-defendant": "CommScope Inc.",
            "adversary_proceedings-0-nature": "breach of contract",
            "adversary_proceedings-0-amount": "6000000",
            "adversary_proceedings-0-currency": "USD",
            "adversary_proceedings-0-amount_qualifier": "in_excess_of",
            "adversary_proceedings-0-filed_precision": "day",
            **management_form("awards", total=1),
            "awards-0-kind": "arbitration_award",
            "awards-0-in_favor_of": "Shin-Etsu",
            "awards-0-against": "FiberCore, Inc.",
            "awards-0-amount": "5300000",
            "awards-0-currency": "USD",
            "awards-0-amount_note": "yen-denominated",
            "awards-0-date": "2003-07-01",
            "awards-0-date_precision": "month",
            "awards-0-date_qualifier": "late",
            "awards-0-date_text": "late July",
        },
    )
    response = staff_client.post(reverse("admin:cases_case_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    case = Case.objects.get()
    assert (case.court_id, case.division, case.chapter, case.voluntary) == ("mab", "Western Division", 11, True)
    assert case.petition.display() == "November 14, 2003"
    assert case.origin == "staff"
    assert case.motions.get().filed == dt.date(2003, 11, 17)
    suit = case.adversary_proceedings.get()
    assert (suit.defendant, suit.amount, suit.amount_qualifier) == ("CommScope Inc.", 6000000, "in_excess_of")
    award = case.awards.get()
    assert (award.date, award.date_precision, award.date_qualifier, award.amount_note) == (
        dt.date(2003, 7, 1),
        "month",
        "late",
        "yen-denominated",
    )
    assert award.origin == "staff"


def test_month_precision_with_a_day_is_refused_with_a_message(staff_client):
    company = Company.objects.create(name="FiberCore, Inc.")
    data = case_form(company, petition_date="2003-11-14", petition_date_precision="month")
    response = staff_client.post(reverse("admin:cases_case_add"), data)
    assert response.status_code == 200
    assert "first day of its month" in response.content.decode()
    assert not Case.objects.exists()


def test_a_correction_is_recorded_as_staff_work_with_history(staff_client, make_case):
    case = make_case()
    url = reverse("admin:cases_case_change", args=[case.pk])
    data = case_form(case.company, petition_date="2003-11-13", petition_date_text="corrected from the docket")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.petition_date == dt.date(2003, 11, 13)
    assert "petition_date" in case.edited_fields
    assert not case.import_may_set("petition_date")
    assert case.import_may_set("chapter")
    previous = case.history.order_by("history_date")
    assert [h.petition_date for h in previous] == [dt.date(2003, 11, 14), dt.date(2003, 11, 13)]
    assert previous.last().history_user == staff_client.user


def test_a_sources_span_edited_in_the_admin_takes_the_words_it_spans(staff_client, tmp_path):
    """The release page highlights the span and the case page quotes the quote: they must be one passage."""
    imported("00")
    event = TimelineEvent.objects.get(kind="adversary_proceeding")
    source = event.sources.get()
    text = source.release.text
    start = text.index("CommScope")
    data = change_form_data(staff_client, event, **{"sources-0-start": str(start), "sources-0-end": str(start + 9)})
    response = staff_client.post(change_url(event), data)
    assert response.status_code == 302, response.context and response.context["inline_admin_formsets"][0].formset.errors
    source.refresh_from_db()
    assert (source.start, source.end, source.quote) == (start, start + 9, "CommScope")
    assert "<mark>CommScope</mark>" in staff_client.get(source.release.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "start, end, message",
    [
        (10, 10**6, "The release&#x27;s text ends at character"),  # past the end of the text
        (40, 40, "A source spans at least one character"),
    ],
)
def test_a_span_that_holds_no_words_of_the_release_is_refused(staff_client, start, end, message):
    imported("00")
    event = TimelineEvent.objects.get(kind="adversary_proceeding")
    before = event.sources.values_list("start", "end", "quote").get()
    data = change_form_data(staff_client, event, **{"sources-0-start": str(start), "sources-0-end": str(end)})
    response = staff_client.post(change_url(event), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert event.sources.values_list("start", "end", "quote").get() == before
