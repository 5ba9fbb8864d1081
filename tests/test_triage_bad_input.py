"""Bad input through the whole pipeline: every input yields a row, nothing crashes, and nothing
the sender wrote can add a header to nejtak's reply."""
from __future__ import annotations

import json
from email import message_from_bytes
from email.policy import default

from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nejtak.bot.cli import main
from nejtak.bot.config import parse
from nejtak.bot.mail.reader import read_message
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.store import Store
from nejtak.responders.email_reply import build_message

OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "auto"\n[owner]\naddresses = ["{OWNER}"]\ntrusted_authserv_ids = ["mx.holm.example"]\n')
REPLY_HEADERS = {"from", "to", "subject", "date", "message-id", "in-reply-to", "references",
                 "auto-submitted", "x-auto-response-suppress", "content-type",
                 "content-transfer-encoding", "mime-version", "content-language"}

PITCH_BODY = (b"Hi Anna, I came across your company and would love 15 minutes to show you our SEO "
              b"services. Book a time: https://calendly.com/growth/15min . Our offer ends Friday.\r\n")

hostile = st.sampled_from([
    "\r\nBcc: victim@else.example", "=?utf-8?q?=0D=0ABcc:_v@x.example?=", "=??Q?=0D=0ABcc:_v@x?=",
    "\x00", "\u2028", "\x85", "<", ">", '"', "\\", "\t", "=?", "?=", "é", "…", ":", ";", ",",
    "=?iso-8859-1?b?!!!?=", "\r\n\r\nInjected body", "\n X-Folded: yes",
])
text = st.lists(st.one_of(st.text(max_size=40), hostile), max_size=6).map("".join)


def pitch(subject: str, message_id: str, references: str, name: str) -> bytes:
    """An answerable pitch (authenticated, to the owner) carrying hostile header values."""
    def h(value: str) -> bytes:
        return value.encode("utf-8", "surrogatepass").replace(b"\r", b"").replace(b"\n", b"")

    return (b"Return-Path: <sales@growth.example>\r\n"
            b"Authentication-Results: mx.holm.example; dmarc=pass header.from=growth.example\r\n"
            b"From: " + h(name) + b" <sales@growth.example>\r\n"
            b"To: " + OWNER.encode() + b"\r\n"
            b"Subject: " + h(subject) + b"\r\n"
            b"Message-ID: <" + h(message_id) + b"@growth.example>\r\n"
            b"References: " + h(references) + b"\r\n"
            b"Date: Mon, 02 Nov 2026 10:00:00 +0100\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + PITCH_BODY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.generate])
@given(subject=text, message_id=text, references=text, name=text)
def test_hostile_headers_never_reach_the_reply(subject, message_id, references, name):
    store = Store("sqlite://")
    try:
        msg = read_message(pitch(subject, message_id, references, name), "fuzz.eml")
        outcome = Pipeline(CONFIG, store, simulate=True).process(msg)
        reply = outcome.decision.reply
        if msg.from_count != 1:  # a name that parses as more addresses: no single author, no reply
            assert reply is None and outcome.decision.blocked_by.rule == "authentication"
            return
        if any(i.startswith("nejtak.") for i in [msg.in_reply_to, *msg.references]):
            assert reply is None  # it names nejtak's own reply: an answer to a refusal is never answered
            return
        assert reply is not None, outcome.decision.verdict.report()  # the pitch is answered...
        raw = build_message(reply, "Anna Holm").as_bytes()
        out = message_from_bytes(raw, policy=default)
        names = [k.lower() for k in out.keys()]
        assert set(names) <= REPLY_HEADERS and len(names) == len(set(names))  # ...and no header added
        assert out["To"].addresses[0].addr_spec == "sales@growth.example"
        body_lines = out.get_content().splitlines()
        assert not any(line.startswith("Injected body") for line in body_lines)  # no line of theirs
    finally:
        store.close()


junk = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.tuples(st.text(max_size=20), st.text(max_size=80)), max_size=12).map(
        lambda hs: "".join(f"{k}: {v}\r\n" for k, v in hs).encode("utf-8", "surrogatepass") + b"\r\nbody"),
    st.sampled_from([
        b"", b"\r\n\r\n", b"From: \r\n\r\n", b"Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\n",
        b"Content-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!",
        b"Subject: =?utf-8?b?broken\r\n\r\n\xff\xfe\x00",
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b--",
    ]),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(blobs=st.lists(junk, min_size=1, max_size=6))
def test_every_input_file_yields_a_row(tmp_path_factory, blobs):
    folder = tmp_path_factory.mktemp("junk")
    for i, blob in enumerate(blobs):
        (folder / f"{i:03}.eml").write_bytes(blob)
    (folder / "zzz-pitch.eml").write_bytes(pitch("Quick question", "ok-1", "", "Sales"))
    result = CliRunner().invoke(main, ["triage", str(folder), "--me", OWNER,
                                       "--authserv-id", "mx.holm.example", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    # a file that starts like an mbox is read as one: its rows are named file#1, file#2...
    names = {r["source"].rsplit("/", 1)[-1].split("#")[0] for r in rows}
    assert names == {p.name for p in folder.iterdir()}
    by_name = {r["source"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_name["zzz-pitch.eml"]["action"] == "reply"  # bad neighbours lose no other message
    for name, r in by_name.items():
        if name != "zzz-pitch.eml" and not (folder / name.split("#")[0]).read_bytes().strip():
            assert r["error"], r  # an unreadable input says why


def test_unreadable_file_gets_a_row_with_the_reason(tmp_path):
    (tmp_path / "a.eml").write_bytes(pitch("Quick question", "ok-2", "", "Sales"))
    (tmp_path / "b.eml").symlink_to(tmp_path / "missing-target.eml")  # dangling: cannot be read
    result = CliRunner().invoke(main, ["triage", str(tmp_path), "--me", OWNER, "--json"])
    rows = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in result.stdout.splitlines()}
    assert result.exit_code == 0
    assert rows["b.eml"]["error"].startswith("cannot read the file")
    assert rows["a.eml"]["error"] is None


def test_huge_message_is_read_in_its_first_part_and_reported(tmp_path):
    huge = tmp_path / "huge.eml"
    huge.write_bytes(pitch("Big", "big-1", "", "Sales") + b"x" * (26 * 1024 * 1024))
    result = CliRunner().invoke(main, ["triage", str(huge), "--me", OWNER, "--json"])
    row = json.loads(result.stdout)
    assert result.exit_code == 0 and row["error"].startswith("large message (26.0 MiB)")
    assert row["unsolicited"] is not None and row["message_id"] == "big-1@growth.example"
