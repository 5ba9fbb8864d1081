"""Randomised kill -9 over the send path: nothing lost, nothing answered twice, all flagged.

    .venv/bin/python benchmarks/kill_send.py [--kills 100] [--pitches 300] [--seed 1]

A real Dovecot (pitches put in by LMTP), an aiosmtpd capture that answers DATA and QUIT after
a random few milliseconds (so that kills land inside the send: before DATA, between DATA's 250
and QUIT, during the APPEND to Sent), and `nejtak run` as a subprocess, killed with SIGKILL
at a random moment again and again. Pitches are delivered in waves while it runs. At the end
one daemon runs until every pitch is settled, and the script prints three counts:
lost (a pitch without a refusal), doubled (a pitch answered more than once), and unflagged
(an answered pitch without $NejtakRefused in the inbox). Target: 0, 0, 0."""
from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _servers import ROOT, daemon_config_text, dovecot_server, pitch  # noqa: E402

from aiosmtpd.controller import Controller  # noqa: E402

from nejtak.bot.store import Store  # noqa: E402
from tests.fixtures.smtp import SmtpCapture, free_port  # noqa: E402

KEYWORD = b"$NejtakRefused"


class JitteryCapture(SmtpCapture):
    """Answers DATA and QUIT after 0-40 ms, as a real submission server might."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(random.uniform(0, 0.04))
        return await super().handle_DATA(server, session, envelope)

    async def handle_QUIT(self, server, session, envelope):
        await asyncio.sleep(random.uniform(0, 0.04))
        return "221 Bye"


def start(config: Path, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "nejtak.bot.cli", "run", "--config", str(config)], cwd=ROOT,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def answered(capture: SmtpCapture) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in list(capture.messages):
        parent = email.message_from_bytes(m.data, policy=email.policy.compat32).get("In-Reply-To", "")
        parent = parent.strip().strip("<>")
        counts[parent] = counts.get(parent, 0) + 1
    return counts


def flags(dovecot) -> dict[str, tuple]:
    with dovecot.imap() as c:
        c.select_folder("INBOX", readonly=True)
        uids = c.search("ALL")
        data = c.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
    out = {}
    for d in data.values():
        header = next(v for k, v in d.items() if k.startswith(b"BODY[HEADER"))
        mid = email.message_from_bytes(header, policy=email.policy.compat32)["Message-ID"].strip().strip("<>")
        out[mid] = d[b"FLAGS"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--pitches", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="nejtak-kill-"))
    db, config, log = tmp / "nejtak.db", tmp / "nejtak.toml", tmp / "daemon.log"
    pitches = [pitch(i) for i in range(args.pitches)]
    capture = JitteryCapture("127.0.0.1", free_port())
    controller = Controller(capture, hostname=capture.host, port=capture.port, server_hostname="capture.test")
    controller.start()
    with dovecot_server() as dovecot:
        dovecot.reset()  # an empty INBOX and a Sent folder
        config.write_text(daemon_config_text(dovecot, capture, db, max_per_hour=100000))
        Store(f"sqlite:///{db}").close()  # migrated once, before any daemon
        delivered = 0
        kills = 0
        proc = start(config, log)  # the first start takes the inbox as it is: watching first
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            store = Store(f"sqlite:///{db}")
            watching = store.sync_state("imap", f"{dovecot.user}@{dovecot.host}", "INBOX")[0] is not None
            store.close()
            if watching:
                break
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        began = time.monotonic()
        while kills < args.kills:
            proc = start(config, log)
            time.sleep(rng.uniform(1.5, 3.0))  # started (imports, IMAP) and inside the send path
            wave = rng.randint(1, 6)
            for p in pitches[delivered:delivered + wave]:
                dovecot.deliver(p.raw, p.mail_from)
            delivered = min(delivered + wave, len(pitches))
            time.sleep(rng.uniform(0.0, 0.6))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            if kills % 10 == 0:
                print(f"{kills} kills, {delivered} pitches delivered, {sum(answered(capture).values())} "
                      f"refusals so far ({time.monotonic() - began:.0f} s)", flush=True)
        proc = start(config, log)
        wanted = {p.message_id for p in pitches[:delivered]}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = wanted <= set(answered(capture))
            store = Store(f"sqlite:///{db}")
            busy = store.outbox_list(["approved", "sending"])
            store.close()
            if done and not busy:
                break
            time.sleep(1)
        time.sleep(3)  # a late second send would show now
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        counts = answered(capture)
        marks = flags(dovecot)
    controller.stop()
    lost = sorted(wanted - set(counts))
    doubled = {mid: n for mid, n in counts.items() if n > 1}
    unflagged = [mid for mid in counts if mid in wanted and KEYWORD not in marks.get(mid, ())]
    print(f"kills: {kills}, pitches delivered: {delivered}, refusals sent: {sum(counts.values())}")
    print(f"lost: {len(lost)}, doubled: {len(doubled)}, unflagged: {len(unflagged)}  (target 0, 0, 0)")
    for mid in lost[:5] + list(doubled)[:5] + unflagged[:5]:
        print("  ", mid)
    print(f"daemon log: {log}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
