"""What the owner's taps say about an organisation (issue 9): a colleague marked wanted makes a
new address at the same company a known sender; a blocked colleague makes it a repeat. Freemail
domains are no organisation. SQLite and PostgreSQL."""
from __future__ import annotations

from nejtak.bot.config import parse
from nejtak.bot.pipeline import Pipeline


def history(store, address: str):
    return store.sender_history("email", address, address.rsplit("@", 1)[1], [])


def test_a_wanted_colleague_makes_a_new_address_known(store):
    assert not history(store, "new@acme.example").known
    store.set_wanted("email", "pat@acme.example")
    h = history(store, "new@acme.example")
    assert h.known and h.wanted and h.wanted_via == "domain:acme.example"
    assert not history(store, "someone@other.example").known
    store.set_wanted("email", "friend@gmail.com")  # a freemail domain is no organisation
    assert not history(store, "stranger@gmail.com").known


def test_a_blocked_colleague_makes_a_new_address_a_repeat_and_a_wanted_one_wins(store):
    store.set_blocked("email", "pat@acme.example")
    h = history(store, "new@acme.example")
    assert not h.known and len(h.refusals) == 1 and h.refused_via == "blocked:acme.example"
    assert not history(store, "stranger@gmail.com").refusals
    store.set_blocked("email", "spam@gmail.com")
    assert not history(store, "stranger@gmail.com").refusals
    store.set_wanted("email", "boss@acme.example")  # the owner deals with the company after all
    h = history(store, "other@acme.example")
    assert h.wanted and not h.refusals


def test_a_new_address_at_a_blocked_company_gets_the_reminder_and_a_block_suggestion(store, make_inbound):
    config = parse('mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["me@owner.example"]\n', "t.toml")
    store.set_blocked("email", "pat@acme.example")
    msg = make_inbound(sender="new@acme.example")
    decision = Pipeline(config, store).decide(msg, history(store, "new@acme.example"))
    hit = next(h for h in decision.verdict.hits if h.name == "REPEAT_AFTER_REFUSAL")
    assert "a colleague at acme.example was blocked on" in hit.evidence
    assert decision.escalate
