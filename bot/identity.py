"""Who a sender is: addresses compared without case, and the organisation behind a domain."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from publicsuffixlist import PSLFILE, PublicSuffixList, decode_idn, encode_idn


@lru_cache(maxsize=1)
def public_suffixes() -> PublicSuffixList:
    """publicsuffixlist's own list, built on first use from its rules alone: its parser then
    skips the 5,700 comment lines, and the 460 non-ASCII rules stay as they are written (their
    punycode, which costs half of the build in Python's IDNA codec, is left to `org_domain`,
    which reads a punycoded domain in Unicode). Most of it was at every start of `nejtak
    triage FILE`."""
    rules = []
    for line in Path(PSLFILE).read_text(encoding="utf-8").splitlines():
        rule = line.lower().split(" ")[0].rstrip()
        if rule and not rule.startswith("//"):
            rules.append(rule)
    return PublicSuffixList(rules, accept_encoded_idn=False)


@lru_cache(maxsize=4096)
def org_domain(domain: str) -> str:
    """The registrable domain (sales.acme.co.uk -> acme.co.uk), or the domain itself. A
    punycoded domain (xn--...) is looked up in Unicode and its organisation given in punycode."""
    domain = domain.strip().strip(".").lower()
    if not domain:
        return ""
    if "xn--" in domain:
        try:
            found = public_suffixes().privatesuffix(decode_idn(domain))
            return encode_idn(found) if found else domain
        except UnicodeError:  # not valid punycode: looked up as it is written
            pass
    return public_suffixes().privatesuffix(domain) or domain


def company_of(address: str, freemail: frozenset[str]) -> str:
    """The organisation domain of an address, or "" for free-mail providers and chats."""
    if "@" not in address:
        return ""
    org = org_domain(address.rsplit("@", 1)[1])
    return "" if org in freemail or address.rsplit("@", 1)[1].lower() in freemail else org


def owner_organisations(config, freemail: frozenset[str]) -> frozenset[str]:
    """The owner's own organisations (rule 9: their colleagues are known): `[owner]
    organisation_domains` when set, else those of the owner's addresses, with free-mail
    providers, address literals and single-label hosts (localhost) left out."""
    chosen = config.owner.organisation_domains
    if chosen is not None:
        return frozenset(filter(None, (org_domain(d) for d in chosen)))
    orgs = set()
    for address in config.owner.addresses:
        domain = address.rsplit("@", 1)[-1].strip().strip(".").lower()
        if "." in domain and not domain.startswith("[") and not domain.replace(".", "").isdigit():
            orgs.add(company_of(address, freemail))
    return frozenset(orgs - {""})


def local_part(address: str) -> str:
    return address.rsplit("@", 1)[0].lower() if "@" in address else address.lower()
