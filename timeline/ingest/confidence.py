"""How sure a reading is, and why, for the facts a reviewer checks: events and the case's fields.

A score starts from how directly the release states the fact and loses for each way the reading had to
guess: a date taken from the release date because the sentence gives none, a weekday resolved against
it, a sentence telling several steps at once, a fact only implied. The reason names each guess in
words a person reads beside the sentence. (The company's confidence comes from how many places name
it: ``timeline.ingest.subject``.) ``bench/confidence.py`` measures how often each band is right.
"""

from __future__ import annotations

from timeline.ingest.facts import Confidence, PartialDate

# how an event's date was read
EXPLICIT = "explicit"  # a date written in the event's clause: 'on November 14, 2003'
RELATIVE = "relative"  # a weekday or 'yesterday' resolved against the release date
SAME_DAY = "same_day"  # 'later that same day': the day of the step told before
RELEASE = "release"  # no date in the sentence: on or before the release date
UNDATED = "undated"  # no date in the sentence and no release date


def _clamp(score: float) -> float:
    return round(max(0.2, min(0.97, score)), 2)


def event_confidence(how: str, date: PartialDate | None, steps_in_sentence: int, quoted: bool) -> Confidence:
    score, why = 0.9, []
    if how == EXPLICIT:
        if date is not None and date.precision != "day":
            score -= 0.05
            why.append(f"dated to the {date.precision} only")
    elif how == RELATIVE:
        score -= 0.08
        why.append(f"'{date.text}' resolved against the release date" if date and date.text else "a relative date")
    elif how == SAME_DAY:
        score -= 0.1
        why.append("dated 'that same day' from the step told before it")
    elif how == RELEASE:
        score -= 0.15
        why.append("no date in its sentence: taken as on or before the release date")
    else:
        score -= 0.25
        why.append("no date in its sentence and no release date")
    if steps_in_sentence > 1:
        score -= 0.05 * min(3, steps_in_sentence - 1)
        why.append(f"one of {steps_in_sentence} steps told in one sentence")
    if quoted:
        score -= 0.1
        why.append("read inside a quotation")
    reason = "stated with its date in the sentence" if not why else "; ".join(why)
    return Confidence(_clamp(score), reason[0].upper() + reason[1:])


def chapter_confidence(where: str, chapters_named: int) -> Confidence:
    """``where``: 'petition' (the petition sentence), 'release' (elsewhere), 'implied' (no number written)."""
    score, reason = {
        "petition": (0.93, "Written in the petition sentence"),
        "release": (0.82, "Written in the release, not in a petition sentence"),
        "implied": (0.6, "Implied, not written: a municipal case is Chapter 9, a foreign proceeding's Chapter 15"),
    }[where]
    if chapters_named > 1:
        score -= 0.15
        reason += f"; the release names {chapters_named} chapters"
    return Confidence(_clamp(score), reason)


def court_confidence(where: str, by_city: bool) -> Confidence:
    score = 0.92 if where == "petition" else 0.84
    reason = (
        "Named in the petition sentence" if where == "petition" else "Named in the release, not in a petition sentence"
    )
    if by_city:
        score -= 0.15
        reason += "; resolved from the city the court sits in"
    return Confidence(_clamp(score), reason)


CASE_NUMBER = Confidence(0.9, "Written after 'Case No.'")


VOLUNTARY = Confidence(0.93, "The release says voluntary or involuntary")  # unsaid, it stays unknown
