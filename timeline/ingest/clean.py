"""Decoded text -> the cleaned text every evidence span indexes.

Cleaning works a line at a time and only drops whole furniture lines, strips leading bullets and
collapses runs of blanks inside a line, so each sentence a reader would quote is still, word for word,
in the original file. It is deterministic: the same input always gives the same offsets.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u3000]+")
_FURNITURE = re.compile(
    r"""^(?:
        </?(?:PAGE|S|C|FN|CAPTION|TABLE)>\s*\d*            # EDGAR page and table markers
      | (?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?            # lone page numbers
      | -\s*\d{1,3}\s*-
      | -+\s*more\s*-+ | \(more\) | more
      | \[(?:graphic|logo|photo|image|picture)[^\]]*\]
      | \#{3,} | -\s*30\s*- | --\s*30\s*--.* | -0- | \*{3,}
      | (?:news|press)\s+release
      | exhibit(?:\s+99(?:\.\d+)?)? | 99\.\d+
      | [|·•?*\-_=~+o.:]{1,80}                             # rules, pipes and lone bullets
    )$""",
    re.I | re.X,
)
_INLINE_GRAPHIC = re.compile(r"\[(?:graphic|logo|photo|image|picture) omitted\]", re.I)
_CHROME_WORDS = frozenset(
    [
        "search",
        "menu",
        "home",
        "share",
        "print",
        "email",
        "e-mail",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "reddit",
        "pinterest",
        "subscribe",
        "login",
        "log",
        "in",
        "sign",
        "up",
        "close",
        "skip",
        "to",
        "content",
        "main",
        "navigation",
        "back",
        "top",
        "next",
        "previous",
        "follow",
        "us",
        "newsletter",
        "advertisement",
    ]
)
_COOKIE = re.compile(r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b", re.I)
_FORWARD = re.compile(
    r"^(?:-{2,}\s*(?:original|forwarded) message\s*-{2,}|begin forwarded message:?|-{5,}\s*forwarded by.*)$", re.I
)
_MAIL_HEADER = re.compile(r"^(?:from|sent|to|cc|bcc|date|subject|reply-to|importance|message-id|x-[\w-]+):", re.I)
_BULLET = re.compile(r"^(?:[·•▪■►*?o]|--?)[ \t]+(?=\S)")
_PIPES = re.compile(r"\s*\|\s*")
_ENDS_SENTENCE = re.compile(r"[.!?:\"'”’)]$")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Drop page furniture and chrome lines; keep every sentence verbatim (up to spacing)."""
    out: list[str] = []
    in_headers = False
    prev = ""
    for raw_line in text.split("\n"):
        indented = raw_line[:2] in ("  ", "\t ", " \t") or raw_line.startswith("\t")
        line = _SPACES.sub(" ", raw_line).strip()
        if in_headers:
            if not line:
                in_headers = False
            elif _MAIL_HEADER.match(line) or line[:1] == " ":
                _subject_to_line(line, out)
                continue
            else:
                in_headers = False
        if _FORWARD.match(line):
            in_headers = True
            out.append("")
            continue
        if line.startswith(">"):
            line = line.lstrip("> ")
        if "|" in line:
            line = _PIPES.sub(" ", line).strip()
        line = _INLINE_GRAPHIC.sub("", line).strip()
        if line and (_FURNITURE.match(line) or _is_chrome(line)):
            line = ""
        line = _BULLET.sub("", line)
        if line and indented and prev and _ENDS_SENTENCE.search(prev):
            out.append("")  # an indented first line opens a paragraph in wire copy
        out.append(line)
        prev = line
    return _BLANK_RUNS.sub("\n\n", "\n".join(out)).strip("\n")


def _subject_to_line(line: str, out: list[str]) -> None:
    """A forwarded message's Subject is a title; its other headers are noise."""
    if line.lower().startswith("subject:"):
        out.append(line.split(":", 1)[1].strip())


def _is_chrome(line: str) -> bool:
    """Navigation, share buttons and cookie banners of a saved web page."""
    if _COOKIE.search(line):
        return True
    words = line.lower().replace("|", " ").split()
    return 0 < len(words) <= 8 and all(w in _CHROME_WORDS for w in words)
