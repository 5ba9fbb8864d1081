"""Write bot/language_model.bin.gz: py3langid's model cut down to nejtak's candidate languages.

The same arrays py3langid's `set_languages` keeps (the feature DFA whole, the per-language
columns of the candidates only), so detection judges exactly as the full model restricted
does, loading in a tenth of the time. Run it again when py3langid's model changes
(tests/test_language.py says when).
Usage: python tools/language_model.py [--out bot/language_model.bin.gz]
"""
from __future__ import annotations

import argparse
import time

from nejtak.bot import language


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(language.MODEL_FILE))
    args = ap.parse_args()
    identifier = language.full_model()
    identifier.set_languages(language._CANDIDATES)
    language.save(identifier, args.out)
    t = time.process_time()
    loaded = language._load(args.out)
    print(f"wrote {args.out}: {len(loaded.nb_classes)} languages, loads in {time.process_time() - t:.3f} s CPU")


if __name__ == "__main__":
    main()
