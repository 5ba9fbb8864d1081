"""nejtak triage and rspamd side by side on the SpamAssassin corpus, one core each, in the same run.

rspamd (Debian's package; installed here with apt-get, through sudo when not root, if `rspamd` is
missing) runs offline from its own temporary config: one normal worker, no controller or proxy,
every DNS, redis and network module off (hfilter included), its resolver pointed at a stub on
127.0.0.1 that answers NXDOMAIN to every query. It runs in the foreground as the `_rspamd` user
(the current user when not root), pinned to the same core as nejtak. A client in this script
POSTs each file to /checkv2 from the other core(s); rspamd's figure is the worker's own CPU time
(utime + stime from /proc before and after a pass), so the client's cost is not counted.
nejtak's is `triage_speed.measure` (triage into an in-memory SQLite, CPU of the process) in a
fresh subprocess. Each run is one pass of each, after one warm-up pass of rspamd; medians print.

Usage: python benchmarks/vs_rspamd.py [CORPUS_DIR] [--runs 3] [--parallel 8] [--keep]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "spamassassin"
CONF = Path(__file__).resolve().parent / "rspamd"
TICK = os.sysconf("SC_CLK_TCK")

NEJTAK = """import json, sys
sys.path.insert(0, {bench!r})
from triage_speed import measure
print(json.dumps(measure(__import__("pathlib").Path({corpus!r}))))
"""


class DnsStub:
    """A UDP server on 127.0.0.1 that answers every query NXDOMAIN and counts them."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.queries: Counter[str] = Counter()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            if len(data) < 12:
                continue
            end, labels = 12, []
            while end < len(data) and data[end]:
                labels.append(data[end + 1:end + 1 + data[end]].decode("ascii", "replace"))
                end += 1 + data[end]
            end += 5  # the root label, QTYPE and QCLASS
            self.queries[".".join(labels)] += 1
            flags = 0x8000 | (data[2] & 0x79) << 8 | 0x80 | 3  # QR, opcode and RD kept, RA, NXDOMAIN
            reply = data[:2] + flags.to_bytes(2, "big") + b"\x00\x01" + b"\x00" * 6 + data[12:end]
            self.sock.sendto(reply, peer)


def ensure_rspamd() -> None:
    if shutil.which("rspamd"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "install", "-y", "--no-install-recommends", "rspamd"], check=True, env=env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_rspamd(tmp: Path, core: int, dns_port: int) -> tuple[subprocess.Popen, int, int]:
    """Start rspamd from CONF in tmp; return the process, the normal worker's pid and its port."""
    port = free_port()
    shutil.copytree(CONF, tmp, dirs_exist_ok=True)
    for conf in (tmp / "rspamd.conf", tmp / "local.d" / "options.inc"):
        conf.write_text(conf.read_text().replace("@PORT@", str(port)).replace("@DNS@", str(dns_port)))
    (tmp / "db").mkdir(exist_ok=True)
    as_user = []
    if os.geteuid() == 0:  # rspamd will not run its workers as root
        as_user = ["-u", "_rspamd", "-g", "_rspamd"]
        for path in (tmp, tmp / "db"):
            shutil.chown(path, "_rspamd", "_rspamd")
    variables = [f"--var={name}={tmp / sub}" for name, sub in
                 (("LOCAL_CONFDIR", ""), ("DBDIR", "db"), ("RUNDIR", ""), ("LOGDIR", ""))]
    cmd = ["taskset", "-c", str(core), "rspamd", "-f", "-c", str(tmp / "rspamd.conf"), *as_user, *variables]
    stderr = os.open(tmp / "stderr.log", os.O_WRONLY | os.O_CREAT, 0o644)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
    os.close(stderr)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"rspamd stopped ({proc.returncode}); see {tmp}/rspamd.log and stderr.log")
        workers = [pid for pid in children(proc.pid) if "normal" in cmdline(pid)]
        if workers and scan(port, b"From: a@b.test\r\n\r\nhello\r\n") is not None:
            os.sched_setaffinity(workers[0], {core})
            wait_for_hyperscan(proc.pid, deadline)
            return proc, workers[0], port
        time.sleep(0.2)
    proc.terminate()
    sys.exit("rspamd did not answer within 120 s")


def wait_for_hyperscan(main_pid: int, deadline: float) -> None:
    """Wait until the hs_helper has compiled rspamd's regexps (its CPU time stands still for 3 s)."""
    helpers = [pid for pid in children(main_pid) if "hs_helper" in cmdline(pid)]
    if not helpers:
        return
    last, still = -1.0, 0
    while still < 6 and time.monotonic() < deadline:
        now = cpu_of(helpers[0])
        still = still + 1 if now == last else 0
        last = now
        time.sleep(0.5)
    time.sleep(2)  # the workers load the database about a second after the helper's notice


def children(pid: int) -> list[int]:
    """Every descendant of pid (taskset execs rspamd, so the main process is pid itself)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                found += [int(entry.name), *children(int(entry.name))]
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def scan(port: int, body: bytes) -> dict | None:
    """POST one message to /checkv2; the JSON answer, or None when rspamd did not answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", "/checkv2", body=body)
        response = conn.getresponse()
        data = response.read()
        return json.loads(data) if response.status == 200 else None
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def rspamd_pass(port: int, worker: int, bodies: list[bytes], parallel: int) -> dict:
    before = cpu_of(worker)
    start = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        answers = list(pool.map(lambda body: scan(port, body), bodies))
    elapsed = time.perf_counter() - start
    cpu = cpu_of(worker) - before
    actions = Counter(a.get("action", "?") if a else "no answer" for a in answers)
    return {"messages": len(bodies), "cpu_seconds": cpu, "seconds": elapsed, "actions": actions}


def nejtak_pass(corpus: Path) -> dict:
    code = NEJTAK.format(bench=str(Path(__file__).resolve().parent), corpus=str(corpus))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="passes of each; medians are printed")
    parser.add_argument("--parallel", type=int, default=8, help="messages in flight to rspamd")
    parser.add_argument("--keep", action="store_true", help="keep rspamd's temporary dir (config, log)")
    args = parser.parse_args()
    ensure_rspamd()
    cores = sorted(os.sched_getaffinity(0))
    core = cores[0]  # the core triage_speed.measure pins itself to
    if len(cores) > 1:
        os.sched_setaffinity(0, set(cores[1:]))  # the client stays off the measured core
    files = sorted(Path(root) / name for root, _, names in os.walk(args.corpus) for name in names)
    bodies = [path.read_bytes() for path in files]
    version = subprocess.run(["rspamd", "--version"], check=False, capture_output=True, text=True).stdout.strip()
    stub = DnsStub()
    tmp = Path(tempfile.mkdtemp(prefix="nejtak-rspamd-"))
    proc, worker, port = start_rspamd(tmp, core, stub.port)
    try:
        warm = rspamd_pass(port, worker, bodies, args.parallel)  # loads maps, caches; hyperscan compiles
        theirs, ours = [], []
        for run in range(args.runs):
            theirs.append(rspamd_pass(port, worker, bodies, args.parallel))
            ours.append(nejtak_pass(args.corpus))
            print(f"run {run + 1}: rspamd {len(bodies) / theirs[-1]['cpu_seconds']:.0f} msg/CPU-s, "
                  f"nejtak {ours[-1]['messages'] / ours[-1]['cpu_seconds']:.0f} msg/CPU-s", flush=True)
        rspamd_peak = peak_mb(worker)
        main_peak = peak_mb(proc.pid)
        alive = worker in children(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
        stub.sock.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    theirs_rate = statistics.median(len(bodies) / r["cpu_seconds"] for r in theirs)
    ours_rate = statistics.median(r["messages"] / r["cpu_seconds"] for r in ours)
    print(f"\n{version}; corpus {args.corpus}; {args.runs} run(s), medians; core {core}")
    print(f"messages             rspamd {len(bodies)}, nejtak {ours[0]['messages']}")
    print(f"rspamd msg/CPU-s     {theirs_rate:.0f}  (one normal worker, offline; "
          f"CPU {statistics.median(r['cpu_seconds'] for r in theirs):.1f} s a pass)")
    print(f"nejtak msg/CPU-s     {ours_rate:.0f}  (triage, in-memory SQLite; "
          f"CPU {statistics.median(r['cpu_seconds'] for r in ours):.1f} s a pass)")
    print(f"ratio nejtak/rspamd  {ours_rate / theirs_rate:.2f}")
    print(f"peak RSS             rspamd worker {rspamd_peak:.0f} MB (main process {main_peak:.0f} MB), "
          f"nejtak {max(r['peak_mb'] for r in ours):.0f} MB")
    print(f"rspamd actions       {dict(theirs[-1]['actions'])}; warm-up {warm['cpu_seconds']:.1f} CPU-s; "
          f"worker kept its pid: {alive}")
    print(f"nejtak               marked unsolicited {ours[-1]['unsolicited']}, read errors {ours[-1]['errors']}")
    print(f"DNS queries to stub  {sum(stub.queries.values())} {dict(stub.queries.most_common(5))}")
    print(f"load                 {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}"
          f" ({os.cpu_count()} cores)")
    if args.keep:
        print(f"rspamd config and log: {tmp}")


if __name__ == "__main__":
    main()
