"""[reply] country: the refusal and the reminder cite the owner's country's e-mail marketing law
in one sentence, in the language the reply is written in; nothing when no country is set."""
from datetime import datetime, timezone
from email import message_from_string
from email.policy import default

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.config import CONFIG_DIR, ConfigError, parse
from nejtak.bot.law import COUNTRIES, law_for, sentence
from nejtak.bot.mail.reader import read_message
from nejtak.responders.compose import compose
from nejtak.responders.templates import TemplateSet

OWNER = "owner@example.org"
LANGUAGES = ["en", "da", "sv", "nb", "de", "pl", "nl", "fi", "fr", "es", "it"]
LIMIT = 80  # words, exclusive: the limit tests/test_templates.py holds every refusal to
PITCH = (
    "Return-Path: <maximilian.vertrieb@leadgen-pro.example>\r\n"
    "From: Maximilian von Mustermann <maximilian.vertrieb@leadgen-pro.example>\r\n"
    f"To: Owner <{OWNER}>\r\n"
    "Subject: Quick question about your website\r\n"
    "Date: Tue, 04 Mar 2025 09:15:00 +0100\r\n"
    "Message-ID: <offer-1@leadgen-pro.example>\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "\r\n"
    "Hi, we are a digital marketing agency. Would you have fifteen minutes for a call next week?\r\n"
)
# What a reader of each language sees: the country's name in their language, and the law as cited.
DENMARK = {"en": "Denmark", "da": "Danmark", "sv": "Danmark", "nb": "Danmark", "de": "Dänemark",
           "pl": "Dania", "nl": "Denemarken", "fi": "Tanska", "fr": "Danemark", "es": "Dinamarca",
           "it": "Danimarca"}


def _config(country: str, flags: bool = True, name: str = "Anna-Maria Kowalska Nielsen"):
    return parse(
        f'[owner]\nname = "{name}"\naddresses = ["{OWNER}"]\n'
        f'[reply]\ncountry = "{country}"\ngdpr_source = {str(flags).lower()}\n'
        f"gdpr_erasure = {str(flags).lower()}\ngdpr_objection = {str(flags).lower()}\n")


@pytest.fixture(scope="module")
def templates():
    return TemplateSet(CONFIG_DIR / "templates", "en")


def _reply(kind: str, language: str, config, templates, channel: str = "email") -> str:
    msg = read_message(PITCH.encode(), "pitch.eml")
    msg.channel = channel
    first = datetime(2025, 12, 30, tzinfo=timezone.utc) if kind == "reminder" else None
    draft = compose(msg, kind, language, first, config, templates)
    assert draft.language == language
    return draft.body


@pytest.mark.parametrize("kind", ["refusal", "reminder"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reply_cites_danish_law_in_the_senders_language(language, kind, templates):
    body = _reply(kind, language, _config("DK"), templates)
    assert "markedsføringsloven § 10" in body
    assert f"({DENMARK[language]}, markedsføringsloven § 10)." in body
    assert sentence("DK", language) in body.splitlines(), "one sentence on a line of its own"
    assert body.count("markedsføringsloven") == 1


@pytest.mark.parametrize("kind", ["refusal", "reminder"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_country_no_law(language, kind, templates):
    body = _reply(kind, language, _config(""), templates)
    for country in COUNTRIES:
        assert law_for(country).law not in body
    assert "§" not in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reply_stays_under_the_word_limit_with_the_law_and_every_gdpr_flag(language, templates):
    """The longest citations (UWG § 7 Abs. 2 Nr. 2; the Finnish act's full name) with long names
    on both ends and a long date still leave the refusal and the reminder under the limit."""
    for country in COUNTRIES:
        config = _config(country)
        for kind in ("refusal", "reminder"):
            body = _reply(kind, language, config, templates)
            assert law_for(country).law in body
            assert len(body.split()) < LIMIT, f"{country} {language} {kind}: {len(body.split())} words\n{body}"


def test_chat_replies_do_not_cite_it(templates):
    """A chat reply keeps to its 45 words: the shipped chat templates leave the sentence out."""
    for kind in ("refusal", "reminder"):
        body = _reply(kind, "en", _config("DK"), templates, channel="telegram")
        assert "markedsføringsloven" not in body


def test_the_law_follows_the_reply_language_not_the_owners(templates):
    """A sender writing in a language without templates gets the owner's language, and the
    sentence in that same language."""
    config = parse(f'[owner]\nlanguage = "da"\naddresses = ["{OWNER}"]\n[reply]\ncountry = "dk"\n')
    assert config.reply.country == "DK"
    msg = read_message(PITCH.encode(), "pitch.eml")
    draft = compose(msg, "refusal", "pt", None, config, TemplateSet(CONFIG_DIR / "templates", "da"))
    assert draft.language == "da"
    assert "Ifølge loven kræver e-mailmarkedsføring mit forudgående samtykke (Danmark, markedsføringsloven § 10)." \
        in draft.body


@pytest.mark.parametrize("country,cited,name_de", [
    ("SE", "marknadsföringslagen 19 §", "Schweden"), ("NO", "markedsføringsloven § 15", "Norwegen"),
    ("DE", "UWG § 7 Abs. 2 Nr. 2", "Deutschland"), ("PL", "Prawo komunikacji elektronicznej art. 398", "Polen"),
    ("NL", "Telecommunicatiewet art. 11.7", "Niederlande"), ("FI", "laki sähköisen viestinnän palveluista 200 §", "Finnland"),
    ("FR", "CPCE art. L34-5", "Frankreich"), ("ES", "LSSI art. 21", "Spanien"), ("IT", "Codice privacy art. 130", "Italien"),
])
def test_each_country_is_cited_by_its_own_law(country, cited, name_de, templates):
    body = _reply("refusal", "de", _config(country), templates)
    assert f"({name_de}, {cited})." in body


def test_an_unknown_country_is_a_config_error_naming_the_supported_ones():
    with pytest.raises(ConfigError) as e:
        parse('[reply]\ncountry = "XX"\n', "nejtak.toml")
    text = str(e.value)
    assert text.startswith("nejtak.toml:2: reply.country:")
    assert "'XX'" in text and "DE, DK, ES, FI, FR, IT, NL, NO, PL, SE" in text
    assert len(text.splitlines()) == 1


def test_config_check_refuses_an_unknown_country(tmp_path):
    path = tmp_path / "nejtak.toml"
    path.write_text(f'[owner]\naddresses = ["{OWNER}"]\n[reply]\ncountry = "UK"\n')
    result = CliRunner().invoke(main, ["config", "check", str(path)])
    assert result.exit_code != 0
    assert "reply.country" in result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_no_country_by_default():
    assert parse("").reply.country == ""
    assert sentence("", "en") == ""


def test_shipped_templates_pass_the_check_with_the_new_variable(templates):
    assert templates.check_all() == []


def test_preview_shows_the_sentence(tmp_path):
    """`nejtak preview` renders what would be sent: with country = "DE" the German law is cited,
    in English for an English pitch."""
    config = tmp_path / "nejtak.toml"
    config.write_text(f'[owner]\naddresses = ["{OWNER}"]\n[reply]\ncountry = "DE"\n')
    pitch = tmp_path / "pitch.eml"
    pitch.write_bytes(PITCH.encode())
    result = CliRunner().invoke(main, ["preview", str(pitch), "--config", str(config), "--lang", "en"])
    assert result.exit_code == 0, result.output
    body = message_from_string(result.stdout.strip("\n"), policy=default).get_content()
    assert "By law, e-mail marketing requires my prior consent (Germany, UWG § 7 Abs. 2 Nr. 2)." in body
    config.write_text(f'[owner]\naddresses = ["{OWNER}"]\n')
    result = CliRunner().invoke(main, ["preview", str(pitch), "--config", str(config), "--lang", "en"])
    body = message_from_string(result.stdout.strip("\n"), policy=default).get_content()
    assert result.exit_code == 0 and "UWG" not in body and "no thanks" in body


def test_every_law_names_its_source_and_authorities():
    for country in COUNTRIES:
        rule = law_for(country)
        assert rule.country == country
        for url in (rule.source_url, rule.authority_url, rule.dpa_url):
            assert url.startswith("https://")
        assert rule.authority and rule.dpa
    assert law_for("") is None and law_for("XX") is None


def test_sentence_in_a_language_without_one_is_english():
    assert sentence("SE", "pt") == "By law, e-mail marketing requires my prior consent (Sweden, marknadsföringslagen 19 §)."
