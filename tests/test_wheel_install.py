"""The distribution as a new user gets it: the wheel built from this checkout, installed into a
fresh virtual environment, and nejtak run from a folder outside the source tree: `init`,
`config check`, `triage`, `preview` and `run` on the embedded default. Nothing here imports the
checkout: every command is the installed console script."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PITCH = ROOT / "examples" / "pitch.eml"
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv with nejtak installed from its wheel (dependencies from
    the package index, as pipx would)."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    [wheel] = dist.glob("nejtak-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                              "--disable-pip-version-check", str(wheel)], capture_output=True, text=True,
                             timeout=600)
    assert install.returncode == 0, install.stderr[-3000:]
    return venv / "bin"


@pytest.fixture
def outside(tmp_path) -> dict:
    """A working folder and an environment with nothing of the checkout in it."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "NEJTAK_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return {"cwd": tmp_path, "env": env}


def nejtak(installed: Path, outside: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(installed / "nejtak"), *args], cwd=outside["cwd"], env=outside["env"],
                          capture_output=True, text=True, timeout=120)
    if check:
        assert done.returncode == 0, f"nejtak {' '.join(args)}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    return done


def test_the_package_claims_one_import_name(installed, outside):
    site = subprocess.run([str(installed / "python"), "-c", "import nejtak.bot.cli, sys, os; "
                           "print(os.path.dirname(os.path.dirname(nejtak.__file__)))"],
                          cwd=outside["cwd"], env=outside["env"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert not site.startswith(str(ROOT)), site  # the installed package, not this checkout
    ours = {p.name for p in Path(site).iterdir() if p.name.lower().startswith(("nejtak", "bot", "responders", "config"))}
    assert ours == {"nejtak", next(n for n in ours if n.startswith("nejtak-"))}, ours
    assert (Path(site) / "nejtak" / "config" / "defaults.toml").is_file()
    assert (Path(site) / "nejtak" / "bot" / "model" / "text_model.bin").is_file()


def test_a_new_user_from_another_folder(installed, outside):
    """init, config check, triage, preview: the commands a new user runs first, from /tmp-like
    folders, with only the installed package."""
    config = outside["cwd"] / "nejtak.toml"
    nejtak(installed, outside, "init", "--provider", "gmail", "--address", "anna.holm@gmail.com",
           "--name", "Anna Holm", "--languages", "da,en", "--oauth2-client-id", "test-client-id.apps.example",
           "--out", str(config))
    assert "anna.holm@gmail.com" in config.read_text()
    checked = nejtak(installed, outside, "config", "check", str(config))
    assert "ok" in (checked.stdout + checked.stderr).lower()

    rows = [json.loads(line) for line in nejtak(installed, outside, "triage", str(PITCH), "--me",
                                                 "anna@holm.example", "--json").stdout.splitlines() if line.strip()]
    assert [r["unsolicited"] for r in rows] == [True]
    assert any(s["name"] == "LEARNED_TEXT" for s in rows[0]["signals"])  # the model weights came along
    preview = nejtak(installed, outside, "preview", str(PITCH), "--me", "anna@holm.example").stdout
    assert "Subject: Re:" in preview


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_the_daemon_runs_on_the_embedded_default(installed, outside):
    """`nejtak run` with no config: SQLite in the data folder, the SMTP intake on 127.0.0.1:2525."""
    if _listening(2525):
        pytest.fail("something else listens on 127.0.0.1:2525; the embedded default needs it", pytrace=False)
    proc = subprocess.Popen([str(installed / "nejtak"), "run"], cwd=outside["cwd"], env=outside["env"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _listening(2525):
            assert proc.poll() is None, proc.stdout.read()[-3000:]
            assert time.monotonic() < deadline, "the daemon did not listen within 60 s"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    data = Path(outside["env"]["XDG_DATA_HOME"]) / "nejtak"
    assert any(data.glob("*.db")), list(data.iterdir()) if data.exists() else "no data folder"
