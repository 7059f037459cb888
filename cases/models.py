"""The bankruptcy domain: courts, companies, people, cases and what is filed in them.

Modelled on what the field already records (CourtListener's Docket and BankruptcyInformation,
PACER, the UCLA-LoPucki database). Integrity lives in database constraints, not only in forms.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .fields import (
    Amount,
    Confidence,
    Provenance,
    check_partial_date,
    partial_date_constraints,
    partial_date_fields,
    partial_date_of,
)
from .querysets import CaseQuerySet, CompanyQuerySet

_CORPORATE_SUFFIX = re.compile(
    r"\b(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|plc|the)\b\.?", re.I
)


def normalize_company_name(name: str) -> str:
    """'FiberCore, Inc.' and 'FIBERCORE INC' are one company: lower case, no suffix, no punctuation."""
    s = name.lower().replace("&", " and ")
    s = _CORPORATE_SUFFIX.sub(" ", s)
    return re.sub(r"[^a-z0-9]+", "", s) or re.sub(r"\s+", " ", name.lower()).strip()


def normalize_case_number(number: str) -> str:
    """'Case No. 03-44261 (HJB)', '03-44261' and '3:03-bk-44261' all match as '03-44261'."""
    s = number.strip().lower()
    s = re.sub(r"^(case|adv(ersary)?|proc(eeding)?|no\.?|number|#|\s)+", "", s)
    m = re.search(r"(?:\d:)?(\d{2})-?(?:bk|br|b|ap)?-?(\d{3,6})", s)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):05d}"
    return re.sub(r"[^0-9a-z-]+", "", s)


_NAME_NOISE = {"dr", "mr", "mrs", "ms", "jr", "sr", "ii", "iii", "iv"}


def person_key(name: str) -> tuple[str, str]:
    """'Dr. Mohd A. Aslami' and 'Mohd Aslami' are one person: the same first and last name."""
    words = [w for w in re.sub(r"[^\w\s-]", " ", name.lower()).split() if w not in _NAME_NOISE]
    return (words[0], words[-1]) if words else ("", "")


class Court(models.Model):
    """A U.S. bankruptcy court, keyed on its courts-db / CourtListener id. Reference data."""

    id = models.CharField(
        primary_key=True, max_length=15, help_text="courts-db id, e.g. mab, deb, nysb: readable in URLs and exports."
    )
    name = models.CharField(max_length=200)
    citation = models.CharField(max_length=40, help_text='Bluebook citation string, e.g. "Bankr. D. Mass."')
    jurisdiction = models.CharField(max_length=60, help_text="The state or territory the court sits in.")
    divisions = models.JSONField(default=list, blank=True, help_text="Division names courts-db knows for it.")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.citation} ({self.id})"


class Company(Confidence):
    FACTS = {"name": ("name",), "ticker": ("ticker", "market")}

    name = models.CharField(max_length=200)
    normalized_name = models.CharField(
        max_length=200,
        unique=True,
        editable=False,
        help_text="Name without case, punctuation or Inc./Corp.: the match key.",
    )
    ticker = models.CharField(max_length=30, blank=True, default="", help_text="As written, e.g. FBCE.PK.")
    market = models.CharField(max_length=40, blank=True, default="", help_text="e.g. NYSE, AMEX, Pink Sheets.")
    address = models.CharField(max_length=300, blank=True, default="")
    website = models.URLField(blank=True, default="")
    history = HistoricalRecords()

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        indexes = [
            # case list search by ticker
            models.Index(fields=["ticker"], name="cases_company_ticker_idx"),
            # the admin's review queue: the least sure first, only rows with a fact left to review
            models.Index(
                fields=["confidence"], condition=Q(confidence__isnull=False), name="cases_company_confidence_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.ticker})" if self.ticker else self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_company_name(self.name)
        super().save(*args, **kwargs)


class CompanyAlias(models.Model):
    """A name a person corrected a debtor's name away from: a later release that writes it means this company,
    so a correction is never undone by the next import creating the misread name again."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="aliases")
    normalized_name = models.CharField(max_length=200, unique=True, help_text="The misread name's match key.")
    name = models.CharField(max_length=200, help_text="As the import had it.")

    class Meta:
        verbose_name_plural = "company aliases"

    def __str__(self) -> str:
        return f"{self.name} → {self.company}"


class Person(Provenance):
    """Someone a release quotes or lists as a contact: the CEO, the interim CFO."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["company", "name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["company", "name"], name="cases_person_unique_company_name")]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


class Case(Confidence):
    FACTS = {
        "chapter": ("chapter",),
        "voluntary": ("voluntary",),
        "court": ("court", "division"),
        "case_number": ("case_number",),
        "petition_date": ("petition_date",),
    }

    class Chapter(models.IntegerChoices):
        CH7 = 7, "Chapter 7"
        CH9 = 9, "Chapter 9"
        CH11 = 11, "Chapter 11"
        CH12 = 12, "Chapter 12"
        CH13 = 13, "Chapter 13"
        CH15 = 15, "Chapter 15"

    class Status(models.TextChoices):
        OPEN = "open", "open"
        CONVERTED = "converted", "converted"
        DISMISSED = "dismissed", "dismissed"
        PLAN_CONFIRMED = "plan_confirmed", "plan confirmed"
        EMERGED = "emerged", "emerged"
        CLOSED = "closed", "closed"

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="cases", verbose_name="debtor")
    court = models.ForeignKey(
        Court, on_delete=models.PROTECT, related_name="cases", null=True, blank=True, help_text="Empty when not known."
    )
    division = models.CharField(max_length=60, blank=True, default="", help_text='e.g. "Western Division".')
    chapter = models.PositiveSmallIntegerField(choices=Chapter, null=True, blank=True)
    voluntary = models.BooleanField(
        null=True, blank=True, help_text="Yes: filed by the debtor. No: an involuntary petition by creditors."
    )
    case_number = models.CharField(max_length=40, blank=True, default="", help_text="As printed, e.g. 03-44261 (HJB).")
    case_number_normalized = models.CharField(
        max_length=40, blank=True, default="", editable=False, help_text="The match key: 03-44261."
    )
    petition_date, petition_date_precision, petition_date_qualifier, petition_date_text = partial_date_fields(
        "petition date"
    )
    status = models.CharField(max_length=15, choices=Status, default=Status.OPEN)
    lead_case = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jointly_administered",
        help_text="For jointly administered cases: the case the court administers them under.",
        db_index=False,  # indexed below where set: nearly every case has none
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(
        auto_now=True,
        help_text="Last change of the case or of what its page shows beside it (timeline.page_changes): "
        "the version its cached head is kept under.",
    )
    history = HistoricalRecords()

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-petition_date", "company__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "case_number_normalized"],
                condition=~Q(case_number_normalized=""),
                name="cases_case_unique_court_number",
            ),
            models.CheckConstraint(condition=~Q(lead_case=models.F("id")), name="cases_case_not_own_lead"),
            *partial_date_constraints("petition_date", "cases_case"),
        ]
        indexes = [
            # case list: newest petitions first
            models.Index(fields=["-petition_date", "id"], name="cases_case_petition_idx"),
            # a later release joins the case by number
            models.Index(fields=["case_number_normalized"], name="cases_case_number_idx"),
            # the cases jointly administered under one lead. Partial: NULL for nearly every case, and
            # SQLite's ANALYZE counts those NULLs as one key (100,000 rows a value), then scans the
            # petition index instead (150 ms instead of 0.1 ms); this index has only the set rows.
            models.Index(fields=["lead_case"], condition=Q(lead_case__isnull=False), name="cases_case_lead_case_idx"),
            # the admin's review queue: the least sure first, only rows with a fact left to review
            models.Index(
                fields=["confidence"], condition=Q(confidence__isnull=False), name="cases_case_confidence_idx"
            ),
        ]

    def __str__(self) -> str:
        chapter = f"Chapter {self.chapter}" if self.chapter else "Chapter ?"
        court = self.court.citation if self.court_id and self.court else "court unknown"
        return f"{self.company.name}, {chapter}, {court}"

    def get_absolute_url(self) -> str:
        return reverse("timeline:case_detail", args=[self.pk])

    def clean(self) -> None:
        check_partial_date(self, "petition_date")
        if self.lead_case_id and self.lead_case_id == self.pk:
            raise ValidationError({"lead_case": "A case cannot be its own lead case."})

    def save(self, *args, **kwargs) -> None:
        self.case_number_normalized = normalize_case_number(self.case_number) if self.case_number else ""
        super().save(*args, **kwargs)

    @property
    def petition(self):
        return partial_date_of(self, "petition_date")


class CaseRecord(Provenance):
    """What every filing in a case shares: the case, one partial date, a description."""

    date_field = "filed"  # the partial date each kind of record is dated by

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url()

    def clean(self) -> None:
        check_partial_date(self, self.date_field)


class Motion(CaseRecord, Amount):
    class Kind(models.TextChoices):
        DIP_FINANCING = "dip_financing", "DIP financing"
        CASH_COLLATERAL = "cash_collateral", "cash collateral"
        FIRST_DAY = "first_day", "first-day"
        SALE_363 = "sale_363", "sale under section 363"
        PLAN_EXCLUSIVITY = "plan_exclusivity", "plan / exclusivity"
        OTHER = "other", "other"

    class Status(models.TextChoices):
        FILED = "filed", "filed"
        INTERIM_GRANTED = "interim_granted", "granted on an interim basis"
        GRANTED = "granted", "granted"
        DENIED = "denied", "denied"
        WITHDRAWN = "withdrawn", "withdrawn"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="motions")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    description = models.CharField(max_length=500)
    filed, filed_precision, filed_qualifier, filed_text = partial_date_fields("filed")
    status = models.CharField(max_length=20, choices=Status, default=Status.FILED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "filed", "id"]
        constraints = partial_date_constraints("filed", "cases_motion")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} motion: {self.description[:60]}"


class AdversaryProceeding(CaseRecord, Amount):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="adversary_proceedings")
    plaintiff = models.CharField(max_length=200)
    defendant = models.CharField(max_length=200)
    nature = models.CharField(
        max_length=500, blank=True, default="", help_text="The claims, e.g. breach of contract, preference recovery."
    )
    filed, filed_precision, filed_qualifier, filed_text = partial_date_fields("filed")
    adversary_number = models.CharField(max_length=40, blank=True, default="", help_text="e.g. Adv. Pro. No. 03-4123.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "filed", "id"]
        constraints = partial_date_constraints("filed", "cases_adversaryproceeding")

    def __str__(self) -> str:
        return f"{self.plaintiff} v. {self.defendant}"


class DisclosedAward(CaseRecord, Amount):
    """An arbitration award or court judgment a release discloses, often the cause of the filing."""

    class Kind(models.TextChoices):
        ARBITRATION_AWARD = "arbitration_award", "arbitration award"
        JUDGMENT = "judgment", "judgment"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="awards")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ARBITRATION_AWARD)
    in_favor_of = models.CharField(max_length=200, blank=True, default="")
    against = models.CharField(max_length=200, blank=True, default="")
    forum = models.CharField(max_length=200, blank=True, default="", help_text="Arbitral body or court, when named.")
    date, date_precision, date_qualifier, date_text = partial_date_fields("date")
    date_field = "date"
    description = models.CharField(max_length=500, blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "date", "id"]
        constraints = partial_date_constraints("date", "cases_disclosedaward")

    def __str__(self) -> str:
        parties = " v. ".join(p for p in (self.in_favor_of, self.against) if p)
        return f"{self.get_kind_display()}: {parties}" if parties else self.get_kind_display()
