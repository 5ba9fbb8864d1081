"""Shared fixtures: each group of real servers lives in its own module under tests/fixtures."""
pytest_plugins = ["tests.fixtures.smtp", "tests.fixtures.postgres", "tests.fixtures.dovecot", "tests.fixtures.botapi"]
