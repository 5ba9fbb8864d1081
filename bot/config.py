"""The owner's configuration: one TOML file over config/defaults.toml, validated once at start-up."""
from __future__ import annotations

import hashlib
import logging
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from nejtak.bot.errors import ConfigError  # noqa: F401  (kept there: the command line catches it without pydantic)
from nejtak.bot.logs import register_secret

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"
DEFAULTS_FILE = CONFIG_DIR / "defaults.toml"

Mode = Literal["observe", "approve", "auto"]
Security = Literal["none", "starttls", "tls"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Owner(_Section):
    name: str = ""
    addresses: list[str] = Field(default_factory=list)
    trusted_authserv_ids: list[str] = Field(default_factory=list)
    language: str = "en"  # reply language when the sender's has no template
    # the owner's own organisations, whose authenticated senders are colleagues (never refused);
    # None: those of `addresses`, free-mail providers excepted; []: none
    organisation_domains: list[str] | None = None

    @field_validator("addresses")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        for a in v:
            if "@" not in a:
                raise ValueError(f"{a!r} is not an e-mail address")
        return [a.strip().lower() for a in v]


# Signals a shipped version had and this one dropped -> what took their place.
RETIRED_SIGNALS = {"LEARNED_SPAM_CERTAIN": "LEARNED_TEXT", "LEARNED_SPAM_LIKELY": "LEARNED_TEXT",
                   "LEARNED_HAM_LIKELY": "LEARNED_TEXT"}


class Store(_Section):
    url: str = ""  # empty: SQLite in the user data directory
    retention_days: int = Field(30, ge=0)  # message bodies are dropped after this; 0 keeps none

    def resolved_url(self) -> str:
        if self.url:
            return self.url
        data = Path(platformdirs.user_data_dir("nejtak"))
        data.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{data / 'nejtak.db'}"

    def acceptance_journal(self) -> Path:
        """Where the server's acceptances are written first (bot/acceptance.py): beside a
        SQLite file, else in the user data directory, one per store."""
        url = self.resolved_url()
        if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
            return Path(url[len("sqlite:///"):] + ".accepted")
        digest = hashlib.sha256(url.encode()).hexdigest()[:12]
        return Path(platformdirs.user_data_dir("nejtak")) / f"accepted-{digest}.log"


class Secret(_Section):
    """Where a password comes from: an environment variable or a file, never the config text;
    or, with auth = "oauth2", which provider grants the token (bot/oauth.py keeps it)."""

    password_env: str = ""
    password_file: str = ""
    auth: Literal["password", "oauth2"] = "password"
    oauth2_provider: Literal["", "google", "microsoft"] = Field("", validate_default=True)
    oauth2_client_id: str = Field("", validate_default=True)  # the app registration's client id
    # Google's desktop clients come with a secret that Google does not treat as confidential
    oauth2_client_secret: str = ""
    oauth2_tenant: str = "common"  # microsoft only: common, organizations, consumers or a tenant id

    @field_validator("oauth2_provider", "oauth2_client_id")
    @classmethod
    def _oauth2_needs(cls, v: str, info) -> str:
        if info.data.get("auth") == "oauth2" and not v.strip():
            hint = '"google" or "microsoft"' if info.field_name == "oauth2_provider" else \
                "the client id of your OAuth app registration"
            raise ValueError(f'auth = "oauth2" needs {info.field_name} ({hint})')
        return v.strip()

    def password(self) -> str:
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise ConfigError(f"environment variable {self.password_env} is not set")
            return register_secret(value)
        if self.password_file:
            try:
                return register_secret(Path(self.password_file).read_text().strip())
            except OSError as e:
                raise ConfigError(f"password_file {self.password_file}: {e.strerror}") from e
        return ""


class Imap(Secret):
    host: str
    port: int = Field(993, gt=0, lt=65536)
    security: Security = "tls"
    username: str
    inbox: str = "INBOX"
    # Empty: found on the server (SPECIAL-USE \Sent, then usual names, imap_folders.py); a folder
    # named here must exist.
    sent: str = ""
    idle: bool = True
    poll_seconds: float = Field(60, gt=0)
    timeout_seconds: float = Field(60, gt=0)
    history_limit: int = Field(5000, ge=0)  # Sent/inbox messages read as sender history at start
    backlog_days: int = Field(0, ge=0)  # mail older than the first start is left alone unless > 0
    keyword: str = "$NejtakRefused"
    move_to: str = ""  # folder to move handled pitches to; empty leaves them
    # Training folders (bot/connectors/imap_training.py): mail the owner moves in is labelled
    # pitch or wanted, moved out taken back. "/" between levels; empty turns one off.
    pitch_folder: str = Field("nejtak/Pitch", validate_default=True)  # checked against move_to too
    wanted_folder: str = Field("nejtak/Wanted", validate_default=True)

    @field_validator("pitch_folder", "wanted_folder")
    @classmethod
    def _training_folder(cls, v: str, info) -> str:
        v = v.strip()
        if not v:
            return ""
        if any(ord(c) < 32 or c in "*%\x7f" for c in v):
            raise ValueError(f"{v!r}: a folder name cannot hold control characters, * or %")
        if "" in v.split("/"):
            raise ValueError(f"{v!r}: an empty folder level (a leading, trailing or double /)")
        # A training folder that nejtak itself fills (move_to) or that is not the owner's choice
        # of examples (inbox, sent) would label everything in it.
        for other in ("inbox", "sent", "move_to", "pitch_folder"):
            taken = str(info.data.get(other) or "").strip()
            if other != info.field_name and taken and (v == taken or v.upper() == taken.upper() == "INBOX"):
                raise ValueError(f"{v!r} is already {other}: a training folder needs a folder of its own")
        if not str(info.data.get("sent") or "").strip():  # the Sent folder is found on the server
            from nejtak.bot.connectors.imap_folders import is_sent_name

            if is_sent_name(v):
                raise ValueError(f"{v!r} is a usual name of the Sent folder, which is already sent: "
                                 "a training folder needs a folder of its own")
        return v


class Smtp(Secret):
    host: str = "127.0.0.1"
    port: int = Field(587, gt=0, lt=65536)
    security: Security = "starttls"
    username: str = ""
    timeout_seconds: float = Field(30, gt=0)
    ca_file: str = ""  # PEM bundle of CAs to verify the server with; empty: the system's CAs


class Intake(_Section):
    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(2525, ge=0, lt=65536)  # 0: any free port (tests read SmtpIntake.port)
    max_size: int = Field(10 * 1024 * 1024, gt=0)  # bytes; advertised as SIZE, larger mail gets 552
    hostname: str = ""  # the name in the greeting and Received lines; empty: this machine's name
    max_connections: int = Field(50, gt=0)  # at once; more get 421 and are closed
    max_session_seconds: float = Field(600, gt=0)  # a session is closed (421) after this long
    idle_seconds: float = Field(60, gt=0)  # with no command
    max_recipients: int = Field(50, gt=0)  # RCPT commands in one session, accepted or not
    max_commands: int = Field(200, gt=0)  # of any one kind (NOOP, RSET, ...) in one session


class Telegram(_Section):
    token_env: str = "NEJTAK_TELEGRAM_TOKEN"
    token_file: str = ""
    owner_id: int
    api_url: str = ""
    digest_times: list[str] = Field(default_factory=lambda: ["09:00", "18:00"])
    business: bool = True

    def token(self) -> str:
        """The bot token from the environment variable or the file; never logged."""
        if self.token_file:
            try:
                value = Path(self.token_file).read_text().strip()
            except OSError as e:
                raise ConfigError(f"telegram.token_file {self.token_file}: cannot read: {e.strerror}") from e
            if not value:
                raise ConfigError(f"telegram.token_file {self.token_file} is empty")
            return register_secret(value)
        value = os.environ.get(self.token_env) if self.token_env else None
        if not value:
            raise ConfigError(f"telegram: environment variable {self.token_env} is not set "
                              "(or give token_file)")
        return register_secret(value.strip())

    @field_validator("digest_times")
    @classmethod
    def _times(cls, v: list[str]) -> list[str]:
        for t in v:
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", t):
                raise ValueError(f"{t!r} is not a time HH:MM")
        return v


class Classifier(_Section):
    required: float = 5.0  # score at which a message counts as an unsolicited sales contact
    auto_threshold: float = 8.5  # in auto mode, replies at or above this go out unasked

    @field_validator("auto_threshold")
    @classmethod
    def _auto_above_required(cls, v: float, info) -> float:
        required = info.data.get("required")
        if required is not None and v < required:
            raise ValueError(f"must not be below classifier.required ({required})")
        return v

    weights: dict[str, float] = Field(default_factory=dict)  # signal name -> weight

    @field_validator("weights")
    @classmethod
    def _known_signals(cls, v: dict[str, float]) -> dict[str, float]:
        from nejtak.bot.signals import SIGNALS  # the registry is the list of names weights may use

        retired = sorted(set(v) & set(RETIRED_SIGNALS))
        if retired:  # an older config still starts; the weight means nothing any more
            logging.getLogger("nejtak.config").warning(
                "classifier.weights: %s no longer exist%s (replaced by %s): remove %s",
                ", ".join(retired), "s" if len(retired) == 1 else "",
                ", ".join(sorted({RETIRED_SIGNALS[r] for r in retired})), "it" if len(retired) == 1 else "them")
            v = {k: w for k, w in v.items() if k not in RETIRED_SIGNALS}
        unknown = sorted(set(v) - set(SIGNALS.names()))
        if unknown:
            raise ValueError(f"no signal named {', '.join(unknown)} (known: see config/defaults.toml)")
        return v
    freemail_domains: list[str] = Field(default_factory=list)


class Reply(_Section):
    subject_prefix: Literal["Re: ", "Auto: "] = "Re: "
    max_subject_length: int = Field(120, ge=20)
    max_per_hour: int = Field(20, ge=0)
    gdpr_source: bool = True  # Art. 15: ask where they got the owner's details
    gdpr_erasure: bool = True  # Art. 17: ask them to erase the details
    gdpr_objection: bool = True  # Art. 21: object to direct marketing
    templates_dir: str = ""  # empty: config/templates of this checkout
    phrases_dir: str = ""  # empty: config/phrases of this checkout
    languages: list[str] = Field(default_factory=lambda: ["en", "da", "sv", "nb", "de", "pl"])
    # a mail longer than this many words with more distinct links is a newsletter: no reply
    newsletter_words: int = Field(600, ge=50)
    newsletter_links: int = Field(8, ge=0)
    country: str = ""  # ISO code: refusals cite its e-mail marketing law (bot/law.py); "" cites none

    @field_validator("country")
    @classmethod
    def _known_country(cls, v: str) -> str:
        from nejtak.bot.law import COUNTRIES

        v = v.strip().upper()
        if v and v not in COUNTRIES:
            raise ValueError(f"no e-mail marketing law known for {v!r}; supported: {', '.join(COUNTRIES)} "
                             '(or "" for none)')
        return v


class Unsubscribe(_Section):
    consent: bool = False  # unsubscribe from bulk marketing without asking first


class Config(_Section):
    mode: Mode = "approve"
    owner: Owner = Field(default_factory=Owner)
    store: Store = Field(default_factory=Store)
    imap: list[Imap] = Field(default_factory=list)
    smtp: Smtp | None = None
    intake: Intake = Field(default_factory=Intake)
    telegram: Telegram | None = None
    classifier: Classifier = Field(default_factory=Classifier)
    reply: Reply = Field(default_factory=Reply)
    unsubscribe: Unsubscribe = Field(default_factory=Unsubscribe)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for journald/Loki
    source_file: str = ""  # set by load(); where this config came from

    @property
    def templates_dir(self) -> Path:
        return Path(self.reply.templates_dir) if self.reply.templates_dir else CONFIG_DIR / "templates"

    @property
    def phrases_dir(self) -> Path:
        return Path(self.reply.phrases_dir) if self.reply.phrases_dir else CONFIG_DIR / "phrases"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _locate(text: str, loc: tuple[Any, ...]) -> int | None:
    """The line (1-based) where the key at `loc` is written in the TOML text, if found.

    `loc` is pydantic's error location: names, and list indices for arrays of tables
    (("imap", 1, "port") is `port` in the second [[imap]] table)."""
    want = [str(p) for p in loc]
    if not want:
        return None
    seen: dict[str, int] = {}  # array-of-tables name -> how many of them so far
    table: list[str] = []
    best: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^(\[\[?)\s*([^\]]+?)\s*\]\]?", stripped)
        if header:
            table = [part.strip().strip('"') for part in header.group(2).split(".")]
            if header.group(1) == "[[":
                name = ".".join(table)
                table = table + [str(seen.get(name, 0))]
                seen[name] = seen.get(name, 0) + 1
            if want[: len(table)] == table and best is None:
                best = number
            continue
        key = re.match(r'^("?)([A-Za-z0-9_.-]+)\1\s*=', stripped)
        if key:
            full = table + key.group(2).split(".")
            if full == want[: len(full)]:
                return number
    return best


def parse(text: str, source: str = "<config>") -> Config:
    """Validate TOML text over the shipped defaults; raise ConfigError naming key and line."""
    try:
        user = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{source}: not valid TOML: {e}") from e
    defaults = tomllib.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    try:
        config = Config.model_validate(_merge(defaults, user))
    except ValidationError as e:
        problems = []
        for err in e.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(top level)"
            line = _locate(text, err["loc"])
            where = f"{source}:{line}" if line else source
            problems.append(f"{where}: {key}: {err['msg']}")
        raise ConfigError("\n".join(problems)) from e
    config.source_file = source
    return config


def login_problems(config: Config) -> list[str]:
    """Logins with no password to give: an [[imap]] account (or an [smtp] with a username) that
    logs in with a password but names neither password_file nor password_env. Found when the
    file is checked and at start, not at the first login."""
    text = ""
    if config.source_file and Path(config.source_file).is_file():
        text = Path(config.source_file).read_text(encoding="utf-8")
    accounts = [(("imap", i), f"[[imap]] {a.username}", a) for i, a in enumerate(config.imap)]
    if config.smtp is not None and config.smtp.username:
        accounts.append((("smtp",), "[smtp]", config.smtp))
    found = []
    for loc, name, account in accounts:
        if getattr(account, "auth", "password") != "password" or account.password_env or account.password_file:
            continue
        line = _locate(text, loc) if text else None
        where = f"{config.source_file}:{line}" if line else (config.source_file or "<config>")
        found.append(f'{where}: {name}: no password: add password_file = "/path/to/file" (the password on '
                     'one line, chmod 600) or password_env = "VARIABLE"'
                     + ('; Gmail and Outlook take auth = "oauth2" instead' if loc[0] == "imap" else ""))
    return found


def load(path: str | Path | None) -> Config:
    """Load the config file, or the defaults alone when no file is given."""
    if path is None:
        return parse("", "<defaults>")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{p}: cannot read: {e.strerror}") from e
    return parse(text, str(p))
