"""The e-mail reader against real .eml fixtures and hostile input built in the test."""
from datetime import datetime, timezone
from pathlib import Path

import pytest

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import MAX_PARTS, MAX_TEXT_CHARS, read_message

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"


@pytest.fixture
def read():
    def read(name: str, **kwargs) -> Inbound:
        path = DATA / name
        return read_message(path.read_bytes(), str(path), **kwargs)

    return read


def test_plain_message_fields(read):
    msg = read("reply_danish.eml")
    assert msg.error is None
    assert msg.channel == "email"
    assert msg.source.endswith("reply_danish.eml")
    assert msg.message_id == "r1@kunde.dk"
    assert (msg.sender, msg.sender_name, msg.sender_domain) == ("lars@kunde.dk", "Lars", "kunde.dk")
    assert msg.return_paths == ["lars@kunde.dk"] and msg.return_path == "lars@kunde.dk"
    assert msg.recipients == ["owner@example.org"]
    assert msg.date == datetime(2024, 1, 3, 8, 0, tzinfo=timezone.utc)
    assert msg.in_reply_to == "orig@example.org"
    assert msg.references == ["first@example.org", "orig@example.org"]
    assert msg.text == "Tak, jeg betaler i morgen."
    assert msg.signature == "Sendt fra min iPhone"
    assert msg.quoted.startswith("Den 2. jan. 2024") and "> Hej Lars" in msg.quoted
    assert msg.header("Subject") == "Re: Faktura"
    assert msg.size == (DATA / "reply_danish.eml").stat().st_size
    assert msg.raw is None


def test_keep_raw(read):
    assert read("reply_danish.eml", keep_raw=True).raw == (DATA / "reply_danish.eml").read_bytes()


@pytest.mark.parametrize(
    ("name", "subject", "sender_name"),
    [
        ("subject_utf8_b.eml", "Tilbud på ny hjemmeside – 50% rabat", "Anna Sælger"),
        ("subject_utf8_q.eml", "Grüße aus München und mehr", "Anna Sælger"),
        ("subject_iso8859_2.eml", "Zażółć gęślą jaźń", "Jan Kowalski"),
    ],
)
def test_rfc2047_subjects(read, name, subject, sender_name):
    msg = read(name)
    assert (msg.subject, msg.sender_name, msg.error) == (subject, sender_name, None)


def test_iso8859_2_body(read):
    assert read("subject_iso8859_2.eml").text == "Dzień dobry, mamy ofertę dla Pana firmy."


def test_broken_encoded_words_do_not_stop_the_reader(read):
    msg = read("subject_broken_word.eml")
    assert msg.error is None
    assert msg.subject.startswith("=?utf-8?B?###not base64?= and half")
    assert msg.subject.endswith("and x\xffy end")  # unknown charset: read as Latin-1
    assert msg.text == "Body."


def test_raw_8bit_header_is_decoded(read):
    assert read("alternative.eml").sender_name == "Anna Sælger"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("charset_unknown.eml", "Hej, vi tilbyder SEO – kontakt os på tlf."),
        ("charset_wrong.eml", "Schöne Grüße aus Köln"),
        ("charset_ascii_is_utf8.eml", "Vi ses på mandag, hilsen Søren"),
    ],
)
def test_unknown_or_wrong_charset_falls_back(read, name, text):
    msg = read(name)
    assert (msg.text, msg.error) == (text, None)


def test_html_only(read):
    msg = read("html_only.eml")
    assert msg.html is True
    assert msg.content_type == "text/html"
    assert msg.text == "Dear owner,\n\nWe help companies grow & win.\nBook a call: here\n\nBest regards\nGrowth Team"
    assert msg.links == ["https://sales.example.com/book?id=1"]
    assert msg.images == ["https://track.example.com/pixel.gif"]


def test_alternative_prefers_plain_but_collects_html_urls(read):
    msg = read("alternative.eml")
    assert msg.html is False
    assert msg.text == "Hej, se vores tilbud på https://plain.example.dk/tilbud."
    assert "HTML VERSION" not in msg.text
    assert msg.links == ["https://plain.example.dk/tilbud", "https://html.example.dk/tilbud"]
    assert msg.images == ["https://html.example.dk/logo.png"]


def test_a_plain_stub_beside_html_is_read_from_the_html(read):
    """"If you are seeing this message, please visit ..." is no text to judge: the HTML part's is."""
    msg = read("alternative_stub.eml")
    assert msg.html is True
    assert "Registry tweaks for Windows 2000" in msg.text and "printer drivers" in msg.text
    assert "If you are seeing this message" not in msg.text
    assert msg.links == ["https://junkdrawer.example", "https://junkdrawer.example/stories/42"]
    assert msg.images == ["https://junkdrawer.example/pixel.gif"]


def test_a_forwarders_short_note_beside_an_attached_html_mail_is_kept():
    """Only the HTML's own alternative is a stub: a note beside a forwarded HTML mail is the text."""
    raw = ("From: Karina <karina@klinik.example>\r\nTo: owner@example.org\r\nSubject: Fwd: Instagram\r\n"
           "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"M\"\r\n\r\n"
           "--M\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAnna, what do you make of this? Worth the money?\r\n"
           "--M\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n"
           "From: Sara <sara@agency.example>\r\nSubject: Grow your clinic\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n<p>" + "We grow clinics on Instagram for 3,900 a month. " * 5
           + "</p>\r\n--M--\r\n").encode()
    msg = read_message(raw, "t")
    assert msg.text == "Anna, what do you make of this? Worth the money?" and msg.html is False


def test_broken_base64_keeps_what_decodes(read):
    msg = read("base64_broken.eml")
    assert msg.text == "Hej, dette er et tilbud fra os om ny hjemmeside."
    assert "base64" in msg.error


def test_missing_headers(read):
    msg = read("missing_headers.eml")
    assert (msg.sender, msg.message_id, msg.date, msg.return_paths) == ("", "", None, None)
    assert msg.recipients == [] and msg.return_path is None
    assert msg.error == "no sender address"
    assert msg.text == "Just a body without From, Date or Message-ID."


def test_only_the_topmost_return_path_counts(read):
    msg = read("return_path_duplicate.eml")
    assert msg.return_paths == ["first@bounce.example.com"]
    assert msg.header_all("return-path") == ["<first@bounce.example.com>", "<second@other.example.net>"]


def test_several_addresses_in_one_return_path(read):
    msg = read("return_path_several.eml")
    assert msg.return_paths == ["a@one.example", "b@two.example"]
    assert msg.return_path is None


def test_null_return_path(read):
    msg = read("return_path_null.eml")
    assert msg.return_paths == [""] and msg.return_path is None
    assert msg.sender == "mailer-daemon@mx.example.org"


def test_sender_falls_back_to_return_path():
    raw = b"Return-Path: <Bounce@Shop.Example>\nFrom: not an address\nSubject: x\n\nbody\n"
    msg = read_message(raw, "t")
    assert (msg.sender, msg.sender_domain, msg.from_address) == ("bounce@shop.example", "shop.example", "")


def test_header_injection_comes_out_on_one_line(read):
    msg = read("header_injection.eml")
    assert msg.subject == "Hello Bcc: victim@example.com body"
    assert msg.sender == "evil@spam.example"  # not the address hidden in the display name
    assert msg.sender_name == "Evil Bcc: all@victims.example"
    assert msg.message_id == "idX-Evil:1@spam.example"
    assert msg.header("x-nul") == "a b"
    for values in msg.headers.values():
        for value in values:
            assert not set(value) & {"\r", "\n", "\x00"}
    assert msg.recipients == ["owner@example.org", "second@example.org", "cc@example.org", "resent@example.org"]


def test_recipients_from_all_recipient_headers_lower_cased():
    raw = (
        b"From: a@x.example\nTo: One <ONE@x.example>, two@x.example\nCc: undisclosed-recipients:;\n"
        b"Bcc: three@x.example\nResent-To: four@x.example\nResent-Cc: five@x.example\n"
        b"Resent-Bcc: Six@X.example\nTo: one@x.example\n\nhi\n"
    )
    assert read_message(raw, "t").recipients == [
        "one@x.example", "two@x.example", "three@x.example", "four@x.example", "five@x.example", "six@x.example"
    ]


def test_nested_multipart_with_attachments(read):
    msg = read("nested_multipart.eml")
    assert msg.content_type == "multipart/mixed"
    assert msg.text == "Hej Owner,\n\nVi har et godt tilbud til dig. Ring på 12345678.\n\nVenlig hilsen\nAnna"
    assert "INNER BODY" not in msg.text and "notes are an attachment" not in msg.text
    assert msg.attachments == ["logo.png", "prisliste æøå.pdf", "noter æ.txt", "forwarded.eml"]
    assert msg.links == ["https://webbureau.dk/tilbud"]
    assert msg.images == ["cid:logo@x"]


def test_a_huge_message_is_read_in_its_first_part_only():
    """Its headers and the start of its text decide; the attachments behind are never parsed."""
    body = b"A" * 1000 + b"\n"
    raw = (b"From: big@x.example\nSubject: Huge\nContent-Type: text/plain\n\nHello, a quick offer.\n"
           + body * 3000)
    msg = read_message(raw, "t", max_bytes=1_000_000, keep_raw=True)
    assert msg.error.startswith("large message (2.9 MiB): only the first 0.95")
    assert (msg.subject, msg.sender, msg.size) == ("Huge", "big@x.example", len(raw))
    assert msg.text.startswith("Hello, a quick offer.") and len(msg.raw) == 1_000_000


def test_a_partial_fetch_says_how_large_the_whole_message_is():
    raw = b"From: big@x.example\nSubject: Huge\n\nHello\n"
    msg = read_message(raw, "imap:INBOX/7", size=50 * 1048576)
    assert msg.size == 50 * 1048576 and msg.error.startswith("large message (50.0 MiB)")


def test_long_text_is_cut():
    raw = b"From: big@x.example\nSubject: Long\n\n" + b"word " * (MAX_TEXT_CHARS // 2)
    msg = read_message(raw, "t")
    assert msg.error is None
    assert len(msg.text) <= MAX_TEXT_CHARS and msg.text.startswith("word word")


def test_parts_beyond_the_limit_are_ignored():
    parts = "".join(
        f"--B\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=f{n}.bin\n\nx\n"
        for n in range(MAX_PARTS + 20)
    )
    raw = f"From: a@x.example\nContent-Type: multipart/mixed; boundary=B\n\n{parts}--B--\n".encode()
    msg = read_message(raw, "t")
    assert len(msg.attachments) == MAX_PARTS - 1  # the container counts as one part
    assert msg.attachments[0] == "f0.bin"
    assert "parts" in msg.error


def test_dates_are_aware_or_none():
    def date_of(value: bytes):
        return read_message(b"From: a@x.example\nDate: " + value + b"\n\nhi\n", "t").date

    assert date_of(b"Tue, 02 Jan 2024 10:15:00 -0000") == datetime(2024, 1, 2, 10, 15, tzinfo=timezone.utc)
    assert date_of(b"Tue, 02 Jan 2024 10:15:00 +0200").utcoffset().total_seconds() == 7200
    assert date_of(b"yesterday at noon") is None
    assert date_of(b"Tue, 02 Jan 99999 10:15:00 +0000") is None


@pytest.mark.parametrize("raw", [b"", b"   \n", b"\x00\xff\xfe garbage", b"no colon line\n\nbody"])
def test_garbage_never_raises(raw):
    msg = read_message(raw, "t")
    assert isinstance(msg, Inbound) and msg.error


def test_not_bytes_is_an_error_not_an_exception():
    msg = read_message(None, "t")  # type: ignore[arg-type]
    assert msg.error and msg.source == "t"
