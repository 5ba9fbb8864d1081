"""How triage shows a decision: one JSON object per message, or a row of a readable table."""
from __future__ import annotations

from nejtak.bot.inbound import Inbound
from nejtak.bot.verdict import Decision


def row(msg: Inbound, decision: Decision | None, error: str | None = None, duplicate: bool = False) -> dict:
    """The fixed triage fields of DESIGN.md, plus a few extras a reader needs."""
    out = {
        "source": msg.source,
        "message_id": msg.message_id,
        "sender": msg.sender,
        "subject": msg.subject,
        "date": msg.date.isoformat() if msg.date else None,
        "unsolicited": False,
        "score": 0.0,
        "required": None,
        "signals": [],
        "language": None,
        "action": "none",
        "escalate": False,
        "blocked_by": None,
        "blocked_reason": None,
        "reply": None,
        "error": error or msg.error,
    }
    if duplicate:
        out["duplicate"] = True
    if decision is None:
        return out
    v = decision.verdict
    out.update(
        unsolicited=v.unsolicited,
        score=v.score,
        required=v.required,
        signals=[h.as_dict() for h in v.hits],
        language=v.language,
        action=decision.action,
        escalate=decision.escalate,
        blocked_by=decision.blocked_by.rule if decision.blocked_by else None,
        blocked_reason=decision.blocked_by.reason if decision.blocked_by else None,
        reply=decision.reply.as_dict() if decision.reply else None,
    )
    return out




def top_signals(signals: list | None, n: int = 3) -> str:
    """The strongest signals as NAME(weight), for a table row or a digest line."""
    hits = sorted(signals or [], key=lambda h: -abs(h.get("weight", 0)))
    return ", ".join(f"{h['name']}({h['weight']:g})" for h in hits[:n] if h.get("weight"))
