"""Gathers what the store holds about one sender or one organisation into plain facts.

The facts are JSON-ready (ISO dates in UTC, no objects): both renderers draw from them, and
their canonical JSON is what the dossier's own SHA-256 covers, so a reader can check it."""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select

from nejtak.bot.authentication import trusted_results, vouched_for
from nejtak.bot.mail.reader import read_message
from nejtak.bot.store.models import BlockSuggestion, InboundRow, OutboxRow, RemovalRequest, Sender, as_utc
from nejtak.bot.store.sender_rows import normalise_address

FORMAT = "nejtak-dossier/1"
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def is_domain(target: str) -> bool:
    return "@" not in target and not target.startswith("tg:") and bool(_DOMAIN.match(target.strip().lower()))


def _iso(at: datetime | None) -> str | None:
    at = as_utc(at)
    return at.strftime("%Y-%m-%dT%H:%M:%SZ") if at is not None else None


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _senders(s, target: str) -> tuple[str, list[Sender]]:
    """('address' | 'domain', the sender rows) for a target."""
    if is_domain(target):
        d = _like_escaped(target.strip().lower())
        rows = s.scalars(select(Sender).where(or_(Sender.address.like(f"%@{d}", escape="\\"),
                                                  Sender.address.like(f"%.{d}", escape="\\")))
                         .where(Sender.channel != "telegram").order_by(Sender.address, Sender.id))
        return "domain", [r for r in rows if "@" in r.address]
    address = normalise_address(target)
    rows = s.scalars(select(Sender).where(func.lower(Sender.address) == address).order_by(Sender.id))
    return "address", list(rows)


def authentication(row: InboundRow, trusted_ids: Sequence[str]) -> dict:
    """Who vouched for the sender of one message, read again from its kept raw headers.

    Same rule as the reply guard: the topmost Authentication-Results header from a trusted
    authserv-id (the topmost at all when none are configured)."""
    if row.channel != "email":
        return {"state": "platform", "by": row.channel, "results": "", "note": ""}
    if row.raw:
        msg = read_message(bytes(row.raw), "dossier")
        results = trusted_results(msg.header_all("authentication-results"), list(trusted_ids))
        if results is None:
            return {"state": "none", "by": "", "results": "", "note": ""}
        shown = " ".join(f"{method}={result}" for method, found in sorted(results.results.items())
                         for result, _ in found)
        how = vouched_for(results, msg.from_address, msg.return_path or "")
        return {"state": "vouched" if how else "not_vouched", "by": results.authserv_id,
                "results": shown, "note": how or ""}
    if row.blocked_by == "authentication":
        return {"state": "not_vouched", "by": "", "results": "", "note": row.blocked_reason or ""}
    return {"state": "unknown", "by": "", "results": "", "note": ""}


def _message(row: InboundRow, address: str, trusted_ids: Sequence[str]) -> dict:
    raw = bytes(row.raw) if row.raw is not None else None
    return {
        "id": row.id, "channel": row.channel, "sender": address, "sender_name": row.sender_name or "",
        "message_id": row.message_id or "", "in_reply_to": row.in_reply_to or "",
        "date": _iso(row.received_at or row.stored_at), "stored_at": _iso(row.stored_at),
        "subject": row.subject or "", "text": row.body, "action": row.action or "",
        "authentication": authentication(row, trusted_ids),
        "raw_sha256": hashlib.sha256(raw).hexdigest() if raw is not None else None,
        "raw_size": len(raw) if raw is not None else None,
    }


def _reply(o: OutboxRow, address: str) -> dict:
    return {
        "id": o.id, "inbound_id": o.inbound_id, "channel": o.channel, "kind": o.kind, "sender": address,
        "state": o.state, "to": o.to_address, "from": o.from_address, "subject": o.subject,
        "text": o.body, "language": o.language, "message_id": o.message_id or "",
        "created_at": _iso(o.created_at), "sent_at": _iso(o.sent_at), "server_reply": o.server_reply or "",
        "filed_at": _iso(o.filed_at),
    }


def _days(later: str, first: str) -> int:
    return (datetime.fromisoformat(later.replace("Z", "+00:00"))
            - datetime.fromisoformat(first.replace("Z", "+00:00"))).days


def collect(store, target: str, trusted_ids: Sequence[str] = ()) -> dict | None:
    """The facts about `target` (an address, "tg:<id>" or a domain); None when none are recorded."""
    target = target.strip()
    with store._tx() as s:
        kind, senders = _senders(s, target)
        if not senders:
            return None
        address_of = {x.id: x.address for x in senders}
        ids = list(address_of)
        inbound = list(s.scalars(select(InboundRow).where(InboundRow.sender_id.in_(ids))))
        messages = [_message(m, address_of[m.sender_id], trusted_ids) for m in inbound]
        by_inbound = {m.id: address_of[m.sender_id] for m in inbound}
        outbox = list(s.scalars(select(OutboxRow).where(OutboxRow.inbound_id.in_(list(by_inbound) or [-1]))))
        replies = [_reply(o, by_inbound[o.inbound_id]) for o in outbox if o.state == "sent"]
        outbox_of = {o.id: o for o in outbox}
        requests = []
        for r in s.scalars(select(RemovalRequest).where(RemovalRequest.sender_id.in_(ids))):
            o = outbox_of.get(r.outbox_id)
            if r.cancelled or o is None or o.state in ("discarded", "failed"):
                continue  # taken back, or never went out
            sent = o.state == "sent"  # else drafted or waiting: shown, but not yet a request received
            requests.append({"sender": address_of[r.sender_id], "kind": r.kind, "method": r.method,
                             "at": _iso(o.sent_at if sent and o.sent_at else r.requested_at), "sent": sent,
                             "outbox_id": r.outbox_id, "message_id": o.message_id or "",
                             "answered": bool(r.answered)})
        suggestions = [{"sender": address_of[b.sender_id], "at": _iso(b.created_at), "state": b.state,
                        "reason": b.reason, "decided_at": _iso(b.decided_at), "inbound_id": b.inbound_id}
                       for b in s.scalars(select(BlockSuggestion).where(BlockSuggestion.sender_id.in_(ids)))]
        people = [{"address": x.address, "channel": x.channel, "name": x.display_name or "",
                   "organisation": x.org_domain or "", "first_seen": _iso(x.first_seen),
                   "last_seen": _iso(x.last_seen), "blocked": bool(x.blocked), "wanted": bool(x.wanted)}
                  for x in senders]
    # in the order nejtak received them: the Date header is the sender's word, the acceptance
    # of a request nejtak's own clock, so days are counted on nejtak's clock alone
    messages.sort(key=lambda m: (m["stored_at"] or m["date"] or "", m["id"]))
    replies.sort(key=lambda r: (r["sent_at"] or "", r["id"]))
    requests.sort(key=lambda r: (r["at"] or "", r["outbox_id"] or 0))
    suggestions.sort(key=lambda b: (b["at"] or "", b["inbound_id"] or 0))
    _answers(requests, messages)
    # days from the first request the sender received (by its acceptance), to each message
    # nejtak received after it (when it was stored; its Date is shown beside it)
    first = next((r["at"] for r in requests if r["sent"]), None)
    later = [{"inbound_id": m["id"], "date": m["date"], "received": m["stored_at"],
              "days_after_first_request": _days(m["stored_at"], first)}
             for m in messages if first and m["stored_at"] and m["stored_at"] > first]
    names = sorted({p["name"] for p in people if p["name"]} | {m["sender_name"] for m in messages if m["sender_name"]})
    return {
        "format": FORMAT, "target": target.lower() if kind == "domain" else normalise_address(target),
        "kind": kind, "senders": people, "names": names,
        "organisations": sorted({p["organisation"] for p in people if p["organisation"]}),
        "contacts": len(messages), "messages": messages, "replies": replies, "removal_requests": requests,
        "block_suggestions": suggestions, "later_contacts": later,
    }


def _answers(requests: list[dict], messages: list[dict]) -> None:
    """Whether the sender answered each request: the store says so, or a later message of theirs
    replies to it (its In-Reply-To is the request's Message-ID)."""
    for r in requests:
        reply = next((m for m in messages if r["message_id"] and m["in_reply_to"] == r["message_id"]), None)
        r["answered"] = r["answered"] or reply is not None
        r["answer_id"] = reply["id"] if reply else None


def canonical(facts: dict) -> bytes:
    """The bytes the dossier's SHA-256 covers: UTF-8 JSON, keys sorted, no spaces."""
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest(facts: dict) -> str:
    return hashlib.sha256(canonical(facts)).hexdigest()
