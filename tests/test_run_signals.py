"""`nejtak run` as a process: SIGHUP reloads config and templates, SIGTERM stops it cleanly."""
from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from pathlib import Path

PITCH = (Path(__file__).parent.parent / "examples" / "pitch.eml").read_bytes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def config_text(port: int, db: Path, mode: str) -> str:
    return (f'mode = "{mode}"\n[owner]\naddresses = ["me@localhost"]\n'
            f'[store]\nurl = "sqlite:///{db}"\n[intake]\nport = {port}\n')


def start_daemon(cfg: Path, log: Path, tmp_path: Path) -> subprocess.Popen:
    """`nejtak run --config cfg` as a process of its own, its output in log."""
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "nejtak.bot.cli", "run", "--config", str(cfg)],
                                stdout=out, stderr=subprocess.STDOUT, cwd=Path(__file__).parent.parent,
                                env={**os.environ, "XDG_DATA_HOME": str(tmp_path)})


def test_sighup_reloads_and_sigterm_stops(tmp_path):
    port, db, cfg, log = free_port(), tmp_path / "n.db", tmp_path / "n.toml", tmp_path / "log"
    cfg.write_text(config_text(port, db, "approve"))
    proc = start_daemon(cfg, log, tmp_path)
    try:
        wait_for(lambda: "nejtak running" in log.read_text(), what="start")
        cfg.write_text(config_text(port, db, "observe") + "[reply]\nmax_per_hour = 'lots'\n")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "config not reloaded" in log.read_text(), what="rejected reload")
        assert proc.poll() is None  # a bad config on reload keeps the running one
        cfg.write_text(config_text(port, db, "observe"))
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "reloaded config, templates and phrase lists (mode observe)" in log.read_text(),
                 what="reload")
        with smtplib.SMTP("127.0.0.1", port) as smtp:  # observe mode now: logged, nothing drafted
            smtp.sendmail("ola@vendor.example", ["me@localhost"], PITCH)
        wait_for(lambda: "action=none" in log.read_text(), what="decision in observe mode")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
        assert "nejtak stopped" in log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()


def test_json_logs_are_one_object_per_line(tmp_path):
    import json

    port, db, cfg, log = free_port(), tmp_path / "n.db", tmp_path / "n.toml", tmp_path / "log"
    cfg.write_text('log_format = "json"\n' + config_text(port, db, "approve"))
    proc = start_daemon(cfg, log, tmp_path)
    try:
        wait_for(lambda: "nejtak running" in log.read_text(), what="start")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
        entries = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
        assert any(e["logger"] == "nejtak.daemon" and e["message"].startswith("nejtak running") for e in entries)
        assert {"time", "level", "logger", "message"} <= set(entries[0])
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_reload_refuses_what_a_start_refuses_and_undecided_mail_is_decided(tmp_path):
    """SIGHUP with an empty file (no owner address) or a broken template keeps the running config,
    and a pitch that arrives meanwhile is decided under it. A message stored but never decided
    (a crash between the two) is decided at start-up."""
    import shutil

    from nejtak.bot.config import load
    from nejtak.bot.mail.reader import read_message
    from nejtak.bot.store import Store

    port, db, cfg, log = free_port(), tmp_path / "n.db", tmp_path / "n.toml", tmp_path / "log"
    cfg.write_text(config_text(port, db, "approve"))
    store = Store(f"sqlite:///{db}")
    stored_id, _ = store.save_inbound(read_message(PITCH.replace(b"Message-ID: <", b"Message-ID: <crashed-", 1),
                                                   "smtp:before-the-crash", keep_raw=True))
    proc = start_daemon(cfg, log, tmp_path)
    try:
        wait_for(lambda: "nejtak running" in log.read_text(), what="start")
        wait_for(lambda: (store.decision_of(stored_id) or {}).get("action") == "draft", what="stored pitch decided")
        cfg.write_text("")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "owner.addresses is empty" in log.read_text(), what="empty config refused")
        templates = tmp_path / "templates"
        shutil.copytree(load(None).templates_dir, templates)
        (templates / "en" / "refusal.txt").write_text("Hello {{ sender_name \n")
        cfg.write_text(config_text(port, db, "approve") + f'[reply]\ntemplates_dir = "{templates}"\n')
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: "en/refusal.txt" in log.read_text(), what="broken template refused")
        with smtplib.SMTP("127.0.0.1", port) as smtp:  # the running config still knows the owner
            smtp.sendmail("ola@vendor.example", ["me@localhost"], PITCH)
        wait_for(lambda: "action=draft" in log.read_text().split("en/refusal.txt", 1)[1], what="pitch drafted")
        assert "reloaded config" not in log.read_text()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        store.close()
        if proc.poll() is None:
            proc.kill()
