"""Shared fixtures: each group of real servers lives in its own module under tests/fixtures."""
import os
import tempfile

pytest_plugins = ["tests.fixtures.smtp", "tests.fixtures.postgres", "tests.fixtures.dovecot", "tests.fixtures.botapi"]


def pytest_configure(config):
    """A test run gets user folders of its own: a test that leaves the store, the acceptance
    journal or the config at their defaults never touches the user's real ones (nor those of
    another test run on the same machine, which hold the one-daemon lock)."""
    home = tempfile.mkdtemp(prefix="nejtak-test-user-")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        os.environ[name] = os.path.join(home, name.lower())
