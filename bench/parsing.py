"""Parse: CPU seconds per MB of one release of dated sentences at 0.25, 1 and 5 MB, beside the 0.25 MB rate.

A parse that stays linear costs the same per MB at every size; one step per sentence that looks at every
later date (as ``read_events`` once did) made 5 MB cost 14 times what 1 MB did.
"""

from __future__ import annotations

import time

from .common import Row

SECTION = "parse"
SIZES_MB = (0.25, 1, 5)
MB = 1_000_000  # 5 MB stays under the importer's 5 MiB limit
SENTENCE = "On March 3, 2019, the Company filed a motion. "
HEADLINE = "Acme Widgets Corp. Files for Chapter 11\n\n"


def release(mb: float) -> bytes:
    """A release of ``mb`` MB: a headline, then the same dated sentence over and over."""
    return (HEADLINE + SENTENCE * int((mb * MB - len(HEADLINE)) // len(SENTENCE))).encode()


def cpu_seconds_per_mb(mb: float) -> float:
    """CPU time, not the wall clock: on shared cores the other processes' share would be counted too."""
    from timeline.ingest.extract import extract_release

    raw = release(mb)
    started = time.process_time()
    extract_release(raw, "bench.txt")
    return (time.process_time() - started) / (len(raw) / MB)


def run() -> list[Row]:
    rates = {mb: round(cpu_seconds_per_mb(mb), 2) for mb in SIZES_MB}
    smallest = rates[SIZES_MB[0]]
    return [
        Row(
            SECTION,
            f"parse one {mb:g} MB release of dated sentences",
            rate,
            "CPU s/MB",
            smallest,
            f"CPU s/MB at {SIZES_MB[0]:g} MB",
            "linear: within 1.5x of the small release's rate",
            rate <= 1.5 * smallest,
            note=f"{rate * mb:.1f} s",
        )
        for mb, rate in rates.items()
    ]
