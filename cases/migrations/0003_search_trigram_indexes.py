"""Trigram indexes for the case list's search, on PostgreSQL only.

CaseQuerySet.search matches each word with icontains on the debtor's name and ticker and on the case
number, which Django writes as UPPER("col"::text) LIKE UPPER('%word%'): a b-tree cannot serve a
leading wildcard, a pg_trgm GIN index on the same expression can (words of 3+ letters). The planner
uses them when each OR arm of a word is on one table (company ids, case ids, court ids), not when one
OR spans the joined company, case and court rows. SQLite has no pg_trgm: there this does nothing.
"""

from django.db import migrations

# (index, table, expression): exactly the expression icontains compares, or the index is never used.
INDEXES = [
    ("cases_company_name_trgm", "cases_company", 'UPPER("name"::text)'),
    ("cases_company_ticker_trgm", "cases_company", 'UPPER("ticker"::text)'),
    ("cases_case_number_trgm", "cases_case", 'UPPER("case_number"::text)'),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({expression} gin_trgm_ops)')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_load_bankruptcy_courts")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
