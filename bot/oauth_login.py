"""`nejtak auth`: the one interactive sign-in per account, with the providers' own libraries
(MSAL's device-code flow for Microsoft, google-auth-oauthlib's installed-app flow for Google);
the grant is kept by bot/oauth.py."""
from __future__ import annotations

import time
from datetime import timezone
from typing import Any, Callable

from nejtak.bot.config import Config, Secret
from nejtak.bot.oauth import (GOOGLE_SCOPES, GOOGLE_TOKEN_URL, MICROSOFT_SCOPES, Grant, microsoft_authority,
                              refresh_scopes, token_path, token_url, write_grant)

Say = Callable[[str], None]
GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/auth"
SIGN_IN_SECONDS = 600


class SignInFailed(Exception):
    """The sign-in did not give a refresh token; the message says why and what to do."""


def account_config(config: Config, account: str) -> tuple[Secret, str]:
    """The [[imap]] account with that username, or [smtp] for "smtp", and its username."""
    if account.lower() == "smtp":
        if config.smtp is None:
            raise SignInFailed("no [smtp] section in the config")
        cfg: Secret = config.smtp
        username = config.smtp.username
    else:
        found = [i for i in config.imap if i.username.lower() == account.lower()]
        if not found:
            known = ", ".join([i.username for i in config.imap] + (["smtp"] if config.smtp else [])) or "none"
            raise SignInFailed(f"no [[imap]] account with username {account!r} in the config (accounts: {known})")
        cfg, username = found[0], found[0].username
    if cfg.auth != "oauth2":
        raise SignInFailed(f'{account} signs in with a password: set auth = "oauth2", oauth2_provider and '
                           "oauth2_client_id in its section first")
    if not username:
        raise SignInFailed(f'{account}: auth = "oauth2" needs the mailbox address as username')
    return cfg, username


def _msal_http_client() -> Any:
    """MSAL's network layer; None: its own (requests). Tests put a stand-in here."""
    return None


def sign_in_microsoft(cfg: Secret, username: str, say: Say) -> Grant:
    import msal

    app = msal.PublicClientApplication(cfg.oauth2_client_id, authority=microsoft_authority(cfg.oauth2_tenant),
                                       http_client=_msal_http_client())
    flow = app.initiate_device_flow(scopes=MICROSOFT_SCOPES)  # MSAL adds offline_access itself
    if "user_code" not in flow:
        raise SignInFailed(f"Microsoft did not start the sign-in: {_why(flow)}")
    say(f"Sign in as {username}: {flow['message']}")
    result = app.acquire_token_by_device_flow(flow)  # polls until signed in, refused or timed out
    if "access_token" not in result:
        raise SignInFailed(f"Microsoft sign-in failed: {_why(result)}")
    if not result.get("refresh_token"):
        raise SignInFailed("Microsoft gave no refresh token: check that the app registration allows "
                           "public client flows and the scopes IMAP.AccessAsUser.All and SMTP.Send")
    signed_in = (result.get("id_token_claims") or {}).get("preferred_username")
    if signed_in and signed_in.lower() != username.lower():
        say(f"note: you signed in as {signed_in}, the config says {username}")
    return Grant("microsoft", username, cfg.oauth2_client_id, token_url(cfg), refresh_scopes("microsoft"),
                 result["refresh_token"], result["access_token"],
                 time.time() + float(result.get("expires_in") or 3600))


def sign_in_google(cfg: Secret, username: str, say: Say, port: int = 0, open_browser: bool = True) -> Grant:
    import webbrowser

    from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    if not cfg.oauth2_client_secret:
        raise SignInFailed("Google needs oauth2_client_secret as well (from the desktop OAuth client's JSON)")
    flow = InstalledAppFlow.from_client_config({"installed": {
        "client_id": cfg.oauth2_client_id, "client_secret": cfg.oauth2_client_secret,
        "auth_uri": GOOGLE_AUTH_URL, "token_uri": GOOGLE_TOKEN_URL, "redirect_uris": ["http://localhost"]}},
        scopes=GOOGLE_SCOPES)
    say(f"Sign in as {username} in a browser; Google sends it back to localhost on this machine "
        "(on a server without a browser: --no-browser --port 8765, and ssh -L 8765:localhost:8765 to it)")
    try:
        creds = flow.run_local_server(
            host="localhost", port=port, open_browser=open_browser, timeout_seconds=SIGN_IN_SECONDS,
            authorization_prompt_message="Open this address: {url}",
            success_message="nejtak is signed in; you can close this window.",
            login_hint=username, prompt="consent")  # consent: Google gives a refresh token every time
    except webbrowser.Error as e:
        raise SignInFailed(f"no browser to open here ({e}): run it again with --no-browser") from e
    except WSGITimeoutError as e:
        raise SignInFailed(f"no sign-in came back within {SIGN_IN_SECONDS // 60} minutes") from e
    except OAuth2Error as e:
        raise SignInFailed(f"Google refused the sign-in: {e.error}: {e.description}") from e
    if not creds.refresh_token:
        raise SignInFailed("Google gave no refresh token: remove nejtak's access in your Google account "
                           "(Security, Third-party access) and sign in again")
    expires = creds.expiry.replace(tzinfo=timezone.utc).timestamp() if creds.expiry else time.time() + 3600
    return Grant("google", username, cfg.oauth2_client_id, GOOGLE_TOKEN_URL, refresh_scopes("google"),
                 creds.refresh_token, creds.token, expires)


def sign_in(cfg: Secret, username: str, say: Say, port: int = 0, open_browser: bool = True) -> str:
    """Run the provider's flow and keep the grant; returns where it is kept."""
    if cfg.oauth2_provider == "microsoft":
        grant = sign_in_microsoft(cfg, username, say)
    else:
        grant = sign_in_google(cfg, username, say, port, open_browser)
    path = token_path(grant.provider, username)
    write_grant(path, grant)
    return str(path)


def _why(answer: dict) -> str:
    error = answer.get("error") or "no answer"
    said = str(answer.get("error_description") or "").splitlines()[:1]
    return f"{error}: {said[0]}" if said else str(error)
