"""CPU of the commands a person types, per-message CPU outside the store, and the idle daemon's memory.

Prints:
  - CPU seconds (user + system, of the child process) of `nejtak --help` and of `nejtak triage`
    on one file: each a fresh subprocess, measured by resource.getrusage(RUSAGE_CHILDREN),
    the median of --runs runs;
  - per-message CPU (time.process_time, in this process) of reading (`read_message`), language
    detection (`language.detect` on the new text) and the text model (`score` of the judged text)
    over --messages SpamAssassin messages, and the one-off cost of loading each model;
  - the daemon's idle RSS: `python -m nejtak run` on the shipped defaults with XDG_DATA_HOME and
    XDG_CONFIG_HOME in a temp folder (SMTP intake on 127.0.0.1:2525), VmRSS read from
    /proc/PID/status once the intake listens and --settle seconds have passed; then again
    --settle seconds after one message came in by SMTP (the language and text models loaded).

Runs pinned to one core (the last one, or --core). The machine may be shared: compare ratios
within one run, and note `uptime` (printed first).
Usage: python benchmarks/cli_speed.py [--messages 1000] [--runs 5] [--core N] [--settle 5] [--no-daemon]
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path("/work/shared/corpus/spamassassin")
INTAKE_PORT = 2525


def nejtak_command() -> list[str]:
    """The installed `nejtak` script beside this Python, else `python -m nejtak`."""
    script = Path(sys.executable).with_name("nejtak")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "nejtak"]


def child_cpu(argv: list[str], env: dict | None = None) -> float:
    """User + system CPU seconds of one run of argv as a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus_files(n: int) -> list[Path]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    random.Random(11).shuffle(files)
    return files[:n]


def per_message(files: list[Path]) -> None:
    from nejtak.bot import language
    from nejtak.bot.mail.reader import read_message
    from nejtak.bot.model import text as text_model
    from nejtak.bot.signals.base import PHRASE_SPAN

    raws = [p.read_bytes() for p in files]
    t = time.process_time()
    messages = [read_message(raw, str(p)) for raw, p in zip(raws, files)]
    read = time.process_time() - t

    t = time.process_time()
    language._model()
    lang_load = time.process_time() - t
    t = time.process_time()
    for m in messages:
        language.detect(m.text, "en")
    lang = time.process_time() - t

    t = time.process_time()
    model = text_model.shipped()
    model_load = time.process_time() - t
    texts = [f"{m.subject}\n{m.text[:PHRASE_SPAN]}" for m in messages]
    text_model._word_buckets.cache_clear()  # a cold cache, as in a fresh triage
    t = time.process_time()
    for text in texts:
        model.score(text)
    score = time.process_time() - t

    n = len(messages)
    print(f"per message over {n} SpamAssassin messages (CPU ms):")
    print(f"  reading (read_message)      {1000 * read / n:7.3f}")
    print(f"  language detection          {1000 * lang / n:7.3f}   (model load once: {lang_load:.3f} s)")
    print(f"  text model (score)          {1000 * score / n:7.3f}   (model load once: {model_load:.3f} s)")


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _send_one(path: Path) -> None:
    """One message to the daemon's intake, for the address the shipped defaults accept."""
    import smtplib

    with smtplib.SMTP("127.0.0.1", INTAKE_PORT, timeout=30) as smtp:
        smtp.sendmail("someone@example.com", ["me@localhost"], path.read_bytes())


def daemon_rss(settle: float, message: Path) -> None:
    if _listening(INTAKE_PORT):
        print(f"daemon idle RSS: skipped, port {INTAKE_PORT} is taken")
        return
    with tempfile.TemporaryDirectory() as tmp, open(f"{tmp}/daemon.log", "wb") as log:
        env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/config"}
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "nejtak", "run"], env=env, stdout=log, stderr=log)
        try:
            deadline = start + 60
            while not _listening(INTAKE_PORT):
                if proc.poll() is not None or time.monotonic() > deadline:
                    print("daemon idle RSS: the daemon did not start:")
                    print(Path(f"{tmp}/daemon.log").read_text()[-2000:])
                    return
                time.sleep(0.05)
            ready = time.monotonic() - start
            time.sleep(settle)
            rss = _rss_kb(proc.pid)
            cpu = sum(int(x) for x in Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13])
            cpu /= os.sysconf("SC_CLK_TCK")
            _send_one(message)
            time.sleep(settle)
            working = _rss_kb(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    print(f"daemon idle RSS: {rss / 1024:.1f} MB  (intake listening after {ready:.2f} s wall, "
          f"{cpu:.2f} s CPU; RSS read {settle:g} s later)")
    print(f"daemon RSS after one message: {working / 1024:.1f} MB  (its models loaded)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--core", type=int, default=os.cpu_count() - 1)
    ap.add_argument("--settle", type=float, default=5.0)
    ap.add_argument("--no-daemon", action="store_true")
    args = ap.parse_args()
    os.sched_setaffinity(0, {args.core})  # children inherit it
    print("load:", os.getloadavg(), f"pinned to core {args.core}")

    nejtak = nejtak_command()
    files = corpus_files(args.messages)
    one = str(files[0])
    with tempfile.TemporaryDirectory() as tmp:  # no config of the person running it
        env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/config"}
        child_cpu(nejtak + ["--help"], env)  # warm the file cache and .pyc files
        helps = [child_cpu(nejtak + ["--help"], env) for _ in range(args.runs)]
        child_cpu(nejtak + ["triage", one], env)
        triages = [child_cpu(nejtak + ["triage", one, "--json"], env) for _ in range(args.runs)]
    print(f"nejtak --help            {statistics.median(helps):.3f} s CPU (median of {args.runs}; "
          f"min {min(helps):.3f})")
    print(f"nejtak triage one file   {statistics.median(triages):.3f} s CPU (median of {args.runs}; "
          f"min {min(triages):.3f})")
    per_message(files)
    if not args.no_daemon:
        daemon_rss(args.settle, Path(__file__).resolve().parent.parent / "examples" / "pitch.eml")


if __name__ == "__main__":
    main()
