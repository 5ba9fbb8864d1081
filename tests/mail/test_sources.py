"""Offline mail sources: single files, folders, mbox files and Maildirs, and the Date order."""
import mailbox
import shutil
from email.message import EmailMessage
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nejtak.bot.mail import sources
from nejtak.bot.mail.sources import iter_sources, load_in_date_order

DATA = Path(__file__).resolve().parent.parent / "data" / "mail"


def make_message(subject: str, date: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "seller@shop.example"
    msg["To"] = "owner@example.org"
    msg["Subject"] = subject
    if date:
        msg["Date"] = date
    msg.set_content(f"Body of {subject}\nFrom the team\n")  # a "From " line mbox must escape
    return msg


def test_single_eml(tmp_path):
    path = shutil.copy(DATA / "reply_danish.eml", tmp_path / "one.eml")
    assert list(iter_sources([str(path)])) == [(str(path), (DATA / "reply_danish.eml").read_bytes())]


def test_folder_is_read_recursively_and_skips_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.eml").write_bytes(make_message("A").as_bytes())
    (tmp_path / "sub" / "b.eml").write_bytes(make_message("B").as_bytes())
    (tmp_path / ".DS_Store").write_bytes(b"junk")
    (tmp_path / ".hidden" / "c.eml").write_bytes(make_message("C").as_bytes())
    names = [name for name, _ in iter_sources([str(tmp_path)])]
    assert names == [str(tmp_path / "a.eml"), str(tmp_path / "sub" / "b.eml")]


def test_mbox_messages_are_numbered(tmp_path):
    path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(str(path))
    for subject in ("first", "second", "third"):
        box.add(make_message(subject))
    box.close()
    found = list(iter_sources([str(path)]))
    assert [name for name, _ in found] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert b"Subject: second" in found[1][1]
    assert not found[0][1].startswith(b"From ")  # the mbox separator line is not part of the message


def test_maildir_names_the_message_files(tmp_path):
    box = mailbox.Maildir(str(tmp_path / "Mail"))
    box.add(make_message("new one"))
    seen = mailbox.MaildirMessage(make_message("seen one"))
    seen.set_subdir("cur")
    seen.add_flag("S")
    box.add(seen)
    found = list(iter_sources([str(tmp_path / "Mail")]))
    assert len(found) == 2
    for name, raw in found:
        assert Path(name).is_file() and Path(name).read_bytes() == raw
    assert {Path(name).parent.name for name, _ in found} == {"new", "cur"}


def test_missing_path_says_which(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.eml"):
        list(iter_sources([str(tmp_path / "nowhere.eml")]))


def test_load_in_date_order(tmp_path):
    box = mailbox.mbox(str(tmp_path / "box.mbox"))
    box.add(make_message("no date"))
    box.add(make_message("late", "Wed, 03 Jan 2024 10:00:00 +0000"))
    box.add(make_message("early", "Tue, 02 Jan 2024 12:00:00 +0100"))  # 11:00 UTC
    box.add(make_message("bad date", "not a date"))
    box.add(make_message("early twin", "Tue, 02 Jan 2024 11:00:00 +0000"))
    box.close()
    (tmp_path / "z.eml").write_bytes(make_message("earliest", "Mon, 01 Jan 2024 00:00:00 +0000").as_bytes())
    messages = load_in_date_order([str(tmp_path)])
    assert [m.subject for m in messages] == ["earliest", "early", "early twin", "late", "no date", "bad date"]
    assert all(m.raw is None for m in messages)
    assert load_in_date_order([str(tmp_path)], keep_raw=True)[0].raw.startswith(b"From: seller@shop.example")


_LINES = st.sampled_from([b"From a@b.example Mon Jan  1 00:00:00 2024\n", b"\n", b"text\n", b"From\n",
                          b">From x\n", b"\r\n", b"From ", b"body", b"Fro", b"m x\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=30), st.sampled_from([1, 3, 6, 7, 64]))
def test_mbox_messages_are_found_where_mailbox_finds_them(tmp_path_factory, lines, chunk):
    """The chunked scan splits an mbox exactly as the standard library does, whatever the chunk
    size and wherever a separator falls (a message cut wrongly would be judged on its neighbour)."""
    path = tmp_path_factory.mktemp("mbox") / "box"
    path.write_bytes(b"".join(lines))
    box = mailbox.mbox(str(path), create=False)
    expected = [box._toc[key] for key in box.keys()]  # (start, stop) as mailbox reads them
    box.close()
    with patch.object(sources, "_SCAN_CHUNK", chunk), open(path, "rb") as f:
        assert sources._mbox_spans(f) == expected
