"""The submission server's acceptances, written the microsecond they come: an append-only file
beside the store. The store records them too, but may first wait for its write lock, and a
crash in that wait would leave an accepted refusal looking unsent (and send it twice)."""
from __future__ import annotations

import os
import threading
from pathlib import Path


class AcceptanceJournal:
    """outbox id -> the server's answer to DATA, one line each; read back after a restart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._fd: int | None = None

    def record(self, outbox_id: int, reply: str) -> None:
        """One write(2): in the kernel once it returns, so a killed process cannot lose it."""
        line = f"{outbox_id}\t{' '.join(reply.split())[:500]}\n".encode("utf-8", "replace")
        with self._lock:
            if self._fd is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            os.write(self._fd, line)

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
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            self.path.unlink(missing_ok=True)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
