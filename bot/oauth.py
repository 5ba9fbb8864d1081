"""OAuth2 tokens for IMAP and SMTP: the grant `nejtak auth` obtained, kept in the data directory
(mode 0600) and refreshed a few minutes before the access token expires.

Blocking (a file and, now and then, one HTTPS POST): call it from the IMAP and SMTP threads."""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from nejtak.bot.config import Secret
from nejtak.bot.errors import PermanentError, TransientError
from nejtak.bot.logs import register_secret

log = logging.getLogger("nejtak.oauth")

REFRESH_BEFORE = 300.0  # seconds before expiry an access token is replaced
HTTP_TIMEOUT = 30.0

# offline_access asks for a refresh token; MSAL adds it by itself to the device flow
MICROSOFT_SCOPES = ["https://outlook.office.com/IMAP.AccessAsUser.All",
                    "https://outlook.office.com/SMTP.Send"]
GOOGLE_SCOPES = ["https://mail.google.com/"]
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"


def microsoft_authority(tenant: str) -> str:
    return f"https://login.microsoftonline.com/{tenant or 'common'}"


def token_url(cfg: Secret) -> str:
    if cfg.oauth2_provider == "microsoft":
        return microsoft_authority(cfg.oauth2_tenant) + "/oauth2/v2.0/token"
    return GOOGLE_TOKEN_URL


def refresh_scopes(provider: str) -> list[str]:
    return [*MICROSOFT_SCOPES, "offline_access"] if provider == "microsoft" else list(GOOGLE_SCOPES)


class GrantExpired(PermanentError):
    """The provider no longer honours the refresh token: only a new sign-in helps."""


@dataclass
class Grant:
    """What one sign-in left behind: the refresh token, and the access token of the moment."""

    provider: str
    username: str
    client_id: str
    token_url: str  # where the grant was issued; refreshed there
    scopes: list[str]
    refresh_token: str
    access_token: str = ""
    expires_at: float = 0.0  # seconds since the epoch
    problem: str = ""  # set when the provider refused the grant; `nejtak auth` clears it
    updated: float = field(default_factory=time.time)


def token_dir() -> Path:
    """Beside the embedded SQLite store: the platformdirs user data directory of nejtak."""
    return Path(platformdirs.user_data_dir("nejtak")) / "oauth2"


def token_path(provider: str, username: str) -> Path:
    """One file per provider and mailbox: IMAP and SMTP of the same account share one sign-in."""
    name = re.sub(r"[^A-Za-z0-9@._+-]", "_", username.lower()) or "_"
    return token_dir() / f"{provider}-{name}.json"


def read_grant(path: Path) -> Grant | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise PermanentError(f"OAuth2 token file {path} cannot be read ({e})") from e
    try:
        grant = Grant(**data)
    except TypeError as e:
        raise PermanentError(f"OAuth2 token file {path} is not one nejtak wrote ({e})") from e
    register_secret(grant.refresh_token)
    return grant


def write_grant(path: Path, grant: Grant) -> None:
    """Atomically, and readable by the owner alone from the first byte on."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    grant.updated = time.time()
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(grant), f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_locks: dict[Path, threading.Lock] = {}
_locks_lock = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    """One refresh at a time per token file: the IMAP sessions and SMTP of an account share it."""
    with _locks_lock:
        return _locks.setdefault(path, threading.Lock())


class TokenKeeper:
    """The access token of one account, from its token file, refreshed when it is about to expire."""

    def __init__(self, cfg: Secret, username: str, account: str) -> None:
        self.cfg = cfg
        self.username = username
        self.account = account  # as `nejtak auth` names it: the [[imap]] username, or "smtp"
        self.path = token_path(cfg.oauth2_provider, username)

    @property
    def again(self) -> str:
        return f"run `nejtak auth {self.account}` again"

    def access_token(self, force_refresh: bool = False) -> str:
        """A token valid for a few minutes more at least; force_refresh after a server refused one."""
        if not self.username:
            raise PermanentError(f'{self.account}: auth = "oauth2" needs the mailbox address as username')
        with _lock_for(self.path):
            grant = read_grant(self.path)
            if grant is None:
                raise PermanentError(f"no OAuth2 sign-in for {self.username} ({self.cfg.oauth2_provider}): "
                                     f"run `nejtak auth {self.account}` once")
            if grant.problem:
                raise GrantExpired(grant.problem)
            if not force_refresh and grant.access_token and grant.expires_at - REFRESH_BEFORE > time.time():
                return grant.access_token
            self._refresh(grant)
            write_grant(self.path, grant)
            return grant.access_token

    def _refresh(self, grant: Grant) -> None:
        form = {"grant_type": "refresh_token", "refresh_token": grant.refresh_token,
                "client_id": self.cfg.oauth2_client_id or grant.client_id, "scope": " ".join(grant.scopes)}
        if self.cfg.oauth2_client_secret:
            form["client_secret"] = self.cfg.oauth2_client_secret
        answer = _post(grant.token_url, form, self.where)
        if "error" in answer:
            error = str(answer.get("error"))
            said = str(answer.get("error_description") or "").splitlines()[0:1]
            detail = f"{error}: {said[0]}" if said else error
            if error == "invalid_grant":
                grant.problem = (f"the OAuth2 sign-in of {self.username} ({grant.provider}) expired or was "
                                 f"revoked ({detail}): {self.again}")
                write_grant(self.path, grant)  # remembered: not asked again, said once
                log.error("%s", grant.problem)
                raise GrantExpired(grant.problem)
            raise PermanentError(f"{self.where} refused to refresh the token of {self.username} ({detail}); "
                                 f"check oauth2_client_id, then {self.again}")
        token = answer.get("access_token")
        if not isinstance(token, str) or not token:
            raise TransientError(f"{self.where}: no access_token in the answer")
        grant.access_token = token
        grant.expires_at = time.time() + float(answer.get("expires_in") or 3600)
        if answer.get("refresh_token"):  # Microsoft rotates it; Google keeps the first
            grant.refresh_token = register_secret(str(answer["refresh_token"]))
        log.info("OAuth2 access token of %s refreshed (valid %.0f min)", self.username,
                 (grant.expires_at - time.time()) / 60)

    @property
    def where(self) -> str:
        return f"OAuth2 token endpoint of {self.cfg.oauth2_provider or 'the provider'}"


def _post(url: str, form: dict[str, str], where: str) -> dict:
    """The token endpoint's JSON answer; an error answer (RFC 6749 section 5.2) is returned too."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(),
                                     headers={"Accept": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            body = response.read()
    except urllib.error.HTTPError as e:
        body = e.read()
        if e.code >= 500 or e.code == 429:
            raise TransientError(f"{where}: HTTP {e.code}") from e
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if isinstance(answer, dict) and "error" in answer:
            return answer
        raise PermanentError(f"{where}: HTTP {e.code} {body[:200]!r}") from e
    except (urllib.error.URLError, OSError) as e:
        raise TransientError(f"{where} unreachable: {getattr(e, 'reason', e)}") from e
    try:
        answer = json.loads(body)
    except ValueError as e:
        raise TransientError(f"{where}: the answer is not JSON") from e
    if not isinstance(answer, dict):
        raise TransientError(f"{where}: the answer is not a JSON object")
    return answer


def grant_problems() -> list[str]:
    """Every kept sign-in the provider refused, with what to do: for the digest and `config check`."""
    problems = []
    for path in sorted(token_dir().glob("*.json")) if token_dir().is_dir() else []:
        try:
            grant = read_grant(path)
        except PermanentError as e:
            problems.append(str(e))
            continue
        if grant is not None and grant.problem:
            problems.append(grant.problem)
    return problems


def keeper_for(cfg: Secret, username: str, account: str) -> TokenKeeper:
    return TokenKeeper(cfg, username, account)


def xoauth2(username: str, access_token: str) -> str:
    """The SASL XOAUTH2 initial response (Google's and Microsoft's documented format)."""
    return f"user={username}\x01auth=Bearer {access_token}\x01\x01"


def smtp_xoauth2(username: str, access_token: str):
    """smtplib's authobject: the initial response, then an empty answer to an error challenge
    (the server then says 535 with its reason)."""
    def respond(challenge: bytes | None = None) -> str:
        return xoauth2(username, access_token) if challenge is None else ""
    return respond
