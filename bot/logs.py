"""Log lines for people (text) or for a log collector (one JSON object per line)."""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

NOISY = ("alembic", "mail.log", "httpx", "telegram.ext")  # libraries that chat at INFO


class JsonFormatter(logging.Formatter):
    """time, level, logger, message (and the traceback when there is one)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup(level: str, fmt: str = "text", quiet: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else getattr(logging, level))
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
