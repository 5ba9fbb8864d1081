"""The e-mail refusal in RFC 3834 form, from real message bytes to the bytes nejtak would submit."""
import base64
import re
from datetime import datetime, timezone
from email import message_from_bytes
from email.parser import BytesParser
from email.policy import compat32, default

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nejtak.bot.config import parse
from nejtak.bot.language import detect
from nejtak.bot.mail.reader import read_message
from nejtak.bot.verdict import ReplyDraft
from nejtak.responders.compose import compose
from nejtak.responders.email_reply import build_message, reply_subject, safe_id, valid_address
from nejtak.responders.templates import TemplateSet

OWNER = "owner@example.org"
OWNER_2 = "anna@owner-firm.dk"
DATE = datetime(2025, 3, 4, 12, 0, tzinfo=timezone.utc)
FIRST_REQUEST = datetime(2025, 3, 3, 10, 0, tzinfo=timezone.utc)
EXPECTED_HEADERS = {
    "from", "to", "subject", "message-id", "in-reply-to", "references", "auto-submitted",
    "x-auto-response-suppress", "content-type", "content-transfer-encoding", "mime-version",
    "content-language",
}

PITCHES = {
    "en": ("Quick question about your website",
           "Hi,\n\nI came across your website and I think we could help you get more customers. "
           "We are a digital marketing agency and we work with many small businesses like yours. "
           "Would you have fifteen minutes for a short call next week to discuss how we can grow your sales?\n"),
    "da": ("Hurtigt spørgsmål om jeres hjemmeside",
           "Hej,\n\nJeg faldt over jeres hjemmeside og tænkte, at vi kunne hjælpe jer med at få flere kunder. "
           "Vi er et digitalt marketingbureau og arbejder med mange små virksomheder som jeres. "
           "Har du femten minutter til et kort møde i næste uge, hvor vi kan tale om, hvordan vi øger jeres salg?\n"),
    "sv": ("Snabb fråga om er webbplats",
           "Hej,\n\nJag hittade er webbplats och tror att vi kan hjälpa er att få fler kunder. "
           "Vi är en digital marknadsföringsbyrå och arbetar med många små företag som ert. "
           "Har du femton minuter för ett kort samtal nästa vecka om hur vi kan öka er försäljning?\n"),
    "nb": ("Raskt spørsmål om nettsiden deres",
           "Hei,\n\nJeg kom over nettsiden deres og tror vi kan hjelpe dere med å få flere kunder. "
           "Vi er et digitalt markedsføringsbyrå og jobber med mange små bedrifter som deres. "
           "Har du femten minutter til en kort samtale neste uke om hvordan vi kan øke salget deres? "
           "Jeg ser frem til å høre fra deg.\n"),
    "de": ("Kurze Frage zu Ihrer Webseite",
           "Hallo,\n\nich bin auf Ihre Webseite gestoßen und glaube, dass wir Ihnen helfen können, mehr Kunden zu "
           "gewinnen. Wir sind eine Agentur für digitales Marketing und arbeiten mit vielen kleinen Unternehmen. "
           "Hätten Sie nächste Woche fünfzehn Minuten Zeit für ein kurzes Gespräch über Ihren Umsatz?\n"),
    "pl": ("Krótkie pytanie o Państwa stronę",
           "Dzień dobry,\n\nnatrafiłem na Państwa stronę internetową i myślę, że możemy pomóc zdobyć więcej "
           "klientów. Jesteśmy agencją marketingu cyfrowego i pracujemy z wieloma małymi firmami. "
           "Czy znajdzie Pan piętnaście minut na krótką rozmowę w przyszłym tygodniu o zwiększeniu sprzedaży?\n"),
    "fr": ("Petite question sur votre site",
           "Bonjour,\n\nJe suis tombé sur votre site web et je pense que nous pourrions vous aider à trouver plus "
           "de clients. Nous sommes une agence de marketing numérique et nous travaillons avec beaucoup de petites "
           "entreprises. Auriez-vous quinze minutes la semaine prochaine pour un court appel?\n"),
    "pt": ("Pergunta rápida sobre o seu site",
           "Olá,\n\nEncontrei o seu site e acho que podemos ajudá-lo a conseguir mais clientes. Somos uma "
           "agência de marketing digital e trabalhamos com muitas pequenas empresas como a sua. Teria quinze "
           "minutos na próxima semana para uma conversa rápida sobre como aumentar as suas vendas?\n"),
}
# A phrase of each language's refusal and reminder templates.
REFUSAL_MARK = {"en": "no thanks", "da": "nej tak", "sv": "nej tack", "nb": "nei takk",
                "de": "kein Interesse", "pl": "nie skorzystam"}
REMINDER_DATE = {"en": "3 March 2025", "da": "3. marts 2025", "sv": "3 mars 2025", "nb": "3. mars 2025",
                 "de": "3. März 2025", "pl": "3 marca 2025"}


def eml(subject="Quick question about your website", body=PITCHES["en"][1], headers=None, to=OWNER,
        return_path="anna.sales@leadgen-pro.com", sender="Anna Sales <anna.sales@leadgen-pro.com>",
        message_id="<pitch-1.20250304@leadgen-pro.com>", raw_subject=None) -> bytes:
    subject_line = raw_subject if raw_subject is not None else _encode(subject)
    lines = [
        f"Return-Path: <{return_path}>",
        f"From: {sender}",
        "Reply-To: Replies <replies@crm-elsewhere.com>",
        f"To: {to}",
        f"Subject: {subject_line}",
        "Date: Tue, 04 Mar 2025 09:15:00 +0100",
        f"Message-ID: {message_id}",
        *(headers or []),
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: 8bit",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode("utf-8")


def _encode(text: str) -> str:
    if text.isascii():
        return text
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def make_config(extra: str = "", language: str = "en"):
    return parse(f'[owner]\nname = "Owner Person"\naddresses = ["{OWNER}", "{OWNER_2}"]\n'
                 f'language = "{language}"\n{extra}', "test.toml")


@pytest.fixture(scope="module")
def config():
    return make_config()


@pytest.fixture(scope="module")
def templates(config):
    return TemplateSet(config.templates_dir, config.owner.language)


@pytest.fixture
def reply(config, templates):
    """raw bytes -> (draft, the built message re-parsed from its own bytes, those bytes)."""

    def reply(raw: bytes, kind="refusal", language=None, first=None, cfg=None, tpl=None):
        cfg = cfg or config
        msg = read_message(raw, "pitch.eml")
        assert msg.error is None, msg.error
        if language is None:
            language = detect(f"{msg.subject}\n{msg.text}", cfg.owner.language)[0]
        draft = compose(msg, kind, language, first, cfg, tpl or templates)
        data = build_message(draft, cfg.owner.name, DATE).as_bytes()
        return draft, message_from_bytes(data, policy=default), data

    return reply


def header_names(data: bytes) -> list[str]:
    """Header names exactly as a receiving parser sees them in the produced bytes."""
    return [k.lower() for k in BytesParser(policy=compat32).parsebytes(data).keys()]


def raw_header(data: bytes, name: str) -> str:
    head = data.split(b"\r\n\r\n", 1)[0].decode("ascii")
    m = re.search(rf"^{name}:(.*(?:\r\n[ \t].*)*)", head, re.MULTILINE | re.IGNORECASE)
    return m.group(1).strip() if m else ""


# --- addressing -----------------------------------------------------------------------------

def test_to_is_the_return_path_not_from_or_reply_to(reply):
    raw = eml(return_path="bounce-4711@mail.leadgen-pro.com")
    draft, out, _ = reply(raw)
    assert draft.to == "bounce-4711@mail.leadgen-pro.com"
    assert [a.addr_spec for a in out["To"].addresses] == ["bounce-4711@mail.leadgen-pro.com"]
    assert "replies@crm-elsewhere.com" not in str(out["To"]) and "anna.sales" not in str(out["To"])


def test_from_is_the_owner_address_the_mail_went_to(reply):
    draft, out, _ = reply(eml(to=f"Anna <{OWNER_2}>"))
    assert draft.from_address == OWNER_2
    assert [a.addr_spec for a in out["From"].addresses] == [OWNER_2]
    assert out["From"].addresses[0].display_name == "Owner Person"


def test_from_matches_the_owner_address_without_case(reply):
    draft, out, _ = reply(eml(to="someone@else.example", headers=["Cc: ANNA@Owner-Firm.DK"]))
    assert draft.from_address == OWNER_2


def test_from_is_the_first_owner_address_for_the_first(reply):
    draft, _, _ = reply(eml(to=f"{OWNER}, {OWNER_2}"))
    assert draft.from_address == OWNER


# --- subject --------------------------------------------------------------------------------

@pytest.mark.parametrize("original,expected", [
    ("Quick question", "Re: Quick question"),
    ("Re: Quick question", "Re: Quick question"),
    ("RE: Re: re:Quick question", "Re: Quick question"),
    ("AW: Angebot für Sie", "Re: Angebot für Sie"),
    ("SV: Tilbud", "Re: Tilbud"),
    ("Re[2]: Offer", "Re: Offer"),
    ("Auto: Offer", "Re: Offer"),
    ("Fwd: Offer", "Re: Fwd: Offer"),
    ("Offer\r\n  for you", "Re: Offer for you"),
])
def test_subject_is_re_plus_original(reply, original, expected):
    raw = eml(raw_subject=_encode(original)) if "\r" not in original else eml(raw_subject="Offer\r\n  for you")
    draft, out, _ = reply(raw)
    assert draft.subject == expected
    assert out["Subject"] == expected


def test_subject_prefix_auto_by_setting(templates):
    cfg = make_config('[reply]\nsubject_prefix = "Auto: "\n')
    msg = read_message(eml(raw_subject="Re: Quick question"), "t")
    draft = compose(msg, "refusal", "en", None, cfg, templates)
    assert draft.subject == "Auto: Quick question"


@pytest.mark.parametrize("limit", [20, 40, 120])
def test_subject_is_cut_to_max_length(templates, limit):
    cfg = make_config(f"[reply]\nmax_subject_length = {limit}\n")
    original = "Increase your revenue with our award winning lead generation platform " * 4
    msg = read_message(eml(subject=original), "t")
    draft = compose(msg, "refusal", "en", None, cfg, templates)
    assert len(draft.subject) <= limit
    assert draft.subject.startswith("Re: Increase")


def test_subject_without_spaces_keeps_its_start_when_cut():
    subject = reply_subject("https://leadgen-pro.com/" + "x" * 200, "Re: ", 120)
    assert len(subject) <= 120
    assert subject.startswith("Re: https://leadgen-pro.com/")


def test_empty_subject(reply):
    draft, out, data = reply(eml(raw_subject=""))
    assert draft.subject.strip() == "Re:"
    assert header_names(data).count("subject") == 1


# --- threading and RFC 3834 headers ---------------------------------------------------------

def test_rfc3834_headers_and_threading(reply):
    raw = eml(headers=["In-Reply-To: <earlier@leadgen-pro.com>",
                       "References: <first@leadgen-pro.com> <earlier@leadgen-pro.com>"])
    draft, out, data = reply(raw)
    assert out["Auto-Submitted"] == "auto-replied"
    assert out["X-Auto-Response-Suppress"] == "All"
    assert out["In-Reply-To"] == "<pitch-1.20250304@leadgen-pro.com>"
    assert out["References"].split() == ["<first@leadgen-pro.com>", "<earlier@leadgen-pro.com>",
                                         "<pitch-1.20250304@leadgen-pro.com>"]
    assert set(header_names(data)) == EXPECTED_HEADERS | {"date"}
    assert out["Message-ID"] == f"<{draft.message_id}>"
    assert draft.message_id.endswith("@example.org")


def test_content_language_is_sent(reply):
    _, out, _ = reply(eml(subject=PITCHES["de"][0], body=PITCHES["de"][1]))
    assert out["Content-Language"] == "de"


def test_references_without_earlier_thread(reply):
    _, out, _ = reply(eml())
    assert out["References"] == "<pitch-1.20250304@leadgen-pro.com>"


@pytest.mark.parametrize("mid", [
    "AM0PR07MB44A1B2C3D4E5F60718293A4B5C6D7E8F@AM0PR07MB4400.eurprd07.prod.outlook.com",
    "0100018c2f3a4b5c-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000@email.amazonses.com",
])
def test_long_message_ids_stay_msg_ids_on_the_wire(reply, mid):
    _, _, data = reply(eml(message_id=f"<{mid}>"))
    assert raw_header(data, "In-Reply-To") == f"<{mid}>"
    assert raw_header(data, "References").split() == [f"<{mid}>"]
    assert b"=?" not in data.split(b"\r\n\r\n", 1)[0].split(b"In-Reply-To:", 1)[1].split(b"\r\nAuto", 1)[0]


def test_message_id_is_deterministic(reply):
    a, _, _ = reply(eml())
    b, _, _ = reply(eml())
    reminder, _, _ = reply(eml(), kind="reminder", first=FIRST_REQUEST)
    other, _, _ = reply(eml(message_id="<pitch-2@leadgen-pro.com>"))
    assert a.message_id == b.message_id
    assert len({a.message_id, reminder.message_id, other.message_id}) == 3
    assert re.fullmatch(r"[!-~]+@[!-~]+", a.message_id) and "<" not in a.message_id


def test_built_message_id_is_the_same_for_the_same_draft(reply):
    _, x, _ = reply(eml())
    _, y, _ = reply(eml())
    assert x["Message-ID"] == y["Message-ID"]


# --- body -----------------------------------------------------------------------------------

def test_plain_text_only_no_attachment_no_quote(reply):
    raw = eml(body=PITCHES["en"][1] + "\n-- \nAnna Sales, Growth Lead\n")
    draft, out, _ = reply(raw)
    assert out.get_content_type() == "text/plain" and not out.is_multipart()
    assert out.get_content_disposition() is None
    assert out.get_content_charset() == "utf-8"
    body = out.get_content().replace("\r\n", "\n")
    assert body.strip() == draft.body.strip()
    assert "came across your website" not in body and "Growth Lead" not in body
    assert "remove" in body and "contact" in body


@pytest.mark.parametrize("lang", ["en", "da", "sv", "nb", "de", "pl"])
def test_refusal_is_in_the_senders_language_and_short(reply, lang):
    subject, body = PITCHES[lang]
    draft, out, _ = reply(eml(subject=subject, body=body))
    assert draft.language == lang
    text = out.get_content()
    assert REFUSAL_MARK[lang].lower() in text.lower()
    assert len(text.split()) < 80


@pytest.mark.parametrize("lang", ["en", "da", "sv", "nb", "de", "pl"])
def test_reminder_cites_the_first_request_date(reply, lang):
    subject, body = PITCHES[lang]
    draft, out, _ = reply(eml(subject=subject, body=body), kind="reminder", first=FIRST_REQUEST)
    assert draft.language == lang and draft.kind == "reminder"
    text = out.get_content()
    assert REMINDER_DATE[lang] in text
    assert len(text.split()) < 80


def test_unsupported_language_falls_back_to_the_owners(reply):
    draft, out, _ = reply(eml(subject=PITCHES["pt"][0], body=PITCHES["pt"][1]))
    assert detect(PITCHES["pt"][1], "en")[0] == "pt"
    assert draft.language == "en"
    assert REFUSAL_MARK["en"] in out.get_content()


def test_unsupported_language_falls_back_to_a_german_owner(reply):
    cfg = make_config(language="de")
    tpl = TemplateSet(cfg.templates_dir, cfg.owner.language)
    draft, out, _ = reply(eml(subject=PITCHES["pt"][0], body=PITCHES["pt"][1]), cfg=cfg, tpl=tpl)
    assert draft.language == "de"
    assert REFUSAL_MARK["de"] in out.get_content()


# --- header injection -----------------------------------------------------------------------

def _ew(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


HOSTILE = [
    pytest.param(dict(raw_subject=_ew("Hi\r\nBcc: victim@else.example")), id="subject-encoded-crlf"),
    pytest.param(dict(raw_subject="=?utf-8?q?Hi=0D=0ABcc:_victim@else.example?="), id="subject-q-crlf"),
    pytest.param(dict(raw_subject=_ew("Hi\nBcc: victim@else.example\n\nbody")), id="subject-lf-blank-line"),
    pytest.param(dict(raw_subject=_ew("Hi\u2028Bcc: victim@else.example\x85Cc: x@else.example")),
                 id="subject-unicode-line-breaks"),
    pytest.param(dict(raw_subject=_ew("Hi\rBcc: victim@else.example\x00\x0b")), id="subject-cr-nul"),
    pytest.param(dict(message_id=_ew("<a@b>\r\nBcc: victim@else.example")), id="message-id-encoded-crlf"),
    pytest.param(dict(message_id="<a@b\r\n Bcc: victim@else.example>"), id="message-id-folded"),
    pytest.param(dict(headers=["References: " + _ew("<a@b>\r\nBcc: victim@else.example <c@d>")]),
                 id="references-encoded-crlf"),
    pytest.param(dict(headers=["In-Reply-To: <x@y>\r\n\tBcc: victim@else.example"]), id="in-reply-to-folded"),
    pytest.param(dict(sender=_ew("Eve\r\nBcc: victim@else.example") + " <eve@leadgen-pro.com>",
                      return_path="eve@leadgen-pro.com"), id="display-name-encoded-crlf"),
    pytest.param(dict(sender='"Eve\\\r\n Bcc: victim@else.example" <eve@leadgen-pro.com>',
                      return_path="eve@leadgen-pro.com"), id="display-name-quoted-fold"),
]


@pytest.mark.parametrize("kwargs", HOSTILE)
def test_hostile_input_never_adds_a_header(reply, kwargs):
    draft, out, data = reply(eml(**kwargs))
    names = header_names(data)
    assert set(names) == EXPECTED_HEADERS | {"date"}
    assert len(names) == len(set(names))
    assert "bcc" not in names and "cc" not in names
    assert [a.addr_spec for a in out["To"].addresses] == [draft.to]
    assert "\r" not in str(out["Subject"]) and "\n" not in str(out["Subject"])


def test_hostile_owner_name_never_adds_a_header(templates):
    cfg = parse(f'[owner]\nname = "Owner\\r\\nBcc: victim@else.example"\naddresses = ["{OWNER}"]\n')
    msg = read_message(eml(), "t")
    draft = compose(msg, "refusal", "en", None, cfg, templates)
    data = build_message(draft, cfg.owner.name, DATE).as_bytes()
    assert set(header_names(data)) == EXPECTED_HEADERS | {"date"}


def test_return_path_with_two_addresses_never_yields_two_recipients(reply):
    try:
        _, out, _ = reply(eml(return_path="anna.sales@leadgen-pro.com,victim@else.example"))
    except ValueError:
        return  # refusing to build the message is fine
    assert len(out["To"].addresses) == 1


# RFC 2047 encoded-words that the reader leaves alone (an empty charset) or that survive its
# single decoding (encoded twice): the email package decodes them again when a header is set.
EW_CRLF_BCC = "=??Q?=0D=0ABcc:_victim@else.example?="
EW_TWICE = "=?utf-8?q?Offer_=3D=3Futf-8=3Fq=3F=3D0D=3D0ABcc:=5Fvictim@else.example=3F=3D?="
ENCODED_WORD_BUG = (
    "BUG: responders/email_reply.py:57 and 62-64 (one_line / safe_id) leave RFC 2047 encoded-word "
    "syntax '=?..?=' in sender text; EmailMessage decodes it when the header is set and writes the "
    "decoded CR LF raw, so a Subject or Message-ID of '=??Q?=0D=0ABcc:_x@y?=' injects a Bcc: header "
    "(or a blank line and a new body) into the reply. Fix: make '=?' inert in one_line/safe_id "
    "(or refuse such ids) and emit In-Reply-To/References with set_raw")


@pytest.mark.parametrize("kwargs", [
    pytest.param(dict(raw_subject="Offer " + EW_CRLF_BCC), id="subject-empty-charset"),
    pytest.param(dict(raw_subject=EW_TWICE), id="subject-encoded-twice"),
    pytest.param(dict(message_id=f"<{EW_CRLF_BCC}>"), id="message-id-empty-charset"),
    pytest.param(dict(message_id="<=?utf-8?q?=3D=3Futf-8=3Fq=3F=3D0D=3D0ABcc:=5Fv@else.example=3F=3D?=>"),
                 id="message-id-encoded-twice"),
    pytest.param(dict(headers=[f"References: <a@b> <{EW_CRLF_BCC}>"]), id="references-empty-charset"),
])
def test_encoded_word_in_sender_text_never_adds_a_header(reply, kwargs):
    _, _, data = reply(eml(**kwargs))
    names = header_names(data)
    assert "bcc" not in names
    assert set(names) == EXPECTED_HEADERS | {"date"}


_any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
_nasty = st.sampled_from(["\r\n", "\n", "\r", "\r\nBcc: v@x.example", "\x00", "\u2028", "\x85", ":",
                          "=?utf-8?q?=0D=0A?=", "=??Q?=0D=0ABcc:_v@x.example?=", "<", ">", '"', "\\", "\t",
                          " ", "é", "…", "\ud7ff", "?", "="])
_hostile_text = st.lists(st.one_of(_any_text, _nasty), max_size=8).map("".join)
_no_encoded_word = _hostile_text.filter(lambda t: "=?" not in t)


def _check_built(subject, owner_name, message_id, references):
    draft = ReplyDraft(to="anna.sales@leadgen-pro.com", subject=subject, body="Thanks, but no thanks.",
                       language="en", kind="refusal", from_address=OWNER,
                       in_reply_to=message_id, references=references,
                       message_id="nejtak.refusal.0123456789abcdef@example.org")
    data = build_message(draft, owner_name).as_bytes()
    names = header_names(data)
    expected = {"from", "to", "subject", "message-id", "auto-submitted", "x-auto-response-suppress",
                "content-type", "content-transfer-encoding", "mime-version", "content-language"}
    if safe_id(message_id):
        expected |= {"in-reply-to", "references"}
    assert set(names) == expected and len(names) == len(set(names))
    out = message_from_bytes(data, policy=default)
    assert [a.addr_spec for a in out["To"].addresses] == ["anna.sales@leadgen-pro.com"]
    assert [a.addr_spec for a in out["From"].addresses] == [OWNER]
    assert "\n" not in str(out["Subject"]) and "\r" not in str(out["Subject"])
    assert out.get_content().strip() == "Thanks, but no thanks."


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=_no_encoded_word, owner_name=_no_encoded_word, message_id=_no_encoded_word,
       references=st.lists(_no_encoded_word, max_size=4))
def test_built_message_always_parses_back_with_exactly_the_expected_headers(
        subject, owner_name, message_id, references):
    """Any text in every sender-fed field."""
    _check_built(subject, owner_name, message_id, references)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(subject="Re: " + EW_CRLF_BCC, owner_name="Owner", message_id="a@b", references=[])
@example(subject="Re: x", owner_name="Owner", message_id=EW_CRLF_BCC, references=[])
@given(subject=_hostile_text, owner_name=_hostile_text, message_id=_hostile_text,
       references=st.lists(_hostile_text, max_size=4))
def test_built_message_with_any_text_parses_back_with_exactly_the_expected_headers(
        subject, owner_name, message_id, references):
    _check_built(subject, owner_name, message_id, references)


@pytest.mark.parametrize("address,valid", [
    ("jörg@bücher.example", True), ("anna@example.com", True), ("åse.ødegård@firma.no", True),
    ("jörg@bücher..example", False), ("jörg@-bücher.example", False), ("jö rg@bücher.example", False),
    ("jörg@bücher.example>, x@evil.example", False), ("=?utf-8?q?j=C3=B6rg?=@bücher.example", False),
    ("jörg\u2028@bücher.example", False), ("jörg", False),
])
def test_internationalised_addresses(address, valid):
    assert valid_address(address) is valid
