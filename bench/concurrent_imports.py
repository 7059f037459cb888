"""Concurrent imports: four `manage.py ingest_releases` processes at once, each importing its own folder of
copies of the same sample releases (so all four write to the same cases), each folder in another order.

On PostgreSQL they lock the same companies in different orders and the server fails one transaction of
each deadlock; its releases must be written again, never lost. The figure is the releases lost (reported
failed), beside the batches that were rolled back and written again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from .common import Row
from .importing import copies

SECTION = "concurrent"
IMPORTS = 4


def run(count: int = 1020) -> list[Row]:
    from timeline.models import Release

    each = count // IMPORTS
    before = Release.objects.count()
    with tempfile.TemporaryDirectory(prefix="bench-concurrent-") as tmp:
        folders = []
        for k in range(IMPORTS):
            folder = Path(tmp) / f"import-{k}"
            folder.mkdir()
            copies(folder, each, first=k * each, rotate=k * 23)  # other bytes, the same cases, in another order
            folders.append(folder)
        started = time.perf_counter()
        imports = [
            subprocess.Popen(
                [sys.executable, "manage.py", "ingest_releases", "-v", "1", str(folder)],
                cwd=settings.BASE_DIR,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for folder in folders
        ]
        errors = [process.communicate()[1] for process in imports]
        seconds = time.perf_counter() - started
    lines = [line for err in errors for line in err.splitlines()]
    lost = sum(1 for line in lines if line.startswith("failed:"))
    deadlocked = sum(1 for line in lines if line.startswith("failed:") and "deadlock" in line)
    rewritten = sum(1 for line in lines if "rolled back" in line and "one release per transaction" in line)
    stored = Release.objects.count() - before
    return [
        Row(
            SECTION,
            f"{IMPORTS} imports at once, {IMPORTS * each} releases about the same cases",
            lost,
            "releases lost",
            target="none lost",
            ok=lost == 0 and stored == IMPORTS * each,
            note=f"{deadlocked} lost to a deadlock, {rewritten} batches rolled back and written again, "
            f"{stored} stored, {seconds:.0f} s",
        )
    ]
