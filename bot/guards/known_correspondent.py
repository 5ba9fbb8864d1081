"""Rule 9: people the owner writes with never get a refusal, nor colleagues at the owner's own
organisation (a registrable domain of the owner's addresses, free-mail providers excepted);
a failed lookup counts as known."""
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class KnownCorrespondent(Guard):
    name = "known_correspondent"
    description = ("The owner wrote to them, they answer the owner's thread, they are wanted, or they are "
                   "an authenticated colleague at the owner's own organisation")

    def check(self, msg, ctx):
        history = ctx.history
        if history.lookup_failed:
            return "sender history could not be read: assumed known"
        if history.wanted:
            return "marked as wanted by the owner"
        if history.owner_wrote_to:
            return "the owner has written to this sender"
        if history.in_owner_thread:
            return "answers a thread the owner started"
        if history.same_organisation:
            return "a colleague at the owner's own organisation"
        return None
