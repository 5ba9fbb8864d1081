"""Reads the receiving server's Authentication-Results (RFC 8601) with the authres library."""
from __future__ import annotations

from dataclasses import dataclass, field

import authres

from bot.identity import org_domain


@dataclass
class AuthResults:
    """Method -> results of the one trusted Authentication-Results header."""

    authserv_id: str = ""
    results: dict[str, list[tuple[str, dict[str, str]]]] = field(default_factory=dict)

    def passed(self, method: str) -> list[dict[str, str]]:
        return [props for result, props in self.results.get(method, []) if result == "pass"]


def trusted_results(values: list[str], trusted_ids: list[str]) -> AuthResults | None:
    """The topmost header from a trusted authserv-id (the topmost at all when none are set)."""
    trusted = {t.lower() for t in trusted_ids}
    for value in values:
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


def aligned(domain_a: str, domain_b: str) -> bool:
    """Relaxed alignment (DMARC): the same organisational domain."""
    a = domain_a.rsplit("@", 1)[-1]
    b = domain_b.rsplit("@", 1)[-1]
    return bool(a and b) and org_domain(a) == org_domain(b)
