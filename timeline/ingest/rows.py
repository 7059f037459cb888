"""The importer's per-release statements, run without the ORM's query compiler.

Every release runs the same few statements (the company locked, its people, its cases, the case's
events, the release and its sources inserted); compiling each one with the ORM cost several times
what the database took to run it (profiled: ~0.5-2 ms a statement against ~0.1-0.3 ms). Here each
statement's SQL is built once per model and database from the model's own fields, so a migration that
adds or renames a column needs no change here, and values pass through the fields' own conversions
both ways (``get_db_prep_save`` in, the backend's and the field's converters out), as the ORM would.
Instances come from ``Model.from_db``, as the ORM's.
"""

from __future__ import annotations

from django.db import connections, router
from django.db.models import Model
from django.db.models.sql import Query


class _Table:
    """One model's columns on one database: the SELECT list, the converters for what comes back."""

    def __init__(self, model: type[Model], alias: str) -> None:
        connection = connections[alias]
        qn = connection.ops.quote_name
        meta = model._meta
        self.model, self.alias, self.connection = model, alias, connection
        self.fields = list(meta.concrete_fields)
        self.attnames = [f.attname for f in self.fields]
        self.name = qn(meta.db_table)
        self.columns = [f"{self.name}.{qn(f.column)}" for f in self.fields]
        self.column = {f.attname: f"{self.name}.{qn(f.column)}" for f in self.fields}
        self.pk_at = self.fields.index(meta.pk)
        self.compiler = Query(model).get_compiler(using=alias)
        self.converters = self.compiler.get_converters([f.get_col(meta.db_table) for f in self.fields])
        # INSERT: every concrete column but an auto-incremented key, the key read back
        self.inserted = [f for f in self.fields if not (f.primary_key and f.db_returning)]
        self.returning = meta.pk.db_returning and connection.features.can_return_columns_from_insert

    def instances(self, rows: list) -> list[Model]:
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return [self.model.from_db(self.alias, self.attnames, row) for row in rows]


_tables: dict[tuple[type[Model], str], _Table] = {}
_sql: dict[tuple, str] = {}


def table(model: type[Model], alias: str | None = None) -> _Table:
    alias = alias or router.db_for_write(model)
    # connections[alias] is one connection per thread: a table made in one thread must not run
    # statements on its connection from another (a test's live server, a threaded caller). The
    # entry holds its connection, so the id cannot be reused while the entry lives.
    key = (model, alias, id(connections[alias]))
    if key not in _tables:
        _tables[key] = _Table(model, alias)
    return _tables[key]


def select(
    model: type[Model], where: str, params: list, *, order_by: str, limit: int | None = None, for_update: bool = False
) -> list[Model]:
    """``model`` rows matching ``where`` (attnames in braces: ``"{company_id} = %s"``), ordered by
    ``order_by`` (likewise: ``"{id} DESC"``). ``for_update`` locks them where the database can."""
    t = table(model)
    key = ("select", model, t.alias, where, order_by, limit, for_update)
    if (sql := _sql.get(key)) is None:
        sql = (
            f"SELECT {', '.join(t.columns)} FROM {t.name} WHERE {where.format_map(t.column)} "
            f"ORDER BY {order_by.format_map(t.column)}"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if for_update and t.connection.features.has_select_for_update:
            sql += " FOR UPDATE"
        _sql[key] = sql
    with t.connection.cursor() as cursor:
        cursor.execute(sql, params)
        return t.instances(cursor.fetchall())


def select_related(model: type[Model], related: list[str], where: str, params: list, *, order_by: str) -> list[Model]:
    """As ``select``, with the rows each of the ``related`` foreign keys points at (None where unset)
    read in the same statement and cached on the instances, as ``select_related`` does."""
    t = table(model)
    fields = [model._meta.get_field(name) for name in related]
    others = [table(f.related_model, t.alias) for f in fields]
    key = ("select_related", model, t.alias, tuple(related), where, order_by)
    if (sql := _sql.get(key)) is None:
        qn = t.connection.ops.quote_name
        columns, joins = list(t.columns), []
        for i, (field, other) in enumerate(zip(fields, others, strict=True)):
            alias = qn(f"r{i}")
            columns += [f"{alias}.{qn(f.column)}" for f in other.fields]
            pk = qn(other.model._meta.pk.column)
            joins.append(f"LEFT OUTER JOIN {other.name} {alias} ON {alias}.{pk} = {t.column[field.attname]}")
        sql = (
            f"SELECT {', '.join(columns)} FROM {t.name} {' '.join(joins)} WHERE {where.format_map(t.column)} "
            f"ORDER BY {order_by.format_map(t.column)}"
        )
        _sql[key] = sql
    with t.connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    width = len(t.fields)
    found = t.instances([row[:width] for row in rows])
    start = width
    for field, other in zip(fields, others, strict=True):
        end = start + len(other.fields)
        part = [row[start:end] for row in rows]
        present = [i for i, values in enumerate(part) if values[other.pk_at] is not None]  # NULL: none linked
        linked = dict(zip(present, other.instances([part[i] for i in present]), strict=True))
        for i, instance in enumerate(found):
            field.set_cached_value(instance, linked.get(i))
        start = end
    return found


def insert(obj: Model) -> Model:
    """INSERT one new row, as ``save()`` would for a model without signals or history: ``pre_save``
    (auto_now and the like) and ``get_db_prep_save`` for each value; the key read back."""
    t = table(type(obj))
    if not t.returning:  # no INSERT ... RETURNING on this database: the ORM knows the other ways
        obj.save(force_insert=True)
        return obj
    key = ("insert", t.model, t.alias)
    if (sql := _sql.get(key)) is None:
        qn = t.connection.ops.quote_name
        pk = t.model._meta.pk
        sql = (
            f"INSERT INTO {t.name} ({', '.join(qn(f.column) for f in t.inserted)}) "
            f"VALUES ({', '.join(['%s'] * len(t.inserted))}) RETURNING {t.name}.{qn(pk.column)}"
        )
        _sql[key] = sql
    values = [f.get_db_prep_save(f.pre_save(obj, True), t.connection) for f in t.inserted]
    with t.connection.cursor() as cursor:
        cursor.execute(sql, values)
        (pk_value,) = cursor.fetchone()
    obj.pk = pk_value
    obj._state.adding, obj._state.db = False, t.alias
    return obj


def insert_many(objs: list[Model]) -> None:
    """INSERT new rows of one model in one statement, as ``bulk_create`` would for a model without
    signals or history, when nothing needs their keys afterwards (they are not read back)."""
    if not objs:
        return
    t = table(type(objs[0]))
    width = len(t.inserted)
    # within the database's limit on parameters per statement (SQLite: 999 on old builds)
    per = max(1, min(len(objs), t.connection.ops.bulk_batch_size(t.inserted, objs)))
    qn = t.connection.ops.quote_name
    columns = ", ".join(qn(f.column) for f in t.inserted)
    one = f"({', '.join(['%s'] * width)})"
    with t.connection.cursor() as cursor:
        for start in range(0, len(objs), per):
            chunk = objs[start : start + per]
            values = [f.get_db_prep_save(f.pre_save(obj, True), t.connection) for obj in chunk for f in t.inserted]
            cursor.execute(f"INSERT INTO {t.name} ({columns}) VALUES {', '.join([one] * len(chunk))}", values)
    for obj in objs:
        obj._state.adding, obj._state.db = False, t.alias
