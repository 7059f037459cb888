"""python -m bench.score [all|dev|holdout]... : the importer's dry run scored against fixtures/corpus.

``holdout`` is the releases (fixtures/corpus/releases) listed in fixtures/corpus/HOLDOUT, set aside
before the extraction rules were written against the corpus; ``dev`` is the rest; ``all`` both. Each part is scored by
bench/score_extraction.py over a scratch folder of links, and its summary line printed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
RELEASES = CORPUS / "releases"
SCORER = Path(__file__).resolve().parent / "score_extraction.py"
PARTS = ("all", "dev", "holdout")


def holdout() -> set[str]:
    lines = (CORPUS / "HOLDOUT").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def releases(part: str) -> list[Path]:
    found = sorted(p for p in RELEASES.glob("*.txt") if p.with_suffix(".expected.json").exists())
    if part == "all":
        return found
    held = holdout()
    return [p for p in found if (p.name in held) == (part == "holdout")]


def score(part: str, quiet: bool) -> int:
    chosen = releases(part)
    with tempfile.TemporaryDirectory(prefix=f"corpus-{part}-") as folder:
        for path in chosen:
            for one in (path, path.with_suffix(".expected.json")):
                (Path(folder) / one.name).symlink_to(one)
        command = f"{sys.executable} {ROOT / 'manage.py'} ingest_releases --dry-run --format jsonl --verbosity 0"
        args = [sys.executable, str(SCORER), "--corpus", folder, "--cmd", command, *(["--quiet"] if quiet else [])]
        print(f"== {part}: {len(chosen)} releases", flush=True)
        return subprocess.run(args, cwd=ROOT).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.score", description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", choices=PARTS, metavar="PART", help="all, dev, holdout (default: all)")
    parser.add_argument("--quiet", action="store_true", help="summaries only, no line per release")
    args = parser.parse_args(argv)
    status = 0
    for part in args.parts or PARTS:
        status |= score(part, args.quiet or part == "holdout")
    return status


if __name__ == "__main__":
    sys.exit(main())
