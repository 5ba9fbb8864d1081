"""Rebuilds ../inbox, ../sent and ../labels.toml of the dev set from cases.py.

Run `python tests/data/devset/tools/build.py`; the generator itself is tests/data/tools/build.py.
"""
import sys
from pathlib import Path

SET_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SET_DIR.parent / "tools"))  # ahead of this folder: `build` is the shared module
from build import build  # noqa: E402
import cases  # noqa: E402

# The MIME boundaries the committed multipart messages were written with (random at the time).
BOUNDARIES = {
    "seo-quick-question-en": "===============0678734238990088852==",
    "seo-pitch-de": "===============1948567571800610879==",
    "calendly-sv": "===============1649153211586038816==",
    "seo-followup-en": "===============1521499007883047749==",
    "came-across-en": "===============8088595694051041672==",
    "calendly-nb": "===============2912201402889125368==",
    "calendly-pl": "===============5420911600377587575==",
    "order-receipt-da": "===============2735623993278822173==",
    "calendly-da": "===============8732893380545395748==",
    "calendar-invite-da": "===============2064433094586705185==",
    "office-invoice-pl": "===============6381569710723936151==",
}

if __name__ == "__main__":
    build(SET_DIR, cases, "# Labels for tests/data/devset/inbox (see README.md). One table per file.",
          boundaries=BOUNDARIES)
