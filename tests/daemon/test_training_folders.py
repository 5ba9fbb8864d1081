"""Training folders end to end: the owner moves mail in a real Dovecot, the daemon learns from it."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from nejtak.bot.connectors.imap_training import MOVED_OUT
from tests.daemon.helpers import mail, make_config, message_id_of, running, wait_until

pytestmark = pytest.mark.dovecot

# The fixture's Dovecot (Maildir++) separates levels with ".": "nejtak/Pitch" must become this.
PITCH, WANTED = "nejtak.Pitch", "nejtak.Wanted"

# Not an obvious pitch to the shipped model (it leans to wanted mail): what the owner teaches shows.
ROUTE = ("Hello,\n\nthe delivery routes for your vans: I can go through them with you on Tuesday and plan "
         "next month's.\n\nRegards,\n{name}\n")


def route_mail(n: int) -> tuple[bytes, str]:
    return mail(f"jonas{n}@routes{n}.example", "Route planning for your deliveries",
                ROUTE.format(name=f"Jonas {n}"), name=f"Jonas {n}")


def folders(mailbox) -> set[str]:
    with mailbox.imap() as c:
        return {name for _flags, _sep, name in c.list_folders()}


def subscribed(mailbox) -> set[str]:
    with mailbox.imap() as c:
        return {name for _flags, _sep, name in c.list_sub_folders()}


def owner_moves(mailbox, mid: str, source: str, target: str, copy_expunge: bool = False) -> None:
    """What the owner's mail program does: MOVE, or (older clients) COPY, \\Deleted and EXPUNGE."""
    with mailbox.imap() as c:
        c.select_folder(source)
        uids = c.search(["HEADER", "Message-ID", mid.strip("<>")])
        assert uids, f"{mid} is not in {source}"
        if copy_expunge:
            c.copy(uids, target)
            c.delete_messages(uids)
            c.uid_expunge(uids)
        else:
            c.move(uids, target)


def folder_labels(daemon, label: str = "") -> list:
    return daemon.store.active_labels(source="folder", label=label)


def labels_on(daemon, sender: str) -> list:
    """Every label (taken back or not) ever given to mail from this sender."""
    return daemon.store.labels_of_sender(sender)


def decided(daemon, mid: str) -> dict | None:
    """The stored decision on the message with this Message-ID, once it is made."""
    rows = daemon.store.inbound_since(datetime(2000, 1, 1, tzinfo=UTC))
    return next((r for r in rows if r["message_id"] == mid.strip("<>")), None)


async def test_training_folders_are_created_at_start_in_the_servers_hierarchy(mailbox, sqlite_url):
    assert not folders(mailbox) & {PITCH, WANTED}
    async with running(make_config(mailbox, None, sqlite_url, mode="observe")):
        await wait_until(lambda: {PITCH, WANTED} <= folders(mailbox), what="training folders created")
        assert "nejtak/Pitch" not in folders(mailbox)  # "/" in the config, "." on this server
        assert {PITCH, WANTED} <= subscribed(mailbox)  # so the owner's mail program shows them


async def test_an_empty_name_turns_a_folder_off(mailbox, sqlite_url):
    config = make_config(mailbox, None, sqlite_url, mode="observe",
                         imap_extra='pitch_folder = "Training/Junk"\nwanted_folder = ""\n')
    async with running(config):
        await wait_until(lambda: "Training.Junk" in folders(mailbox), what="pitch folder created")
        await asyncio.sleep(1.5)  # a poll interval: the wanted one would exist by now
        assert not folders(mailbox) & {WANTED, "nejtak.Pitch"}


async def test_moving_into_pitch_labels_moving_out_takes_back_and_wanted_relabels(mailbox, store_url):
    """MOVE into nejtak/Pitch -> a pitch label on the stored message; MOVE back to INBOX -> taken
    back; COPY+EXPUNGE into nejtak/Wanted -> wanted. (SQLite and PostgreSQL.)"""
    async with running(make_config(mailbox, None, store_url, mode="observe")) as daemon:
        await wait_until(lambda: {PITCH, WANTED} <= folders(mailbox), what="training folders created")
        raw, sender = route_mail(1)
        mid = message_id_of(raw)
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        stored = await wait_until(lambda: decided(daemon, mid), what="message decided")

        await asyncio.to_thread(owner_moves, mailbox, mid, "INBOX", PITCH)
        [row] = await wait_until(lambda: folder_labels(daemon, "pitch"), timeout=8, what="pitch label")
        assert row.message_key == mid.strip("<>")
        assert row.inbound_id == stored["id"]  # the stored message is the one labelled
        assert row.sender == sender
        assert row.subject == "Route planning for your deliveries"
        assert (await asyncio.to_thread(daemon.learning.stats))["labels"]["pitch"] == {"folder": 1}

        await asyncio.to_thread(owner_moves, mailbox, mid, PITCH, "INBOX")
        await wait_until(lambda: not folder_labels(daemon), timeout=8, what="label taken back")
        [gone] = await asyncio.to_thread(labels_on, daemon, sender)
        assert gone.id == row.id and gone.revoked_reason.startswith(MOVED_OUT)

        await asyncio.to_thread(owner_moves, mailbox, mid, "INBOX", WANTED, True)
        [wanted] = await wait_until(lambda: folder_labels(daemon, "wanted"), timeout=8, what="wanted label")
        assert wanted.message_key == mid.strip("<>") and wanted.inbound_id == stored["id"]
        assert not folder_labels(daemon, "pitch")

        # straight from Wanted to Pitch: the one label on it turns pitch, not both
        await asyncio.to_thread(owner_moves, mailbox, mid, WANTED, PITCH)
        await wait_until(lambda: folder_labels(daemon, "pitch"), timeout=8, what="relabelled pitch")
        await asyncio.sleep(1.5)  # the wanted folder's next look must not take the pitch label back
        assert [r.label for r in daemon.store.active_labels()] == ["pitch"]


async def test_a_restart_neither_relabels_nor_misses_a_move_out(mailbox, sqlite_url):
    """A, B, D filed as pitches; the owner then says D is wanted (by a command) and leaves it
    there. While nejtak is down A is moved out and C moved in. After the restart: A taken back,
    C labelled, B's label the same one, and D still wanted (the folder does not overrule the owner)."""
    config = make_config(mailbox, None, sqlite_url, mode="observe")
    (a, _), (b, b_sender), (c, c_sender), (d, d_sender) = (route_mail(n) for n in (11, 12, 13, 14))
    async with running(config) as daemon:
        await wait_until(lambda: PITCH in folders(mailbox), what="pitch folder created")
        for raw in (a, b, d):
            await asyncio.to_thread(mailbox.append, PITCH, raw)
        await wait_until(lambda: len(folder_labels(daemon)) == 3, timeout=8, what="three pitch labels")
        [b_before] = await asyncio.to_thread(labels_on, daemon, b_sender)
        await asyncio.to_thread(daemon.learning.teach, "wanted", "command", "Route planning",
                                message_id=message_id_of(d), sender=d_sender)

    # while nejtak is down: the owner takes A out again and puts C in
    await asyncio.to_thread(owner_moves, mailbox, message_id_of(a), PITCH, "INBOX")
    await asyncio.to_thread(mailbox.append, PITCH, c)

    async with running(config) as daemon:
        keys = lambda: {r.message_key for r in folder_labels(daemon)}
        want = {message_id_of(b).strip("<>"), message_id_of(c).strip("<>")}
        await wait_until(lambda: keys() == want, timeout=8, what="C labelled and A taken back")
        await asyncio.sleep(1.5)  # another look: still nothing labelled twice
        assert await asyncio.to_thread(labels_on, daemon, b_sender) == [b_before]
        assert len(await asyncio.to_thread(labels_on, daemon, c_sender)) == 1
        assert [(r.label, r.source) for r in await asyncio.to_thread(daemon.store.active_labels, sender=d_sender)
                ] == [("wanted", "command")]
        counts = await asyncio.to_thread(daemon.store.label_counts)
    assert counts == {"pitch": {"folder": 2}, "wanted": {"command": 1}, "taken back": {"folder": 2}}


async def test_moved_back_to_pitch_while_down_is_a_pitch_again(mailbox, sqlite_url):
    config = make_config(mailbox, None, sqlite_url, mode="observe")
    raw, sender = route_mail(15)
    mid = message_id_of(raw)
    async with running(config) as daemon:
        await wait_until(lambda: {PITCH, WANTED} <= folders(mailbox), what="training folders created")
        await asyncio.to_thread(mailbox.append, PITCH, raw)
        await wait_until(lambda: folder_labels(daemon, "pitch"), timeout=8, what="pitch label")
        await asyncio.to_thread(owner_moves, mailbox, mid, PITCH, WANTED)
        await wait_until(lambda: folder_labels(daemon, "wanted") and not folder_labels(daemon, "pitch"),
                         timeout=8, what="relabelled wanted")

    await asyncio.to_thread(owner_moves, mailbox, mid, WANTED, PITCH)  # the owner changes their mind

    async with running(config) as daemon:
        await wait_until(lambda: [r.label for r in daemon.store.active_labels(sender=sender)] == ["pitch"],
                         timeout=8, what="a pitch again")


async def test_a_recreated_folder_is_matched_by_message_id(mailbox, sqlite_url):
    """UIDVALIDITY changes when the folder is made anew: the same messages keep their labels."""
    config = make_config(mailbox, None, sqlite_url, mode="observe")
    (a, a_sender), (b, _) = route_mail(21), route_mail(22)
    async with running(config) as daemon:
        await wait_until(lambda: PITCH in folders(mailbox), what="pitch folder created")
        await asyncio.to_thread(mailbox.append, PITCH, a)
        await wait_until(lambda: folder_labels(daemon), timeout=8, what="pitch label")
        [before] = await asyncio.to_thread(labels_on, daemon, a_sender)

    def recreate() -> None:
        with mailbox.imap() as client:
            client.delete_folder(PITCH)
            client.create_folder(PITCH)
    await asyncio.to_thread(recreate)
    for raw in (a, b):
        await asyncio.to_thread(mailbox.append, PITCH, raw)

    async with running(config) as daemon:
        await wait_until(lambda: len(folder_labels(daemon)) == 2, timeout=8, what="B labelled")
        await asyncio.sleep(1.5)
        assert await asyncio.to_thread(labels_on, daemon, a_sender) == [before]  # neither new nor taken back
        assert await asyncio.to_thread(daemon.store.label_counts) == {"pitch": {"folder": 2}}


async def test_a_similar_message_from_a_stranger_then_scores_higher(mailbox, sqlite_url):
    async with running(make_config(mailbox, None, sqlite_url, mode="observe")) as daemon:
        await wait_until(lambda: PITCH in folders(mailbox), what="pitch folder created")
        raw, sender = route_mail(31)
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        before = await wait_until(lambda: decided(daemon, message_id_of(raw)), what="first decided")
        assert not any(s["name"] == "OWNER_FEEDBACK" for s in before["signals"])

        for n in (32, 33, 34):  # the owner files three of them as pitches
            await asyncio.to_thread(mailbox.append, PITCH, route_mail(n)[0])
        await wait_until(lambda: len(folder_labels(daemon, "pitch")) == 3, timeout=8, what="three labels")

        raw, sender = route_mail(35)  # a new stranger, the same kind of message
        await asyncio.to_thread(mailbox.deliver, raw, sender)
        after = await wait_until(lambda: decided(daemon, message_id_of(raw)), what="second decided")
    [fed] = [s for s in after["signals"] if s["name"] == "OWNER_FEEDBACK"]
    assert fed["weight"] > 0
    assert "marked pitch" in fed["evidence"]
    assert after["score"] > before["score"]
