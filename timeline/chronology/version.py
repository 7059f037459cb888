"""The version of a case's chronology: what the cached outline and pages are keyed on."""

from __future__ import annotations

from functools import cache

from django.db.models import CharField, F, Func, QuerySet

from cases.models import Case

from ..models import EventSource, Release, TimelineEvent


@cache
def _version_sql() -> str:
    """The version of the chronology of the case whose pk is ``%(expressions)s``, as one text: the
    number of its events and their last ``updated``, the number of their sources and the last
    source id, the last ``updated`` of those sources' releases.

    Written as SQL (the same in SQLite and PostgreSQL) rather than as ORM aggregates in a ``Concat``:
    compiling that nest of casts costs more, per request, than a small case page's whole query.
    """
    event, source, release = (m._meta for m in (TimelineEvent, EventSource, Release))

    def text(value: str) -> str:
        return f"COALESCE(CAST({value} AS TEXT), '')"

    columns = ("COUNT(DISTINCT e.id)", "MAX(e.updated)", "COUNT(s.id)", "MAX(s.id)", "MAX(r.updated)")
    version = " || '|' || ".join(text(c) for c in columns)
    return (
        f"(SELECT {version}"
        f' FROM "{event.db_table}" e'
        f' LEFT JOIN "{source.db_table}" s ON s.event_id = e.id'
        f' LEFT JOIN "{release.db_table}" r ON r.id = s.release_id'
        " WHERE e.case_id = %(expressions)s)"
    )


class ChronologyVersion(Func):
    """``chronology_version`` of the case ``F("pk")`` names, as a correlated subquery (see _version_sql)."""

    output_field = CharField()

    @property
    def template(self) -> str:
        return _version_sql()


def with_chronology_version(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate ``chronology_version`` on each case, so the case page reads its case and the
    version of its chronology in one query."""
    return cases.annotate(chronology_version=ChronologyVersion(F("pk")))


def chronology_version(case: Case) -> str | None:
    """Changes whenever anything the outline of ``case`` depends on changes: one aggregate query, or
    none when ``case`` was read with ``with_chronology_version``.

    An event saved (admin, ``save()``, the bulk writes: ``TimelineEvent.updated``) or deleted (the
    count), a source added or deleted (their count, the last id), a release edited (its date places
    undated events: ``Release.updated``).
    """
    if "chronology_version" in case.__dict__:
        return case.chronology_version
    return with_chronology_version(Case.objects.filter(pk=case.pk)).values_list("chronology_version", flat=True).get()
