"""The organisation behind a domain: publicsuffixlist's list, built faster, decides alike."""
import random
from pathlib import Path

import pytest
from publicsuffixlist import PSLFILE, PublicSuffixList, encode_idn

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


# labels that punycode reads badly: IDNA 2008 only (ß), not valid punycode, Unicode as written,
# and one whose Unicode holds an ideographic full stop (it must not read as two labels)
TRICKY = ["acme", "xn--strae-oqa", "xn--zz", "ü", "xn--bcher-kva", "xn--victimgithub-rc3k", "sales", "xn--p1ai",
          "github", "xn--55qx5d", "co"]


@pytest.mark.parametrize("domain", ["xn--strae-oqa.xn--55qx5d.cn", "xn--zz.acme.xn--gmqw5a.hk", "ü.xn--gmqw5a.hk",
                                    "mail.xn--victimgithub-rc3k.com", "xn--victimgithub-rc3k.io"])
def test_a_badly_punycoded_label_does_not_move_the_organisation(library_built, domain):
    assert org_domain(domain) == library_built.privatesuffix(domain)


def test_punycoded_domains_under_every_non_ascii_rule_give_the_library_s_organisation(library_built):
    rng = random.Random(8)
    suffixes = [r.lstrip("!").replace("*", "any") for r in _rules() if not r.isascii()]
    suffixes = [encode_idn(s) for s in suffixes] + ["com", "github.io", "co.uk"]
    for _ in range(20_000):
        domain = ".".join([rng.choice(TRICKY) for _ in range(rng.randint(1, 3))] + [rng.choice(suffixes)])
        assert org_domain(domain) == (library_built.privatesuffix(domain) or domain), domain
