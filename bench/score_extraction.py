#!/usr/bin/env python3
# The team's corpus scorer, copied so a clone can score (`make score` runs it over fixtures/corpus through
# bench/score.py); changed only here and in where it finds the contract (fixtures/contract).
"""Score the importer's dry-run output against hand-annotated releases.

Usage (from the project's root):
    python ../shared/tools/score_extraction.py --corpus ../shared/corpus \
        --cmd "python manage.py ingest_releases --dry-run --format jsonl"

The command is run once with every release file of the corpus as arguments and
must print one JSON object per release (see ../shared/contract/). Each release
NAME.txt (or .html) is paired with NAME.expected.json, written in the same shape.

Prints a table per release and a summary; --json FILE also writes the summary.
Exits 1 when the command fails or prints something that is not the contract.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

SCHEMA = Path(__file__).resolve().parent.parent / "fixtures" / "contract" / "release-extraction.schema.json"
RELEASE_SUFFIXES = (".txt", ".html", ".htm")
CORPORATE_SUFFIXES = r"\b(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|l\.l\.c|lp|l\.p|plc|holdings?|the)\b"


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    s = name.lower().replace("&", " and ")
    s = re.sub(CORPORATE_SUFFIXES, " ", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def norm_ticker(ticker: str | None) -> str:
    if not ticker:
        return ""
    t = ticker.upper().strip()
    t = re.sub(r"^(NYSE|NASDAQ|AMEX|OTC|OTCBB|PINK|TSX|NASDAQ[A-Z]*)\s*[:/-]\s*", "", t)
    t = re.sub(r"\.(PK|OB|OTC)$", "", t)
    return re.sub(r"[^A-Z0-9.]", "", t)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def date_value(d: dict | None) -> str | None:
    return d.get("value") if isinstance(d, dict) else None


def amount_ok(expected: dict | None, produced: dict | None) -> bool:
    if not expected:
        return True
    if not produced or produced.get("currency") != expected.get("currency"):
        return False
    e, p = float(expected["value"]), float(produced.get("value") or 0)
    return abs(p - e) <= 0.01 * abs(e)


def event_ok(expected: dict, produced: dict, strict: bool) -> bool:
    # an annotation may accept more than one kind where the release reads both ways
    if produced.get("kind") not in [expected["kind"], *expected.get("also_kinds", [])]:
        return False
    if not strict:
        return True
    want = date_value(expected.get("date"))
    if want is not None and date_value(produced.get("date")) != want:
        return False
    return amount_ok(expected.get("amount"), produced.get("amount"))


def match_events(expected: list[dict], produced: list[dict], strict: bool) -> tuple[int, int, int, list[str]]:
    """Greedy one-to-one matching. Returns (true positives, false positives, false negatives, misses)."""
    unused = list(range(len(produced)))
    tp = fn = 0
    misses = []
    optional_hits = 0
    for want in sorted(expected, key=lambda e: bool(e.get("optional"))):
        hit = next((i for i in unused if event_ok(want, produced[i], strict)), None)
        if hit is not None:
            unused.remove(hit)
            if want.get("optional"):
                optional_hits += 1
            else:
                tp += 1
        elif not want.get("optional"):
            fn += 1
            misses.append(f"missed {want['kind']} {date_value(want.get('date'))}")
    fp = len(unused)
    misses += [f"extra {produced[i].get('kind')} {date_value(produced[i].get('date'))}" for i in unused]
    return tp, fp, fn, misses


def load_validator():
    try:
        import jsonschema  # type: ignore
    except ImportError:
        print("note: jsonschema is not installed here, so the output is not checked against the contract", file=sys.stderr)
        return None
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--cmd", required=True, help="the dry-run command; release paths are appended")
    ap.add_argument("--json", type=Path, help="also write the summary here")
    ap.add_argument("--quiet", action="store_true", help="summary only")
    args = ap.parse_args()

    releases = sorted(p for p in args.corpus.iterdir() if p.suffix in RELEASE_SUFFIXES and not p.name.startswith("."))
    releases = [p for p in releases if p.with_suffix(".expected.json").exists()]
    if not releases:
        print(f"no releases with .expected.json in {args.corpus}", file=sys.stderr)
        return 1
    run = subprocess.run(shlex.split(args.cmd) + [str(p) for p in releases], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"the command exited {run.returncode}:\n{run.stderr[-3000:]}", file=sys.stderr)
        return 1
    produced: dict[str, dict] = {}
    validator = load_validator()
    for n, line in enumerate(l for l in run.stdout.splitlines() if l.strip()):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"output line {n + 1} is not JSON ({e}): {line[:200]}", file=sys.stderr)
            return 1
        if validator is not None:
            errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
            if errors:
                print(f"output line {n + 1} breaks the contract: {errors[0].message} at {list(errors[0].path)}", file=sys.stderr)
                return 1
        produced[Path(obj["source"]["file"]).name] = obj

    totals = {k: [0, 0, 0] for k in ("strict", "loose")}
    fields = {k: [0, 0] for k in ("is_bankruptcy", "company", "ticker", "chapter", "court", "petition_date", "evidence")}
    rows = []
    for path in releases:
        want = json.loads(path.with_suffix(".expected.json").read_text())
        got = produced.get(path.name)
        if got is None:
            rows.append((path.name, "NO OUTPUT"))
            fields["is_bankruptcy"][1] += 1
            fn = sum(1 for e in want.get("events", []) if not e.get("optional"))
            for k in totals:
                totals[k][2] += fn
            continue
        notes = []

        def check(field: str, ok: bool, detail: str) -> None:
            fields[field][0] += ok
            fields[field][1] += 1
            if not ok:
                notes.append(detail)

        check("is_bankruptcy", want["is_bankruptcy"] == got.get("is_bankruptcy"), f"is_bankruptcy={got.get('is_bankruptcy')}")
        if want.get("company"):
            gc = got.get("company") or {}
            names = [want["company"]["name"], *want["company"].get("also_names", [])]
            check("company", norm_name(gc.get("name")) in {norm_name(n) for n in names}, f"company={gc.get('name')!r}")
            if want["company"].get("ticker"):
                check("ticker", norm_ticker(want["company"]["ticker"]) == norm_ticker(gc.get("ticker")), f"ticker={gc.get('ticker')!r}")
        wc, gcase = want.get("case"), got.get("case") or {}
        if wc:
            if wc.get("chapter") is not None:
                check("chapter", wc["chapter"] == gcase.get("chapter"), f"chapter={gcase.get('chapter')}")
            if (wc.get("court") or {}).get("id"):
                gid = (gcase.get("court") or {}).get("id")
                check("court", wc["court"]["id"] == gid, f"court={gid}")
            if wc.get("petition_date"):
                gd = date_value(gcase.get("petition_date"))
                check("petition_date", date_value(wc["petition_date"]) == gd, f"petition_date={gd}")
        source_text = squash(path.read_text(errors="replace"))
        for ev in got.get("events", []):
            quote = squash((ev.get("evidence") or {}).get("quote") or "")
            check("evidence", bool(quote) and quote in source_text, f"evidence not in source: {quote[:60]!r}")
        if not want["is_bankruptcy"]:
            rows.append((path.name, "; ".join(notes) or "ok"))
            continue  # a release that reports no case is judged on is_bankruptcy alone
        for mode in totals:
            tp, fp, fn, misses = match_events(want.get("events", []), got.get("events", []), strict=(mode == "strict"))
            totals[mode][0] += tp
            totals[mode][1] += fp
            totals[mode][2] += fn
            if mode == "strict":
                notes += misses
        rows.append((path.name, "; ".join(notes) or "ok"))

    if not args.quiet:
        for name, note in rows:
            print(f"{name:<60} {note}")
        print()
    summary = {}
    for mode, (tp, fp, fn) in totals.items():
        p, r, f = f1(tp, fp, fn)
        summary[f"events_{mode}"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}
        print(f"events ({mode}): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for field, (ok, n) in fields.items():
        summary[field] = {"correct": ok, "of": n}
        print(f"{field:<14} {ok}/{n}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    s = summary
    print(
        f"SUMMARY events_f1={s['events_strict']['f1']} loose_f1={s['events_loose']['f1']} "
        + " ".join(f"{k}={v['correct']}/{v['of']}" for k, v in s.items() if k.startswith(("is_", "company", "ticker", "chapter", "court", "petition", "evidence")))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
