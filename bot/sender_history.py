"""What the owner's past says about a sender: known, wanted, earlier contacts and refusals."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SenderHistory:
    """Looked up from the store before a message is judged; guards and signals only read it."""

    owner_wrote_to: bool = False  # the owner has written to this sender (Sent folder, chat)
    in_owner_thread: bool = False  # the message answers a message the owner sent
    same_organisation: bool = False  # a colleague: the sender's organisation is the owner's own
    wanted: bool = False  # the owner marked the sender (or the domain) as wanted
    wanted_via: str = ""  # "domain:<org domain>" when a colleague was marked wanted
    blocked: bool = False
    earlier_contacts: int = 0  # messages from this sender before this one
    refusals: list[datetime] = field(default_factory=list)  # removal requests sent (or drafted)
    refused_via: str = ""  # "sender", "domain:<org domain>" (colleagues asked to stop) or
    # "blocked:<org domain>" (a colleague blocked: this address counts as a repeat)
    lookup_failed: bool = False  # the store could not be asked: treat as known
    answers_our_reply: bool = False  # In-Reply-To/References name one of nejtak's own replies
    # the owner marked this many of the sender's earlier messages as pitches (a digest tap, a move
    # into the pitch folder, `nejtak learn`), not taken back; and when last
    pitch_labels: int = 0
    last_pitch_label: datetime | None = None
    wanted_label: bool = False  # the owner labelled some mail of this sender's as wanted (standing)
    # machine mail from other addresses at the sender's organisation (no-reply, Auto-Submitted:
    # an account, an order, a web form of the owner's): from how many addresses, and the last:
    # the firm may be answering the owner's own request, which leaves no trace in Sent
    org_service_mail: int = 0
    last_org_service_mail: datetime | None = None

    @property
    def known(self) -> bool:
        return (self.owner_wrote_to or self.in_owner_thread or self.same_organisation or self.wanted
                or self.lookup_failed)

    @property
    def first_request_at(self) -> datetime | None:
        return min(self.refusals) if self.refusals else None
