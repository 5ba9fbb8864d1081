"""Turns the collected facts into the dossier's sections, in the owner's words.

Both renderers (HTML and PDF) draw the same Document, so they say the same things."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import datetime

from nejtak.bot.dossier.collect import canonical, digest
from nejtak.bot.dossier.words import Words

FACTS_FILE = "dossier-facts.json"
DPA_LIST = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"


@dataclass
class Entry:
    """One line of the timeline: a message in, a reply out, or a block suggestion."""

    kind: str  # in | out | block
    date: str
    heading: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    text: str | None = None
    anchor: str = ""


@dataclass
class Document:
    lang: str
    title: str
    subtitle: str
    made: str
    summary: list[tuple[str, list[str]]]
    timeline: list[Entry]
    raw_hashes: list[tuple[str, str, str]]  # date, sender, SHA-256 (or why there is none)
    dossier_hash: str
    law: list[str]
    steps: list[str]
    facts_json: str
    words: Words


def shown(iso: str | None) -> str:
    """An ISO UTC time as people read it: 2026-03-02 14:05 UTC."""
    return f"{iso[:10]} {iso[11:16]} UTC" if iso else ""


def _day(iso: str | None) -> str:
    return iso[:10] if iso else ""


def law_of(country: str):
    """The country's rule from bot/law.py, or None (no country set, or the module not there)."""
    if not country:
        return None
    try:
        from nejtak.bot.law import law_for
    except ImportError:
        return None
    return law_for(country)


def country_name(code: str, lang: str) -> str:
    try:
        from babel import Locale

        return Locale.parse(lang).territories.get(code.upper(), code.upper())
    except Exception:  # an unknown locale: the code says it well enough
        return code.upper()


def _summary(f: dict, w: Words) -> list[tuple[str, list[str]]]:
    none = [w("none")]
    dates = [m["stored_at"] or m["date"] for m in f["messages"] if m["stored_at"] or m["date"]]
    contacts = (w("contacts_value", count=f["contacts"], first=shown(min(dates)), last=shown(max(dates)))
                if dates else str(f["contacts"]))
    requests = [w("request_line", date=shown(r["at"]), kind=w(r["kind"]), method=w(r["method"]),
                  answered=w("answered_yes" if r["answered"] else "answered_no")) if r["sent"]
                else w("request_unsent", date=shown(r["at"]), kind=w(r["kind"]))
                for r in f["removal_requests"]]
    suggestions = [w("suggestion_line", date=shown(b["at"]), reason=b["reason"],
                     state=w({"accepted": "accepted_state"}.get(b["state"], b["state"])))
                   for b in f["block_suggestions"]]
    later = [w("later_line", date=shown(c["received"]), days=c["days_after_first_request"]) for c in f["later_contacts"]]
    return [
        (w("addresses"), [s["address"] for s in f["senders"]]),
        (w("names"), f["names"] or none),
        (w("organisation"), f["organisations"] or none),
        (w("contacts"), [contacts]),
        (w("removal_requests"), requests or none),
        (w("later_contacts"), later or none),
        (w("block_suggestions"), suggestions or none),
    ]


def _auth(a: dict, w: Words) -> str:
    if a["state"] == "vouched":
        return w("auth_vouched", by=a["by"] or "?", how=a["note"], results=a["results"])
    if a["state"] == "not_vouched":
        return w("auth_not_vouched", detail=a["results"] or a["note"] or "-")
    return w({"none": "auth_none", "platform": "auth_platform"}.get(a["state"], "auth_unknown"))


def _timeline(f: dict, w: Words) -> list[tuple[str, int, Entry]]:
    out = []
    for m in f["messages"]:
        fields = [(w("date"), shown(m["date"]))]
        if m["stored_at"] and _day(m["stored_at"]) != _day(m["date"]):
            fields.append((w("received"), shown(m["stored_at"])))
        fields.append((w("authentication"), _auth(m["authentication"], w)))
        if m["subject"]:
            fields.append((w("subject"), m["subject"]))
        if m["channel"] == "email" and m["message_id"]:
            fields.append((w("message_id"), f"<{m['message_id']}>"))
        if m["raw_sha256"]:
            fields.append((w("raw_sha256"), m["raw_sha256"]))
        came = m["stored_at"] or m["date"]  # nejtak's clock: the Date header is the sender's word
        out.append((came or "", 0, Entry("in", shown(came), w("inbound", sender=m["sender"]), fields,
                                         m["text"] if m["text"] is not None else w("text_gone"), f"m{m['id']}")))
    for r in f["replies"]:
        reply = r["server_reply"]
        fields = [(w("accepted"), w("accepted_value", date=shown(r["sent_at"]), reply=reply) if reply
                   else w("accepted_no_reply", date=shown(r["sent_at"])))]
        if r["channel"] == "email":
            fields.append((w("message_id"), f"<{r['message_id']}>" if r["message_id"] else "-"))
            fields.append((w("filed"), w("filed_value", date=shown(r["filed_at"])) if r["filed_at"] else w("filed_not")))
        else:
            fields = [(w("sent_chat"), shown(r["sent_at"]))]
        if r["subject"]:
            fields.append((w("subject"), r["subject"]))
        out.append((r["sent_at"] or "", 1, Entry("out", shown(r["sent_at"]), w(f"outbound_{r['kind']}", to=r["to"]),
                                                 fields, r["text"], f"r{r['id']}")))
    for b in f["block_suggestions"]:
        out.append((b["at"] or "", 2, Entry("block", shown(b["at"]), w("block_suggested", sender=b["sender"]),
                                            [(w("reason"), b["reason"])], None, f"b{b['inbound_id']}")))
    return out


def _asked_erasure_and_source(facts: dict) -> bool:
    """Whether a request that went out cites both Art. 17 and Art. 15 (the GDPR sentences of a
    refusal can be switched off in [reply]): the dossier says only what the requests said."""
    return any(re.search(r"\b17\b", r["text"] or "") and re.search(r"\b15\b", r["text"] or "")
               for r in facts["replies"])


def _law(country: str, w: Words, lang: str, facts: dict) -> tuple[list[str], list[str]]:
    rule = law_of(country)
    law = [w("law_gdpr")] + ([w("law_gdpr_asked")] if _asked_erasure_and_source(facts) else [])
    steps = [w("step_keep")]
    if rule is not None:
        law.append(w("law_country", country=country_name(rule.country, lang), law=rule.law, url=rule.source_url))
        steps.append(w("step_authority", authority=rule.authority, url=rule.authority_url))
        steps.append(w("step_dpa", dpa=rule.dpa, url=rule.dpa_url))
    else:
        steps.append(w("step_authority_generic"))
        steps.append(w("step_dpa_generic", url=DPA_LIST))
    return law, steps


def document(facts: dict, lang: str, country: str, now: datetime) -> Document:
    w = Words(lang)
    entries = [e for _, _, e in sorted(_timeline(facts, w), key=lambda t: (t[0], t[1]))]
    raw = [(shown(m["date"]), m["sender"], m["raw_sha256"] or w("raw_gone"))
           for m in facts["messages"] if m["channel"] == "email"]
    law, steps = _law(country, w, lang, facts)
    return Document(
        lang=lang, title=w("title", target=facts["target"]), subtitle=w("subtitle"),
        made=w("made", date=now.strftime("%Y-%m-%d %H:%M UTC")), summary=_summary(facts, w),
        timeline=entries, raw_hashes=raw, dossier_hash=digest(facts), law=law, steps=steps,
        facts_json=canonical(facts).decode("utf-8"), words=w,
    )
