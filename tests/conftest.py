"""Factories as plain fixtures returning a function; a staff client for the admin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cases.models import Case, Company, Court

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASES = FIXTURES / "corpus" / "releases"


@pytest.fixture
def make_company(db):
    def make(name: str = "FiberCore, Inc.", **fields) -> Company:
        fields.setdefault("ticker", "FBCE.PK")
        return Company.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_case(db, make_company):
    def make(company: Company | None = None, court: str | None = "mab", **fields) -> Case:
        fields.setdefault("chapter", 11)
        fields.setdefault("petition_date", dt.date(2003, 11, 14))
        return Case.objects.create(
            company=company or make_company(),
            court=Court.objects.get(id=court) if court else None,
            **fields,
        )

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="clerk", password="a-long-test-password", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    client.user = user
    return client
