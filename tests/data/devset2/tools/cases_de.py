# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("de")

M_DE_LIEF = "<20260511160308.f7a8b9@holm.example>"
S("de-beamer-anfrage", "05-11 16:03", M_DE_LIEF, "Vertrieb Präsentationstechnik <vertrieb@praesenztechnik.example>",
  "Anfrage: mobiler Beamer und Leinwand",
  "Guten Tag,\n\nich suche für meine Workshops einen leichten Beamer (mind. 3.500 Lumen) und eine mobile\n"
  "Leinwand. Können Sie mir ein Angebot inklusive Versand nach Dänemark schicken?\n\n"
  "Mit freundlichen Grüßen\nAnna Holm\n")

TV1 = "<20260612083511.t1@terminwerk.example>"
P("terminvereinbarung", "Maximilian Roth", "m.roth@terminwerk.example", "Mehr Termine mit Entscheidern, Frau Holm?",
  "Guten Tag Frau Holm,\n\nwir von TerminWerk vereinbaren für Beraterinnen und Berater qualifizierte Termine\n"
  "mit Geschäftsführern im DACH-Raum – per Telefon und LinkedIn, komplett aus einer Hand.\n\n"
  "Unsere Kunden erhalten im Schnitt acht Termine pro Monat. Hätten Sie nächste Woche 15 Minuten Zeit?\n"
  "Hier können Sie direkt einen Slot wählen: https://calendly.com/terminwerk-roth/15min\n\n"
  "Beste Grüße\nMaximilian Roth\nTerminWerk GmbH\n", "appointment setting", d="06-12 08:35", mid=TV1)
P("terminvereinbarung-erneut", "Maximilian Roth", "m.roth@terminwerk.example", "Kurze Rückfrage",
  "Hallo Frau Holm,\n\nich hake noch einmal nach – ist das Thema Neukundengewinnung für Sie aktuell?\n"
  "Falls nicht, wer wäre bei Ihnen der richtige Ansprechpartner?\n\nViele Grüße\nMaximilian Roth\n",
  "appointment setting follow-up after refusal", repeat=1, d="08-20 09:10", irt=TV1)
P("pentest", "Dr. Sabine Kellner", "s.kellner@cybersafe-consulting.example", "Penetrationstest für Ihr Unternehmen",
  "Sehr geehrte Frau Holm,\n\nBeratungsunternehmen verarbeiten vertrauliche Kundendaten und geraten\n"
  "deshalb zunehmend ins Visier von Angreifern. Wir bieten einen externen Penetrationstest inklusive\n"
  "Abschlussbericht und Maßnahmenplan zum Festpreis von 3.400 € netto an.\n\nGerne erläutere ich Ihnen\n"
  "unser Vorgehen in einem kurzen Telefonat.\n\nMit freundlichen Grüßen\nDr. Sabine Kellner\n"
  "CyberSafe Consulting GmbH\n", "penetration test")
P("dsgvo", "Datenschutz Direkt", "kontakt@datenschutz-direkt.example", "Externer Datenschutzbeauftragter ab 99 €",
  "Guten Tag,\n\nsind Sie sicher, dass Ihre Website und Ihre Prozesse DSGVO-konform sind? Wir stellen Ihnen\n"
  "einen externen Datenschutzbeauftragten ab 99 € im Monat – inklusive Verzeichnis der\n"
  "Verarbeitungstätigkeiten und Mitarbeiterschulung.\n\nJetzt kostenlosen Website-Check anfordern:\n"
  "https://datenschutz-direkt.example/check\n\nIhr Team von Datenschutz Direkt\n", "GDPR compliance service",
  pixel="de4410bb")
P("foerdermittel", "Klaus Wendt", "k.wendt@foerderlotse.example", "Bis zu 80 % Zuschuss für Ihre Digitalisierung",
  "Sehr geehrte Frau Holm,\n\nwussten Sie, dass kleine Unternehmen für Beratungs- und Digitalisierungsprojekte\n"
  "Zuschüsse von bis zu 80 % erhalten können? Wir prüfen kostenlos, welche Förderprogramme für Sie\n"
  "infrage kommen, und übernehmen die Antragstellung gegen ein Erfolgshonorar.\n\nWann darf ich Sie\n"
  "anrufen?\n\nFreundliche Grüße\nKlaus Wendt\nFörderlotse\n", "funding / grants consultant")
P("crm", "Julia Brandt", "julia.brandt@kundenwerk-crm.example", "Ihre Kundenkontakte im Griff",
  "Hallo Frau Holm,\n\nverwalten Sie Ihre Kunden noch in Excel? Mit KundenWerk CRM haben Sie Angebote,\n"
  "Wiedervorlagen und E-Mails an einem Ort – DSGVO-konform, gehostet in Frankfurt.\n\nIch zeige es Ihnen\n"
  "gerne in einer 20-minütigen Demo: https://meetings.hubspot.com/julia-brandt\n\nViele Grüße\nJulia Brandt\n",
  "CRM software")
P("nearshore", "Marek Nowak", "marek.nowak@devbridge-nearshore.example", "Entwicklerteam aus Polen – deutschsprachig",
  "Guten Tag Frau Holm,\n\nSuchen Sie Unterstützung bei der Softwareentwicklung? Unsere deutschsprachigen\n"
  "Entwicklerteams in Breslau arbeiten in Ihrer Zeitzone, zu Stundensätzen ab 45 €.\n\nDarf ich Ihnen\n"
  "einige Referenzen schicken?\n\nMit besten Grüßen\nMarek Nowak\nDevBridge Nearshore\n",
  "nearshore development team")
P("uebersetzung", "Lingua Pro", "angebot@linguapro-uebersetzungen.example", "Fachübersetzungen – schnell und zuverlässig",
  "Sehr geehrte Damen und Herren,\n\nLingua Pro übersetzt Ihre Verträge, Berichte und Websites in über\n"
  "50 Sprachen - beglaubigt und termingerecht. Neukunden erhalten 15 % Rabatt auf den ersten Auftrag.\n\n"
  "Mit freundlichen Grüßen\nIhr Lingua-Pro-Team\n", "translation agency, formal, no name",
  charset="iso-8859-1")
P("besucherliste", "Anna Schulte", "a.schulte@messedaten24.example", "Besucherliste Zukunft Personal 2026",
  "Hallo,\n\nhaben Sie Interesse an der Besucherliste der Zukunft Personal 2026? 22.500 Kontakte mit\n"
  "Name, Position, Firma, E-Mail und Telefonnummer.\n\nBei Interesse sende ich Ihnen gern Preise und\n"
  "eine Stichprobe.\n\nMfG\nAnna Schulte\n", "trade-fair visitor list")
P("tv-beitrag", "Redaktion Wirtschaft Aktuell TV", "redaktion@wirtschaftaktuell-tv.example",
  "Ihr Unternehmen im TV: Drehanfrage",
  "Sehr geehrte Frau Holm,\n\nfür unser Format „Mittelstand im Fokus“, das auf mehreren Regionalsendern\n"
  "ausgestrahlt wird, suchen wir spannende Beraterinnen. Wir würden gerne einen dreiminütigen Beitrag\n"
  "über Holm Consulting drehen.\n\nFür Produktion und Ausstrahlung fällt eine Kostenbeteiligung von\n"
  "3.950 € netto an. Sie erhalten alle Nutzungsrechte am Film.\n\nMit freundlichen Grüßen\n"
  "Redaktion Wirtschaft Aktuell TV\n", "paid TV feature")
P("branchenverzeichnis", "Firmenregister Europa", "service@firmenregister-europa.example",
  "Aktualisierung Ihres Eintrags erforderlich",
  "Sehr geehrte Geschäftsleitung,\n\nbitte prüfen und bestätigen Sie die Daten Ihres Unternehmens im\n"
  "Firmenregister Europa. Mit der Bestätigung beauftragen Sie einen Premiumeintrag für 3 Jahre zum\n"
  "Preis von 990 € jährlich.\n\nZum Formular: https://firmenregister-europa.example/eintrag/HOLM-DK\n\n"
  "Mit freundlichen Grüßen\nFirmenregister Europa\n", "directory listing with fee")
P("ki-chatbot", "Tim Hoffmann", "tim@botschaft-ki.example", "KI-Assistent für Ihre Website",
  "<p>Hallo Frau Holm,</p>\n<p>stellen Sie sich vor, Ihre Website beantwortet Anfragen rund um die Uhr und\n"
  "vereinbart Termine – ganz ohne Ihr Zutun. Unser <b>KI-Chatbot</b> ist in einem Tag eingerichtet.</p>\n"
  "<p><a href=\"https://botschaft-ki.example/demo\">Jetzt Demo ansehen</a></p>\n<p>Beste Grüße<br>Tim Hoffmann</p>\n"
  '<img src="https://t.tracker.example/o/ki-321" width="1" height="1" alt="">\n',
  "AI chatbot, html only with pixel", html_only=True)
P("ux", "Lena Fischer", "lena@klarform-ux.example", "Kurzes Feedback zu holm.example",
  "Hallo Frau Holm,\n\nich habe mir Ihre Website angesehen: Inhaltlich stark, aber mobil springen viele\n"
  "Besucher ab, weil das Kontaktformular schwer zu finden ist.\n\nWir sind ein kleines UX-Studio aus\n"
  "Hamburg. Soll ich Ihnen eine kostenlose Kurzanalyse als Video schicken?\n\nLena\n", "UX design")
P("texter", "Florian Bauer", "florian@wortwerk-texte.example", "AW: Texte für Ihre Website",
  "Hallo Frau Holm,\n\nich wollte noch einmal an meine letzte Nachricht erinnern. Ich schreibe als\n"
  "Texter Websites, Fallstudien und LinkedIn-Beiträge für Beratungen – auch auf Englisch.\n\n"
  "Haben Sie kurz Zeit für ein Gespräch?\n\nBeste Grüße\nFlorian Bauer\n",
  "copywriting, fake AW: subject, no In-Reply-To")
P("personalvermittlung", "Katrin Vogel", "k.vogel@fachkraefte-direkt.example", "Fachkräfte für Ihr Team",
  "Sehr geehrte Frau Holm,\n\nder Fachkräftemangel trifft auch Beratungen. Wir vermitteln erfahrene\n"
  "Projektmanager und Business Analysts – auch auf Freelance-Basis – und berechnen nur bei\n"
  "erfolgreicher Vermittlung ein Honorar.\n\nSoll ich Ihnen passende Profile senden?\n\n"
  "Freundliche Grüße\nKatrin Vogel\n", "recruiting agency")
P("zahlungsterminal", "Sven Krüger", "sven.krueger@kassenblitz.example", "Kartenzahlung bei Ihren Seminaren",
  "Hallo Frau Holm,\n\nmit dem KassenBlitz-Terminal nehmen Sie EC-Karte, Kreditkarte und Apple Pay an –\n"
  "für 0,79 % pro Zahlung, ohne Grundgebühr.\n\nMöchten Sie ein Testgerät?\n\nSven Krüger\n",
  "payment terminal, short", to=ANNA2)
P("immobilien-gefaelscht", "Markus Lehmann", "m.lehmann@rendite-immobilien.example",
  "Exklusiv: Denkmalimmobilie mit 6 % Rendite",
  "Sehr geehrte Frau Holm,\n\nfür ausgewählte Unternehmerinnen bieten wir vor dem offiziellen Vertriebsstart\n"
  "Wohnungen in einer sanierten Denkmalimmobilie in Leipzig an – mit 6 % Mietrendite und hohen\n"
  "Steuervorteilen.\n\nIch rufe Sie gerne an. Unter welcher Nummer erreiche ich Sie am besten?\n\n"
  "Mit freundlichen Grüßen\nMarkus Lehmann\n", "real estate investment, forged sender (dmarc=fail)",
  blocked="authentication", auth="fail", helo_domain="host-77.dialup.test")
P("photovoltaik", "Solarpartner Nord", "info@solarpartner-nord.example", "Photovoltaik fürs Büro – jetzt Förderung sichern",
  "Guten Tag Frau Holm,\n\ndie Strompreise bleiben hoch. Mit einer Photovoltaikanlage auf Ihrem\n"
  "Bürogebäude senken Sie Ihre Energiekosten dauerhaft. Wir übernehmen Planung, Förderantrag und\n"
  "Montage.\n\nJetzt kostenlose Ertragsprognose anfordern!\n\nIhr Solarpartner Nord\n", "solar panels")
P("bav", "Thomas Keller", "thomas.keller@vorsorgekontor.example", "Betriebliche Altersvorsorge – steuerlich clever",
  "Sehr geehrte Frau Holm,\n\nals Unternehmerin können Sie mit einer betrieblichen Altersvorsorge Steuern\n"
  "sparen und gleichzeitig fürs Alter vorsorgen. Ich erstelle Ihnen gerne eine unverbindliche\n"
  "Vergleichsrechnung.\n\nWann passt Ihnen ein kurzes Telefonat?\n\nMit freundlichen Grüßen\n"
  "Thomas Keller\nVorsorgekontor\n", "pension / insurance")
P("callcenter", "Nicole Weber", "n.weber@telepartner-service.example", "Ihr externes Sekretariat",
  "Hallo Frau Holm,\n\nverpassen Sie Anrufe, während Sie beim Kunden sind? Unser Telefonservice nimmt Ihre\n"
  "Gespräche in Ihrem Namen an – auf Deutsch, Englisch und Dänisch – ab 79 € im Monat.\n\n"
  "Jetzt 14 Tage kostenlos testen: https://cal.com/telepartner/test\n\nViele Grüße\nNicole Weber\n",
  "call-centre / phone answering service")
P("messestand", "Bernd Schulz", "b.schulz@messebau-schulz.example", "Ihr Messeauftritt 2027",
  "Sehr geehrte Frau Holm,\n\nplanen Sie für 2027 Messeauftritte? Wir konzipieren und bauen Messestände\n"
  "in ganz Europa – vom kompakten Systemstand bis zur individuellen Lösung.\n\nGern sende ich Ihnen\n"
  "unsere Referenzmappe.\n\nMit freundlichen Grüßen\nBernd Schulz\nMessebau Schulz GmbH\n",
  "exhibition stand builder")

# ---- wanted
W("angebotsanfrage", "Stefan Maier", "s.maier@maier-haustechnik.example", "Anfrage: Prozessberatung Auftragsabwicklung",
  "Sehr geehrte Frau Holm,\n\nwir sind ein Haustechnik-Betrieb mit 35 Mitarbeitenden in Flensburg. Unsere\n"
  "Auftragsabwicklung ist zu langsam, und ein Geschäftspartner hat Sie empfohlen. Könnten Sie uns ein\n"
  "Angebot für eine Prozessanalyse vor Ort machen?\n\nMit freundlichen Grüßen\nStefan Maier\n",
  "customer asking for a quote, new sender")
W("preisliste", "Claudia Berger", "claudia.berger@berger-steuer.example", "Preisliste für Workshops",
  "Hallo Frau Holm,\n\nkönnten Sie mir Ihre Preisliste für Workshops zukommen lassen? Wir überlegen, im\n"
  "Herbst einen Workshop zu unseren internen Abläufen zu machen.\n\nViele Grüße\nClaudia Berger\n",
  "customer asking for a price list, new sender")
W("lieferant-antwort", "Jan Petersen", "vertrieb@praesenztechnik.example", "AW: Anfrage: mobiler Beamer und Leinwand",
  "Sehr geehrte Frau Holm,\n\nvielen Dank für Ihre Anfrage. Anbei unser Angebot: Beamer LX-3600 für 689 €\n"
  "und Stativleinwand 180 cm für 129 €, Versand nach Dänemark 24 €. Lieferzeit 3-4 Werktage.\n\n"
  "Mit freundlichen Grüßen\nJan Petersen\n", "supplier answering Anna's purchase question (thread)",
  blocked="known_correspondent", irt=M_DE_LIEF)
W("referentin", "Prof. Dr. Ute Hansen", "u.hansen@prozesstag-nord.example", "Einladung als Referentin",
  "Sehr geehrte Frau Holm,\n\nim Namen des Organisationsteams lade ich Sie herzlich ein, beim Prozesstag\n"
  "Nord am 8. Oktober in Kiel einen Vortrag zu halten. Ein Honorar können wir leider nicht zahlen,\n"
  "Reisekosten erstatten wir selbstverständlich.\n\nWir würden uns sehr über eine Zusage freuen.\n\n"
  "Mit freundlichen Grüßen\nUte Hansen\n", "speaker invitation (unpaid), new sender")
W("journalistin", "Miriam Kolb", "m.kolb@handelsblick.example", "Interviewanfrage: Beratung im Mittelstand",
  "Liebe Frau Holm,\n\nich schreibe für den Handelsblick über Beraterinnen, die für den Mittelstand\n"
  "arbeiten. Hätten Sie diese Woche 20 Minuten Zeit für ein Telefoninterview?\n\nHerzliche Grüße\nMiriam Kolb\n",
  "journalist interview request")
W("masterarbeit", "Paul Schneider", "paul.schneider@stud.uni-hamburg.example", "Interview für meine Masterarbeit",
  "Sehr geehrte Frau Holm,\n\nich schreibe meine Masterarbeit über die Rolle externer Berater bei der\n"
  "Prozessoptimierung in KMU. Wären Sie bereit, an einem ca. 45-minütigen Interview teilzunehmen?\n\n"
  "Mit freundlichen Grüßen\nPaul Schneider\n", "student asking for a thesis interview")
W("empfehlung", "Heike Schmitt", "heike.schmitt@schmitt-logistik.example", "Empfehlung von Thomas Weber",
  "Hallo Frau Holm,\n\nThomas Weber hat mir erzählt, wie sehr ihm Ihr Workshop im Lager geholfen hat.\n"
  "Wir haben ähnliche Probleme in unserer Kommissionierung. Hätten Sie im September Zeit für ein\n"
  "erstes Gespräch?\n\nBeste Grüße\nHeike Schmitt\n", "former client's friend writing first")
W("newsletter", "Beraterbrief", "redaktion@beraterbrief.example", "Beraterbrief 14/2026: Honorare, KI und Akquise",
  "Liebe Leserin, lieber Leser,\n\nin dieser Ausgabe: Honorarstudie 2026, KI-Werkzeuge für Beraterinnen\n"
  "und drei Wege zu neuen Aufträgen.\n\nZur Webversion: https://beraterbrief.example/14-2026\n",
  "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<beraterbrief.example>", "<https://beraterbrief.example/abmelden?u=ah11>"))
W("webinar-erinnerung", "Akademie Prozessmanagement", "webinar@akademie-prozess.example",
  "Erinnerung: Ihr Webinar „BPMN in der Praxis“ beginnt morgen",
  "Hallo Frau Holm,\n\nwir erinnern Sie an das Webinar „BPMN in der Praxis“ morgen um 10:00 Uhr.\n\n"
  "Zugangslink: https://akademie-prozess.example/live/4412\n", "webinar reminder Anna registered for",
  blocked="mailing_list", extra=[("List-Unsubscribe", "<https://akademie-prozess.example/abmelden/ah>"),
                                 ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])
W("anmeldebestaetigung", "Kongress Prozessexzellenz", "noreply@prozessexzellenz.example",
  "Anmeldebestätigung Kongress Prozessexzellenz 2026",
  "Sehr geehrte Frau Holm,\n\nvielen Dank für Ihre Anmeldung zum Kongress Prozessexzellenz am 17. und\n"
  "18. September in München. Ihre Buchungsnummer: KPE-55190.\n\nDiese E-Mail wurde automatisch erstellt.\n",
  "conference registration confirmation (noreply@)", blocked="system_sender")
