"""Awards and judgments a release reports: the words that tell one, and who stands on each side.

An arbitral body's decision is an ``award`` ('an arbitrator awarded X $7 million', 'the Tribunal issued
its award', 'a panel ... ruled in favor of X', 'a final award'); a court's or a jury's is a ``judgment``
('entered a judgment of $27.5 million', 'affirmed a $95 million judgment', 'a jury returned a $48 million
verdict'). Risk language names them without reporting one ('any award', 'the risk of a $20 million
judgment', 'could result in a judgment'): those are not events. The winner is the counterparty; when the
company itself won, the other side is named 'against'; the arbitral body or court, when named, is the forum.
"""

from __future__ import annotations

import re

from timeline.ingest.facts import Party
from timeline.ingest.parties import ORG, is_org, org

_I = re.I
# searched in the folded sentence (``clean.lowered``): no upper-case classes here
AWARD = re.compile(
    r"\b(?:arbitration|arbitral|final|partial|interim)\s+award\b"
    r"|\b(?:arbitrat\w*|panel|tribunal)\b[^.;]{0,160}?\b(?P<at>(?:has\s+|had\s+)?(?:awarded|ruled\s+in\s+favou?r"
    r"|found\s+in\s+favou?r|(?:issued|rendered|made|granted|handed\s+down)\s+(?:an?|its|the|their)\s+"
    r"(?:[\w-]+\s+){0,2}?award))\b",
    _I,
)
JUDGMENT = re.compile(
    r"\b(?:an?|the)\s+(?:\$[\d.,]+\s*(?:million|billion)?\s+|(?:19|20)\d\d\s+)(?:[\w-]+\s+)?(?:judge?ment|verdict)\b"
    r"|\bjudge?ments?\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?(?:entered|rendered|affirmed|upheld)\b"
    r"|\b(?P<at>entered|rendered|issued|affirmed|upheld|reinstated|obtained|won|handed\s+down|returned)\s+"
    r"(?:an?|the|its|their)\s+(?:[\w$.,-]+\s+){0,4}?(?:judge?ment|verdict)\b"
    r"|\b(?:jury|court|judge)\b[^.;]{0,80}?\b(?P<at2>awarded|returned\s+a\s+verdict|ruled\s+in\s+favou?r"
    r"|found\s+in\s+favou?r)\b"
    r"|\bverdict\s+(?:of|for|totaling|in\s+the\s+amount\s+of)\s+(?:approximately\s+|about\s+|more\s+than\s+)?\$",
    _I,
)
WORDS = ("award", "favor", "favour")
JUDGMENT_WORDS = ("judgment", "judgement", "verdict", "awarded", "favor", "favour")
# a court or a jury speaking through an 'award' or a 'panel' ('a three-judge panel ruled in favor of')
_COURT_WORDS = re.compile(r"\b(?:court|judges?|jury|appeals?|appellate)\b", _I)
# named only as a possibility: 'any award', 'the risk of a $20 million judgment', 'seeking a judgment'
SPECULATIVE = re.compile(
    r"\b(?:any|potential|possible|future|additional|risks?\s+of|possibility\s+of|prospect\s+of|likelihood\s+of"
    r"|event\s+of|exposure\s+to|seek\w*|sought|to\s+obtain|to\s+avoid|against\s+an?)\s+(?:[\w-]+\s+){0,2}$",
    _I,
)


# the award or judgment already exists: 'intends to appeal the $12 million judgment', 'to set aside the award'
EXISTING = re.compile(
    r"\b(?:appeal\w*|challeng\w*|contest\w*|vacat\w*|set\s+aside|overturn\w*|annul\w*|enforc\w*|satisf\w*|pay"
    r"|bond)\s+(?:(?:of\s+)?(?:the|this|that)\s+)?$",
    _I,
)


def court_speaks(words: str) -> bool:
    """Is the body that made an 'award' or whose 'panel' ruled a court or a jury?"""
    return bool(_COURT_WORDS.search(words)) and not re.search(r"arbitra|tribunal", words, _I)


_WINNER = (
    re.compile(rf"\bin\s+favou?r\s+of\s+{ORG}"),
    re.compile(rf"\baward(?:ed|ing)\s+{ORG}"),
    re.compile(rf"\b(?:held|obtained|won)\s+by\s+{ORG}"),
    re.compile(rf"\bto\s+pay\b[^.;]{{0,80}}?\bto\s+{ORG}"),
    re.compile(
        rf"\b(?:suit|lawsuit|action|claims?|arbitration|case|complaint|proceeding)\s+"
        rf"(?:brought\s+|filed\s+|commenced\s+|initiated\s+)?by\s+{ORG}"
    ),
    re.compile(r"(?P<name>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})\s+arbitration\s+award"),
)
_SELF_WON = re.compile(
    r"\b(?:in\s+favou?r\s+of|awarded)\s+(?:it|us|the\s+company|the\s+debtors?|[A-Z][\w&-]*)\b(?!\s+[A-Z])", _I
)
_OTHER_SIDE = re.compile(rf"\b(?:against|with|from)\s+{ORG}")
_FORUM = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’&-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?){0,6}?"
    r"(?:Court|Tribunal|Arbitration\s+Association|Chamber\s+of\s+Commerce|(?:Centre|Center)(?=\s+for\b)"
    r"|Arbitration|JAMS|FINRA|ICC|ICSID|LCIA)\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w.'’-]*)*)?)"
)


def award_parties(sentence: str, company: str | None) -> tuple[Party, ...]:
    """The winner (counterparty), or the loser ('against') when the company won; then the forum."""
    parties: list[Party] = []
    winner = next((name for rx in _WINNER for name in _names(rx, sentence)), None)
    forum = _forum(sentence)
    if winner and forum and winner in forum:
        winner = None
    first = re.sub(r"[^\w&-]", "", (company or "").split()[0]).lower() if company else ""
    if winner and first and winner.split()[0].lower().strip(",") == first:
        winner = None  # the company's own name: it won
    if winner:
        parties.append(Party(org(winner), "counterparty"))
    elif _self_won(sentence, first):
        loser = next(_names(_OTHER_SIDE, sentence), None)
        if loser and (not forum or loser not in forum):
            parties.append(Party(org(loser), "against"))
    if forum:
        parties.append(Party(forum, "forum"))
    return tuple(parties)


_CONNECTOR_END = re.compile(r"(?:\s+(?:and|of|de|du|&))+$")


def _names(rx: re.Pattern, sentence: str):
    """The organisations ``rx`` names, without a connector the name pattern ran into ('Corp. and ordered')."""
    for m in rx.finditer(sentence):
        name = _CONNECTOR_END.sub("", m.group("name"))
        if is_org(name):
            yield name


def _self_won(sentence: str, first: str) -> bool:
    for m in _SELF_WON.finditer(sentence):
        who = m.group(0).split()[-1].lower()
        if who in ("it", "us", "company", "debtor", "debtors") or (first and who == first):
            return True
    return False


def _forum(sentence: str) -> str | None:
    for m in _FORUM.finditer(sentence):
        name = re.sub(r"(?:\s+(?:of|for|the|and|on))+$", "", m.group("name").strip())
        name = re.sub(r"^The\s+", "", name)
        if re.search(r"\bbankruptcy\b", name, _I) or len(name.split()) < 2 and not name.isupper():
            continue
        return name
    return None
