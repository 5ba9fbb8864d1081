"""One daemon per store: two would each answer the same pitch. The first holds a lock file
beside the store's acceptance journal for as long as it runs (the kernel drops it when the
process ends, however it ends); a second says so and does not start."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from nejtak.bot.config import ConfigError


def hold(path: Path) -> int:
    """The lock, held by the returned descriptor until it is closed; ConfigError when another
    daemon holds it (with its pid, as it wrote it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise ConfigError(f"another nejtak daemon (pid {pid}) is running on this store ({path.name} is "
                          f"held): stop it first, or give this one a store of its own ([store] url)") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)
