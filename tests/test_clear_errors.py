"""Clear errors (issue 10, item 5): every case the issue lists is one line saying what to do, no
traceback, with an exit code scripts can use (1: an error the owner can fix, 2: a usage error)."""
from __future__ import annotations

import socket

import click
import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.store import Store

OWNER = '[owner]\nname = "Anna Holm"\naddresses = ["anna@holm.example"]\n'


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def nejtak(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def one_line_error(result, code: int = 1) -> str:
    """The error line of a failed command: exactly one, "Error: ..." (the daemon's log lines and
    triage's warnings may come before it)."""
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith("Error: "), result.stderr
    assert sum(line.startswith("Error:") for line in lines) == 1, result.stderr
    return lines[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- a second daemon ----------------------------------------------------------------------------

def test_a_second_daemon_is_told_the_intake_port_is_in_use(tmp_path):
    """What the first daemon holds: the intake port. The second stops with what to do."""
    with socket.socket() as first:
        first.bind(("127.0.0.1", 0))
        first.listen()
        port = first.getsockname()[1]
        config = tmp_path / "nejtak.toml"
        config.write_text(OWNER + f'[store]\nurl = "sqlite:///{tmp_path / "n.db"}"\n[intake]\nport = {port}\n')
        line = one_line_error(nejtak("run", "--config", str(config)))
    assert f"port {port} on 127.0.0.1 is in use: is nejtak already running?" in line
    assert "intake.port" in line


def test_a_second_daemon_on_the_same_store_does_not_start_even_without_the_intake(tmp_path):
    """Two daemons would both answer the same pitch: the one holding the store's lock runs, the
    second stops at once with the first's pid and what to do."""
    import os
    import subprocess
    import sys
    import time

    config = tmp_path / "nejtak.toml"
    db = tmp_path / "n.db"
    config.write_text(OWNER + f'[store]\nurl = "sqlite:///{db}"\n[intake]\nenabled = false\n')
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    first = subprocess.Popen([sys.executable, "-m", "nejtak", "run", "--config", str(config)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lock = tmp_path / "n.db.accepted.daemon"
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert first.poll() is None and time.monotonic() < deadline, "the first daemon did not start"
            time.sleep(0.1)
        line = one_line_error(nejtak("run", "--config", str(config)))
        assert f"another nejtak daemon (pid {first.pid}) is running on this store" in line
        assert first.poll() is None  # the first one runs on
    finally:
        first.terminate()
        first.wait(30)
    # once the first has stopped, the store is free again
    again = subprocess.Popen([sys.executable, "-m", "nejtak", "run", "--config", str(config)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text().strip() == str(again.pid)):
            assert again.poll() is None and time.monotonic() < deadline, "a new daemon could not start"
            time.sleep(0.1)
    finally:
        again.terminate()
        again.wait(30)


# -- stores that cannot be opened ----------------------------------------------------------------

READ_COMMANDS = [["drafts"], ["digest"], ["history", "x@vendor.example"], ["send", "1"], ["discard", "1"]]


@pytest.mark.parametrize("command", READ_COMMANDS + [["learn", "--stats"], ["triage", __file__]], ids=lambda c: c[0])
def test_a_bogus_store_url_is_named_with_the_urls_that_work(command):
    line = one_line_error(nejtak(*command, "--db", "bogus://"))
    assert "cannot open the store bogus://: not a store URL" in line
    assert "sqlite:////" in line and "postgresql+psycopg://" in line


@pytest.mark.parametrize("command", READ_COMMANDS + [["learn", "--stats"]], ids=lambda c: c[0])
def test_an_unreachable_postgresql_says_so_without_its_password(command):
    url = f"postgresql+psycopg://nejtak:hunter2@127.0.0.1:{_free_port()}/nejtak"
    line = one_line_error(nejtak(*command, "--db", url))
    assert "cannot open the store" in line and "is the database server running" in line
    assert "hunter2" not in line and "nejtak:***@127.0.0.1" in line


def test_the_daemon_with_an_unreachable_store_says_so(tmp_path):
    config = tmp_path / "nejtak.toml"
    config.write_text(OWNER + f'[store]\nurl = "postgresql+psycopg://nejtak@127.0.0.1:{_free_port()}/nejtak"\n'
                      "[intake]\nenabled = false\n")
    assert "is the database server running" in one_line_error(nejtak("run", "--config", str(config)))


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_mistyped_sqlite_path_is_not_created_by_a_read(tmp_path, command):
    typo = tmp_path / "nejtka" / "nejtak.db"
    line = one_line_error(nejtak(*command, "--db", f"sqlite:///{typo}"))
    assert f"no store at {typo}" in line and "--db" in line
    assert not typo.exists() and not typo.parent.exists()


def test_a_read_before_the_first_run_says_nejtak_has_not_run(tmp_path):
    config = tmp_path / "nejtak.toml"
    config.write_text(OWNER + f'[store]\nurl = "sqlite:///{tmp_path / "store.db"}"\n')
    line = one_line_error(nejtak("drafts", "--config", str(config)))
    assert "nejtak run" in line and not (tmp_path / "store.db").exists()


# -- replies and options -------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["send", "discard"])
def test_a_reply_that_does_not_exist_is_named(tmp_path, verb):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    Store(url).close()
    line = one_line_error(nejtak(verb, "999", "--db", url))
    assert line.startswith("Error: no reply #999") and "nejtak drafts" in line


@pytest.mark.parametrize("hours", ["-5", "0"])
def test_digest_refuses_hours_that_are_not_positive(tmp_path, hours):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    Store(url).close()
    result = nejtak("digest", "--hours", hours, "--db", url)
    assert "'--hours'" in one_line_error(result, code=2)
    assert "nothing waiting" not in result.output


def test_every_option_of_every_command_is_described():
    def walk(cmd, path):
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    missing = [f"{' '.join(path)} {param.opts[0]}" for path, cmd in walk(main, ["nejtak"])
               for param in cmd.params if isinstance(param, click.Option) and not param.help]
    assert missing == []
    assert all(cmd.help for _, cmd in walk(main, ["nejtak"]))


def test_the_exit_codes_are_in_the_help():
    out = nejtak("--help").output
    assert "Exit codes" in out and "2 a usage error" in out


# -- config check ---------------------------------------------------------------------------------

def check(tmp_path, text: str):
    path = tmp_path / "nejtak.toml"
    path.write_text(text)
    return nejtak("config", "check", str(path)), path


def test_an_imap_account_with_no_password_is_refused_with_its_line(tmp_path):
    result, path = check(tmp_path, OWNER + '\n[[imap]]\nhost = "imap.holm.example"\nusername = "anna"\n')
    assert result.exit_code == 1
    assert f"{path}:5: [[imap]] anna: no password: add password_file" in result.output
    assert "password_env" in result.output


def test_an_smtp_login_with_no_password_is_refused(tmp_path):
    result, _ = check(tmp_path, OWNER + '[smtp]\nhost = "smtp.holm.example"\nusername = "anna"\n')
    assert result.exit_code == 1 and "[smtp]: no password" in result.output


def test_logins_with_a_password_source_or_oauth2_pass(tmp_path, monkeypatch):
    monkeypatch.setenv("IMAP_PW", "x")
    result, _ = check(tmp_path, OWNER + '[[imap]]\nhost = "a.example"\nusername = "anna"\npassword_env = "IMAP_PW"\n'
                      '[[imap]]\nhost = "imap.gmail.com"\nusername = "anna@gmail.com"\nauth = "oauth2"\n'
                      'oauth2_provider = "google"\noauth2_client_id = "app"\n'
                      '[smtp]\nhost = "smtp.holm.example"\n')  # no username: no login at all
    assert result.exit_code == 0, result.output
    assert "nejtak auth anna@gmail.com" in result.stderr


def test_a_config_with_no_owner_address_is_refused(tmp_path):
    result, _ = check(tmp_path, '[owner]\nname = "Anna"\n[[imap]]\nhost = "h.example"\nusername = "a"\n'
                      'password_env = "X"\n')
    assert result.exit_code == 1 and "owner.addresses is empty" in result.output


def test_config_check_with_no_file_anywhere_points_to_init():
    line = one_line_error(nejtak("config", "check"))
    assert "no config file" in line and "nejtak init" in line
