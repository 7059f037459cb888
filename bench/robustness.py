"""python -m bench.robustness [dev|holdout|all] : the same releases scored again in the shapes real input takes.

The corpus files are real, but each came in one shape. A rule that holds only for that shape fails on
the next release, so each release is scored again as a wire story in capitals, under a site's
navigation lines, hard-wrapped at 68 columns as EDGAR text is, and under a file name that carries no
date (ours do; a user's ``ex99-1.txt`` does not). The expectations are the release's own: none of
these changes what a reader takes from it. A variant scoring well below ``as found`` names a
brittleness to fix in the rules, without reading a held-out release.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from .score import PARTS, ROOT, SCORER, releases

CHROME = (
    "Skip to main content\nMarkets\nBusiness\nInvesting\nTech\nPolitics\nVideo\nWatchlist\nSign In\n"
    "Create free account\nSubscribe\nSearch quotes, news & videos\nAdvertisement\nShare\nShare Article via Facebook\n"
    "Share Article via Twitter\nShare Article via Email\n"
)


def as_found(text: str) -> str:
    return text


def capitals(text: str) -> str:
    return text.upper()


def under_chrome(text: str) -> str:
    return CHROME + text


def wrapped(text: str) -> str:
    """Each line longer than 68 columns broken at its spaces, as EDGAR's text and e-mailed copies are."""
    return "\n".join(textwrap.fill(line, 68) if len(line) > 68 else line for line in text.split("\n"))


VARIANTS = {"as found": as_found, "capitals": capitals, "under chrome": under_chrome, "wrapped": wrapped}


def summary(folder: Path) -> str:
    command = f"{sys.executable} {ROOT / 'manage.py'} ingest_releases --dry-run --format jsonl --verbosity 0"
    run = subprocess.run(
        [sys.executable, str(SCORER), "--corpus", str(folder), "--cmd", command, "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("SUMMARY")]
    return lines[0].removeprefix("SUMMARY ") if lines else f"scorer failed: {run.stderr.strip()[-300:]}"


def score(part: str) -> None:
    chosen = releases(part)
    print(f"== {part}: {len(chosen)} releases")
    for label, change in VARIANTS.items():
        with tempfile.TemporaryDirectory(prefix="robust-") as folder:
            for path in chosen:
                (Path(folder) / path.name).write_text(change(path.read_text()))
                (Path(folder) / path.with_suffix(".expected.json").name).symlink_to(path.with_suffix(".expected.json"))
            print(f"{label:<14} {summary(Path(folder))}", flush=True)
    with tempfile.TemporaryDirectory(prefix="robust-") as folder:
        for n, path in enumerate(chosen):
            (Path(folder) / f"release{n:03d}.txt").symlink_to(path)
            (Path(folder) / f"release{n:03d}.expected.json").symlink_to(path.with_suffix(".expected.json"))
        print(f"{'undated name':<14} {summary(Path(folder))}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.robustness", description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", choices=PARTS, metavar="PART", help="all, dev, holdout (default: dev)")
    for part in parser.parse_args(argv).parts or ["dev"]:
        score(part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
