# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("nb")

M_NB_PARTNER = "<20260508134455.e4f5a6@holm.example>"
M_NB_SOKNAD = "<20260519090212.a9b0c1@holm.example>"
M_NB_INGRID = "<20260522171530.d2e3f4@holm.example>"
S("nb-partner", "05-08 13:44", M_NB_PARTNER, "Eirik Solberg <eirik@solberg-analyse.example>", "Samarbeid om Helse Vest-prosjektet?",
  "Hei Eirik,\n\nDu nevnte i Bergen at dere ser etter en prosesskonsulent til analysen for Helse Vest. Jeg\n"
  "er interessert – kan du sende meg litt mer om omfang og tidsplan?\n\nVennlig hilsen\nAnna\n")
S("nb-soknad", "05-19 09:02", M_NB_SOKNAD, "Marte Haugen <marte.haugen@fjordrekruttering.example>",
  "Søknad: Prosjektleder digitalisering (oppdrag 4471)",
  "Hei Marte,\n\nVedlagt lenke til CV-en min for oppdraget som prosjektleder digitalisering (4471):\n"
  "https://holm.example/cv. Jeg er tilgjengelig fra 1. september, gjerne 60-80 %.\n\nMed vennlig hilsen\nAnna Holm\n")
S("nb-ingrid", "05-22 17:15", M_NB_INGRID, "Ingrid Bakke <ingrid@bakke-konsult.example>", "Takk for sist!",
  "Hei Ingrid,\n\nTakk for en fin middag i Oslo. Si fra hvis du kommer over noen som trenger hjelp med\n"
  "prosesser – jeg har kapasitet fra høsten.\n\nKlem\nAnna\n")

P("varmepumpe", "Thomas Nilsen", "thomas.nilsen@varmeprofil.example", "Varmepumpe til næringslokaler – nå med Enova-støtte",
  "Hei Anna,\n\nVisste du at næringsbygg kan spare opptil 60 % på oppvarming med en luft-til-vann-\n"
  "varmepumpe? Vi tar oss av alt, inkludert søknaden om Enova-støtte.\n\nSkal jeg sende et uforpliktende\n"
  "tilbud?\n\nMed vennlig hilsen\nThomas Nilsen\nVarmeprofil AS\n", "heat pumps")
P("mobilabonnement", "Kari", "kari@fjordmobil-bedrift.example", "Bedriftsabonnement til halv pris i 6 mnd",
  "Hei!\n\nBytt til Fjordmobil Bedrift nå og få halv pris de første seks månedene. Fri data i Norden.\n\n"
  "Svar JA, så ringer vi deg.\n\nKari\n", "telecom / mobile plans, short")
P("forsikring", "Lars Eide", "lars.eide@tryggforsikring-bedrift.example", "Er du riktig forsikret som konsulent?",
  "Hei Anna,\n\nSom selvstendig konsulent kan én feil i en rapport bli dyr. Vi tilbyr en samlet\n"
  "pakke med profesjonsansvar, yrkesskade og reise til en fast årspris.\n\nJeg setter gjerne opp et\n"
  "tilbud – har du 15 minutter denne uken? https://meetings.hubspot.com/lars-eide\n\nVennlig hilsen\n"
  "Lars Eide\n", "professional liability insurance", pixel="nb7733aa")
P("profilartikler", "Profilhuset", "salg@profilhuset.example", "Profilartikler med logo – 20 % sommerrabatt",
  "<p>Hei Anna!</p>\n<p>Kopper, notatbøker og powerbanks med <b>din logo</b> – 20 % rabatt ut august.</p>\n"
  "<p><a href=\"https://profilhuset.example/sommer\">Se hele katalogen</a></p>\n<p>Hilsen Profilhuset</p>\n"
  '<img src="https://t.tracker.example/o/ph-90" width="1" height="1" alt="">\n',
  "promotional products, html only", html_only=True)
P("kaffemaskin", "Jonas Berge", "jonas@kaffekompaniet-bedrift.example", "Ordentlig kaffe på kontoret",
  "Hei Anna,\n\nVi leier ut helautomatiske kaffemaskiner til bedrifter – inkludert service, rengjøring og\n"
  "påfyll av bønner fra lokale brennerier. Fra 890 kr i måneden.\n\nKan jeg komme innom med en maskin\n"
  "du kan teste i to uker?\n\nHilsen Jonas\n", "coffee machine rental")
P("foto-video", "Marius", "marius@nordlysfilm.example", "Profilbilder og film til nettsiden",
  "Hei Anna!\n\nJeg er fotograf og videograf og lager portretter og korte profilfilmer for konsulenter.\n"
  "Halv dag fotografering + 60 sekunders film: 12 500 kr eks. mva.\n\nSe portefølje: nordlysfilm.example\n\n"
  "Mvh Marius\n", "photo / video production")
P("sosiale-medier", "Hanna Moe", "hanna@delbar-byra.example", "Mer synlighet på LinkedIn?",
  "Hei Anna,\n\nJeg så profilen din på LinkedIn og ble imponert over erfaringen din – men du poster sjelden.\n"
  "Vi i Delbar lager og publiserer innhold for rådgivere, fast pris 4 900 kr i måneden.\n\n"
  "Skal vi ta en prat?\n\nHanna Moe\nDelbar Byrå\n", "social media management")
P("influencer", "Stine", "stine@kreatorkraft.example", "Samarbeid med norske business-influensere?",
  "Hei Anna,\n\nVi formidler samarbeid mellom bedrifter og influensere innen ledelse og karriere på LinkedIn\n"
  "og Instagram. Et sponset innlegg fra en av våre profiler når 30-80 000 beslutningstakere.\n\n"
  "Kan jeg sende deg en oversikt over profilene våre?\n\nStine\nKreatørKraft\n", "influencer marketing")
P("leadgenerering", "Andreas Vik", "andreas.vik@salgsmotoren.example", "Fulle kalendere for konsulenter",
  "Hei Anna,\n\nVi i Salgsmotoren booker kvalifiserte salgsmøter for rådgivere og konsulenter. Du betaler\n"
  "kun for møter som faktisk blir gjennomført.\n\nHar du kapasitet til flere kunder i høst?\n\n"
  "Mvh\nAndreas Vik\n", "lead generation / appointment setting", xmailer="lemlist")
P("coaching-bcc", "Lederløft", "post@lederloft.example", "Gratis webinar: Bli en tydeligere leder",
  "Hei!\n\nBli med på vårt gratis webinar 28. august, der vi viser deg de fem vanene til de beste lederne.\n"
  "Etterpå får du et eksklusivt tilbud på vårt coachingprogram.\n\nMeld deg på her:\n"
  "https://lederloft.example/webinar\n\nHilsen Lederløft\n", "coaching webinar, mass mailing with Anna only in Bcc",
  blocked="recipient", to="undisclosed-recipients:;")
P("julegaver", "Gavebutikken Bedrift", "bedrift@gavebutikken.example", "Julegaver til ansatte og kunder – bestill før 1. oktober",
  "Hei Anna,\n\nNå er det tid for å tenke på julegaver! Bestill før 1. oktober og få gratis gravering og\n"
  "levering. Vi har gaver i alle prisklasser, fra 150 til 1 500 kr.\n\nSe katalogen: gavebutikken.example/bedrift\n\n"
  "Med vennlig hilsen\nGavebutikken Bedrift\n", "corporate gifts")
P("karing", "Norges Beste Bedrifter", "redaksjon@norgesbestebedrifter.example", "Holm Consulting er kåret til finalist!",
  "Gratulerer, Anna!\n\nHolm Consulting er valgt ut som finalist i kåringen «Årets rådgiver 2026». For å\n"
  "bruke finalistlogoen og delta på prisutdelingen i Oslo, må du bekrefte deltakelsen. Deltakeravgift:\n"
  "7 900 kr eks. mva.\n\nBekreft her: https://norgesbestebedrifter.example/finalist/holm\n\n"
  "Med vennlig hilsen\nRedaksjonen\n", "award / ranking with fee")
P("skymigrering", "Ole Kristiansen", "ole.kristiansen@skyloft.example",
  "Flytt til skyen før sommeren er over",
  "Hei Anna,\n\nKjører du fortsatt filer og e-post på en lokal server? Vi flytter små bedrifter til\n"
  "Microsoft 365 og Azure på en helg – uten nedetid – og tar ansvar for drift og sikkerhet etterpå.\n\n"
  "Hvis du vil, kan jeg gjøre en gratis kartlegging av dagens oppsett.\n\nVennlig hilsen\n"
  "Ole Kristiansen\nSkyløft AS\n", "cloud migration / IT operations")
P("app-utvikling", "Sindre", "sindre@appverket.example", "En egen app for kundene dine?",
  "Hei Anna,\n\nHar du tenkt på å gi kundene dine en egen app for oppfølging mellom workshopene? Vi i\n"
  "Appverket utvikler apper for iOS og Android fra 150 000 kr.\n\nFritt frem for en uforpliktende prat!\n\n"
  "Sindre\n", "app development")
P("regnskapsprogram", "Regnskapsløftet", "hei@regnskapsloftet.example", "Fakturering og regnskap på ett sted",
  "Hei Anna,\n\nMed Regnskapsløftet sender du fakturaer, fører bilag med mobilen og leverer mva-meldingen\n"
  "direkte til Skatteetaten. Prøv gratis i 60 dager – ingen binding.\n\n"
  "Kom i gang: https://regnskapsloftet.example/start\n\nHilsen teamet i Regnskapsløftet\n",
  "accounting / invoicing software", to=ANNA2)
P("inkasso", "Bjørn Lie", "bjorn.lie@effektivinkasso.example", "Sv: Utestående fordringer",
  "Hei igjen Anna,\n\nJeg prøver meg på nytt siden jeg ikke har hørt fra deg. Vi hjelper små bedrifter med\n"
  "purring og inkasso – du får 100 % av hovedstolen.\n\nSkal jeg ringe deg i morgen?\n\nBjørn Lie\n"
  "Effektiv Inkasso\n", "debt collection, fake Sv: subject")
P("virtuell-assistent", "Camilla Dahl", "camilla@assistentbyraet.example", "Få mer tid til kundene",
  "Hei Anna,\n\nVi tilbyr norsktalende virtuelle assistenter som tar seg av e-post, kalender, fakturering\n"
  "og reisebestillinger. Du betaler bare for timene du bruker, fra 450 kr/t.\n\nVil du høre mer?\n\n"
  "Vennlig hilsen\nCamilla Dahl\nAssistentbyrået\n", "virtual assistant")
P("billeasing", "Espen Hagen", "espen.hagen@elbil-leasing.example", "Elbil på leasing for selvstendige",
  "Hei Anna,\n\nLeasing av elbil gjennom selskapet ditt kan gi store skattefordeler. Vi har biler klare\n"
  "for levering fra 4 290 kr/mnd.\n\nSkal jeg sette opp et regnestykke for deg?\n\nEspen Hagen\n",
  "car leasing")
P("utland-selskap", "Kristoffer Aas", "kristoffer@estonia-company.example", "Start selskap i Estland – 100 % digitalt",
  "Hei Anna,\n\nMed e-Residency kan du starte et estisk selskap på én dag og drive det helt digitalt fra\n"
  "Norge eller Danmark. Vi ordner registrering, regnskap og adresse for 1 990 kr/mnd.\n\n"
  "Book en gratis samtale: https://cal.com/estonia-company/intro\n\nMvh Kristoffer\n",
  "company formation abroad")
P("annotering", "Nina Berg", "nina.berg@datadugnad.example", "Trenger dere hjelp med datamerking?",
  "Hei Anna,\n\nDatadugnad leverer merking og kvalitetssikring av tekst- og bildedata for AI-prosjekter,\n"
  "med norskspråklige annotatører.\n\nHvem hos dere er rett person å snakke med om dette?\n\n"
  "Vennlig hilsen\nNina Berg\n", "data annotation services")

# ---- wanted
W("tilbud", "Guro Fjeld", "guro.fjeld@fjeldbakeri.example", "Tilbud på kartlegging av produksjonen?",
  "Hei Anna,\n\nVi er et bakeri med tre utsalg i Oslo og sliter med svinn og planlegging. En kollega anbefalte\n"
  "deg. Kan du gi oss et tilbud på en kartlegging av produksjonsprosessen?\n\nVennlig hilsen\n"
  "Guro Fjeld\nFjeld Bakeri\n", "customer asking for a quote, new sender")
W("ledig-kapasitet", "Per Ulvik", "per.ulvik@ulvik-eiendom.example", "Ledig kapasitet i november?",
  "Hei Anna,\n\nHar du ledig kapasitet i november til å lede to workshoper for ledergruppen vår om\n"
  "prioritering av prosjekter? Gi meg gjerne en pris per dag.\n\nMvh Per Ulvik\n",
  "customer asking for availability, new sender")
W("foredrag", "Siri Haugland", "siri.haugland@prosessnettverket.example", "Invitasjon til å holde foredrag",
  "Hei Anna,\n\nProsessnettverket arrangerer frokostmøte i Trondheim 24. september, og vi vil gjerne\n"
  "invitere deg til å holde et innlegg på 20 minutter. Vi har ikke budsjett til honorar, men dekker\n"
  "reisen. Kunne det passe?\n\nVennlig hilsen\nSiri Haugland\n", "speaker invitation (unpaid), new sender")
W("journalist", "Anders Rønning", "anders.ronning@dagensbedrift.example", "Intervju om konsulentbruk i kommunene",
  "Hei Anna,\n\nJeg er journalist i Dagens Bedrift og jobber med en sak om kommunenes bruk av konsulenter.\n"
  "Har du tid til en kort prat i løpet av uken?\n\nMvh Anders Rønning\n", "journalist interview request")
W("masteroppgave", "Ida Sætre", "ida.satre@student.nhh.example", "Forespørsel om intervju til masteroppgave",
  "Hei Anna Holm,\n\nJeg er masterstudent ved NHH og skriver om hvordan konsulenter måler effekt av\n"
  "prosessforbedring. Kan jeg intervjue deg i 30-40 minutter, for eksempel på Teams?\n\n"
  "Med vennlig hilsen\nIda Sætre\n", "student asking for a thesis interview")
W("partner-svar", "Eirik Solberg", "eirik@solberg-analyse.example", "Re: Samarbeid om Helse Vest-prosjektet?",
  "Hei Anna,\n\nSå bra! Prosjektet går over 12 uker fra oktober, ca. 40 % stilling for din del. Jeg sender\n"
  "utkast til avtale neste uke.\n\nHilsen Eirik\n", "partner answering Anna's question about a joint project (thread)",
  blocked="known_correspondent", irt=M_NB_PARTNER)
W("rekrutterer-svar", "Marte Haugen", "marte.haugen@fjordrekruttering.example",
  "Re: Søknad: Prosjektleder digitalisering (oppdrag 4471)",
  "Hei Anna,\n\nTakk for søknaden! Kunden ønsker et intervju. Passer tirsdag 16. juni kl. 13.00 på Teams?\n\n"
  "Vennlig hilsen\nMarte Haugen\nFjord Rekruttering\n", "recruiter answering Anna's application (thread)",
  blocked="known_correspondent", irt=M_NB_SOKNAD)
W("kollega-intro", "Ingrid Bakke", "ingrid@bakke-konsult.example", "Introduksjon: Anna og Håkon",
  "Hei Anna og Håkon,\n\nHåkon driver et rørleggerfirma med 50 ansatte og trenger hjelp med ordreflyten.\n"
  "Anna er den beste jeg vet om på akkurat dette. Jeg overlater resten til dere!\n\nIngrid\n",
  "intro from a colleague Anna wrote to", blocked="known_correspondent",
  cc="Håkon Lunde <hakon@lunde-ror.example>")
W("bank", "Nordbanken Bedrift", "ikke-svar@nordbanken.example", "Viktig informasjon om din bedriftskonto",
  "Hei Anna Holm,\n\nVi oppdaterer vilkårene for bedriftskonto fra 1. september. Du finner de nye vilkårene i\n"
  "nettbanken under Dokumenter.\n\nVennlig hilsen\nNordbanken\n", "bank notice from a no-reply style address",
  extra=[("Auto-Submitted", "auto-generated")], blocked="auto_submitted")
W("nyhetsbrev", "Rådgiverbladet", "nyhetsbrev@radgiverbladet.example", "Rådgiverbladet: sommerens beste lesetips",
  "Hei Anna,\n\nHer er sommerens beste fagbøker for rådgivere, og et intervju med fem konsulenter om\n"
  "hvordan de tar ferie.\n\nLes mer: https://radgiverbladet.example/sommer\n",
  "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<nyhetsbrev.radgiverbladet.example>", "<https://radgiverbladet.example/avmeld?id=ah55>"))
