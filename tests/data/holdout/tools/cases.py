"""Cases of the HELD-OUT set (see ../README.md). Written fresh for this set; never tune on it.

Each inbox case: name, lang, d ('MM-DD HH:MM' local time in 2026), frm (name, address), subject,
text / html / pixel / html_only / raw_body, optional rp, auth, to, cc, irt, refs, mid, charset,
xmailer, extra, tz, and label {unsolicited, allowed, blocked, repeat, kind}.
"""
from __future__ import annotations


def pitch(kind: str, blocked: str = "", repeat: int = 0) -> dict:
    return {"unsolicited": True, "allowed": blocked == "", "blocked": blocked, "repeat": repeat, "kind": kind}


def wanted(kind: str, blocked: str = "") -> dict:
    return {"unsolicited": False, "allowed": blocked == "", "blocked": blocked, "repeat": 0, "kind": kind}


def newsletter_headers(listid: str, unsub_mail: str, unsub_url: str, fbid: str | None = None) -> list:
    hs = [("List-Id", listid),
          ("List-Unsubscribe", f"<mailto:{unsub_mail}>, <{unsub_url}>"),
          ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
          ("Precedence", "bulk")]
    if fbid:
        hs.append(("Feedback-ID", fbid))
    return hs


# --------------------------------------------------------------------------------------------
# Anna's sent mail (history): makes correspondents known and starts threads.
SENT = [
    {"name": "lena-tak", "d": "10-15 16:02", "to": "Lena Sjöberg <lena.sjoberg@vastkust-logistik.example>",
     "subject": "Tak for et godt forløb", "mid": "<5b0e7c1a-2f44-4d0b-9a61-0c8e3d7f2a11@holm.example>",
     "text": "Kære Lena\n\nTak for et rigtig godt forløb med lageret i Göteborg. Det var en fornøjelse at arbejde "
             "med jeres team, og jeg håber, de nye flows holder hele vejen gennem julesæsonen.\n\n"
             "Sig endelig til, hvis I får brug for en opfølgning i foråret.\n\nDe bedste hilsner\nAnna\n\n"
             "-- \nAnna Holm · Procesrådgivning\n+45 31 20 48 77 · holm.example\n"},
    {"name": "opsforum-av", "d": "10-20 09:41", "to": "Rachel Dunmore <rachel.dunmore@opsforum.example>",
     "subject": "Speaker slot at Ops Forum Leeds - AV question",
     "mid": "<c2d7a9e4-81f0-4b3a-bb5e-7e0f19d6c3a2@holm.example>",
     "text": "Hi Rachel,\n\nThanks again for the invitation to speak on 26 November. Two quick questions before "
             "I finalise the session:\n\n1. Will there be a clicker and an HDMI connection at the lectern, or "
             "should I bring my own adapter (USB-C)?\n2. Is there room for a short exercise with sticky notes, "
             "i.e. are the chairs movable?\n\nBest regards,\nAnna\n\n-- \nAnna Holm\nProcess consultant, "
             "Copenhagen\n"},
    {"name": "lund-bilag", "d": "10-29 13:15", "to": "Henrik Lund <henrik@lundregnskab.example>",
     "subject": "Bilag for oktober + spørgsmål om moms", "mid": "<8e41f0b2-3c9d-4a77-8d12-6f5b2c0e9d34@holm.example>",
     "text": "Hej Henrik\n\nHermed bilag for oktober (12 stk. i den delte mappe). Et spørgsmål: jeg har "
             "faktureret en workshop til en kunde i Tyskland - skal den med som EU-salg uden moms, eller "
             "skal jeg gøre noget særligt, fordi den blev holdt i Danmark?\n\nHilsen Anna\n"},
    {"name": "feldmann-rechnung", "d": "10-30 11:20",
     "to": "Buchhaltung Feldmann Logistik <buchhaltung@feldmann-logistik.example>",
     "cc": "Jens Feldmann <j.feldmann@feldmann-logistik.example>",
     "subject": "Rechnung 2026-041 / Workshop Prozessaufnahme",
     "mid": "<d93b6e20-5a1f-4c8e-a0b7-2e9c4d1f7b56@holm.example>",
     "text": "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie die Rechnung 2026-041 für den Workshop "
             "zur Prozessaufnahme am 22. und 23. Oktober in Flensburg.\n\nBitte überweisen Sie den Betrag "
             "innerhalb von 14 Tagen auf das in der Rechnung angegebene Konto.\n\nMit freundlichen Grüßen\n"
             "Anna Holm\n"},
    {"name": "kontorhuset-bestilling", "d": "11-02 10:05", "to": "Kontorhuset Bergen <ordre@kontorhuset.example>",
     "subject": "Bestilling: flipoverblokke og tusser til levering i Bergen",
     "mid": "<1fa4c8d3-9e27-4b60-8c5d-3a7e0b2f9c18@holm.example>",
     "text": "Hej\n\nJeg vil gerne bestille følgende med levering til Bergen Havn, Skoltegrunnskaien 1, "
             "att. Ole Martin Dahl, senest torsdag 12. november:\n\n- 6 flipoverblokke, blanke (art.nr. 40112)\n"
             "- 4 pakker whiteboardtusser, 4 farver (art.nr. 51830)\n- 10 blokke post-it 76x127, gul\n\n"
             "Faktura til Anna Holm, Holm Procesrådgivning, CVR 41 22 87 63.\n\nVenlig hilsen\nAnna Holm\n"},
    {"name": "karin-opfolgning", "d": "11-05 14:02", "to": "Karin Ek <karin.ek@malmo-bygg.example>",
     "subject": "Opfølgning på workshoppen", "mid": "<6c2f9b71-0d8e-4e35-b1a4-9f3d7c5e2a80@holm.example>",
     "text": "Hej Karin\n\nHer er billederne af vægplanerne fra i tirsdags og min korte opsummering. Skal vi "
             "finde en dato for næste møde i slutningen af november?\n\nMange hilsner\nAnna\n"},
    {"name": "mikkel-slides", "d": "11-09 16:40", "to": "mikel@nordrup-konsult.example",
     "subject": "Slides fra i går", "mid": "<0a9e3d52-7b1c-4f86-9e2d-4c8a1b6f3e97@holm.example>",
     "text": "Hej Mikkel\n\nSom lovet: slides fra i går ligger her: https://files.holm.example/s/k3Pq9\n\n"
             "Hilsen Anna\n"},
]

S = {s["name"]: s["mid"] for s in SENT}

E1_MID = "<lm.7f31c2a9e0.0@convobot.example>"
E1R1_MID = "<lm.7f31c2a9e0.1@convobot.example>"
D4_MID = "<CAF+kq3v9YbB1x_Qm0wzR8tHc2@mail.billedbach.example>"
P1_MID = "<20261105101733.4e2b@codeforge.example>"

INBOX = [
    # ======================================= en ============================================
    {"name": "ai-chatbot-lemlist-en", "lang": "en", "d": "11-02 10:12",
     "frm": ("Tyler Brooks", "tyler@convobot.example"), "mid": E1_MID,
     "subject": "Anna, quick idea for holm.example", "pixel": "lm-7f31c2a9e0", "xmailer": "lemlist",
     "text": "Hi Anna,\n\nI was looking at holm.example and noticed there's no way for visitors to get an "
             "answer outside office hours.\n\nWe built ConvoBot, an AI assistant trained on your own website and "
             "PDFs. It answers questions 24/7, books discovery calls straight into your calendar and hands the "
             "conversation to you when it gets tricky. Consultants like you typically see 30% more booked calls "
             "in the first month.\n\nWould it be crazy to set up a free demo bot trained on your site? It takes "
             "2 minutes on your side.\n\nCheers,\nTyler Brooks\nGrowth @ ConvoBot\nconvobot.example | Grab a "
             "time: https://calendly.example/tyler-convobot\n\nNot interested? Just let me know and I won't "
             "follow up.\n",
     "label": pitch("ai chatbot, lemlist sequence step 1, tracking pixel")},
    {"name": "podcast-guest-fee-en", "lang": "en", "d": "11-03 16:47",
     "frm": ("Priya Nair", "priya@scaleupvoices.example"),
     "subject": "Guest invite: The Scale-Up Voices podcast",
     "text": "Hi Anna,\n\nI'm the booking producer for The Scale-Up Voices, a weekly show for founders and "
             "operators (top 2% on Listen Notes, 40k monthly downloads).\n\nOur host came across your work on "
             "process design and we think your story would resonate with our audience. We're booking guests "
             "for January and February.\n\nQuick heads-up so there are no surprises: as an independent show we "
             "ask guests for a one-time production contribution of USD 490, which covers editing, a promo video "
             "and three audiograms for your socials.\n\nIf you're up for it, reply \"interested\" and I'll send "
             "the booking link.\n\nWarmly,\nPriya Nair\nGuest Relations, Scale-Up Voices Media\n",
     "label": pitch("pay-to-play podcast guest spot")},
    {"name": "customer-workshop-rates-en", "lang": "en", "d": "11-04 11:26",
     "frm": ("Olivia Grant", "olivia.grant@harbourfoods.example"),
     "subject": "Process mapping workshop in January - availability and rates?",
     "text": "Dear Anna,\n\nI saw your talk at the Supply Chain Days in Aarhus last spring and have kept your "
             "card ever since. We're a mid-sized food distributor (about 180 staff, sites in Hull and Esbjerg) "
             "and we're about to replace our order-to-cash system.\n\nBefore we do, we'd like an outside "
             "facilitator to map the current process with the people who actually run it. Would you be "
             "available for a two-day workshop in Esbjerg in the second half of January? And could you give "
             "me an idea of your day rate and what preparation you'd need from us?\n\nKind regards,\n\n"
             "Olivia Grant\nHead of Operations\nHarbour Foods Ltd\nTel. +44 1482 496 031\n",
     "label": wanted("customer asking for availability and rates, new sender")},
    {"name": "lead-list-apollo-en", "lang": "en", "d": "11-05 08:03",
     "frm": ("Derek Shaw", "derek@b2bleadsource.example"), "rp": "<bnc-4d1f7ac2e9@mailer.apollomail.example>", "helo_domain": "out-3.mailer.apollomail.example",
     "subject": "3,214 verified Nordic ops leaders", "pixel": "ap-4d1f7ac2e9", "xmailer": "Apollo.io",
     "text": "Hey Anna,\n\nSaw you work with logistics and manufacturing companies in Scandinavia so I pulled "
             "a quick sample.\n\nWe have 3,214 verified COOs, Heads of Operations and Supply Chain directors "
             "in DK, SE and NO - direct emails, mobile numbers, company size and tech stack. 97% deliverability "
             "guarentee or your money back.\n\nFull list is $1,190, or I can cut it down to just Denmark for "
             "$490. Want me to send 25 free sample contacts so you can see the quality?\n\nThanks,\nDerek\n\n"
             "Derek Shaw | B2B Lead Source\n",
     "label": pitch("lead list, Apollo, bounce Return-Path at the tool, tracking pixel")},
    {"name": "linkedin-15-minutes-hubspot-en", "lang": "en", "d": "11-06 14:31",
     "frm": ("Chloe Bennett", "chloe.bennett@linkedgrowth.example"),
     "subject": "15 minutes next week?", "xmailer": "HubSpot Sales",
     "extra": [("X-HubSpot-Sequence", "seq-88213-step-1")],
     "text": "Hi Anna,\n\nQuick one: my team ghostwrites LinkedIn posts for independent consultants. You "
             "record a 20-minute voice memo once a month, we turn it into 12 posts in your voice and schedule "
             "them.\n\nOur clients average 4x profile views and 2-3 inbound leads a month within 60 days.\n\n"
             "Worth 15 minutes next Tuesday or Thursday to see if it's a fit?\n\nChloe\n\nChloe Bennett | "
             "Founder, LinkedGrowth\n",
     "html": "<html><head></head><body><div style=\"font-family:Helvetica,Arial,sans-serif;font-size:14px\">"
             "<p>Hi Anna,</p>\n<p>Quick one: my team ghostwrites LinkedIn posts for independent consultants. You "
             "record a 20-minute voice memo once a month, we turn it into 12 posts in your voice and schedule "
             "them.</p>\n<p>Our clients average <b>4x profile views</b> and 2-3 inbound leads a month within 60 "
             "days.</p>\n<p>Worth <a href=\"https://t.tracker.example/hs/c/8821?u=https%3A%2F%2Fcalendly.example"
             "%2Fchloe-lg%2F15min\">15 minutes</a> next Tuesday or Thursday to see if it's a fit?</p>\n"
             "<p>Chloe</p>\n<p style=\"color:#777\">Chloe Bennett | Founder, LinkedGrowth</p></div>\n"
             "<img src=\"https://t.tracker.example/hs/o/8821-a1f0\" width=\"1\" height=\"1\" alt=\"\" "
             "style=\"display:none!important\"></body></html>\n",
     "label": pitch("linkedin growth, '15 minutes', HubSpot sequence with tracking link and pixel")},
    {"name": "conference-organiser-reply-en", "lang": "en", "d": "11-06 17:55",
     "frm": ("Rachel Dunmore", "rachel.dunmore@opsforum.example"),
     "subject": "Re: Speaker slot at Ops Forum Leeds - AV question", "irt": S["opsforum-av"],
     "text": "Hi Anna,\n\nGood questions! Yes, there's a clicker and HDMI at the lectern, but bring your USB-C "
             "adapter just in case - the last speaker's didn't work. Chairs are movable and the room seats 60, "
             "so sticky notes are fine. I'll ask the venue to put two flip charts at the back.\n\nSee you on "
             "the 26th,\nRachel\n\nRachel Dunmore | Programme Lead, Ops Forum\n\nOn Tue, 20 Oct 2026 at 09:41, "
             "Anna Holm <anna@holm.example> wrote:\n> Hi Rachel,\n>\n> Thanks again for the invitation to speak "
             "on 26 November. Two quick questions before\n> I finalise the session:\n> ...\n",
     "label": wanted("conference organiser answering Anna's question, her thread", "known_correspondent")},
    {"name": "crypto-yield-forged-en", "lang": "en", "d": "11-07 21:14",
     "frm": ("Marcus Hale", "m.hale@sterlingcapital-partners.example"), "auth": "fail", "html_only": True,
     "subject": "Private allocation: 18% fixed annual yield (limited places)",
     "html": "<html><body style=\"font-family:Georgia,serif\">\n<p>Dear Anna Holm,</p>\n<p>As a business owner "
             "in Denmark you have been pre-selected for a <b>private allocation</b> in our tokenised green "
             "energy fund. The fund pays a <b>fixed 18% annual yield</b>, paid out monthly in EUR or USDT, "
             "fully insured and regulated.</p>\n<p>Only 40 places remain for the Q4 round. Minimum "
             "participation is EUR 5,000.</p>\n<p><a href=\"https://sterling-secure-allocations.example/r/"
             "AH77\">Reserve your allocation now</a></p>\n<p>Yours sincerely,<br>Marcus Hale<br>Senior Wealth "
             "Partner, Sterling Capital Partners</p>\n<img src=\"https://t.tracker.example/o/sc-77\" width=\"1\" "
             "height=\"1\"></body></html>\n",
     "label": pitch("crypto/investment offer, DMARC fail (forged)", "authentication")},
    {"name": "newsletter-process-notes-en", "lang": "en", "d": "11-08 07:00",
     "frm": ("Process Notes", "hello@processnotes.example"), "rp": "<bounce-mc.8812.af31@mail.processnotes.example>",
     "subject": "Process Notes #112: the handover nobody owns", "pixel": "pn-112-ah",
     "extra": newsletter_headers("Process Notes <weekly.processnotes.example>",
                                 "unsubscribe-af31@mail.processnotes.example",
                                 "https://processnotes.example/unsubscribe/af31", "112:weekly:processnotes"),
     "text": "Process Notes #112\n\nThe handover nobody owns\n\nThis week: why the gap between sales and "
             "delivery eats more margin than any single team, a template for a one-page handover, and three "
             "reader questions about swimlane diagrams.\n\nRead online: https://processnotes.example/112\n\n"
             "You're receiving this because you subscribed at processnotes.example.\nUnsubscribe: "
             "https://processnotes.example/unsubscribe/af31\n",
     "label": wanted("newsletter Anna subscribed to, List-Unsubscribe", "mailing_list")},
    {"name": "offshore-devs-gmail-en", "lang": "en", "d": "11-01 05:52",
     "frm": ("Rahul Verma", "rahul.verma.dev@gmail.example"),
     "subject": "Dedicated developers from $18/hr",
     "text": "Hello Anna,\n\nHope you are doing well.\n\nI am Rahul, Business Devlopment Manager at a software "
             "company in Pune with 120+ engineers. We are providing dedicated developers for web, mobile, "
             "AI/ML and automation on monthly basis starting from $18/hr.\n\nWe have worked with clients in "
             "Denmark, Sweden and Germany. Kindly let me know if you have any requirement, I will share our "
             "portfolio and case studies.\n\nLooking forward for your positive reply.\n\nThanks & Regards\n"
             "Rahul Verma\nSkype: rahul.verma.bd\n",
     "label": pitch("offshore dev outsourcing, plain Gmail, typos")},
    {"name": "ai-chatbot-bump-en", "lang": "en", "d": "11-09 10:07",
     "frm": ("Tyler Brooks", "tyler@convobot.example"), "mid": E1R1_MID, "irt": E1_MID,
     "subject": "Re: Anna, quick idea for holm.example", "pixel": "lm-7f31c2a9e0-2", "xmailer": "lemlist",
     "text": "Hi Anna,\n\nJust floating this back to the top of your inbox in case it got buried. I went ahead "
             "and built a demo bot on your website content anyway - want me to send you the link?\n\nTyler\n\n"
             "On Mon, 2 Nov 2026 at 10:12, Tyler Brooks <tyler@convobot.example> wrote:\n> Hi Anna,\n>\n> I was "
             "looking at holm.example and noticed there's no way for visitors to get an\n> answer outside office "
             "hours.\n> ...\n",
     "label": pitch("ai chatbot, same sender again after the refusal (step 2, quotes step 1)", repeat=1)},
    {"name": "bounce-user-unknown-en", "lang": "en", "d": "11-09 16:41", "tz": "Europe/Copenhagen",
     "frm": ("Mail Delivery System", "MAILER-DAEMON@mx.nordrup-konsult.example"), "rp": "<>",
     "mid": "<20261109154137.B7C1E2A0@mx.nordrup-konsult.example>",
     "auth": "mx.holm.example;\n\tspf=pass (mx.holm.example: domain of mx.nordrup-konsult.example designates "
             "{ip} as permitted sender) smtp.helo=mx.nordrup-konsult.example;\n\tdkim=none;\n\tdmarc=none "
             "header.from=mx.nordrup-konsult.example",
     "to": "anna@holm.example", "subject": "Undelivered Mail Returned to Sender",
     "extra": [("Auto-Submitted", "auto-replied")],
     "raw_body": "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n"
                 "\tboundary=\"B7C1E2A0.1794238897/mx.nordrup-konsult.example\"\n\n"
                 "This is a MIME-encapsulated message.\n\n"
                 "--B7C1E2A0.1794238897/mx.nordrup-konsult.example\nContent-Description: Notification\n"
                 "Content-Type: text/plain; charset=us-ascii\n\n"
                 "This is the mail system at host mx.nordrup-konsult.example.\n\n"
                 "I'm sorry to have to inform you that your message could not\n"
                 "be delivered to one or more recipients. It's attached below.\n\n"
                 "For further assistance, please send mail to postmaster.\n\n"
                 "If you do so, please include this problem report. You can\n"
                 "delete your own text from the attached returned message.\n\n"
                 "                   The mail system\n\n"
                 "<mikel@nordrup-konsult.example>: unknown user: \"mikel\"\n\n"
                 "--B7C1E2A0.1794238897/mx.nordrup-konsult.example\nContent-Description: Delivery report\n"
                 "Content-Type: message/delivery-status\n\n"
                 "Reporting-MTA: dns; mx.nordrup-konsult.example\nX-Postfix-Queue-ID: B7C1E2A0\n"
                 "X-Postfix-Sender: rfc822; anna@holm.example\n"
                 "Arrival-Date: Mon,  9 Nov 2026 16:41:31 +0100 (CET)\n\n"
                 "Final-Recipient: rfc822; mikel@nordrup-konsult.example\n"
                 "Original-Recipient: rfc822;mikel@nordrup-konsult.example\nAction: failed\nStatus: 5.1.1\n"
                 "Diagnostic-Code: X-Postfix; unknown user: \"mikel\"\n\n"
                 "--B7C1E2A0.1794238897/mx.nordrup-konsult.example\nContent-Description: Undelivered Message "
                 "Headers\nContent-Type: text/rfc822-headers\n\n"
                 "Return-Path: <anna@holm.example>\nFrom: Anna Holm <anna@holm.example>\n"
                 "To: mikel@nordrup-konsult.example\nSubject: Slides fra i =?utf-8?q?g=C3=A5r?=\n"
                 "Date: Mon, 09 Nov 2026 16:40:00 +0100\n"
                 "Message-ID: <0a9e3d52-7b1c-4f86-9e2d-4c8a1b6f3e97@holm.example>\n\n"
                 "--B7C1E2A0.1794238897/mx.nordrup-konsult.example--\n",
     "label": wanted("bounce of Anna's mail to a mistyped address (multipart/report, null sender)",
                     "return_path")},
    {"name": "github-mention-en", "lang": "en", "d": "11-11 19:22",
     "frm": ("Jonas Ek", "notifications@github.example"), "rp": "<noreply@github.example>",
     "mid": "<holm/process-templates/pull/14/c2291837@github.example>",
     "to": "holm/process-templates <process-templates@noreply.github.example>",
     "cc": "Anna Holm <anna.holm@holm.example>, Mention <mention@noreply.github.example>",
     "subject": "Re: [holm/process-templates] Add Danish translation of the SIPOC template (PR #14)",
     "extra": [("List-ID", "holm/process-templates <process-templates.holm.github.example>"),
               ("List-Archive", "https://github.example/holm/process-templates"),
               ("List-Post", "<mailto:reply+AAXK2Q7@reply.github.example>"),
               ("List-Unsubscribe", "<mailto:unsub+AAXK2Q7@reply.github.example>, "
                                    "<https://github.example/notifications/unsubscribe/AAXK2Q7>"),
               ("Precedence", "list"), ("X-GitHub-Sender", "jonasek"), ("X-GitHub-Recipient", "annaholm"),
               ("X-GitHub-Reason", "mention")],
     "text": "@annaholm I fixed the two typos in the column headers and moved the example to its own sheet. "
             "Could you take another look before I merge?\n\n-- \nReply to this email directly, view it on "
             "GitHub:\nhttps://github.example/holm/process-templates/pull/14#issuecomment-2291837\nYou are "
             "receiving this because you were mentioned.\n",
     "label": wanted("GitHub notification (List-ID, Precedence: list, noreply)", "mailing_list")},
    {"name": "ai-chatbot-breakup-en", "lang": "en", "d": "11-17 09:58",
     "frm": ("Tyler Brooks", "tyler@convobot.example"), "irt": E1R1_MID, "refs": E1_MID + " " + E1R1_MID,
     "subject": "Re: Anna, quick idea for holm.example", "pixel": "lm-7f31c2a9e0-3", "xmailer": "lemlist",
     "text": "Hi Anna,\n\nI haven't heard back, so I'll assume AI support isn't a priority right now - "
             "totally fine!\n\nBefore I close your file: is there someone else at Holm I should talk to "
             "instead? If not, this is the last you'll hear from me.\n\nAll the best,\nTyler\n",
     "label": pitch("ai chatbot, third message ('closing the loop')", "already_answered", repeat=2)},

    # ======================================= da ============================================
    {"name": "seo-forside-google-da", "lang": "da", "d": "11-02 08:34", "charset": "iso-8859-1",
     "frm": ("Mathias Kjær", "mathias@toprank-digital.example"),
     "subject": "Din hjemmeside kan ikke findes på Google",
     "text": "Hej Anna\n\nJeg har kigget lidt på holm.example, og du ligger ikke på første side, når man søger "
             "på \"proceskonsulent København\". Det er ærgerligt, for det er præcis dér, dine kunder leder.\n\n"
             "Vi har hjulpet over 140 danske virksomheder med SEO, og vi kan typisk flytte jer ind i top 3 "
             "inden for 90 dage - ellers betaler I ikke.\n\nJeg har allerede lavet en gratis analyse af din "
             "side. Skal jeg sende den over?\n\nVenlig hilsen\nMathias Kjær\nSenior SEO-rådgiver\nTopRank "
             "Digital ApS · Tlf. 71 99 00 12\n",
     "label": pitch("seo pitch, latin-1")},
    {"name": "accountant-reply-da", "lang": "da", "d": "11-02 15:10",
     "frm": ("Henrik Lund", "henrik@lundregnskab.example"),
     "subject": "SV: Bilag for oktober + spørgsmål om moms", "irt": S["lund-bilag"],
     "text": "Hej Anna\n\nTak, bilagene er modtaget, og de ser fine ud.\n\nAngående workshoppen: ydelsen blev "
             "leveret i Danmark, så den er ikke omfattet af reglerne om omvendt betalingspligt - det er "
             "et kursus/arrangement med fysisk fremmøde. Du skal altså lægge dansk moms på. Send mig fakturaen, "
             "så kigger jeg på den, inden du sender en kreditnota.\n\nMomsindberetningen for 3. kvartal er "
             "godkendt og betalt.\n\nVenlig hilsen\nHenrik Lund\nRegistreret revisor\nLund Regnskab ApS\n\n"
             "Fra: Anna Holm <anna@holm.example>\nSendt: 29. oktober 2026 13:15\nTil: Henrik Lund\nEmne: "
             "Bilag for oktober + spørgsmål om moms\n\nHej Henrik\n\nHermed bilag for oktober ...\n",
     "label": wanted("accountant answering in Anna's thread", "known_correspondent")},
    {"name": "accounting-app-hubspot-da", "lang": "da", "d": "11-03 09:02",
     "frm": ("Sofie Dahl", "sofie.dahl@kontoklar.example"), "rp": "<bounce+7a1c@bnc.hubspotemail.example>", "helo_domain": "o11.bnc.hubspotemail.example",
     "subject": "Bruger du stadig for meget tid på bogføring, Anna?", "pixel": "hs-kontoklar-7a1c",
     "xmailer": "HubSpot",
     "text": "Hej Anna\n\nSom selvstændig ved du, hvor meget tid der forsvinder i bilag, moms og fakturaer. Med "
             "Kontoklar klarer du det hele fra mobilen: vi læser dine kvitteringer automatisk og gør "
             "momsindberetningen klar til Skattestyrelsen med ét klik.\n\nLige nu får nye kunder de første "
             "3 måneder gratis, hvis de opretter sig inden 30. november.\n\nHar du 15 minutter i næste uge til "
             "en hurtig gennemgang? Du kan booke en tid direkte her: https://calendly.example/sofie-kontoklar\n\n"
             "Bedste hilsner\nSofie Dahl\nKundechef · Kontoklar\n",
     "label": pitch("accounting software, HubSpot, tracking pixel")},
    {"name": "video-production-da", "lang": "da", "d": "11-04 09:21", "mid": D4_MID,
     "frm": ("Frederik Bach", "frederik@billedbach.example"),
     "subject": "Video til din LinkedIn og hjemmeside?",
     "text": "Hej Anna\n\nJeg er videograf og driver Billed Bach, et lille produktionsselskab i Valby. Jeg faldt "
             "over din profil på LinkedIn og tænkte, at en kort præsentationsvideo på 60-90 sekunder ville gøre "
             "underværker for din synlighed.\n\nVi har en fast pakke til selvstændige: en halv dags optagelse, "
             "klipning, undertekster og tre korte klip til sociale medier - 8.995 kr. ekskl. moms.\n\nSkal vi "
             "tage en kop kaffe og snakke om det?\n\nMvh\nFrederik Bach\nBilled Bach ApS · 22 41 87 30\n",
     "label": pitch("video production")},
    {"name": "newspaper-comment-da", "lang": "da", "d": "11-05 12:44",
     "frm": ("Louise Friis", "lf@amagerbladet.example"),
     "subject": "Kort kommentar til artikel om freelancere og AI?",
     "text": "Kære Anna Holm\n\nJeg er journalist på Amagerbladet og skriver til næste uges avis om, hvordan "
             "selvstændige konsulenter på Amager bruger - eller ikke bruger - AI i hverdagen. Din kollega "
             "Søren fra netværket på Islands Brygge nævnte, at du har holdt oplæg om netop det.\n\nHar du tid "
             "til en kort telefonsamtale (10-15 min.) torsdag eller fredag? Jeg skal bruge et par citater og "
             "gerne et billede, men det kan vi tage bagefter.\n\nDeadline er mandag kl. 12.\n\nVenlig hilsen\n"
             "Louise Friis\nJournalist, Amagerbladet\nTlf. 32 51 09 80\n",
     "label": wanted("local newspaper asking for a comment, new sender")},
    {"name": "office-supplies-spf-da", "lang": "da", "d": "11-06 10:15", "auth": "spf",
     "frm": ("Jannik Holt", "jannik@kontorkompagniet.example"),
     "subject": "Gratis levering af kontorartikler til Holm Procesrådgivning",
     "text": "Hej Anna,\n\nvi er et lille familiefirma, der leverer kaffe, papir, blæk og "
             "rengøringsartikler til virksomheder i hele Storkøbenhavn - fri fragt ved køb over 500 kr. og "
             "levering dagen efter.\n\nSom ny kunde får du 20 % på din første ordre med koden HOLM20.\n\nMå jeg "
             "sende dig vores katalog, eller skal jeg ringe dig op en dag i næste uge?\n\nMvh.\nJannik Holt\n"
             "Kontorkompagniet I/S\n",
     "label": pitch("office supplies, SPF pass aligned without DKIM")},
    {"name": "neighbour-hedge-da", "lang": "da", "d": "11-07 13:38",
     "frm": ("Per Vestergaard", "per.vestergaard@gmail.example"),
     "subject": "Hækken",
     "text": "Hej Anna\n\nDet er Per fra nr. 14 - fik din mail af Birthe. Jeg har lejet en hækkeklipper "
             "til på lørdag og tænkte om jeg skulle tage jeres side af hækken med, nu jeg alligevel er igang? "
             "Så kan vi dele lejen, det er 450 kr for dagen.\n\nOg så har vi stadigvæk jeres stige stående i "
             "carporten, den kommer tilbage snart :)\n\nHilsen Per\n\nSendt fra min iPhone\n",
     "label": wanted("neighbour, new address, chatty with typos")},
    {"name": "bank-notice-noreply-da", "lang": "da", "d": "11-10 06:30",
     "frm": ("Andelsbanken Øst", "noreply@andelsbanken.example"),
     "subject": "Du har en ny besked i Netbank",
     "text": "Kære Anna Holm\n\nDu har modtaget en ny besked i Netbank om din erhvervskonto.\n\nLog på Netbank "
             "eller appen for at læse beskeden. Vi sender aldrig links til at logge på i vores e-mails.\n\n"
             "Denne e-mail kan ikke besvares.\n\nVenlig hilsen\nAndelsbanken Øst\n",
     "label": wanted("bank notice from noreply@", "system_sender")},
    {"name": "car-leasing-da", "lang": "da", "d": "11-10 11:52",
     "frm": ("Camilla Winther", "cw@erhvervsleasing-nord.example"),
     "subject": "Elbil på firmaet fra 2.995 kr./md. - også til enkeltmandsvirksomheder",
     "pixel": "eln-cw-2211",
     "text": "Hej Anna\n\nVidste du, at du som selvstændig kan lease en elbil gennem virksomheden og kun blive "
             "beskattet af en brøkdel af bilens værdi?\n\nVi har lige nu 12 demobiler (bl.a. Skoda Elroq og "
             "Kia EV3) til en fast månedlig ydelse fra 2.995 kr. ekskl. moms - inkl. service, dæk og "
             "vejhjælp. Ingen udbetaling.\n\nSkal jeg lave et uforpligtende regnestykke for dig? Det tager 5 "
             "minutter i telefonen.\n\nMvh. Camilla\n\nCamilla Winther · Erhvervsrådgiver\nErhvervsleasing Nord\n",
     "label": pitch("car leasing, tracking pixel")},
    {"name": "video-production-followup-da", "lang": "da", "d": "11-12 08:49", "irt": D4_MID,
     "frm": ("Frederik Bach", "frederik@billedbach.example"),
     "subject": "Re: Video til din LinkedIn og hjemmeside?",
     "text": "Hej igen Anna\n\nJeg har et par ledige optagedage i starten af december, og vi har sat prisen ned "
             "til 6.995 kr. for de første tre, der booker. Skulle det være noget alligevel?\n\nMvh Frederik\n\n"
             "Den ons. 4. nov. 2026 kl. 09.21 skrev Frederik Bach <frederik@billedbach.example>:\n> Hej Anna\n"
             ">\n> Jeg er videograf og driver Billed Bach, et lille produktionsselskab i Valby.\n> ...\n",
     "label": pitch("video production, same sender again after the refusal", repeat=1)},
    {"name": "kindergarten-parents-da", "lang": "da", "d": "11-13 15:26",
     "frm": ("Bente Krog", "bente@bornehuset-solsikken.example"),
     "to": "Forældre Sommerfuglestuen <foraeldre-sommerfugle@bornehuset-solsikken.example>",
     "subject": "Lanternefest fredag og husk skiftetøj",
     "text": "Kære forældre på Sommerfuglestuen\n\nPå fredag holder vi lanternefest kl. 16.00 i haven. Børnene "
             "har lavet lanterner hele ugen, og vi byder på varm kakao og boller. Søskende og bedsteforældre er "
             "meget velkomne.\n\nHusk også at tjekke jeres barns kurv: mange mangler skiftetøj og regntøj, "
             "nu hvor det er blevet koldt.\n\nKærlig hilsen\nBente og resten af personalet på Sommerfuglestuen\n"
             "Børnehuset Solsikken\n",
     "label": wanted("kindergarten message to the parents' alias, Anna not in To/Cc", "recipient")},
    {"name": "staffing-freelancers-da", "lang": "da", "d": "11-16 13:05",
     "frm": ("Nikolaj Brandt", "nb@talentbro.example"),
     "subject": "Mangler du hænder i travle perioder?",
     "text": "Hej Anna!\n\nSom soloselvstændig kender du sikkert det: tre kunder vil have dig i samme uge, og så "
             "er der ingen at sende.\n\nHos TalentBro har vi 600+ erfarne konsulenter og projektledere, som kan "
             "træde til med kort varsel - som underleverandører under dit navn. Du betaler kun for de timer, "
             "de arbejder, og vi klarer kontrakter og forsikring.\n\nSkal jeg sende dig tre relevante profiler "
             "til inspiration? Helt uforpligtende selvfølgelig.\n\nBedste hilsner\nNikolaj Brandt\nPartner, "
             "TalentBro ApS\n",
     "label": pitch("staffing / subcontractor pool")},

    # ======================================= sv ============================================
    {"name": "webshop-platform-sv", "lang": "sv", "d": "11-02 13:27",
     "frm": ("Elin Nyström", "elin@handlaplattform.example"),
     "subject": "Sälj dina workshops online - 60 dagar gratis",
     "text": "Hej Anna!\n\nJag såg att du håller workshops och kurser - har du funderat på att sälja dem "
             "direkt via en egen webbshop? Med Handla kan du ta betalt med kort, Swish och faktura, skicka "
             "kursmaterial automatiskt och ha koll på alla deltagare på ett ställe.\n\nJust nu bjuder vi på 60 "
             "dagars gratis testperiod och hjälp med hela uppsättningen.\n\nFår jag boka in en kort demo? 20 "
             "minuter räcker gott.\n\nVänliga hälsningar\nElin Nyström\nSäljare, Handla AB\n",
     "label": pitch("web shop / e-commerce platform")},
    {"name": "former-client-recommended-sv", "lang": "sv", "d": "11-03 10:51",
     "frm": ("Oskar Lindqvist", "oskar@lindqvist-el.example"),
     "subject": "Tips från Lena Sjöberg - hjälp med våra processer?",
     "text": "Hej Anna,\n\nLena Sjöberg på Västkust Logistik tipsade om dig när jag klagade på hur rörigt vi har "
             "det mellan offert, beställning och montage. Hon var väldigt nöjd med ert arbete på lagret i "
             "Göteborg.\n\nVi är ett elinstallationsföretag med 35 anställda i Kungsbacka. Skulle du kunna "
             "tänka dig ett uppdrag hos oss under våren? I så fall vore det bra att höra vad en första "
             "genomgång skulle kosta och hur den brukar gå till.\n\nMed vänlig hälsning\nOskar Lindqvist\nVD, "
             "Lindqvist El AB\n070-318 44 92\n",
     "label": wanted("new sender recommended by a former client, asks for a price")},
    {"name": "ai-assistant-sv", "lang": "sv", "d": "11-04 14:18",
     "frm": ("Viktor Holmberg", "viktor@svarai.example"),
     "subject": "AI-assistent som svarar dina kunder dygnet runt", "pixel": "svarai-vh-3310",
     "text": "Hej Anna,\n\nVisste du att 4 av 10 besökare lämnar en hemsida om de inte får svar direkt?\n\nSvarAI "
             "är en svensk AI-chattbot som lär sig allt om dina tjänster på tio minuter och svarar dina "
             "kunder på svenska, danska och engelska - dygnet runt. Den bokar dessutom möten direkt i din "
             "kalender.\n\nVi har ett introduktionserbjudande för konsulter: 299 kr/mån de första sex "
             "månaderna.\n\nVill du se en kort demo? Svara bara \"ja\" så skickar jag en länk.\n\nMvh\nViktor "
             "Holmberg\nSvarAI\n",
     "label": pitch("ai chatbot, tracking pixel")},
    {"name": "out-of-office-sv", "lang": "sv", "d": "11-05 14:03",
     "frm": ("Karin Ek", "karin.ek@malmo-bygg.example"),
     "subject": "Automatiskt svar: Opfølgning på workshoppen", "irt": S["karin-opfolgning"],
     "extra": [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
     "text": "Hej!\n\nJag är på semester till och med måndag 16 november och läser inte min e-post. Vid "
             "brådskande ärenden, kontakta min kollega Jonas Persson, jonas.persson@malmo-bygg.example, "
             "tel. 040-611 20 35.\n\nVänliga hälsningar\nKarin Ek\n",
     "label": wanted("out-of-office reply to Anna's mail", "auto_submitted")},
    {"name": "print-shop-latin1-sv", "lang": "sv", "d": "11-06 08:27", "charset": "iso-8859-1",
     "frm": ("Maria Persson", "maria@tryckerietlund.example"),
     "subject": "Visitkort, roll-ups och broschyrer - 25 % rabatt i november",
     "text": "Hej!\n\nBehöver du nya visitkort inför julmingel och mässor? På Tryckeriet i Lund trycker vi allt "
             "från visitkort och foldrar till roll-ups och skyltar - snabbt, miljömärkt och till schysta "
             "priser.\n\nHela november får nya företagskunder 25 % rabatt på första beställningen. Fri frakt "
             "inom Sverige och Danmark.\n\nSvara på mejlet så skickar jag en prislista!\n\nMed vänliga "
             "hälsningar\nMaria Persson\nTryckeriet i Lund AB\n",
     "label": pitch("printing, latin-1")},
    {"name": "summit-sponsor-bcc-sv", "lang": "sv", "d": "11-08 19:40",
     "frm": ("Johan Berg", "johan.berg@nordicleadersummit.example"), "to": "undisclosed-recipients:;",
     "subject": "Bli partner på Nordic Leaders Summit 2027",
     "text": "Hej,\n\nDen 14-15 april 2027 samlas 1 200 beslutsfattare från hela Norden på Nordic Leaders Summit "
             "i Stockholm. Vi söker nu ett begränsat antal partners.\n\nSom partner får du en monter i "
             "utställningshallen, två konferensbiljetter och synlighet i all vår kommunikation. Paketen "
             "börjar på 39 000 kr. Vill du bara gå själv? Early bird-biljetter kostar 4 900 kr till och med "
             "30 november.\n\nBoka ett kort samtal med mig här: https://calendly.example/johan-nls\n\n"
             "Hälsningar\nJohan Berg\nPartnerships, Nordic Leaders Summit\n",
     "label": pitch("conference sponsorship and tickets, Anna only in Bcc", "recipient")},
    {"name": "customer-price-request-sv", "lang": "sv", "d": "11-10 09:36",
     "frm": ("Johanna Lindberg", "johanna.lindberg@gavlebostader.example"),
     "subject": "Förfrågan: workshop om processkartläggning i februari",
     "text": "Hej Anna!\n\nJag jobbar som kvalitetschef på Gävle Bostäder och vi planerar en tvådagars "
             "workshop för vår förvaltningsavdelning i februari, där vi vill kartlägga felanmälningsprocessen "
             "från början till slut.\n\nHar du möjlighet att ta dig an ett sådant uppdrag? Jag skulle gärna "
             "få en offert med ditt dagsarvode och en ungefärlig uppskattning av förberedelsetiden. Vi är "
             "ungefär 15 deltagare.\n\nTack på förhand!\n\nJohanna Lindberg\nKvalitetschef, Gävle Bostäder AB\n",
     "label": wanted("customer asking for a quote, new sender")},
    {"name": "lead-data-sv", "lang": "sv", "d": "11-11 07:48",
     "frm": ("Andreas Lund", "andreas@prospektdata.example"),
     "subject": "Fråga om er försäljning",
     "text": "Hej Anna,\n\nkort fråga: hur hittar ni nya kunder idag?\n\nVi på Prospektdata har en "
             "uppdaterad databas med över 12 000 beslutsfattare i Sverige, Danmark och Norge - med namn, "
             "titel, direktnummer och mejladress. Du kan filtrera på bransch, storlek och region och ladda "
             "ner listan direkt till ditt CRM.\n\nJag bjuder gärna på 50 gratis kontakter inom logistik så att "
             "du kan testa. Ska jag skicka över dem?\n\n/Andreas\n\nAndreas Lund | Prospektdata Norden AB\n",
     "label": pitch("lead lists")},
    {"name": "newsletter-sv", "lang": "sv", "d": "11-12 06:15",
     "frm": ("Lean-nätverket Syd", "nyhetsbrev@leannatverket.example"),
     "rp": "<bounce.4419.ah@nyhetsbrev.leannatverket.example>",
     "subject": "Nyhetsbrev november: studiebesök hos Alfa Pack och årsmöte", "pixel": "lns-nov-4419",
     "extra": newsletter_headers("Nyhetsbrev <nyhetsbrev.leannatverket.example>",
                                 "avregistrera-4419@nyhetsbrev.leannatverket.example",
                                 "https://leannatverket.example/avregistrera/4419"),
     "text": "Hej medlem!\n\nI novembers nyhetsbrev: studiebesök hos Alfa Pack i Helsingborg den 3 december, "
             "kallelse till årsmötet och en ny kurs i värdeflödesanalys.\n\nLäs hela brevet på webben: "
             "https://leannatverket.example/nyhetsbrev/2026-11\n\nDu får det här mejlet eftersom du är medlem "
             "i Lean-nätverket Syd. Avregistrera dig: https://leannatverket.example/avregistrera/4419\n",
     "label": wanted("newsletter of a network Anna is a member of", "mailing_list")},
    {"name": "virtual-assistant-sv", "lang": "sv", "d": "11-18 10:22",
     "frm": ("Sara Wikström", "sara.wikstrom@assistentpoolen.example"),
     "subject": "Slipp administrationen - din egen assistent från 15 timmar/mån",
     "text": "Hej Anna,\n\nhoppas veckan har börjat bra!\n\nJag hör av mig eftersom många konsulter vi pratar med "
             "lägger en hel dag i veckan på fakturering, mejl och kalenderpussel. Hos Assistentpoolen får du "
             "en egen virtuell assistent som tar hand om det - från 15 timmar i månaden, utan bindningstid.\n\n"
             "Har du 15 minuter nästa vecka för ett kort samtal? Jag anpassar mig efter din kalender.\n\n"
             "Allt gott,\nSara Wikström\nAssistentpoolen\n",
     "label": pitch("outsourced virtual assistant, '15 minutes'")},

    # ======================================= nb ============================================
    {"name": "seo-question-nb", "lang": "nb", "d": "11-02 11:48",
     "frm": ("Henrik Aas", "henrik@toppsok.example"),
     "subject": "Kort spørsmål om nettsiden din",
     "text": "Hei Anna!\n\nJeg tok en rask titt på nettsiden din og ser at den laster tregt på mobil og mangler "
             "metabeskrivelser på de fleste undersidene. Det gjør at Google nedprioriterer deg.\n\nVi i Toppsøk "
             "har hjulpet over 200 små bedrifter i Norden med å komme høyere opp i søkeresultatene. Jeg har "
             "laget en gratis SEO-rapport for holm.example - vil du ha den tilsendt?\n\nMvh\nHenrik Aas\n"
             "Rådgiver, Toppsøk AS\n",
     "label": pitch("seo pitch")},
    {"name": "supplier-order-confirmation-nb", "lang": "nb", "d": "11-03 08:12",
     "frm": ("Kontorhuset Bergen", "ordre@kontorhuset.example"),
     "subject": "SV: Bestilling: flipoverblokke og tusser til levering i Bergen",
     "irt": S["kontorhuset-bestilling"],
     "text": "Hei Anna,\n\ntakk for bestillingen! Vi bekrefter ordre 58213:\n\n- 6 stk. flipoverblokk, blank "
             "(40112)\n- 4 pk. whiteboardmarkører, 4 farger (51830)\n- 10 stk. Post-it 76x127, gul\n\nVarene "
             "sendes onsdag og leveres til Bergen Havn, att. Ole Martin Dahl, innen torsdag 12. november. "
             "Faktura kommer på e-post med 14 dagers betalingsfrist.\n\nMed vennlig hilsen\nTrine Halvorsen\n"
             "Kundeservice, Kontorhuset Bergen AS\n",
     "label": wanted("supplier confirming the order Anna placed, her thread", "known_correspondent")},
    {"name": "translation-agency-nb", "lang": "nb", "d": "11-04 16:09",
     "frm": ("Ingrid Solheim", "ingrid@ordbro.example"), "to": "anna.holm@holm.example",
     "subject": "Oversettelse av kursmateriell - 20 % rabatt på første oppdrag",
     "text": "Hei,\n\nJobber du med kunder i flere land? Ordbro er et oversettelsesbyrå med over 300 "
             "fagoversettere, og vi oversetter alt fra kursmateriell og presentasjoner til kontrakter - "
             "mellom alle nordiske språk, engelsk og tysk.\n\nNye kunder får 20 % rabatt på første oppdrag, og "
             "vi leverer som regel innen 48 timer.\n\nSkal jeg sende deg prisliste og noen referanser?\n\n"
             "Vennlig hilsen\nIngrid Solheim\nKundeansvarlig, Ordbro AS\n",
     "label": pitch("translation agency, to Anna's second address")},
    {"name": "accounting-system-nb", "lang": "nb", "d": "11-05 09:57",
     "frm": ("Eirik Strand", "eirik@regnskapsklar.example"),
     "subject": "Bruker du fortsatt regneark til regnskapet?", "pixel": "rk-es-5501",
     "text": "Hei Anna,\n\nmange selvstendige bruker fortsatt regneark og permer til bilag og fakturaer - og "
             "bruker timer på det hver måned.\n\nMed Regnskapsklar tar du bilde av kvitteringen, så bokfører vi "
             "den automatisk. Faktura, MVA-melding og årsoppgjør på ett sted, fra 149 kr i måneden.\n\nPrøv "
             "gratis i 30 dager, eller book en gjennomgang på 15 minutter med meg: "
             "https://calendly.example/eirik-rk\n\nHilsen\nEirik Strand\nRegnskapsklar\n",
     "label": pitch("accounting software, tracking pixel")},
    {"name": "customer-availability-nb", "lang": "nb", "d": "11-06 12:03",
     "frm": ("Sigrid Hansen", "sigrid.hansen@nordnorsk-kraft.example"),
     "subject": "Ledig i mars? Prosessworkshop for ledergruppen",
     "text": "Hei Anna,\n\nJeg fikk navnet ditt av en kollega som var på kurset ditt i Oslo i fjor. Vi er et "
             "lite energiselskap i Tromsø og ønsker å gå gjennom hvordan vi håndterer nye kundeavtaler, fra "
             "henvendelse til første faktura.\n\nHar du mulighet til å holde en dags workshop for ledergruppen "
             "vår (8 personer) i uke 11 eller 12? Kan du også si noe om pris, inkludert reise?\n\nMvh\nSigrid "
             "Hansen\nDaglig leder, Nordnorsk Kraft AS\nTlf. 412 58 330\n",
     "label": wanted("customer asking for availability and price, new sender")},
    {"name": "film-production-html-nb", "lang": "nb", "d": "11-09 13:16",
     "frm": ("Maren Lie", "maren@fjordfilm.example"), "html_only": True,
     "subject": "Film som selger tjenestene dine",
     "html": "<!DOCTYPE html>\n<html><body style=\"margin:0;padding:0;background:#f4f4f4\">\n<table width=\"100%\" "
             "cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\">\n<table width=\"600\" "
             "style=\"background:#ffffff;font-family:Arial,sans-serif;font-size:15px;color:#222\">\n<tr><td "
             "style=\"padding:24px\">\n<p>Hei Anna!</p>\n<p>Visste du at nettsider med video holder på "
             "besøkende nesten tre ganger så lenge?</p>\n<p>I Fjordfilm lager vi korte og ærlige filmer for "
             "rådgivere og konsulenter: kundehistorier, presentasjonsfilmer og små klipp til LinkedIn. Fast "
             "pris fra 14 900 kr, ferdig på to uker.</p>\n<p><a href=\"https://t.tracker.example/c/ff-ml/"
             "showreel\" style=\"background:#0a5;color:#fff;padding:10px 18px;text-decoration:none\">Se "
             "showreelen vår</a></p>\n<p>Passer det med en prat neste uke?</p>\n<p>Beste hilsen<br>Maren Lie<br>"
             "Produsent, Fjordfilm AS</p>\n</td></tr></table>\n</td></tr></table>\n<img src=\"https://"
             "t.tracker.example/o/ff-ml-1\" width=\"1\" height=\"1\" alt=\"\">\n</body></html>\n",
     "label": pitch("video production, HTML only with tracking")},
    {"name": "podcast-guest-nb", "lang": "nb", "d": "11-11 14:40",
     "frm": ("Thomas Berg", "thomas@lederpodden.example"),
     "subject": "Invitasjon: gjest i Lederpodden",
     "text": "Hei Anna,\n\nJeg er programleder for Lederpodden, en av Norges største podkaster om ledelse og "
             "arbeidsliv. Vi lager en serie om effektive arbeidsprosesser og tror du hadde vært en perfekt "
             "gjest!\n\nFor å dekke produksjon og markedsføring har vi en gjestepakke til 6 500 kr eks. mva. "
             "Da får du også episoden som video og fem klipp til sosiale medier.\n\nHar du lyst? Svar på denne "
             "e-posten, så finner vi en dato.\n\nHilsen Thomas Berg\nLederpodden\n",
     "label": pitch("pay-to-play podcast guest spot")},
    {"name": "newsletter-nb", "lang": "nb", "d": "11-14 08:00",
     "frm": ("Prosessforum", "post@prosessforum.example"), "rp": "<b-881c.ah@epost.prosessforum.example>",
     "subject": "Prosessforum-brevet: påmelding til vårkonferansen er åpen", "pixel": "pf-881c",
     "extra": newsletter_headers("Prosessforum-brevet <brev.prosessforum.example>",
                                 "avmelding-881c@epost.prosessforum.example",
                                 "https://prosessforum.example/avmelding/881c", "nov26:brev:prosessforum"),
     "text": "Hei!\n\nPåmeldingen til vårkonferansen 2027 i Trondheim er åpen. Medlemmer får 20 % rabatt fram "
             "til 1. februar.\n\nI tillegg: nytt faggruppemøte om BPMN i offentlig sektor, og opptak fra "
             "høstseminaret ligger nå ute.\n\nLes mer: https://prosessforum.example/brev/2026-11\n\nDu mottar "
             "dette brevet fordi du er medlem. Meld deg av: https://prosessforum.example/avmelding/881c\n",
     "label": wanted("newsletter Anna subscribed to", "mailing_list")},
    {"name": "participant-slides-nb", "lang": "nb", "d": "11-16 10:44",
     "frm": ("Ole Martin Dahl", "olemartin.dahl@bergenhavn.example"),
     "subject": "Presentasjonen fra workshopen",
     "text": "Hei Anna!\n\nTusen takk for to veldig nyttige dager hos oss forrige uke. Flere i gruppa har spurt "
             "etter presentasjonen og bildene av veggen med prosesskartet - kan du sende dem til meg, så deler "
             "jeg dem internt?\n\nVi snakket også om en oppfølging i januar. Jeg kommer tilbake til det når "
             "budsjettet er på plass.\n\nHilsen Ole Martin\n\nOle Martin Dahl\nDriftssjef, Bergen Havn\n",
     "label": wanted("workshop participant asking for slides, new address")},
    {"name": "car-leasing-nb", "lang": "nb", "d": "11-19 15:33",
     "frm": ("Kristine Moe", "kristine.moe@elbilpartner.example"),
     "subject": "Elbil til bedriften fra 3 490 kr/mnd",
     "text": "Hei Anna!\n\nNå er det gode tider for å bytte til elbil i firmaet. Hos Elbilpartner kan du lease "
             "en ny elbil fra 3 490 kr/mnd eks. mva., med service, dekkhotell og forsikring inkludert.\n\nVi har "
             "levering før jul på flere modeller. Skal jeg sette opp et tilbud til deg? Det er helt "
             "uforpliktende.\n\nVennlig hilsen\nKristine Moe\nBedriftsrådgiver, Elbilpartner AS\n",
     "label": pitch("car leasing")},

    # ======================================= de ============================================
    {"name": "read-receipt-invoice-de", "lang": "de", "d": "11-02 08:47",
     "frm": ("Buchhaltung Feldmann Logistik", "buchhaltung@feldmann-logistik.example"),
     "subject": "Gelesen: Rechnung 2026-041 / Workshop Prozessaufnahme", "xmailer": "Microsoft Outlook 16.0",
     "raw_body": "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=disposition-notification;\n"
                 "\tboundary=\"----=_NextPart_000_01C4_01DB2C8F.3A7E5B10\"\n\n"
                 "This is a multipart message in MIME format.\n\n"
                 "------=_NextPart_000_01C4_01DB2C8F.3A7E5B10\nContent-Type: text/plain;\n"
                 "\tcharset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                 "Ihre Nachricht\n\n  An: Buchhaltung Feldmann Logistik\n"
                 "  Betreff: Rechnung 2026-041 / Workshop Prozessaufnahme\n"
                 "  Gesendet: Freitag, 30. Oktober 2026 11:20:04 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, =\n"
                 "Stockholm, Wien\n\nwurde am Montag, 2. November 2026 08:47:12 (UTC+01:00) Amsterdam, Berlin, =\n"
                 "Bern, Rom, Stockholm, Wien gelesen.\n\n"
                 "------=_NextPart_000_01C4_01DB2C8F.3A7E5B10\nContent-Type: message/disposition-notification\n\n"
                 "Reporting-UA: feldmann-logistik.example; Microsoft Outlook 16.0\n"
                 "Final-Recipient: rfc822;buchhaltung@feldmann-logistik.example\n"
                 "Original-Message-ID: <d93b6e20-5a1f-4c8e-a0b7-2e9c4d1f7b56@holm.example>\n"
                 "Disposition: manual-action/MDN-sent-manually; displayed\n\n"
                 "------=_NextPart_000_01C4_01DB2C8F.3A7E5B10--\n",
     "label": wanted("read receipt for Anna's invoice (multipart/report)", "report")},
    {"name": "recruiting-agency-de", "lang": "de", "d": "11-03 07:41",
     "frm": ("Lukas Becker", "l.becker@talentwerk-personal.example"),
     "subject": "Fachkräfte für Ihre Projekte - ohne lange Vorlaufzeit",
     "text": "Sehr geehrte Frau Holm,\n\nals spezialisierter Personaldienstleister unterstützen wir Beratungs"
             "unternehmen in ganz Norddeutschland und Skandinavien mit qualifizierten Fachkräften - ob in "
             "Arbeitnehmerüberlassung, als Freelancer oder in Festanstellung.\n\nAktuell haben wir mehrere "
             "erfahrene Prozessberater und Projektmanager mit SAP- und Lean-Hintergrund verfügbar, die kurz"
             "fristig starten könnten.\n\nDarf ich Ihnen unverbindlich drei anonymisierte Profile zusenden? "
             "Gern stelle ich Ihnen unser Modell auch in einem kurzen Telefonat vor.\n\nMit freundlichen "
             "Grüßen\n\nLukas Becker\nSenior Account Manager\nTalentwerk Personal GmbH\nBallindamm 6, 20095 "
             "Hamburg\nTel. +49 40 555 12 87 0\n",
     "label": pitch("recruiting / staffing agency, formal Sie")},
    {"name": "customer-quote-moderation-de", "lang": "de", "d": "11-04 15:32",
     "frm": ("Dr. Claudia Neumann", "c.neumann@neumann-medizintechnik.example"),
     "subject": "Anfrage: Moderation eines Strategie-Workshops im Januar",
     "text": "Sehr geehrte Frau Holm,\n\nIhr Name wurde mir von Herrn Feldmann (Feldmann Logistik) genannt, der "
             "von Ihrem Workshop im Oktober sehr angetan war.\n\nWir sind ein Hersteller von "
             "Medizintechnik mit rund 90 Mitarbeitenden in Kiel und möchten im Januar unsere Auftrags"
             "abwicklung gemeinsam mit Vertrieb, Produktion und Service neu aufstellen. Dafür suchen wir eine "
             "externe Moderation für zwei Tage.\n\nKönnten Sie mir ein Angebot inklusive Tagessatz und "
             "Reisekosten zukommen lassen? Mögliche Termine wären der 19./20. oder 26./27. Januar.\n\nMit "
             "freundlichen Grüßen\nDr. Claudia Neumann\nGeschäftsführerin\nNeumann Medizintechnik GmbH\n",
     "label": wanted("customer asking for a quote, recommended by a client, new sender")},
    {"name": "shop-conversion-de", "lang": "de", "d": "11-05 10:44",
     "frm": ("Julia Hoffmann", "julia.hoffmann@shopboost.example"), "pixel": "sb-jh-0932",
     "subject": "Mehr Umsatz aus Ihrem Onlineshop - in 30 Tagen",
     "text": "Hallo Frau Holm,\n\nviele Shops verlieren über 70 % ihrer Besucher im Warenkorb. ShopBoost "
             "holt einen Teil davon zurück: mit automatischen Warenkorb-Erinnerungen, Produktempfehlungen per "
             "KI und One-Click-Checkout für Shopify, WooCommerce und Shopware.\n\nUnsere Kunden steigern ihren "
             "Umsatz im Schnitt um 18 % - und die Einrichtung dauert weniger als einen Tag.\n\nHätten Sie "
             "diese oder nächste Woche 15 Minuten Zeit für eine kurze Demo?\n\nViele Grüße\nJulia Hoffmann\n"
             "Business Development, ShopBoost GmbH\n",
     "label": pitch("e-commerce tool, tracking pixel")},
    {"name": "invoice-reply-feldmann-de", "lang": "de", "d": "11-06 11:08",
     "frm": ("Buchhaltung Feldmann Logistik", "buchhaltung@feldmann-logistik.example"),
     "subject": "AW: Rechnung 2026-041 / Workshop Prozessaufnahme", "irt": S["feldmann-rechnung"],
     "text": "Sehr geehrte Frau Holm,\n\nvielen Dank für Ihre Rechnung. Uns ist aufgefallen, dass die Bestell"
             "nummer (PO 4500-2231) fehlt, die wir für die Freigabe benötigen. Könnten Sie die Rechnung bitte "
             "mit der Bestellnummer erneut senden? Die Zahlung erfolgt dann im nächsten Zahllauf.\n\nMit "
             "freundlichen Grüßen\nSabine Korte\nBuchhaltung\nFeldmann Logistik GmbH & Co. KG\n\n"
             "-----Ursprüngliche Nachricht-----\nVon: Anna Holm <anna@holm.example>\nGesendet: Freitag, 30. "
             "Oktober 2026 11:20\nAn: Buchhaltung Feldmann Logistik\nBetreff: Rechnung 2026-041 / Workshop "
             "Prozessaufnahme\n",
     "label": wanted("client's accounts department answering in Anna's thread", "known_correspondent")},
    {"name": "expo-sponsoring-cc-de", "lang": "de", "d": "11-08 10:05",
     "frm": ("Katrin Schulz", "k.schulz@zukunftsforum-hamburg.example"),
     "to": "info@feldmann-logistik.example, kontakt@neumann-medizintechnik.example",
     "cc": "anna@holm.example",
     "subject": "Ausstellerfläche beim ZukunftsForum Hamburg 2027",
     "text": "Sehr geehrte Damen und Herren,\n\nam 10. und 11. März 2027 treffen sich beim ZukunftsForum "
             "Hamburg über 2.500 Entscheiderinnen und Entscheider aus Logistik, Industrie und Beratung.\n\n"
             "Für Beratungsunternehmen haben wir ein attraktives Sponsoringpaket geschnürt: Messestand (9 m²), "
             "ein Slot im Vortragsprogramm, zwei Tickets und Ihr Logo auf allen Werbemitteln - für 4.900 EUR "
             "zzgl. MwSt. Frühbucher sparen bis zum 30. November 15 %.\n\nIch freue mich auf Ihre Rückmeldung.\n\n"
             "Beste Grüße\nKatrin Schulz\nPartnermanagement, ZukunftsForum Hamburg\n",
     "label": pitch("conference sponsorship, several companies in To, Anna in Cc")},
    {"name": "krypto-rendite-forged-de", "lang": "de", "d": "11-10 20:17", "auth": "fail",
     "charset": "iso-8859-1",
     "frm": ("Dr. Stefan Wolff", "wolff@alpenkapital-invest.example"),
     "subject": "Exklusive Beteiligung: 12 % p.a. garantiert",
     "text": "Sehr geehrte Frau Holm,\n\nwir möchten Ihnen eine exklusive Beteiligung an unserem Krypto-Ertrags"
             "fonds anbieten. Die Rendite von 12 % p.a. ist vertraglich garantiert, die Auszahlung erfolgt "
             "quartalsweise. Einstieg ab 10.000 EUR.\n\nDie Zeichnungsfrist endet am 30. November. Rufen Sie "
             "mich für ein persönliches Gespräch an oder antworten Sie einfach auf diese E-Mail.\n\n"
             "Hochachtungsvoll\nDr. Stefan Wolff\nAlpenkapital Invest AG\n",
     "label": pitch("crypto investment offer, DMARC fail (forged)", "authentication")},
    {"name": "druckerei-latin1-de", "lang": "de", "d": "11-12 09:14", "charset": "iso-8859-1",
     "frm": ("Druckhaus Meier", "vertrieb@druckhaus-meier.example"),
     "subject": "Ihre Visitenkarten: 500 Stück für 19 Euro",
     "text": "Guten Tag Frau Holm,\n\nbrauchen Sie für das neue Jahr frische Visitenkarten, Flyer oder "
             "Briefpapier? Das Druckhaus Meier druckt klimaneutral in Bielefeld und liefert innerhalb von drei "
             "Werktagen - auch nach Dänemark.\n\nNur im November: 500 Visitenkarten (beidseitig, 350 g) für "
             "19 EUR inkl. Versand.\n\nJetzt bestellen unter druckhaus-meier.example/aktion oder einfach auf "
             "diese Mail antworten.\n\nFreundliche Grüße\nIhr Team vom Druckhaus Meier\n",
     "label": pitch("printing, latin-1")},
    {"name": "linkedin-15-minuten-de", "lang": "de", "d": "11-13 11:21",
     "frm": ("Tim Richter", "tim@linkedpilot.example"),
     "subject": "15 Minuten für mehr Sichtbarkeit auf LinkedIn?",
     "text": "Hey Anna,\n\nich hoffe, ich darf dich duzen :)\n\nIch hab gesehen, dass du auf LinkedIn "
             "richtig gute Inhalte teilst, aber kaum Reichweite bekommst. Genau das lösen wir bei LinkedPilot: "
             "Wir übernehmen Strategie, Texte und Community-Management, damit du in 90 Tagen zur Stimme in "
             "deiner Nische wirst.\n\nHast du nächste Woche 15 Minuten für einen kurzen Call? Hier kannst du "
             "dir direkt einen Slot schnappen: https://calendly.example/tim-linkedpilot\n\nLiebe Grüße\nTim\n"
             "Gründer, LinkedPilot\n",
     "label": pitch("linkedin growth, '15 minutes', informal du")},
    {"name": "newsletter-de", "lang": "de", "d": "11-15 09:30",
     "frm": ("Prozesswerkstatt", "newsletter@prozesswerkstatt.example"),
     "rp": "<nl-bounce-77f2@mail.prozesswerkstatt.example>",
     "subject": "Prozesswerkstatt-Newsletter: Methodenkarten zum Download", "pixel": "pw-77f2",
     "extra": newsletter_headers("Prozesswerkstatt Newsletter <newsletter.prozesswerkstatt.example>",
                                 "abmelden-77f2@mail.prozesswerkstatt.example",
                                 "https://prozesswerkstatt.example/abmelden/77f2"),
     "text": "Liebe Leserinnen und Leser,\n\nim November gibt es unsere neuen Methodenkarten für Workshops "
             "zum kostenlosen Download, einen Rückblick auf den Praxistag in Leipzig und die Termine für 2027."
             "\n\nZum Newsletter: https://prozesswerkstatt.example/newsletter/2026-11\n\nSie erhalten diesen "
             "Newsletter, weil Sie sich angemeldet haben. Abmelden: https://prozesswerkstatt.example/abmelden/"
             "77f2\n",
     "label": wanted("newsletter Anna subscribed to", "mailing_list")},

    # ======================================= pl ============================================
    {"name": "seo-audit-latin2-pl", "lang": "pl", "d": "11-02 12:20", "charset": "iso-8859-2",
     "frm": ("Agnieszka Wójcik", "a.wojcik@pozycjoner.example"),
     "subject": "Bezpłatny audyt SEO Pani strony",
     "text": "Dzień dobry Pani Anno,\n\nprzeanalizowaliśmy stronę holm.example i znaleźliśmy 27 błędów, które "
             "obniżają jej widoczność w Google - m.in. brak opisów meta, wolne ładowanie na telefonach i "
             "zduplikowane nagłówki.\n\nNasza agencja od 11 lat zajmuje się pozycjonowaniem stron firm z całej "
             "Europy. Chętnie prześlę pełny raport z audytu zupełnie bezpłatnie.\n\nCzy mogę go wysłać?\n\n"
             "Z poważaniem\nAgnieszka Wójcik\nSpecjalistka ds. SEO, Pozycjoner Sp. z o.o.\n",
     "label": pitch("seo pitch, iso-8859-2")},
    {"name": "software-house-pl", "lang": "pl", "d": "11-05 10:17", "mid": P1_MID,
     "frm": ("Michał Kowalczyk", "michal.kowalczyk@codeforge.example"),
     "subject": "Zespół programistów dla Holm - współpraca?",
     "text": "Dzień dobry,\n\nnazywam się Michał Kowalczyk i reprezentuję CodeForge, software house z "
             "Wrocławia. Od 8 lat budujemy aplikacje webowe i mobilne dla firm ze Skandynawii i Niemiec.\n\n"
             "Możemy szybko uzupełnić Pani zespół o doświadczonych programistów (React, .NET, Python) albo "
             "przejąć cały projekt - od analizy po wdrożenie. Stawki zaczynają się od 45 EUR za godzinę.\n\n"
             "Czy znalazłaby Pani 15 minut na krótką rozmowę w przyszłym tygodniu?\n\nPozdrawiam serdecznie\n"
             "Michał Kowalczyk\nBusiness Development Manager, CodeForge Sp. z o.o.\n",
     "label": pitch("software house / IT outsourcing")},
    {"name": "customer-workshop-gdansk-pl", "lang": "pl", "d": "11-06 15:49",
     "frm": ("Marta Kamińska", "marta.kaminska@logistykapomorze.example"),
     "subject": "Zapytanie o warsztaty dla zespołu - Gdańsk",
     "text": "Dzień dobry Pani Anno,\n\npiszę z polecenia naszego partnera z Aarhus, z którym prowadziła Pani "
             "projekt w zeszłym roku. Jesteśmy firmą logistyczną z Gdańska (ok. 60 osób) i chcielibyśmy "
             "uporządkować proces obsługi reklamacji.\n\nCzy byłaby Pani dostępna na dwudniowe warsztaty u "
             "nas w Gdańsku w lutym lub marcu? Prosiłabym też o orientacyjną wycenę. Warsztaty mogą być po "
             "angielsku.\n\nZ wyrazami szacunku\nMarta Kamińska\nKierownik ds. jakości\nLogistyka Pomorze "
             "Sp. z o.o.\ntel. +48 58 320 41 17\n",
     "label": wanted("customer asking for availability and a quote, new sender")},
    {"name": "lead-database-forged-pl", "lang": "pl", "d": "11-07 09:03", "auth": "fail",
     "frm": ("Bazy Firm B2B", "kontakt@bazyfirm-b2b.example"),
     "subject": "Aktualna baza 50 000 firm ze Skandynawii - rabat 40%",
     "text": "Dzień dobry!\n\nOferujemy aktualne bazy danych firm z Danii, Szwecji i Norwegii: nazwa firmy, "
             "branża, adres e-mail, telefon oraz osoba decyzyjna. Łącznie ponad 50 000 rekordów, "
             "aktualizowanych co kwartał.\n\nTylko do końca tygodnia: rabat 40% na wszystkie pakiety. Pakiet "
             "Dania (14 000 firm) kosztuje teraz 890 zł netto.\n\nZamówienia prosimy składać odpowiadając na "
             "tę wiadomość.\n\nZespół Bazy Firm B2B\n",
     "label": pitch("lead database, DMARC fail (forged)", "authentication")},
    {"name": "translation-agency-pl", "lang": "pl", "d": "11-09 11:35",
     "frm": ("Katarzyna Nowak", "k.nowak@lingvapro.example"), "pixel": "lp-kn-6620",
     "subject": "Tłumaczenia dla firm doradczych - oferta specjalna",
     "text": "Dzień dobry Pani Anno,\n\nczy zdarza się Pani przygotowywać materiały szkoleniowe w kilku "
             "językach? Biuro tłumaczeń LingvaPro specjalizuje się w tłumaczeniach dla firm doradczych i "
             "szkoleniowych - tłumaczymy m.in. na duński, szwedzki, niemiecki i angielski.\n\nDla nowych "
             "klientów mamy 25% zniżki na pierwsze zlecenie oraz bezpłatną korektę.\n\nCzy mogę przesłać "
             "cennik?\n\nPozdrawiam\nKatarzyna Nowak\nOpiekun Klienta, LingvaPro\n",
     "label": pitch("translation agency, tracking pixel")},
    {"name": "hotel-booking-noreply-pl", "lang": "pl", "d": "11-11 16:58",
     "frm": ("Hotel Motława", "no-reply@hotelmotlawa.example"),
     "subject": "Potwierdzenie rezerwacji nr GD-48213",
     "text": "Szanowna Pani,\n\ndziękujemy za dokonanie rezerwacji w Hotelu Motława.\n\nNumer rezerwacji: "
             "GD-48213\nPrzyjazd: 23.02.2027, od godz. 15:00\nWyjazd: 25.02.2027, do godz. 11:00\nPokój: "
             "jednoosobowy standard, ze śniadaniem\n\nBezpłatne anulowanie możliwe do 48 godzin przed "
             "przyjazdem.\n\nProsimy nie odpowiadać na tę wiadomość - została wygenerowana automatycznie.\n\n"
             "Do zobaczenia w Gdańsku!\nHotel Motława\n",
     "label": wanted("hotel booking confirmation from no-reply@", "system_sender")},
    {"name": "ai-chatbot-cp1250-pl", "lang": "pl", "d": "11-13 08:26", "charset": "windows-1250",
     "frm": ("Piotr Zając", "piotr@czatbot.example"),
     "subject": "Chatbot AI na Pani stronę w 48 godzin",
     "text": "Dzień dobry Pani Anno!\n\nCzy wie Pani, że większość klientów oczekuje odpowiedzi w ciągu kilku "
             "minut? Nasz chatbot AI odpowiada na pytania klientów 24/7, umawia spotkania i zbiera kontakty "
             "- po polsku, angielsku i duńsku.\n\nWdrożenie zajmuje tylko 48 godzin, a pierwszy miesiąc jest "
             "gratis.\n\nMogę pokazać demo na przykładzie Pani strony - wystarczy 15 minut. Pasuje "
             "czwartek?\n\nPozdrawiam\nPiotr Zając\nCzatBot.ai\n",
     "label": pitch("ai chatbot, windows-1250")},
    {"name": "participant-materials-pl", "lang": "pl", "d": "11-14 12:07",
     "frm": ("Paweł Szymański", "pawel.szymanski@poczta.example"),
     "subject": "Materiały z webinaru o mapowaniu procesów",
     "text": "Dzień dobry,\n\nbyłem uczestnikiem Pani webinaru o mapowaniu procesów w zeszły czwartek (ten "
             "organizowany przez izbę handlową). Bardzo mi się podobał!\n\nCzy byłaby możliwość otrzymania "
             "slajdów albo szablonu mapy, który Pani pokazywała? Chciałbym go wykorzystać u siebie w "
             "magazynie.\n\nPozdrawiam serdecznie\nPaweł Szymański\n",
     "label": wanted("webinar participant asking for the slides, new sender")},
    {"name": "software-house-followup-pl", "lang": "pl", "d": "11-16 09:12", "irt": P1_MID,
     "frm": ("Michał Kowalczyk", "michal.kowalczyk@codeforge.example"),
     "subject": "Re: Zespół programistów dla Holm - współpraca?",
     "text": "Dzień dobry Pani Anno,\n\nwracam do mojej poprzedniej wiadomości. Właśnie zwolnił się u nas "
             "zespół trzech programistów, który mógłby zacząć od 1 grudnia. Czy temat jest nadal aktualny?\n\n"
             "Pozdrawiam\nMichał Kowalczyk\n\nW dniu 5.11.2026 o 10:17, Michał Kowalczyk pisze:\n> Dzień dobry,\n"
             ">\n> nazywam się Michał Kowalczyk i reprezentuję CodeForge, software house z\n> Wrocławia.\n"
             "> ...\n",
     "label": pitch("software house, same sender again after the refusal", repeat=1)},
    {"name": "office-supplies-pl", "lang": "pl", "d": "11-18 13:40",
     "frm": ("Tomasz Lewandowski", "t.lewandowski@biuromax.example"),
     "subject": "Artykuły biurowe z dostawą w 24h - 15% rabatu na start",
     "text": "Dzień dobry,\n\nzaopatrujemy biura w całej Europie w papier, tonery, kawę i środki czystości. "
             "Dostawa w 24 godziny w Polsce i do 3 dni robocze w Skandynawii.\n\nNa pierwsze zamówienie "
             "przygotowaliśmy dla Pani rabat 15% z kodem START15. Przy zamówieniach powyżej 800 zł dostawa "
             "gratis.\n\nW załączeniu link do katalogu: https://biuromax.example/katalog-2027\n\nZ "
             "pozdrowieniami\nTomasz Lewandowski\nDział Sprzedaży BiuroMax\n",
     "label": pitch("office supplies")},
    {"name": "newsletter-pl", "lang": "pl", "d": "11-20 07:45",
     "frm": ("Klub Lean Polska", "newsletter@klublean.example"), "rp": "<nl-5531-ah@mail.klublean.example>",
     "subject": "Newsletter Klubu Lean: grudniowe spotkanie i nowe szkolenia", "pixel": "kl-5531",
     "extra": newsletter_headers("Newsletter Klubu Lean <newsletter.klublean.example>",
                                 "wypisz-5531@mail.klublean.example",
                                 "https://klublean.example/wypisz/5531", "5531:nl:klublean"),
     "text": "Dzień dobry!\n\nZapraszamy na grudniowe spotkanie Klubu Lean w Poznaniu (10 grudnia) oraz na "
             "nowe szkolenia z mapowania strumienia wartości w 2027 roku.\n\nWięcej informacji: "
             "https://klublean.example/newsletter/2026-11\n\nOtrzymujesz tę wiadomość, ponieważ zapisałeś się "
             "do newslettera. Wypisz się: https://klublean.example/wypisz/5531\n",
     "label": wanted("newsletter Anna subscribed to", "mailing_list")},
]
