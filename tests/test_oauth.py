"""OAuth2 tokens: the token file (0600, atomic), refresh before expiry against a local token
endpoint, a revoked grant, the config keys, and `nejtak auth` with MSAL's device flow driven
through a stand-in for MSAL's network layer."""
from __future__ import annotations

import asyncio
import json
import logging
import stat
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner

from nejtak.bot import config as config_mod
from nejtak.bot import oauth_login
from nejtak.bot.cli import main
from nejtak.bot.config import Smtp
from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.oauth import GrantExpired, Grant, grant_problems, TokenKeeper, read_grant, token_path, write_grant
from tests.fixtures.oauth_provider import FakeProvider, running_provider

OAUTH = dict(auth="oauth2", oauth2_provider="microsoft", oauth2_client_id="client-123")
USER = "anna@holm.example"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(scope="module")
def module_provider() -> Iterator[FakeProvider]:
    with running_provider() as p:
        yield p


@pytest.fixture
def provider(module_provider: FakeProvider) -> FakeProvider:
    module_provider.answers.clear()
    module_provider.refreshes.clear()
    return module_provider


def keeper(provider: FakeProvider, access: str = "at-1", expires_in: float = 3600,
           refresh: str = "rt-1") -> TokenKeeper:
    cfg = Smtp(username=USER, **OAUTH)
    write_grant(token_path("microsoft", USER), Grant(
        "microsoft", USER, "client-123", provider.token_url, ["https://outlook.office.com/SMTP.Send"],
        refresh, access, time.time() + expires_in))
    return TokenKeeper(cfg, USER, "smtp")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_a_token_valid_for_a_while_is_used_without_asking(provider):
    k = keeper(provider, "at-1", expires_in=3600)
    assert await asyncio.to_thread(k.access_token) == "at-1"
    assert provider.refreshes == []


async def test_an_expiring_token_is_refreshed_and_the_new_refresh_token_kept(provider):
    k = keeper(provider, "at-1", expires_in=120)  # inside the few minutes before expiry
    provider.answers.append({"access_token": "at-2", "expires_in": 3599, "refresh_token": "rt-2",
                             "token_type": "Bearer"})
    assert await asyncio.to_thread(k.access_token) == "at-2"
    form = provider.refreshes[0]
    assert form["grant_type"] == "refresh_token" and form["refresh_token"] == "rt-1"
    assert form["client_id"] == "client-123" and "SMTP.Send" in form["scope"]
    kept = read_grant(k.path)
    assert (kept.access_token, kept.refresh_token) == ("at-2", "rt-2")
    assert kept.expires_at > time.time() + 3000
    assert await asyncio.to_thread(k.access_token) == "at-2"  # and now used as it is
    assert len(provider.refreshes) == 1


async def test_the_token_file_is_readable_by_the_owner_alone(provider):
    k = keeper(provider, expires_in=0)
    assert mode(k.path) == 0o600
    assert mode(k.path.parent) == 0o700
    provider.answers.append({"access_token": "at-2", "expires_in": 3600})
    await asyncio.to_thread(k.access_token)
    assert mode(k.path) == 0o600  # after a rewrite as well
    assert [p.name for p in k.path.parent.iterdir()] == [k.path.name]  # no temp file left


async def test_a_revoked_grant_says_run_auth_again_once_and_is_remembered(provider, caplog):
    k = keeper(provider, expires_in=0)
    provider.answers.append({"error": "invalid_grant",
                             "error_description": "AADSTS700082: The refresh token has expired.\r\nTrace ID: x"})
    caplog.set_level(logging.ERROR, "nejtak.oauth")
    for _ in range(3):
        with pytest.raises(GrantExpired) as e:
            await asyncio.to_thread(k.access_token)
        assert "run `nejtak auth smtp` again" in str(e.value) and "AADSTS700082" in str(e.value)
        assert "Trace ID" not in str(e.value)  # one line
    assert len(provider.refreshes) == 1
    assert len(caplog.records) == 1 and "expired or was revoked" in caplog.records[0].getMessage()
    assert grant_problems() == [str(e.value)]
    # the owner sees it in the digest (console and Telegram), with what to do
    from datetime import datetime, timezone

    from nejtak.bot import digest as digest_mod
    from nejtak.bot.connectors.telegram_digest import header
    from nejtak.bot.store import Store

    store = Store("sqlite://")
    try:
        d = digest_mod.build(store, datetime(2026, 1, 1, tzinfo=timezone.utc))
    finally:
        store.close()
    assert f"needs you: {e.value}" in digest_mod.render_text(d)
    assert "run `nejtak auth smtp` again" in header(d, "auto", False)
    # a new sign-in (a new token file) clears it
    keeper(provider, "at-new", expires_in=3600)
    assert await asyncio.to_thread(k.access_token) == "at-new"


async def test_a_provider_that_is_down_is_worth_retrying(provider):
    k = keeper(provider, expires_in=0)
    provider.answers.append(503)
    with pytest.raises(TransientError):
        await asyncio.to_thread(k.access_token)
    provider.answers.append({"access_token": "at-2", "expires_in": 3600})
    assert await asyncio.to_thread(k.access_token) == "at-2"


async def test_a_wrong_client_id_is_permanent_and_named(provider):
    k = keeper(provider, expires_in=0)
    provider.answers.append({"error": "unauthorized_client", "error_description": "AADSTS700016: not found"})
    with pytest.raises(PermanentError, match=r"unauthorized_client.*check oauth2_client_id"):
        await asyncio.to_thread(k.access_token)


def test_no_token_file_says_to_run_auth():
    k = TokenKeeper(Smtp(username=USER, **OAUTH), USER, "smtp")
    with pytest.raises(PermanentError, match=r"run `nejtak auth smtp` once"):
        k.access_token()


def test_oauth2_without_provider_or_client_id_names_the_key():
    with pytest.raises(config_mod.ConfigError) as e:
        config_mod.parse('[[imap]]\nhost = "h"\nusername = "u"\nauth = "oauth2"\n')
    assert "imap.0.oauth2_provider" in str(e.value) and "imap.0.oauth2_client_id" in str(e.value)
    cfg = config_mod.parse('[[imap]]\nhost = "h"\nusername = "u"\nauth = "oauth2"\n'
                           'oauth2_provider = "google"\noauth2_client_id = "c"\n').imap[0]
    assert (cfg.auth, cfg.oauth2_tenant) == ("oauth2", "common")


# -- `nejtak auth` with MSAL's device flow ------------------------------------------------------

class _Response:
    def __init__(self, status: int, body: dict) -> None:
        self.status_code, self.text, self.headers = status, json.dumps(body), {}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise RuntimeError(self.status_code)


class FakeEntra:
    """MSAL's network layer (its HttpClient interface) answering as Microsoft Entra ID would."""

    def __init__(self, token_answer: dict) -> None:
        self.token_answer = token_answer
        self.posts: list[tuple[str, dict]] = []

    def get(self, url, params=None, headers=None, **kwargs):
        if "openid-configuration" in url:
            base = "https://login.microsoftonline.com/common/oauth2/v2.0"
            return _Response(200, {"authorization_endpoint": base + "/authorize", "token_endpoint": base + "/token",
                                   "device_authorization_endpoint": base + "/devicecode",
                                   "issuer": "https://login.microsoftonline.com/{tenantid}/v2.0"})
        return _Response(404, {"error": "not_found"})

    def post(self, url, params=None, data=None, headers=None, **kwargs):
        form = data if isinstance(data, dict) else {k: v[0] for k, v in parse_qs(data or "").items()}
        self.posts.append((url, form))
        if url.endswith("/devicecode"):
            return _Response(200, {"user_code": "ABCD-EFGH", "device_code": "dc", "interval": 0, "expires_in": 900,
                                   "verification_uri": "https://microsoft.com/devicelogin",
                                   "message": "To sign in, open https://microsoft.com/devicelogin and enter ABCD-EFGH."})
        return _Response(200 if "access_token" in self.token_answer else 400, self.token_answer)


def write_config(tmp_path: Path) -> str:
    path = tmp_path / "nejtak.toml"
    path.write_text(f'[[imap]]\nhost = "outlook.office365.com"\nusername = "{USER}"\nauth = "oauth2"\n'
                    'oauth2_provider = "microsoft"\noauth2_client_id = "client-123"\n'
                    '[smtp]\nhost = "smtp.office365.com"\nusername = "other@holm.example"\n'
                    'password_env = "X"\n')
    return str(path)


def test_auth_runs_the_device_flow_and_keeps_the_grant(tmp_path, monkeypatch):
    entra = FakeEntra({"access_token": "at-1", "refresh_token": "rt-1", "expires_in": 3600,
                       "token_type": "Bearer", "scope": "https://outlook.office.com/IMAP.AccessAsUser.All"})
    monkeypatch.setattr(oauth_login, "_msal_http_client", lambda: entra)
    result = CliRunner().invoke(main, ["auth", USER, "--config", write_config(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "enter ABCD-EFGH" in result.stderr  # what the owner must do
    path = token_path("microsoft", USER)
    assert str(path) in result.stdout and mode(path) == 0o600
    kept = read_grant(path)
    assert (kept.refresh_token, kept.access_token, kept.client_id) == ("rt-1", "at-1", "client-123")
    assert kept.token_url == "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    scopes = entra.posts[0][1]["scope"].split()  # the device code request
    assert {"https://outlook.office.com/IMAP.AccessAsUser.All", "https://outlook.office.com/SMTP.Send",
            "offline_access"} <= set(scopes)


def test_auth_refused_sign_in_is_one_clear_line(tmp_path, monkeypatch):
    entra = FakeEntra({"error": "access_denied", "error_description": "AADSTS70000: the user declined"})
    monkeypatch.setattr(oauth_login, "_msal_http_client", lambda: entra)
    result = CliRunner().invoke(main, ["auth", USER, "--config", write_config(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == \
        "Error: Microsoft sign-in failed: access_denied: AADSTS70000: the user declined"
    assert not token_path("microsoft", USER).exists()


@pytest.mark.parametrize("account, says", [
    ("nobody@holm.example", f"no [[imap]] account with username 'nobody@holm.example' in the config "
                            f"(accounts: {USER}, smtp)"),
    ("smtp", 'smtp signs in with a password: set auth = "oauth2"'),
])
def test_auth_for_an_account_it_cannot_sign_in(tmp_path, account, says):
    result = CliRunner().invoke(main, ["auth", account, "--config", write_config(tmp_path)])
    assert result.exit_code == 1 and says in result.stderr
    assert "Traceback" not in result.output


# -- `nejtak auth` with Google's installed-app flow ---------------------------------------------

class ReturningBrowser:
    """Stands in for the owner's browser: signs in and follows Google's redirect back to nejtak."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        import threading
        import urllib.request
        from urllib.parse import urlsplit

        self.opened.append(url)
        query = parse_qs(urlsplit(url).query)
        back = f"{query['redirect_uri'][0]}?state={query['state'][0]}&code=the-code&scope=https://mail.google.com/"
        threading.Thread(target=lambda: urllib.request.urlopen(back, timeout=10).read()).start()
        return True


def test_google_sign_in_keeps_a_grant_that_refreshes(tmp_path, monkeypatch, provider):
    import webbrowser

    browser = ReturningBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    monkeypatch.setattr(oauth_login, "GOOGLE_TOKEN_URL", provider.token_url)  # Google's, stood in for
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the stand-in speaks plain http
    provider.answers += [{"access_token": "g-at-1", "refresh_token": "g-rt-1", "expires_in": 3599,
                          "scope": "https://mail.google.com/", "token_type": "Bearer"},
                         {"access_token": "g-at-2", "expires_in": 3599, "token_type": "Bearer"}]
    path = tmp_path / "nejtak.toml"
    path.write_text('[[imap]]\nhost = "imap.gmail.com"\nusername = "anna@gmail.example"\nauth = "oauth2"\n'
                    'oauth2_provider = "google"\noauth2_client_id = "g-client"\noauth2_client_secret = "g-s"\n')
    result = CliRunner().invoke(main, ["auth", "anna@gmail.example", "--config", str(path)])
    assert result.exit_code == 0, result.output
    assert "login_hint=anna%40gmail.example" in browser.opened[0]
    assert "scope=https%3A%2F%2Fmail.google.com%2F" in browser.opened[0]
    assert provider.refreshes[0]["code"] == "the-code"  # exchanged at the token endpoint
    grant = read_grant(token_path("google", "anna@gmail.example"))
    assert (grant.refresh_token, grant.access_token) == ("g-rt-1", "g-at-1")
    # an hour later: refreshed with the client secret, the refresh token kept (Google sends none)
    cfg = config_mod.load(path).imap[0]
    grant.expires_at = time.time()
    write_grant(token_path("google", "anna@gmail.example"), grant)
    assert TokenKeeper(cfg, cfg.username, cfg.username).access_token() == "g-at-2"
    assert provider.refreshes[1]["client_secret"] == "g-s"
    assert read_grant(token_path("google", "anna@gmail.example")).refresh_token == "g-rt-1"
