"""Rule 4: system senders (MAILER-DAEMON, postmaster, list robots, no-reply) are never answered."""
import re

from bot.guards.base import GUARDS, Guard
from bot.identity import local_part

_SYSTEM = re.compile(
    r"^(mailer-daemon|postmaster|listserv|majordomo|.*-request|owner-.*"
    r"|.*no[-_.]?reply.*|.*do[-_.]?not[-_.]?reply.*)$"
)


@GUARDS.register
class SystemSender(Guard):
    name = "system_sender"
    description = "MAILER-DAEMON, postmaster, LISTSERV, majordomo, -request, owner-, no-reply"

    def check(self, msg, ctx):
        for address in (msg.return_path or "", msg.from_address):
            if address and _SYSTEM.match(local_part(address)):
                return f"system address {address}"
        return None
