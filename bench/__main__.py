"""python -m bench [import|concurrent|parse|page|search|load ...] : build the data, run the benchmarks, print the table.

With no section named, all run. The data goes into a database of its own (bench/data/bench.sqlite3,
or <name>_bench beside DATABASE_URL's PostgreSQL database), created at the start and dropped at the
end unless --keep. bench/results.json keeps the latest rows per database vendor.

The exit status says whether every section ran: a missed target is a "NO" in the table (the figure
is the result), a section that could not run (a server that would not start, a page that broke)
exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

SECTIONS = ("import", "concurrent", "parse", "page", "search", "load")
RESULTS = Path(__file__).resolve().parent / "results.json"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("sections", nargs="*", metavar="SECTION", help=f"any of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--cases", type=int, default=100_000, help="cases for the search section (100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (10)")
    parser.add_argument("--releases", type=int, default=1020, help="release files for the import section")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use a kept database's data instead of rebuilding")
    parser.add_argument("--no-save", action="store_true", help="do not update bench/results.json")
    args = parser.parse_args(argv)
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section {', '.join(sorted(unknown))}: choose from {', '.join(SECTIONS)}")
    args.sections = [s for s in SECTIONS if s in args.sections] or list(SECTIONS)
    return args


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from . import db
    from .common import Row, table

    machine = {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "platform": platform.platform(),
        "reference_loop_s": reference_loop(),
    }
    reuse = args.reuse and db.exists()
    log(f"bench: {db.describe()}, {machine['nproc']} cores; {'reusing' if reuse else 'creating'} the database")
    if not reuse:
        db.create()
    machine["database"] = db.server_version()
    rows: list[Row] = []
    try:
        if "import" in args.sections:
            from . import importing

            log(f"bench: import, {args.releases} releases")
            rows += guarded("import", lambda: importing.run(args.releases))
        if "concurrent" in args.sections:
            from . import concurrent_imports as concurrent

            log(f"bench: {concurrent.IMPORTS} concurrent imports of {args.releases} releases about the same cases")
            rows += guarded("concurrent", lambda: concurrent.run(args.releases))
        if "parse" in args.sections:
            from . import parsing

            log(f"bench: parse, {', '.join(f'{mb:g}' for mb in parsing.SIZES_MB)} MB")
            rows += guarded("parse", parsing.run)
        if {"page", "search", "load"} & set(args.sections):
            big, generated = prepare(args)
            rows += generated
            from . import case_page, load, search

            if "page" in args.sections:
                log("bench: case page")
                rows += guarded("case page", lambda: case_page.run(big))
            if "search" in args.sections:
                log("bench: search")
                rows += guarded("search", search.run)
            if "load" in args.sections:
                log(f"bench: load, {args.duration} s per URL")
                targets = {}
                if case_page.case_url(big[100]):
                    targets["case page, 100 events"] = case_page.case_url(big[100])
                    targets["case page, 1,000 events"] = case_page.case_url(big[1000])
                try:
                    from django.urls import reverse

                    targets["search ?q=Photonics"] = reverse("timeline:case_list") + "?q=Photonics"
                except Exception:
                    pass
                from django.db import connections

                connections.close_all()  # gunicorn's workers get the database to themselves
                rows += guarded("load", lambda: load.run(targets, args.duration))
    finally:
        if not args.keep:
            db.drop()
    print(f"\n{machine['database']}, {machine['nproc']} cores (nproc), Python {machine['python']}, "
          f"Django {machine['django']}; {machine['reference_loop_s']:.2f} s CPU for {REFERENCE_LOOP:,} additions"
          " in a Python loop (the machine's speed, to compare absolute figures across machines)\n")  # fmt: skip
    print(table(rows))
    if not args.no_save:
        save(machine, rows, args)
    return 1 if any(r.name == FAILED for r in rows) else 0


FAILED = "(section failed)"
REFERENCE_LOOP = 10_000_000


def reference_loop() -> float:
    """CPU seconds of a plain Python loop: the absolute figures (releases/s, ms) scale with it, the ratios
    to a floor much less (the same code, 1fe57ec, imported 268 releases/s on PostgreSQL on 2026-11-30 and
    46-58/s on 2026-12-04, where this loop took 1.3 s under Python 3.13: bench/README.md)."""
    started = time.process_time()
    total = 0
    for i in range(REFERENCE_LOOP):
        total += i
    return time.process_time() - started


def guarded(section: str, run) -> list:
    """A section that breaks (a page not landed yet, a server that will not start) is one row, not the end."""
    from .common import Row

    try:
        return run()
    except Exception as e:
        import traceback

        traceback.print_exc()
        return [Row(section, FAILED, None, "", ok=False, note=f"failed: {type(e).__name__}: {e}"[:200])]


def prepare(args) -> tuple[dict[int, int], list]:
    """The cases the page, search and load sections read: one per chronology size, and the bulk."""
    from cases.models import Case
    from timeline.demo_data import generate

    from .case_page import SIZES
    from .common import Row

    rows, big = [], {}
    for size in SIZES:
        prefix = f"Bench{size}"
        existing = Case.objects.filter(company__name__startswith=prefix + " ").values_list("id", flat=True).first()
        big[size] = existing or generate(1, events=(size, size), seed=args.seed + size, prefix=prefix).case_ids[0]
    have = Case.objects.exclude(company__name__startswith="Bench").count()
    if have < args.cases:
        want = args.cases - have
        log(f"bench: generating {want:,} cases")

        def progress(line: str) -> None:
            done = int(line.split()[1].split("/")[0].replace(",", ""))
            if done % 10_000 == 0 or done == want:
                log(f"  {line}")

        started = time.perf_counter()
        done = generate(want, events=(2, 10), seed=args.seed, batch=2000, progress=progress)
        seconds = time.perf_counter() - started
        analyze()
        rows.append(
            Row("data", f"generate_cases, {want:,} cases, 2-10 events", want / seconds, "cases/s",
                target="information", note=f"{done.events:,} events in {seconds:.0f} s")
        )  # fmt: skip
    return big, rows


def analyze() -> None:
    """On PostgreSQL, the planner statistics autovacuum would soon give a real database: plans, not luck.

    Not on SQLite: nothing analyzes a real SQLite database, and its statistics count NULLs as one value
    (an all-NULL lead_case_id looks like 100,000 rows per key), which would mislead the planner here only.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        log("bench: ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def save(machine: dict, rows: list, args) -> None:
    from django.db import connection

    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    ran = {r.section for r in rows} | {"data"}
    previous = results.get(connection.vendor, {}).get("rows", [])
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results[connection.vendor] = {
        "machine": machine,
        "command": "python -m bench " + " ".join(args.sections if len(args.sections) < len(SECTIONS) else []),
        "rows": [r for r in previous if r["section"] not in ran] + [{**r.as_dict(), "when": when} for r in rows],
    }
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n")
    log(f"bench: wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
