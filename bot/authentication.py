"""Reads the receiving server's Authentication-Results (RFC 8601) with the authres library, and
says whether it vouches for the address a reply would go to."""
from __future__ import annotations

from dataclasses import dataclass, field

import authres

from nejtak.bot.identity import org_domain


@dataclass
class AuthResults:
    """Method -> results of the one trusted Authentication-Results header."""

    authserv_id: str = ""
    results: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)

    def passed(self, method: str) -> list[dict[str, str]]:
        return [props for result, props in self.results.get(method, []) if result == "pass"]


def _plain(value: str) -> bool:
    """Plain ASCII without RFC 2047 words: the only form a receiving server writes."""
    return value.isascii() and "=?" not in value


def trusted_results(values: list[str], trusted_ids: list[str]) -> AuthResults | None:
    """The topmost header from a trusted authserv-id (the topmost at all when none are set).

    `values` are the headers as written (not RFC 2047-decoded), topmost first. A header that
    is not plain ASCII, met before the trusted one, makes the message unauthenticated: whose
    it is cannot be told, and a decoded one could pass for the server's own."""
    trusted = {t.lower() for t in trusted_ids}
    for value in values:
        if not _plain(value):
            return AuthResults("")
        serv = (value.split(";", 1)[0].split() or [""])[0].lower()
        if trusted and serv not in trusted:
            continue
        try:
            parsed = authres.AuthenticationResultsHeader.parse_value(value)
        except Exception:  # authres raises its own and builtin errors on junk
            # The trusted server's own header, unreadable (a sender can make it so): it proves
            # nothing, and a header further down must not stand in for it.
            return AuthResults(serv)
        serv = (parsed.authserv_id or serv).lower()
        if trusted and serv not in trusted:
            continue
        out = AuthResults(serv)
        for result in parsed.results:
            props = {f"{p.type}.{p.name}".lower(): str(p.value) for p in result.properties}
            out.results.setdefault(result.method.lower(), []).append((str(result.result).lower(), props))
        return out
    return None


def _domain(address: str) -> str:
    """The domain of an address or a bare domain, lower-case, internationalised ones as A-labels."""
    domain = address.rsplit("@", 1)[-1].strip().strip(".").lower()
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
    return domain


def aligned(domain_a: str, domain_b: str) -> bool:
    """Relaxed alignment (DMARC): the same organisational domain."""
    a, b = _domain(domain_a), _domain(domain_b)
    return bool(a and b) and org_domain(a) == org_domain(b)


def _spf_identity_is(props: dict[str, str], reply_to: str) -> bool:
    """Whether an SPF result is about exactly this envelope sender (never the HELO name)."""
    mailfrom = props.get("smtp.mailfrom", "").strip().lower()
    if not mailfrom:
        return False  # a HELO result, or no identity at all
    if "@" in mailfrom:
        local, _, domain = mailfrom.rpartition("@")
        reply_local, _, reply_domain = reply_to.lower().rpartition("@")
        return local == reply_local and _domain(domain) == _domain(reply_domain)
    return _domain(mailfrom) == _domain(reply_to)


def sender_vouched_for(msg, trusted_ids: list[str]) -> bool:
    """Whether the trusted server vouched for an e-mail's one author, by the reply guard's rule
    (bot/guards/authentication.py, which also says why not): a trusted header, a single From,
    and that From (with its reply address) passed."""
    results = trusted_results(msg.header_all("authentication-results"), trusted_ids)
    return (results is not None and msg.from_count == 1
            and vouched_for(results, msg.from_address, msg.return_path or "") is not None)


def vouched_for(results: AuthResults, from_address: str, reply_to: str) -> str | None:
    """How the trusted server vouched for the reply address (None: it did not).

    DMARC pass for the one From whose organisational domain is the reply address's, or SPF
    pass for exactly that envelope sender, aligned with From. A fail or other result for the
    same identity next to a pass cancels it."""
    if not reply_to or "@" not in reply_to or not from_address:
        return None
    dmarc = results.results.get("dmarc", [])
    if dmarc and all(result == "pass" for result, _ in dmarc):
        header_from = {props.get("header.from", "").strip().lower() for _, props in dmarc} - {""}
        if (all(aligned(d, from_address) for d in header_from)
                and aligned(from_address, reply_to)):
            return "dmarc=pass"
    spf = [result for result, props in results.results.get("spf", []) if _spf_identity_is(props, reply_to)]
    if spf and all(result == "pass" for result in spf) and aligned(reply_to, from_address):
        return "spf=pass"
    return None
