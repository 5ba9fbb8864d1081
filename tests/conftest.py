"""Shared fixtures: each group of real servers lives in its own module under tests/fixtures."""
import os
import shutil
import tempfile

pytest_plugins = ["tests.fixtures.smtp", "tests.fixtures.postgres", "tests.fixtures.dovecot", "tests.fixtures.botapi"]


def pytest_configure(config):
    """A test run gets user folders of its own: a test that leaves the store, the acceptance
    journal, the config or the caches at their defaults never touches the user's real ones (nor
    those of another test run on the same machine, which hold the one-daemon lock); removed
    when the run ends."""
    home = tempfile.mkdtemp(prefix="nejtak-test-user-")
    config.nejtak_test_home = home
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = os.path.join(home, name.lower())


def pytest_unconfigure(config):
    home = getattr(config, "nejtak_test_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)
