"""The learned text model's judgement, as one signal whose weight scales with its confidence."""
from nejtak.bot.model import text as text_model
from nejtak.bot.signals.base import SIGNALS, Scaled, Signal

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
        # two views (bot/model/text.py TwoViews): each one's share, capped alone, then their mean
        views = score.views or (score.logit,)
        factor = sum(text_factor(logit, score.words) for logit in views) / len(views)
        if abs(factor) < QUIET:
            return None
        drivers = ", ".join(f'"{name}"' for name, _ in score.drivers)
        short = f", {score.words} words only" if say(score.words) < 1.0 else ""
        return Scaled(f"p(pitch)={score.probability:.2f}{short}; most: {drivers}", factor)


def say(words: int) -> float:
    """How much a text of this many words can say (0 to 1)."""
    return min(1.0, words / FULL_SAY_WORDS)


def text_factor(logit: float, words: int) -> float:
    """The share of LEARNED_TEXT's weight that text log-odds carry (-1 to 1)."""
    return max(-1.0, min(1.0, logit * say(words) / LOGIT_FOR_FULL_WEIGHT))


@SIGNALS.register
class OwnerFeedback(Signal):
    name = "OWNER_FEEDBACK"
    description = ("What the owner taught (taps, folder moves, replies, `nejtak learn`) moves the "
                   "text model's judgement: toward a pitch (+) or wanted mail (-); the weight is its cap")

    def check(self, msg, ctx):
        if ctx.owner is None:
            return None
        said = ctx.owner.judge(ctx.judged_text(msg))
        if said is None:
            return None
        weights = ctx.config.classifier.weights
        cap = weights.get(self.name, 0.0)
        if not cap:
            return None
        # The owner's say is evidence of its own: in LEARNED_TEXT's scale (its weight per log-odds),
        # not clipped where the shipped model is already sure, so that a correction toward wanted
        # counts even against a confident shipped model; capped by its own weight.
        moved = weights.get(LearnedText.name, 0.0) * said.owner * say(said.words) / LOGIT_FOR_FULL_WEIGHT
        factor = max(-1.0, min(1.0, moved / cap))
        if abs(factor) < QUIET:
            return None
        toward = "pitch" if factor > 0 else "wanted"
        n = len(said.similar)
        last = f", last on {said.similar[-1].created_at:%Y-%m-%d}" if said.similar else ""
        words = "; words: " + ", ".join(f'"{w}"' for w in said.drivers) if said.drivers else ""
        return Scaled(f"{n} similar message(s) marked {toward}{last}{words}", factor)
