"""Rebuilds ../inbox, ../sent and ../labels.toml of the HELD-OUT set from cases.py.

Run `python tests/data/holdout/tools/build.py`; the generator itself is tests/data/tools/build.py.
"""
import sys
from pathlib import Path

SET_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SET_DIR.parent / "tools"))  # ahead of this folder: `build` is the shared module
from build import build  # noqa: E402
import cases  # noqa: E402

# The MIME boundaries the committed multipart messages were written with (random at the time).
BOUNDARIES = {
    "ai-chatbot-lemlist-en": "===============5343537968188270693==",
    "accounting-app-hubspot-da": "===============3781483656935963609==",
    "ai-assistant-sv": "===============3685717882534554655==",
    "lead-list-apollo-en": "===============3960628465637109655==",
    "accounting-system-nb": "===============3826905966668384164==",
    "shop-conversion-de": "===============6500802375837319350==",
    "linkedin-15-minutes-hubspot-en": "===============8919228976872829584==",
    "newsletter-process-notes-en": "===============1522772455542489395==",
    "ai-chatbot-bump-en": "===============8518890957910557116==",
    "translation-agency-pl": "===============3033242535993618768==",
    "car-leasing-da": "===============5693000125689846449==",
    "newsletter-sv": "===============1914679515947564767==",
    "newsletter-nb": "===============5142342661798823050==",
    "newsletter-de": "===============6956682728198078115==",
    "ai-chatbot-breakup-en": "===============1026715905677722667==",
    "newsletter-pl": "===============3352869280892802302==",
}

if __name__ == "__main__":
    build(SET_DIR, cases, "# Labels for tests/data/holdout/inbox (see README.md). HELD OUT: never tune on this set.",
          boundaries=BOUNDARIES)
