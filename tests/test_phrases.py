"""Shipped phrase lists (config/phrases): complete, well-formed, tell a pitch from wanted mail."""
import re
import tomllib
from pathlib import Path

import pytest

from nejtak.bot.phrases import PhraseBook

PHRASES = Path(__file__).resolve().parent.parent / "config" / "phrases"
LANGUAGES = ["en", "da", "sv", "nb", "de", "pl"]
CATEGORIES = [
    "call_request", "came_across", "follow_up", "urgency", "lead_lists", "partnership",
    "seo_marketing", "outsourcing", "energy_insurance", "sales_pitch", "opt_out_line",
    "offer_question", "free_offer", "self_intro", "offer_statement", "price_offer", "social_proof",
    "wanted_context", "familiarity", "inbound_lead", "subscription_notice",
]
SALES = [c for c in CATEGORIES if c not in ("wanted_context", "familiarity", "inbound_lead", "subscription_notice")]
# Languages the text model carries alone: only the categories that need history or protect
# someone (a stranger's false "as discussed", someone asking for a quote, a subscriber).
LEAN_LANGUAGES = ["nl", "fi", "fr", "es", "it"]
LEAN_CATEGORIES = ["familiarity", "inbound_lead", "subscription_notice"]

# One realistic cold pitch per language: each must hit at least two sales categories.
PITCHES = {
    "en": "Hi Anna, I came across your website and noticed you could rank higher on Google. "
          "We help companies like yours get more organic traffic. Would you be open to a quick "
          "call next week? If this isn't relevant, just let me know.",
    "da": "Hej Peter. Jeg faldt over jeres hjemmeside og kunne se, at I ikke ligger på første side "
          "på Google. Vi hjælper virksomheder som jeres med SEO. Har du tid til en kort snak i "
          "næste uge?",
    "sv": "Hej! Jag ville bara följa upp mitt tidigare mejl. Vi säljer B2B-databaser med "
          "verifierade kontakter till beslutsfattare. Erbjudandet gäller endast denna vecka. "
          "Om detta inte är relevant, svara bara nej.",
    "nb": "Hei! Vi tilbyr et dedikert utviklingsteam offshore til en brøkdel av prisen, og vi har "
          "hjulpet over 200 bedrifter som din. Ville du vært interessert i en uforpliktende prat?",
    "de": "Guten Tag Herr Müller, ich bin auf Ihre Website gestoßen und habe gesehen, dass Sie "
          "nicht auf der ersten Seite bei Google stehen. Hätten Sie nächste Woche Zeit für ein "
          "kurzes Gespräch?",
    "pl": "Dzień dobry, wracam do mojej poprzedniej wiadomości. Ceny prądu rosną, a my możemy "
          "obniżyć rachunki za energię w Państwa firmie. Oferta ważna tylko do piątku. Czy byliby "
          "Państwo zainteresowani?",
}

# Realistic wanted mail per language: a customer asking for a quote, a colleague's introduction.
# Each must hit wanted_context and no sales category.
WANTED = {
    "en": [
        "Hi, could you send me a quote for 40 hours of consulting in March? As discussed on the "
        "phone, we would like to order before Easter. Best, Tom",
        "Hi Tom, my colleague Sarah suggested I contact you about the talk at the conference in "
        "May. Do you have time for lunch one of these days?",
    ],
    "da": [
        "Hej, kan I sende et tilbud på 20 timers rådgivning i april? Som aftalt i telefonen vil vi "
        "gerne bestille inden påske. Mvh Lars",
        "Hej Mette, min kollega Jonas anbefalede mig at kontakte dig angående foredraget i maj. "
        "Har du tid til frokost en af dagene?",
    ],
    "sv": [
        "Hej! Kan ni skicka en offert på 20 timmar konsultstöd i april? Som vi pratade om vill vi "
        "beställa innan påsk. Hälsningar Eva",
        "Hej Anna, min kollega Erik tipsade mig om att kontakta dig om föreläsningen i maj. Ses vi "
        "på lunch någon dag?",
    ],
    "nb": [
        "Hei! Kan dere sende et tilbud på 20 timer rådgivning i april? Som avtalt på telefon vil vi "
        "gjerne bestille før påske. Hilsen Ola",
        "Hei Kari, kollegaen min Ola tipset meg om å kontakte deg om foredraget i mai. Skal vi ta "
        "en lunsj en dag?",
    ],
    "de": [
        "Guten Tag Frau Schmidt, bitte senden Sie uns ein Angebot für 20 Beratungsstunden im April. "
        "Wie telefonisch besprochen möchten wir vor Ostern bestellen.",
        "Hallo Jan, mein Kollege Thomas hat mir empfohlen, mich bei Ihnen zu melden. Es geht um den "
        "Vortrag im Mai. Viele Grüße, Petra",
    ],
    "pl": [
        "Dzień dobry, proszę o wycenę 20 godzin konsultacji w kwietniu. Zgodnie z naszą rozmową "
        "chcielibyśmy zamówić przed Wielkanocą. Pozdrawiam, Anna",
        "Cześć Kasia, mój kolega Marek polecił mi kontakt z Tobą w sprawie wykładu w maju. Może "
        "lunch w przyszły piątek?",
    ],
}

# Everyday personal mail: no sales category at all.
PERSONAL = [
    "Hi love, I'll be 15 minutes late tonight, can you pick up the kids? Thanks!",
    "Hej mor, jeg kommer lidt senere i aften. Kan du hente børnene? Knus",
    "Hej pappa, vi kommer på söndag vid tolv. Kram",
    "Hei mamma, vi kommer på søndag til middag. Klem",
    "Hallo Oma, wir kommen am Sonntag zum Kaffee. Liebe Grüße",
    "Cześć mamo, przyjedziemy w niedzielę na obiad. Buziaki",
]


@pytest.fixture(scope="module")
def book() -> PhraseBook:
    return PhraseBook(PHRASES)


def _load(language: str) -> dict:
    return tomllib.loads((PHRASES / f"{language}.toml").read_text(encoding="utf-8"))


def _sales_hits(book: PhraseBook, text: str) -> dict[str, str]:
    hits = {c: book.find(c, text) for c in SALES}
    return {c: h.phrase for c, h in hits.items() if h}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_category(language):
    data = _load(language)
    assert sorted(data) == sorted(CATEGORIES)
    for category in CATEGORIES:
        phrases = data[category]["phrases"]
        assert phrases, f"{language}.toml [{category}] is empty"
        assert len(phrases) >= {"familiarity": 8, "subscription_notice": 6}.get(category, 12), (
            f"{language}.toml [{category}] has only {len(phrases)} phrases")


@pytest.mark.parametrize("language", LEAN_LANGUAGES)
def test_the_other_languages_have_the_protecting_categories(language):
    assert sorted(_load(language)) == LEAN_CATEGORIES


@pytest.mark.parametrize("text,category", [
    ("Zoals besproken stuur ik u ons aanbod.", "familiarity"),
    ("Kuten sovimme, lähetän tarjouksen.", "familiarity"),
    ("Comme convenu, voici notre offre.", "familiarity"),
    ("Como hablamos, te envío la propuesta.", "familiarity"),
    ("Come d'accordo, le invio la proposta.", "familiarity"),
    ("Pourriez-vous nous envoyer un devis pour deux jours ?", "inbound_lead"),
    ("¿Cuánto cobra por una web para mi clínica?", "inbound_lead"),
    ("Vorremmo un preventivo per il sito del mio studio.", "inbound_lead"),
    ("Kunnen jullie een offerte sturen voor onze nieuwe website?", "inbound_lead"),
    ("Pyydämme tarjousta kahden päivän koulutuksesta.", "inbound_lead"),
])
def test_familiarity_and_buyer_phrases_in_the_other_languages(book, text, category):
    assert book.find(category, text) is not None


@pytest.mark.parametrize("language", LANGUAGES + LEAN_LANGUAGES)
def test_phrases_are_well_formed(language):
    for category, section in _load(language).items():
        seen = set()
        for phrase in section["phrases"]:
            assert phrase == phrase.strip() and phrase, f"{language}/{category}: {phrase!r}"
            assert all("*" not in word[:-1] for word in phrase.split()), (
                f"{language}/{category}: '*' only at a word's end: {phrase!r}"
            )
            assert phrase.lower() not in seen, f"{language}/{category}: duplicate {phrase!r}"
            seen.add(phrase.lower())


def test_book_compiles_every_category(book):
    assert book.categories() == sorted(CATEGORIES)
    for category in CATEGORIES:
        expected = set(LANGUAGES) | (set(LEAN_LANGUAGES) if category in LEAN_CATEGORIES else set())
        assert set(book.lists[category]) == expected


@pytest.mark.parametrize("language", LANGUAGES + LEAN_LANGUAGES)
def test_every_phrase_matches_its_own_text(book, language):
    for category, section in _load(language).items():
        for phrase in section["phrases"]:
            text = "Hello, " + re.sub(r"\*(?=\s|$)", "", phrase) + " and so on."
            assert book.find(category, text), f"{language}/{category}: {phrase!r} misses itself"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pitch_hits_two_sales_categories(book, language):
    text = PITCHES[language]
    hits = _sales_hits(book, text)
    assert len(hits) >= 2, f"{language}: only {hits}"
    assert book.find("wanted_context", text) is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_wanted_mail_hits_wanted_context_only(book, language):
    for text in WANTED[language]:
        assert book.find("wanted_context", text) or book.find("inbound_lead", text), (
            f"{language}: no wanted_context or inbound_lead in {text!r}")
        assert _sales_hits(book, text) == {}, f"{language}: sales phrases in wanted mail"


@pytest.mark.parametrize("text", PERSONAL)
def test_personal_mail_hits_nothing(book, text):
    assert _sales_hits(book, text) == {}


def test_common_fingerprints(book):
    assert book.mailers and all(m == m.lower().strip() and m for m in book.mailers)
    for tool in ("lemlist", "mailshake", "woodpecker", "reply.io", "apollo", "hubspot", "mailchimp"):
        assert tool in book.mailers
    assert set(book.domains) >= {"calendar", "tracker"}
    for kind in ("calendar", "tracker"):
        assert book.domains[kind]
        for domain in book.domains[kind]:
            assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", domain), f"{kind}: {domain!r} not a host"
    assert "calendly.com" in book.domains["calendar"]
    assert "mailtrack.io" in book.domains["tracker"]
