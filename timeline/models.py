"""Sources and the chronology: the releases as received, and the dated events read from them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cases.fields import (
    Amount,
    Confidence,
    check_partial_date,
    partial_date_constraints,
    partial_date_fields,
    partial_date_of,
)
from cases.models import AdversaryProceeding, Case, Company, DisclosedAward, Motion
from cases.partial_dates import precision_rank, sort_date

from .querysets import EventQuerySet, ReleaseQuerySet


class Release(models.Model):
    """One press release as received: the bytes, the cleaned text every span indexes, what it reported."""

    class Format(models.TextChoices):
        TEXT = "text", "plain text"
        HTML = "html", "HTML"
        EDGAR = "edgar", "EDGAR submission"
        EMAIL = "email", "e-mail"

    sha256 = models.CharField(
        max_length=64, unique=True, help_text="Of the bytes as received: a release is stored once."
    )
    title = models.CharField(max_length=500, blank=True, default="")
    release_date, release_date_precision, release_date_qualifier, release_date_text = partial_date_fields(
        "release date"
    )
    origin = models.CharField(max_length=1000, help_text="The path or URL it was imported from.")
    format = models.CharField(max_length=5, choices=Format, default=Format.TEXT)
    original = models.BinaryField(help_text="The file exactly as received, for download.")
    text = models.TextField(help_text="The cleaned text; every source span indexes it.")
    imported_at = models.DateTimeField(auto_now_add=True)
    # part of the case page's chronology version: a source's release date places undated events
    updated = models.DateTimeField(auto_now=True)
    is_bankruptcy = models.BooleanField(help_text="Whether the release reports a bankruptcy case.")
    not_case_reason = models.CharField(
        max_length=300, blank=True, default="", help_text="Why the importer found no bankruptcy case in it."
    )
    company = models.ForeignKey(Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="releases")
    case = models.ForeignKey(Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="releases")

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-release_date", "-id"]
        constraints = partial_date_constraints("release_date", "timeline_release")

    def __str__(self) -> str:
        return self.title or self.origin.rsplit("/", 1)[-1]

    def get_absolute_url(self) -> str:
        return reverse("timeline:release_detail", args=[self.pk])

    @property
    def released(self):
        return partial_date_of(self, "release_date")


class TimelineEvent(Confidence, Amount):
    """One dated fact of a case's chronology, with the release sentences it came from."""

    FACTS = {"event": ("kind", "date", "summary", "amount", "parties")}

    class Kind(models.TextChoices):
        PETITION_FILED = "petition_filed", "petition"
        MOTION_FILED = "motion_filed", "motion"
        ORDER_ENTERED = "order_entered", "order"
        HEARING = "hearing", "hearing"
        ADVERSARY_PROCEEDING = "adversary_proceeding", "adversary proceeding"
        AWARD = "award", "award"
        JUDGMENT = "judgment", "judgment"
        FINANCING = "financing", "financing"
        ASSET_SALE = "asset_sale", "asset sale"
        PLAN_FILED = "plan_filed", "plan filed"
        PLAN_CONFIRMED = "plan_confirmed", "plan confirmed"
        EMERGENCE = "emergence", "emergence"
        CONVERSION = "conversion", "conversion"
        DISMISSAL = "dismissal", "dismissal"
        DELISTING = "delisting", "delisting"
        OTHER = "other", "other"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind)
    date, date_precision, date_qualifier, date_text = partial_date_fields("date")
    sort_date = models.DateField(
        null=True, blank=True, editable=False, help_text="Where the partial date sorts: 'late July' after July 20."
    )
    sort_rank = models.PositiveSmallIntegerField(default=0, editable=False, help_text="Vaguer dates first on a tie.")
    summary = models.CharField(max_length=500)
    parties = models.JSONField(default=list, blank=True, help_text='[{"name": "CommScope Inc.", "role": "defendant"}]')
    motion = models.ForeignKey(Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    adversary_proceeding = models.ForeignKey(
        AdversaryProceeding, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    award = models.ForeignKey(DisclosedAward, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    created = models.DateTimeField(auto_now_add=True)
    # the case page's chronology version (chronology.chronology_version): set on every save, and by
    # the bulk writes (bulk_create through pre_save; bulk_update lists it explicitly)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["case", "sort_date", "sort_rank", "id"]
        constraints = [
            *partial_date_constraints("date", "timeline_timelineevent"),
            models.CheckConstraint(
                name="timeline_timelineevent_one_typed_record",
                condition=Q(motion__isnull=True, adversary_proceeding__isnull=True)
                | Q(motion__isnull=True, award__isnull=True)
                | Q(adversary_proceeding__isnull=True, award__isnull=True),
            ),
        ]
        indexes = [
            # the chronology of one case, in order
            models.Index(fields=["case", "sort_date", "sort_rank", "id"], name="timeline_event_chrono_idx"),
            # the chronology version of one case (count, max(updated)) read from the index alone
            models.Index(fields=["case", "updated", "id"], name="timeline_event_version_idx"),
            # the admin's review queue: the least sure first, only rows with a fact left to review
            models.Index(
                fields=["confidence"], condition=Q(confidence__isnull=False), name="timeline_event_confidence_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary[:80]}"

    def get_absolute_url(self) -> str:
        return f"{self.case.get_absolute_url()}#event-{self.pk}"

    def clean(self) -> None:
        check_partial_date(self, "date")

    def save(self, *args, **kwargs) -> None:
        when = partial_date_of(self, "date")
        self.sort_date = when.sort_date() if when else None
        self.sort_rank = precision_rank(self.date_precision) if when else 0
        super().save(*args, **kwargs)

    @property
    def when(self):
        return partial_date_of(self, "date")


def event_sort_fields(event: TimelineEvent) -> None:
    """For bulk writes, which skip save(): fill the sort columns from the partial date."""
    when = partial_date_of(event, "date")
    event.sort_date = sort_date(when.value, when.precision, when.qualifier) if when else None
    event.sort_rank = precision_rank(when.precision) if when else 0


class EventSource(models.Model):
    """Where in which release an event was read: the character span of the cleaned text."""

    event = models.ForeignKey(TimelineEvent, on_delete=models.CASCADE, related_name="sources")
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="sources")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField(help_text="Exactly release.text[start:end].")

    class Meta:
        ordering = ["release__release_date", "start"]
        constraints = [
            models.UniqueConstraint(fields=["event", "release", "start"], name="timeline_eventsource_unique_span"),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="timeline_eventsource_span_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.release} [{self.start}:{self.end}]"

    def clean(self) -> None:
        """The span is the passage: the release page highlights it, the case page quotes the quote, so
        a span a person moves takes the words it now spans. A span with none of the text is refused."""
        if self.release_id is None or self.start is None or self.end is None:
            return  # the form reports the missing field
        text = self.release.text
        if self.end <= self.start:
            raise ValidationError({"end": "A source spans at least one character: end after start."})
        if self.end > len(text):
            raise ValidationError({"end": f"The release's text ends at character {len(text)}."})
        self.quote = text[self.start : self.end]
