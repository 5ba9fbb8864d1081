"""Offline mail sources: single files, folders, mbox files and Maildirs, and the Date order."""
import mailbox
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest

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
