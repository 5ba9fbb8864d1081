"""`nejtak config check FILE`: good files pass; a bad key is named with its line; defaults lie underneath."""
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from nejtak.bot.cli import main
from nejtak.bot.config import ConfigError, parse

EXAMPLE = Path(__file__).resolve().parent.parent / "config" / "nejtak.example.toml"
MINIMAL = '[owner]\nname = "Owner Person"\naddresses = ["owner@example.org"]\n'


@pytest.fixture
def check(tmp_path):
    """TOML text -> (exit code, everything printed)."""

    secret = tmp_path / "smtp-secret"
    secret.write_text("s3cret\n")

    def check(text: str, name: str = "nejtak.toml"):
        path = tmp_path / name
        path.write_text(text.replace("/run/secrets/smtp", str(secret)), encoding="utf-8")
        result = CliRunner().invoke(main, ["config", "check", str(path)])
        return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")

    return check


def test_example_config_passes(check):
    if not EXAMPLE.is_file():
        pytest.skip("config/nejtak.example.toml not written yet")
    code, output = check(EXAMPLE.read_text(encoding="utf-8"))
    assert code == 0, output
    assert "ok" in output


def test_minimal_config_passes(check):
    code, output = check(MINIMAL)
    assert code == 0, output
    assert "ok" in output and "approve" in output


def test_a_config_file_without_the_owners_address_is_refused(check):
    """Start and reload refuse it too: nothing could tell mail to the owner from mail to others."""
    code, output = check("")
    assert code != 0 and "owner.addresses is empty" in output


def test_a_template_with_an_unknown_variable_in_any_branch_is_refused(tmp_path, check):
    import shutil

    from nejtak.bot.config import load

    templates = tmp_path / "templates"
    shutil.copytree(load(None).templates_dir, templates)
    (templates / "en" / "reminder.txt").write_text("{% if gdpr_source %}{{ owner_nmae }}{% endif %}\n")
    (templates / "da" / "refusal.txt").write_text("Hej {{ sender_name \n")
    code, output = check(MINIMAL + f'\n[reply]\ntemplates_dir = "{templates}"\n')
    assert code != 0
    assert "en/reminder.txt: unknown variable(s) owner_nmae" in output and "da/refusal.txt" in output


def test_config_option_works_too(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(MINIMAL)
    result = CliRunner().invoke(main, ["config", "check", "--config", str(path)])
    assert result.exit_code == 0, result.output


def test_missing_file_fails(tmp_path):
    result = CliRunner().invoke(main, ["config", "check", str(tmp_path / "nope.toml")])
    assert result.exit_code != 0


FULL = """\
mode = "approve"

[owner]
name = "Owner Person"
addresses = ["owner@example.org", "anna@owner-firm.dk"]
trusted_authserv_ids = ["mx.example.org"]

[[imap]]
host = "imap.example.org"
username = "owner"
password_env = "NEJTAK_IMAP_PASSWORD"

[smtp]
host = "smtp.example.org"
port = 587
password_file = "/run/secrets/smtp"

[intake]
port = 2525

[telegram]
owner_id = 12345
digest_times = ["09:00", "18:00"]

[reply]
max_per_hour = 10
"""


def _replace_line(text: str, old: str, new: str) -> tuple[str, int]:
    """The text with one line replaced, and that line's 1-based number."""
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.strip() == old)
    lines[number - 1] = new
    return "\n".join(lines) + "\n", number


def test_full_config_passes(check):
    code, output = check(FULL)
    assert code == 0, output


@pytest.mark.parametrize("old,new,key", [
    ('mode = "approve"', 'mode = "loud"', "mode"),
    ("port = 2525", "port = 99999", "intake.port"),
    ("port = 587", "port = 99999", "smtp.port"),
    ('addresses = ["owner@example.org", "anna@owner-firm.dk"]', 'addresses = ["no-at"]', "owner.addresses"),
    ('digest_times = ["09:00", "18:00"]', 'digest_times = ["25:00"]', "telegram.digest_times"),
    ("max_per_hour = 10", "max_per_hour = -1", "reply.max_per_hour"),
    ("max_per_hour = 10", 'max_per_hour = "ten"', "reply.max_per_hour"),
    ('name = "Owner Person"', 'nmae = "Owner Person"', "owner.nmae"),
    ("max_per_hour = 10", 'subject_prefix = "Fwd: "', "reply.subject_prefix"),
    ('mode = "approve"', "colour = 3", "colour"),
    ('password_file = "/run/secrets/smtp"', 'password = "hunter2"', "smtp.password"),
    ('password_env = "NEJTAK_IMAP_PASSWORD"', 'password = "hunter2"', "imap.0.password"),
])
def test_bad_value_names_key_and_line(check, old, new, key):
    text, line = _replace_line(FULL, old, new)
    code, output = check(text)
    assert code != 0
    assert key in output, output
    assert re.search(rf"nejtak\.toml:{line}\b", output), output


def test_error_in_second_imap_table_names_its_own_line(check):
    text = FULL.replace('username = "owner"\n', 'username = "owner"\nport = 993\n').replace(
        '[smtp]', '[[imap]]\nhost = "imap.owner-firm.dk"\nusername = "anna"\nport = 99999\n\n[smtp]')
    code, output = check(text)
    line = text.splitlines().index("port = 99999") + 1
    assert code != 0 and "imap.1.port" in output
    assert re.search(rf"nejtak\.toml:{line}\b", output), output


def test_auto_threshold_below_required_names_its_line(check):
    text = MINIMAL + "\n[classifier]\nauto_threshold = 3.0\n"
    code, output = check(text)
    assert code != 0 and "auto_threshold" in output
    assert re.search(r"nejtak\.toml:6\b", output), output


def test_invalid_toml_names_the_line(check):
    text = MINIMAL + '\n[reply]\nmax_per_hour = \n'
    code, output = check(text)
    assert code != 0
    assert "line 6" in output, output


def test_invalid_toml_duplicate_key_names_the_line(check):
    code, output = check('mode = "auto"\nmode = "observe"\n')
    assert code != 0 and "line 2" in output, output


def test_missing_password_env_is_a_warning_not_an_error(check, monkeypatch):
    monkeypatch.delenv("NEJTAK_IMAP_PASSWORD", raising=False)
    code, output = check(FULL)
    assert code == 0 and "NEJTAK_IMAP_PASSWORD" in output


def test_missing_password_file_is_reported_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("NEJTAK_IMAP_PASSWORD", "x")
    path = tmp_path / "c.toml"
    path.write_text(FULL.replace("/run/secrets/smtp", str(tmp_path / "missing-secret")))
    result = CliRunner().invoke(main, ["config", "check", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "missing-secret" in result.output


def test_password_only_from_env_or_file(monkeypatch):
    cfg = parse(FULL)
    monkeypatch.setenv("NEJTAK_IMAP_PASSWORD", "s3cret")
    assert cfg.imap[0].password() == "s3cret"
    monkeypatch.delenv("NEJTAK_IMAP_PASSWORD")
    with pytest.raises(ConfigError, match="NEJTAK_IMAP_PASSWORD"):
        cfg.imap[0].password()


def test_password_from_file(tmp_path):
    secret = tmp_path / "smtp"
    secret.write_text("file-secret\n")
    cfg = parse(FULL.replace("/run/secrets/smtp", str(secret)))
    assert cfg.smtp.password() == "file-secret"


def test_password_key_is_rejected_not_used():
    with pytest.raises(ConfigError, match=r"smtp\.password"):
        parse('[smtp]\nhost = "smtp.example.org"\npassword = "hunter2"\n')


def test_defaults_lie_under_the_user_file():
    base = parse("")
    cfg = parse("[classifier.weights]\nUNKNOWN_SENDER = 9.0\n")
    assert cfg.classifier.weights["UNKNOWN_SENDER"] == 9.0
    assert base.classifier.weights["UNKNOWN_SENDER"] != 9.0
    others = {k: v for k, v in cfg.classifier.weights.items() if k != "UNKNOWN_SENDER"}
    assert others == {k: v for k, v in base.classifier.weights.items() if k != "UNKNOWN_SENDER"}
    assert len(others) > 10
    assert cfg.classifier.freemail_domains == base.classifier.freemail_domains
    assert cfg.classifier.required == base.classifier.required
    assert cfg.reply == base.reply and cfg.mode == base.mode


def test_user_table_overrides_only_its_keys():
    cfg = parse('mode = "observe"\n[reply]\nmax_per_hour = 3\n')
    base = parse("")
    assert (cfg.mode, cfg.reply.max_per_hour) == ("observe", 3)
    assert cfg.reply.languages == base.reply.languages
    assert cfg.reply.max_subject_length == base.reply.max_subject_length


def test_owner_addresses_are_lower_cased():
    assert parse('[owner]\naddresses = [" Owner@Example.ORG "]\n').owner.addresses == ["owner@example.org"]


def test_weight_for_unknown_signal_is_named(check):
    code, output = check(MINIMAL + "\n[classifier.weights]\nUNKNOWN_SENDR = 9.0\n")
    assert code != 0 and "UNKNOWN_SENDR" in output
    assert re.search(r"nejtak\.toml:5\b", output), output


def test_a_retired_signal_weight_is_dropped_with_a_warning_not_refused(caplog):
    """The shipped example config of the previous version set LEARNED_SPAM_CERTAIN: after an
    upgrade the daemon must still start, and say what to remove."""
    config = parse(MINIMAL + "[classifier.weights]\nLEARNED_SPAM_CERTAIN = 6.0\nPHRASE_CALL_REQUEST = 1.0\n",
                   "old.toml")
    assert "LEARNED_SPAM_CERTAIN" not in config.classifier.weights
    assert config.classifier.weights["PHRASE_CALL_REQUEST"] == 1.0
    assert any("LEARNED_SPAM_CERTAIN no longer exists" in r.getMessage() for r in caplog.records)
