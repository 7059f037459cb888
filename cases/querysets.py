"""Named queries for the domain, so views say what they want rather than how."""

from __future__ import annotations

from django.db import models


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        from .models import normalize_company_name

        return self.filter(normalized_name=normalize_company_name(name))


class CaseQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("company", "court")
