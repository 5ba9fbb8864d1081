"""SASL XOAUTH2: IMAP against a real Dovecot with an oauth2 passdb (tokens checked by a local
introspection endpoint), SMTP against aiosmtpd with an XOAUTH2 mechanism."""
from __future__ import annotations

import base64
import logging
import shutil
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path
from typing import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from nejtak.bot.config import Imap, Smtp
from nejtak.bot.connectors.imap_session import ImapSession
from nejtak.bot.connectors.smtp_out import SmtpSender
from nejtak.bot.errors import PermanentError
from nejtak.bot.oauth import Grant, token_path, write_grant
from tests.fixtures.dovecot import Dovecot, running_dovecot
from tests.fixtures.oauth_provider import FakeProvider, running_provider
from tests.fixtures.smtp import free_port

GOOD = "good-access-token-1"
OAUTH = dict(auth="oauth2", oauth2_provider="microsoft", oauth2_client_id="nejtak-test-client")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    with running_provider() as p:
        yield p


@pytest.fixture
def fresh(provider: FakeProvider) -> FakeProvider:
    provider.good_tokens = {GOOD}
    provider.answers.clear()
    provider.refreshes.clear()
    provider.introspected.clear()
    return provider


@pytest.fixture(scope="module")
def oauth_dovecot(provider: FakeProvider) -> Iterator[Dovecot]:
    if shutil.which("dovecot") is None:
        pytest.fail("dovecot is not installed: run `scripts/setup --test`", pytrace=False)
    # Readable by Dovecot's auth process, which may run as another user.
    folder = Path(tempfile.mkdtemp(prefix="nejtak-oauth2-"))
    folder.chmod(0o755)
    ext = folder / "dovecot-oauth2.conf.ext"
    ext.write_text(f"introspection_url = {provider.introspection_url}\nintrospection_mode = post\n"
                   "username_attribute = username\nactive_attribute = active\nactive_value = true\n")
    ext.chmod(0o644)
    extra = ("auth_mechanisms = plain login xoauth2 oauthbearer\n"
             f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {ext}\n}}\n")
    try:
        with running_dovecot(extra) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def keep(cfg, provider: FakeProvider, access_token: str, expires_in: float = 3600,
         refresh_token: str = "refresh-1") -> Path:
    path = token_path(cfg.oauth2_provider, cfg.username)
    write_grant(path, Grant("microsoft", cfg.username, cfg.oauth2_client_id, provider.token_url,
                            ["https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"],
                            refresh_token, access_token, time.time() + expires_in))
    return path


def imap_config(server: Dovecot) -> Imap:
    return Imap(host=server.host, port=server.imap_port, security="none", username=server.user,
                timeout_seconds=10, **OAUTH)


async def inbox_exists(server: Dovecot) -> bool:
    session = ImapSession(imap_config(server), "test")
    try:
        return await session.run(lambda client: client.folder_exists("INBOX"))
    finally:
        await session.close()


pytestmark = pytest.mark.dovecot


async def test_imap_logs_in_with_xoauth2_and_a_good_token(oauth_dovecot, fresh):
    keep(imap_config(oauth_dovecot), fresh, GOOD)
    assert await inbox_exists(oauth_dovecot)
    assert fresh.introspected == [GOOD]  # Dovecot asked the token's issuer
    assert fresh.refreshes == []  # a token valid for an hour is used as it is


async def test_a_refused_token_is_refreshed_once_and_the_new_one_logs_in(oauth_dovecot, fresh):
    # revoked before its time: the server refuses it though it has not expired
    keep(imap_config(oauth_dovecot), fresh, "revoked-early")
    fresh.answers.append({"access_token": GOOD, "expires_in": 3600, "token_type": "Bearer"})
    assert await inbox_exists(oauth_dovecot)
    assert len(fresh.refreshes) == 1 and fresh.refreshes[0]["grant_type"] == "refresh_token"


async def test_a_bad_token_fails_clearly_and_says_what_to_do(oauth_dovecot, fresh):
    keep(imap_config(oauth_dovecot), fresh, "bad-token")
    fresh.answers.append({"access_token": "still-bad", "expires_in": 3600})
    with pytest.raises(PermanentError) as e:
        await inbox_exists(oauth_dovecot)
    text = str(e.value)
    assert "login failed" in text and "run `nejtak auth tester` again" in text
    assert "bad-token" not in text and "still-bad" not in text  # tokens never shown


async def test_an_expiring_token_is_refreshed_before_login(oauth_dovecot, fresh):
    path = keep(imap_config(oauth_dovecot), fresh, "old-but-valid", expires_in=60)
    fresh.good_tokens.add("old-but-valid")
    fresh.answers.append({"access_token": GOOD, "expires_in": 3600, "refresh_token": "refresh-2"})
    assert await inbox_exists(oauth_dovecot)
    assert fresh.introspected == [GOOD]  # the new one, not the one about to expire
    assert '"refresh-2"' in path.read_text()


async def test_a_revoked_grant_stops_the_account_with_what_to_do(oauth_dovecot, fresh, caplog):
    keep(imap_config(oauth_dovecot), fresh, GOOD, expires_in=-10)
    fresh.answers.append({"error": "invalid_grant", "error_description": "AADSTS70000: The grant was revoked."})
    caplog.set_level(logging.ERROR, "nejtak.oauth")
    for _ in range(2):  # the daemon, and the training folders' connections, ask again
        with pytest.raises(PermanentError, match=r"expired or was revoked .*run `nejtak auth tester` again"):
            await inbox_exists(oauth_dovecot)
    assert len(fresh.refreshes) == 1  # the provider is not asked again
    assert len([r for r in caplog.records if "revoked" in r.getMessage()]) == 1  # said once
    assert fresh.introspected == []


async def test_no_sign_in_yet_says_to_run_auth(oauth_dovecot, fresh):
    with pytest.raises(PermanentError, match=r"no OAuth2 sign-in for tester .*run `nejtak auth tester` once"):
        await inbox_exists(oauth_dovecot)


# -- SMTP: aiosmtpd with an XOAUTH2 mechanism ------------------------------------------------

class XOAuth2Server:
    """Accepts mail after AUTH XOAUTH2 with the one good token; records who logged in."""

    def __init__(self, good: str) -> None:
        self.good = good
        self.logins: list[str] = []
        self.messages: list[bytes] = []

    async def auth_XOAUTH2(self, server, args) -> AuthResult:
        raw = args[1] if len(args) > 1 else await server.challenge_auth("", encode_to_b64=False)
        if raw is None:  # aborted
            return AuthResult(success=False, handled=False)
        parts = dict(p.split("=", 1) for p in base64.b64decode(raw).decode().split("\x01") if "=" in p)
        if parts.get("auth") == f"Bearer {self.good}":
            self.logins.append(parts.get("user", ""))
            return AuthResult(success=True, auth_data=parts.get("user"))
        return AuthResult(success=False, handled=False)

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(envelope.original_content)
        return "250 OK"


@pytest.fixture
def xoauth2_smtp() -> Iterator[tuple[XOAuth2Server, int]]:
    handler = XOAuth2Server(GOOD)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, auth_require_tls=False,
                            auth_required=True, server_hostname="capture.test")
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def smtp_config(port: int) -> Smtp:
    return Smtp(host="127.0.0.1", port=port, security="none", username="tester@example.test",
                timeout_seconds=5, **OAUTH)


def refusal() -> EmailMessage:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"], m["Message-ID"] = "tester@example.test", "a@b.test", "Re: hi", "<r1@x>"
    m.set_content("No, thank you.")
    return m


async def test_smtp_sends_after_xoauth2(xoauth2_smtp, fresh):
    server, port = xoauth2_smtp
    keep(smtp_config(port), fresh, GOOD)
    await SmtpSender(smtp_config(port)).send(refusal(), "tester@example.test", "a@b.test")
    assert server.logins == ["tester@example.test"] and len(server.messages) == 1


async def test_smtp_refused_token_fails_permanently_and_says_what_to_do(xoauth2_smtp, fresh):
    server, port = xoauth2_smtp
    keep(smtp_config(port), fresh, "bad-token")
    with pytest.raises(PermanentError, match=r"535 .*run `nejtak auth smtp` again"):
        await SmtpSender(smtp_config(port)).send(refusal(), "tester@example.test", "a@b.test")
    assert server.messages == []
