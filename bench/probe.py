"""python -m bench.probe [dev|holdout|all] : the extractor on single real sentences, one step each.

``fixtures/probe/*.jsonl`` holds sentences copied from real releases and news items (each with its
address), gathered by people who did not read the rules: sentences that report a bankruptcy filing,
sentences that only resemble one (risk factors, denials, other steps), and sentences that report a
hearing, financing, an order, a sale, a plan or an emergence. A whole release scores many things at
once; a sentence scores one: does the parser see this way of saying it? Each sentence is read as a
release of its own, by the same code path as the importer, under a file name that dates it (a
release's file name or text always dates it; without a date 'on Monday' could not be placed).

A third of the sentences (those whose sha256 starts with 0-4 of 0-f) are held out: rules are written
against ``dev`` only, and ``holdout`` says whether they generalise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict

from .score import PARTS, ROOT

PROBE = ROOT / "fixtures" / "probe"
_HELD = "01234"


def held_out(sentence: str) -> bool:
    return hashlib.sha256(sentence.encode()).hexdigest()[0] in _HELD


_ENGLISH = re.compile(r"\b(?:the|and|has|had|was|were|for|with|its|is|of|to)\b", re.I)


def probes(part: str, pattern: str = "*sentences*.jsonl", key: str = "sentence") -> list[dict]:
    """The sentences (or, with ``openings_*.jsonl`` and "text", the openings) of one part, English ones only (the
    gatherers kept some in other languages; the importer reads English releases)."""
    found = []
    for path in sorted(PROBE.glob(pattern)):
        items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        found += [item for item in items if len(_ENGLISH.findall(item[key])) >= 2]
    if part == "all":
        return found
    return [p for p in found if held_out(p[key]) == (part == "holdout")]


def _same_name(a: str | None, b: str | None) -> bool:
    from bench.score_extraction import norm_name

    x, y = norm_name(a), norm_name(b)
    return bool(x and y) and (x == y or x in y or y in x)


_NOT_NAMES = frozenset(
    ["The", "A", "An", "One", "He", "She", "They", "It", "Its", "Many", "Some", "Debtor", "Debtors", "Team", "Two"]
)


def _proper(filer: str | None) -> bool:
    """A filer the sentence names ('Arch Coal'), not one it describes ('The college', 'He', 'the debtor')."""
    return bool(filer) and any(w[:1].isupper() and w not in _NOT_NAMES for w in filer.split())


def measure(items: list[dict], show: bool) -> dict[str, list[int]]:
    """kind -> [found on positives, positives, found on negatives, negatives]; plus the filer's name."""
    from timeline.ingest.extract import extract_release, read_release

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for item in items:
        kind = item.get("kind", "petition_filed")
        # a release has a date (its file name's, here): without one 'on Monday' dates nothing
        raw = item["sentence"].encode()
        got = extract_release(raw, "probe_2020-06-15.txt")
        # a filing is judged by what the importer keeps; a later step by what the sentence was read to say (a
        # sentence alone reports no case, so the importer would keep none of its steps)
        steps = got.events if kind == "petition_filed" else read_release(raw, "probe_2020-06-15.txt").reading.events
        found = any(e.kind == kind for e in steps)
        row = tally[kind]
        if item["positive"]:
            row[0] += found
            row[1] += 1
        else:
            row[2] += found
            row[3] += 1
        if show and found != item["positive"]:
            print(f"{'missed' if item['positive'] else 'extra '} {kind:15} {item['sentence'][:160]}")
        if (
            kind == "petition_filed"
            and item["positive"]
            and item.get("filer_in_sentence")
            and _proper(item.get("filer"))
        ):
            named = tally["filer named"]
            named[0] += _same_name(got.company.name if got.company else None, item["filer"])
            named[1] += 1
            if show and not _same_name(got.company.name if got.company else None, item["filer"]):
                print(f"filer  {item['filer']!r:40} got {got.company.name if got.company else None!r}")
    return tally


def measure_openings(items: list[dict], show: bool) -> dict[str, list[int]]:
    """A release's first lines (chrome and all): is a filing told, who is it about, and its ticker."""
    from bench.score_extraction import norm_ticker
    from timeline.ingest.extract import extract_release

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for item in items:
        got = extract_release(item["text"].encode(), "probe_2020-06-15.txt")
        row = tally["opening: a case"]
        if item["reports_filing"]:
            row[0] += got.is_bankruptcy
            row[1] += 1
        else:
            row[2] += got.is_bankruptcy
            row[3] += 1
        name = got.company.name if got.company else None
        right = any(_same_name(name, n) for n in [item["subject"], *item.get("also_names", [])])
        if _proper(item["subject"]):  # an item that names its subject ('Kodak', not 'the Company' or 'Our')
            tally["opening: subject"][0] += right
            tally["opening: subject"][1] += 1
        if show and ((not right and _proper(item["subject"])) or got.is_bankruptcy != item["reports_filing"]):
            print(f"opening {item['subject']!r:36} got {name!r} case={got.is_bankruptcy} want={item['reports_filing']}")
        if item.get("ticker"):
            tally["opening: ticker"][0] += norm_ticker(item["ticker"]) == norm_ticker(
                got.company and got.company.ticker
            )
            tally["opening: ticker"][1] += 1
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe", description=__doc__.split("\n\n")[0])
    parser.add_argument("parts", nargs="*", choices=PARTS, metavar="PART", help="all, dev, holdout (default: all)")
    parser.add_argument("--show", action="store_true", help="print each miss (dev only: never held-out sentences)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    for part in args.parts or PARTS:
        items = probes(part)
        openings = probes(part, "openings_*.jsonl", "text")
        tally = measure(items, args.show and part == "dev") | measure_openings(openings, args.show and part == "dev")
        kinds = Counter(i.get("kind", "petition_filed") for i in items)
        print(f"== {part}: {len(items)} sentences, {len(openings)} openings")
        for kind in sorted(tally):
            hit, pos, extra, neg = tally[kind]
            recall = f"{hit}/{pos} ({hit / pos:.0%})" if pos else "-"
            wrong = f"{extra}/{neg}" if neg else "-"
            label = "right " if kind in ("filer named", "opening: subject", "opening: ticker") else "recall"
            print(f"{kind:16} {label} {recall:14} found on negatives {wrong:8} ({kinds.get(kind, 0)} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
