"""Bytes -> readable text, and the page furniture cleaning removes."""

import base64

import pytest

from timeline.ingest.clean import clean_text
from timeline.ingest.decode import MAX_BYTES, UnreadableRelease, decode_release
from timeline.ingest.extract import extract_release

RELEASE = (
    "DALLAS, March 3, 2010 -- Acme Widgets Corp. said it filed a voluntary petition under Chapter 11 in the"
    " U.S. Bankruptcy Court for the Northern District of Texas."
)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (looks like a PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (looks like a PNG image)"),
        (b"PK\x03\x04\x14\x00", "binary file (looks like a ZIP archive or an Office document)"),
        (b"Hello\x00World\x00\x00", "binary file (contains NUL bytes, the first at byte 5)"),
        (
            RELEASE.encode() + b" " * 9000 + b"\x00",
            f"binary file (contains NUL bytes, the first at byte {len(RELEASE) + 9000:,})",
        ),
        # UTF-16 (every other byte a NUL) and base64 hide a NUL character from the check of the bytes
        (("\ufeff" + RELEASE + "\x00 more").encode("utf-16-le"), "binary data (its text holds NUL characters)"),
        (
            b"From: a@example.com\nSubject: Acme files\nContent-Transfer-Encoding: base64\n\n"
            + base64.b64encode(RELEASE.encode() + b"\x00"),
            "binary data (its text holds NUL characters)",
        ),
        (b"a" * (MAX_BYTES + 1), "larger than the 5 MB limit"),
        (bytes(range(1, 32)) * 50, "bytes are not text in UTF-8, cp1252 or latin-1"),
    ],
)
def test_unreadable_input_says_why(raw, reason):
    with pytest.raises(UnreadableRelease, match=reason.replace("(", r"\(").replace(")", r"\)")):
        extract_release(raw, "bad.bin")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Café “quoted” – dash".encode("cp1252"), "Café “quoted” – dash"),
        ("Café".encode("latin-1") + b"\x81", "Café\x81"),
        (b"\xef\xbb\xbfBOM text", "BOM text"),
        ("naïve".encode() + "é".encode()[:1], "naïve"),  # cut inside the last character
    ],
)
def test_encodings(raw, expected):
    assert decode_release(raw).text == expected


def test_html_keeps_visible_text_only():
    html = (
        "<!DOCTYPE html><html><head><title>Acme Files</title><script>alert('x')</script>"
        "<style>p{color:red}</style></head><body><nav>Home | News</nav><header>Site chrome</header>"
        f"<article><h1>Acme Files for Chapter 11</h1><p>{RELEASE.replace('&', '&amp;')}</p></article>"
        "<footer>Copyright</footer><script>document.write('<p>injected</p>')</script></body></html>"
    )
    decoded = decode_release(html.encode())
    assert decoded.format == "html" and decoded.title == "Acme Files"
    for gone in ("alert", "color:red", "Home", "Site chrome", "Copyright", "injected"):
        assert gone not in decoded.text
    got = extract_release(html.encode(), "acme.html")
    assert [e.kind for e in got.events] == ["petition_filed"]
    assert got.case.court.id == "txnb"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>unclosed <script>while(1){}",
        "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 10,
        "<html><body><img src=x onerror=alert(1)><iframe src='javascript:alert(1)'>x</iframe><p>ok</p>",
    ],
)
def test_hostile_html_is_only_text(html):
    text = decode_release(html.encode()).text
    assert "alert" not in text and "onerror" not in text and "javascript:" not in text


def test_escaped_markup_stays_text():
    html = "<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt; &#x26; <!-- comment --></p></body></html>"
    assert decode_release(html.encode()).text == "<script>alert(1)</script> &"


def test_edgar_submission_takes_the_8k_and_its_press_release():
    sgml = (
        "<SEC-DOCUMENT>0001.txt : 20100303\n<SEC-HEADER>\nFILED AS OF DATE:\t\t20100303\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nItem 1.03 Bankruptcy or Receivership.\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\n<PAGE>\n" + RELEASE + "\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\nM_]C_X\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    got = extract_release(sgml.encode(), "0001.txt")
    assert got.source.format == "edgar"
    assert "Item 1.03" in got.source.text and "logo.jpg" not in got.source.text
    assert [(e.kind, e.date.edtf) for e in got.events] == [("petition_filed", "2010-03-03")]


def test_email_drops_headers_and_keeps_subject():
    mail = (
        "Message-ID: <1.JavaMail@x>\nDate: Sun, 2 Dec 2001 15:43:25 -0800 (PST)\nFrom: chairman@enron.com\n"
        "To: all@enron.com\nSubject: Enron Files Chapter 11 Reorganization\nX-Folder: \\Inbox\n\n"
        "To All Employees:\n\nThis morning Enron took a series of actions.\n\n-- We filed voluntary petitions for"
        " relief under Chapter 11 of the U.S. Bankruptcy Code.\n"
    )
    got = extract_release(mail.encode(), "mail.txt")
    assert got.source.format == "email"
    assert got.source.title == "Enron Files Chapter 11 Reorganization"
    assert "Message-ID" not in got.source.text and "X-Folder" not in got.source.text
    assert got.source.release_date.edtf == "2001-12-02"
    assert [(e.kind, e.date.edtf) for e in got.events] == [("petition_filed", "2001-12-02")]
    assert got.company.name == "Enron"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("text\n\n--more--\n\n8\n\n<PAGE>\n\nbody", "text\n\nbody"),
        ("[GRAPHIC OMITTED]\nNEWS RELEASE\nheadline", "headline"),
        ("|\n·\n|\nbullet", "bullet"),
        ("Search\nMenu\nFacebook X LinkedIn Email\nbody", "body"),
        ("We use cookies to improve user experience.\nbody", "body"),
        ("a  b   c", "a b c"),
        (
            "-----Original Message-----\nFrom: a@b.com\nSent: Monday\nSubject: Filing news\n\nbody",
            "Filing news\n\nbody",
        ),
        ("###\n- 30 -\nbody", "body"),
    ],
)
def test_clean_drops_furniture(dirty, clean):
    assert clean_text(dirty) == clean


def test_clean_is_deterministic():
    text = "    FOO  files.\n\n\n   -- more --\n  Bar said.\n"
    assert clean_text(text) == clean_text(text)
