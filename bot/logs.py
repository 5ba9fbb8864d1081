"""Log lines for people (text) or for a log collector (one JSON object per line)."""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

NOISY = ("alembic", "mail.log", "httpx", "telegram.ext")  # libraries that chat at INFO

# Every secret nejtak has read (bot token, passwords): no log line may show one, whichever
# logger writes it, in its message or its traceback.
_SECRETS: set[str] = set()
_REDACTED = "<secret>"
_MIN_SECRET = 6  # shorter values would redact ordinary words


def register_secret(value: str) -> str:
    """Remember a secret so that every log line hides it; returns the value."""
    if value and len(value) >= _MIN_SECRET:
        _SECRETS.add(value)
        if ":" in value:  # a Telegram token "12345:AbC..." also appears URL-quoted
            _SECRETS.add(value.replace(":", "%3A"))
    return value


def redact(text: str) -> str:
    for secret in sorted(_SECRETS, key=len, reverse=True):
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


def setup(level: str, fmt: str = "text", quiet: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else getattr(logging, level))
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
