"""Every reply rule of DESIGN.md against real RFC 5322 bytes: which rule stops a reply, and in what order."""
from datetime import datetime, timezone
from pathlib import Path

import pytest

from nejtak.bot.config import parse
from nejtak.bot.guards import GUARDS, first_block
from nejtak.bot.mail.reader import read_message
from nejtak.bot.phrases import PhraseBook
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.signals import SIGNALS
from nejtak.bot.signals.headers import _REPLY_PREFIX as FAKE_REPLY_PREFIX
from nejtak.bot.signals.base import PHRASE_SPAN, Context, judged_text

DATA = Path(__file__).resolve().parent.parent / "data" / "rules"

OWNER = "owner@example.org"
OWNER_2 = "anna@owner-firm.dk"
TRUSTED = "mx.example.org"
SENDER = "anna.sales@leadgen-pro.com"

# DESIGN.md "Reply rules (never break these)", in its order; `newsletter` is rule 3 continued (bulk mail
# without List-* headers), `inbound_lead` rule 9's spirit carried to a buyer and `forwarded` to someone
# passing on another's mail (neither in DESIGN.md's list).
SIGNALS_BY_NAME = {signal.name: signal for signal in SIGNALS}
RULES = [
    "return_path", "auto_submitted", "mailing_list", "newsletter", "system_sender", "recipient", "report",
    "authentication", "already_answered", "known_correspondent", "inbound_lead", "forwarded",
]

PASS_AR = (
    f"{TRUSTED};\r\n\tdkim=pass header.d=leadgen-pro.com header.s=s1 header.b=AbCdEf12;\r\n"
    "\tspf=pass (mx.example.org: domain of anna.sales@leadgen-pro.com designates 203.0.113.7"
    " as permitted sender) smtp.mailfrom=anna.sales@leadgen-pro.com;\r\n"
    "\tdmarc=pass (p=none dis=none) header.from=leadgen-pro.com"
)
BASE_HEADERS = [
    ("Return-Path", f"<{SENDER}>"),
    ("Authentication-Results", PASS_AR),
    ("Received", "from mail.leadgen-pro.com (mail.leadgen-pro.com [203.0.113.7])\r\n"
                 "\tby mx.example.org (Postfix) with ESMTPS id 4Zq1x2Abc\r\n"
                 "\tfor <owner@example.org>; Tue,  4 Mar 2025 09:15:02 +0100 (CET)"),
    ("From", f"Anna Sales <{SENDER}>"),
    ("To", f"Owner <{OWNER}>"),
    ("Subject", "Quick question about your website"),
    ("Date", "Tue, 04 Mar 2025 09:15:00 +0100"),
    ("Message-ID", "<pitch-1.20250304@leadgen-pro.com>"),
    ("MIME-Version", "1.0"),
    ("Content-Type", 'text/plain; charset="utf-8"'),
]
PITCH = (
    "Hi,\r\n\r\nI came across your website and noticed a few quick wins for your SEO.\r\n"
    "We help businesses like yours get more leads. Do you have 15 minutes for a quick call\r\n"
    "this week? Here is my calendar: https://calendly.com/anna-sales/15min\r\n\r\n"
    "Best,\r\nAnna\r\n\r\nIf you are not interested, just reply STOP.\r\n"
)


def build_eml(replace=None, add=(), top=(), body=PITCH) -> bytes:
    """The baseline pitch; `replace` maps a header to a new value (None drops it), `add` appends
    headers after the others, `top` puts headers above them all (as a later relay would)."""
    replace = {k.lower(): v for k, v in (replace or {}).items()}
    headers = []
    for name, value in BASE_HEADERS:
        if name.lower() in replace:
            value = replace.pop(name.lower())
            if value is None:
                continue
        headers.append((name, value))
    headers = [*top, *headers, *add, *((k, v) for k, v in replace.items() if v is not None)]
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return (head + "\r\n" + body).encode("utf-8")


@pytest.fixture
def eml():
    return build_eml


def make_config(trusted=(TRUSTED,), addresses=(OWNER, OWNER_2)):
    lines = ["[owner]", 'name = "Owner Person"',
             "addresses = [" + ", ".join(f'"{a}"' for a in addresses) + "]",
             "trusted_authserv_ids = [" + ", ".join(f'"{t}"' for t in trusted) + "]"]
    return parse("\n".join(lines) + "\n", "test.toml")


@pytest.fixture(scope="module")
def config():
    return make_config()


@pytest.fixture(scope="module")
def phrases(config):
    return PhraseBook(config.phrases_dir)


@pytest.fixture
def check(config, phrases):
    """raw bytes (+ history, config) -> the rule name that blocks a reply, or None."""

    def check(raw: bytes, history: SenderHistory | None = None, cfg=None):
        msg = read_message(raw, "test.eml")
        assert msg.error is None, msg.error
        ctx = Context(cfg or config, history or SenderHistory(), phrases, "en")
        block = first_block(msg, ctx)
        if block is not None:
            assert block.reason, "a block must say why"
        return block.rule if block else None

    return check


def test_guards_are_registered_in_design_order():
    assert [g.name for g in GUARDS] == RULES


def test_baseline_pitch_is_answerable(check, eml):
    assert check(eml()) is None


# --- rule 1: Return-Path --------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    pytest.param(None, id="missing"),
    pytest.param("<>", id="null"),
    pytest.param("< >", id="null-with-space"),
    pytest.param(f"<{SENDER}> <other@leadgen-pro.com>", id="two-addresses"),
    pytest.param("<not-an-address>", id="no-at"),
])
def test_return_path_rule(check, eml, value):
    assert check(eml(replace={"Return-Path": value})) == "return_path"


def test_return_path_with_comma_separated_addresses_is_blocked(check, eml):
    raw = eml(replace={"Return-Path": f"<{SENDER},bcc@victim-corp.com>"})
    assert check(raw) == "return_path"


def test_return_path_source_route_is_answerable(check, eml):
    assert check(eml(replace={"Return-Path": f"<@relay.leadgen-pro.com:{SENDER}>"})) is None


# --- rule 2: Auto-Submitted -----------------------------------------------------------------

@pytest.mark.parametrize("value", ["auto-replied", "auto-generated", "auto-notified",
                                   "Auto-Replied", "auto-generated (vacation)"])
def test_auto_submitted_blocks(check, eml, value):
    assert check(eml(add=[("Auto-Submitted", value)])) == "auto_submitted"


@pytest.mark.parametrize("value", ["no", "No", "no (sent by a person)"])
def test_auto_submitted_no_is_answerable(check, eml, value):
    assert check(eml(add=[("Auto-Submitted", value)])) is None


# --- rule 3: lists and bulk -----------------------------------------------------------------

@pytest.mark.parametrize("name,value", [
    ("List-Id", "Sales tips <tips.leadgen-pro.com>"),
    ("List-Help", "<mailto:help@leadgen-pro.com>"),
    ("List-Subscribe", "<https://leadgen-pro.com/subscribe>"),
    ("List-Unsubscribe", "<https://leadgen-pro.com/u/abc>, <mailto:u@leadgen-pro.com>"),
    ("List-Post", "NO"),
    ("List-Owner", "<mailto:owner@leadgen-pro.com>"),
    ("List-Archive", "<https://leadgen-pro.com/archive>"),
    ("Precedence", "bulk"),
    ("Precedence", "junk"),
    ("Precedence", "list"),
    ("Precedence", " Bulk "),
    ("X-Auto-Response-Suppress", "All"),
    ("X-Auto-Response-Suppress", "OOF"),
    ("X-Auto-Response-Suppress", "AutoReply"),
    ("X-Auto-Response-Suppress", "DR, OOF, AutoReply"),
    ("Feedback-ID", "2718281:campaign:SG"),
], ids=lambda v: v if len(v) < 30 else None)
def test_mailing_list_rule(check, eml, name, value):
    assert check(eml(add=[(name, value)])) == "mailing_list"


def test_precedence_first_class_is_answerable(check, eml):
    assert check(eml(add=[("Precedence", "first-class")])) is None


# rule 3 continued: newsletters without List-* headers (2002's Accucast sent ZDNet's that way)

SUBSCRIBER_FOOTERS = [
    "The e-mail address for your subscription is owner@example.org\r\nUnsubscribe | Manage My Subscriptions",
    "You are receiving this newsletter because you signed up at our shop.",
    "Sie erhalten diesen Newsletter, weil Sie sich für unseren Newsletter angemeldet haben.",
    "Du modtager dette nyhedsbrev, fordi du er tilmeldt.",
    "Du får detta nyhetsbrev eftersom du prenumererar på det.",
    "Otrzymujesz ten newsletter, ponieważ zapisałeś się na naszej stronie.",
    "Vous recevez cette newsletter car vous êtes inscrit à notre newsletter sur notre site.",
    "U ontvangt deze nieuwsbrief omdat u bent ingeschreven voor onze nieuwsbrief.",
]


@pytest.mark.parametrize("footer", SUBSCRIBER_FOOTERS, ids=lambda f: f[:30])
def test_a_mail_that_speaks_to_a_subscriber_is_a_newsletter(check, eml, footer):
    assert check(eml(body=PITCH + "\r\n" + footer + "\r\n")) == "newsletter"


def test_a_subscriber_notice_below_the_signature_line_counts(check, eml):
    assert check(eml(body=PITCH + "-- \r\nACME Weekly\r\nYour subscription settings: https://acme.example/p\r\n")) \
        == "newsletter"


def test_a_subscriber_notice_at_the_end_of_a_long_mail_counts(check, eml):
    """Phrases are looked for in the first PHRASE_SPAN characters; a footer is further down."""
    long_text = "\r\n\r\n".join(f"Story {i}: the week in the harbour, the new ferry and the fish prices." for i in range(150))
    assert len(long_text) > PHRASE_SPAN
    assert check(eml(body=long_text + "\r\n\r\nYou get this because you subscribed to our newsletter.\r\n")) \
        == "newsletter"


@pytest.mark.parametrize("text", [
    "I have subscribed to your blog for years and loved your last post.",
    "We cut SaaS costs: most teams pay for licences nobody uses.",
    "Your subscription signup takes 7 clicks; with us it takes 2.",
    "Unsubscribe: reply STOP.",
    "Sie erhalten diesen Newsletter, weil Ihr Unternehmen im Handelsregister eingetragen ist. Abmelden: x.example/a",
    "Have you signed up for our free SEO audit yet? Have you subscribed to our channel?",
    "Hast du schon unseren Newsletter abonniert?",
    "Manage subscriptions across your team, or change your subscription to a cheaper plan.",
    "Vi kan sänka priset på din prenumeration på Microsoft 365. Du abonnerer på vores løsning i en måned gratis.",
    "Olet tilannut palvelun meiltä aiemmin? Subskrybujesz wiele narzędzi?",
    "U bent ingeschreven bij de Kamer van Koophandel, daarom schrijf ik u.",
    "Vous êtes inscrit au registre du commerce, c'est pourquoi je vous écris.",
    "Sei iscritto alla Camera di Commercio: ti scrivo per questo. Usted está suscrito al registro mercantil.",
    "Du er påmeldt webinaret vårt på torsdag. Du er tilmeldt en gratis prøveperiode.",
], ids=["the seller subscribed", "subscriptions as a topic", "the owner's subscription page", "an opt-out line",
        "a newsletter nobody signed up for", "questions", "a question in German", "a subscription tool",
        "subscriptions sold (sv, da)", "orders and tools (fi, pl)", "a trade register (nl)", "a trade register (fr)",
        "trade registers (it, es)", "webinar and trial (nb, da)"])
def test_a_pitch_that_mentions_subscribing_is_still_answerable(check, eml, text):
    assert check(eml(body=PITCH + "\r\n" + text + "\r\n")) is None


def _long_mail(words: int, links: int) -> str:
    """Exactly `words` words, then `links` links (whose own words are not counted)."""
    text = " ".join(f"word{i % 97}" for i in range(words))
    return text + "\r\n\r\n" + "\r\n".join(f"https://fool.example/m?i={i}" for i in range(links))


def test_a_long_mail_with_many_links_is_a_newsletter(check, eml):
    assert check(eml(body=_long_mail(700, 9))) == "newsletter"


@pytest.mark.parametrize("words,links", [(601, 9), (700, 30)])
def test_over_600_words_and_8_links_is_a_newsletters_shape(check, eml, words, links):
    assert check(eml(body=_long_mail(words, links))) == "newsletter"


@pytest.mark.parametrize("words,links", [(700, 8), (600, 9), (500, 30), (50, 9)])
def test_a_long_mail_with_few_links_or_a_short_one_with_many_is_answerable(check, eml, words, links):
    assert check(eml(body=_long_mail(words, links))) is None


def test_the_newsletter_shape_is_set_in_config(check, eml, config):
    roomy = config.model_copy(update={"reply": config.reply.model_copy(update={"newsletter_words": 1000,
                                                                              "newsletter_links": 20})})
    assert check(eml(body=_long_mail(700, 30)), cfg=roomy) is None
    assert check(eml(body=_long_mail(1100, 20)), cfg=roomy) is None
    assert check(eml(body=_long_mail(1100, 21)), cfg=roomy) == "newsletter"


def test_a_chat_message_is_never_a_newsletter(config, phrases):
    from nejtak.bot.inbound import Inbound

    chat = Inbound(channel="telegram", source="telegram:1/2", message_id="tg-2", sender="tg:7", chat_id=7,
                   text="You get this because you subscribed to our newsletter. Want more followers? "
                        + " ".join(f"https://smm.example/{i}" for i in range(20)) + " word" * 700)
    block = first_block(chat, Context(config, SenderHistory(), phrases, "en"))
    assert block is None or block.rule != "newsletter"


# --- rule 4: system senders -----------------------------------------------------------------

SYSTEM = ["MAILER-DAEMON", "postmaster", "LISTSERV", "majordomo", "sales-request", "owner-sales",
          "no-reply", "noreply", "do-not-reply", "NoReply", "no_reply", "donotreply",
          # "do not reply" in the owners' languages
          "ikke-svar", "ikkesvar", "svar-ikke", "svara-inte", "ej-svar", "nicht-antworten",
          "keine-antwort", "nie-odpowiadaj", "brak-odpowiedzi"]


@pytest.mark.parametrize("local", SYSTEM)
def test_system_sender_in_return_path_and_from(check, eml, local):
    address = f"{local}@leadgen-pro.com"
    raw = eml(replace={"Return-Path": f"<{address}>", "From": f"Robot <{address}>"})
    assert check(raw) == "system_sender"


@pytest.mark.parametrize("local", ["svarholm", "ingeborg", "nieodpowiedzialny.sprzedawca"[:9], "antworten"])
def test_ordinary_names_are_not_system_senders(check, eml, local):
    address = f"{local}@leadgen-pro.com"
    assert check(eml(replace={"Return-Path": f"<{address}>", "From": f"Pat <{address}>"})) is None


@pytest.mark.parametrize("local", ["no-reply", "MAILER-DAEMON"])
def test_system_sender_in_from_only(check, eml, local):
    assert check(eml(replace={"From": f"Robot <{local}@leadgen-pro.com>"})) == "system_sender"


@pytest.mark.parametrize("local", ["owner-sales", "sales-request"])
def test_system_sender_in_return_path_only(check, eml, local):
    assert check(eml(replace={"Return-Path": f"<{local}@leadgen-pro.com>"})) == "system_sender"


@pytest.mark.parametrize("local", ["noreen", "owner", "requests.team", "postmasters-guild.anna"])
def test_people_with_similar_names_are_answerable(check, eml, local):
    address = f"{local}@leadgen-pro.com"
    raw = eml(replace={"Return-Path": f"<{address}>", "From": f"Person <{address}>"})
    assert check(raw) is None


# --- rule 5: sent by the owner, or not to the owner -----------------------------------------

@pytest.mark.parametrize("replace", [
    pytest.param({"Return-Path": f"<{OWNER}>"}, id="return-path-is-owner"),
    pytest.param({"Return-Path": "<Owner@Example.ORG>"}, id="return-path-is-owner-other-case"),
    pytest.param({"Return-Path": f"<{OWNER_2}>"}, id="return-path-is-second-owner-address"),
    pytest.param({"From": f"Me <{OWNER}>"}, id="from-is-owner"),
    pytest.param({"To": "undisclosed-recipients:;"}, id="bcc-copy"),
    pytest.param({"To": "Everyone <all@example.org>"}, id="alias"),
    pytest.param({"To": "someone-else@example.org"}, id="other-person"),
    pytest.param({"To": None}, id="no-recipient-headers"),
])
def test_recipient_rule_blocks(check, eml, replace):
    assert check(eml(replace=replace)) == "recipient"


@pytest.mark.parametrize("replace,add", [
    pytest.param({"To": "OWNER@EXAMPLE.ORG"}, [], id="to-other-case"),
    pytest.param({"To": f"Anna <{OWNER_2}>"}, [], id="to-second-address"),
    pytest.param({"To": "all@example.org"}, [("Cc", f"<{OWNER}>")], id="cc"),
    pytest.param({"To": "all@example.org"}, [("Bcc", OWNER)], id="bcc-header-names-owner"),
    pytest.param({"To": "all@example.org"}, [("Resent-To", "Owner <Owner@Example.org>")], id="resent-to"),
    pytest.param({"To": "all@example.org"}, [("Resent-Cc", OWNER)], id="resent-cc"),
    pytest.param({"To": "all@example.org"}, [("Resent-Bcc", OWNER)], id="resent-bcc"),
    pytest.param({"To": f"a@x.example, \"Owner, Person\" <{OWNER}>"}, [], id="among-several"),
])
def test_owner_among_recipients_is_answerable(check, eml, replace, add):
    assert check(eml(replace=replace, add=add)) is None


def test_owner_address_in_config_compared_without_case(check, eml, phrases):
    cfg = make_config(addresses=("Owner@Example.ORG",))
    assert check(eml(), cfg=cfg) is None
    assert check(eml(replace={"Return-Path": "<owner@example.org>"}), cfg=cfg) == "recipient"


def test_no_owner_address_configured_answers_nothing(check, eml):
    assert check(eml(), cfg=make_config(addresses=())) == "recipient"


# --- rule 6: reports and spam ---------------------------------------------------------------

REPORT_BODY = (
    "--b1\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n"
    "--b1\r\nContent-Type: message/disposition-notification\r\n\r\n"
    "Final-Recipient: rfc822; owner@example.org\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n"
    "--b1--\r\n"
)


def test_multipart_report_blocks(check, eml):
    raw = eml(replace={"Content-Type": 'multipart/report; report-type=disposition-notification; boundary="b1"'},
              body=REPORT_BODY)
    assert check(raw) == "report"


@pytest.mark.parametrize("name,value", [("X-Spam-Flag", "YES"), ("X-Spam-Flag", "yes"),
                                        ("X-Spam-Status", "Yes, score=9.1 required=5.0")])
def test_marked_as_spam_blocks(check, eml, name, value):
    assert check(eml(add=[(name, value)])) == "report"


@pytest.mark.parametrize("name,value", [("X-Spam-Flag", "NO"),
                                        ("X-Spam-Status", "No, score=1.2 required=5.0")])
def test_not_spam_is_answerable(check, eml, name, value):
    assert check(eml(add=[(name, value)])) is None


# --- rule 7: authentication -----------------------------------------------------------------

FAIL_AR = f"{TRUSTED}; spf=fail smtp.mailfrom=leadgen-pro.com; dmarc=fail (p=reject) header.from=leadgen-pro.com"


@pytest.mark.parametrize("replace,top", [
    pytest.param({"Authentication-Results": FAIL_AR}, [], id="dmarc-fail"),
    pytest.param({"Authentication-Results": f"{TRUSTED}; dmarc=none; spf=none; dkim=none"}, [], id="all-none"),
    pytest.param({"Authentication-Results": None}, [], id="no-authentication-results"),
    pytest.param({"Authentication-Results": PASS_AR.replace(TRUSTED, "relay.attacker.example")}, [],
                 id="untrusted-id-only"),
    pytest.param({"Authentication-Results": FAIL_AR},
                 [("Authentication-Results", "relay.attacker.example; dmarc=pass header.from=leadgen-pro.com")],
                 id="untrusted-pass-above-trusted-fail"),
])
def test_authentication_blocks(check, eml, replace, top):
    assert check(eml(replace=replace, top=top)) == "authentication"


def test_forged_pass_below_trusted_fail_is_blocked(check, eml):
    """The sender wrote an A-R with the trusted id into the message; the trusted server's own
    header, added above it on delivery, is the one that counts."""
    raw = eml(replace={"Authentication-Results": FAIL_AR},
              add=[("Authentication-Results", PASS_AR)])
    msg = read_message(raw, "t")
    assert msg.header_all("authentication-results")[0].startswith(TRUSTED + "; spf=fail")
    assert check(raw) == "authentication"


def test_trusted_pass_below_untrusted_header_is_answerable(check, eml):
    raw = eml(top=[("Authentication-Results", "relay.attacker.example; dmarc=fail")])
    assert check(raw) is None


def test_trusted_authserv_id_compared_without_case(check, eml):
    raw = eml(replace={"Authentication-Results": PASS_AR.replace(TRUSTED, "MX.Example.ORG")})
    assert check(raw) is None


def test_aligned_spf_pass_without_dmarc_is_answerable(check, eml):
    raw = eml(replace={
        "Return-Path": "<bounce-4711@mail.leadgen-pro.com>",
        "Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom=bounce-4711@mail.leadgen-pro.com; dkim=none",
    })
    assert check(raw) is None


def test_aligned_spf_pass_with_dmarc_none_is_answerable(check, eml):
    raw = eml(replace={"Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom={SENDER}; dmarc=none"})
    assert check(raw) is None


def test_unaligned_spf_pass_is_blocked(check, eml):
    raw = eml(replace={
        "Return-Path": "<bounces+4711-ab@sendgrid.net>",
        "Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom=bounces+4711-ab@sendgrid.net; dkim=none",
    })
    assert check(raw) == "authentication"


def test_spf_pass_for_aligned_mailfrom_but_other_return_path_is_blocked(check, eml):
    raw = eml(replace={
        "Return-Path": "<bounces@sendgrid.net>",
        "Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom={SENDER}",
    })
    assert check(raw) == "authentication"


def test_without_trusted_ids_the_topmost_header_counts(check, eml):
    cfg = make_config(trusted=())
    top_pass = [("Authentication-Results", "anything.example; dmarc=pass header.from=leadgen-pro.com")]
    assert check(eml(replace={"Authentication-Results": FAIL_AR}, top=top_pass), cfg=cfg) is None
    top_fail = [("Authentication-Results", "anything.example; dmarc=fail header.from=leadgen-pro.com")]
    assert check(eml(top=top_fail), cfg=cfg) == "authentication"
    assert check(eml(replace={"Authentication-Results": None}), cfg=cfg) == "authentication"


# --- rules 8 and 9: sender history ----------------------------------------------------------

MARCH = datetime(2025, 3, 3, 10, 0, tzinfo=timezone.utc)
APRIL = datetime(2025, 4, 7, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("history,expected", [
    pytest.param(SenderHistory(earlier_contacts=3), None, id="earlier-contacts-only"),
    pytest.param(SenderHistory(refusals=[MARCH]), None, id="refused-once-reminder-allowed"),
    pytest.param(SenderHistory(refusals=[APRIL, MARCH]), "already_answered", id="answered-twice"),
    pytest.param(SenderHistory(refusals=[MARCH, APRIL, APRIL]), "already_answered", id="answered-three-times"),
    pytest.param(SenderHistory(blocked=True), "already_answered", id="blocked"),
    pytest.param(SenderHistory(owner_wrote_to=True), "known_correspondent", id="owner-wrote-to"),
    pytest.param(SenderHistory(in_owner_thread=True), "known_correspondent", id="owner-thread"),
    pytest.param(SenderHistory(wanted=True), "known_correspondent", id="wanted"),
    pytest.param(SenderHistory(lookup_failed=True), "known_correspondent", id="lookup-failed"),
])
def test_history_rules(check, eml, history, expected):
    assert check(eml(), history) == expected


def test_already_answered_reason_cites_first_request(config, phrases, eml):
    msg = read_message(eml(), "t")
    ctx = Context(config, SenderHistory(refusals=[APRIL, MARCH]), phrases, "en")
    block = first_block(msg, ctx)
    assert block.rule == "already_answered" and "2025-03-03" in block.reason


# after rule 9: a buyer, or an answer to the owner's own request, is never refused

BUYERS = [
    "Hi, we are opening two new cafés in March. Could you send us a quote for 40 chairs and 10 tables?",
    "Thank you for your enquiry through our contact form. Here is the price for the platform lift: 495 EUR.",
    "Hej, vi åbner en ny butik. Kan I sende et tilbud på 200 krus og en prisliste?",
    "Guten Tag, vielen Dank für Ihre Anfrage über unser Kontaktformular. Gern bieten wir Ihnen an: ...",
    "Hola, ¿podría enviarme un presupuesto para la web de nuestra academia? Somos 12 profesores.",
    "Hei, voisitteko lähettää tarjouksen myyntilaskutuksesta? Laskuja on noin 20 kuussa.",
    "Bonjour, je gère une pension canine. Pourriez-vous nous envoyer un devis pour 5 chiens par semaine ?",
    "Buongiorno, vorremmo un preventivo per il catering del nostro convegno di maggio.",
    "Hei! Jeg driver en interiørbutikk i Bergen. Hva tar dere for 50 lys, og hva er minstebestillingen?",
    "Beste Eva, kunt u ons een offerte sturen voor een coachingstraject van twee medewerkers?",
    "Dzień dobry, prosimy o wycenę 200 krzeseł do naszej nowej kawiarni.",
    "Hej Sonja! Tack för din förfrågan. Här är priserna: 495 kr/mån för en byrålicens.",
    # saying they want to buy, asking for a proposal, a price or the owner's price list, in words
    # the first lists lacked (2026-12-02; each sentence holds one of them)
    "Hi, we're fitting out a new office in Leeds. Please send us your best price for 40 standing desks.",
    "We are renovating our two clinics next spring. Send us a proposal for the cleaning, please.",
    "Hej, vi vil gerne købe 40 kurve til vores butik i Odense, gerne med fragt.",
    "Guten Tag, wir benötigen ein Angebot für 30 Hocker aus Eiche, Lieferung nach Leipzig.",
    "Hola, estamos interesados en comprar azulejos para dos tiendas en Murcia.",
    "Hei, haluaisimme ostaa 20 saunanlaudetta kesämökeille.",
    "Bonjour, nous souhaiterions acheter 200 tasses gravées pour notre congrès.",
    "Buongiorno, potete inviarci il listino per i rivenditori? Abbiamo un negozio a Parma.",
    "Hei, kan dere gi oss en pris på vask av 40 m² fasade?",
    "Dzień dobry, prosimy o cennik hurtowy na kubki z nadrukiem (ok. 500 sztuk).",
    "Hej! Vi skulle vilja köpa 12 bänkar till skolgården, helst före maj.",
    # buyers abroad in the English of trade, as round 27 of the writers' corpus wrote them
    "Dear Sir/Madam, we are importer of European food in Viet Nam. Kindly quote us: olive oil 500ml, CIF Cat Lai.",
    "Greetings of the day! Please quote C&F Karachi port and mention the m2 per carton. Waiting your soonest reply.",
    "Dear Sir, we find your company on the website of the embassy. Kindly send us your price list and MOQ.",
]


@pytest.mark.parametrize("text", BUYERS, ids=["en quote", "en form", "da", "de", "es", "fi", "fr", "it", "nb", "nl",
                                              "pl", "sv", "en best price", "en proposal", "da buy", "de quote needed",
                                              "es buy", "fi buy", "fr buy", "it price list", "nb a price",
                                              "pl price list", "sv buy", "en kindly quote us", "en quote C&F",
                                              "en kindly send price list"])
def test_a_buyer_is_never_refused(check, eml, text):
    assert check(eml(body=text + "\r\n\r\nBest regards,\r\nMaria\r\n")) == "inbound_lead"


@pytest.mark.parametrize("text", [
    "Are you available for a quick call next week?",
    "Request a quote today and save 20 %. Get a free quote in 24 hours.",
    "We can send you a quote by Friday. Vill du att jag skickar en offert?",
    "Demandez votre devis gratuit ! Fordern Sie jetzt Ihr kostenloses Angebot an.",
    "Jeg kan sende et tilbud i morgen. Har du tid til en kort snak?",
    "Heeft u tijd voor een gesprek? Wij zoeken iemand die onze app wil testen.",
    "Mamy wolny termin w czwartek i możemy przygotować ofertę. Chcesz złożyć zamówienie?",
    "Se le va di capire quanto costerebbe per voi, fissi una videochiamata. ¿Tiene disponibilidad el martes?",
    "We lower your prices for energy and your rates for insurance.",
    # sellers' sentences a reviewer wrote against the first lists (2026-12-02)
    "Stellen Sie jetzt Ihre Angebotsanfrage. Demande de devis gratuite en ligne. Richiesta di preventivo gratuita.",
    "Envíe su solicitud de presupuesto. Doe vandaag nog een offerteaanvraag. Skicka en offertförfrågan idag.",
    "Send oss en tilbudsforespørsel i dag! Klikk her for å be om et pristilbud. Wyślij zapytanie ofertowe.",
    "Get a free quote via our contact form. Stellen Sie Ihre Anfrage über unser Kontaktformular.",
    "Zgodnie z Pani prośbą przesyłam prezentację naszej firmy. Ricevi il preventivo richiesto entro 24 ore.",
    "Le enviaremos el presupuesto solicitado en 24 horas. U ontvangt de gevraagde offerte binnen 24 uur.",
    "Grazie per la richiesta di collegamento. Gracias por su solicitud de conexión. Merci pour votre demande.",
    "Ist Ihre Preisliste noch aktuell? Är din prislista för låg? Zet je prijslijst online.",
    "¿Cuáles son sus tarifas actuales de luz? Optimizamos vuestras tarifas. What are your rates today?",
    "What would it cost you to lose a customer? Hvad koster det at have en medarbejder sygemeldt?",
    "Paljonko maksaa? Alkaen 49 €/kk. Do you ship to Sweden? Do you have capacity for a quick call?",
    "Le envío una propuesta formal con precios. Hätten Sie Kapazität für ein kurzes Telefonat?",
    # sellers' sentences a reviewer wrote against the buyers' words first added on 2026-12-02
    "Can you quote SPRING20 when you reply? How fast can you quote a new job today? Send us a sample.",
    "Send us your prices and we'll show you the savings. Just send us your catalogue and go live.",
    "Reply 'I want to order' to lock in 30 %. Thanks for reaching out at the expo! Thank you for contacting us.",
    "Med vores app kan du give et tilbud på to minutter. Hur snabbt kan du lämna en offert idag? Vi vil kjøpe bilen din!",
    "Bedankt voor het contact op de beurs! Z góry dziękuję za kontakt zwrotny. Grazie per la sua richiesta di collegamento.",
    "Envíenos su catálogo, enviarnos su catálogo es gratis. Il suffit de nous envoyer votre catalogue. "
    "Senden Sie uns Ihre Preise, wir vergleichen. Jeg vil gerne købe dig en kop kaffe.",
    # sellers' "quote" and "price list" that the buyers' words of round 27 must not take for a buyer
    "Please quote SPRING20 at checkout. Please quote the PO number on your invoice. Feel free to quote us. "
    "Send us your price list and we'll put it online. Request your price list template today.",
], ids=["a call", "a seller's quote button", "a seller offers a quote", "fr and de buttons", "da", "nl", "pl",
        "it and es", "your prices as a topic", "quote buttons (de, fr, it)", "quote buttons (es, nl, sv)",
        "quote buttons (nb, pl)", "contact forms", "claims the owner asked (pl, it)", "claims the owner asked (es, nl)",
        "connection requests", "your price list as a topic", "energy rates", "rhetorical costs",
        "pricing pages, shipping, a call", "a seller's proposal, a call (de)", "codes, a quote app, samples (en)",
        "your prices and catalogue (en)", "a reply keyword, fake thanks (en)", "quote apps, buying a car (da, sv, nb)",
        "fake thanks at a fair (nl, pl, it)", "catalogue and prices to list (es, fr, de, da)",
        "codes, PO numbers and price lists to put online (en)"])
def test_a_seller_who_offers_a_quote_is_still_answerable(check, eml, text):
    assert check(eml(body=PITCH + "\r\n" + text + "\r\n")) is None


# after rule 9: whoever passes on another organisation's mail is not its seller

FORWARDS = {
    "da outlook": ("VS: Skift til Lønstyring Pro – spar 40 %",
                   "Sofie – er det noget for os? Prisen ser lav ud.\r\n\r\nM\r\n\r\n"
                   "Fra: Lønstyring Pro <salg@loenstyring-pro.example>\r\nSendt: 24. marts 2025 07:30\r\n"
                   f"Til: {SENDER}\r\nEmne: Skift til Lønstyring Pro – spar 40 %\r\n\r\n"),
    "sv gmail": ("VB: Spara 40 % på er BIM-licens",
                 "Oskar – behöver vi det här?\r\n/K\r\n\r\n---------- Vidarebefordrat meddelande ---------\r\n"
                 "Från: Fredrik Alm <fredrik.alm@bimhuset-norden.example>\r\nDatum: tis 4 mars 2025 kl 09:12\r\n"
                 f"Ämne: Spara 40 % på er BIM-licens\r\nTill: <{SENDER}>\r\n\r\n"),
    "es outlook": ("RV: Aumente sus reservas directas un 40%",
                   "Vicent, ¿esto nos sirve para algo?\r\n\r\nAmparo\r\n\r\n-----Mensaje original-----\r\n"
                   "De: Equipo HotelClick <ventas@hotelclick.example>\r\n"
                   "Enviado el: martes, 4 de marzo de 2025 9:02\r\nPara: info@viajesturia.example\r\n"
                   "Asunto: Aumente sus reservas directas un 40%\r\n\r\n"),
    "fi outlook": ("VL: Growth capital for Finnish engineering consultancies",
                   "Sari,\r\n\r\ntällainen tuli taas, kolmas tänä keväänä.\r\n\r\nJ\r\n\r\n"
                   "Lähettäjä: William Ashford <w.ashford@borealcapital.example>\r\n"
                   "Lähetetty: keskiviikko 26. maaliskuuta 2025 10.02\r\nVastaanottaja: Jarmo Kangas\r\n"
                   "Aihe: Growth capital\r\n\r\n"),
    "en gmail": ("Fwd: Free audit", "FYI, don't reply, it's with Lotte.\r\n\r\n---------- Forwarded message ---------\r\n"
                 "From: Priya Nair <priya@rankrocket.example>\r\nDate: Wed, 19 Mar 2025 at 07:14\r\n"
                 f"Subject: Free audit\r\nTo: <{SENDER}>\r\n\r\n"),
    "en apple mail, no Fwd subject": ("Worth a look?",
                                      "FYI, don't reply, Lotte has it.\r\n\r\nBegin forwarded message:\r\n\r\n"
                                      "From: Priya Nair <priya@rankrocket.example>\r\nSubject: Free audit\r\n"
                                      f"Date: 19 March 2025 at 07:14:00 CET\r\nTo: {SENDER}\r\n\r\n"),
}


@pytest.mark.parametrize("name", FORWARDS)
def test_a_forward_of_another_firms_offer_is_never_refused(check, eml, config, phrases, name):
    """"Do we need this?" above a seller's offer: the sender is not the seller."""
    subject, top = FORWARDS[name]
    raw = eml(replace={"Subject": subject}, body=top + PITCH)
    assert check(raw) == "forwarded"
    msg = read_message(raw, "t")
    # the forwarded offer is not judged as the sender's own text (a header block names them as its
    # recipient), and a forward with no thread headers is no fake reply
    assert "quick wins for your SEO" not in judged_text(msg, config.owner.addresses)
    ctx = Context(config, SenderHistory(), phrases, "en")
    assert SIGNALS_BY_NAME["FAKE_REPLY"].check(msg, ctx) is None
    if name in ("da outlook", "en gmail"):  # subjects FAKE_REPLY reads as a reply: it is let off
        assert FAKE_REPLY_PREFIX.match(subject)
    assert "passes on" in first_block(msg, ctx).reason
    assert SIGNALS_BY_NAME["FORWARDED_MAIL"].check(msg, ctx).startswith("forwards a mail from ")


@pytest.mark.parametrize("subject,top", [
    # a seller "forwarding" its own firm's offer, as if from a colleague
    ("Fwd: your request", "My colleague asked me to pass this on to you.\r\n\r\n"
                          "---------- Forwarded message ---------\r\nFrom: Tom Sales <tom@leadgen-pro.com>\r\n"
                          "Date: Mon, 3 Mar 2025 at 10:00\r\nSubject: your request\r\n\r\n"),
    # the owner's own mail passed back
    ("Fwd: Quick question", "See below.\r\n\r\n---------- Forwarded message ---------\r\n"
                            f"From: Owner <{OWNER}>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\nSubject: hi\r\n\r\n"),
    # a reply above another's mail is no forward
    ("Re: Quick question", "Following up on this.\r\n\r\n"
                           "On Mon, 3 Mar 2025 at 10:00, Priya Nair <priya@rankrocket.example> wrote:\r\n\r\n"),
    # a seller that rotated its sending domain, "forwarding" its own earlier mail (signed with its name)
    ("Fwd: Quick question", "Bumping this up.\r\n\r\n---------- Forwarded message ---------\r\n"
                            "From: Anna Sales <anna@leadgen-pro-mail.com>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\n\r\n"),
    # ... or re-sending what it sent the owner before
    ("Fwd: Quick question", "Did you see this?\r\n\r\n---------- Forwarded message ---------\r\n"
                            "From: Sales Team <team@growthmail.example>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\n"
                            f"To: Owner <{OWNER}>\r\nSubject: Quick question\r\n\r\n"),
    # a mail by a colleague of the owner's, passed back
    ("Fwd: Quick question", "See below.\r\n\r\n---------- Forwarded message ---------\r\n"
                            "From: Bo <bo@example.org>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\nSubject: hi\r\n\r\n"),
    # a whole pitch above a forward is no forwarder's note
    ("Fwd: Quick question", PITCH * 2 + "\r\n---------- Forwarded message ---------\r\n"
                            "From: Priya <priya@rankrocket.example>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\n\r\n"),
    # "VS:" above a Finnish header block is a reply (vastaus), not a forward
    ("VS: Tarjous", "Kiitos, palaan asiaan.\r\n\r\nLähettäjä: Mikko <mikko@kasvuboost.example>\r\n"
                    "Lähetetty: maanantai 3. maaliskuuta 2025 10.00\r\nVastaanottaja: Anna\r\nAihe: Tarjous\r\n\r\n"),
], ids=["own firm", "the owner's mail", "a reply", "own name, other domain", "sent to the owner before",
        "the owner's colleague", "a long note", "a Finnish reply"])
def test_a_seller_passing_on_its_own_firms_mail_is_still_answerable(check, eml, subject, top):
    assert check(eml(replace={"Subject": subject}, body=top + PITCH)) is None


def test_a_role_mailbox_forwarding_another_firms_role_mailbox_is_a_forward(check, eml):
    """info@ at a client passing on info@ at an agency: the same mailbox name says nothing of one sender."""
    top = ("Is this worth it?\r\n\r\n---------- Forwarded message ---------\r\n"
           "From: Agency <info@rankrocket.example>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\n\r\n")
    raw = eml(replace={"Subject": "Fwd: SEO", "From": "Klinik <info@leadgen-pro.com>"}, body=top + PITCH)
    assert check(raw) == "forwarded"
    own = eml(replace={"Subject": "Fwd: SEO"}, body=top.replace("info@rankrocket.example", "anna.sales@rankrocket.example") + PITCH)
    assert check(own) is None  # anna.sales@ at another domain: the seller's own mailbox, rotated


def test_a_refused_seller_cannot_forward_its_way_out_of_the_reminder(check, eml):
    """A fake forward from a sender already asked to stop (or blocked, or marked as a pitch) is no
    forward: the repeat gets its reminder and block suggestion."""
    subject, top = FORWARDS["en gmail"]
    raw = eml(replace={"Subject": subject}, body=top + PITCH)
    assert check(raw) == "forwarded"
    for history in (SenderHistory(refusals=[MARCH]), SenderHistory(blocked=True), SenderHistory(pitch_labels=1)):
        assert check(raw, history) != "forwarded", history


def test_a_seller_forwarding_its_colleagues_offer_is_judged_on_it(config, eml):
    """"My colleague asked me to pass this on": the offer below is the seller's firm's own text."""
    top = ("My colleague asked me to pass this on to you.\r\n\r\n---------- Forwarded message ---------\r\n"
           "From: Tom Sales <tom@leadgen-pro.com>\r\nDate: Mon, 3 Mar 2025 at 10:00\r\nSubject: SEO\r\n"
           f"To: {SENDER}\r\n\r\n")
    msg = read_message(eml(replace={"Subject": "Fwd: SEO"}, body=top + PITCH), "t")
    assert "quick wins for your SEO" in judged_text(msg, config.owner.addresses)
    # a free-mail provider's users are no colleagues of each other
    gmail = read_message(eml(replace={"Subject": "Fwd: SEO", "From": "Kim <kim@gmail.com>"},
                             body=top.replace("tom@leadgen-pro.com", "tom@gmail.com") + PITCH), "t")
    assert "quick wins for your SEO" not in judged_text(gmail, config.owner.addresses)  # the shipped list
    assert "quick wins for your SEO" in judged_text(gmail, config.owner.addresses, frozenset())  # none known


def test_a_bump_quoting_its_signed_pitch_without_an_attribution_is_judged_on_it(config, eml):
    """">" lines only, no "wrote:" line: whose the quote is shows in its beginning (the signature)."""
    quoted = "".join(f"> {line}\r\n" for line in (*PITCH.split("\r\n"), "Anna Sales, LeadGen Pro"))
    msg = read_message(eml(replace={"Subject": "Re: Quick question"}, body="Any thoughts?\r\n\r\n" + quoted), "t")
    assert "quick wins for your SEO" in judged_text(msg, config.owner.addresses)


def test_a_sellers_bump_quoting_its_first_mail_in_outlooks_block_is_judged_on_it(config, eml):
    """Outlook's block names the owner as the first mail's recipient; whose the quote is comes from
    its From line, so the seller's own first mail is judged with the bump."""
    top = ("Just bumping this to the top of your inbox.\r\n\r\n"
           f"From: Anna Sales <{SENDER}>\r\nSent: Tuesday, March 4, 2025 9:15 AM\r\n"
           f"To: Owner <{OWNER}>\r\nSubject: Quick question about your website\r\n\r\n")
    msg = read_message(eml(replace={"Subject": "RE: Quick question about your website"}, body=top + PITCH), "t")
    assert "quick wins for your SEO" in judged_text(msg, config.owner.addresses)
    # and a quote whose From line is the owner's is never judged
    mine = top.replace(f"From: Anna Sales <{SENDER}>", f"From: Owner <{OWNER}>").replace(f"To: Owner <{OWNER}>", f"To: {SENDER}")
    msg = read_message(eml(body=mine + PITCH), "t")
    assert "quick wins for your SEO" not in judged_text(msg, config.owner.addresses)


def test_a_buyer_in_a_chat_is_never_refused(config, phrases):
    from nejtak.bot.inbound import Inbound

    chat = Inbound(channel="telegram", source="telegram:1/2", message_id="tg-3", sender="tg:8", chat_id=8,
                   text="hej! hvad tager I for 30 t-shirts med tryk? skal bruge dem til vores løb i maj")
    block = first_block(chat, Context(config, SenderHistory(), phrases, "da"))
    assert block is not None and block.rule == "inbound_lead" and "hvad tager I for" in block.reason


# --- order: the first rule in DESIGN.md's order is the one reported -------------------------

ANSWERED_TWICE = SenderHistory(refusals=[MARCH, APRIL])
# One way to break each rule: (replace, add, history, text added below the pitch)
BREAKS = {
    "return_path": dict(replace={"Return-Path": "<>"}),
    "auto_submitted": dict(add=[("Auto-Submitted", "auto-replied")]),
    "mailing_list": dict(add=[("List-Id", "<tips.leadgen-pro.com>")]),
    "newsletter": dict(extra="You are receiving this newsletter because you subscribed.\r\n"),
    "system_sender": dict(replace={"From": "Robot <noreply@leadgen-pro.com>"}),
    "recipient": dict(replace={"To": "all@example.org"}),
    "report": dict(add=[("X-Spam-Flag", "YES")]),
    "authentication": dict(replace={"Authentication-Results": FAIL_AR}),
    "already_answered": dict(history=ANSWERED_TWICE),
    "known_correspondent": dict(history=SenderHistory(owner_wrote_to=True)),
    "inbound_lead": dict(extra="PS: could you send us a quote for 40 chairs?\r\n"),
    "forwarded": dict(extra="\r\n---------- Forwarded message ---------\r\nFrom: Priya <priya@rankrocket.example>\r\n"
                            "Date: Mon, 3 Mar 2025 at 10:00\r\nSubject: Free audit\r\n\r\nHi, a free audit?\r\n"),
}


def _combine(*rules):
    replace, add, history, body = {}, [], None, PITCH
    for rule in rules:
        spec = BREAKS[rule]
        replace.update(spec.get("replace", {}))
        add += spec.get("add", [])
        body += spec.get("extra", "")
        if "history" in spec:
            history = spec["history"] if history is None else SenderHistory(
                refusals=history.refusals or spec["history"].refusals,
                owner_wrote_to=history.owner_wrote_to or spec["history"].owner_wrote_to)
    return replace, add, history, body


@pytest.mark.parametrize("rule", RULES)
def test_each_break_alone_trips_its_own_rule(check, rule):
    replace, add, history, body = _combine(rule)
    assert check(build_eml(replace=replace, add=add, body=body), history) == rule


@pytest.mark.parametrize("earlier,later", [
    (a, b) for i, a in enumerate(RULES) for b in RULES[i + 1:]
], ids=lambda r: r)
def test_earlier_rule_wins(check, earlier, later):
    replace, add, history, body = _combine(earlier, later)
    assert check(build_eml(replace=replace, add=add, body=body), history) == earlier


# --- real fixtures --------------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("bounce_dsn.eml", "return_path"),
    ("outlook_out_of_office.eml", "auto_submitted"),
    ("newsletter_bulk.eml", "mailing_list"),
])
def test_real_fixtures(config, phrases, name, expected):
    path = DATA / name
    msg = read_message(path.read_bytes(), str(path))
    assert msg.error is None
    block = first_block(msg, Context(config, SenderHistory(), phrases, "en"))
    assert block is not None and block.rule == expected


def test_bounce_fixture_is_a_report_even_with_a_return_path(config, phrases):
    raw = (DATA / "bounce_dsn.eml").read_bytes().replace(b"Return-Path: <>", b"Return-Path: <x@y.example>", 1)
    raw = raw.replace(b"Auto-Submitted: auto-replied\n", b"")
    raw = raw.replace(b"MAILER-DAEMON@", b"delivery@")
    msg = read_message(raw, "bounce")
    block = first_block(msg, Context(config, SenderHistory(), phrases, "en"))
    assert block is not None and block.rule == "report"


# --- rule 7: a trusted header the sender made unreadable --------------------------------------

@pytest.mark.parametrize("top", [
    f"{TRUSTED}; spf=fail smtp.mailfrom=victim@innocent.example smtp.helo=[203.0.113.9]; dmarc=fail",
    f"{TRUSTED}; spf=fail smtp.mailfrom=jörg@innocent.example; dmarc=fail",
])
def test_unreadable_trusted_header_is_not_replaced_by_a_forged_one_below(check, eml, top):
    """The receiving server's own header counts even when it cannot be parsed: a forged
    'dmarc=pass' further down (written by the sender) must never stand in for it."""
    forged_below = f"{TRUSTED}; dmarc=pass header.from=leadgen-pro.com"
    raw = eml(replace={"Authentication-Results": top}, add=[("Authentication-Results", forged_below)])
    assert check(raw) == "authentication"


def test_unreadable_trusted_header_blocks_with_no_trusted_ids_too(config, eml):
    raw = eml(replace={"Authentication-Results": "; dmarc=pass ((("},
              add=[("Authentication-Results", f"{TRUSTED}; dmarc=pass header.from=leadgen-pro.com")])
    from nejtak.bot.authentication import trusted_results
    from nejtak.bot.mail.reader import read_message

    results = trusted_results(read_message(raw, "x").header_all("authentication-results"), [])
    assert results is not None and not results.passed("dmarc")


# --- rule 7: the reply address itself must be authenticated (backscatter) ----------------------

VICTIM = "victim@innocent.example"
ATTACKER_AR = (f"{TRUSTED}; spf=fail smtp.mailfrom=innocent.example; dkim=pass header.d=leadgen-pro.com;"
               " dmarc=pass header.from=leadgen-pro.com")


@pytest.mark.parametrize("replace,add", [
    pytest.param({"Return-Path": f"<{VICTIM}>", "Authentication-Results": ATTACKER_AR}, [],
                 id="dmarc-pass-for-from-but-return-path-elsewhere"),
    pytest.param({"Return-Path": f"<{VICTIM}>", "Authentication-Results":
                  f"{TRUSTED}; spf=pass smtp.helo=mail.leadgen-pro.com; spf=fail smtp.mailfrom={VICTIM}"},
                 [], id="helo-pass-next-to-mailfrom-fail"),
    pytest.param({"Authentication-Results": f"{TRUSTED}; spf=pass smtp.helo=mail.leadgen-pro.com; dmarc=none"},
                 [], id="helo-pass-alone"),
    pytest.param({"Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom={SENDER}; "
                  f"spf=fail smtp.mailfrom={SENDER}"}, [], id="spf-pass-and-fail-for-the-same-sender"),
    pytest.param({}, [("From", "Other <boss@leadgen-pro.com>")], id="two-from-fields"),
    pytest.param({"From": f"Anna <{SENDER}>, Boss <boss@leadgen-pro.com>"}, [], id="two-addresses-in-from"),
    pytest.param({"Authentication-Results": "=?utf-8?q?" + PASS_AR.replace(" ", "_").replace(";", "=3B")
                  .replace("\r\n\t", "") + "?="}, [], id="encoded-word-header"),
    pytest.param({"Authentication-Results": PASS_AR.replace("(p=none dis=none)", "(p=nöne)")}, [],
                 id="non-ascii-header"),
    pytest.param({"Authentication-Results": f"{TRUSTED}; dmarc=pass header.from=other-org.example"}, [],
                 id="dmarc-pass-for-another-from-domain"),
])
def test_reply_goes_only_to_an_authenticated_address(check, eml, replace, add):
    assert check(eml(replace=replace, add=add)) == "authentication"


def test_the_attackers_subject_and_name_never_reach_the_victim(config, eml):
    """The reviewer's case end to end: triage in auto mode plans no reply to the Return-Path."""
    from nejtak.bot.pipeline import Pipeline
    from nejtak.bot.store import Store

    raw = eml(replace={"Return-Path": f"<{VICTIM}>", "Authentication-Results": ATTACKER_AR,
                       "Subject": "Your order is cancelled"})
    store = Store("sqlite://")
    pipeline = Pipeline(config.model_copy(update={"mode": "auto"}), store, simulate=True)
    decision = pipeline.process(read_message(raw, "t")).decision
    assert decision.reply is None and decision.blocked_by.rule == "authentication"
    assert VICTIM in decision.blocked_by.reason


@pytest.mark.parametrize("replace", [
    pytest.param({"Return-Path": "<bounce-17@mail.leadgen-pro.com>",
                  "Authentication-Results": f"{TRUSTED}; spf=fail smtp.mailfrom=mail.leadgen-pro.com; "
                  "dmarc=pass header.from=leadgen-pro.com"}, id="dmarc-pass-same-organisation"),
    pytest.param({"Authentication-Results": f"{TRUSTED}; spf=pass smtp.mailfrom=leadgen-pro.com; dkim=none"},
                 id="spf-pass-for-the-domain-of-the-return-path"),
    pytest.param({"From": "=?utf-8?q?Sales=2C_Anna?= <anna.sales@leadgen-pro.com>"},
                 id="encoded-name-with-a-comma-is-one-address"),
])
def test_authenticated_reply_address_is_answerable(check, eml, replace):
    assert check(eml(replace=replace)) is None
