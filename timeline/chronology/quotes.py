"""Sources in their text: a quote in its paragraph, a release cut at every quoted span."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import EventSource

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class QuoteInContext:
    before: str
    quote: str
    after: str
    exact: bool  # False when the stored span no longer matches the release text


def _flat(text: str) -> str:
    """Hard-wrapped, column-aligned release text read as running prose."""
    return re.sub(r"\s+", " ", text)


def quote_in_paragraph(text: str, start: int, end: int, quote: str) -> QuoteInContext:
    """The paragraph(s) of ``text`` around [start, end), split so the span can be highlighted."""
    if not (0 <= start <= end <= len(text)) or _flat(text[start:end]).strip() != _flat(quote).strip():
        return QuoteInContext("", quote, "", exact=False)
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    para_start = max((b_end for b_start, b_end in breaks if b_end <= start), default=0)
    para_end = min((b_start for b_start, b_end in breaks if b_start >= end), default=len(text))
    return QuoteInContext(
        _flat(text[para_start:start]).lstrip(), _flat(text[start:end]), _flat(text[end:para_end]).rstrip(), True
    )


@dataclass(frozen=True)
class Segment:
    text: str
    sources: tuple[EventSource, ...] = ()
    starts: tuple[EventSource, ...] = ()  # sources whose span begins here: the anchors #source-N

    @property
    def first(self) -> EventSource | None:
        return self.sources[0] if self.sources else None

    @property
    def event_ids(self) -> list[int]:
        return sorted({s.event_id for s in self.sources})


def highlighted_segments(text: str, sources: Iterable[EventSource]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows the sources (events) that cover it.

    Overlapping spans (two events read from one sentence) become pieces covered by both, so the
    page never nests links.
    """
    spans = [s for s in sources if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s for s in spans if s.start <= a and b <= s.end)
        if segments and not covering and not segments[-1].sources:
            segments[-1] = Segment(segments[-1].text + text[a:b])
        else:
            segments.append(Segment(text[a:b], covering, tuple(s for s in covering if s.start == a)))
    return segments
