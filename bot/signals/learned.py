"""The learned text model's judgement, as one signal whose weight scales with its confidence."""
from bot.model import text as text_model
from bot.signals.base import SIGNALS, Scaled, Signal

LOGIT_FOR_FULL_WEIGHT = 8.0  # log-odds at which the hit carries its whole configured weight
QUIET = 0.05  # below this share of the weight the model has nothing to say
# A few words are little evidence: a five-word text message can look like anything. The
# model's say grows with the text up to this many words.
FULL_SAY_WORDS = 30


@SIGNALS.register
class LearnedText(Signal):
    name = "LEARNED_TEXT"
    description = ("The text model (words and word pieces learned from many writers' pitches and "
                   "wanted mail) leans to a pitch (+) or to wanted mail (-)")

    def check(self, msg, ctx):
        model = text_model.shipped()
        if model is None:
            return None
        score = model.score(ctx.judged_text(msg))
        say = min(1.0, score.words / FULL_SAY_WORDS)
        factor = max(-1.0, min(1.0, score.logit * say / LOGIT_FOR_FULL_WEIGHT))
        if abs(factor) < QUIET:
            return None
        drivers = ", ".join(f'"{name}"' for name, _ in score.drivers)
        short = f", {score.words} words only" if say < 1.0 else ""
        return Scaled(f"p(pitch)={score.probability:.2f}{short}; most: {drivers}", factor)
