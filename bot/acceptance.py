"""The submission server's acceptances, written the microsecond they come: an append-only file
beside the store. The store records them too, but may first wait for its write lock, and a
crash in that wait would leave an accepted refusal looking unsent (and send it twice).

Beside it a lock file: whoever talks to the submission server holds it for the transaction
(bot/connectors/send_process.py), so a restarted daemon reads the journal only after a send
that a killed daemon's sending process was still finishing has been written down."""
from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AcceptanceJournal:
    """outbox id -> the server's answer to DATA, one line each; read back after a restart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + ".lock")
        self._lock = threading.Lock()

    def record(self, outbox_id: int, reply: str) -> None:
        """One write(2) to a file opened for it: in the kernel once it returns, so a killed
        process cannot lose it, and never into a journal a restart has already cleared."""
        line = f"{outbox_id}\t{' '.join(reply.split())[:500]}\n".encode("utf-8", "replace")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)

    def read(self) -> dict[int, str]:
        """Every acceptance written and not yet cleared (a torn last line is skipped)."""
        try:
            text = self.path.read_bytes().decode("utf-8", "replace")
        except FileNotFoundError:
            return {}
        out: dict[int, str] = {}
        for line in text.split("\n"):
            outbox_id, tab, reply = line.partition("\t")
            if tab and outbox_id.isdigit():
                out[int(outbox_id)] = reply
        return out

    def clear(self) -> None:
        """Forget what the store now holds (called once the store recorded all of it)."""
        with self._lock:
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Nothing held open between records; kept for the callers' symmetry."""

    @contextmanager
    def sending(self) -> Iterator[None]:
        """Held for one whole transaction with the submission server (blocks while another
        process holds it)."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no process is in a transaction (a killed daemon's sending process may
        still be finishing one); False when one still is after `timeout` seconds."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return True
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        return False
                    time.sleep(0.05)
        finally:
            os.close(fd)
