"""python -m bench.confidence [all|dev|holdout] : how often facts of each confidence band are right.

Reads every annotated release of fixtures/corpus in this process, compares each fact the importer
scored (company, ticker, chapter, court, petition date, each event) with the annotation the way
bench/score_extraction.py does, and prints, per band of confidence, how many facts there were and
how many were right. A useful confidence is right more often the higher it is; the facts under the
review line (settings.CONFIDENCE_REVIEW_BELOW) are the ones the admin's queue shows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict

import django

BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def band(score: float) -> str:
    low, high = next((lo, hi) for lo, hi in BANDS if lo <= score < hi)
    return f"{low:.1f}-{min(high, 1.0):.1f}"


def judge(got: dict, want: dict, sc) -> list[tuple[str, float, bool]]:
    """(fact, confidence, right) for every scored fact of one release."""
    out: list[tuple[str, float, bool]] = []
    company = got.get("company") or {}
    conf = company.get("confidence") or {}
    if want.get("company") and "name" in conf:
        names = {sc.norm_name(n) for n in [want["company"]["name"], *want["company"].get("also_names", [])]}
        out.append(("company", conf["name"]["score"], sc.norm_name(company.get("name")) in names))
    if want.get("company") and "ticker" in conf:
        right = sc.norm_ticker(want["company"].get("ticker")) == sc.norm_ticker(company.get("ticker"))
        out.append(("ticker", conf["ticker"]["score"], right))
    case, wcase = got.get("case") or {}, want.get("case") or {}
    for field, value in (case.get("confidence") or {}).items():
        if field == "chapter":
            right = wcase.get("chapter") == case.get("chapter")
        elif field == "court":
            right = ((wcase.get("court") or {}).get("id")) == ((case.get("court") or {}).get("id"))
        elif field == "petition_date":
            right = sc.date_value(wcase.get("petition_date")) == sc.date_value(case.get("petition_date"))
        else:
            continue
        out.append((field, value["score"], right))
    if want.get("is_bankruptcy"):
        unused = list(want.get("events", []))
        for event in got.get("events", []):
            hit = next((w for w in unused if sc.event_ok(w, event, strict=True)), None)
            if hit is not None:
                unused.remove(hit)
            out.append(("event", (event.get("confidence") or {}).get("score", 0.0), hit is not None))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.confidence", description=__doc__.split("\n\n")[0])
    parser.add_argument("part", nargs="?", default="all", choices=("all", "dev", "holdout"))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()
    from django.conf import settings

    from bench import score_extraction as sc
    from bench.score import releases
    from timeline.ingest.extract import extract_release

    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for path in releases(args.part):
        got = extract_release(path.read_bytes(), path.name).to_contract()
        want = json.loads(path.with_suffix(".expected.json").read_text())
        for fact, score, right in judge(got, want, sc):
            for key in ((fact, band(score)), ("all facts", band(score))):
                tally[key][0] += 1
                tally[key][1] += right
    below = settings.CONFIDENCE_REVIEW_BELOW / 100
    print(f"{args.part}: facts right by confidence (the review queue takes those under {below:.2f})")
    facts = sorted({f for f, _ in tally}, key=lambda f: (f == "all facts", f))
    labels = [band(lo) for lo, _ in BANDS]
    print(f"{'fact':<14}" + "".join(f"{b:>14}" for b in labels))
    for fact in facts:
        cells = []
        for b in labels:
            n, ok = tally.get((fact, b), (0, 0))
            cells.append(f"{ok}/{n} {ok / n:4.0%}" if n else "-")
        print(f"{fact:<14}" + "".join(f"{c:>14}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
