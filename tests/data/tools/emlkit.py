"""Helpers used once to write the .eml files of the labelled mail sets (tests/data/*/; see their README.md).

The .eml files and labels.toml are the source of truth; this only saves typing.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from email.charset import Charset, QP, BASE64
from email.header import Header
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, formataddr
from zoneinfo import ZoneInfo

POLICY = default.clone(linesep="\n", max_line_length=78)
MX_IPS = {}


def h(s: str, n: int = 10) -> str:
    return hashlib.sha256(s.encode()).hexdigest()[:n]


def addr(name: str | None, email: str, charset: str = "utf-8") -> str:
    if not name:
        return email
    return formataddr((name, email), charset=charset)


def subj(s: str, charset: str = "utf-8", enc: str = "q") -> str:
    if s.isascii():
        return s
    cs = Charset(charset)
    cs.header_encoding = QP if enc == "q" else BASE64
    return Header(s, cs, header_name="Subject").encode(maxlinelen=76, linesep="\n")


def when(stamp: str, tz: str) -> datetime:
    """stamp 'MM-DD HH:MM' in 2026, local time of tz."""
    return datetime.strptime("2026-" + stamp, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(tz))


def rfcdate(dt: datetime) -> str:
    return format_datetime(dt)


def ar_pass(domain: str, mailfrom: str, ip: str, selector: str = "s1") -> str:
    return (f"mx.holm.example;\n\tdkim=pass header.d={domain} header.s={selector} header.b={h(domain+'b',8)};\n"
            f"\tspf=pass (mx.holm.example: domain of {mailfrom} designates {ip} as permitted sender)"
            f" smtp.mailfrom={mailfrom};\n\tdmarc=pass (p=NONE sp=NONE) header.from={domain}")


def ar_spf_only(domain: str, mailfrom: str, ip: str) -> str:
    return (f"mx.holm.example;\n\tdkim=none;\n"
            f"\tspf=pass (mx.holm.example: domain of {mailfrom} designates {ip} as permitted sender)"
            f" smtp.mailfrom={mailfrom};\n\tdmarc=none header.from={domain}")


def ar_fail(domain: str, mailfrom: str, ip: str) -> str:
    return (f"mx.holm.example;\n\tdkim=none (no signature);\n"
            f"\tspf=fail (mx.holm.example: domain of {mailfrom} does not designate {ip} as permitted sender)"
            f" smtp.mailfrom={mailfrom};\n\tdmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from={domain}")


def ip_for(domain: str) -> str:
    if domain not in MX_IPS:
        nets = ["192.0.2", "198.51.100", "203.0.113"]
        n = int(h(domain, 6), 16)
        MX_IPS[domain] = f"{nets[n % 3]}.{n % 250 + 3}"
    return MX_IPS[domain]


def body_part(text=None, html=None, charset="utf-8", cte=None, calendar=None) -> EmailMessage:
    m = EmailMessage(policy=POLICY)
    if cte is None:
        cte = "7bit" if (text or html or "").isascii() else "quoted-printable"
    if text is not None:
        m.set_content(text, subtype="plain", charset=charset, cte=cte)
        if html is not None:
            m.add_alternative(html, subtype="html", charset=charset, cte=cte)
    else:
        m.set_content(html, subtype="html", charset=charset, cte=cte)
    if calendar is not None:
        m.add_alternative(calendar, subtype="calendar", charset="utf-8", cte="quoted-printable",
                          params={"method": "REQUEST"})
    for part in m.iter_parts():
        del part["MIME-Version"]
    return m


def render(headers: list[tuple[str, str]], body: EmailMessage | str) -> str:
    out = []
    for k, v in headers:
        out.append(f"{k}: {v}")
    top = "\n".join(out) + "\n"
    if isinstance(body, str):
        return top + body
    return top + body.as_string(policy=POLICY)


def received(sender_domain: str, ip: str, rcpt: str, dt: datetime, helo: str | None = None) -> list[tuple[str, str]]:
    helo = helo or f"mail.{sender_domain}"
    arrive = dt.astimezone(ZoneInfo("Europe/Copenhagen")) + timedelta(seconds=int(h(helo + str(dt), 2), 16) % 50 + 3)
    inner = dt + timedelta(seconds=1)
    return [
        ("Received", f"from {helo} ({helo} [{ip}])\n\tby mx.holm.example (Postfix) with ESMTPS id {h(helo+str(dt),10).upper()}\n\tfor <{rcpt}>; {rfcdate(arrive)}"),
        ("Received", f"from [10.0.{int(h(helo,2),16) % 200}.{int(h(helo,4),16) % 250}] (unknown [10.0.0.1])\n\tby {helo} with ESMTPSA id {h('i'+helo+str(dt),12)}\n\tfor <{rcpt}>; {rfcdate(inner)}"),
    ]
