"""Composes the refusal or reminder for a message: language, template, addressing."""
from __future__ import annotations

from datetime import datetime

from nejtak.bot.config import Config
from nejtak.bot.inbound import Inbound
from nejtak.bot.law import sentence
from nejtak.bot.verdict import ReplyDraft
from nejtak.responders.email_reply import one_line, reply_message_id, reply_subject
from nejtak.responders.templates import TemplateSet


def owner_address_for(msg: Inbound, config: Config) -> str:
    """The owner's address the message was sent to (the reply comes from it)."""
    mine = config.owner.addresses
    for address in msg.recipients:
        if address in mine:
            return address
    return mine[0] if mine else ""


def compose(msg: Inbound, kind: str, language: str, first_request_at: datetime | None,
            config: Config, templates: TemplateSet) -> ReplyDraft:
    """kind is 'refusal' or 'reminder'; chat channels get the short chat variant."""
    template_kind = f"chat_{kind}" if msg.channel != "email" else kind
    # the law is cited in the language the reply is written in, not the owner's
    reply_language = templates.language_for(language)
    rendered = templates.render(
        template_kind,
        language,
        owner_name=config.owner.name,
        sender_name=one_line(msg.sender_name)[:60],
        first_request_date=first_request_at,
        gdpr_source=config.reply.gdpr_source,
        gdpr_erasure=config.reply.gdpr_erasure,
        gdpr_objection=config.reply.gdpr_objection,
        law_sentence=sentence(config.reply.country, reply_language),
    )
    if msg.channel != "email":
        return ReplyDraft(to=msg.sender, subject="", body=rendered.body, language=rendered.language,
                          kind=kind, channel=msg.channel,
                          message_id=reply_message_id(msg.message_id or msg.source, msg.sender, kind, ""))
    from_address = owner_address_for(msg, config)
    return ReplyDraft(
        to=msg.return_path or "",
        subject=reply_subject(msg.subject, config.reply.subject_prefix, config.reply.max_subject_length),
        body=rendered.body,
        language=rendered.language,
        kind=kind,
        channel="email",
        from_address=from_address,
        in_reply_to=msg.message_id,
        references=list(msg.references),
        message_id=reply_message_id(msg.message_id or msg.source, msg.sender, kind, from_address),
    )
