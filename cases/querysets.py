"""Named queries for the domain, so views say what they want rather than how."""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.db.models import Q

# A search word matching at most this many cases is resolved to ids first (see CaseQuerySet.search).
SEARCH_CANDIDATES = 5000


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        from .models import normalize_company_name

        return self.filter(normalized_name=normalize_company_name(name))


class CaseQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("company", "court")

    def search(self, text: str):
        """Every word must match the debtor's name or ticker, the case number or the court (id or citation).

        Each word's alternatives are id sets from one table each, so PostgreSQL serves them from one
        index (the trigram indexes of migration 0003, the foreign-key indexes) instead of joining and
        scanning every case per word. A word naming up to SEARCH_CANDIDATES cases is read into a
        set and the sets are intersected here, so the count and the page look up a few ids by key
        rather than re-running every word's match. A word of one or two letters ('of', 'AH') is too
        common inside names and too short for a trigram: beside longer words it is left out; alone,
        it matches a ticker or court id exactly, the start of the debtor's name, or a court citation.
        """
        words = text.split()[:8]
        if any(len(w) >= 3 for w in words):  # 'Saratoga Photonics of Michigan': 'of' narrows nothing
            words = [w for w in words if len(w) >= 3]
        qs, found = self, None
        for word in words:
            matching = self._cases_matching(word)
            ids = set(matching[: SEARCH_CANDIDATES + 1])
            if len(ids) > SEARCH_CANDIDATES:  # too common to list: leave it to the database
                qs = qs.filter(pk__in=matching)
            else:
                found = ids if found is None else found & ids
        return qs if found is None else qs.filter(pk__in=sorted(found))

    def _cases_matching(self, word: str):
        from .models import Company, Court, normalize_case_number

        cases = self.model.objects.order_by()
        # 95 courts: read the few that match now, so a word that names none adds no arm for the
        # planner to misjudge (it guessed a thousand cases per court and walked the whole list).
        courts = list(
            Court.objects.filter(Q(id__iexact=word) | Q(citation__icontains=word)).values_list("id", flat=True)
        )
        if len(word) < 3:
            companies = Company.objects.filter(Q(ticker__iexact=word) | Q(name__istartswith=word))
        else:
            companies = Company.objects.filter(Q(name__icontains=word) | Q(ticker__icontains=word))
        # Read the debtors first too: a list of ids lets the planner walk the company_id index
        # where a subquery made it hash-join every case.
        company_ids = list(companies.order_by().values_list("id", flat=True)[: SEARCH_CANDIDATES + 1])
        if len(company_ids) > SEARCH_CANDIDATES:
            company_ids = companies.values("id")
        arms = [cases.filter(company__in=company_ids)] if company_ids else []
        if len(word) >= 3:
            arms.append(cases.filter(case_number__icontains=word))
        if re.search(r"\d{2}-?\d{3,}", word):
            arms.append(cases.filter(case_number_normalized=normalize_case_number(word)))
        if courts:
            arms.append(cases.filter(court__in=courts))
        if not arms:
            return cases.none().values_list("id", flat=True)
        ids = [arm.values_list("id", flat=True) for arm in arms]
        return ids[0].union(*ids[1:]).order_by()

    def narrowed(self, court: str | None = None, chapter: int | None = None, year: int | None = None, status=None):
        """The case list's filters; None leaves a filter off."""
        filters = {"court_id": court, "chapter": chapter, "status": status}
        qs = self.filter(**{k: v for k, v in filters.items() if v not in (None, "")})
        if year:  # a range, not __year, so the petition-date index serves it
            qs = qs.filter(petition_date__gte=dt.date(year, 1, 1), petition_date__lt=dt.date(year + 1, 1, 1))
        return qs
