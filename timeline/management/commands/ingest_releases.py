"""python manage.py ingest_releases PATH... : read press releases and write their case chronologies."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db import DatabaseError, transaction

from timeline.ingest.facts import Extraction
from timeline.ingest.load import (
    NOT_CASE,
    OUTCOMES,
    Courts,
    LoadResult,
    already_loaded,
    is_lock_conflict,
    load_release,
    retrying_lock_conflicts,
    stored_among,
)
from timeline.ingest.sources import STDIN, Ahead, ReadAhead, Source, expand

FAILED = "failed"
READ = "read"  # a dry run's outcome for a release that reports a case
PARALLEL_FROM = 50  # smaller batches are over before a worker process would pay for itself
# releases written per transaction, each in a savepoint of its own: a commit (a disk flush on PostgreSQL)
# per release cost more than the rest of the write. A crash loses at most this many, which a re-run imports.
BATCH = 32


class Command(BaseCommand):
    help = (
        "Import press releases: files, folders (recursive, sorted) or - for standard input. Each release is "
        "written all or nothing (a savepoint of its own, committed with up to "
        f"{BATCH} others); a release that fails is reported on stderr and the batch goes on."
    )
    # Reading releases needs no URL or template checks; skipping them keeps a small dry run fast.
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="release files, folders, or - for stdin")
        parser.add_argument("--dry-run", action="store_true", help="read and extract only: write nothing")
        parser.add_argument(
            "--format",
            choices=["text", "jsonl"],
            default="text",
            help="text: one line per release for people; jsonl: one extraction per line "
            "(fixtures/contract/release-extraction.schema.json)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            metavar="N",
            help="processes at work: with N > 1 the releases of a batch over "
            f"{PARALLEL_FROM} are parsed in N - 1 worker processes while this one writes (the same outcome "
            "and output as one process); at most the CPUs this process may use. Default: min(2, CPUs) for an "
            "import, 1 for a dry run",
        )

    def handle(
        self, *args, paths: list[str], dry_run: bool, format: str, verbosity: int, jobs: int | None = None, **options
    ) -> None:
        stdin = options.get("stdin") or sys.stdin.buffer
        cpus = usable_cpus()
        if jobs is None:
            jobs = 1 if dry_run else min(2, cpus)
        if not 1 <= jobs <= cpus:
            # more processes than cores parse no faster, and each holds a copy of the parser's memory
            raise CommandError(f"--jobs must be between 1 and {cpus} (the CPUs this process may use), not {jobs}")
        sources = expand(paths)
        self.progress = Progress(len(sources), self.stderr, enabled=verbosity >= 1)
        with ending_on_sigterm():
            try:
                self.run(sources, stdin, dry_run, format, verbosity, jobs)
            except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM
                self.progress.clear()
                done = f"stopped after {self.progress.done} of {plural(len(sources), 'release')}"
                rest = (
                    "nothing written"
                    if dry_run
                    else "those in flight were rolled back, none of them half-written (run the same command "
                    "again for the rest)"
                )
                raise CommandError(
                    f"{stop.args[0] if isinstance(stop, Terminated) else 'interrupted'}: {done}; {rest}",
                    returncode=128 + (signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT),
                ) from None

    def run(self, sources: list[Source], stdin, dry_run: bool, format: str, verbosity: int, jobs: int) -> None:
        jsonl = format == "jsonl"
        # a real import looks the bytes up first: stored ones need no parsing (jsonl prints every extraction)
        check = not dry_run and not jsonl
        workers = jobs - 1 if len(sources) > PARALLEL_FROM else 0
        progress = self.progress
        self.verbosity = verbosity
        tally: Counter[str] = Counter()
        self.courts = Courts()  # reference data: read once for the whole batch
        with ReadAhead(sources, stdin, stored=stored_among if check else None, workers=workers) as releases:
            if dry_run:
                for item in releases:
                    outcome, line = self.read(item, jsonl=jsonl)
                    self.report(item.source, outcome, line, tally, progress, format, verbosity)
            else:
                for batch in batches(releases, BATCH):
                    for item, (outcome, line) in zip(batch, self.write(batch, jsonl, check), strict=True):
                        self.report(item.source, outcome, line, tally, progress, format, verbosity)
        progress.finish()
        if verbosity >= 1:
            self.stderr.write(summary(tally, len(sources), progress.elapsed(), dry_run), style_func=str)
        if tally[FAILED]:
            raise CommandError(f"{tally[FAILED]} of {len(sources)} releases failed", returncode=1)

    def report(
        self, source: Source, outcome: str, line: str, tally: Counter, progress: Progress, format: str, verbosity: int
    ) -> None:
        tally[outcome] += 1
        if outcome == FAILED:
            progress.clear()
            self.stderr.write(f"failed: {display(source)}: {line}", self.style.ERROR)
        elif format == "text" and verbosity >= 1:
            if self.stdout.isatty():  # the same screen as the bar
                progress.clear()
            self.stdout.write(f"{outcome}: {display(source)}{': ' + line if line else ''}")
        progress.step()

    def read(self, item: Ahead, *, jsonl: bool) -> tuple[str, str]:
        """A dry run's release: extract (unless done ahead) and say what it reports."""
        extraction, problem = self.extract(item, jsonl)
        if extraction is None:
            return FAILED, problem
        if not extraction.is_bankruptcy:
            return NOT_CASE, extraction.not_case_reason or ""
        return READ, describe_extraction(extraction)

    def extract(self, item: Ahead, jsonl: bool) -> tuple[Extraction | None, str]:
        """(the extraction, "") or (None, why not); prints it when asked. A parser bug on one release must
        not stop the batch."""
        if item.problem is not None or item.raw is None:
            return None, item.problem or ""
        extraction, problem = item.extraction()
        if extraction is None:
            return None, problem or ""
        if jsonl:
            self.stdout.write(json.dumps(extraction.to_contract(), ensure_ascii=False))
        return extraction, ""

    def write(self, batch: list[Ahead], jsonl: bool, checked: bool) -> list[tuple[str, str]]:
        """Load a batch of releases in one transaction, each in a savepoint of its own (a release that
        fails rolls back alone); the outcomes hold once it commits.

        Each release waits only for its own parse (done ahead in a worker, as a rule), so writing keeps
        pace with parsing. Two imports at once may each hold a company the other needs (its row lock
        lasts the transaction): the database then breaks the deadlock by failing one, which writes this
        batch again one release per transaction, as after any failure of the transaction as a whole; a
        release that loses such a race again is written again after a short wait (up to 8 tries).
        """
        parsed: dict[int, tuple[Extraction | None, str]] = {}  # parsed (and printed) once, even if written twice

        def load_all(alone: bool) -> list[tuple[str, str]]:
            return [self.load(item, parsed, at, jsonl, checked, alone=alone) for at, item in enumerate(batch)]

        if checked and all(item.stored for item in batch):  # found stored: reads only, no write lock needed
            return load_all(alone=True)
        try:
            with transaction.atomic():
                return load_all(alone=False)
        except DatabaseError as e:  # rolled back, all of it: each release on its own
            if self.verbosity >= 1:
                self.progress.clear()
                self.stderr.write(
                    f"batch of {plural(len(batch), 'release')} rolled back ({type(e).__name__}: {first_line(e)}); "
                    "writing it again one release per transaction",
                    style_func=str,
                )
            return load_all(alone=True)

    def load(self, item: Ahead, parsed: dict, at: int, jsonl: bool, checked: bool, *, alone: bool) -> tuple[str, str]:
        """Load one release (``alone``: in a transaction of its own): (outcome, what to say)."""
        # found stored when looked up ahead, or the same bytes came earlier in the batch: no need to
        # parse them if they are stored now
        if checked and item.stored and (known := already_loaded(item.raw, item.sha256, expected=True)):
            return known.outcome, describe_result(known)
        if at not in parsed:
            parsed[at] = self.extract(item, jsonl)
        extraction, problem = parsed[at]
        if extraction is None:
            return FAILED, problem
        try:
            # checked: the bytes were looked up ahead and found nowhere (the unique key still guards a
            # concurrent import)
            def write() -> LoadResult:
                return load_release(
                    extraction, item.raw, origin=display(item.source), courts=self.courts, checked=checked
                )

            # alone, the release's transaction is the whole one: a lock conflict rolled back nothing else
            result = retrying_lock_conflicts(write) if alone else write()
        except Exception as e:  # the release's savepoint (or transaction) rolled back; the next one goes on
            if not alone and is_lock_conflict(e):
                raise  # the whole batch rolls back and is written again, one release per transaction
            return FAILED, f"not imported, nothing written ({type(e).__name__}: {e})"
        return result.outcome, describe_result(result)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the import is, as Ctrl-C raises KeyboardInterrupt."""


def usable_cpus() -> int:
    """The cores this process may run on (its affinity: a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@contextmanager
def ending_on_sigterm():
    """SIGTERM (kill, systemd, a container stopping) ends the import as Ctrl-C does: the transaction in
    flight rolls back and one line says where it stopped. A second SIGTERM kills at once."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread gets signals
        yield
        return

    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise Terminated("terminated (SIGTERM)")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [""])[0]


def batches(items, size: int):
    """The items in lists of ``size`` (the last one shorter)."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def display(source: Source) -> str:
    return "standard input" if source.name == STDIN else source.name


def describe_extraction(extraction: Extraction) -> str:
    company = extraction.company.name if extraction.company else "no debtor named"
    return f"{company}, {plural(len(extraction.events), 'event')}"


def describe_result(result: LoadResult) -> str:
    if result.outcome == NOT_CASE:
        return result.release.not_case_reason if result.release else ""
    parts = [str(result.case)] if result.case else []
    if result.events_added or result.sources_added:
        parts.append(f"{plural(result.events_added, 'new event')}, {result.sources_added} confirmed")
    if result.note:
        parts.append(result.note)
    return "; ".join(parts)


def summary(tally: Counter, total: int, seconds: float, dry_run: bool) -> str:
    rate = f"{total / seconds:.0f}/s" if seconds > 0 else "-"
    timing = f"in {seconds:.1f} s ({rate})"
    if dry_run:
        return (
            f"dry run, nothing written: {plural(total, 'release')} {timing}: {tally[READ]} report a case, "
            f"{tally[NOT_CASE]} {NOT_CASE}, {tally[FAILED]} failed"
        )
    counts = ", ".join(f"{tally[outcome]} {outcome}" for outcome in (*OUTCOMES, FAILED))
    return f"{plural(total, 'release')} {timing}: {counts}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Progress:
    """On a terminal, a bar redrawn in place on stderr (count, rate, ETA). Elsewhere (a pipe, CI) the
    per-release lines already tell the story, so big batches only get a plain line every tenth."""

    REDRAW_EVERY = 0.1  # seconds: redrawing per file would cost more than reading it
    PLAIN_FROM = 100  # batches this big get periodic plain progress lines

    def __init__(self, total: int, stream: OutputWrapper, enabled: bool = True) -> None:
        self.total, self.stream, self.done = total, stream, 0
        self.tty = enabled and stream.isatty()
        self.plain = enabled and not self.tty and total >= self.PLAIN_FROM
        self.every = max(1, total // 10)
        self.started = self.last_draw = time.monotonic()
        self.drawn = False

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def step(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.tty and (now - self.last_draw >= self.REDRAW_EVERY or self.done == self.total):
            self.last_draw = now
            self._draw()
        elif self.plain and self.done % self.every == 0 and self.done < self.total:
            self.stream.write(f"progress: {self.status()}", style_func=str)

    def status(self) -> str:
        seconds = self.elapsed()
        rate = self.done / seconds if seconds > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        eta = f"{left:.0f} s" if left < 90 else f"{int(left // 60)} min {int(left % 60):02d} s"
        return f"{self.done}/{self.total} releases, {rate:.0f}/s, ETA {eta}"

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        text = self.status()
        bar_width = max(10, min(40, width - len(text) - 4))
        filled = bar_width * self.done // max(1, self.total)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {text}"[: width - 1]
        self.stream.write(f"\r{line}\x1b[K", style_func=str, ending="")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Wipe the bar before another line is written, so lines never mix with it."""
        if self.drawn:
            self.stream.write("\r\x1b[K", style_func=str, ending="")
            self.stream.flush()
            self.drawn = False

    def finish(self) -> None:
        self.clear()
