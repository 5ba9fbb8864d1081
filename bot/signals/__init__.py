"""Every signal, registered in one place; weights come from config."""
from bot.signals import content, headers, history, language, learned  # noqa: F401
from bot.signals.base import SIGNALS  # noqa: F401
