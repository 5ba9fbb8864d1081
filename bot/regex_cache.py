"""Big regexes compiled once and kept between runs, as Python keeps .pyc files.

Python's regex compiler is pure Python: the phrase regexes (a hundred thousand characters) take
it half a second and leave 10 MB of garbage in the process. Its result, the regex engine's
code, loads from a file in milliseconds. The file sits in the user's cache folder (never in the
installed package), is used only when made from exactly the same by the same Python, and is
skipped when it cannot be read or written: then the regexes are compiled as usual."""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

Build = Callable[[], tuple[dict[str, str], Any]]


def cache_file(name: str, source: Path) -> Path:
    """Where the regexes made from `source` (a folder or file) are kept: the user's cache folder
    (XDG_CACHE_HOME), one file per source."""
    import platformdirs

    where = hashlib.sha256(str(source.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("nejtak")) / f"{name}-{where}.sre"


def compiled(path: Path, key: str, flags: int, build: Build) -> tuple[dict[str, re.Pattern[str]], Any]:
    """The regexes build() returns ({name: pattern}, extra data), compiled, with the extra data
    (anything marshal keeps); from `path` when it was written for the same key, else built,
    compiled and written there. `key` must name everything build() makes them from."""
    path = path.with_name(f"{path.stem}.{sys.implementation.cache_tag}{path.suffix}")
    key = hashlib.sha256(repr((sys.version, unicodedata.unidata_version, flags, key))
                         .encode("utf-8", "surrogatepass")).hexdigest()
    try:
        import _sre

        saved_key, saved, extra = marshal.loads(path.read_bytes())
        if saved_key == key:
            return {name: _sre.compile(pattern, *args) for name, (pattern, args) in saved.items()}, extra
    except Exception:  # no file yet, another version's, or damaged: compile
        pass
    patterns, extra = build()
    try:
        regexes, engine_code = _compile_keeping_code(patterns, flags)
    except Exception:  # this Python's regex internals differ: compile as anyone does, keep nothing
        return {name: re.compile(pattern, flags) for name, pattern in patterns.items()}, extra
    _write(path, marshal.dumps((key, engine_code, extra)))
    return regexes, extra


def _compile_keeping_code(patterns: dict[str, str], flags: int):
    """re.compile as Python's re._compiler.compile does it, keeping the engine code to save."""
    import _sre
    from re import _compiler, _parser

    regexes, engine_code = {}, {}
    for name, pattern in patterns.items():
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for group, i in groupindex.items():
            indexgroup[i] = group
        args = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        regexes[name], engine_code[name] = _sre.compile(pattern, *args), (pattern, args)
    return regexes, engine_code


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as f:
            f.write(data)
        try:
            os.chmod(f.name, 0o600)  # the owner's cache
            os.replace(f.name, path)  # whole or not at all, when two runs write at once
        except OSError:
            os.unlink(f.name)
            raise
    except OSError:  # a read-only install: every run compiles
        pass
