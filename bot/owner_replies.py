"""The owner wrote to someone: a known correspondent from now on, their pitch labels taken back
(as Inbox Zero learned: a reply outweighs any earlier tap), and what the owner answered is wanted.

Synchronous like the Store and OwnerLearning it writes to: call it from a worker thread."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from nejtak.bot.store.sender_rows import normalise_address
from nejtak.responders.email_reply import own_refusal

log = logging.getLogger("nejtak.learning")
REASON = "the owner wrote to them"


@dataclass(frozen=True)
class OwnerSent:
    """One message the owner sent, as far as learning from it needs."""
    channel: str  # the channel of the mail it answers ("email")
    recipients: list[str]
    message_id: str | None
    sent_at: datetime | None
    answers: list[str] = field(default_factory=list)  # In-Reply-To, then References newest first
    auto_submitted: bool = False

    @property
    def by_the_owner(self) -> bool:
        """nejtak's own refusals and automatic mail (a vacation notice) are not the owner writing."""
        return not self.auto_submitted and not own_refusal(self.message_id)


@dataclass
class Learned:
    """What one message of the owner's taught: for the log and the tests."""
    people: list[str] = field(default_factory=list)
    taken_back: int = 0
    wanted: list[int] = field(default_factory=list)  # inbound ids labelled wanted


def learn_from_sent(store, learning, sent: OwnerSent, owner_addresses: list[str],
                    teach: bool = True) -> Learned:
    """Record the recipients as correspondents; with `teach` (written while nejtak runs, not
    history from before it) take back their pitch labels and label the answered message (or
    each recipient's latest stored one) wanted."""
    if not sent.by_the_owner:
        return Learned()
    store.record_owner_sent(sent.channel, sent.recipients, sent.message_id, sent.sent_at)
    if not teach or learning is None:
        return Learned()
    own = {normalise_address(a) for a in owner_addresses}
    people = [a for a in dict.fromkeys(normalise_address(r) for r in sent.recipients) if a and a not in own]
    targets: dict[int, str] = {}  # inbound id -> whose message it is
    answered = store.answered_inbound(sent.channel, sent.answers)
    if answered is not None:
        inbound_id, sender = answered
        sender = normalise_address(sender)
        if sender and sender not in own:
            targets[inbound_id] = sender
            if sender not in people:  # answered at a Reply-To address: the sender was answered all the same
                people.append(sender)
    answered_sender = answered and normalise_address(answered[1])
    for person in people:
        if person == answered_sender:
            continue
        latest = store.latest_inbound_of(sent.channel, person)
        if latest is not None:
            targets.setdefault(latest, person)
    learned = Learned(people=people)
    for person in people:
        learned.taken_back += learning.forget(sender=person, label="pitch", reason=REASON)
    detail = {"owner_message_id": sent.message_id} if sent.message_id else None
    for inbound_id in targets:
        if learning.teach_stored(inbound_id, "wanted", "sent", detail=detail) is not None:
            learned.wanted.append(inbound_id)
    if learned.taken_back or learned.wanted:
        log.info("the owner wrote to %s: %d pitch label(s) taken back, %d message(s) labelled wanted",
                 ", ".join(people), learned.taken_back, len(learned.wanted))
    return learned
