"""Rule 7: answer only an address the receiving server vouched for, or the reply is backscatter."""
from nejtak.bot.authentication import trusted_results, vouched_for
from nejtak.bot.guards.base import GUARDS, Guard


@GUARDS.register
class Authentication(Guard):
    name = "authentication"
    description = "The reply address is not the one a trusted server authenticated (DMARC or SPF)"

    def check(self, msg, ctx):
        if msg.channel != "email":
            return None  # chat platforms authenticate their users themselves
        results = trusted_results(msg.header_all("authentication-results"),
                                  ctx.config.owner.trusted_authserv_ids)
        if results is None:
            return "no Authentication-Results from a trusted server: sender may be forged"
        if msg.from_count != 1:
            return f"{msg.from_count} From addresses: no single sender to authenticate"
        if vouched_for(results, msg.from_address, msg.return_path or ""):
            return None
        verdicts = ", ".join(f"{m}={r[0][0]}" for m, r in results.results.items()) or "none readable"
        return (f"reply address <{msg.return_path or ''}> not authenticated ({verdicts}): "
                "a reply could reach an innocent third party")
