"""The case list's per-row figures: correlated subqueries, so a page of 25 cases out of 100,000 costs
the same as a page out of 5."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from cases.models import Case

from ..models import TimelineEvent


def with_event_stats(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate ``event_count`` and ``latest_event_id`` per case: two correlated subqueries.

    Evaluated only for the page of rows the list shows; the latest events themselves are then
    fetched in one query (``latest_events``).
    """
    of_case = TimelineEvent.objects.filter(case=OuterRef("pk"))
    count = of_case.order_by().values("case").annotate(n=Count("id")).values("n")
    latest = of_case.order_by(F("sort_date").desc(nulls_last=True), "-sort_rank", "-id").values("id")[:1]
    return cases.annotate(
        event_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        latest_event_id=Subquery(latest),
    )


def latest_events(cases: Iterable[Case]) -> dict[int, TimelineEvent]:
    """The latest event of each case in ``cases`` (annotated by ``with_event_stats``), by case id."""
    by_event = {c.latest_event_id: c.pk for c in cases if c.latest_event_id}
    events = TimelineEvent.objects.in_bulk(list(by_event)) if by_event else {}
    return {by_event[pk]: event for pk, event in events.items()}
