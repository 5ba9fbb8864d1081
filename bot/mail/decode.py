"""Decoding what mail carries: bytes in a declared (or wrong) charset, RFC 2047 header words."""
from __future__ import annotations

import binascii
import codecs
import re

# --- charsets -----------------------------------------------------------------------------

_SINGLE_BYTE = re.compile(r"^(us-?ascii|ascii|iso-?8859-\d+|latin-?\d|windows-125\d|cp125\d|koi8-\w)$")
_ALIASES = {"unknown-8bit": "", "x-unknown": "", "8bit": "", "default": "", "x-user-defined": ""}
_codec_cache: dict[str, str | None] = {}


def _codec(charset: str | None) -> str | None:
    """The Python codec name for a declared charset, or None when it is unknown or unusable."""
    if not charset:
        return None
    try:
        return _codec_cache[charset]
    except KeyError:
        pass
    name = charset.strip().strip("\"'").lower().split("*", 1)[0]  # RFC 2231 language tag
    name = _ALIASES.get(name, name)
    result = None
    if name and len(name) < 40:
        try:
            info = codecs.lookup(name)
            # text codecs only: base64_codec, rot13 and friends are not charsets
            result = info.name if getattr(info, "_is_text_encoding", True) else None
        except (LookupError, ValueError):
            result = None
    if len(_codec_cache) < 512:
        _codec_cache[charset] = result
    return result


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Decode honouring the declared charset; a wrong or unknown one falls back and never raises."""
    if data.isascii():
        return data.decode("ascii")
    codec = _codec(charset)
    if codec and codec != "utf-8" and _SINGLE_BYTE.match(codec.replace("_", "-")):
        # a single-byte label on valid UTF-8 is a mislabel far more often than real text
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if codec and codec != "utf-8":
        try:
            return data.decode(codec)
        except Exception:  # UnicodeDecodeError, and odd things from odd codecs
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # UTF-8 cut inside the last character
            return data[: exc.start].decode("utf-8") + "\ufffd"
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --- headers ------------------------------------------------------------------------------

_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,64})\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"[ \t\r\n]*")
# everything a line-splitter or a header writer could treat as a break, plus other C0 controls
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r"  +")


def _decode_word(encoding: str, text: str) -> bytes:
    if encoding in "bB":
        text = text.rstrip("=")
        text += "=" * (-len(text) % 4)
        try:
            return binascii.a2b_base64(text)
        except (binascii.Error, ValueError):
            return text.encode("ascii", "replace")
    try:
        return binascii.a2b_qp(text.encode("ascii", "replace"), header=True)
    except (binascii.Error, ValueError):
        return text.encode("ascii", "replace")


def decode_header_value(value: str) -> str:
    """A header value decoded from RFC 2047 (and raw 8-bit), unfolded and safe to print on one line."""
    if not value.isascii():
        # raw 8-bit headers arrive as surrogate escapes from the compat32 parser
        try:
            value = decode_bytes(value.encode("utf-8", "surrogateescape"))
        except UnicodeError:
            value = value.encode("utf-8", "replace").decode("utf-8")
    if "=?" in value:
        value = _decode_encoded_words(value)
    return clean_header(value)


def _decode_encoded_words(value: str) -> str:
    out: list[str] = []
    pos = 0
    run: bytearray = bytearray()
    run_charset: str | None = None
    for match in _ENCODED_WORD.finditer(value):
        gap = value[pos:match.start()]
        charset = match.group(1)
        if run_charset is not None and (gap.strip(" \t\r\n") or charset.lower() != run_charset.lower()):
            out.append(decode_bytes(bytes(run), run_charset))
            run, run_charset = bytearray(), None
        if run_charset is None:
            # whitespace between two adjacent encoded words is dropped (RFC 2047 section 6.2)
            if gap.strip(" \t\r\n") or not out:
                out.append(gap)
            run_charset = charset
        run += _decode_word(match.group(2), match.group(3))
        pos = match.end()
    if run_charset is not None:
        out.append(decode_bytes(bytes(run), run_charset))
    out.append(value[pos:])
    return "".join(out)


def clean_header(value: str) -> str:
    """Fold CR, LF, NUL and other control characters into single spaces."""
    if _UNSAFE.search(value):
        value = _SPACES.sub(" ", _UNSAFE.sub(" ", value))
    return value.strip()

