"""Training folders: their config keys, their names on servers with other separators, and
messages the reader has trouble with (no Message-ID, larger than what is read), on real Dovecot."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import pytest

from nejtak.bot.config import ConfigError, parse
from nejtak.bot.connectors.imap_training import MOVED_OUT, TrainingFolder, ensure_folder
from nejtak.bot.learning import OwnerLearning
from nejtak.bot.mail.reader import MAX_BYTES
from nejtak.bot.store import Store
from tests.daemon.helpers import wait_until
from tests.fixtures.dovecot import Dovecot, running_dovecot

OWNER = "tester@example.test"
IMAP = '[[imap]]\nhost = "imap.example"\nusername = "anna"\n'
PITCH_TEXT = ("Hello,\n\nour team builds route planning software for delivery firms. I would like to show "
              "you how we plan routes for companies like yours. Would next Tuesday suit you?\n")


# -- config ---------------------------------------------------------------------------------

def test_training_folders_default_to_nejtak_pitch_and_wanted():
    imap = parse(IMAP).imap[0]
    assert (imap.pitch_folder, imap.wanted_folder) == ("nejtak/Pitch", "nejtak/Wanted")


def test_an_empty_string_turns_a_training_folder_off():
    imap = parse(IMAP + 'pitch_folder = "Lær/Sælgere"\nwanted_folder = ""\n').imap[0]
    assert (imap.pitch_folder, imap.wanted_folder) == ("Lær/Sælgere", "")


@pytest.mark.parametrize("line, key, words", [
    ('pitch_folder = "INBOX"', "pitch_folder", "already inbox"),
    ('wanted_folder = "Sent"', "wanted_folder", "already sent"),
    ('wanted_folder = "nejtak/Pitch"', "wanted_folder", "already pitch_folder"),
    ('pitch_folder = "nejtak//Pitch"', "pitch_folder", "empty folder level"),
    ('wanted_folder = "/Wanted"', "wanted_folder", "empty folder level"),
    ('pitch_folder = "Pitch*"', "pitch_folder", "* or %"),
    ('pitch_folder = "Pi\\ttch"', "pitch_folder", "control characters"),
])
def test_a_bad_training_folder_is_named_with_its_line(line, key, words):
    with pytest.raises(ConfigError) as e:
        parse(IMAP + "idle = true\n" + line + "\n", "nejtak.toml")
    assert f"nejtak.toml:5: imap.0.{key}:" in str(e.value)
    assert words in str(e.value)


def test_move_to_cannot_be_a_training_folder():
    """nejtak would teach itself with every pitch it files there."""
    with pytest.raises(ConfigError, match=r"imap\.0\.pitch_folder: .*already move_to"):
        parse(IMAP + 'move_to = "nejtak/Pitch"\n')


# -- folder names on other servers ------------------------------------------------------------

def dovecot_with(namespace: str):
    """A Dovecot of its own whose personal namespace is set as given."""
    return running_dovecot(namespace)


@pytest.mark.dovecot
@pytest.mark.parametrize("namespace, expected", [
    ("namespace inbox {\n  inbox = yes\n  separator = /\n}\n", "nejtak/Pitch"),
    ("namespace inbox {\n  inbox = yes\n  separator = .\n  prefix = INBOX.\n}\n", "INBOX.nejtak.Pitch"),
])
def test_the_folder_is_created_in_the_servers_own_hierarchy(namespace, expected):
    with dovecot_with(namespace) as server, server.imap() as client:
        assert ensure_folder(client, "nejtak/Pitch") == expected
        assert ensure_folder(client, "nejtak/Pitch") == expected  # there now: found, not made again
        assert expected in {name for _f, _s, name in client.list_folders()}
        client.select_folder(expected)


# -- the folder watch itself -----------------------------------------------------------------

@contextlib.asynccontextmanager
async def following(mailbox: Dovecot, store: Store, learning: OwnerLearning) -> AsyncIterator[TrainingFolder]:
    stop = asyncio.Event()
    watch = TrainingFolder(mailbox.imap_config(poll_seconds=0.3), "pitch", "nejtak/Pitch", store, learning)
    task = asyncio.create_task(watch.follow(stop))
    try:
        await asyncio.wait_for(watch.watching.wait(), 10)
        yield watch
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


@pytest.fixture
def learning(tmp_path) -> Iterator[OwnerLearning]:
    store = Store(f"sqlite:///{tmp_path / 'nejtak.db'}")
    try:
        yield OwnerLearning(store, [OWNER])
    finally:
        store.close()


def _message(sender: str, body: str, message_id: str | None) -> bytes:
    mid = f"Message-ID: <{message_id}>\r\n" if message_id else ""
    return (f"From: Jonas <{sender}>\r\nTo: {OWNER}\r\nSubject: Route planning\r\n{mid}"
            "Date: Mon, 02 Mar 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replace("\n", "\r\n")).encode()


@pytest.mark.dovecot
async def test_a_message_without_message_id_is_labelled_and_taken_back(mailbox, learning):
    store = learning.store
    async with following(mailbox, store, learning) as watch:
        uid = await asyncio.to_thread(mailbox.append, watch.folder, _message("jonas@routes.example", PITCH_TEXT, None))
        [row] = await wait_until(lambda: store.active_labels(source="folder"), what="label by text")
        assert row.message_key.startswith("sha256:") and row.sender == "jonas@routes.example"

        def delete() -> None:
            with mailbox.imap() as c:
                c.select_folder(watch.folder)
                c.delete_messages([uid])
                c.uid_expunge([uid])
        await asyncio.to_thread(delete)
        await wait_until(lambda: not store.active_labels(source="folder"), what="taken back")
    [gone] = store.labels_of_sender("jonas@routes.example")
    assert gone.revoked_reason.startswith(MOVED_OUT)


@pytest.mark.dovecot
async def test_a_large_message_is_labelled_from_its_beginning(mailbox, learning):
    """Like the inbox: only MAX_BYTES are fetched; the label still comes, with its sender."""
    store = learning.store
    big = _message("big@routes.example", PITCH_TEXT + "\n" + ("x" * 76 + "\n") * (MAX_BYTES // 77 + 5000),
                   "big-1@routes.example")
    assert len(big) > MAX_BYTES
    async with following(mailbox, store, learning) as watch:
        await asyncio.to_thread(mailbox.append, watch.folder, big)
        [row] = await wait_until(lambda: store.active_labels(source="folder"), what="label")
    assert (row.message_key, row.sender) == ("big-1@routes.example", "big@routes.example")
