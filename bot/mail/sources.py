"""Where offline mail comes from: .eml files, folders of them, mbox files and Maildirs."""
from __future__ import annotations

import mailbox
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from mailbox import linesep
from typing import NamedTuple

from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import MAX_HEADER_BYTES, message_date, read_message


def iter_sources(paths: Iterable[str]) -> Iterator[tuple[str, bytes | OSError]]:
    """Yield (source name, raw bytes) for every message under the given paths, in file order.

    A file that cannot be read yields its OSError instead of bytes, and an mbox holding no
    message yields empty bytes: every input shows up once, even when it holds nothing usable."""
    for kind, path in _walk(paths):
        if kind == "maildir":
            yield from _maildir(path)
        elif kind == "mbox":
            yield from _mbox(path)
        else:
            yield path, _read(path)


def _walk(paths: Iterable[str]) -> Iterator[tuple[str, str]]:
    """("maildir" | "mbox" | "file", path) for every mailbox and file under the paths, in order."""
    for path in paths:
        path = os.fspath(path)
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such mail file, folder, mbox or Maildir: {path}")
        if os.path.isdir(path):
            if _is_maildir(path):
                yield "maildir", path
            else:
                yield from _folder(path)
        elif _is_mbox(path):
            yield "mbox", path
        else:
            yield "file", path


def _read(path: str) -> bytes | OSError:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        return e


class Located(NamedTuple):
    """Where one message is, to read it when its turn comes: a whole file, or a span of an mbox."""

    source: str  # the name rows show: the file, or the mbox and the message's number in it
    path: str
    start: int = -1  # mbox: offset of the message's From line; -1: the whole file
    stop: int = 0  # mbox: where the message ends
    error: OSError | None = None  # the file could not be read when it was listed


def located_in_date_order(paths: Iterable[str]) -> list[Located]:
    """Every message under the paths, by Date: undated ones follow in file order, ties keep
    file order. Only each header section is read (and let go): memory grows with the number
    of messages, never with their size."""
    found = locate(paths)
    return [found[i] for i in date_order(found)]


def locate(paths: Iterable[str]) -> list[Located]:
    """Where every message under the paths is, in file order (nothing read but mbox boundaries)."""
    return list(_located(paths))


def date_order(found: list[Located]) -> list[int]:
    """The indexes of `found` by Date (see located_in_date_order)."""
    keys = []
    for i, where in enumerate(found):
        date = None if where.error else message_date(_head(where))
        keys.append((0, _utc_timestamp(date), i) if date is not None else (1, 0.0, i))
    keys.sort()
    return [i for _, _, i in keys]


def read_located(where: Located, keep_raw: bool = False, *, _files: dict | None = None) -> Inbound:
    """The message at `where`, read in full (an unreadable file gives a record that says so)."""
    raw = where.error or _bytes(where, _files)
    return _unreadable(where.source, raw) if isinstance(raw, OSError) else read_message(raw, where.source, keep_raw)


def read_all_located(located: Iterable[Located], keep_raw: bool = False) -> Iterator[Inbound]:
    """The messages in the order given, each read when its turn comes (an mbox stays open)."""
    files: dict = {}
    try:
        for where in located:
            yield read_located(where, keep_raw, _files=files)
    finally:
        for f in files.values():
            f.close()


def in_date_order(paths: Iterable[str], keep_raw: bool = False) -> tuple[int, Iterator[Inbound]]:
    """(how many, the messages by Date): see located_in_date_order. A message is read in full
    when its turn comes and let go after, so no mailbox is ever held in memory."""
    located = located_in_date_order(paths)
    return len(located), read_all_located(located, keep_raw)


def load_in_date_order(paths: Iterable[str], keep_raw: bool = False) -> list[Inbound]:
    """Every message, read in full, in Date order (see in_date_order)."""
    return list(in_date_order(paths, keep_raw)[1])


def _located(paths: Iterable[str]) -> Iterator[Located]:
    """Where every message under the paths is, in file order (as iter_sources yields them)."""
    for kind, path in _walk(paths):
        if kind == "mbox":
            yield from _mbox_located(path)
        elif kind == "maildir":
            for full in _maildir_files(path):
                yield Located(full, full)
        else:
            yield Located(path, path)


def _head(where: Located) -> bytes:
    """The beginning of a message: all message_date looks at (its header section, at most
    MAX_HEADER_BYTES)."""
    try:
        with open(where.path, "rb") as f:
            if where.start < 0:
                return f.read(MAX_HEADER_BYTES)
            f.seek(where.start)
            f.readline()  # the From line
            return f.read(max(0, min(MAX_HEADER_BYTES, where.stop - f.tell())))
    except OSError:
        return b""


def _bytes(where: Located, files: dict | None) -> bytes | OSError:
    if where.start < 0:
        return _read(where.path)
    if where.start == where.stop:
        return b""  # an mbox holding no message
    try:
        f = files.get(where.path) if files is not None else None
        if f is None:
            f = open(where.path, "rb")
            if files is not None:
                for old in files.values():  # one mbox open at a time
                    old.close()
                files.clear()
                files[where.path] = f
        try:
            # as mailbox.mbox.get_bytes reads it
            f.seek(where.start)
            f.readline()
            return f.read(where.stop - f.tell()).replace(linesep, b"\n")
        finally:
            if files is None:
                f.close()
    except OSError as e:
        return e


def _mbox_located(path: str) -> Iterator[Located]:
    try:
        with open(path, "rb") as f:
            spans = _mbox_spans(f)
    except OSError as e:
        yield Located(path, path, error=e)
        return
    for number, (start, stop) in enumerate(spans, start=1):
        yield Located(f"{path}#{number}", path, start, stop)
    if not spans:
        yield Located(path, path, 0, 0)


_SCAN_CHUNK = 1 << 20  # bytes read at a time when finding an mbox's messages


def _mbox_spans(f) -> list[tuple[int, int]]:
    """(start, stop) of each message of an mbox, exactly as mailbox.mbox finds them: a message
    starts at each line beginning "From "; it stops where the next starts, or at the end, less
    one empty line before either. Read in chunks and searched, not line by line: as fast on one
    huge message as on many small ones, and memory bounded by the chunk."""
    starts: list[int] = []
    empty_before: list[bool] = []  # the line before each start is an empty line
    # the end of what was read before, as a separator may straddle two chunks: at first a newline
    # before the file's first byte (offset -1), so that every start follows a newline
    tail, base = b"\n", -1  # base: the file offset of tail[0]
    while chunk := f.read(_SCAN_CHUNK):
        text = tail + chunk
        at = text.find(b"\nFrom ", max(0, len(tail) - 5))  # one wholly within tail was found before
        while at >= 0:
            starts.append(base + at + 1)
            empty_before.append(at > 0 and text[at - 1:at] == b"\n")
            at = text.find(b"\nFrom ", at + 1)
        tail = text[-7:]
        base += len(text) - len(tail)
    if not starts:
        return []
    size = base + len(tail)
    ends_empty = tail[-2:] == b"\n\n"  # the last line is an empty one
    stops = [start - 1 if empty else start for start, empty in zip(starts[1:], empty_before[1:])]
    stops.append(size - 1 if ends_empty else size)
    return list(zip(starts, stops))


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


def _folder(path: str) -> Iterator[tuple[str, str]]:
    for root, dirs, files in os.walk(path):
        if root != path and _is_maildir(root):
            dirs[:] = []
            yield "maildir", root
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = os.path.join(root, name)
            yield ("mbox" if _is_mbox(full) else "file"), full


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


def _maildir_files(path: str) -> Iterator[str]:
    """The message files of a Maildir, in the order _maildir reads them."""
    for subdir in ("new", "cur"):
        folder = os.path.join(path, subdir)
        for name in sorted(os.listdir(folder)):
            full = os.path.join(folder, name)
            if not name.startswith(".") and not os.path.isdir(full):
                yield full
