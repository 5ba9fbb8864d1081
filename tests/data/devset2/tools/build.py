"""Rebuilds ../inbox, ../sent and ../labels.toml of the second dev set from cases_*.py.

Run `python tests/data/devset2/tools/build.py`; the generator itself is tests/data/tools/build.py.
"""
import sys
from pathlib import Path

SET_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SET_DIR.parent / "tools"))  # ahead of this folder: `build` is the shared module
from build import build  # noqa: E402
import cases  # noqa: E402

# The MIME boundaries the committed multipart messages were written with (random at the time).
BOUNDARIES = {
    "guest-post-en": "===============0830880315129749961==",
    "podcast-feature-en": "===============0497889702355854809==",
    "forsikring-nb": "===============7031404118568721350==",
    "factoring-sv": "===============8021603060328624713==",
    "dsgvo-de": "===============1695822615507008499==",
    "crm-en": "===============5904234613210746284==",
    "mobilabonnement-da": "===============6826905539720560840==",
    "google-ads-pl": "===============8775610506524231973==",
}

if __name__ == "__main__":
    build(SET_DIR, cases, "# Labels for tests/data/devset2/inbox (see README.md). One table per file.",
          boundaries=BOUNDARIES, sniff_html=True)
