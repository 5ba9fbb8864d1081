"""Signals from the learned model, in bands of its probability so each band has a weight."""
from bot.signals.base import SIGNALS, Signal

# (signal name, lowest probability, highest probability): bands are data, not ifs.
BANDS = {
    "LEARNED_SPAM_CERTAIN": (0.99, 1.01),
    "LEARNED_SPAM_LIKELY": (0.80, 0.99),
    "LEARNED_HAM_LIKELY": (0.0, 0.10),
}


def _band_signal(name: str, low: float, high: float) -> type[Signal]:
    class Band(Signal):
        def check(self, msg, ctx):
            p = ctx.model_probability(msg)
            return f"p(unsolicited)={p:.3f}" if p is not None and low <= p < high else None

    Band.name = name
    Band.description = f"The learned model gives a probability in [{low}, {min(high, 1.0)})"
    Band.__name__ = Band.__qualname__ = name.title().replace("_", "")
    return Band


for _name, (_low, _high) in BANDS.items():
    SIGNALS.register(_band_signal(_name, _low, _high))
