"""Named queries for releases and events."""

from __future__ import annotations

from django.db import models


class ReleaseQuerySet(models.QuerySet):
    def not_cases(self):
        return self.filter(is_bankruptcy=False)


class EventQuerySet(models.QuerySet):
    def chronological(self):
        return self.order_by("sort_date", "sort_rank", "id")
