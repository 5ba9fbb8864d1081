"""The organisation behind a domain: publicsuffixlist's list, built faster, decides alike."""
from pathlib import Path

import pytest
from publicsuffixlist import PSLFILE, PublicSuffixList

from nejtak.bot.identity import org_domain, public_suffixes


def _rules() -> list[str]:
    rules = []
    for line in Path(PSLFILE).read_text(encoding="utf-8").splitlines():
        rule = line.split(" ")[0].strip()
        if rule and not rule.startswith("//"):
            rules.append(rule)
    return rules


@pytest.fixture(scope="module")
def library_built():
    return PublicSuffixList()


def test_every_rule_gives_the_same_organisation_as_the_library_builds_it(library_built):
    ours = public_suffixes()
    rules = _rules()
    assert len(rules) > 9000
    for rule in rules:
        plain = rule.lstrip("!").replace("*", "any")
        for domain in (f"sales.acme.{plain}", f"acme.{plain}", plain):
            assert ours.privatesuffix(domain) == library_built.privatesuffix(domain), domain
            assert org_domain(domain) == (library_built.privatesuffix(domain) or domain.lower()), domain
            puny = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
            assert org_domain(puny) == (library_built.privatesuffix(puny) or puny.lower()), puny


def test_organisations():
    assert org_domain("sales.acme.co.uk") == "acme.co.uk"
    assert org_domain("mail.xn--bcher-kva.de") == "xn--bcher-kva.de"
    assert org_domain("post.bücher.de") == "bücher.de"
    assert org_domain("Foo.Example.COM.") == "example.com"
    assert org_domain("shop.xn--80aswg.xn--p1ai") == "xn--80aswg.xn--p1ai"  # сайт.рф
    assert org_domain("a.xn--zz.example") == "xn--zz.example"  # not valid punycode: as written
