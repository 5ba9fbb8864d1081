"""HTML to text, charset fallback, header decoding and the split of replies from quotes."""
import pytest

from nejtak.bot.mail.decode import decode_bytes, decode_header_value
from nejtak.bot.mail.text import html_to_text, split_reply

QUOTE = "> Hi, we offer the best SEO services.\n> Regards, Sam"


@pytest.mark.parametrize(
    "attribution",
    [
        "On Tue, 2 Jan 2024 at 10:15, Sam Seller <sam@seo.example> wrote:",
        "Den 2. jan. 2024 kl. 10.15 skrev Sam Seller <sam@seo.example>:",  # da
        "Den tis 2 jan. 2024 kl 10:15 skrev Sam Seller <sam@seo.example>:",  # sv
        "tir. 2. jan. 2024 kl. 10:15 skrev Sam Seller <sam@seo.example>:",  # nb (Gmail)
        "Am Di., 2. Jan. 2024 um 10:15 Uhr schrieb Sam Seller <sam@seo.example>:",  # de
        "W dniu 2.01.2024 o 10:15, Sam Seller pisze napisał(a):",  # pl
        "Le mar. 2 janv. 2024 à 10:15, Sam Seller <sam@seo.example> a écrit :",  # fr
    ],
)
def test_attribution_line_starts_the_quote(attribution):
    text, quoted, signature = split_reply(f"No thank you.\n\n{attribution}\n{QUOTE}\n")
    assert text == "No thank you."
    assert quoted.startswith(attribution)
    assert "best SEO services" in quoted
    assert signature == ""


def test_attribution_wrapped_over_two_lines():
    body = "Nej tak.\n\nOn Tue, 2 Jan 2024 at 10:15, Sam Seller <\nsam@seo.example> wrote:\n\nOffer text\n"
    text, quoted, _ = split_reply(body)
    assert text == "Nej tak."
    assert "Offer text" in quoted


@pytest.mark.parametrize(
    "separator",
    [
        "-----Original Message-----",
        "-------- Oprindelig meddelelse --------",
        "-----Ursprüngliche Nachricht-----",
        "-----Ursprungligt meddelande-----",
        "-----Opprinnelig melding-----",
        "-----Wiadomość oryginalna-----",
    ],
)
def test_outlook_separator_starts_the_quote(separator):
    body = f"Please stop.\n\n{separator}\nFrom: Sam\nSent: Tuesday\n\nBuy now\n"
    text, quoted, _ = split_reply(body)
    assert text == "Please stop."
    assert quoted.startswith(separator) and "Buy now" in quoted


@pytest.mark.parametrize(
    ("from_word", "sent_word"),
    [("From", "Sent"), ("Fra", "Sendt"), ("Från", "Skickat"), ("Von", "Gesendet"), ("Od", "Wysłano")],
)
def test_outlook_header_block_starts_the_quote(from_word, sent_word):
    body = (
        f"Not interested.\n\n________________________________\n{from_word}: Sam <sam@seo.example>\n"
        f"{sent_word}: 2 January 2024 10:15\nTo: Owner\nSubject: Offer\n\nBuy now\n"
    )
    text, quoted, _ = split_reply(body)
    assert text == "Not interested."
    assert quoted.startswith("____") and "Buy now" in quoted


def test_a_line_merely_starting_with_from_is_not_a_quote():
    body = "From: the whole team, thanks!\nWe will meet on Monday.\n"
    assert split_reply(body) == (body.strip(), "", "")


def test_inline_answers_between_quotes_stay_new_text():
    body = "> Do you want a call?\nNo.\n> Can we send a brochure?\nNo, thanks.\n"
    text, quoted, _ = split_reply(body)
    assert text == "No.\nNo, thanks."
    assert quoted == "> Do you want a call?\n> Can we send a brochure?"


def test_dash_dash_space_starts_the_signature():
    text, quoted, signature = split_reply("Hello there.\n\n-- \nAnna Sælger\nCEO, Webbureau\n")
    assert text == "Hello there."
    assert signature == "-- \nAnna Sælger\nCEO, Webbureau"
    assert quoted == ""


def test_a_dash_dash_inside_a_sentence_is_not_a_signature():
    body = "Price -- only today -- 50 kr.\n"
    assert split_reply(body) == (body.strip(), "", "")


@pytest.mark.parametrize(
    "mobile",
    [
        "Sent from my iPhone",
        "Sendt fra min iPhone",
        "Skickat från min iPhone",
        "Von meinem iPhone gesendet",
        "Wysłane z iPhone'a",
        "Sent from my Galaxy",
    ],
)
def test_mobile_signature_is_cut(mobile):
    body = f"Ok, see you then.\n\n{mobile}\n\nOn Tue, 2 Jan 2024, Sam <sam@x.example> wrote:\n> Meet?\n"
    text, quoted, signature = split_reply(body)
    assert text == "Ok, see you then."
    assert signature == mobile
    assert quoted.startswith("On Tue")


def test_windows_line_endings():
    text, quoted, _ = split_reply("Nein danke.\r\n\r\nAm 2. Jan. 2024 schrieb Sam:\r\n> Angebot\r\n")
    assert text == "Nein danke."
    assert quoted.endswith("> Angebot")


def test_html_to_text_keeps_paragraphs_and_drops_script_and_style():
    html = (
        "<html><head><style>p{color:red}</style><title>T</title></head><body>"
        "<script>var secret = 1;</script><p>First   paragraph\nwraps.</p><p>Second &amp; last</p>"
        "<div>Line one<br>Line two</div><ul><li>a</li><li>b</li></ul></body></html>"
    )
    text, links, images = html_to_text(html)
    assert text == "First paragraph wraps.\n\nSecond & last\n\nLine one\nLine two\n\na\nb"
    assert "secret" not in text and "color" not in text
    assert links == [] and images == []


def test_html_to_text_collects_links_and_images():
    html = (
        '<p>Book <a href="https://sales.example/book">here</a> or <a href="mailto:a@b">mail</a>'
        '<a href="https://sales.example/book">again</a></p>'
        '<img src="https://track.example/p.gif"><img src="data:image/png;base64,AAAA"><img src="cid:logo">'
    )
    text, links, images = html_to_text(html)
    assert text == "Book here or mailagain"
    assert links == ["https://sales.example/book"]
    assert images == ["https://track.example/p.gif", "cid:logo"]


def test_decode_bytes_falls_back_for_unknown_and_wrong_charsets():
    assert decode_bytes("Grüße".encode("utf-8"), "x-unknown") == "Grüße"
    assert decode_bytes("Grüße".encode("latin-1"), "utf-8") == "Grüße"
    assert decode_bytes("Grüße".encode("utf-8"), "us-ascii") == "Grüße"
    assert decode_bytes("Zażółć".encode("iso-8859-2"), "iso-8859-2") == "Zażółć"
    assert decode_bytes(b"caf\xc3", "utf-8") == "caf\ufffd"  # cut inside the last character
    assert decode_bytes(b"abc", "base64_codec") == "abc"  # a codec, but not a charset


def test_decode_header_value_joins_adjacent_words_and_keeps_spaces():
    value = "=?utf-8?q?Hej_med?= =?utf-8?q?_dig?= og =?iso-8859-1?q?s=F8?="
    assert decode_header_value(value) == "Hej med dig og sø"
    # a multi-byte character split across two encoded words
    assert decode_header_value("=?utf-8?q?=C3?= =?utf-8?q?=A6?=") == "æ"


def test_a_programme_with_from_and_date_lines_is_no_quote():
    """"De: 10:00 a 12:00" above "Fecha: 5 de marzo" is an event's programme, not Outlook's header
    block (which has an address, or a To or Subject line)."""
    text = "Hola,\n\nle invitamos a nuestra jornada.\n\nDe: 10:00 a 12:00\nFecha: 5 de marzo\nLugar: Valencia\n\nSaludos"
    assert split_reply(text)[0] == text
    block = "Gracias.\n\nDe: Equipo <v@h.example>\nEnviado el: martes, 4 de marzo de 2025 9:02\nPara: x@y.example\nAsunto: z\n\nHola"
    assert split_reply(block)[0] == "Gracias."
