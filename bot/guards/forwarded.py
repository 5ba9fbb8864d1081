"""Whoever passes on someone else's mail is not its seller (not in DESIGN.md's list: rule 9's "never
refuse whom the owner deals with", carried to a colleague, client or friend forwarding an offer).

"Sofie, er det noget for os?" above a payroll vendor's offer, "FYI, niet op reageren" above an
SEO agency's audit, a client asking "is this worth it?" about an agency's mail: the text below is a
sales text, but the sender is not selling, and a refusal to them ("please remove me from your
list") is absurd. A forward (its subject, or a "Forwarded message" line) with a short note of
the sender's own above a mail from another organisation than the sender's is never answered,
escalated nor suggested for a block (bot/policy.py; what counts: bot/signals/base.py
`passed_on`). A seller "forwarding" its own offer quotes its own firm, its own name or the mail
it sent the owner, so is not held by this rule, and a sender already asked to stop, blocked or
marked as a pitch never is (Context.passed_on): a fake forward can dodge a first refusal at most,
as a seller posing as a buyer does.
In the writers' corpus (49,550 messages; round 28 was written for mail that carries other mail):
364 wanted messages and one pitch have this shape.
"""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class Forwarded(Guard):
    name = "forwarded"
    description = "Passes on someone else's mail (a forward of a mail from another organisation)"

    def check(self, msg, ctx):
        who = ctx.passed_on(msg)
        return f"passes on a mail from {who}" if who else None
