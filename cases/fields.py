"""Model fields shared by every record that comes from a release: partial dates, amounts, provenance."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .partial_dates import DAY, MONTH, YEAR, PartialDate, partial_date_problem


class Precision(models.TextChoices):
    DAY = DAY, "day"
    MONTH = MONTH, "month"
    YEAR = YEAR, "year"


class DateQualifier(models.TextChoices):
    EARLY = "early", "early"
    MID = "mid", "mid"
    LATE = "late", "late"
    ABOUT = "about", "about"
    BEFORE = "before", "before"
    ON_OR_BEFORE = "on_or_before", "on or before"
    AFTER = "after", "after"
    ON_OR_AFTER = "on_or_after", "on or after"


class AmountQualifier(models.TextChoices):
    ABOUT = "about", "about"
    IN_EXCESS_OF = "in_excess_of", "in excess of"
    UP_TO = "up_to", "up to"
    AT_LEAST = "at_least", "at least"


def partial_date_fields(label: str) -> tuple[models.Field, ...]:
    """The four columns of one partial date: value, precision, qualifier and the release's words.

    Use as ``filed, filed_precision, filed_qualifier, filed_text = partial_date_fields("filed")``
    and add ``partial_date_constraints("filed", ...)`` to ``Meta.constraints``.
    """
    return (
        models.DateField(
            label,
            null=True,
            blank=True,
            help_text="First day of the period when only the month or year is known; never an invented day.",
        ),
        models.CharField(f"{label} precision", max_length=5, choices=Precision, default=Precision.DAY),
        models.CharField(f"{label} qualifier", max_length=12, choices=DateQualifier, blank=True, default=""),
        models.CharField(
            f"{label} as written", max_length=300, blank=True, default="", help_text="The words the date came from."
        ),
    )


def partial_date_constraints(field: str, model: str) -> list[models.CheckConstraint]:
    """Month precision starts on day 1, year precision on January 1: the database refuses an invented day."""
    value, precision = field, f"{field}_precision"
    return [
        models.CheckConstraint(
            name=f"{model}_{field}_month_starts_day_1",
            condition=~Q(**{precision: MONTH}) | Q(**{f"{value}__isnull": True}) | Q(**{f"{value}__day": 1}),
        ),
        models.CheckConstraint(
            name=f"{model}_{field}_year_starts_jan_1",
            condition=~Q(**{precision: YEAR})
            | Q(**{f"{value}__isnull": True})
            | Q(**{f"{value}__day": 1, f"{value}__month": 1}),
        ),
    ]


def partial_date_of(obj: models.Model, field: str) -> PartialDate | None:
    """The PartialDate stored in ``field`` and its three sibling columns, or None."""
    value = getattr(obj, field)
    if value is None:
        return None
    return PartialDate(
        value=value,
        precision=getattr(obj, f"{field}_precision"),
        qualifier=getattr(obj, f"{field}_qualifier") or None,
        text=getattr(obj, f"{field}_text"),
    )


def check_partial_date(obj: models.Model, field: str) -> None:
    """Model.clean() half of the constraints: the same rule, with a message a form can show."""
    problem = partial_date_problem(
        getattr(obj, field), getattr(obj, f"{field}_precision"), getattr(obj, f"{field}_qualifier") or None
    )
    if problem:
        raise ValidationError({field: problem})


def set_partial_date(obj: models.Model, field: str, date: PartialDate | None) -> None:
    setattr(obj, field, date.value if date else None)
    setattr(obj, f"{field}_precision", date.precision if date else Precision.DAY)
    setattr(obj, f"{field}_qualifier", (date.qualifier or "") if date else "")
    setattr(obj, f"{field}_text", (date.text[:300]) if date else "")


class Amount(models.Model):
    """Money as the release wrote it: value, currency, 'in excess of', and a note such as 'yen-denominated'."""

    amount = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217 code.")
    amount_qualifier = models.CharField(max_length=12, choices=AmountQualifier, blank=True, default="")
    amount_note = models.CharField(max_length=200, blank=True, default="", help_text="e.g. yen-denominated")

    class Meta:
        abstract = True


class Origin(models.TextChoices):
    IMPORT = "import", "imported from a release"
    STAFF = "staff", "entered by staff"


class Provenance(models.Model):
    """Tells a value an import wrote from one a person wrote or changed, so re-imports never undo people.

    ``edited_fields`` lists the fields a person set in the admin; an import leaves those alone, and
    leaves a record entered by staff alone entirely.
    """

    origin = models.CharField(max_length=6, choices=Origin, default=Origin.IMPORT, editable=False)
    edited_fields = models.JSONField(
        default=list, blank=True, editable=False, help_text="Fields a person set or corrected in the admin."
    )

    class Meta:
        abstract = True

    @property
    def touched_by_staff(self) -> bool:
        return self.origin == Origin.STAFF or bool(self.edited_fields)

    def import_may_set(self, field: str) -> bool:
        return self.origin == Origin.IMPORT and fact_name(field) not in self.edited_fields

    def mark_edited(self, fields: list[str]) -> None:
        self.edited_fields = sorted(set(self.edited_fields) | {fact_name(f) for f in fields})


_AMOUNT_PARTS = {"amount", "currency", "amount_qualifier", "amount_note"}
_DATE_PART_SUFFIXES = ("_precision", "_qualifier", "_text")


def fact_name(field: str) -> str:
    """The fact a form field belongs to: a partial date's four columns are one fact, so are an amount's."""
    if field in _AMOUNT_PARTS:
        return "amount"
    for suffix in _DATE_PART_SUFFIXES:
        if field.endswith(suffix) and field != "amount_qualifier":
            return field.removesuffix(suffix)
    return field


class Confidence(Provenance):
    """How sure the importer was of each fact it wrote on this row, and why, until a person confirms it.

    ``confidence_facts`` holds, per fact (``name``, ``petition_date``, ``event``...), the score (0-100),
    the reason in words, the release sentence it was read from and, once a person vouched for it, who
    and when. ``confidence`` is the lowest score among the facts no person has confirmed or edited:
    the review queue is one indexed query. A confirmed fact is a person's value: no import changes it.
    """

    # fact -> the fields it covers: editing any of them in the admin is a person's answer to it too
    FACTS: ClassVar[dict[str, tuple[str, ...]]] = {}

    confidence = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Lowest confidence (0-100) among the imported facts no person has confirmed; empty when none.",
    )
    confidence_facts = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Per fact: the importer's score, its reason, the sentence read, and who confirmed it.",
    )

    class Meta:
        abstract = True

    def fields_of(self, fact: str) -> tuple[str, ...]:
        return self.FACTS.get(fact, (fact,))

    def fact_answered(self, fact: str) -> bool:
        """A person confirmed the fact, corrected one of its fields, or entered the record."""
        entry = self.confidence_facts.get(fact) or {}
        return (
            bool(entry.get("confirmed_by"))
            or self.origin == Origin.STAFF
            or any(f in self.edited_fields for f in self.fields_of(fact))
        )

    def import_may_set(self, field: str) -> bool:
        name = fact_name(field)
        confirmed = any(
            entry.get("confirmed_by") and name in self.fields_of(fact) for fact, entry in self.confidence_facts.items()
        )
        return super().import_may_set(field) and not confirmed

    def open_facts(self) -> dict[str, dict]:
        """The scored facts no person has answered yet."""
        return {fact: entry for fact, entry in self.confidence_facts.items() if not self.fact_answered(fact)}

    def refresh_confidence(self) -> None:
        scores = [entry["score"] for entry in self.open_facts().values()]
        self.confidence = min(scores) if scores else None

    def note_fact(self, fact: str, score: int, reason: str, quote: str = "", release: str = "") -> bool:
        """Record the importer's reading of ``fact`` (``release``: the sha256 of the release it was read in);
        a second release reading the same value raises the score (independent readings agreeing). False when
        a person has answered the fact already, or this release was read for it before."""
        if self.fact_answered(fact):
            return False
        facts = dict(self.confidence_facts)
        entry = facts.get(fact)
        if entry is not None and (release in entry.get("releases", ()) or len(entry.get("releases", ())) >= SETTLED):
            return False  # read by this release before, or settled: more readings add nothing to review
        if entry is None:
            entry = {"score": score, "reason": reason, "quote": quote[:600], "releases": [release] if release else []}
        else:
            releases = [*entry.get("releases", ()), *([release] if release else [])]
            combined = 100 - (100 - entry["score"]) * (100 - score) / 100
            entry = {
                **entry,
                "score": min(99, round(combined)),
                "releases": releases,
                "reason": f"Read the same way in {len(releases)} releases; first: {_first_reading(entry['reason'])}",
            }
        facts[fact] = entry
        self.confidence_facts = facts
        self.refresh_confidence()
        return True

    def confirm_fact(self, fact: str, by: str, at: str) -> None:
        facts = dict(self.confidence_facts)
        facts[fact] = {**(facts.get(fact) or {}), "confirmed_by": by, "confirmed_at": at}
        self.confidence_facts = facts
        self.refresh_confidence()

    def needs_review(self, fact: str) -> bool:
        """An imported fact scored below the review line that no person has answered."""
        entry = self.confidence_facts.get(fact)
        return bool(entry) and entry["score"] < review_below() and not self.fact_answered(fact)


SETTLED = 3  # releases that read a fact the same way: after them it is as sure as readings make it


def _first_reading(reason: str) -> str:
    prefix = "; first: "
    return reason.split(prefix, 1)[1] if prefix in reason else reason


def review_below() -> int:
    """Facts scored under this (settings.CONFIDENCE_REVIEW_BELOW) wait in the admin's review queue."""
    return settings.CONFIDENCE_REVIEW_BELOW
