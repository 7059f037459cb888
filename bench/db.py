"""The benchmark's own database: created empty and migrated, dropped afterwards."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections


def describe() -> str:
    db = settings.DATABASES["default"]
    if is_sqlite():
        name = Path(db["NAME"])
        shown = name.relative_to(settings.BASE_DIR) if name.is_relative_to(settings.BASE_DIR) else name
        return f"SQLite {sqlite_version()} file {shown}"
    return f"PostgreSQL database {db['NAME']} on {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"


def is_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def server_version() -> str:
    with connections["default"].cursor() as cursor:
        if is_sqlite():
            return f"SQLite {sqlite_version()}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def exists() -> bool:
    db = settings.DATABASES["default"]
    if is_sqlite():
        return Path(db["NAME"]).exists()
    with _maintenance() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        return cursor.fetchone() is not None


def create() -> None:
    """A fresh, migrated database (the courts come with the migrations)."""
    drop()
    db = settings.DATABASES["default"]
    if is_sqlite():
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        with _maintenance() as cursor:
            cursor.execute(f'CREATE DATABASE "{db["NAME"]}"')
    call_command("migrate", verbosity=0, interactive=False)


def drop() -> None:
    connections.close_all()
    db = settings.DATABASES["default"]
    if is_sqlite():
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(db["NAME"] + suffix).unlink(missing_ok=True)
        return
    with _maintenance() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')


class _maintenance:
    """A short autocommit connection to the server's `postgres` database, for CREATE/DROP DATABASE."""

    def __enter__(self):
        import psycopg2

        db = settings.DATABASES["default"]
        self.conn = psycopg2.connect(
            dbname="postgres",
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
        )
        self.conn.autocommit = True
        self.cursor = self.conn.cursor()
        return self.cursor

    def __exit__(self, *exc):
        self.cursor.close()
        self.conn.close()
