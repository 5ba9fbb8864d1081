"""Signals from the new text: sales phrases per category, in any of the phrase lists."""
from nejtak.bot.signals.base import SIGNALS, Signal

CATEGORIES = {
    "call_request": "Asks for a call, a meeting or '15 minutes'",
    "came_across": "'I came across your company/profile'",
    "follow_up": "'Following up', 'bumping this', 'did you see my last mail'",
    "urgency": "Time pressure: 'offer ends Friday', 'last chance'",
    "lead_lists": "Sells lead lists or contact databases",
    "partnership": "Partnership, cooperation or reseller offers",
    "seo_marketing": "SEO, web design, traffic and marketing offers",
    "outsourcing": "Outsourcing, offshore teams, development shops",
    "energy_insurance": "Energy, insurance and provider-switching deals",
    "sales_pitch": "Generic pitch phrases: 'our solution', 'boost your sales'",
    "opt_out_line": "A cold-outreach opt-out line: 'if you're not the right person'",
    "offer_question": "A closing question offering something: 'shall I send it over?', 'may I call you?'",
    "free_offer": "A free sample, audit, analysis or trial offered unasked",
    "self_intro": "A stranger introduces themself or their company: 'my name is X and I work at', 'vi er et bureau'",
    "offer_statement": "The offer itself: 'we offer', 'vi tilbyder', 'wir bieten', 'oferujemy', 'we help companies'",
    "price_offer": "A price, rate or discount offered unasked: 'from 295 kr a month', 'ab 79 €', '20 % rabat'",
    "social_proof": "Social proof: 'we have helped 200+ businesses', 'our clients include', 'ponad 300 firm'",
    "wanted_context": "Phrases of wanted mail: interviews, applications, intros, invoices",
    "inbound_lead": ("Someone who wants to buy from the owner (asks for a quote or what the owner charges, "
                     "wants to order or hire), or thanks the owner for an enquiry"),
}
# Categories that speak for wanted mail, not for a pitch.
WANTED_KINDS = ("wanted_context", "inbound_lead")


def _phrase_signal(category: str, description: str) -> type[Signal]:
    class Phrase(Signal):
        name = f"PHRASE_{category.upper()}"

        def check(self, msg, ctx):
            hit = ctx.phrase_hit(category, msg)
            return f'"{hit.phrase}" ({hit.language})' if hit else None

    Phrase.description = description
    Phrase.__name__ = Phrase.__qualname__ = f"Phrase_{category}"
    return Phrase


for _category, _description in CATEGORIES.items():
    SIGNALS.register(_phrase_signal(_category, _description))


@SIGNALS.register
class PitchManyKinds(Signal):
    name = "PITCH_MANY_KINDS"
    description = "Three or more different kinds of sales phrase in one message"

    def check(self, msg, ctx):
        kinds = [c for c in CATEGORIES if c not in WANTED_KINDS and ctx.phrase_hit(c, msg)]
        return f"{len(kinds)} kinds: {', '.join(kinds)}" if len(kinds) >= 3 else None


@SIGNALS.register
class OwnerDomainMentioned(Signal):
    name = "OWNER_DOMAIN_MENTIONED"
    description = "A stranger names the owner's web domain: the personalisation of a mail merge"

    def check(self, msg, ctx):
        if ctx.history.known or msg.channel != "email":
            return None
        text = f"{msg.subject}\n{msg.text}".lower()
        for address in ctx.config.owner.addresses:
            domain = address.rsplit("@", 1)[-1]
            if domain and domain != "localhost" and domain in text.replace(address, ""):
                return f"mentions {domain}"
        return None


@SIGNALS.register
class FakeFamiliarity(Signal):
    name = "FAKE_FAMILIARITY"
    description = ("A stranger writes 'as discussed', 'wie besprochen', 'som vi pratade om': an "
                   "earlier conversation the owner's history does not know")

    def check(self, msg, ctx):
        if ctx.history.known:  # the owner wrote to them, it is their thread, or they are wanted
            return None
        hit = ctx.phrase_hit("familiarity", msg)
        return f'"{hit.phrase}" ({hit.language}), but no history with {msg.sender}' if hit else None
