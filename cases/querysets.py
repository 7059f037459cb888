"""Named queries for the domain, so views say what they want rather than how."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.db import connections, models
from django.db.models import F, Q
from django.db.models.lookups import In


class CompanyQuerySet(models.QuerySet):
    def named(self, name: str):
        from .models import normalize_company_name

        return self.filter(normalized_name=normalize_company_name(name))


class CaseQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("company", "court")

    def search(self, text: str, courts: Iterable[tuple[str, str]] | None = None):
        """Every word must match the debtor's name or ticker, the case number or the court (id or citation).

        One query, the words matched and intersected in the database. The candidates are the cases
        whose debtor names every word (the trigram indexes of migration 0003, then the company
        foreign key), whose number holds a word (the number's trigram and key indexes), or whose
        court a word names and which match each other word in their debtor, number or court: on
        PostgreSQL an OR of conditions indexes serve, read as one BitmapOr; on SQLite a UNION of the
        id sets. Each word is then checked on the candidates' own rows. A case matching every word
        matches each either in its debtor, so its debtor names them all, or, for some word, in its
        number or court, so it is a candidate: the candidates hold every match, and the checks keep
        exactly the matches. A word of one or two letters ('of', 'AH') is too common inside names
        and too short for a trigram: beside longer words it is left out; alone, it matches a ticker
        or court id exactly, the start of the debtor's name, or a court citation.

        ``courts``: (id, citation) of the courts that hold cases, when the caller has read them (the
        case list's court filter has): the courts a word names are then picked here, so a word that
        names none ('Photonics') adds no court condition and one that names all ('Bankr.') does not
        make every case a candidate.
        """
        words = text.split()[:8]
        if any(len(w) >= 3 for w in words):  # 'Saratoga Photonics of Michigan': 'of' narrows nothing
            words = [w for w in words if len(w) >= 3]
        words = list(dict.fromkeys(words))  # 'Photonics Photonics' matches what 'Photonics' does
        if not words:
            return self
        from .models import Company

        pg = connections[self.db].vendor == "postgresql"
        courts = None if courts is None else list(courts)
        debtors = Company.objects.order_by().filter(*(_debtor_matches(w) for w in words)).values("id")
        numbers = [q for q in map(_number_matches, words) if q is not None]
        arms = [Q(InIds("company_id", debtors)), *([_any(numbers)] if numbers else [])]  # one scan on SQLite
        for word in words:
            in_court = self._in_courts_named(word, courts, pg)
            if in_court is not None:  # its cases that match every other word, by index
                others = [self._word_by_index(v, courts, pg) for v in words if v != word]
                arms.append(_all([in_court, *others]))
        if pg:
            qs = self.filter(_any(arms))
        else:
            # SQLite has no index for LIKE '%word%' on the number: given the OR, it walked the whole
            # petition index checking each case (0.5-0.8 s); a UNION reads each id set once (60 ms).
            ids = [self.model.objects.order_by().filter(arm).values("id") for arm in arms]
            qs = self.filter(InIds("id", ids[0].union(*ids[1:]).order_by()))
        if len(words) > 1:  # one word: its candidates are its matches
            for word in words:
                qs = qs.filter(_case_matches(word))
        return qs

    def _in_courts_named(self, word: str, courts: list[tuple[str, str]] | None, pg: bool) -> Q | None:
        """The cases in the courts ``word`` names; None when it names none of ``courts``."""
        from .models import Court

        if courts is not None and word.isascii():  # as icontains/iexact compare ASCII on both databases
            key = word.upper()
            named = [pk for pk, citation in courts if key == pk.upper() or key in citation.upper()]
            return Q(court_id__in=named) if named else None
        named = Court.objects.order_by().filter(_court_matches(word)).values("id")
        if pg:  # the court's cases as ids: planned as 10 rows, not 10 courts of a thousand cases each
            return Q(InIds("id", self.model.objects.order_by().filter(InIds("court_id", named)).values("id")))
        return Q(InIds("court_id", named))

    def _word_by_index(self, word: str, courts: list[tuple[str, str]] | None, pg: bool) -> Q:
        """The cases ``word`` matches, as conditions an index each serves."""
        from .models import Company

        debtors = Company.objects.order_by().filter(_debtor_matches(word)).values("id")
        found = Q(InIds("company_id", debtors))
        for condition in (self._in_courts_named(word, courts, pg), _number_matches(word)):
            if condition is not None:
                found |= condition
        return found

    def narrowed(self, court: str | None = None, chapter: int | None = None, year: int | None = None, status=None):
        """The case list's filters; None leaves a filter off."""
        filters = {"court_id": court, "chapter": chapter, "status": status}
        qs = self.filter(**{k: v for k, v in filters.items() if v not in (None, "")})
        if year:  # a range, not __year, so the petition-date index serves it
            qs = qs.filter(petition_date__gte=dt.date(year, 1, 1), petition_date__lt=dt.date(year + 1, 1, 1))
        return qs


# --- the search's conditions: one word against one table, and all of them against a case's rows ------


def _debtor_matches(word: str, prefix: str = "") -> Q:
    if len(word) < 3:
        return Q(**{f"{prefix}ticker__iexact": word}) | Q(**{f"{prefix}name__istartswith": word})
    return Q(**{f"{prefix}name__icontains": word}) | Q(**{f"{prefix}ticker__icontains": word})


def _court_matches(word: str, prefix: str = "") -> Q:
    return Q(**{f"{prefix}id__iexact": word}) | Q(**{f"{prefix}citation__icontains": word})


def _number_matches(word: str) -> Q | None:
    """The case's own number: inside the printed one (3+ letters), or the same key ('03-44261')."""
    from .models import normalize_case_number

    found = Q(case_number__icontains=word) if len(word) >= 3 else None
    if re.search(r"\d{2}-?\d{3,}", word):
        same = Q(case_number_normalized=normalize_case_number(word))
        found = same if found is None else found | same
    return found


def _case_matches(word: str) -> Q:
    """The word on a case's own rows: its debtor, its number, its court."""
    found = _debtor_matches(word, "company__") | _court_matches(word, "court__")
    number = _number_matches(word)
    return found if number is None else found | number


def _any(conditions: Iterable[Q]) -> Q:
    found = Q()
    for condition in conditions:
        found = condition if not found else found | condition
    return found


def _all(conditions: Iterable[Q]) -> Q:
    found = Q()
    for condition in conditions:
        found = condition if not found else found & condition
    return found


class InIds(In):
    """``column IN (ids)`` for an id subquery, written ``column = ANY(ARRAY(ids))`` on PostgreSQL.

    PostgreSQL runs the ARRAY(...) once, before the query that reads it, and plans that query as if
    the array held 10 ids: it probes the column's index for the ids it gets. Given ``IN (subquery)``
    it estimates the subquery's rows instead, and for a word's matches (a trigram guess, a thousand
    cases per court) it guessed hundreds to thousands where there were none to a few hundred, then
    hash-joined every case (a sequential scan of 100,000 rows per word) or walked the petition-date
    index. SQLite plans ``IN (subquery)`` as a lookup of the subquery's rows already.
    """

    def __init__(self, column: str, ids):
        super().__init__(F(column), ids)

    def as_postgresql(self, compiler, connection):
        column_sql, column_params = self.process_lhs(compiler, connection)
        ids_sql, ids_params = self.process_rhs(compiler, connection)
        return f"{column_sql} = ANY(ARRAY{ids_sql})", (*column_params, *ids_params)
