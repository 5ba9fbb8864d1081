"""Rule 3, continued: a newsletter without list headers is bulk mail too, and gets no reply.

Bulk mailers of every age leave the List-* headers out (2002's Accucast, many shop systems
today). A refusal that says "I never agreed to be contacted" to a newsletter the owner signed
up for is a reply to wanted mail; an unsubscribe, or the owner's look in the digest, is the
right answer to a newsletter. Two marks of one, either enough:
- the text tells the reader they subscribed (`subscription_notice` in config/phrases: "the
  e-mail address for your subscription is", "because you signed up", "für unseren Newsletter
  angemeldet"): a cold pitch has no subscriber to speak to. "You receive this newsletter" alone
  is no such notice (unsolicited newsletters say it too: "... because your company is
  listed"), nor a subscription as a topic or a question ("have you subscribed yet?");
- its shape: longer than `[reply] newsletter_words` words with more than `newsletter_links`
  distinct links. Pitches are short: none of the corpus's 12,576 nor of 221 real ones has
  even 500 words; half of SpamAssassin's hard_ham newsletters have this shape.
E-mail only: a chat has no subscribers.
"""
from nejtak.bot.guards.base import GUARDS, Guard

TAIL = 2000  # characters at the end of the text where a subscription notice is also looked for


@GUARDS.register
class Newsletter(Guard):
    name = "newsletter"
    description = "A newsletter without List-* headers: says the reader subscribed, or long with many links"

    def check(self, msg, ctx):
        if msg.channel != "email":
            return None  # a chat has no subscribers: "have you joined our channel?" is a pitch
        # the notice sits in the footer: past what phrases are looked for in (PHRASE_SPAN), or
        # below a signature line
        hit = (ctx.phrase_hit("subscription_notice", msg)
               or ctx.phrases.find("subscription_notice", msg.text[-TAIL:])
               or ctx.phrases.find("subscription_notice", msg.signature))
        if hit:
            return f"speaks to a subscriber: {hit.phrase!r}"
        shape = ctx.newsletter_shape(msg)
        return f"a newsletter's shape: {shape}" if shape else None
