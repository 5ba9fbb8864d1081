"""Signal hits, the verdict they add up to, and the decision that comes out of policy."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Hit:
    """One signal that fired: its name, its weight from config, and why it fired."""

    name: str
    weight: float
    evidence: str

    def as_dict(self) -> dict:
        return {"name": self.name, "weight": self.weight, "evidence": self.evidence}


@dataclass
class Verdict:
    """The classifier's answer: a score against the required score, with every hit."""

    score: float
    required: float
    hits: list[Hit]
    language: str

    @property
    def unsolicited(self) -> bool:
        return self.score >= self.required

    def hit(self, name: str) -> Hit | None:
        """The hit of one signal, if it fired."""
        return next((h for h in self.hits if h.name == name), None)

    def report(self) -> str:
        """rspamd-style one-line report: score=7.5 required=5.0 tests=A(3.0),B(4.5)."""
        tests = ",".join(f"{h.name}({h.weight:g})" for h in sorted(self.hits, key=lambda h: -abs(h.weight)))
        return f"score={self.score:.1f} required={self.required:.1f} tests={tests}"


@dataclass(frozen=True)
class Block:
    """A reply rule that stopped a reply, with the reason in words."""

    rule: str
    reason: str


@dataclass
class ReplyDraft:
    """What nejtak would send back."""

    to: str
    subject: str
    body: str
    language: str
    kind: str  # "refusal" | "reminder"
    channel: str = "email"
    from_address: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    message_id: str = ""

    def as_dict(self) -> dict:
        return {"to": self.to, "subject": self.subject, "body": self.body, "language": self.language}


@dataclass
class Decision:
    """Exactly one primary action per message, with everything that led to it."""

    action: str  # reply | draft | unsubscribe | suggest_block | none
    verdict: Verdict
    blocked_by: Block | None = None
    escalate: bool = False
    reply: ReplyDraft | None = None
    first_request_at: datetime | None = None
    notes: list[str] = field(default_factory=list)
    # mail a machine sent (a no-reply address, Auto-Submitted) that is no pitch: a receipt, an
    # account, an order; the store keeps it on the sender for its colleagues (bot/store/history.py)
    service_mail: bool = False

    ACTIONS = ("reply", "draft", "unsubscribe", "suggest_block", "none")
