# -*- coding: utf-8 -*-
from common import ANNA2, LIST, S, mk

P, W = mk("pl")

M_PL_DOST = "<20260504120950.b2c3d4@holm.example>"
M_PL_PARTNER = "<20260528101717.e5f6a7@holm.example>"
S("pl-zapytanie-druk", "05-04 12:09", M_PL_DOST, "Drukarnia Kowalczyk <biuro@drukarnia-kowalczyk.example>",
  "Zapytanie o druk materiałów szkoleniowych",
  "Dzień dobry,\n\nproszę o wycenę druku 200 skoroszytów szkoleniowych (A4, 40 stron, kolor) z wysyłką do\n"
  "Kopenhagi. Jaki jest czas realizacji?\n\nZ poważaniem\nAnna Holm\n")
S("pl-partner", "05-28 10:17", M_PL_PARTNER, "Tomasz Zieliński <tomasz@zielinski-lean.example>", "Wspólny projekt w Gdańsku?",
  "Cześć Tomasz,\n\nwspominałeś, że szukasz kogoś do projektu w porcie w Gdańsku. Chętnie dołączę – możesz\n"
  "przesłać więcej szczegółów?\n\nPozdrawiam\nAnna\n")

SH1 = "<20260615.0921.kamil@codenest-house.example>"
P("software-house", "Kamil Wójcik", "kamil.wojcik@codenest-house.example", "Zespół programistów dla Holm Consulting",
  "Dzień dobry Pani Anno,\n\nnazywam się Kamil Wójcik i reprezentuję CodeNest, software house z Wrocławia.\n"
  "Od 10 lat tworzymy aplikacje webowe i mobilne dla klientów ze Skandynawii – szybko, w Pani strefie\n"
  "czasowej i o 40% taniej niż lokalne agencje.\n\nCzy mogę przesłać nasze portfolio?\n\n"
  "Z wyrazami szacunku\nKamil Wójcik\nBusiness Development Manager\n", "software house / nearshore",
  d="06-15 09:21", mid=SH1)
P("software-house-ponownie", "Kamil Wójcik", "kamil.wojcik@codenest-house.example", "Odp: Zespół programistów dla Holm Consulting",
  "Dzień dobry,\n\nuprzejmie przypominam się w sprawie mojej wiadomości z czerwca. Czy znalazłaby Pani\n"
  "15 minut na rozmowę w przyszłym tygodniu?\n\nPozdrawiam\nKamil Wójcik\n\n"
  "> Dzień dobry Pani Anno,\n> nazywam się Kamil Wójcik i reprezentuję CodeNest, software house z Wrocławia.\n",
  "software house follow-up quoting the first pitch, after refusal", repeat=1, d="08-24 09:44", irt=SH1,
  charset="iso-8859-2")
P("wirtualna-asystentka", "Karolina Mazur", "karolina@asystentka-online.example", "Więcej czasu na klientów?",
  "Dzień dobry,\n\njestem wirtualną asystentką i pomagam przedsiębiorcom w obsłudze poczty, kalendarza,\n"
  "faktur i rezerwacji podróży. Pracuję zdalnie, rozliczam się godzinowo.\n\nCzy mogę w czymś pomóc?\n\n"
  "Pozdrawiam serdecznie\nKarolina Mazur\n", "virtual assistant")
P("call-center", "Paweł Lis", "pawel.lis@telecontact-pl.example", "Outsourcing obsługi klienta w języku duńskim",
  "Dzień dobry Pani Anno,\n\nTeleContact prowadzi infolinie i obsługę klienta dla firm ze Skandynawii – nasi\n"
  "konsultanci mówią po duńsku, szwedzku i norwesku. Koszty są o połowę niższe niż w Kopenhadze.\n\n"
  "Czy możemy umówić się na krótką rozmowę?\n\nZ poważaniem\nPaweł Lis\n", "call-centre outsourcing")
P("anotacja", "Zespół DataZnak", "kontakt@dataznak.example", "Anotacja danych dla projektów AI",
  "Dzień dobry,\n\nDataZnak zapewnia anotację obrazów, tekstów i nagrań audio dla projektów uczenia\n"
  "maszynowego. Ponad 300 przeszkolonych anotatorów, zgodność z RODO.\n\nChętnie przygotujemy bezpłatny\n"
  "projekt pilotażowy.\n\nZespół DataZnak\n", "data annotation services")
P("rekrutacja-it", "Magdalena Kaczmarek", "magdalena.kaczmarek@itrekruter.example", "Specjaliści IT dla Pani firmy",
  "Dzień dobry Pani Anno,\n\nzajmuję się rekrutacją specjalistów IT i analityków biznesowych. Obecnie mamy\n"
  "kilku świetnych kandydatów otwartych na współpracę B2B z firmami z Danii.\n\nCzy rekrutuje Pani\n"
  "obecnie?\n\nPozdrawiam\nMagdalena Kaczmarek\n", "IT recruiting agency")
P("tlumaczenia", "Biuro Tłumaczeń Lingwista", "zlecenia@lingwista-tlumaczenia.example", "Tłumaczenia przysięgłe i specjalistyczne",
  "Szanowni Państwo,\n\nBiuro Tłumaczeń Lingwista oferuje tłumaczenia przysięgłe i specjalistyczne w ponad\n"
  "30 językach, w tym duńskim. Terminowo i w konkurencyjnych cenach.\n\nZapraszamy do współpracy!\n\n"
  "Biuro Tłumaczeń Lingwista\n", "translation agency", charset="windows-1250")
P("gadzety", "Ola", "ola@gadzety-firmowe.example", "Kubki, długopisy i torby z logo 🎁",
  "<p>Cześć Anno!</p>\n<p>Przygotowaliśmy <b>nową kolekcję gadżetów reklamowych</b> na jesień – kubki, notesy,\n"
  "powerbanki. Zamówienie od 50 sztuk, wysyłka do całej Europy.</p>\n"
  "<p><a href=\"https://gadzety-firmowe.example/katalog\">Zobacz katalog</a></p>\n<p>Ola</p>\n"
  '<img src="https://t.tracker.example/o/gf-12" width="1" height="1" alt="">\n',
  "promotional products, html only", html_only=True)
P("ksiegowosc", "Michał Dąbrowski", "michal@ksiegowosc-w-chmurze.example", "Księgowość online dla freelancerów",
  "Dzień dobry,\n\nczy prowadzi Pani także działalność w Polsce? Nasze biuro rachunkowe obsługuje\n"
  "freelancerów w 100% online – od 199 zł netto miesięcznie.\n\nPozdrawiam\nMichał Dąbrowski\n",
  "online accounting service")
P("wordpress", "Adrian Szymański", "adrian@wpmistrz.example", "Nowa strona internetowa w 14 dni",
  "Dzień dobry Pani Anno,\n\nprzejrzałem stronę holm.example i mam kilka pomysłów, jak mogłaby przyciągać\n"
  "więcej zapytań od klientów. Tworzymy strony na WordPressie w 14 dni, z wersją duńską i angielską.\n\n"
  "Czy mogę przesłać bezpłatną makietę strony głównej?\n\nAdrian Szymański\nWPMistrz\n",
  "WordPress web development")
P("social-media", "Natalia", "natalia@socialboost-agencja.example", "Pytanko o Pani LinkedIn 🙂",
  "Hej Anno,\n\nprowadzimy profile firmowe na LinkedInie i Instagramie dla konsultantów. Może porozmawiamy?\n\n"
  "Natalia\n", "social media management, very short")
P("google-ads", "Krzysztof Wróbel", "k.wrobel@klikpro.example", "Kampanie Google Ads w Danii",
  "Dzień dobry,\n\nprowadzimy kampanie Google Ads i Meta Ads dla firm usługowych na rynku skandynawskim.\n"
  "Pierwszy audyt konta jest bezpłatny.\n\nUmów się na rozmowę: https://calendly.com/klikpro-krzysztof/30min\n\n"
  "Pozdrawiam\nKrzysztof Wróbel\nKlikPro\n", "Google / Meta ads management", pixel="pl0909aa")
P("seo-linki", "Agencja LinkPower", "biuro@linkpower.example", "Artykuły sponsorowane na portalach biznesowych",
  "Dzień dobry,\n\noferujemy publikację artykułów sponsorowanych z linkiem do Pani strony na ponad 800\n"
  "portalach biznesowych. Ceny od 150 zł za publikację.\n\nPrzesłać cennik?\n\nAgencja LinkPower\n",
  "SEO backlinks / sponsored articles")
P("chatbot", "Bartosz Kamiński", "bartosz@czatai.example", "Chatbot AI, który umawia spotkania",
  "Dzień dobry Pani Anno,\n\nnasz chatbot AI odpowiada na pytania klientów na stronie internetowej 24/7,\n"
  "w języku duńskim, angielskim i polskim, i sam umawia spotkania w Pani kalendarzu.\n\nCzy mogę\n"
  "pokazać krótkie demo?\n\nBartosz Kamiński\nCzatAI\n", "AI chatbot", to=ANNA2)
P("wsparcie-it", "Serwis IT Nowak", "serwis@nowak-it.example", "Odp: Wsparcie informatyczne",
  "Dzień dobry,\n\nw nawiązaniu do poprzedniej wiadomości – czy rozważyła Pani stałą opiekę informatyczną?\n"
  "Zdalny helpdesk, kopie zapasowe i bezpieczeństwo od 299 zł miesięcznie.\n\nZ poważaniem\nSerwis IT Nowak\n",
  "IT support, fake Odp: subject, no In-Reply-To")
P("wideo", "Jakub Pawlak", "jakub@kadrfilm.example", "Film wizerunkowy dla Holm Consulting",
  "Dzień dobry,\n\nrealizujemy filmy wizerunkowe i nagrania z drona dla firm doradczych. Mamy wolne\n"
  "terminy zdjęciowe w Kopenhadze we wrześniu.\n\nCzy mogę przesłać showreel?\n\nJakub Pawlak\nKadr Film\n",
  "video / drone production")
P("relokacja", "Ewa Grabowska", "ewa.grabowska@relocate-easy.example", "Relokacja pracowników do Danii",
  "Dzień dobry Pani Anno,\n\npomagamy firmom w relokacji pracowników z Polski do Danii: mieszkanie, CPR,\n"
  "konto bankowe i szkoła dla dzieci. Kompleksowo i bez stresu.\n\nCzy planuje Pani zatrudniać\n"
  "pracowników z zagranicy?\n\nZ pozdrowieniami\nEwa Grabowska\n", "relocation services")
P("dotacje", "Robert Jankowski", "r.jankowski@fundusze-dla-firm.example", "Dotacje unijne dla Pani firmy",
  "Dzień dobry,\n\npozyskujemy dotacje unijne na rozwój firm, cyfryzację i szkolenia. Wynagrodzenie tylko\n"
  "w przypadku sukcesu.\n\nProszę o informację, czy temat jest dla Pani interesujący.\n\n"
  "Z poważaniem\nRobert Jankowski\n", "funding / grants consultant")
P("spolka-estonia-sfalszowana", "Igor Sadowski", "igor@spolka-estonia.example", "Spółka w Estonii – 0% CIT",
  "Dzień dobry,\n\nzałóż spółkę w Estonii i płać 0% podatku od zatrzymanego zysku! Rejestracja online w\n"
  "24 godziny, księgowość w cenie.\n\nOdpowiedz na tę wiadomość, a oddzwonię.\n\nIgor Sadowski\n",
  "company formation abroad, forged sender (dmarc=fail)", blocked="authentication", auth="fail",
  helo_domain="static-14.cheapvps.test")
P("ranking-wywiad", "Redakcja Liderzy Biznesu", "redakcja@liderzybiznesu.example", "Wywiad z Panią w rankingu Liderzy Biznesu 2026",
  "Szanowna Pani,\n\nz przyjemnością informujemy, że Holm Consulting znalazła się w gronie firm\n"
  "wyróżnionych w rankingu Liderzy Biznesu 2026. W ramach wyróżnienia proponujemy wywiad z Panią\n"
  "w naszym magazynie oraz certyfikat i statuetkę.\n\nKoszt pakietu wyróżnienia wynosi 4 900 zł netto.\n\n"
  "Z wyrazami szacunku\nRedakcja Liderzy Biznesu\n", "paid ranking and magazine interview")
P("podroze", "Monika Zając", "monika.zajac@travelbiz.example", "Podróże służbowe bez stresu",
  "Dzień dobry Pani Anno,\n\nTravelBiz organizuje podróże służbowe dla małych firm – bilety lotnicze, hotele\n"
  "i transfery w jednym miejscu, z miesięczną fakturą zbiorczą.\n\nCzy mogę przesłać ofertę?\n\n"
  "Monika Zając\n", "business travel")

# ---- wanted
W("zapytanie-ofertowe", "Agnieszka Lewandowska", "a.lewandowska@lewandowski-meble.example", "Zapytanie ofertowe – analiza procesów",
  "Dzień dobry Pani Anno,\n\njesteśmy producentem mebli z Poznania i eksportujemy do Danii. Chcielibyśmy\n"
  "usprawnić proces realizacji zamówień. Czy mogłaby Pani przygotować ofertę na analizę procesów?\n\n"
  "Z poważaniem\nAgnieszka Lewandowska\n", "customer asking for a quote, new sender")
W("dostepnosc", "Marcin Górski", "marcin.gorski@gorski-transport.example", "Czy ma Pani wolny termin we wrześniu?",
  "Dzień dobry,\n\npolecił mi Panią znajomy z branży. Czy ma Pani wolny termin we wrześniu na dwudniowe\n"
  "warsztaty dla naszych kierowników? Proszę też o informację o stawce dziennej.\n\nPozdrawiam\nMarcin Górski\n",
  "customer asking for availability and price, new sender")
W("drukarnia-odpowiedz", "Drukarnia Kowalczyk", "biuro@drukarnia-kowalczyk.example", "Re: Zapytanie o druk materiałów szkoleniowych",
  "Dzień dobry Pani Anno,\n\ndziękujemy za zapytanie. Koszt druku 200 skoroszytów to 3 480 zł netto, wysyłka\n"
  "do Kopenhagi 260 zł. Czas realizacji: 7 dni roboczych.\n\nPozdrawiamy\nDrukarnia Kowalczyk\n",
  "supplier answering Anna's purchase question (thread)", blocked="known_correspondent", irt=M_PL_DOST)
W("partner-projekt", "Tomasz Zieliński", "tomasz@zielinski-lean.example", "Re: Wspólny projekt w Gdańsku?",
  "Cześć Anno,\n\nsuper! Projekt startuje w październiku, 10 tygodni, ok. 2 dni w tygodniu na miejscu.\n"
  "Prześlę Ci brief w piątek.\n\nTomek\n", "partner answering Anna's question about a joint project (thread)",
  blocked="known_correspondent", irt=M_PL_PARTNER)
W("prelegentka", "Dorota Wilk", "dorota.wilk@konferencja-procesy.example", "Zaproszenie do wystąpienia na konferencji",
  "Szanowna Pani,\n\nw imieniu komitetu programowego konferencji „Procesy w praktyce” (Kraków, 19 listopada)\n"
  "zapraszam Panią do wygłoszenia 30-minutowego wykładu. Nie wypłacamy honorariów, ale pokrywamy koszty\n"
  "podróży i noclegu.\n\nBędziemy zaszczyceni.\n\nZ wyrazami szacunku\nDorota Wilk\n",
  "speaker invitation (unpaid), new sender")
W("dziennikarz", "Piotr Sikora", "piotr.sikora@puls-firmy.example", "Prośba o komentarz do artykułu",
  "Dzień dobry,\n\npiszę artykuł dla „Pulsu Firmy” o polskich firmach współpracujących z duńskimi\n"
  "konsultantami. Czy mógłbym zadać Pani kilka pytań telefonicznie?\n\nPozdrawiam\nPiotr Sikora\n",
  "journalist interview request")
W("praca-magisterska", "Zuzanna Nowicka", "zuzanna.nowicka@student.uw.example", "Prośba o wywiad do pracy magisterskiej",
  "Szanowna Pani,\n\nnazywam się Zuzanna Nowicka i piszę pracę magisterską na Uniwersytecie Warszawskim\n"
  "na temat doradztwa procesowego w małych firmach. Czy zgodziłaby się Pani na krótki wywiad online?\n\n"
  "Z poważaniem\nZuzanna Nowicka\n", "student asking for a thesis interview")
W("newsletter", "Akademia Lean", "newsletter@akademialean.example", "Newsletter Akademii Lean – lipiec",
  "Dzień dobry,\n\nw lipcowym wydaniu: mapowanie strumienia wartości krok po kroku, nowe terminy\n"
  "szkoleń i wywiad z ekspertem.\n\nCzytaj online: https://akademialean.example/newsletter/lipiec\n",
  "subscribed newsletter", blocked="mailing_list",
  extra=LIST("<newsletter.akademialean.example>", "<https://akademialean.example/wypisz?u=ah44>"))
W("bank", "Bank Północny", "noreply@bankpolnocny.example", "Zmiana regulaminu rachunku firmowego",
  "Szanowna Pani,\n\ninformujemy o zmianie regulaminu rachunku firmowego od 1 września 2026 r. Szczegóły\n"
  "znajdzie Pani w bankowości internetowej.\n\nWiadomość wygenerowana automatycznie.\n",
  "bank notice (noreply address)", blocked="system_sender")
W("potwierdzenie-rejestracji", "Forum Doradców", "nie-odpowiadaj@forumdoradcow.example", "Potwierdzenie rejestracji na Forum Doradców 2026",
  "Dzień dobry Pani Anno,\n\ndziękujemy za rejestrację na Forum Doradców 2026 (Warszawa, 10 października).\n"
  "Numer rejestracji: FD-7731.\n\nProsimy nie odpowiadać na tę wiadomość.\n",
  "conference registration confirmation from a do-not-reply style address (Polish), with Precedence: bulk",
  blocked="mailing_list", extra=[("Precedence", "bulk")])
