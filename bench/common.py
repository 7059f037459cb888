"""What every benchmark shares: a result row beside its floor, timing helpers, the table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Row:
    """One figure, the floor measured beside it in the same run, and the target it is held to.

    ``ratio`` is figure / floor for times and floor / figure for rates, so higher is always worse.
    """

    section: str
    name: str
    value: float | None
    unit: str
    floor: float | None = None
    floor_name: str = ""
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        if self.unit.endswith("/s"):
            return self.floor / self.value if self.value else None
        return self.value / self.floor

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": None if self.ratio is None else round(self.ratio, 2)}


def skipped(section: str, name: str, why: str) -> Row:
    return Row(section, name, None, "", note=f"skipped: {why}")


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit.endswith("/s"):
        return f"{value:,.0f} {unit}"
    if unit == "queries":
        return f"{value:g} q"
    return f"{value:g} {unit}".strip()


def table(rows: list[Row]) -> str:
    """Markdown, so the README can take it as printed."""
    lines = [
        "| section | figure | value | floor | floor is | ratio | target | ok |",
        "| --- | --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for r in rows:
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}x"
        ok = {True: "yes", False: "NO", None: ""}[r.ok]
        value = fmt(r.value, r.unit) if r.value is not None else r.note
        target = r.target + (f" ({r.note})" if r.note and r.value is not None else "")
        cells = [r.section, r.name, value, fmt(r.floor, r.unit), r.floor_name, ratio, target, ok]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
