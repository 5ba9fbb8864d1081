# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("sv")

M_MOBEL = "<20260518112719.c1d2e3@holm.example>"
S("sv-kontorsstolar", "05-18 11:27", M_MOBEL, "Erik Nyström <erik.nystrom@kontorsform.example>", "Fråga om konferensbord",
  "Hej Erik,\n\nJag skulle vilja köpa ett konferensbord för sex personer och sex stolar till mitt kontor i\n"
  "Köpenhamn. Vad kostar ert bord Ask 200 med leverans till Danmark, och hur lång är leveranstiden?\n\n"
  "Vänliga hälsningar\nAnna Holm\n")

P("frilansplattform", "Linnea på Uppdragsbörsen", "linnea@uppdragsborsen.example", "Nya konsultuppdrag varje vecka",
  "Hej Anna!\n\nVisste du att över 2 000 företag letar efter konsulter via Uppdragsbörsen? Skapa en\n"
  "kostnadsfri profil på två minuter och få uppdrag som matchar din kompetens direkt i inkorgen.\n\n"
  "Kom igång här: https://uppdragsborsen.example/registrera?k=holm\n\nHa en fin dag!\nLinnea\n",
  "freelancer platform")
P("kontorsvaxter", "Gröna Rum", "hej@gronarum.example", "Växter som trivs på kontoret",
  "Hej Anna,\n\nGröna växter minskar stressen och förbättrar luften. Vi levererar, planterar och sköter om\n"
  "växterna på ert kontor – från 295 kr i månaden.\n\nVill du ha ett förslag?\n\nVänliga hälsningar\n"
  "Gröna Rum\n", "office plants, short")
P("bemanning", "Johan Berg", "johan.berg@konsultkraft.example", "Behöver ni förstärkning i höst?",
  "Hej Anna,\n\nJag heter Johan och arbetar på KonsultKraft, ett bemanningsföretag som specialiserat sig på\n"
  "projektledare och verksamhetsutvecklare. Vi har just nu flera erfarna konsulter tillgängliga med kort\n"
  "varsel, både för kortare och längre uppdrag.\n\nHar ni något behov i höst? Jag berättar gärna mer.\n\n"
  "Med vänlig hälsning\nJohan Berg\nKonsultKraft AB\n", "staffing agency")
P("factoring", "Sofia Ek", "sofia.ek@snabbkapital.example", "Få betalt för dina fakturor direkt",
  "Hej Anna,\n\nVäntar du 30 dagar på att kunderna ska betala? Med SnabbKapital får du pengarna redan\n"
  "samma dag som du fakturerar – utan bindningstid.\n\nTesta kostnadsfritt på en första faktura:\n"
  "https://snabbkapital.example/testa\n\nHälsningar\nSofia Ek\n", "factoring", pixel="5e11a9f0")
P("ai-verktyg", "Viktor Lind", "viktor@protokollai.example", "Låt AI skriva dina mötesanteckningar",
  "Hej Anna!\n\nProtokollAI spelar in dina kundmöten och skriver sammanfattningar, beslut och att-göra-listor\n"
  "automatiskt – på svenska, danska och engelska. Perfekt för konsulter som har många möten.\n\n"
  "Vill du testa gratis i en månad? Svara bara \"ja\" så skickar jag en inbjudan.\n\nViktor\n",
  "AI meeting tool")
P("it-sakerhet", "Magnus Holm", "magnus.holm@sakertnat.example", "Ett phishingtest för din verksamhet",
  "Hej Anna,\n\n9 av 10 dataintrång börjar med ett e-postmeddelande. Vi på SäkertNät erbjuder ett\n"
  "simulerat phishingtest och en kort utbildning för dig och dina medarbetare – fast pris 4 900 kr.\n\n"
  "Har du tid för ett kort samtal på torsdag?\n\nMed vänliga hälsningar\nMagnus Holm\nSäkertNät AB\n",
  "cybersecurity / phishing test")
P("meta-annonser", "Elin", "elin@klickfabriken.example", "Fler kunder via Facebook och Instagram?",
  "Hej Anna,\n\nVi har hjälpt 60 konsultföretag att få fler förfrågningar via Meta-annonser – i snitt 3x\n"
  "avkastning på annonsbudgeten.\n\nBoka en kostnadsfri genomgång: https://calendly.com/klickfabriken/genomgang\n\n"
  "/Elin, Klickfabriken\n", "Meta ads management")
P("seo-lankar", "Oskar Wall", "oskar@lankkraft.example", "Starkare Google-ranking med kvalitetslänkar",
  "Hej,\n\nJag såg att holm.example har få inkommande länkar. Vi säljer publiceringar på 500+ svenska och\n"
  "nordiska sajter med hög domänauktoritet, från 1 200 kr per länk.\n\nSka jag skicka vår lista?\n\n"
  "Mvh Oskar Wall\nLänkKraft\n", "SEO backlinks")
P("marknadsautomation", "Karin Sjögren", "karin.sjogren@flodemail.example", "Automatisera dina nyhetsbrev",
  "<p>Hej Anna,</p>\n<p>Skickar du fortfarande nyhetsbrev manuellt? Med <b>FlödeMail</b> bygger du automatiska\n"
  "flöden som vårdar dina leads medan du jobbar med kunderna.</p>\n<p><a href=\"https://flodemail.example/demo\">"
  "Se en demo på 3 minuter</a></p>\n<p>Hälsningar<br>Karin Sjögren</p>\n",
  "marketing automation, html only", html_only=True)
P("ledarskap", "Anders Blom", "anders.blom@ledarakademin.example", "Ledarskapsprogram för egenföretagare",
  "Hej Anna,\n\nAtt driva eget är ofta ensamt. I vårt ledarskapsprogram \"Led dig själv\" träffas tolv\n"
  "egenföretagare sex gånger under hösten i Malmö och arbetar med mål, prioriteringar och energi.\n\n"
  "Programmet kostar 18 500 kr exkl. moms, och det finns tre platser kvar. Får jag ringa dig och berätta\n"
  "mer?\n\nVarma hälsningar\nAnders Blom\nLedarakademin\n", "leadership course")
P("teamevent", "Eventkompaniet", "info@eventkompaniet.example", "Kickoff i höst? Vi fixar allt",
  "Hej!\n\nPlanerar ni en kickoff eller ett teamevent i höst? Vi ordnar allt från matlagningskurs och\n"
  "escape room till segling i skärgården – inklusive mat och transport.\n\nBegär offert:\n"
  "https://eventkompaniet.example/offert\n\nHälsningar\nEventkompaniet\n", "team events")
P("konferenshotell", "Maja Forsberg", "maja.forsberg@strandhotellet-konferens.example",
  "Konferens vid havet – specialpris i september",
  "Hej Anna,\n\nVi på Strandhotellet i Båstad har några lediga datum i september och erbjuder därför\n"
  "helpension för konferens till 1 995 kr per person och dygn (ord. pris 2 600 kr).\n\nHör av dig om\n"
  "du vill att jag reserverar ett datum!\n\nVänligen\nMaja Forsberg\nKonferensansvarig\n",
  "conference hotel offer")
P("relocation", "Henrik Dahl", "henrik.dahl@movenordic.example", "Flytta personal till Sverige?",
  "Hej Anna,\n\nMoveNordic hjälper företag att flytta medarbetare mellan de nordiska länderna: bostad,\n"
  "skola, personnummer och skatteregistrering – allt på ett ställe.\n\nJag skickar gärna vår broschyr.\n\n"
  "Vänliga hälsningar\nHenrik Dahl\n", "relocation services")
P("laddbox", "Emil", "emil@laddpunkten.example", "Laddbox till företagsparkeringen",
  "Hej Anna,\n\nJust nu kan ni få upp till 50 % bidrag för laddboxar på arbetsplatsen. Vi sköter ansökan\n"
  "och installationen.\n\nIntresserad?\n\n/Emil\nLaddpunkten\n", "EV chargers, short")
P("podcast", "Sara Nilsson", "sara@entreprenorspodden.example", "Vill du gästa Entreprenörspodden?",
  "Hej Anna,\n\nVi tycker att din resa som konsult skulle passa perfekt i Entreprenörspodden! Våra\n"
  "gäster får ett eget avsnitt, klipp till sociala medier och en artikel på vår sajt.\n\nFör att täcka\n"
  "produktionen tar vi ut en avgift på 6 900 kr. Boka inspelning: https://cal.com/entreprenorspodden/gast\n\n"
  "Hälsningar\nSara\n", "paid podcast feature")
P("massmonter", "Peter Ahl", "peter.ahl@monterbyggarna.example", "Er monter på Nordic Consulting Expo",
  "Hej Anna,\n\nJag ser att Holm Consulting finns med på utställarlistan till Nordic Consulting Expo i\n"
  "Stockholm. Har ni redan ordnat monter? Vi bygger kompletta montrar med belysning, skärmar och\n"
  "möbler – nyckelfärdigt från 39 000 kr.\n\nMed vänlig hälsning\nPeter Ahl\nMonterbyggarna\n",
  "exhibition stand builder")
P("besokarlista", "Lisa Grant", "lisa.grant@expoleads.example", "Besökarlista: Framtidens Konsult 2026",
  "Hej,\n\nÄr du intresserad av besökarlistan från Framtidens Konsult 2026? 6 800 kontakter med namn,\n"
  "titel, företag, e-post och telefon.\n\nSvara så skickar jag pris och ett utdrag.\n\nLisa Grant\n",
  "trade-fair visitor list")
P("kundtjanst", "Amir Haddad", "amir.haddad@svarscenter.example", "Vi svarar i telefon åt dig",
  "Hej Anna,\n\nMissar du samtal när du sitter i kundmöten? Svarscenter svarar i din telefon med ditt\n"
  "företagsnamn, bokar möten i din kalender och skickar ett sms med meddelandet – från 990 kr/mån.\n\n"
  "Vill du prova en vecka gratis?\n\nMed vänliga hälsningar\nAmir Haddad\n", "call-centre outsourcing",
  to=ANNA2)
P("copywriting", "Ebba Lund", "ebba@ordverkstan.example", "Sv: Texter till holm.example",
  "Hej igen Anna,\n\nJag hörde inte av dig efter mitt förra mejl, så jag gör ett nytt försök. Jag är\n"
  "copywriter och skriver säljande webbtexter och kundcase för konsulter.\n\n"
  "> Hej Anna! Jag läste din sajt och tror att tydligare texter skulle ge dig fler förfrågningar.\n\n"
  "Ska vi ta ett kort samtal?\n\nEbba\n", "copywriting follow-up with fake Sv:, quoting earlier pitch")
P("krypto-forfalskad", "Fredrik Strand", "fredrik.strand@nordkrypto-invest.example", "Diversifiera med krypto – exklusivt erbjudande",
  "Hej Anna,\n\nVår förvaltade kryptoportfölj har gett 38 % avkastning de senaste tolv månaderna. Vi\n"
  "öppnar nu för tio nya investerare från 50 000 kr.\n\nSvara med ditt telefonnummer så ringer jag dig.\n\n"
  "Hälsningar\nFredrik Strand\n", "crypto investment, forged sender (dmarc=fail)", blocked="authentication",
  auth="fail", helo_domain="mx1.vps-cheap.test")
P("stadning", "Städproffsen", "kontakt@stadproffsen.example", "Kontorsstädning – prova första gången gratis",
  "Hej Anna,\n\nVi städar kontor i Öresundsregionen och har nu lediga tider i Köpenhamn. Första städningen\n"
  "är gratis! Därefter från 450 kr per tillfälle.\n\nVänligen\nStädproffsen\n", "office cleaning",
  charset="iso-8859-1")

# ---- wanted
W("offert", "Ulrika Palm", "ulrika.palm@palmbygg.example", "Offertförfrågan – processkartläggning",
  "Hej Anna,\n\nJag är vd på ett byggföretag i Malmö med 40 anställda. Vi vill kartlägga vår inköpsprocess\n"
  "och har hört gott om dig. Kan du skicka en offert för en kartläggning på ca två veckor?\n\n"
  "Med vänlig hälsning\nUlrika Palm\nPalm Bygg AB\n", "customer asking for a quote, new sender")
W("prislista", "Tobias Ek", "tobias.ek@ekredovisning.example", "Prislista för workshops?",
  "Hej Anna,\n\nHar du en prislista för halvdags- och heldagsworkshops? Vi funderar på en workshop om\n"
  "arbetsflöden för våra tolv redovisningskonsulter i september.\n\nTack på förhand!\nTobias\n",
  "customer asking for a price list, new sender")
W("leverantor-svar", "Erik Nyström", "erik.nystrom@kontorsform.example", "Sv: Fråga om konferensbord",
  "Hej Anna,\n\nTack för din förfrågan! Ask 200 kostar 14 900 kr och stolarna 1 850 kr/st, leverans till\n"
  "Köpenhamn 1 200 kr. Leveranstiden är fyra veckor. Vill du att jag skickar en orderbekräftelse?\n\n"
  "Vänliga hälsningar\nErik Nyström\nKontorsform\n", "supplier answering Anna's purchase question (thread)",
  blocked="known_correspondent", irt=M_MOBEL)
W("talare", "Helena Ström", "helena.strom@verksamhetsdagarna.example", "Inbjudan att tala på Verksamhetsdagarna",
  "Hej Anna,\n\nJag ansvarar för programmet på Verksamhetsdagarna i Göteborg den 15 oktober. Vi skulle\n"
  "gärna vilja att du håller ett föredrag på 25 minuter om processförbättring i små organisationer.\n\n"
  "Vi står för resa och hotell, men kan tyvärr inte betala arvode. Låter det intressant?\n\n"
  "Vänliga hälsningar\nHelena Ström\n", "speaker invitation (unpaid), new sender")
W("examensarbete", "Amanda Lindgren", "amanda.lindgren@student.lu.example", "Intervju till examensarbete",
  "Hej Anna!\n\nJag läser sista året på Lunds universitet och skriver mitt examensarbete om hur\n"
  "konsulter arbetar med förändringsledning i små företag. Skulle du kunna tänka dig att ställa upp\n"
  "på en intervju på 30 minuter via Teams?\n\nTack så mycket!\nAmanda Lindgren\n",
  "student asking for a thesis interview")
W("nyhetsbrev", "Konsultbrevet", "brev@konsultbrevet.example", "Konsultbrevet juli: prissättning i lågkonjunktur",
  "Hej Anna,\n\nI månadens nummer: hur du prissätter uppdrag i en svagare marknad, nya regler för\n"
  "F-skatt och ett reportage om tre konsulter i Umeå.\n\nLäs hela brevet: https://konsultbrevet.example/juli\n",
  "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<manad.konsultbrevet.example>", "<https://konsultbrevet.example/avregistrera/ah31>,\n <mailto:avregistrera@konsultbrevet.example>"))
W("konferens-bekraftelse", "Processforum 2026", "no-reply@processforum.example", "Bekräftelse på din anmälan",
  "Hej Anna Holm,\n\nTack för din anmälan till Processforum 2026, 3 september, Stockholm.\n"
  "Bokningsnummer: PF-20931. Kvitto skickas separat.\n\nDetta mejl går inte att svara på.\n",
  "conference registration confirmation (no-reply@)", blocked="system_sender")
W("webinar-paminnelse", "Verksamt Webbinarier", "webbinar@verksamt-utbildning.example", "Påminnelse: Webbinariet börjar i morgon",
  "Hej Anna,\n\nPåminnelse om webbinariet \"Så tar du betalt för värde\" i morgon kl. 10.00.\n\n"
  "Länk: https://verksamt-utbildning.example/live/221\n", "webinar reminder Anna registered for",
  blocked="mailing_list", extra=[("List-Unsubscribe", "<mailto:avsluta@verksamt-utbildning.example>"),
                                 ("Precedence", "bulk")])
W("rekommendation", "Jonas Åberg", "jonas.aberg@abergsmekaniska.example", "Tips från Karin Lund",
  "Hej Anna,\n\nKarin Lund tipsade om dig – hon var väldigt nöjd med workshopen ni gjorde i vintras. Vi har\n"
  "en verkstad med 30 anställda och tappar mycket tid i produktionsplaneringen.\n\nKan vi ses eller höras\n"
  "någon gång i augusti?\n\nHälsningar\nJonas Åberg\nÅbergs Mekaniska\n", "former client's friend writing first")
W("journalist", "Petra Sundin", "petra.sundin@foretagarbladet.example", "Intervju om dansk-svenska konsultuppdrag",
  "Hej Anna,\n\nJag är journalist på Företagarbladet och skriver om konsulter som arbetar över Öresund.\n"
  "Skulle du vilja ställa upp på en kort intervju? Det tar högst 20 minuter.\n\nVänligen\nPetra Sundin\n",
  "journalist interview request")
