"""Every signal, registered in one place; weights come from config."""
from nejtak.bot.signals import content, headers, history, language, learned  # noqa: F401
from nejtak.bot.signals.base import SIGNALS  # noqa: F401
