"""Rule 2: never answer automatic mail (RFC 3834 Auto-Submitted, vacation markers)."""
from nejtak.bot.guards.base import GUARDS, Guard

# Not in RFC 3834, but set by common autoresponders that omit Auto-Submitted.
VENDOR_MARKERS = ("x-autoreply", "x-autorespond", "x-autoresponder")


@GUARDS.register
class AutoSubmitted(Guard):
    name = "auto_submitted"
    description = "Auto-Submitted with any value but 'no', or an autoresponder marker"

    def check(self, msg, ctx):
        for value in msg.header_all("auto-submitted"):
            keyword = value.split(";")[0].split("(")[0].strip().lower()
            if keyword != "no":
                return f"Auto-Submitted: {value[:60]}"
        for name in VENDOR_MARKERS:
            if msg.has_header(name):
                return f"{name} header"
        return None
