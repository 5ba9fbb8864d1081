"""Rule 9, continued: a buyer never gets a refusal.

A stranger who wants to buy from the owner, or a seller answering the owner's own request, is
not selling to the owner, however commercial the mail reads: "could you send us a quote?",
"what do you charge for...", "do you have capacity for...", "thank you for your enquiry via our
contact form" (`inbound_lead` in config/phrases). The text model reads such mail as a pitch
often enough (a customer asking for prices names products and prices too, and a quote the
owner asked for through a web form leaves no trace in Sent), and a refusal to a customer is
the worst mistake nejtak can make; the owner sees these in the digest instead. A seller
posing as a buyer ("how much for a sponsored post?") is shown too, not refused: that is the
price of never refusing a real one.
"""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class InboundLead(Guard):
    name = "inbound_lead"
    description = ("A buyer, or an answer to the owner's own request: asks for a quote, the owner's prices "
                   "or capacity, wants to order or hire, thanks the owner for an enquiry")

    def check(self, msg, ctx):
        hit = ctx.phrase_hit("inbound_lead", msg)
        return f"asks to buy or answers the owner's request: {hit.phrase!r} ({hit.language})" if hit else None
