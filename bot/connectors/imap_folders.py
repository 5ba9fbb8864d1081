"""Finds an account's folders instead of guessing their names: the Sent folder by what the server
says it is (SPECIAL-USE, RFC 6154; Gmail's older XLIST), then by the names mail programs give it
in the languages nejtak speaks. A folder the owner named must exist.

Sender history is the main safety signal: a Sent folder that cannot be found or read stops the
account with an error saying what to set, never a quiet "no history" that makes everyone a stranger.
Everything here runs in an IMAP connection's own thread (see imap_session.py)."""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from nejtak.bot.errors import PermanentError, TransientError

log = logging.getLogger("nejtak.imap")

SENT = b"\\Sent"
_UNSELECTABLE = {b"\\NOSELECT", b"\\NONEXISTENT"}
_GMAIL_PARENTS = ("[gmail]", "[google mail]")
# NO answers that may work later (RFC 5530), as for a login
_TEMPORARY = ("[UNAVAILABLE]", "[INUSE]", "[LIMIT]", "[SERVERBUG]", "TRY AGAIN")

# What mail programs and servers call the Sent folder, most common first: English, then the
# languages nejtak answers in (da, de, es, fi, fr, it, nb, nl, pl, sv). Outlook's "... items" forms,
# Gmail's (under [Gmail]/ or [Google Mail]/), Thunderbird's and the servers' own defaults.
SENT_NAMES = (
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Sent Mails", "Sent-Mail", "Sent Email",
    "Sendt", "Sendt post", "Sendte elementer", "Sendte e-mails", "Sendt e-post", "Sendte",
    "Gesendet", "Gesendete Elemente", "Gesendete Objekte", "Gesendete Nachrichten",
    "Enviados", "Elementos enviados", "Mensajes enviados",
    "Lähetetyt", "Lähetetyt kohteet", "Lähetetyt viestit",
    "Envoyés", "Éléments envoyés", "Messages envoyés", "Mails envoyés",
    "Inviati", "Posta inviata", "Inviata", "Messaggi inviati", "Elementi inviati",
    "Verzonden", "Verzonden items", "Verzonden berichten", "Verzonden e-mail",
    "Wysłane", "Elementy wysłane", "Wiadomości wysłane",
    "Skickat", "Skickade", "Skickade objekt", "Skickade meddelanden",
)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


_SENT_RANK = {_fold(n): i for i, n in enumerate(SENT_NAMES)}


@dataclass(frozen=True)
class Found:
    """A folder's name on the server, and how it was found (for the log and `config check`)."""

    name: str
    how: str


Listing = list[tuple[tuple[bytes, ...], str, str]]  # (flags, delimiter, name), as list_folders gives


def find_sent(client: IMAPClient, configured: str, account: str) -> Found:
    """The Sent folder: the configured one (which must exist), else the one the server marks
    \\Sent, else one with a common name; checked readable. PermanentError with what to set."""
    listing, how = listed(client)
    if configured:
        name = existing(client, configured, listing)
        if name is None:
            raise PermanentError(f"{account}: folder {configured!r} (sent) does not exist; "
                                 f"{_sent_hint(client, listing)}")
        found = Found(name, "as configured")
    else:
        found = _discover(client, listing, how)
        if found is None:
            raise PermanentError(
                f"{account}: no Sent folder found (none is marked \\Sent, none has a usual name); "
                f"set sent = \"NAME\" in its [[imap]] to the folder your mail program keeps sent mail in"
                f"{_choices(listing)}")
    readable(client, found.name, account, "sent")
    return found


def find_inbox(client: IMAPClient, configured: str, account: str) -> str:
    """The inbox's server name; PermanentError when the configured one does not exist."""
    listing, _how = listed(client)
    name = existing(client, configured, listing)
    if name is None:
        raise PermanentError(f"{account}: folder {configured!r} (inbox) does not exist; "
                             f"set inbox = \"INBOX\" (every IMAP server has it){_choices(listing)}")
    return name


def existing(client: IMAPClient, configured: str, listing: Listing) -> str | None:
    """The server's name for a configured folder: as written, or (written with "/") in the
    server's hierarchy and personal namespace; None when there is no such folder."""
    if configured.upper() == "INBOX":
        return "INBOX"
    names = {name for _flags, _delim, name in listing}
    for name in dict.fromkeys((configured, server_name(client, configured))):
        if name in names or client.folder_exists(name):
            return name
    return None


def readable(client: IMAPClient, name: str, account: str, key: str) -> None:
    """EXAMINE the folder (read-only): a folder that exists but cannot be read is as bad as none."""
    try:
        client.select_folder(name, readonly=True)
    except IMAPClientAbortError:
        raise
    except IMAPClientError as e:
        if any(code in str(e).upper() for code in _TEMPORARY):
            raise TransientError(f"{account}: {name!r} cannot be read now: {e}") from e
        raise PermanentError(f"{account}: folder {name!r} ({key}) cannot be read: {e}; "
                             f"check its rights on the server, or set {key} = \"NAME\" to another") from e


def listed(client: IMAPClient) -> tuple[Listing, str]:
    """Every folder with its attributes, and which way they were asked for.

    RFC 6154 lets a server leave the special-use attributes out of a plain LIST; the extended
    LIST with RETURN (SPECIAL-USE) makes it include them. Servers that lack LIST-EXTENDED get
    the plain LIST (Dovecot and others mark \\Sent in it anyway)."""
    if client.has_capability("SPECIAL-USE") and client.has_capability("LIST-EXTENDED"):
        try:
            return _list_return_special_use(client), "SPECIAL-USE"
        except IMAPClientAbortError:
            raise
        except (IMAPClientError, ValueError, AttributeError) as e:
            # a server that claims more than it does, or an IMAPClient whose internals moved on
            log.debug("LIST RETURN (SPECIAL-USE) refused (%s); a plain LIST instead", e)
    return _flags_as_bytes(client.list_folders()), "SPECIAL-USE"


def _list_return_special_use(client: IMAPClient) -> Listing:
    """LIST "" "*" RETURN (SPECIAL-USE) (RFC 5258 and 6154). IMAPClient has no return options,
    so this is its own list_folders with the arguments it cannot pass."""
    imap = client._imap
    typ, data = imap._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)")
    client._checkok("LIST", typ, data)
    typ, data = imap._untagged_response(typ, data, "LIST")
    return _flags_as_bytes(client._proc_folder_list(data))


def _flags_as_bytes(listing: list[tuple[Any, Any, Any]]) -> Listing:
    out: Listing = []
    for flags, delimiter, name in listing:
        flags = tuple(f if isinstance(f, bytes) else str(f).encode() for f in flags or ())
        delimiter = delimiter.decode() if isinstance(delimiter, bytes) else (delimiter or "")
        name = name.decode() if isinstance(name, bytes) else str(name)
        out.append((flags, delimiter, name))
    return out


def _discover(client: IMAPClient, listing: Listing, how: str) -> Found | None:
    marked = _marked_sent(listing)
    if marked:
        return Found(marked, f"by {how}")
    if client.has_capability("XLIST"):  # Gmail before SPECIAL-USE: \Sent in XLIST's answer
        try:
            marked = _marked_sent(_flags_as_bytes(client.xlist_folders()))
        except IMAPClientAbortError:
            raise
        except IMAPClientError as e:
            log.debug("XLIST refused: %s", e)
        if marked:
            return Found(marked, "by XLIST")
    named = _by_name(client, listing)
    if not named:
        return None
    also = f"; also there: {', '.join(repr(n) for n in named[1:4])}" if len(named) > 1 else ""
    return Found(named[0], f"by its name{also}")


def _marked_sent(listing: Listing) -> str | None:
    for flags, _delim, name in listing:
        upper = {f.upper() for f in flags}
        if SENT.upper() in upper and not upper & _UNSELECTABLE:
            return name
    return None


def _by_name(client: IMAPClient, listing: Listing) -> list[str]:
    """Folders with a usual Sent name, at the top of the personal namespace (or under Gmail's
    [Gmail]/), the most usual name first."""
    prefixes = _personal_prefixes(client)
    ranked = []
    for flags, delim, name in listing:
        if {f.upper() for f in flags} & _UNSELECTABLE:
            continue
        rank = _rank(_relative(name, delim, prefixes))
        if rank is not None:
            ranked.append((rank, len(name), name))
    return [name for _rank_, _length, name in sorted(ranked)]


def _relative(name: str, delim: str, prefixes: list[str]) -> list[str]:
    """The folder's levels below the personal namespace prefix."""
    for prefix in prefixes:
        if prefix and name.upper().startswith(prefix.upper()) and len(name) > len(prefix):
            name = name[len(prefix):]
            break
    return name.split(delim) if delim else [name]


def _rank(levels: list[str]) -> int | None:
    if len(levels) == 2 and _fold(levels[0]) in _GMAIL_PARENTS:
        levels = levels[1:]
    if len(levels) != 1:
        return None
    return _SENT_RANK.get(_fold(levels[0]))


def _personal_prefixes(client: IMAPClient) -> list[str]:
    """The personal namespace prefixes (such as "INBOX." on Courier and Cyrus), and the common
    ones when the server does not say (no NAMESPACE)."""
    if client.has_capability("NAMESPACE"):
        found = []
        for prefix, _delim in client.namespace().personal or ():
            found.append(prefix.decode() if isinstance(prefix, bytes) else (prefix or ""))
        return found or [""]
    return ["", "INBOX.", "INBOX/"]


def _sent_hint(client: IMAPClient, listing: Listing) -> str:
    """What to set instead: the folder the server marks \\Sent if there is one."""
    marked = _marked_sent(listing)
    if marked:
        return f"the server marks {marked!r} as the Sent folder: set sent = {marked!r} or sent = \"\" to find it"
    return f"set sent = \"\" to find the Sent folder, or name an existing one{_choices(listing)}"


def _choices(listing: Listing, most: int = 12) -> str:
    names = [name for flags, _delim, name in listing if not {f.upper() for f in flags} & _UNSELECTABLE]
    if not names:
        return ""
    more = f", ... ({len(names)} in all)" if len(names) > most else ""
    return f" (folders there: {', '.join(names[:most])}{more})"


def server_name(client: IMAPClient, configured: str) -> str:
    """The folder's name on this server: "/" becomes its hierarchy delimiter, and a personal
    namespace prefix (such as "INBOX." on Courier or Cyrus) goes in front. Without NAMESPACE,
    a server whose folders all live below INBOX gets them there too."""
    delimiter = _delimiter(client)
    name = configured.replace("/", delimiter) if delimiter else configured
    prefix = ""
    if client.has_capability("NAMESPACE"):
        personal = client.namespace().personal or ()
        if personal:
            prefix = personal[0][0] or ""
            prefix = prefix.decode() if isinstance(prefix, bytes) else prefix
    elif delimiter:
        others = [n for _f, _d, n in client.list_folders() if n.upper() != "INBOX"]
        below = f"INBOX{delimiter}"
        if others and all(n.upper().startswith(below) for n in others):
            prefix = below
    if prefix and not name.upper().startswith(prefix.upper()) and name.upper() != prefix.rstrip(delimiter).upper():
        name = prefix + name
    return name


def _delimiter(client: IMAPClient) -> str:
    """The hierarchy delimiter (LIST "" "" answers it, RFC 3501 6.3.8); "" on a flat server."""
    found = client.list_folders("", "")
    raw = found[0][1] if found else None
    if raw is None:
        return ""
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def is_sent_name(configured: str) -> bool:
    """Whether a folder as the owner writes it ("/" between levels) has a usual Sent name."""
    return _rank(configured.split("/")) is not None
