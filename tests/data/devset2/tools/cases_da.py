# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("da")

M_REVISOR = "<20260506101133.a7b8c9@holm.example>"
M_UDLEJER = "<20260514182210.d0e1f2@holm.example>"
M_NIELS = "<20260520083045.f3a4b5@holm.example>"
M_SOFIE = "<20260525154406.b6c7d8@holm.example>"
S("da-revisor", "05-06 10:11", M_REVISOR, "Mette Bach <mette@bach-revision.example>", "Årsrapport 2025",
  "Hej Mette\n\nTak for sidst. Jeg er klar til at gå i gang med årsrapporten - sig til, hvad du mangler\n"
  "fra mig.\n\nHilsen\nAnna\n")
S("da-udlejer", "05-14 18:22", M_UDLEJER, "Jens Kofoed <jens@kofoed-ejendomme.example>", "Kontoret på Vesterbrogade",
  "Hej Jens\n\nVarmen i kontoret virker stadig ikke ordentligt. Kan du sende en VVS'er forbi i næste uge?\n\n"
  "Venlig hilsen\nAnna Holm\n")
S("da-niels", "05-20 08:30", M_NIELS, "Niels Dahl <niels@dahl-procesraad.example>", "Kaffe snart?",
  "Hej Niels\n\nSkal vi ikke snart tage en kop kaffe? Jeg vil gerne høre, hvordan det går med de nye kunder.\n\n"
  "Anna\n")
S("da-sofie-projekt", "05-25 15:44", M_SOFIE, "Sofie Krogh <sofie@krogh-design.example>", "Fælles projekt for kommunen?",
  "Hej Sofie\n\nJeg har set, at Roskilde Kommune har et udbud om borgerrejser. Kunne du tænke dig at byde\n"
  "sammen med mig - dig på servicedesign, mig på procesdelen?\n\nHilsen\nAnna\n")

# ---- repeat sender (billeasing)
BL1 = "<20260609.071503.kasper@flexleasing.example>"
P("billeasing", "Kasper Møller", "kasper.moller@flexleasing.example", "Firmabil uden binding",
  "Hej Anna\n\nKører du stadig i egen bil i firmaet? Hos FlexLeasing kan du lease en ny elbil på\n"
  "gule plader fra 3.495 kr. om måneden – uden udbetaling og med fri service.\n\nJeg sender gerne et\n"
  "uforpligtende tilbud. Hvornår passer det dig med en kort snak?\n\nVenlig hilsen\nKasper Møller\n"
  "Erhvervsrådgiver, FlexLeasing\n", "car leasing", d="06-09 07:15", mid=BL1)
P("billeasing-igen", "Kasper Møller", "kasper.moller@flexleasing.example", "Sv: Firmabil uden binding",
  "Hej Anna\n\nJeg følger lige op på min mail fra juni. Vi har netop fået ekstra rabat på Skoda Enyaq,\n"
  "så prisen er nu 3.195 kr./md. Tilbuddet gælder kun august ud.\n\nRing endelig på 70 20 30 40.\n\n"
  "Mvh\nKasper\n", "car leasing follow-up after refusal", repeat=1, d="08-18 08:05")

P("kaffemaskine", "Louise", "louise@bonnebar.example", "Gratis kaffemaskine til kontoret ☕",
  "Hej Anna\n\nVi stiller en professionel kaffemaskine gratis op på jeres kontor – I betaler kun for\n"
  "bønnerne. Må jeg komme forbi med en smagsprøve?\n\nKh Louise, BønneBar\n", "coffee machine offer, short")
P("solceller", "Henrik Lund", "henrik.lund@solkraft-danmark.example", "Halvér elregningen på kontoret",
  "Kære Anna Holm\n\nMed de nuværende elpriser tjener et solcelleanlæg på erhvervstaget sig typisk hjem på\n"
  "5-7 år. Vi står for alt fra beregning og ansøgning til montering og service.\n\nVil du have en gratis\n"
  "tagberegning? Så svar blot med jeres adresse.\n\nMed venlig hilsen\nHenrik Lund\nSolkraft Danmark ApS\n",
  "solar panels")
P("mobilabonnement", "Camilla Jensen", "camilla.jensen@nettalk-erhverv.example", "Spar på virksomhedens mobilabonnementer",
  "Hej Anna\n\nBetaler du for meget for dit erhvervsabonnement? Hos NetTalk Erhverv får du fri tale, 100 GB\n"
  "og EU-roaming for 149 kr./md. pr. bruger – og vi klarer hele skiftet for dig.\n\n"
  "Book 10 minutter her: https://meetings.hubspot.com/camilla-jensen-nettalk\n\nVenlig hilsen\nCamilla\n",
  "telecom / mobile plans", pixel="da11ee90")
P("pension", "Peter Vestergaard", "peter.vestergaard@tryghedspension.example", "Har du styr på din pension som selvstændig?",
  "Kære Anna\n\nMange selvstændige sparer alt for lidt op til pension – og mister samtidig et skattefradrag.\n"
  "Jeg er uafhængig pensionsrådgiver og tilbyder et gratis pensionstjek på 45 minutter, hvor vi også\n"
  "ser på din forsikring ved tab af erhvervsevne.\n\nHar du tid i næste uge?\n\nVenlig hilsen\n"
  "Peter Vestergaard\n", "pension / insurance")
P("lonsystem", "Team Lønly", "hej@lonly.example", "Løn på 5 minutter om måneden",
  "<p>Hej Anna,</p>\n<p>Bruger du stadig timer på lønkørsel og indberetning til eIndkomst? Med <b>Lønly</b>\n"
  "klarer du lønnen på fem minutter – feriepenge, pension og ATP beregnes automatisk.</p>\n"
  "<p><a href=\"https://lonly.example/proev-gratis\">Prøv gratis i 30 dage</a></p>\n<p>Venlig hilsen<br>Team Lønly</p>\n"
  '<img src="https://t.tracker.example/o/lonly-55" width="1" height="1" alt="">\n',
  "payroll software, html only", html_only=True)
P("betalingsterminal", "Mikkel Frost", "mikkel.frost@paypunkt.example", "Tag imod MobilePay og kort til dine workshops",
  "Hej Anna\n\nHolder du kurser eller workshops, hvor deltagerne betaler på stedet? Med PayPunkt Go får du\n"
  "en lille betalingsterminal til 0 kr. og kun 0,95 % pr. transaktion.\n\nSkal jeg sende en terminal\n"
  "til dig på prøve?\n\nMvh Mikkel Frost\nPayPunkt\n", "payment terminal")
P("oversaettelse", "Ida Rasmussen", "ida@lingvahus.example", "Oversættelse af jeres materialer",
  "Kære Anna Holm\n\nLingvaHus er et dansk oversættelsesbureau med over 400 faguddannede oversættere. Vi\n"
  "oversætter hjemmesider, rapporter og kontrakter til mere end 40 sprog – hurtigt og til faste priser.\n\n"
  "Som ny kunde får du 20 % rabat på din første opgave. Må jeg sende vores prisliste?\n\n"
  "Med venlig hilsen\nIda Rasmussen\nKundeansvarlig\n", "translation agency")
P("merch", "Rasmus", "rasmus@printpilot.example", "Logo-tasker og kuglepenne til jeres kunder?",
  "Hej Anna!\n\nVi har lige fået nye mulepose-modeller i økologisk bomuld hjem – med jeres logo fra kun\n"
  "12 kr. stykket ved 250 stk. Perfekt til workshops og konferencer.\n\nSkal jeg lave et gratis\n"
  "digitalt korrektur med Holm-logoet?\n\nHilsen Rasmus\nPrintPilot\n", "promotional products")
P("julefrokost-bcc", "Festfabrikken", "booking@festfabrikken.example", "Book jeres julefrokost nu – early bird!",
  "Kære virksomhed\n\nJulefrokostsæsonen nærmer sig! Book inden 1. september og få 15 % rabat på vores\n"
  "julebuffet, DJ og fri bar i 5 timer.\n\nSe menuer og ledige datoer: https://festfabrikken.example/jul\n\n"
  "Glædelig planlægning!\nFestfabrikken\n", "office party catering, mass mailing with Anna only in Bcc",
  blocked="recipient", to="undisclosed-recipients:;")
P("firmagaver", "Julie Thomsen", "julie@gaveriet-erhverv.example", "Årets firmagaver – er du klar?",
  "Hej Anna\n\nDet er ved at være tid at bestille julegaver til kunder og samarbejdspartnere. Vi har\n"
  "samlet 30 gavekurve med danske delikatesser fra 199 kr., og vi leverer direkte til modtagerne.\n\n"
  "Vil du have vores katalog tilsendt?\n\nVenlig hilsen\nJulie Thomsen\nGaveriet Erhverv\n", "corporate gifts")
P("erhvervsregister", "Kvalitetsregistret", "info@dansk-erhvervsindeks.example", "Bekræft din virksomheds oplysninger",
  "Kære Holm Consulting\n\nDin virksomhed er endnu ikke verificeret i Dansk Erhvervsindeks. Verificerede\n"
  "virksomheder vises øverst i søgninger og får et kvalitetsstempel til hjemmesiden.\n\nBekræft dine\n"
  "oplysninger her: https://dansk-erhvervsindeks.example/verificer/HC2026\n\nBemærk: Et premium-opslag\n"
  "koster 4.800 kr. ekskl. moms om året.\n\nMed venlig hilsen\nDansk Erhvervsindeks\n",
  "directory listing with fee")
P("magasin-feature", "Sara Lindholm", "sara.lindholm@lederforum-magasin.example", "Portræt af dig i Lederforum?",
  "Kære Anna\n\nVi er ved at planlægge efterårsudgaven af Lederforum, der udkommer i 18.000 eksemplarer til\n"
  "danske topledere, og vil rigtig gerne bringe et portræt af dig og Holm Consulting.\n\nPortrættet\n"
  "skrives af en af vores journalister og fylder en hel side. Prisen for en helside-profil er 14.900 kr.\n"
  "ekskl. moms.\n\nMå jeg ringe dig op i morgen?\n\nBedste hilsner\nSara Lindholm\nAnnonceafdelingen\n",
  "paid magazine feature")
P("dronefilm", "Oliver", "oliver@luftfoto-film.example", "Video til hjemmesiden",
  "Hej Anna\n\nEn god video på forsiden øger tiden på siden markant. Vi laver virksomhedsfilm med drone,\n"
  "interviews og klipning – fast pris 9.995 kr.\n\nSe eksempler på luftfoto-film.example/cases\n\n"
  "Oliver\n", "video / drone production", xmailer="Apple Mail (2.3774)")
P("some", "Emma Skov", "emma@skov-some.example", "Kort spørgsmål",
  "Hej Anna\n\nHvem står for jeres LinkedIn og Instagram i dag? Jeg hjælper konsulenter med at poste\n"
  "fast hver uge uden at bruge tid på det selv.\n\nSkal vi tage en snak?\n\nEmma\n",
  "social media management", to=ANNA2)
P("wordpress", "Jonas Bak", "jonas@bak-webudvikling.example", "Din hjemmeside kører på en gammel WordPress",
  "Hej Anna\n\nJeg kan se, at holm.example kører på en ældre WordPress-version med et par plugins, der ikke\n"
  "er opdateret i over et år. Det er en sikkerhedsrisiko og gør siden langsom.\n\nJeg tilbyder en fast\n"
  "serviceaftale med opdateringer, backup og overvågning for 395 kr./md. Skal jeg sende et tilbud?\n\n"
  "Venlig hilsen\nJonas Bak\nBak Webudvikling\n", "WordPress maintenance / web development")
P("inkasso", "Trine Holt", "trine.holt@sikker-inkasso.example", "Ubetalte fakturaer?",
  "Kære Anna Holm\n\nHar du kunder, der ikke betaler til tiden? Sikker Inkasso inddriver dine tilgodehavender\n"
  "på no cure, no pay – du betaler kun, når pengene er i hus.\n\nSvar på denne mail, så ringer jeg dig op.\n\n"
  "Med venlig hilsen\nTrine Holt\n", "debt collection")
P("fondsmidler", "Anders Kjær", "anders.kjaer@fondsvejen.example", "Op til 500.000 kr. i tilskud til din virksomhed",
  "Hej Anna\n\nVidste du, at små konsulentvirksomheder kan søge tilskud til digitalisering og grøn omstilling\n"
  "gennem SMV:Digital og flere private fonde? Vi finder de relevante puljer og skriver ansøgningen for dig\n"
  "– vores honorar er 10 % af det bevilgede beløb.\n\nSkal vi tage et gratis screeningmøde?\n\n"
  "Venlig hilsen\nAnders Kjær\nFondsvejen\n", "funding / grants consultant")
P("it-support", "Kristian", "kristian@helpdesk-nord.example", "Re: IT-support til Holm Consulting",
  "Hej Anna\n\nJeg skrev til dig for et stykke tid siden om fast IT-support. Vi klarer alt fra Microsoft 365\n"
  "og backup til printere og nye computere for 599 kr. pr. bruger om måneden.\n\nEr det noget, du vil høre\n"
  "mere om?\n\nHilsen\nKristian\nHelpdesk Nord\n", "IT support, fake Re: subject, no In-Reply-To")
P("gdpr", "Maria Winther", "maria.winther@gdpr-partner.example", "Er din virksomhed GDPR-compliant?",
  "Kære Anna\n\nDatatilsynet har øget antallet af tilsyn med små virksomheder, og bøderne kan være store.\n"
  "Vi tilbyder en GDPR-pakke til selvstændige med databehandleraftaler, fortegnelse og privatlivspolitik\n"
  "til fast pris: 6.500 kr.\n\nBook en gratis gennemgang: https://cal.com/gdpr-partner/gennemgang\n\n"
  "Med venlig hilsen\nMaria Winther, advokatfuldmægtig\n", "GDPR compliance service")
P("rengoering", "Rene Clean", "salg@reneclean.example", "Tilbud på kontorrengøring",
  "Hej Anna\n\nVi gør rent hos over 300 kontorer i hovedstadsområdet og har ledig kapacitet på Vesterbro.\n"
  "Fast ugentlig rengøring af et kontor på 60 m² fra 690 kr. pr. gang.\n\nMå vi komme forbi og give et\n"
  "tilbud?\n\nVenlig hilsen\nRene Clean ApS\n", "office cleaning service", charset="iso-8859-1")

# ---- wanted
W("ny-kunde-pris", "Birgitte Sand", "birgitte.sand@sandogsoen.example", "Forespørgsel: procesworkshop",
  "Hej Anna\n\nVi er et mindre ingeniørfirma med 25 ansatte og vil gerne have hjælp til at få styr på vores\n"
  "tilbudsproces. Hvad koster en workshop på en dag, og har du tid i august?\n\nVenlig hilsen\n"
  "Birgitte Sand\nSand & Søn Rådgivende Ingeniører\n", "customer asking for a quote, new sender")
W("tilgaengelighed", "Morten Engel", "morten.engel@engel-transport.example", "Har du tid i efteråret?",
  "Hej Anna\n\nDu hjalp min tidligere arbejdsgiver med deres lagerflow for et par år siden. Nu står jeg\n"
  "selv med et lignende projekt. Har du kapacitet til et forløb på 3-4 uger i oktober?\n\n"
  "Mvh Morten Engel\nDriftschef, Engel Transport\n", "customer asking about availability, new sender")
W("revisor", "Mette Bach", "mette@bach-revision.example", "Re: Årsrapport 2025",
  "Hej Anna\n\nTak! Jeg mangler kontoudtog for december, kvitteringerne for den nye computer og din\n"
  "kørebog. Kan du uploade dem til portalen inden fredag?\n\nHilsen\nMette\n",
  "accountant asking for documents (thread)", blocked="known_correspondent", irt=M_REVISOR)
W("udlejer", "Jens Kofoed", "jens@kofoed-ejendomme.example", "Re: Kontoret på Vesterbrogade",
  "Hej Anna\n\nVVS'eren kommer tirsdag mellem 8 og 10. Derudover: huslejen reguleres med 2,1 % fra\n"
  "1. oktober, du får et formelt brev om det.\n\nHilsen\nJens\n", "landlord (thread)",
  blocked="known_correspondent", irt=M_UDLEJER)
W("kollega-intro", "Niels Dahl", "niels@dahl-procesraad.example", "Intro: Anna Holm <> Karen Ibsen",
  "Hej Karen og Anna\n\nI to burde kende hinanden! Karen er ny driftsdirektør hos Fjordlinjen og leder efter\n"
  "en konsulent til en gennemgang af deres bookingproces. Anna er den bedste, jeg kender til den slags.\n\n"
  "Jeg lader jer tage den herfra.\n\nNiels\n", "intro from a colleague Anna wrote to",
  blocked="known_correspondent", cc="Karen Ibsen <karen.ibsen@fjordlinjen.example>")
W("partner-projekt", "Sofie Krogh", "sofie@krogh-design.example", "Re: Fælles projekt for kommunen?",
  "Hej Anna\n\nJa, det er jeg frisk på! Jeg har skitseret et oplæg til fordelingen af timer – skal vi\n"
  "mødes torsdag og gennemgå det, inden fristen?\n\nSofie\n", "partner answering Anna's joint-project proposal (thread)",
  blocked="known_correspondent", irt=M_SOFIE)
W("bank", "Danske Erhvervsbank", "no-reply@erhvervsbank.example", "Ny besked i din netbank",
  "Kære Anna Holm\n\nDu har modtaget en ny besked i Erhvervsbank Netbank vedrørende ændrede vilkår for\n"
  "din erhvervskonto.\n\nLog på netbanken for at læse beskeden.\n\nDenne mail kan ikke besvares.\n",
  "bank notice (no-reply@)", blocked="system_sender")
W("nyhedsbrev", "Selvstændig.dk", "nyhedsbrev@selvstaendig-nyt.example", "Nyhedsbrev: Nye regler for moms på kurser",
  "Hej Anna\n\nI denne uge: nye regler for moms på kurser og workshops, sådan sætter du prisen op, og\n"
  "tre gode råd om forsikring.\n\nLæs mere på selvstaendig-nyt.example\n\nDu modtager denne mail, fordi\n"
  "du har tilmeldt dig vores nyhedsbrev.\n", "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<nyhedsbrev.selvstaendig-nyt.example>", "<https://selvstaendig-nyt.example/afmeld/ah77>"))
W("journalist", "Lone Sørensen", "lone.sorensen@boersen-erhverv.example", "Må jeg citere dig om konsulentpriser?",
  "Hej Anna\n\nJeg er journalist på Erhvervsavisen og skriver om, hvordan selvstændige konsulenter har\n"
  "håndteret de stigende priser. Har du 15 minutter til et telefoninterview i morgen?\n\n"
  "Venlig hilsen\nLone Sørensen\n", "journalist interview request")
W("speciale", "Mads Holst", "mads.holst@stud.ruc.example", "Interview til mit speciale",
  "Kære Anna Holm\n\nJeg skriver speciale på RUC om, hvordan små virksomheder arbejder med LEAN, og har\n"
  "fundet dit navn i en artikel. Vil du stille op til et interview på ca. 30 minutter?\n\n"
  "På forhånd tak.\n\nMed venlig hilsen\nMads Holst\n", "student asking for a thesis interview")
