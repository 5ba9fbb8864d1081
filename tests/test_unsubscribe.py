"""RFC 8058 one-click unsubscribe against a real HTTPS server, with real DKIM signatures."""
from __future__ import annotations

import asyncio
import base64
import functools
import smtplib
import ssl
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import dkim
import pytest
import trustme
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from nejtak.bot import unsubscribe as unsubscribe_mod
from nejtak.bot.config import parse
from nejtak.bot.daemon import Daemon
from nejtak.bot.mail.reader import read_message
from nejtak.bot.store import Store
from nejtak.bot.unsubscribe import one_click_target, unsubscribe
from tests.daemon.helpers import OWNER, PITCH_BODY, wait_until
from tests.fixtures.smtp import free_port

SENDER = "news@shop.example"
SELECTOR, DOMAIN = b"s1", b"shop.example"
SIGNED = [b"from", b"to", b"subject", b"date", b"message-id", b"list-unsubscribe", b"list-unsubscribe-post"]


@pytest.fixture(scope="module")
def dkim_key() -> tuple[bytes, bytes]:
    """(private key PEM for dkim.sign, the DNS TXT record that publishes its public key)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem, b"v=DKIM1; k=rsa; p=" + base64.b64encode(spki)


@pytest.fixture(scope="module")
def dns(dkim_key):
    """A dnsfunc for dkimpy that knows only the test domain's key."""
    def lookup(name: bytes, timeout: float = 5) -> bytes | None:
        return dkim_key[1] if name == SELECTOR + b"._domainkey." + DOMAIN + b"." else None
    return lookup


class Endpoint:
    """An HTTPS server on 127.0.0.1 that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.ca = trustme.CA()
        self.client_ssl = ssl.create_default_context()
        self.ca.configure_trust(self.client_ssl)
        self.base = ""

    async def _record(self, request: web.Request) -> web.Response:
        self.requests.append({"method": request.method, "path": request.path,
                              "body": await request.read(), "headers": dict(request.headers)})
        if request.path == "/redirect":
            return web.Response(status=302, headers={"Location": f"{self.base}/landing",
                                                     "Set-Cookie": "tracked=1"})
        if request.path == "/broken":
            return web.Response(status=500)
        return web.Response(text="unsubscribed", headers={"Set-Cookie": "session=abc"})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._record)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        server_ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1").configure_cert(server_ssl)
        site = web.TCPSite(self.runner, "127.0.0.1", 0, ssl_context=server_ssl)
        await site.start()
        self.base = f"https://127.0.0.1:{self.runner.addresses[0][1]}"

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]


@pytest.fixture
async def endpoint():
    server = Endpoint()
    await server.start()
    yield server
    await server.runner.cleanup()


def list_mail(pem: bytes, unsubscribe_header: str | None, *, post: bool = True,
              signed: list[bytes] = SIGNED, body: str = "Our spring sale starts today!\n",
              sender: str = SENDER) -> bytes:
    """A marketing mail to the owner, DKIM-signed by shop.example over the `signed` fields."""
    head = (f"Authentication-Results: mx.test; dmarc=pass header.from={DOMAIN.decode()}\r\n"
            f"From: Shop <{sender}>\r\nTo: {OWNER}\r\nSubject: Grow your sales with our SEO service\r\n"
            f"Date: {format_datetime(datetime.now(timezone.utc))}\r\n"
            f"Message-ID: <{time.time_ns()}@shop.example>\r\n")
    if unsubscribe_header is not None:
        head += f"List-Unsubscribe: {unsubscribe_header}\r\n"
    if post:
        head += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
    raw = (head + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           + body.replace("\n", "\r\n")).encode()
    sig = dkim.sign(raw, SELECTOR, DOMAIN, pem, include_headers=signed)
    return sig + raw


def target(raw: bytes, dns) -> tuple[str | None, str]:
    return one_click_target(read_message(raw, "test", keep_raw=True), raw, dnsfunc=dns)


# -- which messages qualify ---------------------------------------------------------------------

def test_a_signed_one_click_mail_gives_its_https_uri(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<mailto:off@shop.example>, <https://shop.example/u/42?t=x>")
    assert target(raw, dns) == ("https://shop.example/u/42?t=x", "one-click, signed by d=shop.example")


def test_without_list_unsubscribe_post_nothing(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>", post=False,
                    signed=[h for h in SIGNED if h != b"list-unsubscribe-post"])
    url, reason = target(raw, dns)
    assert url is None and "List-Unsubscribe-Post" in reason


@pytest.mark.parametrize("value", ["<http://shop.example/u/42>", "<mailto:off@shop.example?subject=unsub>",
                                   "https://shop.example/u/42"])  # the last: no <...>, not RFC 2369
def test_without_an_https_uri_nothing(dkim_key, dns, value):
    url, reason = target(list_mail(dkim_key[0], value), dns)
    assert url is None and "https" in reason


def test_a_signature_that_leaves_out_list_unsubscribe_post_does_not_count(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>",
                    signed=[h for h in SIGNED if h != b"list-unsubscribe-post"])
    assert dkim.verify(raw, dnsfunc=dns)  # the signature itself is good
    url, reason = target(raw, dns)
    assert url is None and "does not cover list-unsubscribe-post" in reason


def test_a_mail_altered_after_signing_does_not_count(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>")
    forged = raw.replace(b"https://shop.example/u/42", b"https://victim.example/delete")
    url, reason = target(forged, dns)
    assert url is None and "does not verify" in reason


def test_a_list_unsubscribe_added_on_top_of_a_signed_one_does_not_count(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>")
    url, _ = target(b"List-Unsubscribe: <https://victim.example/delete>\r\n" + raw, dns)
    assert url is None


def test_an_unsigned_mail_or_an_unknown_key_does_not_count(dkim_key, dns):
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>")
    unsigned = raw.split(b"\r\n", 1)[1]
    while unsigned[:1] in (b" ", b"\t"):  # the signature's folded lines
        unsigned = unsigned.split(b"\r\n", 1)[1]
    assert target(unsigned, dns) == (None, "no DKIM signature")
    url, reason = target(raw, lambda name, timeout=5: None)
    assert url is None and "does not verify" in reason


# -- the POST ---------------------------------------------------------------------------------

async def test_a_valid_one_click_mail_gets_exactly_one_post_without_cookies(endpoint, dkim_key, dns):
    raw = list_mail(dkim_key[0], f"<mailto:off@shop.example>, <{endpoint.base}/u/42>")
    url, _ = target(raw, dns)
    assert url == f"{endpoint.base}/u/42"
    assert await unsubscribe(url, ssl=endpoint.client_ssl, allow_private=True) == (True, "HTTP 200")
    [request] = endpoint.requests
    assert (request["method"], request["path"], request["body"]) == ("POST", "/u/42", b"List-Unsubscribe=One-Click")
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Cookie" not in request["headers"]


async def test_a_redirect_is_a_failure_and_not_followed(endpoint):
    ok, reason = await unsubscribe(f"{endpoint.base}/redirect", ssl=endpoint.client_ssl, allow_private=True)
    assert not ok and "302" in reason
    assert endpoint.paths() == ["/redirect"]


async def test_a_server_error_is_a_failure(endpoint):
    assert await unsubscribe(f"{endpoint.base}/broken", ssl=endpoint.client_ssl, allow_private=True) == (False, "HTTP 500")


async def test_an_untrusted_certificate_or_no_server_is_a_failure(endpoint):
    ok, reason = await unsubscribe(f"{endpoint.base}/u/42", allow_private=True)  # the system trust does not know the test CA
    assert not ok and "request failed" in reason
    ok, reason = await unsubscribe(f"https://127.0.0.1:{free_port()}/u/42", timeout=5, allow_private=True)
    assert not ok and "request failed" in reason
    assert endpoint.requests == []


# -- through the daemon -------------------------------------------------------------------------

def _config(store_url: str, port: int, consent: bool):
    return parse(f'mode = "auto"\n[owner]\nname = "Test Owner"\naddresses = ["{OWNER}"]\n'
                 f'trusted_authserv_ids = ["mx.test"]\n[store]\nurl = "{store_url}"\n'
                 f'[intake]\nenabled = true\nhost = "127.0.0.1"\nport = {port}\nhostname = "intake.test"\n'
                 f'[unsubscribe]\nconsent = {"true" if consent else "false"}\n')


def _send(port: int, raw: bytes) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.sendmail(SENDER, [OWNER], raw)


@pytest.mark.parametrize("consent", [True, False])
async def test_the_daemon_unsubscribes_only_with_consent(tmp_path, monkeypatch, dkim_key, dns, endpoint, consent):
    # The daemon uses real DNS and the system trust; here the test's key and CA stand in.
    monkeypatch.setattr(unsubscribe_mod, "one_click_target",
                        functools.partial(unsubscribe_mod.one_click_target, dnsfunc=dns))
    monkeypatch.setattr(unsubscribe_mod, "unsubscribe",
                        functools.partial(unsubscribe_mod.unsubscribe, ssl=endpoint.client_ssl, allow_private=True))
    port = free_port()
    store = Store(f"sqlite:///{tmp_path / 'nejtak.db'}")
    daemon = Daemon(_config(f"sqlite:///{tmp_path / 'nejtak.db'}", port, consent), store=store)
    raw = list_mail(dkim_key[0], f"<mailto:off@shop.example>, <{endpoint.base}/u/42>", body=PITCH_BODY)
    await asyncio.wait_for(daemon.start(), 20)
    try:
        await asyncio.to_thread(_send, port, raw)  # the intake answers 250 once the message is decided
        [row] = await wait_until(lambda: store.inbound_since(datetime(2000, 1, 1, tzinfo=timezone.utc)),
                                 what="message decided")
        assert (row["unsolicited"], row["action"], row["blocked_by"]) == (True, "unsubscribe", "mailing_list")
        if consent:  # it runs after the intake's 250, so the sending server is not kept waiting
            await wait_until(lambda: store.last_audit(["unsubscribe"]), what="unsubscribe done")
        audit = store.last_audit(["unsubscribe"])
    finally:
        await asyncio.wait_for(daemon.stop(), 20)
    if consent:
        assert [(r["method"], r["path"], r["body"]) for r in endpoint.requests] == \
            [("POST", "/u/42", b"List-Unsubscribe=One-Click")]
        assert audit["subject"] == f"inbound:{row['id']}"
        assert audit["detail"] == {"url": f"{endpoint.base}/u/42", "ok": True, "reason": "HTTP 200"}
    else:
        assert endpoint.requests == [] and audit is None


async def test_a_target_on_this_machine_or_a_private_network_is_never_asked(endpoint):
    """The URL comes from the sender: nejtak does not POST into the owner's own network."""
    for url in (f"{endpoint.base}/u/42", "https://10.0.0.1/u", "https://[::1]/u", "https://localhost/u"):
        ok, reason = await unsubscribe(url, ssl=endpoint.client_ssl, timeout=2)
        assert not ok and reason.startswith("not asked:"), (url, reason)
    assert endpoint.requests == []


async def test_candidates_wait_for_the_owner_until_done_and_need_the_raw_message(tmp_path, monkeypatch, dkim_key,
                                                                                  dns, endpoint):
    """What the digest offers: undecided-upon bulk mail, while its raw message (the DKIM evidence) is kept."""
    from nejtak.bot import digest as digest_mod

    monkeypatch.setattr(unsubscribe_mod, "one_click_target",
                        functools.partial(unsubscribe_mod.one_click_target, dnsfunc=dns))
    monkeypatch.setattr(unsubscribe_mod, "unsubscribe",
                        functools.partial(unsubscribe_mod.unsubscribe, ssl=endpoint.client_ssl, allow_private=True))
    url = f"sqlite:///{tmp_path / 'nejtak.db'}"
    store = Store(url)
    daemon = Daemon(_config(url, free_port(), consent=False), store=store)
    since = datetime.now(timezone.utc) - timedelta(minutes=1)
    await asyncio.wait_for(daemon.start(), 20)
    try:
        raws, ids = [], []
        for path in ("/u/1", "/u/2"):
            raw = list_mail(dkim_key[0], f"<{endpoint.base}{path}>", body=PITCH_BODY)
            outcome = await daemon.handle_email(f"Return-Path: <{SENDER}>\r\n".encode() + raw, "test")
            raws.append(raw)
            ids.append(outcome.inbound_id)
        first, second = ids
        candidates = store.unsubscribe_candidates(since)
        assert [(c["id"], c["sender"], c["raw_kept"]) for c in candidates] == [(first, SENDER, True),
                                                                              (second, SENDER, True)]
        assert "raw" not in candidates[0] and candidates[0]["decided_at"] >= since
        assert store.unsubscribe_candidates(datetime.now(timezone.utc) + timedelta(minutes=1)) == []
        assert store.inbound_raw(first).endswith(raws[0])
        text = digest_mod.render_text(digest_mod.build(store, since))
        assert f"[unsubscribe? #{first}] {SENDER}: Grow your sales" in text and f"#{second}]" in text

        # the owner's consent for one message: the daemon's own path, done once
        msg = read_message(store.inbound_raw(first), "store")
        assert await daemon.unsubscribe(msg, store.inbound_raw(first), first) is None  # no consent in the config
        assert await daemon.unsubscribe(msg, store.inbound_raw(first), first, consent=True) == \
            (f"{endpoint.base}/u/1", True, "HTTP 200")
        assert endpoint.paths() == ["/u/1"]
        assert [c["id"] for c in store.unsubscribe_candidates(since)] == [second]

        # once the raw message is purged the signature cannot be checked: not offered any more
        store.purge_bodies(datetime.now(timezone.utc) + timedelta(minutes=1))
        assert store.inbound_raw(second) is None
        assert [(c["id"], c["raw_kept"]) for c in store.unsubscribe_candidates(since)] == [(second, False)]
        assert not [it for it in digest_mod.build(store, since).items if it.kind == "unsubscribe"]
    finally:
        await asyncio.wait_for(daemon.stop(), 20)


def test_an_untouched_unsubscribe_waits_across_digests(tmp_path):
    """Like a draft, a bulk mail waiting for the owner's tap is not dropped by the next digest."""
    from datetime import timedelta

    from nejtak.bot import digest as digest_mod
    from nejtak.bot.inbound import Inbound
    from nejtak.bot.verdict import Block, Decision, Hit, Verdict

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    msg = Inbound(channel="email", source="t", message_id="list-1@shop.example", sender="news@shop.example",
                  return_paths=["bounce@shop.example"], subject="Weekly deals", raw=b"raw")
    inbound_id, _ = store.save_inbound(msg, keep_body=True)
    store.record_decision(inbound_id, Decision("unsubscribe", Verdict(7.0, 5.0, [Hit("X", 7.0, "e")], "en"),
                                               Block("mailing_list", "List-Id")), None)
    later = datetime.now(timezone.utc) + timedelta(days=2)  # two digests on, nothing tapped
    items = digest_mod.build(store, later).items
    assert [(i.kind, i.id) for i in items] == [("unsubscribe", inbound_id)]
    store.close()


async def test_a_name_that_answers_privately_the_second_time_is_refused_at_connect(monkeypatch):
    """DNS rebinding: the check and the connection must use the same (public) answer."""
    from nejtak.bot.unsubscribe import _PublicResolver

    resolver = _PublicResolver()

    async def rebinding(host, port=0, family=0):
        return [{"hostname": host, "host": "127.0.0.1", "port": port, "family": family, "proto": 0, "flags": 0}]

    monkeypatch.setattr(resolver._inner, "resolve", rebinding)
    with pytest.raises(OSError, match="not a public address"):
        await resolver.resolve("rebind.example", 443)
    await resolver.close()


def test_fields_hidden_behind_a_bare_cr_are_not_trusted(dkim_key, dns):
    """Python reads a lone CR as a line break, dkimpy does not. A signature that names both
    List-Unsubscribe fields in h= while the mail has none (over-signing, so nobody can add
    them) must not be fooled by fields smuggled in behind a CR."""
    raw = list_mail(dkim_key[0], None, post=False)  # SIGNED names both fields: over-signed
    smuggled = (b"X-Note: x\rList-Unsubscribe: <https://attacker.example/x>"
                b"\rList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
    forged = smuggled + raw
    url, reason = one_click_target(read_message(forged, "t"), forged, dnsfunc=dns)
    assert url is None and "bare CR" in reason


def test_a_failed_unsubscribe_stays_in_the_digest_to_try_again(tmp_path):
    """A network blip must not drop the item: only a success or a Skip settles it."""
    from nejtak.bot.inbound import Inbound
    from nejtak.bot.verdict import Block, Decision, Hit, Verdict

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    msg = Inbound(channel="email", source="t", message_id="list-2@shop.example", sender="news@shop.example",
                  return_paths=["bounce@shop.example"], subject="Deals", raw=b"raw")
    inbound_id, _ = store.save_inbound(msg)
    store.record_decision(inbound_id, Decision("unsubscribe", Verdict(7.0, 5.0, [Hit("X", 7.0, "e")], "en"),
                                               Block("mailing_list", "List-Id")), None)
    since = datetime(2000, 1, 1, tzinfo=timezone.utc)
    store.audit("nejtak", "unsubscribe", f"inbound:{inbound_id}", {"url": "u", "ok": False, "reason": "timeout"})
    assert [c["id"] for c in store.unsubscribe_candidates(since)] == [inbound_id]
    store.audit("nejtak", "unsubscribe", f"inbound:{inbound_id}", {"url": "u", "ok": True, "reason": "HTTP 200"})
    assert store.unsubscribe_candidates(since) == []
    store.close()


async def test_two_unsubscribes_of_one_message_at_once_make_one_request(tmp_path, monkeypatch):
    """With consent on, the automatic request and an owner's tap may meet: one POST only."""
    from nejtak.bot.config import parse
    from nejtak.bot.daemon import Daemon
    from nejtak.bot.inbound import Inbound

    calls = []

    async def slow_one_click(msg, raw):
        calls.append(msg.message_id)
        await asyncio.sleep(0.3)
        return "https://shop.example/u", True, "HTTP 200"

    monkeypatch.setattr(unsubscribe_mod, "one_click", slow_one_click)
    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    daemon = Daemon(parse('[owner]\naddresses = ["me@owner.example"]\n[unsubscribe]\nconsent = true\n'), store=store)
    msg = Inbound(channel="email", source="t", message_id="l@shop.example", sender="news@shop.example")
    results = await asyncio.gather(daemon.unsubscribe(msg, b"raw", 7), daemon.unsubscribe(msg, b"raw", 7, consent=True))
    assert calls == ["l@shop.example"] and sorted(map(bool, results)) == [False, True]
    store.close()


# -- issue 7, item 9: the signature must be the From domain's; addresses that embed IPv4 -------

def test_a_signature_by_another_domain_does_not_count(dkim_key, dns):
    """shop.example signs a mail whose From is bank.example: it speaks for shop.example only."""
    raw = list_mail(dkim_key[0], "<https://shop.example/u/42>", sender="service@bank.example")
    url, reason = target(raw, dns)
    assert url is None and "(d=shop.example) is not the From domain's" in reason
    assert target(list_mail(dkim_key[0], "<https://shop.example/u/42>", sender="news@mail.shop.example"),
                  dns)[0] == "https://shop.example/u/42"  # a subdomain of the signer is aligned


@pytest.mark.parametrize("value", ["<https://[127.0.0.1]/u>", "<https://[::1/u>", "<https://[zz]/>"])
def test_a_malformed_bracketed_host_is_no_target_and_the_message_is_decided(dkim_key, dns, value):
    """urllib raised ValueError inside the decision: the message was stored and never decided."""
    from nejtak.bot.pipeline import Pipeline

    raw = list_mail(dkim_key[0], value)
    assert target(raw, dns)[0] is None
    config = parse(f'mode = "auto"\n[owner]\naddresses = ["{OWNER}"]\n', "t.toml")
    store = Store("sqlite://")
    try:
        outcome = Pipeline(config, store).process(read_message(raw, "t", keep_raw=True))
        assert outcome.decision is not None and outcome.failed is None
    finally:
        store.close()


@pytest.mark.parametrize("address,private", [
    ("::127.0.0.1", True), ("::ffff:127.0.0.1", True), ("::ffff:10.1.2.3", True),
    ("::ffff:0:7f00:1", True), ("64:ff9b::7f00:1", True), ("64:ff9b::a00:1", True),
    ("64:ff9b:1::808:808", True), ("2002:7f00:1::1", True), ("2002:c0a8:101::1", True),
    ("64:ff9b::808:808", False), ("2002:808:808::1", False), ("::ffff:8.8.8.8", False),
    ("2001:4860:4860::8888", False), ("8.8.8.8", False),
])
def test_ipv6_addresses_are_judged_by_the_ipv4_address_they_carry(address, private):
    assert unsubscribe_mod._not_public(address) is private
