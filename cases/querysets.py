"""Named queries for the domain, so views say what they want rather than how."""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.db.models import Q


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        from .models import normalize_company_name

        return self.filter(normalized_name=normalize_company_name(name))


class CaseQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("company", "court")

    def search(self, text: str):
        """Every word must match the debtor, its ticker, the case number or the court (id or citation)."""
        from .models import normalize_case_number

        qs = self
        for word in text.split()[:8]:
            match = (
                Q(company__name__icontains=word)
                | Q(company__ticker__icontains=word)
                | Q(case_number__icontains=word)
                | Q(court__id__iexact=word)
                | Q(court__citation__icontains=word)
            )
            if re.search(r"\d{2}-?\d{3,}", word):
                match |= Q(case_number_normalized=normalize_case_number(word))
            qs = qs.filter(match)
        return qs

    def narrowed(self, court: str | None = None, chapter: int | None = None, year: int | None = None, status=None):
        """The case list's filters; None leaves a filter off."""
        filters = {"court_id": court, "chapter": chapter, "status": status}
        qs = self.filter(**{k: v for k, v in filters.items() if v not in (None, "")})
        if year:  # a range, not __year, so the petition-date index serves it
            qs = qs.filter(petition_date__gte=dt.date(year, 1, 1), petition_date__lt=dt.date(year + 1, 1, 1))
        return qs
