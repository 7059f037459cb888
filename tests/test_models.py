"""The database itself refuses what would corrupt a chronology."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases.models import Case, Company, Court, normalize_case_number, normalize_company_name
from cases.partial_dates import PartialDate, display_partial_date
from timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def test_every_us_bankruptcy_court_is_reference_data():
    assert Court.objects.count() >= 90
    mab = Court.objects.get(id="mab")
    assert mab.citation == "Bankr. D. Mass."
    assert mab.name.startswith("United States Bankruptcy Court")
    assert {"deb", "nysb", "canb", "txsb"} <= set(Court.objects.values_list("id", flat=True))


def test_duplicate_case_number_in_one_court_is_refused(make_case):
    make_case(case_number="03-44261")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(company=Company.objects.create(name="Other Co"), case_number="Case No. 03-44261 (HJB)")


def test_same_case_number_in_another_court_is_allowed(make_case):
    make_case(case_number="03-44261")
    make_case(company=Company.objects.create(name="Other Co"), court="deb", case_number="03-44261")
    assert Case.objects.count() == 2


def test_cases_without_numbers_do_not_collide(make_case):
    make_case()
    make_case(company=Company.objects.create(name="Other Co"))
    assert Case.objects.filter(case_number="").count() == 2


@pytest.mark.parametrize(
    "printed, normalized",
    [
        ("03-44261", "03-44261"),
        ("Case No. 03-44261 (HJB)", "03-44261"),
        ("3:03-bk-44261", "03-44261"),
        ("01-30923 DM", "01-30923"),
    ],
)
def test_case_numbers_are_normalized_for_matching(printed, normalized):
    assert normalize_case_number(printed) == normalized


@pytest.mark.parametrize("name", ["FiberCore, Inc.", "FIBERCORE INC", "Fibercore Incorporated"])
def test_company_names_normalize_to_one_key(name):
    assert normalize_company_name(name) == "fibercore"


def test_duplicate_company_is_refused(make_company):
    make_company("FiberCore, Inc.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_company("FIBERCORE INC")


def test_month_precision_date_with_a_day_is_refused_by_the_database(make_case):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(petition_date=dt.date(2003, 7, 20), petition_date_precision="month")


def test_month_precision_date_with_a_day_fails_validation_with_a_clear_message(make_case):
    case = make_case()
    case.petition_date, case.petition_date_precision = dt.date(2003, 7, 20), "month"
    with pytest.raises(ValidationError, match="first day of its month"):
        case.full_clean()


def test_year_precision_needs_january_first():
    with pytest.raises(ValueError, match="January 1"):
        PartialDate(dt.date(1985, 6, 1), "year")


@pytest.mark.parametrize(
    "value, precision, qualifier, shown",
    [
        (dt.date(2003, 7, 1), "month", "late", "late July 2003"),
        (dt.date(2003, 11, 14), "day", None, "November 14, 2003"),
        (dt.date(2003, 11, 17), "day", "on_or_before", "on or before November 17, 2003"),
        (dt.date(2003, 7, 1), "month", None, "July 2003"),
        (dt.date(2003, 7, 1), "month", "mid", "mid-July 2003"),
        (dt.date(1985, 1, 1), "year", None, "1985"),
    ],
)
def test_partial_dates_read_as_a_person_writes_them(value, precision, qualifier, shown):
    assert display_partial_date(value, precision, qualifier) == shown


def test_chronology_orders_partial_dates_sensibly_and_deterministically(make_case):
    case = make_case()

    def event(summary, value, precision="day", qualifier=""):
        return TimelineEvent.objects.create(
            case=case, kind="other", summary=summary, date=value, date_precision=precision, date_qualifier=qualifier
        )

    event("petition", dt.date(2003, 11, 14))
    event("late July", dt.date(2003, 7, 1), "month", "late")
    event("July 20", dt.date(2003, 7, 20))
    event("July", dt.date(2003, 7, 1), "month")
    event("July 1", dt.date(2003, 7, 1))
    event("2003", dt.date(2003, 1, 1), "year")
    event("motion", dt.date(2003, 11, 17))
    order = list(TimelineEvent.objects.filter(case=case).chronological().values_list("summary", flat=True))
    assert order == ["2003", "July", "July 1", "July 20", "late July", "petition", "motion"]
    assert order == list(TimelineEvent.objects.filter(case=case).values_list("summary", flat=True))


def test_event_links_to_at_most_one_typed_record(make_case):
    from cases.models import AdversaryProceeding, Motion

    case = make_case()
    motion = Motion.objects.create(case=case, kind="dip_financing", description="initial DIP financing")
    suit = AdversaryProceeding.objects.create(case=case, plaintiff="FiberCore, Inc.", defendant="CommScope Inc.")
    with pytest.raises(IntegrityError), transaction.atomic():
        TimelineEvent.objects.create(case=case, kind="other", summary="both", motion=motion, adversary_proceeding=suit)


def test_a_case_cannot_lead_itself(make_case):
    case = make_case()
    case.lead_case = case
    with pytest.raises(ValidationError):
        case.full_clean()
