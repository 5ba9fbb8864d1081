"""The writers' corpus is what issue 8 asks of it: enough messages, writers, languages and
wanted mail, every message labelled and attributed to its writer."""
from collections import Counter

from tools import corpus

LANGUAGES = {"en", "da", "sv", "nb", "de", "pl", "nl", "fi", "fr", "es", "it"}


def test_the_corpus_is_large_varied_and_attributed():
    rows = corpus.load()
    assert len(rows) >= 2000
    assert len({r.writer for r in rows}) >= 8
    assert {r.lang for r in rows} == LANGUAGES
    assert sum(not r.pitch for r in rows) / len(rows) >= 0.40
    assert all(r.label in ("pitch", "wanted") and r.writer and r.id.startswith(r.writer) for r in rows)
    assert len({r.id for r in rows}) == len(rows)
    # every language written by many writers (the first round's writers wrote in all eleven,
    # the later ones in their persona's languages), each with both pitches and wanted mail
    writers_of = {lang: {r.writer for r in rows if r.lang == lang} for lang in LANGUAGES}
    assert min(len(w) for w in writers_of.values()) >= 12, writers_of
    per_language_label = Counter((r.lang, r.label) for r in rows)
    assert min(per_language_label.values()) >= 150, per_language_label


def test_every_row_reads_as_a_message_with_text():
    for row in corpus.load()[::37]:
        msg = corpus.inbound(row)
        assert msg.error is None and (msg.text or msg.subject), row.id
        assert msg.channel == ("telegram" if row.channel == "chat" else "email")
