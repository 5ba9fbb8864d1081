"""`nejtak preview MESSAGE`: the full reply a message would get, with RFC 3834 headers, nothing sent."""
from datetime import datetime, timedelta, timezone
from email import message_from_string
from email.policy import default

import pytest
from babel.dates import format_date
from click.testing import CliRunner

from nejtak.bot.cli import main

OWNER = "owner@example.org"
GERMAN_PITCH = (
    "Return-Path: <max.vertrieb@leadgen-pro.de>\r\n"
    "From: Max Vertrieb <max.vertrieb@leadgen-pro.de>\r\n"
    "Reply-To: crm@elsewhere.example\r\n"
    f"To: Owner <{OWNER}>\r\n"
    "Subject: =?utf-8?q?Kurze_Frage_zu_Ihrer_Webseite?=\r\n"
    "Date: Tue, 04 Mar 2025 09:15:00 +0100\r\n"
    "Message-ID: <angebot-1@leadgen-pro.de>\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: text/plain; charset="utf-8"\r\n'
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Hallo,\r\n\r\nich bin auf Ihre Webseite gestoßen und glaube, dass wir Ihnen helfen können, mehr Kunden "
    "zu gewinnen. Wir sind eine Agentur für digitales Marketing und arbeiten mit vielen kleinen "
    "Unternehmen. Hätten Sie nächste Woche fünfzehn Minuten Zeit für ein kurzes Gespräch?\r\n"
)
ENGLISH_PITCH = GERMAN_PITCH.split("\r\n\r\n", 1)[0].replace(
    "=?utf-8?q?Kurze_Frage_zu_Ihrer_Webseite?=", "Quick question about your website") + (
    "\r\n\r\nHi,\r\n\r\nI came across your website and I think we could help you get more customers. "
    "We are a digital marketing agency and work with many small businesses like yours. Would you have "
    "fifteen minutes for a short call next week?\r\n")


@pytest.fixture
def preview(tmp_path):
    """message text + args -> (exit code, the printed reply parsed, stdout text)."""

    def preview(text: str, *args: str):
        path = tmp_path / "pitch.eml"
        path.write_bytes(text.encode("utf-8"))
        result = CliRunner().invoke(main, ["preview", str(path), "--me", OWNER, *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        stdout = result.stdout
        return result.exit_code, message_from_string(stdout.strip("\n"), policy=default), stdout

    return preview


def test_preview_prints_a_full_rfc3834_reply_in_the_messages_language(preview):
    code, msg, stdout = preview(GERMAN_PITCH)
    assert code == 0
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert [a.addr_spec for a in msg["To"].addresses] == ["max.vertrieb@leadgen-pro.de"]
    assert [a.addr_spec for a in msg["From"].addresses] == [OWNER]
    assert msg["Subject"] == "Re: Kurze Frage zu Ihrer Webseite"
    assert msg["In-Reply-To"] == "<angebot-1@leadgen-pro.de>"
    assert msg["References"] == "<angebot-1@leadgen-pro.de>"
    assert msg["Message-ID"].startswith("<nejtak.refusal.") and msg["Message-ID"].endswith("@example.org>")
    assert msg.get_content_type() == "text/plain"
    body = msg.get_content()
    assert "kein Interesse" in body and "Max Vertrieb" in body
    assert "gestoßen" not in body  # no quote of the original
    assert len(body.split()) < 80


def test_preview_english(preview):
    code, msg, _ = preview(ENGLISH_PITCH)
    assert code == 0
    assert "no thanks" in msg.get_content()


def test_preview_lang_forces_german(preview):
    code, msg, _ = preview(ENGLISH_PITCH, "--lang", "de")
    assert code == 0
    body = msg.get_content()
    assert "kein Interesse" in body and "no thanks" not in body


@pytest.mark.parametrize("lang,mark", [("da", "nej tak"), ("sv", "nej tack"), ("nb", "nei takk"),
                                       ("pl", "nie skorzystam"), ("en", "no thanks")])
def test_preview_lang_any_supported(preview, lang, mark):
    code, msg, _ = preview(GERMAN_PITCH, "--lang", lang)
    assert code == 0 and mark in msg.get_content().lower()


def test_preview_reminder_contains_a_date(preview):
    code, msg, _ = preview(ENGLISH_PITCH, "--kind", "reminder")
    assert code == 0
    body = msg.get_content()
    today = datetime.now(timezone.utc)
    dates = {format_date(d, format="long", locale="en_GB") for d in (today, today - timedelta(days=1))}
    assert any(d in body for d in dates), body
    assert msg["Message-ID"].startswith("<nejtak.reminder.")


def test_preview_reminder_in_german_has_a_german_date(preview):
    code, msg, _ = preview(GERMAN_PITCH, "--kind", "reminder")
    assert code == 0
    today = datetime.now(timezone.utc)
    dates = {format_date(d, format="long", locale="de_DE") for d in (today, today - timedelta(days=1))}
    assert any(d in msg.get_content() for d in dates)


def test_preview_without_return_path_warns_and_still_shows(preview):
    text = GERMAN_PITCH.replace("Return-Path: <max.vertrieb@leadgen-pro.de>\r\n", "")
    code, msg, _ = preview(text)
    assert code == 0
    assert [a.addr_spec for a in msg["To"].addresses] == ["unknown@invalid"]


def test_preview_rejects_an_unknown_kind(tmp_path):
    path = tmp_path / "p.eml"
    path.write_text(ENGLISH_PITCH)
    result = CliRunner().invoke(main, ["preview", str(path), "--kind", "threat"])
    assert result.exit_code != 0
