# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("en")

# ---- Anna's sent mail (threads)
M_JOB = "<20260512091407.e1a2b3@holm.example>"
M_DESK = "<20260527143322.c4d5e6@holm.example>"
S("en-application-northbeam", "05-12 09:14", M_JOB, "Hannah Reid <hannah.reid@northbeam-search.example>",
  "Application: Operations Transformation Lead (ref. NB-5512)",
  "Dear Hannah,\n\nI'd like to apply for the Operations Transformation Lead contract (ref. NB-5512).\n"
  "I have led process redesigns in logistics and public administration for twelve years and can\n"
  "start in September. My CV is at https://holm.example/cv.\n\nKind regards,\nAnna Holm\n")
S("en-desk-question", "05-27 14:33", M_DESK, "Sales <sales@ergodesk-supply.example>",
  "Standing desk for a home office",
  "Hello,\n\nI'm looking for one electric sit-stand desk, 160x80, oak or light wood top, delivered to\n"
  "Copenhagen. Do you ship to Denmark, and what is the delivery time?\n\nBest regards,\nAnna Holm\n")

# ---- repeat sender (guest posts)
GP1 = "<cmp.88a1f20c.ryan@linkharbor.example>"
P("guest-post", "Ryan Cole", "ryan@linkharbor.example", "Guest post on holm.example?",
  "Hi Anna,\n\nI'm Ryan from LinkHarbor. We work with 300+ publishers and I'd love to place a sponsored\n"
  "guest post on your blog - we pay $150 per article and write it ourselves, you just hit publish.\n\n"
  "We're also selling high-DR backlinks from business sites (DR 50+) if you want to boost your own\n"
  "rankings.\n\nInterested?\n\nRyan Cole\nOutreach Manager, LinkHarbor\n",
  "guest post / backlinks offer", d="06-04 10:12", mid=GP1, xmailer="Instantly", pixel="e1a0b7c3")
P("guest-post-again", "Ryan Cole", "ryan@linkharbor.example", "Re: Guest post on holm.example?",
  "Hi Anna,\n\nBumping this up in case it got buried. Our August slots are filling up fast.\n\n"
  "Ryan\n\n> Hi Anna,\n>\n> I'm Ryan from LinkHarbor. We work with 300+ publishers and I'd love to place a\n"
  "> sponsored guest post on your blog - we pay $150 per article and write it ourselves.\n",
  "guest post follow-up quoting the first pitch, after refusal", repeat=1, d="08-06 10:40",
  irt=GP1, xmailer="Instantly")

P("recruiting", "Megan Hughes", "megan.hughes@talentlane.example", "Hiring in 2026?",
  "Hi Anna,\n\nAre you planning to grow the team at Holm Consulting this year? TalentLane places\n"
  "consultants, analysts and project managers across the Nordics, and we only charge on\n"
  "successful placement (18% of first-year salary).\n\nHappy to share three anonymised profiles\n"
  "that would fit a boutique consultancy. Shall I send them over?\n\nBest,\nMegan Hughes\n"
  "Senior Recruitment Consultant | TalentLane\n", "staffing agency")
P("podcast-feature", "Daniel Brooks", "daniel@leaderstalk-media.example",
  "Invitation: feature on The Leaders Talk podcast",
  "Hi Anna,\n\nOur editorial team shortlisted you as a guest for season 4 of The Leaders Talk, a\n"
  "business podcast with 120,000 monthly listeners.\n\nGuests receive a professionally produced\n"
  "episode, a video cut for LinkedIn and a feature article. There is a one-time production fee of\n"
  "EUR 1,450.\n\nBook your recording slot here: https://calendly.com/leaderstalk-booking/guest-intake\n\n"
  "Warm regards,\nDaniel Brooks\nGuest Relations\n", "paid podcast feature", pixel="4be29d10")
P("award-nominated", "Awards Committee", "committee@nordicbusinessexcellence.example",
  "Congratulations Anna - you've been nominated!",
  "Dear Anna Holm,\n\nWe are pleased to inform you that Holm Consulting has been nominated for the\n"
  "Nordic Business Excellence Awards 2026 in the category \"Consultancy of the Year - Denmark\".\n\n"
  "To confirm your nomination and secure your winner's package (trophy, digital badge and\n"
  "press release), please complete the registration by 30 June. The administration fee is\n"
  "GBP 895 + VAT.\n\nConfirm here: https://nordicbusinessexcellence.example/confirm/HC-2291\n\n"
  "Yours sincerely,\nThe Awards Committee\n", "award nomination with fee", html_only=True)
P("ai-chatbot", "Noah Patel", "noah@replybot-ai.example", "Anna, your website could answer leads at 2am",
  "Hey Anna,\n\nNoticed holm.example doesn't have live chat. Our AI assistant learns your services in\n"
  "10 minutes and qualifies leads 24/7 - consultants using it book 30% more discovery calls.\n\n"
  "Free 14-day trial, no card: https://replybot-ai.example/trial\n\nNoah\n", "AI chatbot tool")
P("pentest", "Grace Mitchell", "grace.mitchell@ironclad-sec.example",
  "Is Holm Consulting's client data safe?",
  "Dear Anna,\n\nConsultancies hold sensitive client data, which makes them a favourite target for\n"
  "ransomware groups. In our last 50 penetration tests of small professional-services firms we\n"
  "found critical vulnerabilities in 41.\n\nWe are offering a fixed-price external penetration\n"
  "test (EUR 2,900, report within 10 working days) to a few Danish firms this month.\n\n"
  "Could we schedule a 20-minute scoping call? https://meetings.hubspot.com/grace-mitchell2\n\n"
  "Kind regards,\nGrace Mitchell\nIronclad Security\n", "penetration test offer")
P("appointment-setting", "Kyle", "kyle@meetingmachine.example", "Anna - 12 meetings in 30 days",
  "Anna,\n\nWe book 12+ qualified meetings with operations directors for consultants in 30 days or you\n"
  "don't pay.\n\nWorth 15 min? cal.com/kyle-mm/15min\n\nKyle\n", "appointment setting, very short",
  xmailer="Smartlead")
P("offshore-dev", "Arjun Mehta", "arjun.mehta@bluepeak-software.example",
  "Dedicated development team for Holm Consulting",
  "Hello Anna,\n\nHope you are doing well.\n\nBluePeak Software is a CMMI Level 3 company with 450+\n"
  "engineers in Pune and Kraków. We build web portals, mobile apps and internal tools for European\n"
  "SMEs at 40-60% lower cost than local agencies.\n\nKindly let me know if you have any requirement\n"
  "currently, I would be glad to share our portfolio and rate card.\n\nThanks & Regards,\nArjun Mehta\n"
  "Business Development Executive\n", "offshore development team", tz="Asia/Kolkata")
P("virtual-assistant", "Bella Santos", "bella@remotehands.example", "Drowning in admin?",
  "Hi Anna!\n\nLet's be honest - as a solo consultant you probably spend 10+ hours a week on email,\n"
  "invoicing and scheduling. 😅\n\nOur virtual assistants take all of that off your plate from\n"
  "$9/hour. Want me to send a couple of profiles?\n\nBella\nRemoteHands VA\n", "virtual assistant")
P("data-annotation", "Lucas Ferreira", "lucas.ferreira@labelcrowd.example",
  "Training data for your AI projects",
  "Hi Anna,\n\nIf you or your clients are building AI models, LabelCrowd provides image, text and audio\n"
  "annotation with 98% accuracy and a fully GDPR-compliant workforce in the EU.\n\nWe'd be happy to\n"
  "run a free pilot on 1,000 items. Who would be the right person to talk to about this?\n\n"
  "Best regards,\nLucas Ferreira\nLabelCrowd\n", "data annotation services")
P("property-investment", "Oliver Grant", "oliver.grant@primeyield-capital.example",
  "8.5% fixed return - Lisbon serviced apartments",
  "Dear Anna,\n\nI'm reaching out to a small group of successful Danish business owners about an\n"
  "off-market opportunity: serviced apartments in Lisbon with a contractual 8.5% annual return and a\n"
  "buy-back guarantee after five years. Entry from EUR 95,000.\n\nMay I send you the investor deck?\n\n"
  "Regards,\nOliver Grant\nPrimeYield Capital\n", "real estate investment")
P("influencer", "Chloe", "chloe@creatorbridge.example", "Collab idea 💡",
  "Hi Anna,\n\nLove what you're doing with Holm! We connect B2B brands with LinkedIn creators\n"
  "(10k-200k followers) for sponsored posts. Our creators in the Nordic business space average 4%\n"
  "engagement.\n\nCould I send a media kit?\n\nxx Chloe\nCreatorBridge\n", "influencer marketing")
P("company-formation", "Sarah Khan", "sarah@freezonesetup.example",
  "Set up your company in Dubai - 0% income tax",
  "Dear Anna,\n\nMany European consultants are moving their business to the UAE to benefit from 0%\n"
  "personal income tax and 9% corporate tax. We handle everything: free-zone licence, visa, bank\n"
  "account and office, from AED 12,500.\n\nBook a free consultation: https://calendly.com/freezonesetup/consult\n\n"
  "Best regards,\nSarah Khan\nFreeZone Setup Consultants\n", "company formation abroad", tz="Asia/Dubai")
P("visitor-list-forged", "Emily Watson", "emily.watson@expo-data.example", "Nordic Business Expo 2026 attendee list",
  "Hi,\n\nWould you be interested in acquiring the Nordic Business Expo 2026 attendee list?\n\n"
  "Counts: 14,220 verified contacts with name, title, company, email and phone.\n\n"
  "If interested, let me know and I'll send pricing.\n\nRegards,\nEmily Watson\nMarketing Coordinator\n",
  "trade-fair visitor list, forged sender (dmarc=fail)", blocked="authentication", auth="fail",
  helo_domain="srv-22.bulkhost.test")
P("linkedin-ghostwriting", "James Porter", "james@ghostpost.example", "Your LinkedIn, but consistent",
  "Hi Anna,\n\nYou clearly know your stuff - but your last LinkedIn post was in March.\n\n"
  "I ghostwrite for 14 consultants. I interview you for 30 minutes a month and turn it into 12 posts\n"
  "in your voice. Most clients see inbound leads within 60 days.\n\nWould it be crazy to jump on a\n"
  "call?\n\nJames\n", "LinkedIn ghostwriting", to=ANNA2)
P("crm", "Ella Morgan", "ella.morgan@pipewise-crm.example", "How do you keep track of your clients?",
  "Hi Anna,\n\nQuick question: how are you tracking proposals and follow-ups at the moment -\n"
  "spreadsheets, or a CRM?\n\nPipeWise is a CRM built for independent consultants: pipeline, proposals,\n"
  "e-signatures and automated follow-up emails in one place, for EUR 19/month.\n\nI recorded a 2-minute\n"
  "video showing how it would look for Holm Consulting: https://pipewise-crm.example/v/anna-holm\n\n"
  "Best,\nElla\n", "CRM / marketing automation", pixel="c0ffee12")
P("business-travel", "Thomas Reed", "thomas.reed@tripdesk-corporate.example",
  "Save up to 30% on business travel",
  "Dear Ms Holm,\n\nTripDesk Corporate gives small companies access to negotiated hotel and airline\n"
  "rates normally reserved for large corporations, with 24/7 support and consolidated monthly\n"
  "invoicing.\n\nSign-up is free and takes five minutes. Shall I set up an account for you?\n\n"
  "Kind regards,\nThomas Reed\nAccount Manager\n", "business travel management")
P("google-ads-fake-re", "Ethan", "ethan@clickscale.example", "Re: Google Ads for Holm Consulting",
  "Hi Anna,\n\nCircling back on my note from last week. We found 23 keywords your competitors are\n"
  "bidding on that you are not. Want me to send the audit over?\n\nEthan | ClickScale\n",
  "Google Ads pitch, fake Re: subject, no In-Reply-To", xmailer="Mailshake")
P("ux-design", "Maya Lindqvist", "maya@pixelharbor.studio.example", "A few UX ideas for holm.example",
  "<p>Hi Anna,</p>\n<p>I spent a few minutes on <b>holm.example</b> and jotted down three quick wins:</p>\n"
  "<ol><li>Your contact form is hidden below the fold on mobile.</li><li>The services page has no clear\n"
  "call to action.</li><li>Case studies load slowly (4.8 s).</li></ol>\n<p>At Pixel Harbor we redesign\n"
  "websites for consultancies in four weeks. Want the full audit as a PDF?</p>\n<p>Maya</p>\n"
  '<img src="https://t.tracker.example/o/ux77a1" width="1" height="1" alt="">\n',
  "UX design audit, html only with pixel", html_only=True)
P("exhibition-stand", "Robert Hall", "robert.hall@standcraft-exhibits.example",
  "Your stand at Consulting Days Copenhagen",
  "Dear Anna,\n\nWith Consulting Days Copenhagen coming up in October, have you already arranged your\n"
  "exhibition stand? StandCraft designs and builds modular stands from 9 sqm, delivered and assembled\n"
  "on site, with reusable components for your next fairs.\n\nI'd be glad to send you a 3D proposal\n"
  "free of charge.\n\nBest regards,\nRobert Hall\n", "exhibition stand builder")
P("freelance-platform", "Team Talentry", "hello@talentry-pro.example", "Anna, clients are looking for you",
  "Hi Anna,\n\n3 companies searched for \"process consultant\" on Talentry Pro this week. Create your\n"
  "free profile and start getting matched with vetted clients - we take just 10% commission.\n\n"
  "Claim your profile: https://talentry-pro.example/claim?ref=anna-holm\n\nThe Talentry team\n",
  "freelancer platform")

# ---- wanted
W("quote-request", "Rachel Adams", "rachel.adams@fernleaf-foods.example", "Process review for our warehouse - quote?",
  "Hi Anna,\n\nI found your name via the Danish consultancy association. We are a food distributor\n"
  "with a warehouse in Køge and our picking process has become a bottleneck.\n\nCould you send me a\n"
  "quote for a two-week process review, and let me know whether you could start in August?\n\n"
  "Best regards,\nRachel Adams\nCOO, Fernleaf Foods\n", "customer asking for a quote, new sender")
W("speaker-invite", "Priyanka Shah", "priyanka.shah@opsforum.example", "Speaker invitation - Ops Forum Europe 2026",
  "Dear Anna,\n\nI'm on the programme committee of Ops Forum Europe (Amsterdam, 12-13 November). A\n"
  "colleague saw your talk on process improvement in small companies and recommended you.\n\n"
  "We would love to have you give a 30-minute talk. We cover travel and one night's hotel; there is\n"
  "no fee for speakers and no cost to you. Would you be interested?\n\nBest wishes,\nPriyanka Shah\n",
  "speaker invitation (unpaid), new sender")
W("journalist", "Ben Foster", "ben.foster@nordicbusinessreview.example", "Interview request: the four-day week",
  "Hi Anna,\n\nI'm a reporter at Nordic Business Review, writing a piece on small firms trying a\n"
  "four-day week. Would you have 20 minutes for a phone interview on Thursday or Friday? Your\n"
  "comments would be quoted with your name.\n\nThanks,\nBen Foster\n", "journalist interview request")
W("student-thesis", "Lea Novak", "lea.novak@student.cbs-univ.example", "Interview for my master's thesis",
  "Dear Ms Holm,\n\nI'm a master's student at Copenhagen Business School writing my thesis on how\n"
  "freelance consultants price their work. Would you be willing to do a 30-45 minute interview\n"
  "(online or in person) in July? All answers will be anonymised.\n\nThank you for considering it.\n\n"
  "Kind regards,\nLea Novak\n", "student asking for a thesis interview")
W("recruiter-reply", "Hannah Reid", "hannah.reid@northbeam-search.example",
  "Re: Application: Operations Transformation Lead (ref. NB-5512)",
  "Dear Anna,\n\nThank you for your application. The client would like to meet you - are you free\n"
  "for a video call on 9 or 10 June, between 10:00 and 14:00 CET?\n\nBest regards,\nHannah Reid\n"
  "Northbeam Search\n", "recruiter answering Anna's application (thread)", blocked="known_correspondent",
  irt=M_JOB)
W("supplier-reply", "Mark Olsen", "sales@ergodesk-supply.example", "Re: Standing desk for a home office",
  "Hi Anna,\n\nThanks for your enquiry. Yes, we ship to Denmark: delivery in 5-7 working days. The\n"
  "Ergo Pro 160x80 with an oak top is EUR 749 incl. VAT, shipping EUR 45. Shall I reserve one?\n\n"
  "Best,\nMark\nErgoDesk Supply\n", "supplier answering Anna's purchase question (thread)",
  blocked="known_correspondent", irt=M_DESK)
W("newsletter", "Harvard-style Ops Weekly", "newsletter@opsweekly.example", "Ops Weekly #212: queues everywhere",
  "Hi Anna,\n\nThis week: why queues form in every process, a case from a Dutch hospital, and five tools\n"
  "for value-stream mapping.\n\nRead online: https://opsweekly.example/212\n\n"
  "You are receiving this because you subscribed at opsweekly.example.\n",
  "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<weekly.opsweekly.example>", "<https://opsweekly.example/unsubscribe/ah91>"))
W("registration-confirm", "Lean Summit 2026", "noreply@leansummit-events.example",
  "Your registration: Lean Summit 2026 (order LS-88213)",
  "Hi Anna Holm,\n\nThank you for registering for Lean Summit 2026, 22-23 September, London.\n"
  "Ticket: Standard (2 days). Order: LS-88213. Your QR code is attached to the app.\n\n"
  "This is an automated message, please do not reply.\n", "conference registration confirmation (noreply@)",
  blocked="system_sender")
W("webinar-reminder", "ProcessLab Webinars", "webinars@processlab.example",
  "Reminder: \"Mapping processes with your team\" starts in 1 hour",
  "Hi Anna,\n\nYour webinar starts today at 15:00 CEST.\n\nJoin: https://processlab.example/live/8812\n\n"
  "You registered for this webinar on processlab.example.\n", "webinar reminder Anna registered for",
  blocked="mailing_list", extra=[("List-Unsubscribe", "<https://processlab.example/unsub?u=ah91>")])
W("friend-of-client", "Sam Turner", "sam.turner@brightline-logistics.example", "Recommended by Peter Lang",
  "Hi Anna,\n\nPeter Lang at Harbour Freight gave me your address - he said you did a great job on their\n"
  "dispatch process last year. We have a similar problem with our returns handling.\n\n"
  "Would you have time for a short call next week to see whether you could help us?\n\n"
  "Best,\nSam Turner\nHead of Operations, Brightline Logistics\n", "former client's friend writing first")
