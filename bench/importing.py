"""Import: releases/s for the dry run and the real import, beside reading, hashing and inserting one row
per file in one transaction (the least any importer must do)."""

from __future__ import annotations

import hashlib
import io
import resource
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from . import db
from .common import Row, timed

SECTION = "import"
FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "corpus" / "releases"
FLOOR = "read+hash+1 row/file, 1 txn"


def copies(folder: Path, count: int, first: int = 0, rotate: int = 0) -> list[Path]:
    """``count`` copies of the sample releases, each with a line of its own so every sha256 differs
    (numbered from ``first``; ``rotate``: start that many samples further on)."""
    samples = sorted(FIXTURES.glob("*.txt"))
    paths = []
    for i in range(first, first + count):
        sample = samples[(i + rotate) % len(samples)]
        path = folder / f"{i:05d}_{sample.name}"
        path.write_bytes(sample.read_bytes().rstrip() + f"\n\n(Bench copy {i:05d}.)\n".encode())
        paths.append(path)
    return paths


def floor(paths: list[Path]) -> float:
    """Seconds to read, hash and insert every file as one row of a scratch table, in one transaction."""
    blob = "blob" if db.is_sqlite() else "bytea"
    key = "integer primary key autoincrement" if db.is_sqlite() else "bigserial primary key"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_floor_release")
        cursor.execute(
            f"CREATE TABLE bench_floor_release (id {key}, sha256 varchar(64) UNIQUE NOT NULL, "
            f"origin varchar(1000) NOT NULL, original {blob} NOT NULL, text text NOT NULL)"
        )

    def run():
        with transaction.atomic(), connection.cursor() as cursor:
            for path in paths:
                raw = path.read_bytes()
                cursor.execute(
                    "INSERT INTO bench_floor_release (sha256, origin, original, text) VALUES (%s, %s, %s, %s)",
                    [hashlib.sha256(raw).hexdigest(), str(path), raw, raw.decode("utf-8", "replace")],
                )

    seconds, _ = timed(run)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_floor_release")
    return seconds


def ingest(folder: Path, *options: str) -> tuple[float, str, str]:
    out, err = io.StringIO(), io.StringIO()

    def run():
        try:
            call_command("ingest_releases", *options, str(folder), stdout=out, stderr=err, verbosity=0)
        except CommandError as e:  # some releases failed: the rest were still read; say so in the table
            err.write(f"{e}\n")

    global last_cpu
    before = _cpu()
    seconds, _ = timed(run)
    last_cpu = tuple(b - a for a, b in zip(before, _cpu(), strict=True))
    return seconds, out.getvalue(), err.getvalue()


last_cpu = (0.0, 0.0)  # CPU seconds of the last ingest: this process, its parsing workers


def _cpu() -> tuple[float, float]:
    """CPU seconds so far (user + system) of this process and of its finished children: less noisy than
    the wall clock on shared cores."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def cpu_note(count: int) -> str:
    main, workers = last_cpu
    per = (main + workers) / count * 1000
    return f"CPU {main:.1f} s + workers {workers:.1f} s, {per:.1f} ms/release"


def run(count: int = 1020) -> list[Row]:
    from timeline.models import Release

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-releases-") as tmp:
        paths = copies(Path(tmp), count)
        floor_seconds = min(floor(paths), floor(paths))  # the better of two, so the floor is a floor
        floor_rate = count / floor_seconds
        if not importer_present():
            why = "timeline/management/commands/ingest_releases.py has not landed"
            return [Row(SECTION, f"floor alone, {count} files", floor_rate, "releases/s", note=why)]
        one_core = ("--jobs", "1") if "--jobs" in importer_source() else ()  # the target is per core
        seconds, out, err = ingest(Path(tmp), "--dry-run", "--format", "jsonl", *one_core)
        lines = sum(1 for line in out.splitlines() if line.startswith("{"))
        failed = _failures(err)
        rows.append(
            Row(
                SECTION,
                f"dry run --format jsonl{' --jobs 1' if one_core else ''}, {count} releases",
                count / seconds,
                "releases/s",
                floor_rate,
                FLOOR,
                ">= 100/s on one core",
                count / seconds >= 100 and lines + failed == count,
                note=f"{lines} JSON lines, {failed} failed; {cpu_note(count)}",
            )
        )
        before = Release.objects.count()
        seconds, out, err = ingest(Path(tmp))
        stored = Release.objects.count() - before
        failed = _failures(err)
        rate = count / seconds
        pg_target = db.is_sqlite() or rate >= 100
        rows.append(
            Row(
                SECTION,
                f"import, {count} releases",
                rate,
                "releases/s",
                floor_rate,
                FLOOR,
                "within 10x of floor; >= 100/s on PostgreSQL",
                floor_rate / rate <= 10 and pg_target and stored + failed == count,
                note=f"{stored} stored, {failed} failed; {cpu_note(count)}",
            )
        )
        seconds, out, err = ingest(Path(tmp))
        rows.append(
            Row(
                SECTION,
                f"re-import (all stored), {count} releases",
                count / seconds,
                "releases/s",
                floor_rate,
                FLOOR,
                "information",
                note=f"{Release.objects.count() - before - stored} new rows",
            )
        )
    return rows


def importer_present() -> bool:
    return (Path(settings.BASE_DIR) / "timeline" / "management" / "commands" / "ingest_releases.py").exists()


def importer_source() -> str:
    return (Path(settings.BASE_DIR) / "timeline" / "management" / "commands" / "ingest_releases.py").read_text()


def _failures(err: str) -> int:
    return sum(1 for line in err.splitlines() if line.startswith("failed:"))
