"""Log lines for people (text) or for a log collector (one JSON object per line)."""
from __future__ import annotations

import json
import logging
import sys
import time
from datetime import datetime, timezone

NOISY = ("alembic", "mail.log", "httpx", "telegram.ext")  # libraries that chat at INFO

# Every secret nejtak has read (bot token, passwords): no log line may show one, whichever
# logger writes it, in its message or its traceback.
_SECRETS: list[str] = []  # longest first, so that no part of one is left behind
_REDACTED = "<secret>"
_MIN_SECRET = 6  # shorter values would redact ordinary words


def register_secret(value: str) -> str:
    """Remember a secret so that every log line hides it; returns the value."""
    if value and len(value) >= _MIN_SECRET:
        # a Telegram token "12345:AbC..." also appears URL-quoted
        forms = {value, value.replace(":", "%3A")} - set(_SECRETS)
        _SECRETS[:] = sorted([*_SECRETS, *forms], key=len, reverse=True)
    return value


def redact(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, _REDACTED)
    return text


_make_record = logging.getLogRecordFactory()


def _redacted_record(*args, **kwargs) -> logging.LogRecord:
    """Every record, from any logger, made without a registered secret in its message."""
    record = _make_record(*args, **kwargs)
    if _SECRETS:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001  a broken format is the logging module's to report
            return record
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
    return record


logging.setLogRecordFactory(_redacted_record)


class RedactingFormatter(logging.Formatter):
    """The formatted line (message and traceback) with every registered secret hidden."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(RedactingFormatter):
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
        return redact(json.dumps(entry, ensure_ascii=False))


class RepeatLimiter(logging.Filter):
    """At most `burst` lines of one kind (logger, level, message pattern) per `window` seconds;
    the next line of that kind after a quiet spell says how many were left out. A flood of
    refused connections must not fill the disk with the same line."""

    def __init__(self, burst: int = 20, window: float = 60.0, clock=time.monotonic) -> None:
        super().__init__()
        self.burst, self.window, self.clock = burst, window, clock
        self._seen: dict[tuple, list] = {}  # kind -> [window start, lines in it, left out]

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg)[:200])
        now = self.clock()
        entry = self._seen.get(key)
        if entry is None or now - entry[0] >= self.window:
            left_out = entry[2] if entry else 0
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[key] = [now, 1, 0]
            if left_out:
                record.msg = f"{record.msg} [{left_out} more like this left out]"
            return True
        entry[1] += 1
        if entry[1] <= self.burst:
            return True
        entry[2] += 1
        return False


def setup(level: str, fmt: str = "text", quiet: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RepeatLimiter())
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else getattr(logging, level))
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
