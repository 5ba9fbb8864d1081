"""The signal contract: a named check that returns evidence, or None when it does not fire."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from nejtak.bot.identity import company_of, owner_organisations, shipped_freemail
from nejtak.bot.mail.text import URL, address_in, is_forward, quote_author

if TYPE_CHECKING:
    from nejtak.bot.config import Config
    from nejtak.bot.inbound import Inbound
    from nejtak.bot.phrases import PhraseBook
    from nejtak.bot.sender_history import SenderHistory


PHRASE_SPAN = 6000  # characters of new text searched for phrases: a pitch makes its point early
QUOTE_SPAN = 3000  # characters of a quoted earlier message of the same sender read with it
# a forward's subject, after any reply prefixes: Fwd/Fw, VS (da, nb), VB (sv), WG (de), TR (fr),
# RV (es), I (it), PD (pl), VL (fi), Doorst (nl)
_FORWARD_PREFIX = re.compile(
    r"^\s*(?:(?:re|sv|aw|vs|odp|antw)\s*:\s*)*(fwd?|vs|vb|wg|tr|rv|i|pd|vl|doorst|videresend|inoltra)\s*:", re.I)
_FINNISH_HEADER = re.compile(r"^(?:lähettäjä\s*:|.*\bkirjoitti\b)", re.I)
_ATTRIBUTION_SPAN = 400  # where a quote without an attribution or From line may say whose it is
_HEADER_SPAN = 600  # a forwarded mail's header block: whom it was sent to
NOTE_WORDS = 80  # a forwarder's own note above what they pass on is short (the corpus: median 35)
# mailbox names many firms share: the same one at two domains says nothing of one sender
_ROLE_BOXES = frozenset({"info", "sales", "contact", "kontakt", "hello", "hi", "post", "mail", "office",
                         "team", "admin", "support", "service", "hej", "hallo", "biuro", "toimisto", "ufficio",
                         "oficina", "bureau", "kantoor", "firma", "salg", "vertrieb", "ventas"})
_WORD = re.compile(r"\w+")
_UNKNOWN = "?"  # a cache not filled yet (None is an answer)


@dataclass(frozen=True)
class Scaled:
    """Evidence of a signal whose strength varies: the hit carries `factor` (-1..1) of its weight."""

    evidence: str
    factor: float


def own_quote(msg: "Inbound", owner_addresses: list[str], freemail: frozenset[str] | None = None) -> str:
    """The quoted earlier message when it is the sender's own or a colleague's at the sender's firm
    (a follow-up quoting its pitch, a seller "forwarding" its firm's offer), without the quote
    marks; "" when it is the owner's, or whose it is cannot be told. `freemail`: providers whose
    users are no colleagues of each other (None: the shipped defaults')."""
    if not msg.quoted:
        return ""
    # whose it is, by the quote's own attribution or From line: a forward's header block names
    # its sender as the recipient too ("To: anna@..."), and a seller's quoted first mail the owner;
    # a quote with neither (">" lines only, signed) by its beginning
    line = quote_author(msg.quoted)
    author = (line or msg.quoted[:_ATTRIBUTION_SPAN]).lower()
    if any(a and a.lower() in author for a in owner_addresses):
        return ""
    name = msg.sender_name.lower().strip()
    freemail = shipped_freemail() if freemail is None else freemail
    if not ((msg.sender and msg.sender in author) or (len(name) >= 3 and name in author)
            or _same_firm(address_in(line), msg.sender, freemail)):
        return ""
    lines = msg.quoted[:QUOTE_SPAN].splitlines()[1:]
    return "\n".join(line.lstrip(" >") for line in lines)


def _same_firm(a: str, b: str, freemail: frozenset[str]) -> bool:
    """Two addresses of one organisation (never two users of a free-mail provider)."""
    firm = company_of(a, freemail)
    return bool(firm) and firm == company_of(b, freemail)


def passed_on(msg: "Inbound", owner_addresses: list[str], freemail: frozenset[str] | None = None,
              owner_orgs: frozenset[str] = frozenset()) -> str:
    """The address of the third party whose mail this one passes on, or "": a forward (its subject,
    or a "Forwarded message" line above the quote) with a short note of the sender's own above a
    mail from another organisation than the sender's, not sent to the owner, not by the owner's
    organisation, nor signed with the sender's name. A colleague or client asking "do we need
    this?" above a seller's offer is not the seller; a seller "forwarding" its own offer quotes
    its own firm or name, or the mail it sent the owner before."""
    if not msg.quoted or not msg.sender or len(msg.text.split()) > NOTE_WORDS:
        return ""
    prefix = _FORWARD_PREFIX.match(msg.subject)
    author = quote_author(msg.quoted)
    if prefix and prefix.group(1).lower() == "vs" and _FINNISH_HEADER.match(author):
        prefix = None  # "VS:" is a Finnish reply (vastaus); Danish and Norwegian forwards
    if not (prefix or is_forward(msg.quoted)):
        return ""
    address = address_in(author)
    if "@" not in address or address == msg.sender.lower():
        return ""
    header = msg.quoted[:_HEADER_SPAN].lower()
    name = msg.sender_name.lower().strip()
    freemail = shipped_freemail() if freemail is None else freemail
    if (any(a and a.lower() in header for a in owner_addresses)
            or (len(name) >= 3 and name in author.lower())
            or _same_mailbox(address, msg.sender)
            or company_of(address, freemail) in owner_orgs):
        return ""
    return "" if _same_firm(address, msg.sender, freemail) else address


def _same_mailbox(a: str, b: str) -> bool:
    """One person's mailbox name at two domains (a seller that rotated its sending domain), not a
    name many firms use ("info@", "sales@")."""
    box = a.partition("@")[0]
    return box == b.lower().partition("@")[0] and box not in _ROLE_BOXES


def judged_text(msg: "Inbound", owner_addresses: list[str], freemail: frozenset[str] | None = None) -> str:
    """The subject, the new text, and the sender's (or the sender's firm's) own quoted earlier
    message (never the owner's)."""
    quote = own_quote(msg, owner_addresses, freemail)
    return f"{msg.subject}\n{msg.text[:PHRASE_SPAN]}" + (f"\n{quote}" if quote else "")


def newsletter_shape(msg: "Inbound", reply) -> str | None:
    """Why the mail has a newsletter's shape (long, many links; `reply` is the [reply] config),
    or None: read by the `newsletter` reply rule and the NEWSLETTER_SHAPE signal."""
    links = len(msg.links)  # the reader lists each link once
    if links <= reply.newsletter_links:
        return None
    words = len(_WORD.findall(URL.sub(" ", msg.text)))  # the links' own words not counted
    return f"{words} words, {links} links" if words > reply.newsletter_words else None


@dataclass
class Context:
    """Everything a signal or guard may read about a message besides the message itself."""

    config: "Config"
    history: "SenderHistory"
    phrases: "PhraseBook"
    language: str  # ISO 639-1 of the new text
    language_confidence: float = 0.0
    owner: "OwnerLearning | None" = None  # what the owner taught (bot.learning), when known
    _phrase_hits: dict | None = field(default=None, repr=False)
    _judged: str | None = field(default=None, repr=False)
    _freemail: frozenset[str] | None = field(default=None, repr=False)  # the pipeline's, when it has them
    _owner_orgs: frozenset[str] | None = field(default=None, repr=False)
    _passed_on: str | None = field(default=None, repr=False)
    _shape: str | None = field(default=_UNKNOWN, repr=False)

    def judged_text(self, msg: "Inbound") -> str:
        """What content is judged on: the subject, the new text, and the sender's own quoted
        earlier message (never the owner's)."""
        if self._judged is None:
            self._judged = judged_text(msg, self.config.owner.addresses, self.freemail)
        return self._judged

    @property
    def freemail(self) -> frozenset[str]:
        """The free-mail providers of the config (their users are no colleagues of each other)."""
        if self._freemail is None:
            self._freemail = frozenset(self.config.classifier.freemail_domains)
        return self._freemail

    def passed_on(self, msg: "Inbound") -> str:
        """passed_on() of the message, worked out once for the reply rule and the signals; never
        for a sender already asked to stop, blocked or marked as a pitch (a seller who learned to
        "forward" must not slip out of the reminder and the block suggestion)."""
        if self._passed_on is None:
            h = self.history
            if h.refusals or h.blocked or h.pitch_labels:
                self._passed_on = ""
            else:
                if self._owner_orgs is None:
                    self._owner_orgs = owner_organisations(self.config, self.freemail)
                self._passed_on = passed_on(msg, self.config.owner.addresses, self.freemail, self._owner_orgs)
        return self._passed_on

    def newsletter_shape(self, msg: "Inbound") -> str | None:
        """newsletter_shape of the message, counted once for the signal and the reply rule."""
        if self._shape is _UNKNOWN:
            self._shape = newsletter_shape(msg, self.config.reply)
        return self._shape

    def phrase_hit(self, category: str, msg: "Inbound"):
        """The first phrase of a category in the subject and new text (all looked up at once)."""
        if self._phrase_hits is None:
            self._phrase_hits = self.phrases.find_all(self.judged_text(msg))
        return self._phrase_hits.get(category)


class Signal:
    """A named symbol (as in rspamd): `check` returns evidence text when it fires."""

    name: ClassVar[str]
    description: ClassVar[str]

    def check(self, msg: "Inbound", ctx: Context) -> str | Scaled | None:
        raise NotImplementedError


class Registry:
    """An ordered set of components by unique name; a duplicate name is a programming error."""

    def __init__(self) -> None:
        self._items: dict[str, object] = {}

    def register(self, cls):
        if cls.name in self._items:
            raise ValueError(f"duplicate name {cls.name!r}")
        self._items[cls.name] = cls()
        return cls

    def __iter__(self):
        return iter(self._items.values())

    def names(self) -> list[str]:
        return list(self._items)


SIGNALS = Registry()
