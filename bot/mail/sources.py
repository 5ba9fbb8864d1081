"""Where offline mail comes from: .eml files, folders of them, mbox files and Maildirs."""
from __future__ import annotations

import mailbox
import os
from collections.abc import Iterable, Iterator
from datetime import datetime

from bot.inbound import Inbound
from bot.mail.reader import read_message


def iter_sources(paths: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """Yield (source name, raw bytes) for every message under the given paths, in file order."""
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
            with open(path, "rb") as f:
                yield path, f.read()


def load_in_date_order(paths: Iterable[str], keep_raw: bool = False) -> list[Inbound]:
    """Read every message and sort by Date; undated ones follow in file order, ties keep file order."""
    messages = [read_message(raw, source, keep_raw=keep_raw) for source, raw in iter_sources(paths)]
    dated = [m for m in messages if m.date is not None]
    undated = [m for m in messages if m.date is None]
    dated.sort(key=lambda m: _utc_timestamp(m.date))  # stable: ties keep file order
    return dated + undated


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
                with open(full, "rb") as f:
                    yield full, f.read()


def _mbox(path: str) -> Iterator[tuple[str, bytes]]:
    box = mailbox.mbox(path, create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            yield f"{path}#{number}", box.get_bytes(key)
    finally:
        box.close()


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
