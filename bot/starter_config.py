"""`nejtak init`: the provider presets and the commented starter config they write.

A new owner should not have to look up their provider's servers or read every key of the
example config: a preset knows the servers (checked against each provider's own documentation)
and how its accounts log in, and the starter file explains each key it sets. It starts careful
(mode "approve": nothing leaves without the owner) and leaves everything else to the shipped
defaults, so `nejtak config check` passes on it or names what is still missing (a password file,
an OAuth2 login)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import platformdirs



@dataclass(frozen=True)
class Preset:
    """One provider: its servers, and how nejtak logs in there."""

    name: str
    title: str  # for people, in the file's first line
    imap_host: str
    imap_port: int
    imap_security: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    auth: str  # "password" (from password_file) or "oauth2"
    oauth2_provider: str = ""
    oauth2_tenant: str = ""
    password_help: str = ""  # where the owner gets the password nejtak logs in with
    authserv_id: str = ""  # the provider's Authentication-Results id, when it is one fixed name
    own_server: bool = False  # the hosts come from --imap-host/--smtp-host


# Servers as each provider documents them for mail programs (IMAP on 993 with TLS throughout).
PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("gmail", "Gmail or Google Workspace", "imap.gmail.com", 993, "tls",
           "smtp.gmail.com", 587, "starttls", "oauth2", oauth2_provider="google",
           authserv_id="mx.google.com"),
    # Outlook.com and Microsoft 365 (Exchange Online) share the IMAP server; smtp.office365.com
    # takes OAuth2 for both (Outlook.com also documents smtp-mail.outlook.com).
    Preset("outlook", "Outlook.com and Microsoft 365", "outlook.office365.com", 993, "tls",
           "smtp.office365.com", 587, "starttls", "oauth2", oauth2_provider="microsoft",
           oauth2_tenant="common"),
    Preset("fastmail", "Fastmail", "imap.fastmail.com", 993, "tls",
           "smtp.fastmail.com", 465, "tls", "password",
           password_help="an app password from Fastmail: Settings > Privacy & Security > "
                         "Manage app passwords (your normal password does not work over IMAP)"),
    Preset("icloud", "iCloud Mail", "imap.mail.me.com", 993, "tls",
           "smtp.mail.me.com", 587, "starttls", "password",
           password_help="an app-specific password from appleid.apple.com > Sign-In and Security > "
                         "App-Specific Passwords (your Apple ID password does not work)"),
    Preset("dovecot", "your own mail server", "", 993, "tls", "", 587, "starttls", "password",
           password_help="the password of your mail account", own_server=True),
)}


def default_path() -> Path:
    """Where `nejtak init` writes, and where every command looks when no --config is given."""
    return platformdirs.user_config_path("nejtak") / "nejtak.toml"


def shipped_languages() -> list[str]:
    """The languages nejtak has reply templates for."""
    from nejtak.bot.config import CONFIG_DIR

    return sorted(p.name for p in (CONFIG_DIR / "templates").iterdir() if (p / "refusal.txt").is_file())


def parse_languages(text: str) -> list[str]:
    """"da,en" -> ["da", "en"]; ValueError naming a language without templates."""
    langs = [x.strip().lower() for x in re.split(r"[,\s]+", text or "") if x.strip()]
    if not langs:
        raise ValueError("give at least one language, e.g. --languages en or --languages da,en")
    known = shipped_languages()
    unknown = [x for x in langs if x not in known]
    if unknown:
        raise ValueError(f"no reply templates for {', '.join(unknown)} (nejtak writes: {' '.join(known)})")
    return list(dict.fromkeys(langs))


def _s(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def password_file_for(out: Path) -> Path:
    """The file the starter config reads the app password from: beside the config."""
    return out.parent / "app-password"


def render(preset: Preset, address: str, name: str, languages: list[str], out: Path,
           imap_host: str = "", smtp_host: str = "", oauth2_client_id: str = "") -> str:
    """The commented starter config for one account at `preset`."""
    imap_host = imap_host or preset.imap_host
    smtp_host = smtp_host or preset.smtp_host
    if not imap_host or not smtp_host:
        raise ValueError(f"{preset.name}: give --imap-host and --smtp-host (your own server's names)")
    password_file = password_file_for(out)
    store_path = Path(platformdirs.user_data_dir("nejtak")) / "nejtak.db"
    parts = [f"""\
# nejtak configuration for {address} ({preset.title}),
# written by `nejtak init` on {date.today()}.
#
# Every key left out has a shipped default; config/nejtak.example.toml (in nejtak's source)
# explains every key there is. After a change, check this file with:
#     nejtak config check {out}
# Passwords and tokens never go in this file: they come from a file or the environment.

# What happens to an unsolicited sales pitch:
#   observe  it is logged and shown in the digest; nothing is sent
#   approve  a reply is drafted; you send it with one tap in Telegram (or `nejtak send ID`)
#   auto     replies nejtak is sure of go out on their own; the rest wait for you
# "approve" is the careful start: nothing leaves without you. Try "auto" once the drafts are right.
mode = "approve"

[owner]
# Your name, used to sign replies ("" signs with a greeting only).
name = {_s(name)}
# Every address that is yours: mail is answered only when one of them is a recipient, a reply
# comes from the one the mail was sent to, and mail from them is never answered. Add your aliases.
addresses = {_list([address])}
# The id your provider writes first in its Authentication-Results header (the part before the
# first ";"): only that header is believed, and a reply needs DMARC (or aligned SPF) to pass there.
# Empty: the topmost header is believed.
trusted_authserv_ids = {_list([preset.authserv_id] if preset.authserv_id else [])}
# The language replies are written in when there is no template for the sender's language.
language = {_s(languages[0])}

[reply]
# The languages replies are written in; a sender writing in another gets `language` above. nejtak
# has templates for: {' '.join(shipped_languages())}.
languages = {_list(languages)}
# Your country (ISO code, e.g. "DK"): replies then cite its law that e-mail marketing needs your
# prior consent. Known: DE DK ES FI FR IT NL NO PL SE.
# country = "DK"

[store]
# Where nejtak keeps what it saw and decided. Empty: SQLite in your data folder
# ({store_path}). PostgreSQL: "postgresql+psycopg://user@host/nejtak".
url = ""
# Days to keep message bodies; decisions, signals and the audit log stay. 0 keeps no bodies.
retention_days = 30

# The mailbox nejtak watches. Add another [[imap]] table for each further mailbox.
[[imap]]
host = {_s(imap_host)}
port = {preset.imap_port}
# none | starttls | tls
security = {_s(preset.imap_security)}
# Your login name at the server.
username = {_s(address)}
"""]
    parts.append(_login(preset, address, "imap", password_file, oauth2_client_id))
    parts.append("""\
inbox = "INBOX"
# Your Sent folder, read at start as sender history (whom you write to; the main safety signal)
# and where refusals are kept. Empty: found by the server's own \\Sent mark, then by its usual
# names ("[Gmail]/Sent Mail", "Sent Items", "Sendt", ...). Name it only if that fails.
sent = ""
# Use IMAP IDLE when the server offers it; otherwise look every poll_seconds.
idle = true
poll_seconds = 60
# How many of the newest Sent messages to read as sender history at start.
history_limit = 5000
# Mail already in the inbox at the first start is left alone, except mail younger than this
# many days. 0: only mail that arrives after the first start is handled.
backlog_days = 0
# IMAP keyword set on every message nejtak judged unsolicited.
keyword = "$NejtakRefused"
# Folder to move handled pitches to (must exist); empty leaves them in the inbox.
move_to = ""
# Training folders, created at start if missing: move a message into pitch_folder to teach
# nejtak "this is a pitch", into wanted_folder for "this is mail I want"; moving it out again
# takes that back. "/" between levels. An empty string turns a folder off.
pitch_folder = "nejtak/Pitch"
wanted_folder = "nejtak/Wanted"

# The server nejtak sends replies through (as you do, from your address).
[smtp]
""")
    parts.append(f"""\
host = {_s(smtp_host)}
port = {preset.smtp_port}
# none | starttls | tls
security = {_s(preset.smtp_security)}
username = {_s(address)}
""")
    parts.append(_login(preset, address, "smtp", password_file, oauth2_client_id))
    parts.append("""\

# The built-in SMTP server for mail forwarded to nejtak, on 127.0.0.1:2525. Mail comes from the
# [[imap]] mailbox above, so it is off; turn it on to also take forwarded mail.
[intake]
enabled = false

# The digest and one-tap controls in Telegram: create a bot with @BotFather, then uncomment.
# [telegram]
# token_file = "/path/to/telegram-token"   # the bot token, on one line (or token_env = "VAR")
# owner_id = 123456789                      # your numeric Telegram user id
# digest_times = ["09:00", "18:00"]
""")
    return "".join(parts)


def _login(preset: Preset, address: str, account: str, password_file: Path, client_id: str) -> str:
    """The keys that say how nejtak logs in to one server."""
    if preset.auth == "oauth2":
        if account == "smtp":
            lines = ["# The same OAuth2 sign-in and client id as the mailbox above (one `nejtak auth` serves both).",
                     'auth = "oauth2"', f"oauth2_provider = {_s(preset.oauth2_provider)}",
                     f"oauth2_client_id = {_s(client_id)}"]
        else:
            lines = ["# No plain passwords here: nejtak logs in with OAuth2. Sign in once with:",
                     f"#     nejtak auth {address}",
                     'auth = "oauth2"',
                     f"oauth2_provider = {_s(preset.oauth2_provider)}",
                     *(f"# {line}" for line in OAUTH2_CLIENT_HELP[preset.oauth2_provider]),
                     f"oauth2_client_id = {_s(client_id)}"]
        if preset.oauth2_provider == "google":
            lines.append('# oauth2_client_secret = ""   # the secret Google shows with a desktop client id')
        if preset.oauth2_tenant:
            if account == "imap":
                lines += ["# \"common\" takes Outlook.com and work or school accounts alike; a Microsoft 365",
                          "# organisation may want its own tenant id here."]
            lines.append(f"oauth2_tenant = {_s(preset.oauth2_tenant)}")
        return "\n".join(lines) + "\n"
    if account == "imap":
        return "".join(f"# {line}\n" for line in _wrap(
            f"The password: {preset.password_help}, on one line in the file below (chmod 600). "
            'Or password_env = "VARIABLE" to take it from the environment.')) + \
            f"password_file = {_s(str(password_file))}\n"
    return f"# The same password as for IMAP.\npassword_file = {_s(str(password_file))}\n"


# How to get an OAuth2 client id: nejtak ships none, each owner registers their own app.
OAUTH2_CLIENT_HELP = {
    "google": ["The client id of your own OAuth app: Google Cloud console > APIs & Services >",
               "Credentials > Create credentials > OAuth client ID > Desktop app (with the Gmail API on)."],
    "microsoft": ["The client id of your own app: Microsoft Entra admin center > App registrations >",
                  "New registration (personal and work accounts), then Authentication > allow public",
                  "client flows; its Application (client) ID goes here."],
}


def _wrap(text: str, width: int = 96) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def needs_client_id(preset: Preset) -> bool:
    return preset.auth == "oauth2"


def next_steps(preset: Preset, address: str, out: Path, client_id: str = "") -> list[str]:
    """What the owner does after `nejtak init`, in order."""
    steps = []
    if preset.auth == "oauth2":
        if not client_id:
            steps.append(f"register your own OAuth app and put its client id in both oauth2_client_id keys "
                         f"of {out} (the comment above the first says where)")
        steps.append(f"sign in once: nejtak auth {address}")
    else:
        pw = password_file_for(out)
        steps.append(f"put {preset.password_help} into {pw}, on one line; then: chmod 600 {pw}")
    steps += [f"check the file: nejtak config check {out}",
              f"start nejtak: nejtak run --config {out}"]
    return steps
