# -*- coding: utf-8 -*-
"""The dev set's cases. Every name, company and domain here is invented."""

ANNA = "Anna Holm <anna@holm.example>"
ANNA2 = "Anna Holm <anna.holm@holm.example>"


def L(unsolicited, kind, allowed=True, blocked="", repeat=0):
    if blocked:
        allowed = False
    return {"unsolicited": unsolicited, "kind": kind, "allowed": allowed, "blocked": blocked, "repeat": repeat}


# ---------------------------------------------------------------- Anna's sent mail
M_APP = "<20260818101502.7c31e0@holm.example>"
M_LARS = "<20260828153011.2be941@holm.example>"
M_MOR = "<20260823190544.91ac07@holm.example>"
M_KARIN = "<20260904112233.5d8a13@holm.example>"
M_SILJE = "<20260826204117.0f66b2@holm.example>"
M_TOR = "<20260820093355.c4e2d8@holm.example>"
M_WEBER = "<20260909141208.a97b35@holm.example>"
M_MARTA = "<20260915083021.3e1f90@holm.example>"
M_PRINT = "<20260929160540.88d0c4@holm.example>"
M_SOREN = "<20260911100117.64b5ae@holm.example>"
M_JAMES = "<20260917131940.1f4c77@holm.example>"
M_JESPER = "<20260807212003.b31e5f@holm.example>"
M_NORDLYS = "<20260923091502.e7a2c9@holm.example>"
M_MAJA = "<20260612180944.7aa301@holm.example>"

SENT = [
    dict(name="application-talentbridge", d="08-18 10:15", mid=M_APP,
         to="Emma Clarke <emma.clarke@talentbridge.example>",
         subject="Application: Interim process consultant (ref. TB-2291)",
         text="Dear Emma,\n\nPlease find my application for the interim process consultant role (ref. TB-2291)\n"
              "below. I have twelve years of experience in operations and process improvement in the\n"
              "logistics and public sectors, and I am available from 1 October.\n\n"
              "My CV is available at https://holm.example/cv.\n\nKind regards,\nAnna Holm\n"),
    dict(name="lars-intro", d="08-28 15:30", mid=M_LARS,
         to="Lars Mortensen <lars@mortensen-raadgivning.example>",
         subject="Re: Birgitte fra Ejendomsdrift Øst",
         text="Hej Lars\n\nJa tak, sæt os endelig i forbindelse. Jeg har god tid i september.\n\nHilsen\nAnna\n"),
    dict(name="mor-billeder", d="08-23 19:05", mid=M_MOR,
         to="Inge Holm <inge.holm@familiepost.example>",
         subject="Billeder fra sommerhuset",
         text="Hej mor\n\nHer er linket til billederne fra sommerhuset: https://foto.holm.example/skagen-2026\n\n"
              "Tak for en dejlig uge!\n\nKnus\nAnna\n"),
    dict(name="karin-workshop", d="09-04 11:22", mid=M_KARIN,
         to="Karin Lund <karin.lund@lundochpartners.example>",
         subject="Workshopupplägg för november",
         text="Hej Karin,\n\nHär kommer mitt förslag på upplägg för workshopen i november: dag 1 kartlägger vi\n"
              "nuläget, dag 2 arbetar vi fram åtgärder. Säg gärna till om ni vill ändra något.\n\n"
              "Vänliga hälsningar\nAnna\n"),
    dict(name="silje-hytte", d="08-26 20:41", mid=M_SILJE,
         to="Silje Rønning <silje.r@fjellpost.example>",
         subject="Lenge siden!",
         text="Hei Silje!\n\nLenge siden sist. Skal vi finne på noe i høst? Jeg kan komme til Oslo en helg.\n\n"
              "Klem\nAnna\n"),
    dict(name="tor-foredrag", d="08-20 09:33", mid=M_TOR,
         to="Tor Aas <tor.aas@konsulentdagene.example>",
         subject="Foredrag på Konsulentdagene 2026",
         text="Hei Tor,\n\nTakk for hyggelig prat i Bergen. Jeg holder gjerne et foredrag om prosessforbedring\n"
              "i små virksomheter på Konsulentdagene i november, hvis dere fortsatt har plass i programmet.\n\n"
              "Vennlig hilsen\nAnna Holm\n"),
    dict(name="weber-angebot", d="09-09 14:12", mid=M_WEBER,
         to="Thomas Weber <t.weber@weber-logistik.example>",
         subject="Angebot: Workshop Prozessanalyse",
         extra=[("Disposition-Notification-To", ANNA)],
         text="Sehr geehrter Herr Weber,\n\nwie besprochen sende ich Ihnen mein Angebot für den zweitägigen\n"
              "Workshop zur Prozessanalyse im Lager Hamburg. Details finden Sie unten.\n\n"
              "Mit freundlichen Grüßen\nAnna Holm\n"),
    dict(name="marta-tlumaczenie", d="09-15 08:30", mid=M_MARTA,
         to="Marta Wiśniewska <marta@tlumaczenia-wisniewska.example>",
         subject="Tłumaczenie raportu",
         text="Cześć Marto,\n\nczy możesz przetłumaczyć raport z audytu (12 stron) na angielski do piątku?\n\n"
              "Pozdrawiam\nAnna\n"),
    dict(name="printcraft-quote", d="09-29 16:05", mid=M_PRINT,
         to="Daniel Price <daniel.price@printcraft.example>",
         subject="Business card quote",
         text="Hi Daniel,\n\nCould you quote 500 business cards, 350 g matte, double-sided? Same design as last year.\n\n"
              "Thanks,\nAnna\n"),
    dict(name="soren-strategidag", d="09-11 10:01", mid=M_SOREN,
         to="Søren Friis <soren.friis@kvist-co.example>",
         subject="Oplæg til strategidag",
         text="Hej Søren\n\nHer er to bud på programmet til jeres strategidag den 5. november. Version A er\n"
              "mest workshop, version B har mere oplæg. Sig til, hvad I foretrækker.\n\nHilsen\nAnna\n"),
    dict(name="james-proposal", d="09-17 13:19", mid=M_JAMES,
         to="James Whitfield <james.whitfield@harbourlogistics.example>",
         subject="Proposal for Q4 workshop",
         extra=[("Disposition-Notification-To", ANNA)],
         text="Hi James,\n\nAttached in text below is my proposal for the Q4 workshop on warehouse flow.\n"
              "Two days on site, fixed fee, report within a week.\n\nBest regards,\nAnna Holm\n"),
    dict(name="jesper-tillykke", d="08-07 21:20", mid=M_JESPER,
         to="Jesper Krogh <jesper.krogh@crm-hjulet.example>",
         subject="Tillykke med det nye job",
         text="Hej Jesper\n\nSå du skiftede til CRM-Hjulet – tillykke! Held og lykke med det.\n\nHilsen\nAnna\n"),
    dict(name="nordlys-typo", d="09-23 09:15", mid=M_NORDLYS,
         to="kontak@nordlys-konsult.example",
         subject="Spørgsmål om underleverance",
         text="Hej\n\nJeg leder efter en underleverandør til et projekt i november. Har I kapacitet?\n\n"
              "Venlig hilsen\nAnna Holm\n"),
    dict(name="maja-gammel-adresse", d="06-12 18:09", mid=M_MAJA,
         to="Maja Lind <maja.lind@gammelmail.example>",
         subject="Sankthans?",
         text="Hej Maja\n\nKommer du til sankthans hos os? Tag gerne Jonas med.\n\nKram\nAnna\n"),
]

INBOX = []
add = INBOX.append

# ======================================================================= ENGLISH
JAKE1 = "<lm.7f2c91d04b.jake@rankrocket.example>"
JAKE2 = "<lm.0c55e1a9f3.jake@rankrocket.example>"
add(dict(name="seo-quick-question-en", lang="en", d="09-02 08:47", tz="Europe/London",
         frm=("Jake Morrison", "jake@rankrocket.example"), mid=JAKE1, xmailer="lemlist", pixel="a8f3c2d1e0",
         subject="Quick question about holm.example",
         text="Hi Anna,\n\nI was looking at holm.example and noticed you're not ranking for \"process consultant\n"
              "Copenhagen\" - your competitors are getting that traffic instead.\n\n"
              "We've helped 200+ consultancies double their organic leads in 90 days.\n\n"
              "Worth a quick chat this week?\n\nCheers,\nJake Morrison\nGrowth Lead, RankRocket\n",
         label=L(True, "seo pitch")))
add(dict(name="seo-followup-en", lang="en", d="09-16 08:52", tz="Europe/London",
         frm=("Jake Morrison", "jake@rankrocket.example"), mid=JAKE2, irt=JAKE1, xmailer="lemlist", pixel="a8f3c2d1e1",
         subject="Re: Quick question about holm.example",
         text="Hi Anna,\n\nJust floating this to the top of your inbox. Did you get a chance to read my last email?\n\n"
              "Happy to send over a free SEO audit - no strings attached.\n\nJake\n",
         label=L(True, "seo follow-up after refusal", repeat=1)))
add(dict(name="seo-last-try-en", lang="en", d="10-07 09:03", tz="Europe/London",
         frm=("Jake Morrison", "jake@rankrocket.example"), irt=JAKE2, refs=f"{JAKE1} {JAKE2}", xmailer="lemlist",
         subject="Last try, Anna?",
         text="Hi Anna,\n\nI've reached out a few times and haven't heard back, so I'll assume SEO isn't a\n"
              "priority right now.\n\nIf that changes, just reply \"yes\" and I'll send the audit over.\n\n"
              "All the best,\nJake\n",
         label=L(True, "seo breakup email, second repeat", blocked="already_answered", repeat=2)))
add(dict(name="dev-shop-en", lang="en", d="09-03 06:12", tz="Asia/Kolkata",
         frm=("Priya Nair", "priya.nair@codeforge-labs.example"), xmailer="Woodpecker.co",
         subject="Senior developers from $25/hour",
         text="Hi Anna,\n\nAre you planning any software projects this quarter? CodeForge Labs provides dedicated\n"
              "senior developers (React, Python, .NET) from $25/hour, with a two-week free trial and no\n"
              "long-term contract.\n\nCould I send you a few profiles?\n\n"
              "Best regards,\nPriya Nair\nBusiness Development Manager, CodeForge Labs\n",
         label=L(True, "outsourcing dev shop")))
add(dict(name="fifteen-minutes-en", lang="en", d="09-09 15:31", tz="America/New_York",
         frm=("Ben Carter", "ben@growthpilot.example"), xmailer="Reply.io", to=ANNA2,
         subject="15 minutes next week?",
         text="Hi Anna,\n\nI help boutique consultancies add 8-12 qualified sales calls a month without hiring\n"
              "an SDR.\n\nDo you have 15 minutes next week? Grab any slot that suits you here:\n"
              "https://calendly.example/ben-growthpilot/15min\n\nBest,\nBen Carter\nFounder, GrowthPilot\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="lead-list-en", lang="en", d="09-14 10:05", tz="Europe/London",
         frm=("Sophie Grant", "sophie@leadvault.example"),
         subject="4,800 verified Nordic decision-makers",
         text="Hi Anna,\n\nWe've just refreshed our Nordic B2B database: 4,800 verified CEOs, COOs and heads of\n"
              "operations at companies with 50-500 employees, with direct emails and phone numbers.\n\n"
              "Would you like a free sample of 100 contacts in your target industries?\n\n"
              "Kind regards,\nSophie Grant\nLeadVault Data\n",
         label=L(True, "lead list")))
add(dict(name="came-across-en", lang="en", d="09-22 11:40", tz="Europe/London",
         frm=("Tom Ellis", "tom.ellis@brandwave.example"), pixel="77c0de11aa",
         subject="Came across Holm Consulting",
         text="Hi Anna,\n\nI came across your company while researching process consultants in Denmark and\n"
              "loved your case study on warehouse flow.\n\nWe run a referral partnership programme for\n"
              "consultancies: you refer clients who need branding, we pay you 15% of the first-year fee.\n\n"
              "Open to a short intro call?\n\nTom Ellis\nPartnerships, Brandwave\n",
         label=L(True, "partnership offer, came across your company")))
add(dict(name="fake-re-bump-en", lang="en", d="09-29 13:58", tz="Europe/London",
         frm=("Mark Davies", "mark@pipelineboost.example"), xmailer="Mailshake",
         subject="Re: Our conversation",
         text="Hi Anna,\n\nFollowing up on my previous note - I know things get busy.\n\n"
              "We help consultants book 10+ qualified meetings a month on autopilot. Are you the right\n"
              "person to talk to about this, or should I reach out to someone else at Holm?\n\n"
              "Thanks,\nMark\n",
         label=L(True, "bump with fake Re: subject, no In-Reply-To")))
add(dict(name="offer-ends-friday-en", lang="en", d="10-12 14:20", tz="Europe/London",
         frm=("Laura Kim", "laura.kim@cloudsuite.example"),
         subject="Your 40% discount expires Friday",
         text="Hi Anna,\n\nI set aside a 40% discount on CloudSuite Pro for holm.example, but I can only hold it\n"
              "until Friday.\n\nCloudSuite replaces your invoicing, CRM and time tracking with one tool.\n"
              "Shall I lock in the price for you?\n\nLaura Kim\nAccount Executive, CloudSuite\n",
         label=L(True, "saas offer with time pressure")))
add(dict(name="forged-partnership-en", lang="en", d="09-25 07:44", tz="Europe/London",
         frm=("Richard Hale", "richard@venturemax.example"), auth="fail",
         helo_domain="vps-4471.cheaphost.test",
         subject="Partnership opportunity for holm.example",
         text="Hello Anna,\n\nI represent a group of investors looking for consultancies in Scandinavia to\n"
              "partner with. We believe Holm Consulting would be a perfect fit.\n\n"
              "Please reply with a good time for a call and your direct phone number.\n\n"
              "Regards,\nRichard Hale\nManaging Partner, VentureMax\n",
         label=L(True, "forged sender, dmarc=fail", blocked="authentication")))
add(dict(name="return-path-two-addresses-en", lang="en", d="10-02 10:12", tz="Europe/London",
         frm=("Chris Walker", "chris@socialsprout.example"),
         rp="<chris@socialsprout.example>, <bounces@mailer.socialsprout.example>",
         subject="Boost your LinkedIn presence in 30 days",
         text="Hi Anna,\n\nMost consultants get their best clients from LinkedIn - but only if they post\n"
              "consistently. We write and schedule 3 posts a week for you, in your voice, from $299/month.\n\n"
              "Want to see some examples?\n\nChris Walker\nSocialSprout\n",
         label=L(True, "social media pitch, Return-Path with two addresses", blocked="return_path")))
add(dict(name="feedback-id-pitch-en", lang="en", d="10-14 09:26", tz="Europe/London",
         frm=("Olivia Bennett", "olivia@outreachly.example"),
         extra=[("Feedback-ID", "c4471:camp0912:outreachly:esp-eu1")],
         subject="Anna, a quick idea for Holm Consulting",
         text="Hi Anna,\n\nQuick idea: what if every proposal you sent came with a 2-minute personalised video?\n"
              "Our customers see 3x more replies.\n\nCan I show you how it works in a 10-minute demo?\n\n"
              "Olivia Bennett\nOutreachly\n",
         label=L(True, "pitch sent through a bulk ESP (Feedback-ID)", blocked="mailing_list")))
add(dict(name="auto-submitted-no-en", lang="en", d="10-21 16:02", tz="Europe/London",
         frm=("Hannah Price", "hannah@ledgerly.example"),
         extra=[("Auto-Submitted", "no")],
         subject="Bookkeeping made simple for freelancers",
         text="Hi Anna,\n\nStill doing your own bookkeeping on Sunday evenings? Ledgerly connects to your bank,\n"
              "matches receipts automatically and files your VAT return for you.\n\n"
              "I'd love to give you a free month. Interested?\n\nHannah Price\nLedgerly\n",
         label=L(True, "bookkeeping saas pitch with Auto-Submitted: no")))
# wanted, en
add(dict(name="journalist-interview-en", lang="en", d="09-24 12:18", tz="Europe/London",
         frm=("Rachel Moore", "rachel.moore@nordicbusinessreview.example"),
         subject="Interview request: independent consultants in the Nordics",
         text="Dear Anna,\n\nI'm a reporter at Nordic Business Review, writing a feature on how independent\n"
              "consultants in the Nordics are finding work in a slower market. A colleague pointed me to\n"
              "your talk at the Aarhus operations conference.\n\n"
              "Would you have 20 minutes for a phone interview next week? My deadline is 2 October.\n\n"
              "Best wishes,\nRachel Moore\nSenior Reporter, Nordic Business Review\n",
         label=L(False, "journalist interview request, new sender")))
add(dict(name="recruiter-reply-en", lang="en", d="09-08 10:37", tz="Europe/London",
         frm=("Emma Clarke", "emma.clarke@talentbridge.example"), irt=M_APP,
         subject="Re: Application: Interim process consultant (ref. TB-2291)",
         text="Hi Anna,\n\nThank you for your application. Our client was impressed by your logistics background\n"
              "and would like to meet you.\n\nAre you available on Tuesday 22 or Wednesday 23 September, either\n"
              "morning? The interview will be on Teams and take about 45 minutes.\n\n"
              "Kind regards,\nEmma Clarke\nSenior Consultant, TalentBridge\n",
         label=L(False, "recruiter answering Anna's application", blocked="known_correspondent")))
add(dict(name="newsletter-en", lang="en", d="09-07 06:00", tz="Europe/London",
         frm=("The Consultant's Digest", "editor@consultantsdigest.example"),
         rp="<bounce-7731-anna=holm.example@news.consultantsdigest.example>",
         mailfrom="bounce-7731-anna=holm.example@news.consultantsdigest.example",
         extra=[("List-Id", "The Consultant's Digest <weekly.consultantsdigest.example>"),
                ("List-Unsubscribe", "<https://news.consultantsdigest.example/u/7731/a9c2>,\n <mailto:unsubscribe-7731@news.consultantsdigest.example>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("Precedence", "bulk")],
         subject="This week: pricing your services in 2027",
         text="THE CONSULTANT'S DIGEST - Week 37\n\n1. Pricing your services in 2027: day rates vs. fixed fees\n"
              "2. Five questions to ask before you sign a framework agreement\n"
              "3. Reader question: how do I say no to scope creep?\n\n"
              "Read online: https://news.consultantsdigest.example/w37\n\n"
              "You receive this because you subscribed at consultantsdigest.example.\n"
              "Unsubscribe: https://news.consultantsdigest.example/u/7731/a9c2\n",
         label=L(False, "subscribed newsletter", blocked="mailing_list")))
add(dict(name="bounce-en", lang="en", d="09-23 09:16", tz="Europe/Copenhagen",
         frm=("Mail Delivery System", "MAILER-DAEMON@mail.nordlys-konsult.example"), rp="<>",
         auth="mx.holm.example;\n\tdkim=none;\n\tspf=pass (mx.holm.example: domain of postmaster@mail.nordlys-konsult.example uses HELO) smtp.helo=mail.nordlys-konsult.example;\n\tdmarc=none header.from=mail.nordlys-konsult.example",
         helo_domain="nordlys-konsult.example", mailfrom="",
         extra=[("Auto-Submitted", "auto-replied")],
         subject="Undelivered Mail Returned to Sender",
         raw_body=(
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/report; report-type=delivery-status;\n"
             "\tboundary=\"9C1F22A0B4.1790147762/mail.nordlys-konsult.example\"\n"
             "Content-Transfer-Encoding: 7bit\n\n"
             "This is a MIME-encapsulated message.\n\n"
             "--9C1F22A0B4.1790147762/mail.nordlys-konsult.example\n"
             "Content-Description: Notification\n"
             "Content-Type: text/plain; charset=us-ascii\n\n"
             "This is the mail system at host mail.nordlys-konsult.example.\n\n"
             "I'm sorry to have to inform you that your message could not\n"
             "be delivered to one or more recipients. It's attached below.\n\n"
             "For further assistance, please send mail to postmaster.\n\n"
             "                   The mail system\n\n"
             "<kontak@nordlys-konsult.example>: unknown user: \"kontak\"\n\n"
             "--9C1F22A0B4.1790147762/mail.nordlys-konsult.example\n"
             "Content-Description: Delivery report\n"
             "Content-Type: message/delivery-status\n\n"
             "Reporting-MTA: dns; mail.nordlys-konsult.example\n"
             "X-Postfix-Queue-ID: 9C1F22A0B4\n"
             "Arrival-Date: Wed, 23 Sep 2026 09:15:07 +0200 (CEST)\n\n"
             "Final-Recipient: rfc822; kontak@nordlys-konsult.example\n"
             "Original-Recipient: rfc822;kontak@nordlys-konsult.example\n"
             "Action: failed\n"
             "Status: 5.1.1\n"
             "Diagnostic-Code: X-Postfix; unknown user: \"kontak\"\n\n"
             "--9C1F22A0B4.1790147762/mail.nordlys-konsult.example\n"
             "Content-Description: Undelivered Message Headers\n"
             "Content-Type: text/rfc822-headers\n\n"
             "From: Anna Holm <anna@holm.example>\n"
             "To: kontak@nordlys-konsult.example\n"
             "Subject: =?utf-8?q?Sp=C3=B8rgsm=C3=A5l_om_underleverance?=\n"
             "Date: Wed, 23 Sep 2026 09:15:00 +0200\n"
             f"Message-ID: {M_NORDLYS}\n\n"
             "--9C1F22A0B4.1790147762/mail.nordlys-konsult.example--\n"),
         label=L(False, "bounce (DSN) of Anna's own mail", blocked="return_path")))
add(dict(name="read-receipt-en", lang="en", d="09-18 08:05", tz="Europe/London",
         frm=("James Whitfield", "james.whitfield@harbourlogistics.example"),
         subject="Read: Proposal for Q4 workshop",
         raw_body=(
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/report; report-type=disposition-notification;\n"
             "\tboundary=\"----=_NextPart_000_0A1B_01DD2F4C.3E5A6B70\"\n\n"
             "------=_NextPart_000_0A1B_01DD2F4C.3E5A6B70\n"
             "Content-Type: text/plain; charset=\"us-ascii\"\n"
             "Content-Transfer-Encoding: 7bit\n\n"
             "Your message\n\n"
             "  To: James Whitfield\n"
             "  Subject: Proposal for Q4 workshop\n"
             "  Sent: Thursday, September 17, 2026 12:19:40 PM (UTC+00:00) Dublin, Edinburgh, Lisbon, London\n\n"
             "was read on Friday, September 18, 2026 8:05:12 AM (UTC+00:00) Dublin, Edinburgh, Lisbon, London.\n\n"
             "------=_NextPart_000_0A1B_01DD2F4C.3E5A6B70\n"
             "Content-Type: message/disposition-notification\n\n"
             "Reporting-UA: mail.harbourlogistics.example; Microsoft Outlook 16.0\n"
             "Final-Recipient: rfc822;james.whitfield@harbourlogistics.example\n"
             f"Original-Message-ID: {M_JAMES}\n"
             "Disposition: manual-action/MDN-sent-manually; displayed\n\n"
             "------=_NextPart_000_0A1B_01DD2F4C.3E5A6B70--\n"),
         label=L(False, "read receipt (MDN) from a client", blocked="report")))
add(dict(name="out-of-office-sales-en", lang="en", d="09-29 16:06", tz="Europe/London",
         frm=("Daniel Price", "daniel.price@printcraft.example"), irt=M_PRINT,
         extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
         subject="Automatic reply: Business card quote",
         text="Thank you for your email. I am out of the office until Wednesday 14 October with limited\n"
              "access to email.\n\nFor new orders and quotes, please contact sales@printcraft.example or\n"
              "call our sales team on +44 20 7946 0000.\n\n"
              "Don't miss our autumn offer: 20% off all business cards and flyers until 31 October!\n\n"
              "Daniel Price\nAccount Manager, PrintCraft\n",
         label=L(False, "out-of-office auto-reply from a salesperson", blocked="auto_submitted")))

# ======================================================================= DANISH
MIKKEL1 = "<20260903081244.5512@synlig-online.example>"
add(dict(name="seo-pitch-da", lang="da", d="09-03 08:12",
         frm=("Mikkel Brandt", "mikkel@synlig-online.example"), mid=MIKKEL1, xmailer="lemlist",
         subject="Jeres hjemmeside kan ranke højere på Google",
         text="Hej Anna\n\nJeg kiggede lige på holm.example og kan se, at I ikke dukker op på første side, når man\n"
              "søger på \"procesrådgivning København\". Det er ærgerligt, for det er netop de søgninger, der\n"
              "giver nye kunder.\n\nVi har hjulpet over 120 danske virksomheder til tops på Google – typisk\n"
              "inden for tre måneder.\n\nHar du 15 minutter i næste uge til en uforpligtende snak? Jeg sender\n"
              "gerne en gratis SEO-analyse først.\n\nVenlig hilsen\nMikkel Brandt\nSynlig Online ApS\n",
         label=L(True, "seo pitch")))
add(dict(name="seo-followup-da", lang="da", d="10-20 08:31",
         frm=("Mikkel Brandt", "mikkel@synlig-online.example"), irt=MIKKEL1, xmailer="lemlist",
         subject="Re: Jeres hjemmeside kan ranke højere på Google",
         text="Hej Anna\n\nJeg skriver lige igen, da jeg ikke har hørt fra dig. Vores efterårstilbud på\n"
              "SEO-pakken løber kun til udgangen af måneden: 25 % rabat de første tre måneder.\n\n"
              "Skal jeg reservere en plads til dig?\n\nMvh\nMikkel\n",
         label=L(True, "seo follow-up after refusal", repeat=1)))
add(dict(name="energy-deal-da", lang="da", d="09-07 10:44",
         frm=("Henrik Lund", "henrik.lund@nordstroem-energi.example"), cte="base64",
         subject="Spar op til 30 % på virksomhedens elregning",
         text="Hej Anna\n\nBetaler din virksomhed for meget for strømmen? De fleste mindre virksomheder, vi\n"
              "taler med, kan spare mellem 15 og 30 % ved at skifte til en af vores erhvervsaftaler.\n\n"
              "Send mig bare jeres seneste elregning, så laver jeg en gratis beregning. Det tager under\n"
              "fem minutter.\n\nMed venlig hilsen\nHenrik Lund\nErhvervsrådgiver, Nordstrøm Energi\n",
         label=L(True, "energy deal")))
add(dict(name="insurance-da", lang="da", d="09-15 13:05",
         frm=("Camilla Dahl", "camilla.dahl@sikkerhedsnet-forsikring.example"), to=ANNA2,
         subject="Er du dækket, hvis en kunde kræver erstatning?",
         text="Hej Anna\n\nSom selvstændig konsulent hæfter du personligt, hvis en kunde mener, at dit råd har\n"
              "kostet dem penge. Mange freelancere opdager først, at forsikringen ikke dækker, når skaden\n"
              "er sket.\n\nVi har en ansvarsforsikring lavet til konsulenter fra 189 kr. om måneden. Må jeg\n"
              "ringe dig op torsdag og gennemgå din nuværende dækning?\n\n"
              "Venlig hilsen\nCamilla Dahl\nSikkerhedsnet Forsikring\n",
         label=L(True, "insurance pitch")))
add(dict(name="web-redesign-html-da", lang="da", d="09-21 09:58",
         frm=("Jonas Kjær", "jonas@webhuset-nord.example"), html_only=True, subj_enc="b",
         subject="Ny hjemmeside på 14 dage – til fast pris",
         html="<!DOCTYPE html>\n<html><body style=\"font-family:Helvetica,Arial,sans-serif\">\n"
              "<p>Hej Anna,</p>\n<p>Jeres nuværende hjemmeside er ikke mobilvenlig og indlæses langsomt. "
              "Det koster jer henvendelser hver eneste dag.</p>\n"
              "<p>Vi bygger en moderne hjemmeside på 14 dage til fast pris: <b>9.995 kr.</b> ekskl. moms. "
              "Se eksempler på vores arbejde <a href=\"https://webhuset-nord.example/cases?utm_source=cold\">her</a>.</p>\n"
              "<p>Skal vi tage en kort snak i næste uge?</p>\n"
              "<p>Bedste hilsner<br>Jonas Kjær<br>Webhuset Nord</p>\n"
              "<img src=\"https://t.tracker.example/open/5d1e0c9b72\" width=\"1\" height=\"1\" alt=\"\">\n"
              "</body></html>\n",
         label=L(True, "web redesign pitch, html only, tracking pixel")))
add(dict(name="calendly-da", lang="da", d="09-28 07:55",
         frm=("Sofie Winther", "sofie@vaekstpartner.example"), xmailer="lemlist", pixel="e4a1b7c3d2",
         subject="15 minutter i næste uge?",
         text="Hej Anna\n\nJeg hjælper konsulenthuse med at få 5-10 nye kundemøder om måneden, uden at de selv\n"
              "skal bruge tid på opsøgende salg.\n\nHar du 15 minutter i næste uge? Du kan booke en tid direkte her:\n"
              "https://calendly.example/sofie-vaekstpartner/15min\n\nHilsen\nSofie Winther\nVækstpartner\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="lead-list-latin1-da", lang="da", d="10-06 11:17",
         frm=("Rasmus Holt", "rasmus@leadfabrikken.example"), charset="iso-8859-1", hdr_charset="iso-8859-1",
         subject="Leads til konsulentvirksomheder: 2.000 beslutningstagere",
         text="Hej Anna\n\nVi har netop opdateret vores database med 2.000 direktører og indkøbschefer i danske\n"
              "virksomheder med 20-200 ansatte, alle med direkte e-mail og telefonnummer.\n\n"
              "Som konsulent kan du bruge listen til at komme i kontakt med præcis de kunder, du gerne vil\n"
              "have. Jeg sender gerne 50 gratis kontakter, så du kan teste kvaliteten.\n\n"
              "Venlig hilsen\nRasmus Holt\nLeadfabrikken\n",
         label=L(True, "lead list, iso-8859-1")))
add(dict(name="network-partnership-da", lang="da", d="10-15 12:40",
         frm=("Line Bech", "line@samspil-netvaerk.example"),
         subject="Jeg faldt over din virksomhed",
         text="Hej Anna\n\nJeg faldt over din virksomhed på LinkedIn og blev imponeret over dine cases inden for\n"
              "procesoptimering.\n\nVi er et netværk af 40 selvstændige rådgivere, der deler opgaver og leads.\n"
              "Medlemskab koster 1.495 kr. om måneden, og de fleste tjener det hjem på den første opgave.\n\n"
              "Kunne det være interessant? Jeg fortæller gerne mere over en kop kaffe.\n\n"
              "Venlig hilsen\nLine Bech\nSamspil Netværk\n",
         label=L(True, "paid network / partnership offer")))
add(dict(name="alias-all-fruit-da", lang="da", d="09-17 09:09",
         frm=("Mette Skou", "mette@frugtkassen.example"), to="all@holm.example", rcpt="all@holm.example",
         subject="Frisk frugt til hele kontoret – første levering gratis",
         text="Hej alle sammen\n\nVidste I, at en frugtordning kan mindske sygefraværet? Vi leverer økologisk frugt\n"
              "direkte til kontoret hver mandag, fra 249 kr. om ugen.\n\nFørste levering er gratis, hvis I\n"
              "bestiller inden 1. oktober.\n\nMed venlig hilsen\nMette Skou\nFrugtkassen\n",
         label=L(True, "office fruit pitch to alias all@", blocked="recipient")))
add(dict(name="no-auth-results-da", lang="da", d="10-09 15:21",
         frm=("Bo Andersen", "bo@rent-kontor.example"), auth="none",
         subject="Tilbud på rengøring af jeres kontor",
         text="Hej Anna\n\nVi gør rent for over 300 kontorer i Storkøbenhavn og har netop fået ledig kapacitet\n"
              "i jeres område.\n\nJeg giver gerne et uforpligtende tilbud, og den første rengøring er gratis.\n\n"
              "Mvh\nBo Andersen\nRent Kontor ApS\n",
         label=L(True, "cleaning pitch without Authentication-Results", blocked="authentication")))
add(dict(name="pitch-from-old-colleague-da", lang="da", d="10-19 19:12",
         frm=("Jesper Krogh", "jesper.krogh@crm-hjulet.example"),
         subject="Lang tid siden – og et tilbud til dig",
         text="Hej Anna\n\nLang tid siden! Jeg er faldet godt til hos CRM-Hjulet, og jeg tænkte straks på dig,\n"
              "da vi lancerede vores pakke til selvstændige.\n\nDu kan få tre måneder gratis, hvis du opretter\n"
              "dig inden november. Skal vi tage en kaffe, så viser jeg dig det?\n\nHilsen\nJesper\n",
         label=L(True, "pitch from a known contact (Anna wrote to him)", blocked="known_correspondent")))
# wanted, da
add(dict(name="customer-quote-request-da", lang="da", d="09-10 13:47",
         frm=("Peter Vang", "peter.vang@fynsk-moebel.example"),
         subject="Forespørgsel: workshop om ordreflow",
         text="Hej Anna\n\nDu er blevet anbefalet af Søren Friis hos Kvist & Co. Vi er en møbelproducent på Fyn\n"
              "med 60 medarbejdere og vil gerne have hjælp til at gennemgå vores ordreflow.\n\n"
              "Kunne du sende os et tilbud på en workshop over to dage i november, inklusive forberedelse?\n"
              "Vi tager også gerne et kort møde først, hvis det er nemmere.\n\n"
              "Venlig hilsen\nPeter Vang\nDriftschef, Fynsk Møbel A/S\n",
         label=L(False, "customer asking for a quote, new sender")))
add(dict(name="colleague-intro-da", lang="da", d="09-01 14:26",
         frm=("Lars Mortensen", "lars@mortensen-raadgivning.example"),
         to="Birgitte Skov <birgitte.skov@ejendomsdrift-oest.example>", cc=ANNA,
         subject="Introduktion: Anna Holm <> Birgitte Skov",
         text="Hej begge to\n\nSom aftalt sætter jeg jer lige i forbindelse med hinanden.\n\n"
              "Birgitte: Anna er den procesrådgiver, jeg fortalte om. Hun hjalp os med at halvere\n"
              "sagsbehandlingstiden sidste år.\n\nAnna: Birgitte er driftsdirektør hos Ejendomsdrift Øst og står\n"
              "midt i en omlægning af deres serviceafdeling.\n\nJeg lader jer selv tage den herfra.\n\nHilsen\nLars\n",
         label=L(False, "intro from a colleague, Anna in Cc", blocked="known_correspondent")))
add(dict(name="mother-dinner-da", lang="da", d="09-19 18:02",
         frm=("Inge Holm", "inge.holm@familiepost.example"),
         subject="Søndag?",
         text="Hej skat\n\nFar og jeg tænkte, om du har lyst til at komme til middag på søndag? Der bliver\n"
              "æblekage.\n\nKnus\nMor\n",
         label=L(False, "family", blocked="known_correspondent")))
add(dict(name="order-receipt-da", lang="da", d="09-26 21:33",
         frm=("Kontorland", "noreply@kontorland.example"),
         subject="Ordrebekræftelse nr. 448120",
         text="Tak for din bestilling!\n\nOrdrenummer: 448120\n1 x Skrivebordsstol Ergo Plus     1.099,00 kr.\n"
              "1 x A4-papir, 5 pakker                150,00 kr.\nI alt inkl. moms:                    1.249,00 kr.\n\n"
              "Forventet levering: 29.-30. september.\n\nDenne e-mail kan ikke besvares. Har du spørgsmål, så\n"
              "skriv via kontorland.example/kontakt.\n",
         html="<html><body><h2>Tak for din bestilling!</h2><p>Ordrenummer: <b>448120</b></p>"
              "<table><tr><td>Skrivebordsstol Ergo Plus</td><td>1.099,00 kr.</td></tr>"
              "<tr><td>A4-papir, 5 pakker</td><td>150,00 kr.</td></tr>"
              "<tr><td><b>I alt inkl. moms</b></td><td><b>1.249,00 kr.</b></td></tr></table>"
              "<p>Forventet levering: 29.-30. september.</p>"
              "<p>Denne e-mail kan ikke besvares.</p></body></html>\n",
         label=L(False, "order receipt from a shop (noreply@)", blocked="system_sender")))
CAL = ("BEGIN:VCALENDAR\nPRODID:-//Example//Kalender 2.1//DA\nVERSION:2.0\nCALSCALE:GREGORIAN\nMETHOD:REQUEST\n"
       "BEGIN:VEVENT\nDTSTART:20261006T080000Z\nDTEND:20261006T090000Z\nDTSTAMP:20260930T071200Z\n"
       "ORGANIZER;CN=Lars Mortensen:mailto:lars@mortensen-raadgivning.example\n"
       "UID:7b1c2e90-4d4f-4a7e-9d61-ejendomsdrift-status@mortensen-raadgivning.example\n"
       "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Anna Holm:mailto:anna@holm.example\n"
       "SUMMARY:Statusmøde: Ejendomsdrift Øst\nLOCATION:Mortensen Rådgivning\\, Vesterbrogade 12\\, København\n"
       "SEQUENCE:0\nSTATUS:CONFIRMED\nEND:VEVENT\nEND:VCALENDAR\n")
add(dict(name="calendar-invite-da", lang="da", d="09-30 09:12",
         frm=("Lars Mortensen", "lars@mortensen-raadgivning.example"),
         subject="Invitation: Statusmøde: Ejendomsdrift Øst @ tir. 6. okt. 2026 10:00 - 11:00",
         text="Lars Mortensen har inviteret dig til et møde.\n\nStatusmøde: Ejendomsdrift Øst\n"
              "Hvornår: tirsdag 6. oktober 2026, 10:00-11:00 (CEST)\nHvor: Mortensen Rådgivning, Vesterbrogade 12\n\n"
              "Svar: Ja / Måske / Nej\n",
         calendar=CAL,
         label=L(False, "calendar invitation from a known colleague", blocked="known_correspondent")))
add(dict(name="client-thread-reply-da", lang="da", d="09-14 16:09",
         frm=("Søren Friis", "soren.friis@kvist-co.example"), irt=M_SOREN,
         subject="Re: Oplæg til strategidag",
         text="Hej Anna\n\nTak for oplægget, det ser rigtig fint ud. Vi vil gerne køre med version B, men med lidt\n"
              "mere tid til gruppearbejde efter frokost.\n\nKan du sende en opdateret tidsplan inden fredag?\n\n"
              "Hilsen\nSøren\n",
         label=L(False, "client reply in a thread Anna started", blocked="known_correspondent")))
add(dict(name="friend-new-address-da", lang="da", d="10-03 10:26",
         frm=("Maja Lind", "maja.lind@postkassen.example"),
         subject="Min nye mailadresse",
         text="Hej Anna\n\nDet er Maja. Jeg har fået ny mailadresse, fordi jeg har sagt den gamle op, så gem lige\n"
              "den her i stedet.\n\nSes vi til Mettes fødselsdag på lørdag?\n\nKram\nMaja\n",
         label=L(False, "friend writing from a new address (not yet known)")))
add(dict(name="note-to-self-da", lang="da", d="10-08 07:40",
         frm=("Anna Holm", "anna@holm.example"),
         subject="Husk: faktura til Kvist & Co",
         text="Husk at sende fakturaen for strategidagen til Kvist & Co senest fredag. Timer: 14.\n",
         label=L(False, "note to self from Anna's own address", blocked="recipient")))

# ======================================================================= SWEDISH
OSKAR1 = "<lm.3a9e0b7c21.oskar@tillvaxtbyran.example>"
OSKAR2 = "<lm.3a9e0b7c22.oskar@tillvaxtbyran.example>"
add(dict(name="seo-pitch-sv", lang="sv", d="09-04 09:21",
         frm=("Erik Sjöberg", "erik@sokmotorlyftet.example"), subj_enc="b",
         subject="Fler kunder via Google?",
         text="Hej Anna!\n\nJag tittade på holm.example och ser att ni inte syns när man söker på \"processkonsult\n"
              "Köpenhamn\". Det betyder att era konkurrenter får de kunderna i stället.\n\n"
              "Vi har hjälpt över 150 konsultbolag att nå förstasidan på Google inom tre månader. Vill du ha\n"
              "en kostnadsfri SEO-analys?\n\nVänliga hälsningar\nErik Sjöberg\nSökmotorlyftet AB\n",
         label=L(True, "seo pitch")))
add(dict(name="dev-outsourcing-latin1-sv", lang="sv", d="09-11 10:03",
         frm=("Johanna Berg", "johanna.berg@kodkraft.example"), charset="iso-8859-1", hdr_charset="iso-8859-1",
         xmailer="Woodpecker.co",
         subject="Förstärk ert team med erfarna utvecklare",
         text="Hej Anna,\n\nHar ni utvecklingsprojekt som står still på grund av resursbrist? Kodkraft erbjuder\n"
              "erfarna utvecklare från vårt team i Vilnius från 450 kr/timme, utan långa avtal.\n\n"
              "Kan jag skicka över några cv:n?\n\nMed vänlig hälsning\nJohanna Berg\nKodkraft AB\n",
         label=L(True, "outsourcing dev shop, iso-8859-1")))
add(dict(name="calendly-sv", lang="sv", d="09-08 08:06",
         frm=("Oskar Lindqvist", "oskar@tillvaxtbyran.example"), mid=OSKAR1, xmailer="lemlist", pixel="0b7c21d4e9",
         subject="15 minuter nästa vecka?",
         text="Hej Anna,\n\nJag hjälper konsulter i Norden att fylla kalendern med kvalificerade kundmöten, utan\n"
              "kalla samtal.\n\nHar du 15 minuter nästa vecka? Boka en tid som passar dig här:\n"
              "https://calendly.example/oskar-tillvaxtbyran/15min\n\nHälsningar\nOskar Lindqvist\nTillväxtbyrån\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="calendly-followup-sv", lang="sv", d="09-22 08:14",
         frm=("Oskar Lindqvist", "oskar@tillvaxtbyran.example"), mid=OSKAR2, irt=OSKAR1, xmailer="lemlist",
         subject="Re: 15 minuter nästa vecka?",
         text="Hej igen Anna,\n\nHann du läsa mitt förra mejl? Jag har två tider kvar nästa vecka och tänkte att\n"
              "du skulle få förtur.\n\nhttps://calendly.example/oskar-tillvaxtbyran/15min\n\n/Oskar\n",
         label=L(True, "calendly follow-up after refusal", repeat=1)))
add(dict(name="calendly-third-sv", lang="sv", d="10-13 08:09",
         frm=("Oskar Lindqvist", "oskar@tillvaxtbyran.example"), irt=OSKAR2, refs=f"{OSKAR1} {OSKAR2}",
         xmailer="lemlist",
         subject="Ska jag sluta höra av mig?",
         text="Hej Anna,\n\nJag har inte hört något, så jag antar att timingen är fel. Ska jag sluta höra av mig,\n"
              "eller är det bättre att jag återkommer efter nyår?\n\n/Oskar\n",
         label=L(True, "breakup email, second repeat", blocked="already_answered", repeat=2)))
add(dict(name="energy-friday-sv", lang="sv", d="09-30 11:11",
         frm=("Maria Ek", "maria.ek@elavtal-direkt.example"),
         subject="Fast elpris för företag – erbjudandet gäller till fredag",
         text="Hej Anna,\n\nElpriserna väntas stiga i vinter. Just nu kan vi erbjuda ditt företag ett fast elpris\n"
              "på 89 öre/kWh i 24 månader, men erbjudandet gäller bara till och med fredag.\n\n"
              "Svara bara \"ja\" så skickar jag avtalet för signering.\n\nMed vänlig hälsning\nMaria Ek\n"
              "Elavtal Direkt\n",
         label=L(True, "energy deal with time pressure")))
add(dict(name="lead-list-sv", lang="sv", d="10-05 14:35",
         frm=("Linnea Strand", "linnea@leadbolaget.example"), cte="base64",
         subject="Kontaktlistor med beslutsfattare i Danmark",
         text="Hej Anna,\n\nVi säljer uppdaterade kontaktlistor med vd:ar och inköpschefer i danska och svenska\n"
              "företag, med direktnummer och e-post. Listorna är GDPR-säkrade.\n\n"
              "Vill du ha ett gratis urval på 50 kontakter inom din bransch?\n\n"
              "Vänligen\nLinnea Strand\nLeadbolaget\n",
         label=L(True, "lead list")))
add(dict(name="came-across-sv", lang="sv", d="10-16 09:47",
         frm=("Axel Nyström", "axel@partnernatverket.example"), to=ANNA2,
         subject="Jag kom över ert företag",
         text="Hej Anna,\n\nJag kom över ert företag när jag letade efter processkonsulter i Öresundsregionen.\n"
              "Vi är ett nätverk av IT-konsulter som gärna samarbetar med någon som du, vi delar uppdrag\n"
              "och provision.\n\nKan vi ta ett kort samtal nästa vecka?\n\nBästa hälsningar\nAxel Nyström\n"
              "Partnernätverket\n",
         label=L(True, "partnership offer, came across your company")))
add(dict(name="fake-sv-re-bump", lang="sv", d="10-22 13:30",
         frm=("Fredrik Ström", "fredrik@saljmotorn.example"), xmailer="Mailshake",
         subject="Sv: Vårt samtal förra veckan",
         text="Hej Anna,\n\nVille bara följa upp vårt samtal. Som jag nämnde kan Säljmotorn ge dig 20 nya leads\n"
              "i månaden, helt automatiskt.\n\nPassar det med en demo på torsdag kl. 10?\n\nMvh\nFredrik\n",
         label=L(True, "bump with fake Sv: subject, no In-Reply-To")))
add(dict(name="return-path-missing-sv", lang="sv", d="10-01 15:02",
         frm=("Emma Lundgren", "emma@annonsfabriken.example"), rp="MISSING",
         subject="Fler bokade möten med LinkedIn-annonser",
         text="Hej Anna,\n\nVi sätter upp LinkedIn-annonser som ger konsulter 5-15 bokade möten i månaden. Du\n"
              "betalar bara för mötena.\n\nIntresserad av en kort genomgång?\n\nHälsningar\nEmma Lundgren\n"
              "Annonsfabriken\n",
         label=L(True, "ads pitch, no Return-Path", blocked="return_path")))
# wanted, sv
add(dict(name="customer-quote-request-sv", lang="sv", d="09-29 10:19",
         frm=("Ulrika Månsson", "ulrika.mansson@skanska-kvarnen.example"),
         subject="Offertförfrågan: processkartläggning",
         text="Hej Anna,\n\nVi på Skånska Kvarnen står inför att byta affärssystem och vill först kartlägga våra\n"
              "order- och lagerprocesser. Jag fick ditt namn av en kollega på ett nätverksmöte i Malmö.\n\n"
              "Skulle du kunna skicka en offert på en kartläggning, ungefär 5-8 dagars arbete under\n"
              "november och december? Vi har budget för det i år.\n\nVänliga hälsningar\nUlrika Månsson\n"
              "Verksamhetschef, Skånska Kvarnen AB\n",
         label=L(False, "customer asking for a quote, new sender")))
add(dict(name="client-thread-reply-sv", lang="sv", d="09-07 16:40",
         frm=("Karin Lund", "karin.lund@lundochpartners.example"), irt=M_KARIN,
         subject="Sv: Workshopupplägg för november",
         text="Hej Anna,\n\nTack, upplägget ser bra ut! Vi kör på det. Kan vi flytta dag 2 till torsdagen i\n"
              "stället för fredagen? Flera i gruppen är lediga på fredag.\n\nHälsningar\nKarin\n",
         label=L(False, "client reply in a thread Anna started", blocked="known_correspondent")))
add(dict(name="mailing-list-sv", lang="sv", d="10-07 20:15",
         frm=("Per Olofsson", "per.olofsson@konsultpost.example"),
         to="nordiska-konsulter@lists.konsultforum.example",
         rp="<nordiska-konsulter-bounces+anna=holm.example@lists.konsultforum.example>",
         mailfrom="nordiska-konsulter-bounces+anna=holm.example@lists.konsultforum.example",
         helo_domain="lists.konsultforum.example",
         auth="mx.holm.example;\n\tdkim=pass header.d=lists.konsultforum.example header.s=list header.b=Qk3vX9aa;\n\tspf=pass smtp.mailfrom=lists.konsultforum.example;\n\tdmarc=none header.from=konsultpost.example",
         extra=[("Sender", "\"nordiska-konsulter\" <nordiska-konsulter-bounces@lists.konsultforum.example>"),
                ("List-Id", "Nordiska konsulter <nordiska-konsulter.lists.konsultforum.example>"),
                ("List-Post", "<mailto:nordiska-konsulter@lists.konsultforum.example>"),
                ("List-Help", "<mailto:nordiska-konsulter-request@lists.konsultforum.example?subject=help>"),
                ("List-Unsubscribe", "<https://lists.konsultforum.example/mailman/options/nordiska-konsulter>,\n <mailto:nordiska-konsulter-request@lists.konsultforum.example?subject=unsubscribe>"),
                ("Precedence", "list")],
         subject="[nordiska-konsulter] Moms på tjänster till danska kunder?",
         text="Hej alla,\n\nJag har fått mitt första uppdrag åt en dansk kund. Någon som vet om jag ska fakturera\n"
              "med omvänd skattskyldighet, eller behöver jag registrera mig för moms i Danmark?\n\n"
              "Tack på förhand!\nPer\n\n_______________________________________________\n"
              "nordiska-konsulter mailing list\nhttps://lists.konsultforum.example/mailman/listinfo/nordiska-konsulter\n",
         label=L(False, "mailing list discussion", blocked="mailing_list")))
add(dict(name="train-receipt-sv", lang="sv", d="10-10 17:52",
         frm=("Tågresor", "no-reply@tagresor.example"), cte="base64",
         subject="Kvitto: din resa Köpenhamn–Stockholm 14 oktober",
         text="Tack för din bokning!\n\nBokningsnummer: TR8K2M4Q\nResa: Köpenhamn H – Stockholm C, onsdag 14 oktober,\n"
              "avgång 07:12, vagn 4, plats 62\nPris: 1 049 kr (varav moms 112,39 kr)\n\n"
              "Det här mejlet går inte att svara på.\n",
         label=L(False, "ticket receipt (no-reply@)", blocked="system_sender")))

# ======================================================================= NORWEGIAN (BOKMAL)
OLA1 = "<8d2f0a61c3e4.ola@digitalvekst.example>"
add(dict(name="seo-pitch-nb", lang="nb", d="09-04 13:37",
         frm=("Ola Haugen", "ola.haugen@digitalvekst.example"), mid=OLA1,
         subject="Bedre synlighet på Google for holm.example",
         text="Hei Anna!\n\nJeg tok en rask titt på nettsiden deres og ser at dere nesten ikke får trafikk fra\n"
              "Google. Med noen enkle grep kan dere komme på første side for søkene kundene deres faktisk\n"
              "bruker.\n\nVi tilbyr en gratis analyse uten forpliktelser. Skal jeg sende den over?\n\n"
              "Vennlig hilsen\nOla Haugen\nDigital Vekst AS\n",
         label=L(True, "seo pitch")))
add(dict(name="seo-new-colleague-nb", lang="nb", d="10-01 09:44",
         frm=("Kari Lunde", "kari.lunde@digitalvekst.example"),
         subject="Oppfølging: synlighet på Google",
         text="Hei Anna!\n\nJeg har overtatt kundeporteføljen etter kollegaen min Ola, som skrev til deg for noen\n"
              "uker siden om synligheten til holm.example på Google.\n\nVi har fortsatt en ledig plass i oktober.\n"
              "Har du tid til en kort prat på telefon denne uken?\n\nMed vennlig hilsen\nKari Lunde\nDigital Vekst AS\n",
         label=L(True, "repeat from a new address at the same company", repeat=1)))
add(dict(name="dev-shop-nb", lang="nb", d="09-16 11:23",
         frm=("Sindre Bakke", "sindre@utviklerhuset.example"), xmailer="Woodpecker.co",
         subject="Erfarne utviklere fra 650 kr/time – ledig kapasitet fra oktober",
         text="Hei Anna,\n\nVi har tre seniorutviklere (Java og .NET) som blir ledige fra oktober, og vi tilbyr dem\n"
              "fra 650 kr/time, uten bindingstid.\n\nTrenger dere ekstra kapasitet i høst? Jeg sender gjerne CV-er.\n\n"
              "Mvh\nSindre Bakke\nUtviklerhuset AS\n",
         label=L(True, "outsourcing dev shop")))
add(dict(name="calendly-nb", lang="nb", d="09-24 08:29",
         frm=("Ingrid Solberg", "ingrid@salgsloftet.example"), xmailer="Reply.io", pixel="19f0e2a7b3",
         subject="15 minutter neste uke?",
         text="Hei Anna,\n\nVi hjelper rådgivere med å booke flere kundemøter gjennom målrettet oppsøkende salg.\n\n"
              "Har du 15 minutter neste uke? Her kan du velge et tidspunkt som passer:\n"
              "https://calendly.example/ingrid-salgsloftet/15min\n\nHilsen\nIngrid Solberg\nSalgsløftet\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="insurance-mixedcase-to-nb", lang="nb", d="10-05 10:51",
         frm=("Marius Berg", "marius.berg@tryggforsikring.example"),
         to="Anna.Holm@Holm.Example", rcpt="Anna.Holm@Holm.Example",
         subject="Har du riktig forsikring som selvstendig næringsdrivende?",
         text="Hei Anna,\n\nSom selvstendig næringsdrivende står du uten sykepenger de første 16 dagene, med mindre\n"
              "du har en tilleggsforsikring. Mange oppdager det først når de blir syke.\n\n"
              "Jeg kan sette opp et uforpliktende tilbud på fem minutter. Passer det med en telefon i morgen?\n\n"
              "Vennlig hilsen\nMarius Berg\nTrygg Forsikring\n",
         label=L(True, "insurance pitch, To in mixed case")))
add(dict(name="lead-list-nb", lang="nb", d="10-12 12:16",
         frm=("Camilla Strand", "camilla@leadkilden.example"),
         subject="Kvalifiserte leads i hele Norden",
         text="Hei Anna,\n\nLeadkilden leverer ferske lister over beslutningstakere i norske, svenske og danske\n"
              "bedrifter, med direkte e-post og mobilnummer.\n\nVil du ha 100 gratis kontakter å teste med?\n\n"
              "Med vennlig hilsen\nCamilla Strand\nLeadkilden\n",
         label=L(True, "lead list")))
add(dict(name="fake-re-bump-nb", lang="nb", d="10-19 09:36",
         frm=("Henrik Moe", "henrik.moe@markedsmotor.example"), xmailer="Reply.io",
         subject="Re: Oppfølging",
         text="Hei Anna,\n\nBare en kjapp oppfølging på forrige e-post. Fikk du sett på forslaget mitt om\n"
              "automatisert markedsføring?\n\nJeg har et par ledige tider torsdag, om du vil ta en prat.\n\n"
              "Mvh\nHenrik Moe\nMarkedsmotor\n",
         label=L(True, "bump with fake Re: subject, no In-Reply-To")))
add(dict(name="partnership-nb", lang="nb", d="10-26 14:03",
         frm=("Eirik Dahl", "eirik@partnerhuset.example"), to=ANNA2,
         subject="Samarbeid?",
         text="Hei Anna,\n\nJeg kom over nettsiden din og ser at vi jobber med mange av de samme kundene. Vi i\n"
              "Partnerhuset tilbyr konsulenter en fast provisjon på 10 % for hver kunde de henviser til oss.\n\n"
              "Kan vi ta en kaffe på Teams neste uke?\n\nBeste hilsen\nEirik Dahl\nPartnerhuset\n",
         label=L(True, "partnership / referral offer")))
# wanted, nb
add(dict(name="friend-cabin-nb", lang="nb", d="09-06 19:24",
         frm=("Silje Rønning", "silje.r@fjellpost.example"), irt=M_SILJE,
         subject="Re: Lenge siden!",
         text="Hei Anna!\n\nSå hyggelig å høre fra deg! Hva med hyttetur i oktober? Vi har hytta på Norefjell\n"
              "helgen 16.-18. oktober. Du er hjertelig velkommen.\n\nKlem\nSilje\n",
         label=L(False, "friend", blocked="known_correspondent")))
add(dict(name="conference-thread-nb", lang="nb", d="09-02 12:55",
         frm=("Tor Aas", "tor.aas@konsulentdagene.example"), irt=M_TOR,
         subject="Re: Foredrag på Konsulentdagene 2026",
         text="Hei Anna,\n\nTusen takk for tilbudet! Vi har satt deg opp med et foredrag på 30 minutter torsdag\n"
              "12. november kl. 13.30. Kan du sende en kort beskrivelse og et bilde innen 1. oktober?\n\n"
              "Vennlig hilsen\nTor Aas\nProgramansvarlig, Konsulentdagene\n",
         label=L(False, "reply in a thread Anna started", blocked="known_correspondent")))
add(dict(name="newsletter-nb", lang="nb", d="10-01 07:00",
         frm=("Selvstendig.example", "nyhetsbrev@selvstendig.example"),
         rp="<bounce+1a2b3c@nyhet.selvstendig.example>", mailfrom="bounce+1a2b3c@nyhet.selvstendig.example",
         extra=[("List-Id", "Nyhetsbrev <nyhetsbrev.selvstendig.example>"),
                ("List-Unsubscribe", "<https://nyhet.selvstendig.example/avmeld/1a2b3c>"),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
         subject="Nyhetsbrev oktober: skattefradrag for hjemmekontor",
         text="NYHETSBREV OKTOBER 2026\n\n- Skattefradrag for hjemmekontor: dette gjelder i år\n"
              "- Frist for forskuddsskatt 15. november\n- Webinar: Prising av konsulenttjenester\n\n"
              "Les mer: https://selvstendig.example/oktober\n\nDu mottar dette fordi du har meldt deg på nyhetsbrevet.\n"
              "Meld deg av: https://nyhet.selvstendig.example/avmeld/1a2b3c\n",
         label=L(False, "subscribed newsletter", blocked="mailing_list")))
add(dict(name="speaker-inquiry-nb", lang="nb", d="10-23 13:14",
         frm=("Hilde Rønneberg", "hilde.ronneberg@bergen-havnedrift.example"),
         subject="Forespørsel om foredrag for ledergruppen vår",
         text="Hei Anna,\n\nJeg hørte foredraget ditt på et frokostseminar i Bergen i vår og tenkte på deg nå som vi\n"
              "planlegger ledersamlingen vår i januar.\n\nKunne du tenke deg å holde et foredrag på en time om\n"
              "prosessforbedring? Send oss gjerne et pristilbud, så tar vi det videre derfra.\n\n"
              "Vennlig hilsen\nHilde Rønneberg\nHR-sjef, Bergen Havnedrift\n",
         label=L(False, "prospective customer asking for a talk and a price, new sender")))

# ======================================================================= GERMAN
LUKAS1 = "<20260910074102.4c1d@vertriebsboost.example>"
add(dict(name="seo-pitch-de", lang="de", d="09-05 09:12",
         frm=("Jonas Becker", "j.becker@seo-schmiede.example"), pixel="c3d9e1f0a2",
         subject="Mehr Sichtbarkeit für holm.example",
         text="Hallo Frau Holm,\n\nbei einer kurzen Analyse Ihrer Website ist mir aufgefallen, dass holm.example bei\n"
              "wichtigen Suchbegriffen wie „Prozessberatung“ kaum gefunden wird. Damit verschenken Sie\n"
              "jeden Monat potenzielle Kunden.\n\nGerne zeige ich Ihnen in einem kostenlosen 20-minütigen Termin,\n"
              "wie wir das ändern können.\n\nMit freundlichen Grüßen\nJonas Becker\nSEO-Schmiede GmbH\n",
         label=L(True, "seo pitch")))
add(dict(name="nearshore-dev-de", lang="de", d="09-12 10:30",
         frm=("Katharina Wolf", "k.wolf@devpartner-ost.example"), xmailer="Woodpecker.co",
         subject="Entwickler ab 35 €/Std. – Nearshoring aus Polen",
         text="Guten Tag Frau Holm,\n\nFachkräftemangel in der IT? Unsere erfahrenen Entwicklerteams aus Breslau\n"
              "unterstützen Sie ab 35 € pro Stunde, flexibel und ohne lange Vertragsbindung.\n\n"
              "Hätten Sie diese Woche 15 Minuten Zeit für ein kurzes Kennenlernen?\n\n"
              "Beste Grüße\nKatharina Wolf\nDevPartner Ost\n",
         label=L(True, "nearshore outsourcing")))
add(dict(name="calendly-de", lang="de", d="09-10 07:41",
         frm=("Lukas Hoffmann", "lukas.hoffmann@vertriebsboost.example"), mid=LUKAS1, xmailer="lemlist",
         subject="15 Minuten nächste Woche?",
         text="Hallo Anna,\n\nwir helfen Beraterinnen und Beratern, planbar 10 neue Kundentermine pro Monat zu\n"
              "bekommen, ganz ohne Kaltakquise.\n\nHast du nächste Woche 15 Minuten? Hier kannst du direkt einen\n"
              "Termin buchen: https://calendly.example/lukas-vertriebsboost/15min\n\n"
              "Viele Grüße\nLukas Hoffmann\nVertriebsBoost\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="calendly-reminder-de", lang="de", d="10-05 07:48",
         frm=("Lukas Hoffmann", "lukas.hoffmann@vertriebsboost.example"), irt=LUKAS1, xmailer="lemlist",
         subject="Kurze Erinnerung: 15 Minuten?",
         text="Hallo Anna,\n\nich wollte meine Nachricht von letztem Monat noch einmal nach oben holen. Diese Woche\n"
              "habe ich noch zwei Termine frei:\nhttps://calendly.example/lukas-vertriebsboost/15min\n\n"
              "Viele Grüße\nLukas\n",
         label=L(True, "calendly reminder after refusal", repeat=1)))
add(dict(name="energy-friday-latin1-de", lang="de", d="09-18 11:55",
         frm=("Sabine Krüger", "s.krueger@strompreis-profi.example"), charset="iso-8859-1",
         hdr_charset="iso-8859-1",
         subject="Gewerbestrom günstiger - Angebot nur bis Freitag",
         text="Sehr geehrte Frau Holm,\n\nals Gewerbekunde zahlen Sie wahrscheinlich zu viel für Ihren Strom. Wir haben\n"
              "für Ihr Büro einen Festpreis von 24,9 Cent/kWh für 24 Monate reserviert.\n\n"
              "Das Angebot gilt nur bis Freitag. Antworten Sie einfach mit Ihrer Zählernummer, den Rest\n"
              "erledigen wir.\n\nMit freundlichen Grüßen\nSabine Krüger\nStrompreis-Profi\n",
         label=L(True, "energy deal with time pressure, iso-8859-1")))
add(dict(name="lead-list-de", lang="de", d="09-23 14:44",
         frm=("Tobias Schmitt", "tobias.schmitt@leadquelle.example"), cte="base64",
         subject="Verifizierte B2B-Kontakte für Ihr Beratungsgeschäft",
         text="Hallo Frau Holm,\n\nwir stellen Ihnen Listen mit verifizierten Entscheidern (Geschäftsführung,\n"
              "Einkauf, Operations) aus der DACH-Region und Skandinavien zusammen – DSGVO-konform.\n\n"
              "Darf ich Ihnen eine kostenlose Stichprobe mit 50 Kontakten schicken?\n\n"
              "Freundliche Grüße\nTobias Schmitt\nLeadquelle GmbH\n",
         label=L(True, "lead list")))
add(dict(name="came-across-de", lang="de", d="10-08 10:21",
         frm=("Felix Neumann", "felix@kooperationsnetz.example"), to=ANNA2,
         subject="Ich bin auf Ihr Unternehmen gestoßen",
         text="Hallo Frau Holm,\n\nich bin bei meiner Recherche auf Ihr Unternehmen gestoßen und finde Ihren Ansatz\n"
              "in der Prozessberatung sehr spannend.\n\nWir bauen gerade ein Kooperationsnetzwerk für unabhängige\n"
              "Beraterinnen und Berater auf. Hätten Sie Interesse an einem unverbindlichen Austausch?\n\n"
              "Herzliche Grüße\nFelix Neumann\nKooperationsnetz\n",
         label=L(True, "partnership offer, came across your company")))
add(dict(name="fake-aw-bump-de", lang="de", d="10-27 09:18",
         frm=("Stefan Vogel", "stefan.vogel@abschlussprofi.example"), xmailer="Woodpecker.co",
         subject="AW: Unser Gespräch",
         text="Hallo Frau Holm,\n\nich wollte kurz an mein letztes Schreiben anknüpfen. Haben Sie sich schon\n"
              "Gedanken zu unserem Angebot für die Vertriebsautomatisierung gemacht?\n\n"
              "Ich melde mich sonst Donnerstag telefonisch.\n\nBeste Grüße\nStefan Vogel\nAbschlussProfi\n",
         label=L(True, "bump with fake AW: subject, no In-Reply-To")))
add(dict(name="bcc-mass-webinar-de", lang="de", d="10-14 15:47",
         frm=("Nadine Richter", "nadine.richter@beraterakademie.example"), to="undisclosed-recipients:;",
         subject="Einladung: Exklusives Webinar für Beraterinnen und Berater",
         text="Guten Tag,\n\nam 29. Oktober zeigen wir in unserem exklusiven Webinar, wie Sie als Berater Ihren\n"
              "Tagessatz in sechs Monaten verdoppeln. Die Teilnahme kostet nur 49 € statt 199 €.\n\n"
              "Jetzt Platz sichern: https://beraterakademie.example/webinar\n\n"
              "Herzliche Grüße\nNadine Richter\nBeraterAkademie\n",
         label=L(True, "mass mailing, Anna only in Bcc", blocked="recipient")))
add(dict(name="spf-not-aligned-de", lang="de", d="10-21 08:58",
         frm=("Nina Krause", "nina.krause@webcheck-pro.example"),
         rp="<bounce-88213@mailrelay-cloud.test>", mailfrom="bounce-88213@mailrelay-cloud.test",
         helo_domain="out7.mailrelay-cloud.test",
         auth=("mx.holm.example;\n\tdkim=pass header.d=mailrelay-cloud.test header.s=k1 header.b=Vb7m2Q1x;\n"
               "\tspf=pass (mx.holm.example: domain of bounce-88213@mailrelay-cloud.test designates {ip} as permitted sender) smtp.mailfrom=bounce-88213@mailrelay-cloud.test;\n"
               "\tdmarc=none header.from=webcheck-pro.example"),
         subject="Ihre Website verliert Kunden",
         text="Hallo Frau Holm,\n\nunser Website-Check hat auf holm.example 14 Fehler gefunden, die Besucher\n"
              "abschrecken, darunter eine Ladezeit von über 6 Sekunden auf dem Handy.\n\n"
              "Den vollständigen Bericht schicke ich Ihnen gern kostenlos zu. Sollen wir kurz telefonieren?\n\n"
              "Viele Grüße\nNina Krause\nWebCheck Pro\n",
         label=L(True, "website pitch, spf pass but not aligned, no dmarc", blocked="authentication")))
# wanted, de
add(dict(name="journalist-interview-de", lang="de", d="10-02 11:34",
         frm=("Julia Brandt", "julia.brandt@wirtschaftsblatt-nord.example"),
         subject="Interviewanfrage: Prozessberatung im Mittelstand",
         text="Sehr geehrte Frau Holm,\n\nich bin Redakteurin beim Wirtschaftsblatt Nord und arbeite an einem Beitrag\n"
              "darüber, wie mittelständische Logistikunternehmen ihre Abläufe digitalisieren.\n\n"
              "Hätten Sie in den nächsten zwei Wochen Zeit für ein etwa 30-minütiges Gespräch am Telefon?\n"
              "Das Interview würde in unserer Novemberausgabe erscheinen.\n\n"
              "Mit freundlichen Grüßen\nJulia Brandt\nRedaktion Wirtschaftsblatt Nord\n",
         label=L(False, "journalist interview request, new sender")))
add(dict(name="client-thread-reply-de", lang="de", d="09-16 17:22",
         frm=("Thomas Weber", "t.weber@weber-logistik.example"), irt=M_WEBER,
         subject="AW: Angebot: Workshop Prozessanalyse",
         text="Sehr geehrte Frau Holm,\n\nvielen Dank für Ihr Angebot. Wir würden den Workshop gern am 3. und 4.\n"
              "November durchführen. Bitte schicken Sie mir noch eine kurze Agenda für unsere Schichtleiter.\n\n"
              "Mit freundlichen Grüßen\nThomas Weber\nGeschäftsführer, Weber Logistik GmbH\n",
         label=L(False, "client reply in a thread Anna started", blocked="known_correspondent")))
add(dict(name="hosting-invoice-de", lang="de", d="10-01 04:12",
         frm=("Hostwerk Rechnungsservice", "do-not-reply@hostwerk.example"),
         subject="Ihre Rechnung 2026-10-4471",
         text="Guten Tag Anna Holm,\n\nanbei erhalten Sie Ihre Rechnung Nr. 2026-10-4471 für den Zeitraum\n"
              "01.10.2026 bis 31.10.2026.\n\nWebhosting Business S      9,90 €\nDomain holm.example        1,20 €\n"
              "Gesamtbetrag (inkl. MwSt.): 11,10 €\n\nDer Betrag wird am 05.10.2026 per SEPA-Lastschrift eingezogen.\n\n"
              "Bitte antworten Sie nicht auf diese E-Mail.\n",
         label=L(False, "hosting invoice (do-not-reply@)", blocked="system_sender")))
add(dict(name="read-receipt-de", lang="de", d="09-09 14:31",
         frm=("Thomas Weber", "t.weber@weber-logistik.example"),
         subject="Gelesen: Angebot: Workshop Prozessanalyse",
         raw_body=(
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/report; report-type=disposition-notification;\n"
             "\tboundary=\"----=_NextPart_000_0C3D_01DD3A1E.5B7C8D90\"\n\n"
             "------=_NextPart_000_0C3D_01DD3A1E.5B7C8D90\n"
             "Content-Type: text/plain; charset=\"utf-8\"\n"
             "Content-Transfer-Encoding: quoted-printable\n\n"
             "Ihre Nachricht\n\n"
             "  An: Thomas Weber\n"
             "  Betreff: Angebot: Workshop Prozessanalyse\n"
             "  Gesendet: Mittwoch, 9. September 2026 14:12:08 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, =\n"
             "Stockholm, Wien\n\n"
             "wurde am Mittwoch, 9. September 2026 14:31:40 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, =\n"
             "Stockholm, Wien gelesen.\n\n"
             "------=_NextPart_000_0C3D_01DD3A1E.5B7C8D90\n"
             "Content-Type: message/disposition-notification\n\n"
             "Reporting-UA: mail.weber-logistik.example; Microsoft Outlook 16.0\n"
             "Final-Recipient: rfc822;t.weber@weber-logistik.example\n"
             f"Original-Message-ID: {M_WEBER}\n"
             "Disposition: manual-action/MDN-sent-manually; displayed\n\n"
             "------=_NextPart_000_0C3D_01DD3A1E.5B7C8D90--\n"),
         label=L(False, "read receipt (MDN) from a client", blocked="report")))

# ======================================================================= POLISH
add(dict(name="seo-audit-latin2-pl", lang="pl", d="09-09 09:07",
         frm=("Paweł Zieliński", "pawel.zielinski@pozycjoner.example"), charset="iso-8859-2",
         hdr_charset="iso-8859-2",
         subject="Bezpłatny audyt SEO dla holm.example",
         text="Dzień dobry,\n\nprzeanalizowałem stronę holm.example i widzę, że Pani firma praktycznie nie pojawia się\n"
              "w Google na frazy związane z doradztwem procesowym. To oznacza, że klienci trafiają do\n"
              "konkurencji.\n\nPrzygotujemy dla Pani bezpłatny audyt SEO z listą konkretnych poprawek.\n"
              "Czy mogę go przesłać?\n\nZ poważaniem\nPaweł Zieliński\nPozycjoner.example\n",
         label=L(True, "seo pitch, iso-8859-2")))
add(dict(name="software-house-cp1250-pl", lang="pl", d="09-17 10:42",
         frm=("Agnieszka Wójcik", "agnieszka.wojcik@softwarehouse-wisla.example"), charset="windows-1250",
         hdr_charset="windows-1250", xmailer="Woodpecker.co",
         subject="Zespół programistów od zaraz – bez rekrutacji",
         text="Dzień dobry Pani Anno,\n\nczy planuje Pani w tym roku projekt IT? Software House Wisła udostępnia\n"
              "doświadczonych programistów (Java, Python, React) od ręki, bez kosztów rekrutacji i bez\n"
              "długich umów – już od 30 € za godzinę.\n\nCzy mogę przesłać kilka przykładowych CV?\n\n"
              "Pozdrawiam serdecznie\nAgnieszka Wójcik\nNew Business Manager, Software House Wisła\n",
         label=L(True, "outsourcing software house, windows-1250")))
add(dict(name="calendly-pl", lang="pl", d="09-24 12:25",
         frm=("Krzysztof Nowak", "krzysztof@sprzedazplus.example"), xmailer="lemlist", pixel="6a2b1c0d9e",
         subject="15 minut w przyszłym tygodniu?",
         text="Cześć Anno,\n\npomagamy firmom doradczym umawiać 10-15 spotkań z nowymi klientami miesięcznie.\n\n"
              "Masz 15 minut w przyszłym tygodniu? Wybierz dogodny termin tutaj:\n"
              "https://calendly.example/krzysztof-sprzedazplus/15min\n\nPozdrawiam\nKrzysztof Nowak\nSprzedaż Plus\n",
         label=L(True, "meeting request with calendly link")))
add(dict(name="lead-database-pl", lang="pl", d="10-02 08:33",
         frm=("Magdalena Kowalczyk", "m.kowalczyk@bazyfirm.example"), cte="base64",
         subject="Bazy kontaktów B2B – Skandynawia i Polska",
         text="Dzień dobry,\n\noferujemy aktualne bazy kontaktów do prezesów i dyrektorów operacyjnych firm ze\n"
              "Skandynawii i Polski – z bezpośrednimi adresami e-mail i numerami telefonów.\n\n"
              "Czy mogę przesłać darmową próbkę 50 rekordów z Pani branży?\n\n"
              "Z wyrazami szacunku\nMagdalena Kowalczyk\nBazyFirm\n",
         label=L(True, "lead database")))
add(dict(name="came-across-pl", lang="pl", d="10-09 11:08",
         frm=("Tomasz Lewandowski", "tomasz@partnerzy-biznesowi.example"), to=ANNA2,
         subject="Natrafiłem na Pani firmę",
         text="Dzień dobry Pani Anno,\n\nnatrafiłem na Pani firmę na LinkedInie i zrobiło na mnie wrażenie Pani\n"
              "doświadczenie w optymalizacji procesów.\n\nPoszukujemy partnerów w Danii do wspólnych projektów dla\n"
              "klientów z branży logistycznej. Czy znalazłaby Pani chwilę na krótką rozmowę?\n\n"
              "Pozdrawiam\nTomasz Lewandowski\nPartnerzy Biznesowi sp. z o.o.\n",
         label=L(True, "partnership offer, came across your company")))
add(dict(name="fake-odp-bump-pl", lang="pl", d="10-16 13:52",
         frm=("Michał Dąbrowski", "michal@leadmaszyna.example"), xmailer="Woodpecker.co",
         subject="Odp: Nasza rozmowa",
         text="Dzień dobry,\n\nwracam do naszej rozmowy. Czy miała Pani okazję zapoznać się z ofertą LeadMaszyny?\n\n"
              "Do końca miesiąca pierwszy miesiąc jest gratis.\n\nPozdrawiam\nMichał Dąbrowski\n",
         label=L(True, "bump with fake Odp: subject, no In-Reply-To")))
add(dict(name="insurance-friday-pl", lang="pl", d="10-23 09:40",
         frm=("Ewa Szymańska", "ewa.szymanska@polisa-plus.example"),
         subject="Ubezpieczenie OC dla konsultantów – oferta ważna do piątku",
         text="Dzień dobry,\n\njako niezależna konsultantka odpowiada Pani za błędy w doradztwie całym swoim\n"
              "majątkiem. Nasze ubezpieczenie OC zawodowe kosztuje od 59 zł miesięcznie.\n\n"
              "Specjalna cena obowiązuje tylko do piątku. Czy mogę zadzwonić jutro?\n\n"
              "Z poważaniem\nEwa Szymańska\nPolisa Plus\n",
         label=L(True, "insurance pitch with time pressure")))
add(dict(name="forged-lower-ar-pl", lang="pl", d="10-28 10:05",
         frm=("Marek Kamiński", "marek@eksport-partner.example"), auth="fail", helo_domain="host-77.tani-vps.test",
         trace=[("Authentication-Results", "mail.eksport-partner.example;\n\tdkim=pass header.d=eksport-partner.example;\n"
                 "\tspf=pass smtp.mailfrom=marek@eksport-partner.example;\n\tdmarc=pass header.from=eksport-partner.example")],
         subject="Współpraca przy ekspansji na rynek duński",
         text="Dzień dobry,\n\nreprezentuję grupę polskich producentów, którzy chcą wejść na rynek duński. Szukamy\n"
              "doradcy, który pomoże nam w pierwszych rozmowach. Wynagrodzenie prowizyjne.\n\n"
              "Proszę o kontakt telefoniczny i numer konta do rozliczeń.\n\nMarek Kamiński\nEksport Partner\n",
         label=L(True, "forged sender; a lower, untrusted Authentication-Results claims pass",
                 blocked="authentication")))
# wanted, pl
add(dict(name="customer-quote-request-pl", lang="pl", d="09-21 14:02",
         frm=("Joanna Mazur", "joanna.mazur@logistyka-baltyk.example"),
         subject="Prośba o wycenę: warsztaty z optymalizacji procesów",
         text="Dzień dobry Pani Anno,\n\nnazywam się Joanna Mazur i odpowiadam za operacje w Logistyce Bałtyk w Gdyni.\n"
              "Pani nazwisko poleciła mi znajoma z Kopenhagi.\n\nCzy mogłaby Pani przesłać nam wycenę dwudniowych\n"
              "warsztatów z optymalizacji procesów magazynowych dla ok. 12 osób? Termin: styczeń lub luty.\n\n"
              "Z poważaniem\nJoanna Mazur\nDyrektor Operacyjna, Logistyka Bałtyk\n",
         label=L(False, "customer asking for a quote, new sender")))
add(dict(name="subcontractor-thread-pl", lang="pl", d="09-15 12:49",
         frm=("Marta Wiśniewska", "marta@tlumaczenia-wisniewska.example"), irt=M_MARTA,
         subject="Re: Tłumaczenie raportu",
         text="Cześć Anno,\n\njasne, dam radę do piątku. Prześlij mi proszę plik w Wordzie, będzie mi łatwiej.\n\n"
              "Pozdrawiam\nMarta\n",
         label=L(False, "subcontractor reply in a thread Anna started", blocked="known_correspondent")))
add(dict(name="newsletter-pl", lang="pl", d="10-06 06:30",
         frm=("Forum Konsultantów", "newsletter@forumkonsultantow.example"),
         rp="<bounces+a9x2@em.forumkonsultantow.example>", mailfrom="bounces+a9x2@em.forumkonsultantow.example",
         extra=[("List-Unsubscribe", "<mailto:wypisz@forumkonsultantow.example?subject=unsubscribe>"),
                ("Precedence", "bulk")],
         subject="Newsletter Forum Konsultantów – październik 2026",
         text="NEWSLETTER FORUM KONSULTANTÓW\n\n• Zapraszamy na konferencję 19 listopada w Poznaniu\n"
              "• Nowe przepisy o fakturowaniu od 2027 r.\n• Wywiad: jak wyceniać projekty doradcze\n\n"
              "Aby wypisać się z newslettera, kliknij: https://forumkonsultantow.example/wypisz\n",
         label=L(False, "subscribed newsletter", blocked="mailing_list")))
add(dict(name="office-invoice-pl", lang="pl", d="10-14 07:15",
         frm=("Sklep Biurowy", "noreply@sklep-biurowy.example"),
         subject="Faktura VAT nr FV/10/2026/118",
         text="Dzień dobry,\n\nw załączeniu przesyłamy fakturę VAT nr FV/10/2026/118 za zamówienie nr 55120.\n\n"
              "Kwota do zapłaty: 412,50 zł\nTermin płatności: 28.10.2026\n\n"
              "Wiadomość wygenerowana automatycznie, prosimy na nią nie odpowiadać.\n",
         html="<html><body><p>Dzień dobry,</p><p>w załączeniu przesyłamy fakturę VAT nr <b>FV/10/2026/118</b> "
              "za zamówienie nr 55120.</p><p>Kwota do zapłaty: <b>412,50 zł</b><br>Termin płatności: 28.10.2026</p>"
              "<p><small>Wiadomość wygenerowana automatycznie, prosimy na nią nie odpowiadać.</small></p></body></html>\n",
         label=L(False, "invoice from a shop (noreply@)", blocked="system_sender")))
