"""Bytes of one release -> text, before any cleaning.

A release arrives as whatever someone saved: plain text, an HTML page, an EDGAR full-submission
``.txt`` or an e-mail. This module refuses what is not a readable release (one line a person can act
on) and turns the rest into plain text plus the hints only the wrapper carries (a Subject, a Date
header). Nothing here executes or fetches anything: HTML goes through the stdlib tokenizer only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

MAX_BYTES = 5 * 1024 * 1024


class UnreadableRelease(Exception):
    """The bytes are not a release we can read; the message is one line for a person."""


@dataclass(frozen=True)
class Decoded:
    text: str
    format: str  # text, html, edgar, email
    title: str | None = None  # Subject: header or <title>, a title candidate
    date: dt.date | None = None  # e-mail Date: header, or EDGAR filing date


_MAGIC = (
    (b"%PDF", "binary file (looks like a PDF)"),
    (b"\x89PNG", "binary file (looks like a PNG image)"),
    (b"GIF8", "binary file (looks like a GIF image)"),
    (b"\xff\xd8\xff", "binary file (looks like a JPEG image)"),
    (b"II*\x00", "binary file (looks like a TIFF image)"),
    (b"MM\x00*", "binary file (looks like a TIFF image)"),
    (b"PK\x03\x04", "binary file (looks like a ZIP archive or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "binary file (looks like an old Office document)"),
    (b"\x1f\x8b", "binary file (looks like a gzip archive)"),
    (b"{\\rtf", "RTF document (save it as plain text first)"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_EMAIL_HEADER = re.compile(
    r"^(?:message-id|date|from|to|cc|bcc|subject|mime-version|content-type|content-transfer-encoding|"
    r"received|return-path|reply-to|sender|x-[\w-]+):",
    re.I,
)
_EDGAR = re.compile(r"<(?:SEC-DOCUMENT|SEC-HEADER|DOCUMENT)>", re.I)
_EDGAR_DOC = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.I | re.S)
_EDGAR_TYPE = re.compile(r"<TYPE>\s*([^\s<]+)", re.I)
_EDGAR_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.I | re.S)
_EDGAR_FILED = re.compile(r"FILED AS OF DATE:\s*(\d{8})", re.I)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|table|td|tr|a|b|i|font|h[1-6])\b[^>]*>", re.I)


def decode_release(raw: bytes) -> Decoded:
    """Check the bytes, decode them and unwrap the container format."""
    if len(raw) > MAX_BYTES:
        raise UnreadableRelease("larger than the 5 MB limit")
    if not raw.strip():
        raise UnreadableRelease("empty file")
    for magic, reason in _MAGIC:
        if raw.startswith(magic):
            raise UnreadableRelease(reason)
    decoded = _unwrap(raw, bytes_to_text(raw))
    if "\x00" in decoded.text or "\x00" in (decoded.title or ""):  # UTF-16, base64 or quoted-printable NULs
        raise UnreadableRelease("binary data (its text holds NUL characters)")
    return decoded


def _unwrap(raw: bytes, text: str) -> Decoded:
    head = text[:4000]
    if _EDGAR.search(head) and _EDGAR_TYPE.search(text[:20000]):
        return _from_edgar(text)
    if _looks_like_email(head):
        return _from_email(raw, text)
    if _HTML_START.search(head) or len(_HTML_TAGS.findall(head)) >= 5:
        body, title = html_to_text(text)
        return Decoded(body, "html", title)
    return Decoded(text, "text")


def bytes_to_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252, then latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    # anywhere, not just in the head: PostgreSQL cannot store a NUL in text, and no release holds one
    if (at := raw.find(b"\x00")) != -1:
        raise UnreadableRelease(f"binary file (contains NUL bytes, the first at byte {at:,})")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        # a file cut in the middle of its last character is still UTF-8
        if e.reason == "unexpected end of data" and e.start >= len(raw) - 3 and not raw[: e.start].isascii():
            text = raw[: e.start].decode("utf-8")
        else:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
    if len(_CONTROL.findall(text[:8192])) > max(8, len(text[:8192]) // 100):
        raise UnreadableRelease("bytes are not text in UTF-8, cp1252 or latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_email(head: str) -> bool:
    lines = head.lstrip().split("\n", 30)[:30]
    known = 0
    for line in lines:
        if not line.strip():
            break
        if _EMAIL_HEADER.match(line):
            known += 1
    return known >= 2


def _from_email(raw: bytes, text: str) -> Decoded:
    """Use the stdlib e-mail parser: it undoes MIME parts, quoted-printable and base64."""
    msg = BytesParser(policy=policy.default).parsebytes(raw.lstrip())
    subject = str(msg.get("Subject") or "").strip() or None
    date = None
    try:
        if msg.get("Date"):
            date = parsedate_to_datetime(str(msg["Date"])).date()
    except (TypeError, ValueError):
        date = None
    body_text = None
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is not None:
            content = part.get_content()
            if part.get_content_subtype() == "html":
                content = html_to_text(content)[0]
            body_text = content
    except (KeyError, LookupError, AttributeError):
        body_text = None
    if body_text is None:  # fall back to what follows the first blank line
        body_text = text.lstrip().split("\n\n", 1)[-1]
    return Decoded(body_text.replace("\r\n", "\n"), "email", subject, date)


def _from_edgar(text: str) -> Decoded:
    """Keep the press releases (EX-99*) first, then the 8-K body; drop other exhibits and the header."""
    releases, bodies = [], []
    for doc in _EDGAR_DOC.finditer(text):
        block = doc.group(1)
        kind = (_EDGAR_TYPE.search(block) or [None, ""])[1].upper()
        m = _EDGAR_TEXT.search(block)
        body = m.group(1) if m else block
        if _HTML_START.search(body[:4000]) or len(_HTML_TAGS.findall(body[:4000])) >= 5:
            body = html_to_text(body)[0]
        if kind.startswith("EX-99"):
            releases.append(body)
        elif kind.startswith("8-K"):
            bodies.append(body)
    if not releases and not bodies:
        raise UnreadableRelease("EDGAR submission without an 8-K or EX-99 document")
    filed = _EDGAR_FILED.search(text[:20000])
    date = None
    if filed:
        try:
            date = dt.datetime.strptime(filed.group(1), "%Y%m%d").date()
        except ValueError:
            date = None
    return Decoded("\n\n".join(part.strip("\n") for part in releases + bodies), "edgar", None, date)


_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "nav",
        "footer",
        "noscript",
        "template",
        "svg",
        "aside",
        "iframe",
        "object",
        "select",
        "button",
        "head",
    ]
)
_VOID_TAGS = frozenset(
    ["br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"]
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "hr",
        "dt",
        "dd",
        "title",
        "main",
    ]
)


class _VisibleText(HTMLParser):
    """Collects the text a reader sees; page chrome and anything executable is dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: dict[str, int] = {}
        self.article = 0
        self.title: list[str] = []
        self.in_title = False

    def _skipping(self) -> bool:
        return any(self.skip.values())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("article", "main"):
            self.article += 1
        if tag == "body":  # <head> closes implicitly when the body starts
            self.skip["head"] = 0
        hidden = any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        if tag in _SKIP_TAGS or (tag == "header" and not self.article) or (hidden and tag not in _VOID_TAGS):
            self.skip[tag] = self.skip.get(tag, 0) + 1
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "table", "section") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("article", "main") and self.article:
            self.article -= 1
        if self.skip.get(tag):
            self.skip[tag] -= 1
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if not self._skipping():
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML page and its <title>; markup is tokenized, never run."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.title).split()) or None
    return text, title
