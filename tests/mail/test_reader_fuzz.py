"""Property tests: whatever bytes arrive, the reader returns an Inbound and clean headers."""
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import read_message

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"
FIXTURES = [p.read_bytes() for p in sorted(DATA.glob("*.eml"))]
BAD = set("\r\n\x00")


def check(raw: bytes) -> None:
    msg = read_message(raw, "fuzz")
    assert isinstance(msg, Inbound)
    # the catch-all in read_message is a last resort; reaching it means a bug in the reader
    assert not (msg.error or "").startswith("unreadable message"), msg.error
    assert msg.size == len(raw)
    assert not BAD & set(msg.subject)
    assert not BAD & set(msg.sender_name) and not BAD & set(msg.message_id)
    for addr in [msg.sender, *msg.recipients, *(msg.return_paths or [])]:
        assert not BAD & set(addr)
    for name, values in msg.headers.items():
        assert not BAD & set(name)
        for value in values:
            assert isinstance(value, str) and not BAD & set(value)
    assert msg.date is None or msg.date.tzinfo is not None


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(raw):
    check(raw)


header_names = st.sampled_from(
    ["From", "To", "Cc", "Subject", "Return-Path", "Date", "Message-ID", "References", "In-Reply-To",
     "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "MIME-Version", "X-Foo"]
)
tokens = st.sampled_from(
    ["=?utf-8?B?", "=?utf-8?Q?", "=?iso-8859-2?q?", "=?x-unknown?b?", "?=", "=0D=0A", "=00", "\r\n", "\n ",
     "<", ">", "<>", "@", ",", ":", ";", '"', "multipart/mixed; boundary=b", "--b", "base64",
     "quoted-printable", "charset=x-unknown", "filename*=utf-8''%C3%A6", "=?", "\x00", "\xff", "æøå"]
)
header_values = st.lists(st.one_of(tokens, st.text(max_size=20)), max_size=12).map("".join)


@FUZZ
@given(st.lists(st.tuples(header_names, header_values), max_size=15), st.binary(max_size=500))
def test_header_soup(headers, body):
    head = "".join(f"{name}: {value}\n" for name, value in headers)
    check(head.encode("utf-8", "surrogatepass") + b"\n" + body)


@FUZZ
@given(
    st.sampled_from(FIXTURES),
    st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=8), st.integers(0, 8)), max_size=10),
)
def test_mutated_fixtures(raw, edits):
    data = bytearray(raw)
    for position, insert, delete in edits:
        position %= len(data) + 1
        data[position:position + delete] = insert
    check(bytes(data))
