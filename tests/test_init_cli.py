"""`nejtak init` (issue 10, item 2): a commented starter config per provider, asking only what it
must and only on a terminal; `nejtak config check` then passes or says exactly what is missing."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot import cli
from nejtak.bot.cli import main
from nejtak.bot.config import parse

ADDRESS = "anna.holm@example.dk"


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """The user config and data folders of a fresh account: nothing of this machine's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def nejtak(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def init(out: Path, provider: str, *more: str):
    return nejtak("init", "--provider", provider, "--address", ADDRESS, "--name", "Anna Holm",
                  "--out", str(out), *more)


# Servers as the providers document them (and the issue names them).
SERVERS = {
    "gmail": (("imap.gmail.com", 993, "tls"), ("smtp.gmail.com", 587, "starttls")),
    "outlook": (("outlook.office365.com", 993, "tls"), ("smtp.office365.com", 587, "starttls")),
    "fastmail": (("imap.fastmail.com", 993, "tls"), ("smtp.fastmail.com", 465, "tls")),
    "icloud": (("imap.mail.me.com", 993, "tls"), ("smtp.mail.me.com", 587, "starttls")),
}


@pytest.mark.parametrize("provider", sorted(SERVERS))
def test_each_provider_gets_its_servers_and_a_careful_start(tmp_path, provider):
    out = tmp_path / f"{provider}.toml"
    result = init(out, provider, "--languages", "da,en", "--oauth2-client-id", "my-app-id")
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    text = out.read_text()
    config = parse(text, str(out))  # loads as it is
    (imap_host, imap_port, imap_sec), (smtp_host, smtp_port, smtp_sec) = SERVERS[provider]
    [imap] = config.imap
    assert (imap.host, imap.port, imap.security, imap.username) == (imap_host, imap_port, imap_sec, ADDRESS)
    assert (config.smtp.host, config.smtp.port, config.smtp.security) == (smtp_host, smtp_port, smtp_sec)
    assert config.mode == "approve"  # nothing leaves without the owner
    assert config.owner.addresses == [ADDRESS] and config.owner.name == "Anna Holm"
    assert config.owner.language == "da" and config.reply.languages == ["da", "en"]
    assert imap.sent == ""  # found on the server, not guessed
    assert (imap.pitch_folder, imap.wanted_folder) == ("nejtak/Pitch", "nejtak/Wanted")
    if provider in ("gmail", "outlook"):
        assert (imap.auth, config.smtp.auth) == ("oauth2", "oauth2")
        assert imap.oauth2_provider == {"gmail": "google", "outlook": "microsoft"}[provider]
        assert f"nejtak auth {ADDRESS}" in result.output
    else:
        assert imap.auth == "password" and imap.password_file == config.smtp.password_file
        assert "app" in result.output and imap.password_file in result.output
    # every key it sets is explained by the comment above it (or above its group or table)
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if "=" in line and not line.startswith("#") and line.split("=")[0].strip() not in ("host", "port"):
            above = n - 1
            while ("=" in lines[above] or lines[above].startswith("[")) and not lines[above].startswith("#"):
                above -= 1
            assert lines[above].startswith("#"), line


def test_outlook_signs_in_for_outlook_com_and_microsoft_365_alike(tmp_path):
    out = tmp_path / "o.toml"
    assert init(out, "outlook", "--oauth2-client-id", "app").exit_code == 0
    config = parse(out.read_text())
    assert config.imap[0].oauth2_tenant == "common" and config.smtp.oauth2_tenant == "common"


def test_own_server_needs_its_host_names(tmp_path):
    out = tmp_path / "own.toml"
    missing = init(out, "dovecot")
    assert missing.exit_code == 2 and "--imap-host is missing" in missing.output
    assert not out.exists()
    result = init(out, "dovecot", "--imap-host", "mail.holm.example", "--smtp-host", "smtp.holm.example")
    assert result.exit_code == 0, result.output
    config = parse(out.read_text())
    assert (config.imap[0].host, config.smtp.host) == ("mail.holm.example", "smtp.holm.example")
    assert config.imap[0].password_file


def test_config_check_passes_or_names_the_password_file_to_create(tmp_path):
    out = tmp_path / "nejtak.toml"
    assert init(out, "fastmail").exit_code == 0
    secret = tmp_path / "app-password"
    check = nejtak("config", "check", str(out))
    assert check.exit_code == 0, check.output
    assert f"create the password file {secret}" in check.stderr and "chmod 600" in check.stderr
    secret.write_text("abcd efgh\n")
    check = nejtak("config", "check", str(out))
    assert check.exit_code == 0 and f"{out}: ok" in check.output
    assert check.stderr == ""


def test_config_check_of_an_oauth2_account_passes_with_a_note_until_signed_in(tmp_path):
    from nejtak.bot.oauth import Grant, token_path, write_grant

    out = tmp_path / "nejtak.toml"
    assert init(out, "gmail", "--oauth2-client-id", "app.apps.googleusercontent.com").exit_code == 0
    check = nejtak("config", "check", str(out))
    assert check.exit_code == 0, check.output
    assert f"run `nejtak auth {ADDRESS}` once" in check.stderr and "no sign-in yet" in check.stderr
    assert check.stderr.count("nejtak auth") == 1  # IMAP and SMTP of one mailbox share one sign-in
    write_grant(token_path("google", ADDRESS),
                Grant("google", ADDRESS, "app", "https://oauth2.googleapis.com/token", ["https://mail.google.com/"],
                      "refresh-token"))
    check = nejtak("config", "check", str(out))
    assert check.exit_code == 0 and check.stderr == "", check.output


def test_without_a_client_id_check_names_the_key_and_line_to_fill_in(tmp_path):
    out = tmp_path / "nejtak.toml"
    result = init(out, "gmail")
    assert result.exit_code == 0, result.output
    assert "client id" in result.output  # said as the first next step
    check = nejtak("config", "check", str(out))
    line = out.read_text().splitlines().index('oauth2_client_id = ""') + 1
    assert check.exit_code == 1
    assert f"{out}:{line}: imap.0.oauth2_client_id" in check.output


def test_it_writes_where_every_command_looks_by_default(own_folders):
    default = own_folders / "config" / "nejtak" / "nejtak.toml"
    result = nejtak("init", "--provider", "icloud", "--address", ADDRESS, "--name", "Anna Holm")
    assert result.exit_code == 0, result.output
    assert default.is_file()
    check = nejtak("config", "check")  # no file named: the one init wrote
    assert check.exit_code == 0 and f"{default}: ok" in check.output
    assert "1 owner address" in check.output


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    out = tmp_path / "nejtak.toml"
    out.write_text("# mine\n")
    result = init(out, "fastmail")
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text() == "# mine\n"
    assert init(out, "fastmail", "--force").exit_code == 0
    assert "imap.fastmail.com" in out.read_text()


def test_without_a_terminal_a_missing_answer_is_a_usage_error(tmp_path):
    out = tmp_path / "nejtak.toml"
    result = nejtak("init", "--provider", "fastmail", "--name", "Anna", "--out", str(out))
    assert result.exit_code == 2 and "--address is missing" in result.output
    result = nejtak("init", "--address", ADDRESS, "--name", "Anna", "--out", str(out))
    assert result.exit_code == 2 and "--provider is missing" in result.output
    assert not out.exists()


def test_on_a_terminal_it_asks_for_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    out = tmp_path / "nejtak.toml"
    result = nejtak("init", "--provider", "fastmail", "--out", str(out),
                    input=f"{ADDRESS}\nAnna Holm\nda,en\n")
    assert result.exit_code == 0, result.output
    config = parse(out.read_text())
    assert config.owner.addresses == [ADDRESS] and config.owner.name == "Anna Holm"
    assert config.reply.languages == ["da", "en"]


@pytest.mark.parametrize("args, words", [
    (["--languages", "da,xx"], "no reply templates for xx"),
    (["--address", "not-an-address"], "not an e-mail address"),
])
def test_bad_answers_are_usage_errors(tmp_path, args, words):
    out = tmp_path / "nejtak.toml"
    result = nejtak("init", "--provider", "icloud", "--address", ADDRESS, "--name", "A", "--out", str(out), *args)
    assert result.exit_code == 2 and words in result.output
    assert not out.exists()


def test_names_and_addresses_are_written_as_toml_strings(tmp_path):
    out = tmp_path / "nejtak.toml"
    result = nejtak("init", "--provider", "icloud", "--address", 'søren"x@example.dk', "--name",
                    'Søren "Sælger" Ø\\', "--out", str(out))
    assert result.exit_code == 0, result.output
    owner = tomllib.loads(out.read_text())["owner"]
    assert owner["name"] == 'Søren "Sælger" Ø\\' and owner["addresses"] == ['søren"x@example.dk']
