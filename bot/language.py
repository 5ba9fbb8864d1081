"""The language of a message's new text, from py3langid (its model ships in the package)."""
from __future__ import annotations

import re
import threading

import py3langid.langid as langid

# European languages the owners write and receive in; a short list makes short texts reliable.
_CANDIDATES = ["en", "da", "sv", "no", "nn", "de", "pl", "fr", "es", "it", "nl", "fi", "pt",
               "cs", "sk", "et", "lv", "lt", "is", "ru", "uk"]
_ISO = {"no": "nb", "nn": "nb"}  # replies are written in Bokmål
_LETTER = re.compile(r"[^\W\d_]")
_lock = threading.Lock()
_identifier = None


def _model():
    global _identifier
    with _lock:
        if _identifier is None:
            ident = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
            ident.set_languages(_CANDIDATES)
            _identifier = ident
    return _identifier


def detect(text: str, fallback: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1); the fallback when the text is too short to tell."""
    sample = " ".join(text[:1500].split())[:600]
    if len(_LETTER.findall(sample, 0, 200)) < 12:
        return fallback, 0.0
    code, probability = _model().classify(sample)
    return _ISO.get(code, code), float(probability)
