"""The language of a message's new text, by py3langid's model cut down to the owners' languages.

py3langid ships one model of 97 languages (4.5 MB of LZMA, 0.45 s to load, 70 MB in memory);
language_model.bin.gz is the same model with only the candidates' columns (what py3langid's
`set_languages` keeps), so it loads in a tenth of the time and judges exactly alike.
tools/language_model.py writes it; without it the full model is loaded and restricted."""
from __future__ import annotations

import gzip
import json
import logging
import math
import re
import sys
import threading
import zlib
from array import array
from pathlib import Path

# European languages the owners write and receive in; a short list makes short texts reliable.
_CANDIDATES = ["en", "da", "sv", "no", "nn", "de", "pl", "fr", "es", "it", "nl", "fi", "pt",
               "cs", "sk", "et", "lv", "lt", "is", "ru", "uk"]
_ISO = {"no": "nb", "nn": "nb"}  # replies are written in Bokmål
_LETTER = re.compile(r"[^\W\d_]")
MODEL_FILE = Path(__file__).with_name("language_model.bin.gz")
_lock = threading.Lock()
_identifier = None
log = logging.getLogger("nejtak.language")


def _model():
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = _load(MODEL_FILE) if MODEL_FILE.is_file() and sys.byteorder == "little" else None
            if _identifier is None:
                _identifier = _restricted_full_model()
    return _identifier


def _restricted_full_model():
    identifier = full_model()
    identifier.set_languages(_CANDIDATES)
    return identifier


def _without_copy(failed) -> bool:
    """After the mapped copy failed to judge a text (a damaged file in the cache folder): drop
    it and judge from then on with the model unpacked in memory. False when `failed` was not
    read from a copy (then the failure is the model's own)."""
    global _identifier
    with _lock:
        if _identifier is not failed:
            return True  # another thread replaced it already
        if not isinstance(failed.tk_nextmove, memoryview):
            return False
        copy = _copy_file(MODEL_FILE.read_bytes())
        log.warning("the language model's copy %s could not judge a text: dropped, reading the model "
                    "into memory", copy)
        _drop(copy)
        _identifier = _read(MODEL_FILE) or _restricted_full_model()
        return True


def full_model():
    """py3langid's own model of every language it knows."""
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def model_arrays(identifier) -> dict:
    """What a (restricted) identifier judges with, as arrays to save: the features' DFA and
    output, and per language its prior and per-feature log-probabilities."""
    import numpy as np

    return {"classes": list(identifier.nb_classes), "nb_pc": identifier.nb_pc,
            "nb_ptc_t": np.ascontiguousarray(identifier.nb_ptc.T),  # kept as set_languages lays it out
            "tk_nextmove": identifier.tk_nextmove, "tk_row": identifier.tk_row,
            "tk_output": array("i", identifier.tk_output)}


def save(identifier, path: Path) -> None:
    """Write an identifier's arrays (little-endian) after a JSON header naming them."""
    arrays = model_arrays(identifier)
    layout = []
    for name, value in arrays.items():
        if name == "classes":
            continue
        if isinstance(value, array):
            layout.append([name, value.typecode, [len(value)]])
        else:
            layout.append([name, value.dtype.str, list(value.shape)])
    head = json.dumps({"classes": arrays["classes"], "arrays": layout}).encode()
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(len(head).to_bytes(4, "big") + head)
        for name, _, _ in layout:
            f.write(memoryview(arrays[name]).cast("B") if isinstance(arrays[name], array)
                    else arrays[name].tobytes())


class _Unpacker:
    """Reads a saved model's gzip content piece by piece into buffers (no copy of the whole
    held), its JSON header (`head`: the classes and the arrays' names, kinds and shapes) first."""

    def __init__(self, packed: bytes) -> None:
        self._zlib = zlib.decompressobj(wbits=31)
        self._pending = packed
        self.head = json.loads(self.take(int.from_bytes(self.take(4), "big")))

    def into(self, view: memoryview) -> bool:
        filled = 0
        while filled < len(view):
            piece = self._zlib.decompress(self._pending, min(len(view) - filled, 1 << 20))
            self._pending = self._zlib.unconsumed_tail
            if not piece:
                return False
            view[filled:filled + len(piece)] = piece
            filled += len(piece)
        return True

    def take(self, size: int) -> bytes:
        got = bytearray(size)
        return bytes(got) if self.into(memoryview(got)) else b""


def _load(path: Path):
    """The identifier saved at path, or None when it cannot be read (then the full model is used).

    Read from an unpacked copy in the user's cache folder, mapped into memory: unpacking the
    DFA's 39 MB takes a tenth of a second at every start (most of `nejtak triage FILE`), mapping
    a millisecond, and a mapped page is read only when a text walks through it. When no copy can
    be written the file is unpacked into memory as before; a copy that cannot be mapped is
    dropped here, one that fails to judge a text is dropped by detect()."""
    try:
        unpacked = _unpacked_copy(path)
        if unpacked:
            try:
                return _mapped(unpacked)
            except Exception:  # a damaged copy: dropped (the next start writes it anew)
                _drop(unpacked)
        return _read(path)
    except Exception:  # an unreadable or foreign file: the full model still judges alike
        return None


_FORMAT = 1  # the copy's layout, in its name: a copy laid out otherwise is never read as this one
_ALIGN = 64
_STALE_SECONDS = 3600  # a half-written copy this old was left by a process that died writing it


def _copy_file(packed: bytes) -> Path:
    import hashlib

    import platformdirs

    return Path(platformdirs.user_cache_dir("nejtak")) / \
        f"language-{_FORMAT}-{hashlib.sha256(packed).hexdigest()[:20]}.bin"


def _drop(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # not ours to remove: left as it is
        pass


def _unpacked_copy(path: Path) -> Path | None:
    """The cache file holding path's arrays unpacked, each at an aligned offset after a JSON
    header: made once per model (named by its hash and the layout), written whole or not at all,
    shared by every process; None when the cache folder cannot be written."""
    import os
    import tempfile
    import time

    packed = path.read_bytes()
    target = _copy_file(packed)
    if target.is_file():
        return target
    f = _Unpacker(packed)
    head = f.head
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".language-")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as out:
            offset, layout = 0, []
            for name, kind, shape in head["arrays"]:
                layout.append([name, kind, shape, offset])
                offset += -(-_nbytes(kind, shape) // _ALIGN) * _ALIGN
            header = json.dumps({"classes": head["classes"], "arrays": layout}).encode()
            start = -(-(8 + len(header)) // _ALIGN) * _ALIGN
            out.write(len(header).to_bytes(8, "little") + header)
            for name, kind, shape, at in layout:
                out.seek(start + at)
                piece = bytearray(_nbytes(kind, shape))
                if not f.into(memoryview(piece)):
                    raise ValueError(f"{path.name} ends inside {name}")
                out.write(piece)
            out.truncate(start + offset)
            out.flush()
            os.fsync(out.fileno())  # on disk before it has its name: a crash leaves no half copy
        os.replace(temporary, target)
    except OSError:
        _drop(Path(temporary))
        return None
    except BaseException:
        _drop(Path(temporary))
        raise
    for older in folder.glob("language-*.bin"):  # another model's copy: 44 MB each
        if older != target:
            _drop(older)
    for left in folder.glob(".language-*"):  # written by a process that died before the rename
        try:
            if time.time() - left.stat().st_mtime > _STALE_SECONDS:
                _drop(left)
        except OSError:
            pass
    return target


def _nbytes(kind: str, shape: list[int]) -> int:
    """The size of an array of this kind (an array.array typecode or a numpy dtype) and shape."""
    import numpy as np

    return (array(kind).itemsize if len(kind) == 1 else np.dtype(kind).itemsize) * math.prod(shape)


def _mapped(path: Path):
    """The identifier of an unpacked copy, its big arrays views of the mapped file."""
    import mmap

    import numpy as np

    with open(path, "rb") as f:
        whole = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    size = int.from_bytes(whole[:8], "little")
    head = json.loads(bytes(whole[8:8 + size]))
    start = -(-(8 + size) // _ALIGN) * _ALIGN
    got: dict = {}
    for name, kind, shape, at in head["arrays"]:
        piece = whole[start + at:start + at + _nbytes(kind, shape)]
        if len(piece) != _nbytes(kind, shape):
            raise ValueError(f"{path} is cut short")
        got[name] = piece.cast(kind) if len(kind) == 1 else np.frombuffer(piece, dtype=kind).reshape(shape)
    return _judge_with(got, head["classes"])


def _judge_with(got: dict, classes: list[str]):
    """py3langid's identifier over the arrays read (restricted to the candidates), walking its
    DFA with numpy (bot/language_walk.py)."""
    from nejtak.bot.language_walk import WalkingIdentifier

    return WalkingIdentifier(
        got["nb_ptc_t"].T, got["nb_pc"], classes, got["tk_nextmove"], got["tk_output"].tolist(),
        norm_probs=True, tk_row=got["tk_row"])


def _read(path: Path):
    """The identifier saved at path, unpacked into memory."""
    import numpy as np

    f = _Unpacker(path.read_bytes())
    got: dict = {}
    for name, kind, shape in f.head["arrays"]:
        if len(kind) == 1:  # an array.array typecode: read straight into it
            got[name] = value = array(kind, [0]) * shape[0]
        else:
            got[name] = value = np.empty(shape, dtype=np.dtype(kind))
        if not f.into(memoryview(value).cast("B")):
            return None
    return _judge_with(got, f.head["classes"])


def detect(text: str, fallback: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1); the fallback when the text is too short to tell."""
    sample = " ".join(text[:1500].split())[:600]
    if len(_LETTER.findall(sample, 0, 200)) < 12:
        return fallback, 0.0
    model = _model()
    try:
        code, probability = model.classify(sample)
    except Exception:
        if not _without_copy(model):
            raise
        code, probability = _model().classify(sample)
    return _ISO.get(code, code), float(probability)
