"""The owner layer as the owner meets it: a tap moves that message's judgement a bounded way,
undo puts everything back, a relabel replaces, reset forgets, a restart and a second process
judge the same, a friend is never made a pitch by a mistaken tap, and the evidence says which
labelled messages spoke. Real SQLite stores, the shipped text model, the real pipeline.
Texts here are written for these tests, not taken from the training corpus."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from nejtak.bot import learning as learning_module
from nejtak.bot.config import parse
from nejtak.bot.learning import OwnerLearning
from nejtak.bot.mail.reader import read_message
from nejtak.bot.model import owner as owner_layer
from nejtak.bot.model import text as text_model
from nejtak.bot.pipeline import Pipeline
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.signals.base import judged_text
from nejtak.bot.store import Store

OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["{OWNER}"]\n'
               f'trusted_authserv_ids = ["mx.holm.example"]\n[reply]\nmax_per_hour = 1000\n', "t.toml")
CAP = CONFIG.classifier.weights["OWNER_FEEDBACK"]

TEXTS = {
    # a friend's plans: the shipped model is sure this is wanted mail
    "friend": ("Saturday?", "Hi Anna,\n\nAre we still on for the climbing trip on Saturday? I can pick you up at "
               "eight, bring the rope and some sandwiches. Tell me if Tom is coming too.\n\nCheers,\nOla"),
    # a buyer: wanted, and a pitch the model is sure of
    "buyer": ("Quote for a kitchen extension", "Dear Anna,\n\nWe saw the library extension you designed in "
              "Bergen and would like a quote for a rear kitchen extension of about 30 square metres. Could you "
              "visit the house in January?\n\nKind regards,\nIngrid Dahl"),
    "seo": ("More customers from Google", "Hi Anna,\n\nWe are a digital marketing agency and help small firms "
            "rank higher on Google. Our SEO package costs 249 EUR per month, no contract. Can we book a short "
            "call next week to show you what we could do for you?\n\nBest regards,\nMark"),
}


def message(name: str, sender: str = "ola@vendor.example"):
    subject, body = TEXTS[name]
    raw = (f"Return-Path: <{sender}>\r\nAuthentication-Results: mx.holm.example; "
           f"dmarc=pass header.from={sender.rsplit('@', 1)[1]}\r\nFrom: Ola Berg <{sender}>\r\n"
           f"To: Anna <{OWNER}>\r\nSubject: {subject}\r\nDate: Tue, 01 Dec 2026 09:00:00 +0100\r\n"
           f"Message-ID: <{name}@vendor.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n")
    return read_message(raw.encode(), "t")


def text(name: str) -> str:
    return judged_text(message(name), [OWNER])


def shipped_logit(name: str) -> float:
    return text_model.shipped().score(text(name), drivers=0).logit


# A friend's plans, wanted, that the shipped model is unsure of (-MARGIN < logit < 0). Which text
# fits moves a little with each retraining, so "friend2" is the first of these that fits the
# shipped model; when none does, the module fails to load and says so.
FRIEND2 = [
    ("Sunday instead?", "Hi Anna,\n\nCould we move the climbing trip to Sunday? I can still pick you up at eight "
     "and bring the rope. Quick question: would a short stop at the new gym afterwards work for you? Let me "
     "know if that works for you and Tom.\n\nCheers,\nOla"),
    ("Sunday instead?", "Hi Anna,\n\nCould we move the climbing trip to Sunday? I can still pick you up at eight "
     "and bring the rope. They offer a guided route for 150 kr per person now, worth a try? Let me know if "
     "that works for you and Tom.\n\nCheers,\nOla"),
    ("Sunday instead?", "Hi Anna,\n\nCould we move the climbing trip to Sunday? I can still pick you up at eight "
     "and bring the rope. Let me know if that works for you and Tom.\n\nCheers,\nOla"),
]
for TEXTS["friend2"] in FRIEND2:
    if -owner_layer.MARGIN < shipped_logit("friend2") < 0:
        break
else:
    raise RuntimeError("no FRIEND2 text is wanted mail the shipped model is unsure of: write one that is")


def owner_logit(learning: OwnerLearning, name: str) -> float:
    said = learning.judge(text(name))
    return said.owner if said else 0.0


def teach(learning: OwnerLearning, label: str, name: str):
    msg = message(name)
    return learning.teach(label, "digest", judged_text(msg, [OWNER]), message_id=msg.message_id,
                          channel=msg.channel, sender=msg.sender, subject=msg.subject)


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'nejtak.db'}"


@pytest.fixture
def store(url):
    s = Store(url)
    yield s
    s.close()


@pytest.fixture
def learning(store):
    return OwnerLearning(store, [OWNER])


@pytest.fixture(autouse=True)
def shipped_model():
    if text_model.shipped() is None:
        pytest.fail("the shipped text model (bot/model/text_model.bin) is missing", pytrace=False)


def decide(learning: OwnerLearning | None, name: str, history: SenderHistory | None = None,
           sender: str = "ola@vendor.example"):
    return Pipeline(CONFIG, None, learning=learning).decide(message(name, sender), history or SenderHistory())


# A pitch without sales words that the shipped model cannot tell (|logit| < 1, not marked), and a
# second like it. Which pair fits moves with each retraining (the 94-writer model marks the
# first), so "plants" and "plants2" are the first pair that fits the shipped model; when none
# does, the module fails to load and says so.
PLANTS = [
    (("Plants for the studio", "Hi Anna,\n\nDo you look after the plants in your studio yourselves? "
      "We keep the greenery of a few small offices in Oslo watered and fresh, and they tell us it is one "
      "job less. Would a short chat next week be useful?\n\nThanks,\nPer"),
     ("The plants at your studio", "Hi Anna,\n\nWho waters the plants in your studio? We keep the "
      "greenery of some small offices in Oslo fresh and watered, and they say it is one job less. Would "
      "a short talk next week help?\n\nBest wishes,\nLiv")),
    (("The studio plants", "Hi Anna,\n\nDo you look after the plants in your studio yourselves? I look after "
      "the greenery of a few small offices nearby, watering and repotting once a week. Tell me if that is "
      "ever of use.\n\nPer"),
     ("Plants at your studio", "Hi Anna,\n\nWho looks after the plants in your studio? I water and repot the "
      "greenery of some small offices nearby once a week. Let me know if that would ever help.\n\nLiv")),
    (("Plants", "Hi Anna,\n\nI water the plants of a few offices on your street every week. Would yours need it "
      "too?\n\nPer"),
     ("Plants", "Hi Anna,\n\nI water the plants of some offices on your street each week. Do yours need it as "
      "well?\n\nLiv")),
]
for TEXTS["plants"], TEXTS["plants2"] in PLANTS:
    if abs(shipped_logit("plants")) < 1.0 and not decide(None, "plants").verdict.unsolicited:
        break
else:
    raise RuntimeError("no PLANTS pair is a pitch the shipped model cannot tell: write one that is")


def hit(decision, name: str):
    return next((h for h in decision.verdict.hits if h.name == name), None)


def test_a_label_moves_its_own_message_toward_its_side_by_at_most_the_cap(learning):
    assert shipped_logit("friend") < -owner_layer.STEP_CAP + owner_layer.MARGIN  # far on the wanted side
    teach(learning, "pitch", "friend")  # a mistaken tap
    moved = owner_logit(learning, "friend")
    assert moved == pytest.approx(owner_layer.STEP_CAP, abs=1e-4)  # toward pitch, and no further
    assert shipped_logit("friend") + moved < owner_layer.MARGIN  # short of the margin it was taught toward


def test_a_label_on_a_near_miss_puts_it_margin_on_its_side(learning):
    assert abs(shipped_logit("plants")) < 1.0  # the shipped model cannot tell
    assert not decide(learning, "plants").verdict.unsolicited
    teach(learning, "pitch", "plants")
    assert shipped_logit("plants") + owner_logit(learning, "plants") == pytest.approx(owner_layer.MARGIN, abs=1e-3)
    assert decide(learning, "plants").verdict.unsolicited
    # a message already past the margin on its side teaches nothing more (its label is kept)
    assert shipped_logit("friend") + owner_logit(learning, "friend") < -owner_layer.MARGIN
    before = dict(learning.layer.weights)
    assert teach(learning, "wanted", "friend") is not None
    assert learning.layer.weights == before


def test_the_same_label_twice_is_kept_once(learning, store):
    assert teach(learning, "pitch", "plants") is not None
    weights = dict(learning.layer.weights)
    assert teach(learning, "pitch", "plants") is None
    assert learning.layer.weights == weights and len(store.active_labels()) == 1


def test_a_label_given_while_the_model_could_not_be_read_is_kept_and_taught_once_it_can(learning, store,
                                                                                         monkeypatch, caplog):
    """A damaged model file: a tap is still recorded, but teaches nothing (and says so); given
    again once the model reads, the label teaches as if given then, and replaces the empty one."""
    model = text_model.shipped()
    monkeypatch.setattr(text_model, "_loaded", [None])
    with caplog.at_level("WARNING", logger="nejtak.learning"):
        assert teach(learning, "pitch", "plants") is not None
    assert not learning.layer.weights and "teaches nothing yet" in caplog.text
    assert teach(learning, "pitch", "plants") is None  # still no model: kept once, nothing to redo
    monkeypatch.setattr(text_model, "_loaded", [model])
    again = teach(learning, "pitch", "plants")
    assert again is not None and learning.layer.weights  # taught now
    assert [r.id for r in store.active_labels()] == [again.id]
    assert owner_logit(learning, "plants") > 0
    assert teach(learning, "pitch", "plants") is None  # and then known, as any label


def test_undo_restores_the_judgement_exactly(learning):
    teach(learning, "pitch", "plants")
    before = decide(learning, "plants2")
    kept = owner_logit(learning, "plants2")
    teach(learning, "pitch", "friend")  # a mistaken tap, then Undo
    assert decide(learning, "friend2").verdict.score != decide(None, "friend2").verdict.score
    assert learning.forget(message_id=message("friend").message_id) == 1
    assert owner_logit(learning, "plants2") == pytest.approx(kept, abs=1e-9)
    after = decide(learning, "plants2")
    assert (after.verdict.score, after.action, after.verdict.report()) == \
           (before.verdict.score, before.action, before.verdict.report())
    assert learning.forget(message_id=message("plants").message_id) == 1
    assert learning.layer.weights == {} and learning.judge(text("plants2")) is None
    assert decide(learning, "friend2").verdict.report() == decide(None, "friend2").verdict.report()
    assert learning.forget(message_id=message("plants").message_id) == 0  # nothing left to undo


def test_a_relabel_replaces_the_earlier_label(learning, store):
    teach(learning, "pitch", "buyer")  # a slip of the finger...
    assert owner_logit(learning, "buyer") > 0
    row = teach(learning, "wanted", "buyer")  # ...corrected
    assert row is not None and [r.id for r in store.active_labels()] == [row.id]
    moved = owner_logit(learning, "buyer")
    assert -owner_layer.STEP_CAP - 1e-4 <= moved <= 0  # only the wanted label counts, within its cap
    assert store.label_counts() == {"wanted": {"digest": 1}, "taken back": {"digest": 1}}


def test_reset_drops_everything_learned(learning, store, url):
    for label, name in (("pitch", "plants"), ("pitch", "friend"), ("wanted", "buyer")):
        teach(learning, label, name)
    assert learning.reset() == 3
    assert learning.layer.weights == {} and learning.judge(text("plants")) is None
    assert learning.stats()["active"] == 0 and store.label_counts() == {"taken back": {"digest": 3}}
    assert decide(learning, "plants").verdict.report() == decide(None, "plants").verdict.report()
    again = Store(url)
    try:
        assert OwnerLearning(again, [OWNER]).judge(text("plants")) is None  # gone after a restart too
    finally:
        again.close()


def test_the_layer_survives_a_restart(learning, url):
    teach(learning, "pitch", "plants")
    teach(learning, "wanted", "buyer")
    teach(learning, "pitch", "friend")
    learning.forget(message_id=message("friend").message_id)
    before = {name: decide(learning, name) for name in TEXTS}
    again = Store(url)
    try:
        restarted = OwnerLearning(again, [OWNER])
        assert restarted.layer.weights.keys() == learning.layer.weights.keys()
        for name, earlier in before.items():
            now = decide(restarted, name)
            assert (now.verdict.score, now.action, now.verdict.report()) == \
                   (earlier.verdict.score, earlier.action, earlier.verdict.report()), name
            assert owner_logit(restarted, name) == pytest.approx(owner_logit(learning, name), abs=1e-6)
    finally:
        again.close()


def test_a_second_learning_sees_labels_another_added_and_took_back(learning, url, monkeypatch):
    monkeypatch.setattr(learning_module, "REFRESH_SECONDS", 0.0)  # look at every judgement, not every 5 s
    again = Store(url)
    try:
        daemon = OwnerLearning(again, [OWNER])  # the daemon, while `nejtak learn` teaches
        assert daemon.judge(text("plants")) is None
        teach(learning, "pitch", "plants")
        assert owner_logit(daemon, "plants") == pytest.approx(owner_logit(learning, "plants"), abs=1e-9)
        assert decide(daemon, "plants").verdict.unsolicited
        learning.forget(message_id=message("plants").message_id)
        assert daemon.judge(text("plants")) is None
        assert not decide(daemon, "plants").verdict.unsolicited
    finally:
        again.close()


def test_one_mistaken_pitch_tap_cannot_make_a_friend_a_pitch(learning):
    teach(learning, "pitch", "friend")  # the owner tapped Block on a friend's message by mistake
    friend = SenderHistory(owner_wrote_to=True)  # a known correspondent
    d = decide(learning, "friend2", friend)
    assert not d.verdict.unsolicited and d.action == "none" and d.reply is None
    pushed = hit(d, "OWNER_FEEDBACK")
    assert pushed is not None and 0 < pushed.weight <= CAP  # the tap counts, at most its cap
    # nor does the friend's very message come back as a pitch, nor a later one of theirs
    assert not decide(learning, "friend", friend).verdict.unsolicited


def test_owner_feedback_names_the_similar_labelled_messages_and_the_date(learning):
    assert hit(decide(learning, "plants2"), "OWNER_FEEDBACK") is None  # nothing taught yet
    teach(learning, "pitch", "plants")
    teach(learning, "pitch", "friend")  # another pitch label, on nothing like plants
    d = decide(learning, "plants2", sender="liv@other.example")
    h = hit(d, "OWNER_FEEDBACK")
    assert h is not None and 0 < h.weight <= CAP and d.verdict.unsolicited
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    assert re.match(rf"1 similar message\(s\) marked pitch, last on {today}; words: ", h.evidence), h.evidence
    assert re.search(r'"[^"]*(plant|green|water|job|office|oslo|fresh)[^"]*"', h.evidence), h.evidence


def test_wanted_labels_speak_for_wanted_mail_and_say_so(learning):
    assert -owner_layer.MARGIN < shipped_logit("friend2") < 0  # wanted, but the model is unsure
    teach(learning, "wanted", "friend2")
    w = hit(decide(learning, "friend"), "OWNER_FEEDBACK")
    assert w is not None and -CAP <= w.weight < 0
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    assert w.evidence.startswith(f"1 similar message(s) marked wanted, last on {today}; words: "), w.evidence


def test_labels_are_kept_in_the_bucket_space_labels_had_before_the_model_grew(learning, store):
    """The shipped model has 2^21 buckets since 2026-12-03; labels taught before were stored in
    the 2^18 buckets it had then. The layer folds a text into 2^18 (the low bits of the same
    hash), so a stored label names the same features it named when it was taught."""
    row = teach(learning, "pitch", "plants")
    delta = owner_layer.unpack(store.active_labels()[0].delta)
    assert row is not None and delta and max(delta) <= owner_layer.MASK
    import zlib
    words, subject = text_model._tokens(text("plants"))
    grams = [g for w in words for g in text_model._grams(w)] + [f"s:{w}" for w in subject] + \
        [text_model._pair(a, b) for a, b in zip(words, words[1:])]
    old_buckets = {zlib.crc32(g.encode()) & ((1 << 18) - 1) for g in grams}  # the old model's buckets
    assert set(delta) <= old_buckets
    said = learning.judge(text("plants"))
    assert said is not None and said.owner > 0 and said.drivers  # the words behind it are named
