"""Signals from headers and links: outreach tools, trackers, booking links, fake replies."""
import re
from urllib.parse import urlsplit

from nejtak.bot.signals.base import SIGNALS, Signal

_REPLY_PREFIX = re.compile(r"^\s*(re|sv|aw|vs|odp|antw|fw|fwd|vs)\s*:", re.IGNORECASE)
_PIXEL_PATH = re.compile(r"(open|pixel|track|beacon|/o/|wf/open|e/o)", re.IGNORECASE)
_MAILER_HEADERS = ("x-mailer", "user-agent", "x-mailer-name", "x-campaign", "x-lemlist-campaign",
                   "x-mailgun-tag", "x-sg-eid", "x-hs-campaign")


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _path(url: str) -> str:
    try:
        return urlsplit(url).path if "//" in url else url
    except ValueError:  # a malformed URL from the sender: look at it as text
        return url


def _on(host: str, domains: list[str]) -> str | None:
    for d in domains:
        if host == d or host.endswith("." + d):
            return d
    return None


def _first_link_on(urls: list[str], domains: list[str]) -> str | None:
    for url in urls[:200]:
        if _on(_host(url), domains):
            return url
    return None


@SIGNALS.register
class CalendarLink(Signal):
    name = "CALENDAR_LINK"
    description = "A booking link (Calendly, cal.com, HubSpot meetings...) in the new text"

    def check(self, msg, ctx):
        url = _first_link_on(msg.links, ctx.phrases.domains.get("calendar", []))
        return url[:100] if url else None


@SIGNALS.register
class LinkTracker(Signal):
    name = "LINK_TRACKER"
    description = "Links rewritten by a click-tracking service"

    def check(self, msg, ctx):
        url = _first_link_on(msg.links, ctx.phrases.domains.get("tracker", []))
        return url[:100] if url else None


@SIGNALS.register
class TrackingPixel(Signal):
    name = "TRACKING_PIXEL"
    description = "An open-tracking image"

    def check(self, msg, ctx):
        trackers = ctx.phrases.domains.get("tracker", [])
        for url in msg.images[:50]:
            if _on(_host(url), trackers) or _PIXEL_PATH.search(_path(url)):
                return url[:100]
        return None


@SIGNALS.register
class OutreachMailer(Signal):
    name = "OUTREACH_MAILER"
    description = "Sent with a cold-outreach or mass-mailing tool (X-Mailer and similar headers)"

    def check(self, msg, ctx):
        for header in _MAILER_HEADERS:
            for value in msg.header_all(header):
                low = value.lower()
                for tool in ctx.phrases.mailers:
                    if tool in low:
                        return f"{header}: {value[:60]}"
        return None


@SIGNALS.register
class FakeReply(Signal):
    name = "FAKE_REPLY"
    description = "A 'Re:' subject on a first contact, with no thread to answer"

    def check(self, msg, ctx):
        h = ctx.history
        if _REPLY_PREFIX.match(msg.subject) and not h.known and h.earlier_contacts == 0:
            # a forward of a third party's mail carries no thread headers and pretends nothing
            if not msg.in_reply_to and not msg.references and not ctx.passed_on(msg):
                return f"subject {msg.subject[:60]!r} but no In-Reply-To/References"
        return None


@SIGNALS.register
class BulkMarkers(Signal):
    name = "BULK_MARKERS"
    description = "Bulk-mail headers (List-Unsubscribe, Precedence: bulk, Feedback-ID)"

    def check(self, msg, ctx):
        for name in ("list-unsubscribe", "feedback-id", "precedence"):
            value = msg.header(name)
            if value and (name != "precedence" or value.strip().lower() in ("bulk", "junk")):
                return f"{name}: {value[:60]}"
        return None


@SIGNALS.register
class NewsletterShape(Signal):
    name = "NEWSLETTER_SHAPE"
    description = ("A newsletter's shape (longer than [reply] newsletter_words, more links than "
                   "newsletter_links): bulk mail, not a person's offer to the owner")

    def check(self, msg, ctx):
        return ctx.newsletter_shape(msg)


@SIGNALS.register
class ForwardedMail(Signal):
    name = "FORWARDED_MAIL"
    description = ("Passes on a mail from another organisation (a forward, bot/guards/forwarded.py): "
                   "the sales text below is not the sender's own")

    def check(self, msg, ctx):
        who = ctx.passed_on(msg)
        return f"forwards a mail from {who}" if who else None


@SIGNALS.register
class ListDiscussion(Signal):
    name = "LIST_DISCUSSION"
    description = ("A reply in a mailing list's thread (a List-Id and In-Reply-To or References): "
                   "members talking on a list the owner reads, not an offer made to the owner")

    def check(self, msg, ctx):
        list_id = msg.header("list-id")
        if list_id and (msg.in_reply_to or msg.references):
            return f"list-id: {list_id[:60]}, in a thread"
        return None
