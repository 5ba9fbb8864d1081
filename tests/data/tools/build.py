"""Writes a labelled mail set's inbox/*.eml, sent/*.eml and labels.toml from its cases.

Shared by tests/data/{devset,devset2,holdout}/tools/build.py, which call `build()`.

A cases module has INBOX and SENT (lists of dicts). Optional per-case features, each taking
effect only when a case uses it:
- an inbox case without a fixed date `d` gets one derived from its name (2026-06-01 .. 2026-08-31,
  local 07:00-18:59); all dates are distinct;
- `bcc` on an inbox case writes a Bcc header; `tz` on a sent message sets its time zone.
`sniff_html=True` (devset2) treats a `text` that starts with "<" as the HTML body.
`boundaries` pins the MIME boundary of a multipart inbox message by case name (the committed
files were written with random ones); other multipart messages get one derived from the name.
"""
from __future__ import annotations

import html as htmlmod
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from emlkit import (ar_fail, ar_pass, ar_spf_only, addr, body_part, h, ip_for, received,
                    rfcdate, render, subj, when)  # noqa: E402

TZ = {"da": "Europe/Copenhagen", "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "de": "Europe/Berlin",
      "pl": "Europe/Warsaw", "en": "Europe/London"}


def to_html(text: str, pixel: str | None) -> str:
    paras = [p for p in text.strip().split("\n\n")]
    out = "".join("<p>" + htmlmod.escape(p).replace("\n", "<br>\n") + "</p>\n" for p in paras)
    if pixel:
        out += f'<img src="https://t.tracker.example/open/{pixel}" width="1" height="1" alt="" style="display:none">\n'
    return "<!DOCTYPE html>\n<html><body style=\"font-family:Arial,sans-serif;font-size:14px\">\n" + out + "</body></html>\n"


def mid_for(c) -> str:
    if c.get("mid"):
        return c["mid"]
    dom = c["frm"][1].split("@")[1]
    return f"<{h(c['name']+c['d'],16)}.{h(c['name'],6)}@{c.get('mid_domain', dom)}>"


def boundary_for(name: str, boundaries: dict[str, str] | None) -> str:
    """The pinned boundary for case `name`, else one derived from the name (the email package's shape)."""
    if boundaries and name in boundaries:
        return boundaries[name]
    return f"==============={int(h(name + 'boundary', 16), 16) % 10**19:019d}=="


def build_inbox(c, sniff_html: bool = False, boundaries: dict[str, str] | None = None) -> str:
    name_, email_ = c["frm"]
    dom = email_.split("@")[1]
    tz = c.get("tz", TZ[c["lang"]])
    dt = when(c["d"], tz)
    rcpt = c.get("rcpt", "anna@holm.example")
    rp = c.get("rp", f"<{email_}>")
    mailfrom = c.get("mailfrom", rp.strip("<>") if rp not in ("MISSING", "<>") and "," not in rp else email_)
    ip = ip_for(dom)
    hdrs = []
    if rp != "MISSING":
        hdrs.append(("Return-Path", rp))
    hdrs.append(("Delivered-To", rcpt))
    rcv = received(c.get("helo_domain", dom), ip, rcpt, dt)
    hdrs.append(rcv[0])
    auth = c.get("auth", "pass")
    if auth == "pass":
        hdrs.append(("Authentication-Results", ar_pass(dom, mailfrom, ip)))
    elif auth == "spf":
        hdrs.append(("Authentication-Results", ar_spf_only(dom, mailfrom, ip)))
    elif auth == "fail":
        hdrs.append(("Authentication-Results", ar_fail(dom, mailfrom, ip)))
    elif auth == "none":
        pass
    else:
        hdrs.append(("Authentication-Results", auth.format(ip=ip, dom=dom, mailfrom=mailfrom)))
    hdrs.extend(c.get("trace", []))
    hdrs.append(rcv[1])
    if auth in ("pass",):
        hdrs.append(("DKIM-Signature", f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={dom}; s=s1;\n\th=from:to:subject:date:message-id; bh={h(c['name']+'bh',32)}=;\n\tb={h(c['name']+'b1',64)}\n\t{h(c['name']+'b2',40)}="))
    hdrs.append(("From", addr(name_, email_, c.get("hdr_charset", "utf-8"))))
    hdrs.append(("To", enc_addr(c.get("to", "Anna Holm <anna@holm.example>"))))
    if c.get("cc"):
        hdrs.append(("Cc", enc_addr(c["cc"])))
    if c.get("bcc"):
        hdrs.append(("Bcc", enc_addr(c["bcc"])))
    hdrs.append(("Subject", subj(c["subject"], c.get("hdr_charset", "utf-8"), c.get("subj_enc", "q"))))
    hdrs.append(("Date", rfcdate(dt)))
    hdrs.append(("Message-ID", mid_for(c)))
    if c.get("irt"):
        hdrs.append(("In-Reply-To", c["irt"]))
        hdrs.append(("References", c.get("refs", c["irt"])))
    if c.get("xmailer"):
        hdrs.append(("X-Mailer", c["xmailer"]))
    hdrs.extend(c.get("extra", []))
    if c.get("raw_body"):
        return render(hdrs, c["raw_body"])
    text = c.get("text")
    html = c.get("html")
    pixel = c.get("pixel")
    if pixel and html is None:
        html = to_html(text, pixel)
    if c.get("html_only"):
        if sniff_html and html is None and text.lstrip().startswith("<"):
            html = text
        html = html or to_html(text, pixel)
        text = None
    body = body_part(text=text, html=html, charset=c.get("charset", "utf-8"), cte=c.get("cte"),
                     calendar=c.get("calendar"))
    if body.is_multipart():
        body.set_boundary(boundary_for(c["name"], boundaries))
    return render(hdrs, body)


def enc_addr(v: str) -> str:
    if v.isascii():
        return v
    from email.utils import getaddresses
    return ", ".join(addr(n, e) for n, e in getaddresses([v]))


def build_sent(s) -> str:
    tz = s.get("tz", "Europe/Copenhagen")
    dt = when(s["d"], tz)
    hdrs = [("From", "Anna Holm <anna@holm.example>"), ("To", enc_addr(s["to"]))]
    if s.get("cc"):
        hdrs.append(("Cc", enc_addr(s["cc"])))
    hdrs += [("Subject", subj(s["subject"])), ("Date", rfcdate(dt)), ("Message-ID", s["mid"])]
    if s.get("irt"):
        hdrs += [("In-Reply-To", s["irt"]), ("References", s["irt"])]
    hdrs += s.get("extra", [])
    hdrs.append(("User-Agent", "Mozilla Thunderbird"))
    return render(hdrs, body_part(text=s["text"]))


def toml_str(v: str) -> str:
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def assign_dates(cases) -> None:
    from datetime import date, timedelta
    used = set()
    for c in cases.INBOX:
        if c.get("d"):
            used.add(when(c["d"], c.get("tz", TZ[c["lang"]])))
    for c in cases.INBOX:
        if c.get("d"):
            continue
        n = int(h(c["name"], 12), 16)
        day = date(2026, 6, 1) + timedelta(days=n % 92)
        hour, minute = 7 + (n // 92) % 12, (n // 1104) % 60
        while True:
            c["d"] = f"{day:%m-%d} {hour:02d}:{minute:02d}"
            dt = when(c["d"], c.get("tz", TZ[c["lang"]]))
            if dt not in used:
                used.add(dt)
                break
            minute = (minute + 7) % 60


def build(set_dir: Path, cases, labels_header: str, sniff_html: bool = False,
          boundaries: dict[str, str] | None = None) -> None:
    """Rewrites set_dir/inbox, set_dir/sent and set_dir/labels.toml from `cases`.

    labels_header is the first line of labels.toml (a comment naming the set)."""
    assign_dates(cases)
    inbox = set_dir / "inbox"
    sent = set_dir / "sent"
    for d in (inbox, sent):
        d.mkdir(exist_ok=True)
        for f in d.glob("*.eml"):
            f.unlink()
    seen = {}
    items = []
    for c in cases.INBOX:
        dt = when(c["d"], c.get("tz", TZ[c["lang"]]))
        assert dt not in seen, (c["name"], seen.get(dt))
        seen[dt] = c["name"]
        items.append((dt, c))
    items.sort(key=lambda x: x[0])
    labels = []
    for i, (dt, c) in enumerate(items, 1):
        fname = f"{i:03d}-{c['name']}.eml"
        (inbox / fname).write_text(build_inbox(c, sniff_html, boundaries), encoding="ascii", newline="\n")
        lb = c["label"]
        labels.append(
            f"[{toml_str(fname)}]\n"
            f"unsolicited = {str(lb['unsolicited']).lower()}\n"
            f"language = {toml_str(c['lang'])}\n"
            f"reply_allowed = {str(lb['allowed']).lower()}\n"
            f"blocked_by = {toml_str(lb.get('blocked', ''))}\n"
            f"repeat = {lb.get('repeat', 0)}\n"
            f"kind = {toml_str(lb['kind'])}\n")
    for i, s in enumerate(cases.SENT, 1):
        (sent / f"{i:02d}-{s['name']}.eml").write_text(build_sent(s), encoding="ascii", newline="\n")
    head = (labels_header.rstrip("\n") + "\n"
            "# blocked_by is the FIRST reply rule (DESIGN.md order) that forbids a reply, or \"\".\n\n")
    (set_dir / "labels.toml").write_text(head + "\n".join(labels), encoding="utf-8")
    print(len(items), "inbox,", len(cases.SENT), "sent")

