"""The message's language as an informational signal, so every report shows it with its certainty."""
from nejtak.bot.signals.base import SIGNALS, Signal


@SIGNALS.register
class Language(Signal):
    name = "LANGUAGE"
    description = "The language of the new text (py3langid), used to choose the reply's language"

    def check(self, msg, ctx):
        return f"{ctx.language} ({ctx.language_confidence:.2f})"
