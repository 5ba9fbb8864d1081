"""Where offline mail comes from: .eml files, folders of them, mbox files and Maildirs."""
from __future__ import annotations

import mailbox
import os
from collections.abc import Iterable, Iterator
from datetime import datetime

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import message_date, read_message


def iter_sources(paths: Iterable[str]) -> Iterator[tuple[str, bytes | OSError]]:
    """Yield (source name, raw bytes) for every message under the given paths, in file order.

    A file that cannot be read yields its OSError instead of bytes, and an mbox holding no
    message yields empty bytes: every input shows up once, even when it holds nothing usable."""
    for path in paths:
        path = os.fspath(path)
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such mail file, folder, mbox or Maildir: {path}")
        if os.path.isdir(path):
            if _is_maildir(path):
                yield from _maildir(path)
            else:
                yield from _folder(path)
        elif _is_mbox(path):
            yield from _mbox(path)
        else:
            yield path, _read(path)


def _read(path: str) -> bytes | OSError:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        return e


def in_date_order(paths: Iterable[str], keep_raw: bool = False) -> tuple[int, Iterator[Inbound]]:
    """(how many, the messages by Date): undated ones follow in file order, ties keep file order.

    Only the raw bytes and each Date are held while sorting; a message is read in full when
    its turn comes and its bytes are let go, so a large corpus is never in memory twice."""
    items: list[tuple[str, bytes | OSError] | None] = list(iter_sources(paths))
    keys = []
    for i, (_source, raw) in enumerate(items):
        date = None if isinstance(raw, OSError) else message_date(raw)
        keys.append((0, _utc_timestamp(date), i) if date is not None else (1, 0.0, i))
    order = sorted(range(len(items)), key=keys.__getitem__)

    def messages() -> Iterator[Inbound]:
        for i in order:
            source, raw = items[i]
            items[i] = None
            yield _unreadable(source, raw) if isinstance(raw, OSError) else read_message(raw, source, keep_raw)

    return len(items), messages()


def load_in_date_order(paths: Iterable[str], keep_raw: bool = False) -> list[Inbound]:
    """Every message, read in full, in Date order (see in_date_order)."""
    return list(in_date_order(paths, keep_raw)[1])


def _unreadable(source: str, error: OSError) -> Inbound:
    return Inbound(channel="email", source=source, message_id="", sender="",
                   error=f"cannot read the file: {error.strerror or error}")


def _utc_timestamp(date: datetime) -> float:
    try:
        return date.timestamp()
    except (OverflowError, ValueError, OSError):
        return float("inf")


def _is_maildir(path: str) -> bool:
    return os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new"))


def _is_mbox(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(5) == b"From "
    except OSError:
        return False


def _folder(path: str) -> Iterator[tuple[str, bytes]]:
    for root, dirs, files in os.walk(path):
        if root != path and _is_maildir(root):
            dirs[:] = []
            yield from _maildir(root)
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            if _is_mbox(full):
                yield from _mbox(full)
            else:
                yield full, _read(full)


def _mbox(path: str) -> Iterator[tuple[str, bytes]]:
    box = mailbox.mbox(path, create=False)
    number = 0
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            yield f"{path}#{number}", box.get_bytes(key)
    finally:
        box.close()
    if number == 0:
        yield path, b""


def _maildir(path: str) -> Iterator[tuple[str, bytes]]:
    box = mailbox.Maildir(path, factory=None, create=False)
    # new/ before cur/, each by file name: Maildir names begin with the delivery time
    for subdir in ("new", "cur"):
        for name in sorted(os.listdir(os.path.join(path, subdir))):
            if name.startswith("."):
                continue
            key = name.split(box.colon, 1)[0]
            try:
                raw = box.get_bytes(key)
            except KeyError:  # delivered or moved while we read
                continue
            yield os.path.join(path, subdir, name), raw
