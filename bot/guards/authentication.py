"""Rule 7: answer only mail whose sender is authenticated, or the reply is backscatter."""
from bot.authentication import aligned, trusted_results
from bot.guards.base import GUARDS, Guard


@GUARDS.register
class Authentication(Guard):
    name = "authentication"
    description = "No DMARC pass (or aligned SPF pass) from a trusted Authentication-Results"

    def check(self, msg, ctx):
        if msg.channel != "email":
            return None  # chat platforms authenticate their users themselves
        results = trusted_results(msg.header_all("authentication-results"),
                                  ctx.config.owner.trusted_authserv_ids)
        if results is None:
            return "no Authentication-Results from a trusted server: sender may be forged"
        if results.passed("dmarc"):
            return None
        return_path = msg.return_path or ""
        for props in results.passed("spf"):
            mailfrom = props.get("smtp.mailfrom") or return_path
            if aligned(mailfrom, msg.from_address) and aligned(return_path or mailfrom, msg.from_address):
                return None
        verdicts = ", ".join(f"{m}={r[0][0]}" for m, r in results.results.items()) or "none"
        return f"not authenticated ({verdicts}): sender may be forged"
