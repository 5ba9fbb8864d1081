"""Who a sender is: addresses compared without case, and the organisation behind a domain."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from publicsuffixlist import PSLFILE, PublicSuffixList, decode_idn


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


_DOTS = ".\u3002\uff0e\uff61"  # what IDNA reads as a label separator


def _unicode_label(label: str) -> str:
    """A punycoded label (xn--...) in Unicode; any other label, one that is no valid punycode,
    or one whose Unicode would hold a dot (and so read as two labels), as it is written."""
    if not label.startswith("xn--"):
        return label
    try:
        text = decode_idn(label)
    except UnicodeError:
        return label
    return label if not text or any(dot in text for dot in _DOTS) else text


@lru_cache(maxsize=4096)
def org_domain(domain: str) -> str:
    """The registrable domain (sales.acme.co.uk -> acme.co.uk), or the domain itself. A
    punycoded domain (xn--...) is looked up with its labels in Unicode, one by one; the
    organisation is that many labels of the domain as it was written."""
    domain = domain.strip().strip(".").lower()
    if not domain:
        return ""
    if "xn--" not in domain:
        return public_suffixes().privatesuffix(domain) or domain
    labels = domain.split(".")
    found = public_suffixes().privatesuffix(".".join(map(_unicode_label, labels)))
    return ".".join(labels[-(found.count(".") + 1):]) if found else domain


@lru_cache(maxsize=1)
def shipped_freemail() -> frozenset[str]:
    """The free-mail providers of config/defaults.toml: what judges a text where no config is at
    hand (training, `nejtak learn`, the owner's labels), as the owner's config does in the pipeline."""
    import tomllib

    from nejtak.bot.config import DEFAULTS_FILE

    with open(DEFAULTS_FILE, "rb") as f:
        return frozenset(tomllib.load(f)["classifier"]["freemail_domains"])


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
