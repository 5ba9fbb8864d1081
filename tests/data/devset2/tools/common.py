# -*- coding: utf-8 -*-
"""Shared helpers for the second dev set's cases. Every name, company and domain is invented."""

ANNA = "Anna Holm <anna@holm.example>"
ANNA2 = "Anna Holm <anna.holm@holm.example>"
INBOX: list[dict] = []
SENT: list[dict] = []


def L(unsolicited, kind, allowed=True, blocked="", repeat=0):
    if blocked:
        allowed = False
    return {"unsolicited": unsolicited, "kind": kind, "allowed": allowed, "blocked": blocked, "repeat": repeat}


def mk(lang):
    def P(name, who, email, subject, text, kind, blocked="", repeat=0, **kw):
        INBOX.append(dict(name=f"{name}-{lang}", lang=lang, frm=(who, email), subject=subject, text=text,
                          label=L(True, kind, blocked=blocked, repeat=repeat), **kw))

    def W(name, who, email, subject, text, kind, blocked="", **kw):
        INBOX.append(dict(name=f"{name}-{lang}", lang=lang, frm=(who, email), subject=subject, text=text,
                          label=L(False, kind, blocked=blocked), **kw))
    return P, W


def S(name, d, mid, to, subject, text, **kw):
    SENT.append(dict(name=name, d=d, mid=mid, to=to, subject=subject, text=text, **kw))


def LIST(list_id, unsub, one_click=True):
    out = [("List-Id", list_id), ("List-Unsubscribe", unsub)]
    if one_click:
        out.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return out
