"""A buyer never gets a refusal (not in DESIGN.md's list: rule 9's "never refuse whom the owner
deals with", carried to someone who wants to deal with the owner).

A stranger who wants to buy from the owner, or a seller answering the owner's own request, is
not selling to the owner, however commercial the mail reads: "could you send us a quote?",
"what do you charge for...", "we'd like to hire you", "thank you for your enquiry"
(`inbound_lead` in config/phrases, only phrases a seller would not write). The text model reads
such mail as a pitch often enough (a customer asking for prices names products and prices too, and a quote the
owner asked for through a web form leaves no trace in Sent), and a refusal to a customer is
the worst mistake nejtak can make. Such mail is left to the owner: never answered, never
escalated nor suggested for a block, even after a refusal to a seller at the same firm
(bot/policy.py). A seller posing as a buyer ("how much do you charge for a sponsored post?") is
left alone too: that is the price of never refusing a real one.
"""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class InboundLead(Guard):
    name = "inbound_lead"
    description = ("A buyer, or an answer to the owner's own request: asks for a quote or what the owner "
                   "charges, wants to order or hire, thanks the owner for an enquiry")

    def check(self, msg, ctx):
        hit = ctx.phrase_hit("inbound_lead", msg)
        return f"asks to buy or answers the owner's request: {hit.phrase!r} ({hit.language})" if hit else None
