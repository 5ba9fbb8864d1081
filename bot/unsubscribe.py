"""RFC 8058 one-click unsubscribe: find a target the sender's DKIM signature vouches for, POST to it."""
from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import ssl as ssl_mod
from collections.abc import Callable
from urllib.parse import urlsplit

import aiohttp
import aiohttp.abc
import dkim

from nejtak.bot.authentication import aligned
from nejtak.bot.inbound import Inbound
from nejtak.bot.mail.reader import MAX_HEADER_BYTES, header_end

ONE_CLICK = "List-Unsubscribe=One-Click"
_ENTRY = re.compile(r"<([^>]*)>")  # RFC 2369: each URI in angle brackets
_WHITESPACE = re.compile(r"\s+")  # folding whitespace inside a URI is ignored (RFC 2369)
# Both fields must be signed (RFC 8058 section 4), else anyone could add them to a signed mail.
_MUST_BE_SIGNED = ("list-unsubscribe", "list-unsubscribe-post")


def https_uri(value: str) -> str | None:
    """The first https URI among the <...> entries of a List-Unsubscribe value (mailto ignored)."""
    for entry in _ENTRY.findall(value):
        uri = _WHITESPACE.sub("", entry)
        try:
            parts = urlsplit(uri)
            host = parts.hostname
        except ValueError:  # "[127.0.0.1]" and other hosts urllib refuses: not a target
            continue
        if parts.scheme.lower() == "https" and host:
            return uri
    return None


def _covering_signature(msg: Inbound, raw: bytes, dnsfunc: Callable | None) -> tuple[bool, str]:
    """(True, "d=domain") for the first DKIM signature that verifies and signs every List-Unsubscribe
    and List-Unsubscribe-Post field of the message; else (False, why not)."""
    end = header_end(raw)
    if end >= MAX_HEADER_BYTES:  # not a header section anyone sends; not worth trusting
        return False, "header section too large to check"
    if re.search(rb"\r(?!\n)", raw[:end]):
        # Python's parser takes a lone CR as a line break, dkimpy does not: a field hidden
        # behind one would be read by us and never checked by the signature.
        return False, "a bare CR in the header section"
    try:
        verifier = dkim.DKIM(raw)
    except Exception as e:  # noqa: BLE001  dkimpy rejects some header sections outright
        return False, f"DKIM cannot read the message: {e}"
    count = sum(1 for name, _ in verifier.headers if name.lower() == b"dkim-signature")
    if not count:
        return False, "no DKIM signature"
    dns = {} if dnsfunc is None else {"dnsfunc": dnsfunc}
    reasons = []
    for idx in range(count):
        try:
            valid = verifier.verify(idx=idx, **dns)
        except Exception as e:  # noqa: BLE001  dkimpy and the DNS library raise their own and builtin errors
            reasons.append(f"signature {idx + 1}: {e}")
            continue
        domain = (verifier.domain or b"").decode("ascii", "replace")
        if not valid:
            reasons.append(f"signature {idx + 1} (d={domain}) does not verify")
            continue
        if not aligned(domain, msg.from_address) or msg.from_count != 1:
            # any domain can sign any mail: only the From domain's own signature speaks for it
            reasons.append(f"signature {idx + 1} (d={domain}) is not the From domain's")
            continue
        signed = [h.decode("ascii", "replace") for h in verifier.include_headers]
        # A field counts only when every instance of it is signed: DKIM signs the bottom-most
        # ones, and a field added on top would be the one we read.
        unsigned = [n for n in _MUST_BE_SIGNED if signed.count(n) < len(msg.header_all(n))]
        if unsigned:
            reasons.append(f"signature {idx + 1} (d={domain}) does not cover {', '.join(unsigned)}")
            continue
        return True, f"d={domain}"
    return False, "; ".join(reasons)


def offer(msg: Inbound) -> tuple[bool, list[str]]:
    """What the mail offers for RFC 8058: (a List-Unsubscribe-Post: List-Unsubscribe=One-Click
    field alone, the https URIs of its List-Unsubscribe fields)."""
    posts = [v.strip().lower() for v in msg.header_all("list-unsubscribe-post")]
    return posts == [ONE_CLICK.lower()], [u for u in map(https_uri, msg.header_all("list-unsubscribe")) if u]


def one_click_target(msg: Inbound, raw: bytes, dnsfunc: Callable | None = None) -> tuple[str | None, str]:
    """The https URI to POST to, or None with the reason. Blocking (DNS): call it in a thread."""
    post, uris = offer(msg)
    if not post:
        return None, "no List-Unsubscribe-Post: List-Unsubscribe=One-Click"
    if len(msg.header_all("list-unsubscribe")) != 1 or not uris:
        return None, "no single List-Unsubscribe header with an https URI"
    covered, reason = _covering_signature(msg, raw, dnsfunc)
    if not covered:
        return None, reason
    return uris[0], f"one-click, signed by {reason}"


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the IPv4 address in the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: a site's own translators
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # RFC 2765 (SIIT)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE or ip in _IPV4_TRANSLATED:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _not_public(address: str) -> bool:
    """Whether an address is this machine, a private network, or reaches one through the IPv4
    address it carries; an unreadable address is not public either."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if ip.version == 6:
        if ip in _NAT64_LOCAL:
            return True  # where a local translator leads cannot be told
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return not embedded.is_global
    return not ip.is_global


class _PublicResolver(aiohttp.abc.AbstractResolver):
    """Resolves for the connection itself and refuses any non-public answer, so a name that
    answers differently the second time (DNS rebinding) cannot reach the owner's network."""

    def __init__(self) -> None:
        self._inner = aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET):
        infos = await self._inner.resolve(host, port, family)
        for info in infos:
            if _not_public(info["host"]):
                raise OSError(f"{host} resolves to {info['host']}, not a public address")
        return infos

    async def close(self) -> None:
        await self._inner.close()


async def _public_host(url: str) -> str | None:
    """Why the URL's host may not be asked (it resolves to this machine or a private network),
    or None. A sender controls the URL: nejtak must not POST into the owner's own network."""
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    except OSError as e:
        return f"cannot resolve {host}: {e}"
    for info in infos:
        if _not_public(info[4][0]):
            return f"{host} is {info[4][0]}, not a public address"
    return None


async def unsubscribe(url: str, timeout: float = 15, ssl: ssl_mod.SSLContext | bool = True,
                      allow_private: bool = False) -> tuple[bool, str]:
    """POST the one-click request: no cookies, no redirects (a 3xx is a failure), public hosts
    only unless allow_private (tests); (ok, reason)."""
    if not allow_private:
        refused = await _public_host(url)
        if refused:
            return False, f"not asked: {refused}"
    try:
        connector = None if allow_private else aiohttp.TCPConnector(resolver=_PublicResolver())
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(), connector=connector,
                                         timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            async with session.post(url, data=ONE_CLICK.encode("ascii"), allow_redirects=False, ssl=ssl,
                                    headers={"Content-Type": "application/x-www-form-urlencoded"}) as resp:
                status = resp.status
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError, ValueError) as e:
        return False, f"request failed: {type(e).__name__}: {e}"
    if 200 <= status < 300:
        return True, f"HTTP {status}"
    if 300 <= status < 400:
        return False, f"HTTP {status}: a redirect, not followed (RFC 8058)"
    return False, f"HTTP {status}"


async def one_click(msg: Inbound, raw: bytes) -> tuple[str | None, bool, str]:
    """Find the target (in a thread: DNS) and POST to it: (url or None, ok, reason)."""
    url, reason = await asyncio.to_thread(one_click_target, msg, raw)
    if url is None:
        return None, False, reason
    ok, reason = await unsubscribe(url)
    return url, ok, reason
