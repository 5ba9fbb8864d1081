"""`make_dossier` (issue 12): a sender's or an organisation's dossier, as HTML and as PDF, holds
every message, refusal, reminder and block suggestion with its date, the server's acceptance,
the SHA-256 of each raw message and of its own facts, on both channels."""
from __future__ import annotations

import hashlib
import io
import re
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from nejtak.bot.dossier import NothingRecorded, make_dossier
from nejtak.bot.store import Store
from tests.dossier.conftest import LUKASZ, SALES, TG, TG_PITCH

TRUSTED = ["mx.holm.example"]
NOW = datetime(2026, 12, 24, 9, 0, tzinfo=timezone.utc)


def at(dt: datetime | None) -> str:
    return f"{dt.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def made(story, target: str, fmt: str, **kw):
    store = Store(story.url)
    try:
        return make_dossier(store, target, fmt=fmt, now=NOW, trusted_authserv_ids=TRUSTED, **kw)
    finally:
        store.close()


def html_of(story, target: str, **kw) -> HTMLParser:
    m = made(story, target, "html", **kw)
    assert m.media_type == "text/html" and m.filename.endswith("-2026-12-24.html")
    return HTMLParser(m.content.decode("utf-8"))


def pdf_of(story, target: str, **kw) -> tuple[str, PdfReader]:
    m = made(story, target, "pdf", **kw)
    assert m.media_type == "application/pdf" and m.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(m.content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def summary(tree: HTMLParser) -> dict[str, list[str]]:
    return {row.css_first("th").text(): [li.text() for li in row.css("li")]
            for row in tree.css("#summary tr")}


def lukasz(story):
    refusal, reminder = [r for r in story.replies if r["sender"] == LUKASZ]
    assert (refusal["kind"], reminder["kind"]) == ("refusal", "reminder")
    return refusal, reminder


def test_a_sender_dossier_in_html_holds_every_event_with_its_date_and_hash(story):
    refusal, reminder = lukasz(story)
    tree = html_of(story, LUKASZ)
    s = summary(tree)
    assert s["Addresses"] == [LUKASZ] and s["Names"] == ["Łukasz Nowak"]
    assert s["Organisation"] == ["leadfabrik.example"]
    assert s["Contacts"][0].startswith("2 messages")
    assert s["Requests to stop"] == [
        f"{at(refusal['sent_at'])}: refusal by e-mail, no answer from the sender",
        f"{at(reminder['sent_at'])}: reminder by e-mail, no answer from the sender"]
    repeat_date = datetime.fromisoformat(re.search(r"last (\S+ \S+) UTC", s["Contacts"][0]).group(1) + "+00:00")
    # the repeat is dated 71 hours after the refusal went out: two whole days
    assert s["Contacts after the first request"] == [f"{at(repeat_date)}: 2 days after the first request"]
    [suggestion] = [b for b in story.suggestions if b["sender"] == LUKASZ]
    assert s["Block suggestions"] == [f"{at(suggestion['created_at'])}: {suggestion['reason']} (open)"]

    entries = tree.css("#timeline article")
    assert [e.attributes["class"] for e in entries].count("entry in") == 2
    outs = [flat(e.text()) for e in entries if e.attributes["class"] == "entry out"]
    assert len(outs) == 2
    first, second = outs
    assert f"Refusal sent to {LUKASZ}" in first and "Reminder sent to" in second
    assert f"{at(refusal['sent_at'])}: 250 2.0.0 Ok: queued as 4QxR1" in first
    assert f"<{refusal['message_id']}>" in first
    assert f"copied to the Sent folder {at(refusal['filed_at'])}" in first
    assert "no copy in the Sent folder recorded" in second and "4QxR2" in second
    assert "Please do not contact me again." in first  # the refusal's text
    ins = [flat(e.text()) for e in entries if e.attributes["class"] == "entry in"]
    assert all("mx.holm.example vouched for it: dmarc=pass" in e for e in ins)
    assert "Więcej klientów dla holm.example?" in ins[0] and "grøn vækst, große Reichweite" in ins[0]
    assert [flat(e.text()).strip() for e in entries if e.attributes["class"] == "entry block"] == [
        f"{at(suggestion['created_at'])}Block suggested for {LUKASZ} Reason{suggestion['reason']}"]
    # integrity: each raw message's hash, and the dossier's own over the facts printed in it
    hashes = [td.text() for td in tree.css("#integrity td.hash")]
    assert hashes == story.sha(LUKASZ) and len(hashes) == 2
    facts = tree.css_first("#facts-json").text()
    assert tree.css_first("#dossier-sha256").text() == hashlib.sha256(facts.encode("utf-8")).hexdigest()
    assert "not legal advice" in tree.css_first("#law").text()
    assert "Art. 21(2)" in tree.css_first("#law").text()


def test_a_sender_dossier_in_pdf_holds_the_same_and_its_facts_are_attached(story):
    refusal, reminder = lukasz(story)
    text, reader = pdf_of(story, LUKASZ)
    one = flat(text)
    for sha in story.sha(LUKASZ):
        assert sha in text
    assert f"{at(refusal['sent_at'])}: 250 2.0.0 Ok: queued as 4QxR1" in one
    assert f"{at(reminder['sent_at'])}: 250 2.0.0 Ok: queued as 4QxR2" in one
    assert refusal["message_id"] in one.replace(" ", "") and reminder["message_id"] in one.replace(" ", "")
    assert f"copied to the Sent folder {at(refusal['filed_at'])}" in one
    [suggestion] = [b for b in story.suggestions if b["sender"] == LUKASZ]
    assert f"Block suggested for {LUKASZ}" in one and at(suggestion["created_at"]) in one
    assert "Łukasz Nowak" in one and "grøn vækst, große Reichweite" in one  # ł, ø, ß drawn as text
    assert "days after the first request" in one and "not legal advice" in one
    [facts] = reader.attachments["dossier-facts.json"]
    own = hashlib.sha256(facts).hexdigest()
    assert own in text
    assert html_of(story, LUKASZ).css_first("#dossier-sha256").text() == own  # both formats: the same facts


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_domain_dossier_holds_every_address_of_the_organisation(story):
    tree = html_of(story, "leadfabrik.example")
    s = summary(tree)
    assert s["Addresses"] == [LUKASZ, SALES]
    assert s["Names"] == ["Leadfabrik Sales", "Łukasz Nowak"]
    assert s["Contacts"][0].startswith("3 messages")
    hashes = [td.text() for td in tree.css("#integrity td.hash")]
    assert sorted(hashes) == sorted(story.sha(LUKASZ) + story.sha(SALES)) and len(hashes) == 3
    assert "Partnership for holm.example" in tree.css_first("#timeline").text()
    assert made(story, "leadfabrik.example", "pdf").filename == "dossier-leadfabrik.example-2026-12-24.pdf"
    # a part of the domain is the same organisation: sub.domain would hold none of these
    with pytest.raises(NothingRecorded):
        made(story, "other.example", "html")


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_a_telegram_senders_dossier_shows_the_chat_messages_and_the_replies(story):
    tree = html_of(story, TG)
    s = summary(tree)
    assert s["Addresses"] == [TG] and s["Names"] == ["Olga Growth"]
    timeline = flat(tree.css_first("#timeline").text())
    assert TG_PITCH in timeline and "Hello again, still interested in followers?" in timeline
    assert "a Telegram account (Telegram identifies its users)" in timeline
    replies = [r for r in story.replies if r["sender"] == TG]
    assert [r["kind"] for r in replies] == ["refusal", "reminder"]
    for r in replies:
        assert f"Sent in the Telegram chat{at(r['sent_at'])}" in timeline
        assert flat(r["body"]) in timeline
    assert [x for x in s["Requests to stop"] if "by Telegram" in x] == s["Requests to stop"]
    text, _ = pdf_of(story, TG)
    assert "Olga Growth" in text and "Instagram followers" in flat(text)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_html_fetches_nothing_and_runs_nothing(story):
    html = made(story, "leadfabrik.example", "html").content.decode()
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("link") == [] and tree.css("img") == [] and tree.css("iframe") == []
    for node in tree.css("[src], [href]"):
        assert node.tag == "a", node.html  # links to read, never a resource loaded
    style = "".join(n.text() for n in tree.css("style"))
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"\son\w+=", html)  # no event handlers


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_same_records_give_the_same_hash(story):
    a = made(story, LUKASZ, "html")
    store = Store(story.url)
    try:
        b = make_dossier(store, LUKASZ.upper(), fmt="html", now=datetime(2027, 1, 1, tzinfo=timezone.utc),
                         trusted_authserv_ids=TRUSTED)
    finally:
        store.close()
    own = [HTMLParser(x.content.decode()).css_first("#dossier-sha256").text() for x in (a, b)]
    assert own[0] == own[1]  # the same records, made on another day: the same hash


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_owner_language_and_unknown_ones(story):
    tree = html_of(story, LUKASZ, lang="da")
    assert tree.css_first("html").attributes["lang"] == "da"
    assert "Tidslinje" in tree.css_first("#timeline h2").text()
    assert "ikke juridisk rådgivning" in tree.css_first("#law").text()
    with pytest.raises(ValueError, match="there are: .*da.*en"):
        made(story, LUKASZ, "html", lang="xx")


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_nothing_recorded(story):
    for target in ("nobody@leadfabrik.example", "tg:1", "unknown.example"):
        with pytest.raises(NothingRecorded):
            made(story, target, "pdf")


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_owner_country_names_its_rule_and_authorities_and_never_robinson(story):
    law = pytest.importorskip("nejtak.bot.law")
    rule = law.law_for("DK")
    text = flat(html_of(story, LUKASZ, country="DK").css_first("#law").text())
    assert rule.law in text and rule.authority in text and rule.dpa in text and rule.dpa_url in text
    assert "Art. 21(2)" in text and "not legal advice" in text
    assert "robinson" not in text.lower()
    plain = flat(html_of(story, LUKASZ).css_first("#law").text())  # no country: the GDPR part alone
    assert rule.law not in plain and "data protection authority" in plain


def test_days_after_the_request_count_on_nejtaks_clock_not_the_senders_date(story):
    """A repeat that reached nejtak after the request but carries a Date from before it (the
    sender's word) is still a contact after the request, counted from when nejtak got it."""
    from datetime import timedelta

    from sqlalchemy import update

    from nejtak.bot.mail.reader import read_message
    from nejtak.bot.pipeline import Pipeline
    from nejtak.bot.store.models import InboundRow
    from tests.dossier.conftest import CONFIG, email_raw

    refusal, _ = lukasz(story)
    store = Store(story.url)
    try:
        backdated = refusal["sent_at"] - timedelta(days=10)
        outcome = Pipeline(CONFIG, store).process(read_message(
            email_raw(LUKASZ, "Łukasz Nowak", "Still interested?", backdated), "t", keep_raw=True))
        came = refusal["sent_at"] + timedelta(days=5, hours=1)
        with store._tx() as s:
            s.execute(update(InboundRow).where(InboundRow.id == outcome.inbound_id).values(stored_at=came))
    finally:
        store.close()
    later = summary(html_of(story, LUKASZ))["Contacts after the first request"]
    assert f"{at(came)}: 5 days after the first request" in later


def test_the_law_section_says_erasure_and_source_were_asked_only_when_they_were(story):
    """The shipped refusal cites Art. 17 and 15; a dossier says the requests asked for them
    only when a request that went out did (the GDPR sentences can be switched off)."""
    from sqlalchemy import update

    from nejtak.bot.store.models import OutboxRow

    asked = "The requests also asked for the data to be erased (Art. 17)"
    assert asked in flat(html_of(story, LUKASZ).body.text())
    store = Store(story.url)
    try:
        with store._tx() as s:  # as sent with gdpr_erasure and gdpr_source off
            s.execute(update(OutboxRow).values(body="Thanks, but no thanks. Please remove my details."))
    finally:
        store.close()
    assert asked not in flat(html_of(story, LUKASZ).body.text())
