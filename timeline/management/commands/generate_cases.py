"""Generate plausible cases with sourced chronologies, for the demo and the benchmarks."""

from __future__ import annotations

import re

from django.core.management.base import BaseCommand, CommandError

from timeline.demo_data import generate


def events_range(value: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", value.strip())
    if not m or int(m.group(1)) > int(m.group(2)):
        raise ValueError(value)
    return int(m.group(1)), int(m.group(2))


class Command(BaseCommand):
    help = "Write N generated cases (companies, cases in real courts, events, releases and source spans)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=300, help="How many cases (default 300).")
        per_case = parser.add_mutually_exclusive_group()
        per_case.add_argument("--events-per-case", type=int, metavar="M", help="Exactly M events per case.")
        per_case.add_argument(
            "--events-range", type=events_range, metavar="A-B", help="A to B events per case (default 3-30)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1).")
        parser.add_argument(
            "--case-prefix",
            default="",
            help="Starts every debtor's name and marks release origins, so a second batch neither collides "
            "with the first nor hides among it (e.g. 'Bench').",
        )
        parser.add_argument("--batch", type=int, default=1000, help="Cases per transaction (default 1000).")

    def handle(self, *args, cases, events_per_case, events_range, seed, case_prefix, batch, **options):
        if cases < 0 or batch < 1:
            raise CommandError("--cases must be >= 0 and --batch >= 1")
        if events_per_case is not None:
            if events_per_case < 0:
                raise CommandError("--events-per-case must be >= 0")
            events = (events_per_case, events_per_case)
        else:
            events = events_range or (3, 30)
        done = generate(
            cases,
            events=events,
            seed=seed,
            prefix=case_prefix,
            batch=batch,
            progress=lambda line: self.stderr.write(line),
        )
        self.stdout.write(
            f"Generated {len(done.case_ids):,} cases with {done.events:,} events in {done.seconds:.1f} s "
            f"({len(done.case_ids) / max(done.seconds, 1e-9):,.0f} cases/s)."
        )
