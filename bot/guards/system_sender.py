"""Rule 4: system senders (MAILER-DAEMON, postmaster, list robots, no-reply) are never answered."""
import re

from nejtak.bot.guards.base import GUARDS, Guard
from nejtak.bot.identity import local_part

_SYSTEM = re.compile(
    r"^(mailer-daemon|postmaster|listserv|majordomo|.*-request|owner-.*"
    r"|.*no[-_.]?reply.*|.*do[-_.]?not[-_.]?reply.*"
    # "do not reply" as the owners' languages write it: da/nb, sv, de, pl
    r"|.*(ikke|ikkje)[-_.]?(svar|besvar).*|.*(svar|besvar)[-_.]?ikke.*|.*ingen[-_.]?svar.*"
    r"|.*svara[-_.]?inte.*|.*(ej|inget)[-_.]?svar.*"
    r"|.*nicht[-_.]?antworten.*|.*keine[-_.]?antwort.*"
    r"|.*nie[-_.]?odpowiadaj.*|.*brak[-_.]?odpowiedzi.*)$"
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
