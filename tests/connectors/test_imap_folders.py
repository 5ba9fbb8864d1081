"""Folders found, not guessed (issue 10, item 3), on real Dovecot: the Sent folder by SPECIAL-USE
under another name, by a usual name in another language or hierarchy, a configured folder that
does not exist stops that account with an error saying what to set, and `config check --connect`."""
from __future__ import annotations

import asyncio
import logging
import smtplib
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.config import ConfigError, parse
from nejtak.bot.connectors.imap import ImapConnector
from nejtak.bot.connectors.imap_folders import find_sent
from nejtak.bot.connectors.imap_training import ensure_folder
from nejtak.bot.daemon import Daemon
from nejtak.bot.errors import PermanentError
from tests.daemon.helpers import OWNER, config_text, pitch, wait_until
from tests.fixtures.dovecot import Dovecot, running_dovecot
from tests.fixtures.smtp import free_port, password_file

pytestmark = pytest.mark.dovecot

ACCOUNT = "tester@127.0.0.1"
# A Danish Dovecot: the Sent folder is "Sendt", marked \Sent (RFC 6154), made at first login.
SENDT = """
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sendt {
    special_use = \\Sent
    auto = create
  }
}
"""
SLASH = "namespace inbox {\n  inbox = yes\n  separator = /\n}\n"
INBOX_DOT = "namespace inbox {\n  inbox = yes\n  separator = .\n  prefix = INBOX.\n}\n"
# An older server: no SPECIAL-USE, LIST-EXTENDED or NAMESPACE after login.
PLAIN_CAPABILITIES = "imap_capability = IMAP4rev1 IDLE UIDPLUS MOVE\n"


class MemoryState:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], tuple[int, int]] = {}

    def sync_state(self, channel, account, folder):
        found = self.rows.get((channel, account, folder))
        return (found[0], found[1], None) if found else (None, None, None)

    def set_sync_state(self, channel, account, folder, uidvalidity, last_uid):
        self.rows[(channel, account, folder)] = (uidvalidity, last_uid)


def sent_mail(to: str, mid: str) -> bytes:
    return (f"From: Tester <{OWNER}>\r\nTo: {to}\r\nSubject: Hello\r\nMessage-ID: <{mid}>\r\n"
            "Date: Mon, 02 Mar 2026 10:00:00 +0100\r\n\r\nHi.\r\n").encode()


@pytest.fixture(scope="module")
def danish() -> Dovecot:
    with running_dovecot(SENDT) as server:
        yield server


# -- found by SPECIAL-USE ---------------------------------------------------------------------

async def test_the_sent_folder_is_found_by_special_use_under_another_name(danish, caplog):
    """A plain "Sent" is there too (another program made it): the folder the server marks wins."""
    with danish.imap() as c:
        if not c.folder_exists("Sent"):
            c.create_folder("Sent")
    danish.append("Sendt", sent_mail("Kari <kari@partner.example>", "owner-1@example.test"))
    caplog.set_level(logging.INFO, logger="nejtak.imap")
    connector = ImapConnector(danish.imap_config(), MemoryState())
    try:
        history = await connector.read_history()
        await connector.read_history()  # found once, logged once
    finally:
        await connector.close()
    assert [(r, mid) for r, mid, _at in history] == [(["kari@partner.example"], "owner-1@example.test")]
    found = [r.getMessage() for r in caplog.records if r.getMessage().startswith("sent folder of")]
    assert found == [f"sent folder of {ACCOUNT}: 'Sendt' (by SPECIAL-USE)"]


def test_replies_are_filed_in_the_folder_found(danish):
    async def file_one() -> bool:
        connector = ImapConnector(danish.imap_config(), MemoryState())
        try:
            await connector.append_sent(sent_mail("bo@x.example", "reply-sendt@nejtak.test"))
            return await connector.sent_has_message_id("reply-sendt@nejtak.test")
        finally:
            await connector.close()

    assert asyncio.run(file_one())
    with danish.imap() as c:
        c.select_folder("Sendt", readonly=True)
        assert c.search(["HEADER", "Message-ID", "reply-sendt@nejtak.test"])


def test_a_server_without_list_extended_is_asked_with_a_plain_list():
    """RFC 6154 does not require the extended LIST; Dovecot marks \\Sent in a plain LIST too."""
    with running_dovecot(SENDT + PLAIN_CAPABILITIES) as server, server.imap() as c:
        assert not c.has_capability("LIST-EXTENDED")
        found = find_sent(c, "", ACCOUNT)
    assert (found.name, found.how) == ("Sendt", "by SPECIAL-USE")


# -- found by a usual name ----------------------------------------------------------------------

def test_found_by_a_usual_danish_name_without_special_use(mailbox):
    with mailbox.imap() as c:
        c.delete_folder("Sent")
        c.create_folder("Sendte elementer")
        c.create_folder("Arkiv")
        found = find_sent(c, "", ACCOUNT)
    assert (found.name, found.how) == ("Sendte elementer", "by its name")


def test_the_most_usual_name_wins_and_the_others_are_named(mailbox):
    with mailbox.imap() as c:
        c.create_folder("Sent Items")
        found = find_sent(c, "", ACCOUNT)
    assert found.name == "Sent"
    assert "'Sent Items'" in found.how


@pytest.mark.parametrize("namespace, folders, expected", [
    # Gmail's hierarchy; a user's own "Projects/Sent" is not the Sent folder
    (SLASH, ["Projects", "Projects/Sent", "[Gmail]", "[Gmail]/Drafts", "[Gmail]/Sent Mail"], "[Gmail]/Sent Mail"),
    # Courier and Cyrus keep every folder below INBOX.
    (INBOX_DOT, ["INBOX.Skickat"], "INBOX.Skickat"),
])
def test_found_in_the_servers_hierarchy(namespace, folders, expected):
    with running_dovecot(namespace) as server, server.imap() as c:
        for name in folders:
            c.create_folder(name)
        found = find_sent(c, "", ACCOUNT)
    assert (found.name, found.how) == (expected, "by its name")


def test_without_namespace_the_folders_below_inbox_are_found_and_made_there():
    """Courier-like: every folder below "INBOX.", and no NAMESPACE to say so. The Sent folder
    is found there, and the training folders are made there too."""
    with running_dovecot(INBOX_DOT + PLAIN_CAPABILITIES) as server, server.imap() as c:
        assert not c.has_capability("NAMESPACE")
        c.create_folder("INBOX.Sent Messages")
        found = find_sent(c, "", ACCOUNT)
        made = ensure_folder(c, "nejtak/Pitch")
    assert (found.name, made) == ("INBOX.Sent Messages", "INBOX.nejtak.Pitch")


# -- not found: the account stops, saying what to do ----------------------------------------

def test_no_sent_folder_at_all_is_an_error_saying_what_to_set(mailbox):
    with mailbox.imap() as c:
        c.delete_folder("Sent")
        c.create_folder("Archive")
        with pytest.raises(PermanentError) as e:
            find_sent(c, "", ACCOUNT)
    message = str(e.value)
    assert "no Sent folder found" in message and 'set sent = "NAME"' in message
    assert "Archive" in message  # the folders there, to choose from
    assert "\n" not in message


async def test_a_configured_sent_folder_that_does_not_exist_is_permanent_and_names_the_right_one(danish):
    connector = ImapConnector(danish.imap_config(sent="Sent Items"), MemoryState())
    try:
        with pytest.raises(PermanentError) as e:
            await connector.read_history()
    finally:
        await connector.close()
    assert "folder 'Sent Items' (sent) does not exist" in str(e.value)
    assert "the server marks 'Sendt' as the Sent folder" in str(e.value)


async def test_a_configured_sent_folder_is_used_as_named(danish):
    with danish.imap() as c:
        if not c.folder_exists("Sent"):
            c.create_folder("Sent")
    connector = ImapConnector(danish.imap_config(sent="Sent"), MemoryState())
    try:
        assert await connector.sent_folder() == "Sent"
    finally:
        await connector.close()


async def test_a_configured_inbox_that_does_not_exist_is_permanent(mailbox):
    connector = ImapConnector(mailbox.imap_config(inbox="Indbakke"), MemoryState())
    try:
        with pytest.raises(PermanentError, match=r"folder 'Indbakke' \(inbox\) does not exist; set inbox"):
            await connector.read_answered()
    finally:
        await connector.close()


async def test_the_daemon_stops_only_that_account_with_the_error_and_goes_on(
        mailbox, smtp_capture, tmp_path, caplog):
    """Never a silent "no sender history": the account's failure is logged at ERROR, and mail
    through the intake is still answered."""
    port = free_port()
    config = parse(config_text(mailbox, smtp_capture, f"sqlite:///{tmp_path / 'n.db'}", intake_port=port, imap_extra='sent = "Sendt"\n'))
    caplog.set_level(logging.INFO)
    daemon = Daemon(config)
    try:
        await asyncio.wait_for(daemon.start(), 20)
        stopped = await wait_until(lambda: [r for r in caplog.records if r.levelno == logging.ERROR
                                            and f"imap {ACCOUNT} stopped" in r.getMessage()],
                                   what="the account stopped")
        assert "folder 'Sendt' (sent) does not exist" in stopped[0].getMessage()
        raw, sender = pitch()
        await asyncio.to_thread(_send, port, sender, [OWNER], raw)
        await smtp_capture.wait_for(1, timeout=10)
    finally:
        await asyncio.wait_for(daemon.stop(), 20)
    assert not any("no sender history" in r.getMessage() for r in caplog.records)


def _send(port: int, sender: str, rcpts: list[str], raw: bytes) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.sendmail(sender, rcpts, raw)


# -- config --------------------------------------------------------------------------------------

def test_sent_is_found_by_default_and_a_training_folder_cannot_take_its_usual_names():
    imap = '[[imap]]\nhost = "imap.example"\nusername = "anna"\n'
    assert parse(imap).imap[0].sent == ""
    with pytest.raises(ConfigError, match="usual name of the Sent folder"):
        parse(imap + 'wanted_folder = "Sendt"\n')
    assert parse(imap + 'sent = "Ud"\nwanted_folder = "Sendt"\n').imap[0].wanted_folder == "Sendt"


# -- nejtak config check --connect ---------------------------------------------------------------

def _check(tmp_path: Path, text: str):
    path = tmp_path / "nejtak.toml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["config", "check", str(path), "--connect"])
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_connect_logs_in_and_finds_the_folders(danish, smtp_capture_factory, tmp_path):
    capture = smtp_capture_factory("none", users={"tester": "smtp-pw"}, auth_require_tls=False)
    text = config_text(danish, capture, f"sqlite:///{tmp_path / 'n.db'}")
    text = text.replace('timeout_seconds = 5\n', f'timeout_seconds = 5\nusername = "tester"\n'
                        f'password_file = "{password_file(tmp_path, "smtp-pw")}"\n')
    code, output = _check(tmp_path, text)
    assert code == 0, output
    assert f"imap {ACCOUNT}: ok: inbox 'INBOX', sent 'Sendt' (by SPECIAL-USE)" in output
    assert f"smtp tester@127.0.0.1:{capture.port}: ok: logged in as 'tester'" in output


def test_connect_names_each_failure_with_what_to_do_and_exits_1(mailbox, smtp_capture_factory, tmp_path):
    capture = smtp_capture_factory("none", users={"tester": "smtp-pw"}, auth_require_tls=False)
    text = config_text(mailbox, capture, f"sqlite:///{tmp_path / 'n.db'}", imap_extra='sent = "Sendt"\n')
    text = text.replace('timeout_seconds = 5\n', f'timeout_seconds = 5\nusername = "tester"\n'
                        f'password_file = "{password_file(tmp_path, "wrong")}"\n')
    code, output = _check(tmp_path, text)
    assert code == 1, output
    lines = output.splitlines()
    imap_line = next(line for line in lines if line.startswith(f"imap {ACCOUNT}: FAILED: "))
    assert "folder 'Sendt' (sent) does not exist" in imap_line and 'sent = ""' in imap_line
    smtp_line = next(line for line in lines if line.startswith("smtp tester@"))
    assert "FAILED: login as 'tester' failed: 535" in smtp_line and "check username and the password" in smtp_line
    assert "2 of 2 connection check(s) failed" in output
    assert "Traceback" not in output


def test_connect_with_a_wrong_imap_password_says_so(mailbox, tmp_path):
    wrong = tmp_path / "wrong-password"
    wrong.write_text("nope\n")
    text = config_text(mailbox, None, f"sqlite:///{tmp_path / 'n.db'}").replace(
        str(mailbox.folder / "imap-password"), str(wrong))
    code, output = _check(tmp_path, text)
    assert code == 1, output
    assert f"imap {ACCOUNT}: FAILED: " in output and "login failed" in output
    assert "check username and the password" in output


def test_connect_to_a_server_that_is_not_there(tmp_path):
    port = free_port()
    text = ('[owner]\nname = "O"\naddresses = ["o@example.test"]\n'
            f'[[imap]]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nusername = "o"\n'
            f'timeout_seconds = 3\npassword_file = "{password_file(tmp_path, "pw")}"\n')
    code, output = _check(tmp_path, text)
    assert code == 1, output
    assert "imap o@127.0.0.1: FAILED: " in output and "check host, port and security" in output
