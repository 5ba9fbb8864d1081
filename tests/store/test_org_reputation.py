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


def test_machine_mail_from_an_organisation_is_known_to_its_other_addresses(store, make_inbound):
    """A web form's receipt from no-reply@ (stopped by the system_sender rule) tells the other
    addresses at that organisation, not the sender itself, and not across a freemail domain."""
    config = parse('mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["me@owner.example"]\n'
                   'trusted_authserv_ids = ["mx.owner.example"]\n', "t.toml")
    pipeline = Pipeline(config, store, simulate=True)

    def vouched(sender: str, **kw):  # DMARC pass from the owner's server: a reply may go out
        domain = sender.rsplit("@", 1)[1]
        return make_inbound(sender=sender, from_count=1, headers={
            "authentication-results": [f"mx.owner.example; dmarc=pass header.from={domain}"]}, **kw)

    receipt = make_inbound(sender="no-reply@acme.example", subject="We received your request",
                           text="Thank you, we received your request and will be in touch.")
    assert pipeline.process(receipt).decision.blocked_by.rule == "system_sender"
    assert pipeline.process(make_inbound(sender="noreply@gmail.com", text="Your code is 1234")
                            ).decision.blocked_by.rule == "system_sender"
    # a firm's mass offer from noreply@ is read as a pitch: it says nothing of the owner's dealings
    offer_from_robot = pipeline.process(make_inbound(
        sender="noreply@offers.example", subject="Grow your agency",
        text="Hi, we help agencies like yours get 20 new clients a month with our SEO and lead generation "
             "package for only 299 EUR. Can we book 15 minutes this week to show you?")).decision
    assert offer_from_robot.verdict.unsolicited and offer_from_robot.blocked_by.rule == "system_sender"
    assert history(store, "anna@offers.example").org_service_mail == 0
    h = history(store, "sales@acme.example")
    assert h.org_service_mail == 1 and h.last_org_service_mail.date().isoformat() == "2024-03-01", h
    assert history(store, "no-reply@acme.example").org_service_mail == 0
    assert history(store, "someone@other.example").org_service_mail == 0
    assert history(store, "stranger@gmail.com").org_service_mail == 0
    # its salesperson's first mail is marked, and drafted for the owner rather than answered
    offer = ("Hi Anna, we help agencies like yours get 20 new clients a month with our SEO and lead "
             "generation package for only 299 EUR. Can we book 15 minutes this week to show you?")
    elsewhere = pipeline.process(vouched("sales@other.example", text=offer)).decision
    assert elsewhere.action == "reply", (elsewhere.verdict.score, elsewhere.action)
    decision = pipeline.process(vouched("sales@acme.example", text=offer)).decision
    assert any(x.name == "ORGANISATION_SERVICE_MAIL" for x in decision.verdict.hits), decision.verdict.hits
    assert decision.verdict.unsolicited and decision.action == "draft", decision.action


def test_a_receipt_that_a_list_rule_stops_first_still_tells_the_firms_other_addresses(store, make_inbound):
    """A web form's receipt sent with List-Unsubscribe (as marketing platforms send it) is
    stopped by the mailing_list rule before system_sender; it is machine mail all the same."""
    config = parse('mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["me@owner.example"]\n', "t.toml")
    receipt = make_inbound(sender="noreply@acme.example", subject="Thanks for your request",
                           text="Thank you, we received your request and will be in touch.",
                           headers={"list-unsubscribe": ["<https://acme.example/u>"]})
    decision = Pipeline(config, store, simulate=True).process(receipt).decision
    assert decision.blocked_by.rule == "mailing_list" and decision.service_mail, decision
    assert history(store, "sales@acme.example").org_service_mail == 1


def test_what_nejtaks_own_refusals_bring_back_is_no_service_mail(store, make_inbound):
    """A bounce or an out-of-office reply to a refusal says nothing of the owner's dealings with
    the firm; a receipt marked Auto-Submitted: auto-generated does."""
    config = parse('mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["me@owner.example"]\n', "t.toml")
    pipeline = Pipeline(config, store, simulate=True)
    away = "I am out of the office until Monday and will answer your message when I am back."
    replies = [
        make_inbound(sender="sales@acme.example", subject="Delivery delayed", text="Your message is delayed.",
                     return_paths=[""], headers={"auto-submitted": ["auto-generated"]}),  # a null Return-Path
        make_inbound(sender="pat@acme.example", subject="Out of office", text=away,
                     headers={"auto-submitted": ["auto-replied (vacation)"]}),
        make_inbound(sender="lee@acme.example", subject="Away", text=away, headers={"x-autoreply": ["yes"]}),
        make_inbound(sender="mailer-daemon@acme.example", subject="Undelivered Mail", text="Delivery failed.",
                     headers={"content-type": ["multipart/report; report-type=delivery-status"]}),
    ]
    for msg in replies:
        decision = pipeline.process(msg).decision
        assert decision.blocked_by is not None and not decision.service_mail, (msg.sender, decision)
    assert history(store, "anna@acme.example").org_service_mail == 0
    receipt = make_inbound(sender="info@acme.example", subject="Your order 1234",
                           text="Thank you for your order 1234. We will ship it on Monday.",
                           headers={"auto-submitted": ["auto-generated"]})
    assert pipeline.process(receipt).decision.service_mail
    assert history(store, "anna@acme.example").org_service_mail == 1
