"""The rule in the owner's country that makes e-mail marketing need prior consent, and the one
sentence a refusal cites it with ([reply] country). Kept as data here, each rule checked against
its source (source_url); the dossier names the same authorities for a complaint.

The national rules below all transpose Art. 13 of the ePrivacy Directive (2002/58/EC). Some
protect every recipient (DK, DE, NL, ES, IT), others only natural persons (SE also sole traders;
NO, FI, FR, PL): the owner is a natural person, so each applies to the owner's own address.
The Robinson lists (Robinsonlisten, NIX) cover phone and post, not e-mail: never cite them here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CountryLaw:
    country: str  # ISO 3166 code, "DK"
    law: str  # original short name and section, as a reply cites it: "markedsføringsloven § 10"
    source_url: str  # the official consolidated text
    authority: str  # where to complain about the marketing itself
    authority_url: str
    dpa: str  # the data protection authority (GDPR Art. 15, 17, 21 complaints)
    dpa_url: str
    full_name: str = ""  # the law's full title, for a dossier


_LAWS = {
    "DK": CountryLaw(
        "DK", "markedsføringsloven § 10",
        "https://www.retsinformation.dk/eli/lta/2017/426",
        "Forbrugerombudsmanden", "https://www.forbrugerombudsmanden.dk/kontakt/klag-over-spam/",
        "Datatilsynet", "https://www.datatilsynet.dk",
        "Lov om markedsføring"),
    "SE": CountryLaw(
        "SE", "marknadsföringslagen 19 §",
        "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
        "marknadsforingslag-2008486_sfs-2008-486/",
        "Konsumentverket", "https://www.konsumentverket.se",
        "Integritetsskyddsmyndigheten (IMY)", "https://www.imy.se",
        "Marknadsföringslag (2008:486)"),
    "NO": CountryLaw(
        "NO", "markedsføringsloven § 15",
        "https://lovdata.no/lov/2009-01-09-2/§15",
        "Forbrukertilsynet", "https://www.forbrukertilsynet.no",
        "Datatilsynet", "https://www.datatilsynet.no",
        "Lov om kontroll med markedsføring og avtalevilkår mv. (markedsføringsloven)"),
    "DE": CountryLaw(
        # § 7 Abs. 2 Nr. 2 since the 2022 reform (before: Nr. 3). No public authority enforces it
        # for e-mail: the eco complaints office passes cases to the Wettbewerbszentrale and vzbv.
        "DE", "UWG § 7 Abs. 2 Nr. 2",
        "https://www.gesetze-im-internet.de/uwg_2004/__7.html",
        "Internet-Beschwerdestelle (eco, vzbv, Wettbewerbszentrale)", "https://www.internet-beschwerdestelle.de",
        "Datenschutzaufsicht des Bundeslandes (Liste: BfDI)",
        "https://www.bfdi.bund.de/DE/Service/Anschriften/Laender/Laender-node.html",
        "Gesetz gegen den unlauteren Wettbewerb"),
    "PL": CountryLaw(
        # in force since 10 November 2024; replaced art. 10 u.ś.u.d.e. and art. 172 Prawa telekomunikacyjnego
        "PL", "Prawo komunikacji elektronicznej art. 398",
        "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20240001221",
        "Prezes UKE", "https://www.uke.gov.pl",
        "Prezes UODO", "https://uodo.gov.pl",
        "Ustawa z dnia 12 lipca 2024 r. – Prawo komunikacji elektronicznej (Dz.U. 2024 poz. 1221)"),
    "NL": CountryLaw(
        "NL", "Telecommunicatiewet art. 11.7",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0009950&hoofdstuk=11&artikel=11.7",
        "Autoriteit Consument & Markt (ACM)", "https://www.spamklacht.nl",
        "Autoriteit Persoonsgegevens", "https://www.autoriteitpersoonsgegevens.nl",
        "Telecommunicatiewet"),
    "FI": CountryLaw(
        "FI", "laki sähköisen viestinnän palveluista 200 §",
        "https://www.finlex.fi/fi/laki/ajantasa/2014/20140917",
        "Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi",
        "Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi",
        "Laki sähköisen viestinnän palveluista (917/2014)"),
    "FR": CountryLaw(
        "FR", "CPCE art. L34-5",
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032235707",
        "CNIL", "https://www.cnil.fr/fr/plaintes",
        "CNIL", "https://www.cnil.fr",
        "Code des postes et des communications électroniques"),
    "ES": CountryLaw(
        "ES", "LSSI art. 21",
        "https://www.boe.es/buscar/act.php?id=BOE-A-2002-13758",
        "Agencia Española de Protección de Datos (AEPD)", "https://www.aepd.es",
        "Agencia Española de Protección de Datos (AEPD)", "https://www.aepd.es",
        "Ley 34/2002, de servicios de la sociedad de la información y de comercio electrónico"),
    "IT": CountryLaw(
        "IT", "Codice privacy art. 130",
        "https://www.normattiva.it/uri-res/N2Ls?urn:nir:stato:decreto.legislativo:2003-06-30;196",
        "Garante per la protezione dei dati personali", "https://www.garanteprivacy.it",
        "Garante per la protezione dei dati personali", "https://www.garanteprivacy.it",
        "Codice in materia di protezione dei dati personali (D.Lgs. 196/2003)"),
}

COUNTRIES: tuple[str, ...] = tuple(sorted(_LAWS))

# One short sentence per reply language: the rule, then the country (in the reader's language)
# and the law as a citation, like the "(GDPR Art. 17)" citations beside it. The citation stays in
# parentheses so the country's name needs no grammatical case (Polish, Finnish, German).
_SENTENCES = {
    "en": "By law, e-mail marketing requires my prior consent ({country}, {law}).",
    "da": "Ifølge loven kræver e-mailmarkedsføring mit forudgående samtykke ({country}, {law}).",
    "sv": "Enligt lag kräver e-postreklam mitt samtycke i förväg ({country}, {law}).",
    "nb": "Etter loven krever e-postmarkedsføring mitt forhåndssamtykke ({country}, {law}).",
    "de": "E-Mail-Werbung erfordert gesetzlich meine vorherige Einwilligung ({country}, {law}).",
    "pl": "Prawo wymaga mojej uprzedniej zgody na marketing e-mailowy ({country}, {law}).",
    "nl": "Wettelijk vereist e-mailmarketing mijn voorafgaande toestemming ({country}, {law}).",
    "fi": "Lain mukaan sähköpostimarkkinointi edellyttää ennalta antamaani suostumusta ({country}, {law}).",
    "fr": "Légalement, toute prospection par e-mail exige mon consentement préalable ({country}, {law}).",
    "es": "Por ley, la publicidad por e-mail exige mi consentimiento previo ({country}, {law}).",
    "it": "Per legge, l'e-mail marketing richiede il mio previo consenso ({country}, {law}).",
}
LANGUAGES: tuple[str, ...] = tuple(_SENTENCES)


def law_for(country: str) -> CountryLaw | None:
    """The rule for a country code (any case); None for "" or a country without one here."""
    return _LAWS.get(country.strip().upper()) if country else None


def sentence(country: str, language: str) -> str:
    """The sentence in the reply's language, naming the country in that language; "" without a
    country. A language with no sentence here (an owner's own templates) gets the English one."""
    rule = law_for(country)
    if rule is None:
        return ""
    lang = language if language in _SENTENCES else "en"
    return _SENTENCES[lang].format(country=_country_name(rule.country, lang), law=rule.law)


@lru_cache(maxsize=None)
def _country_name(country: str, language: str) -> str:
    from babel import Locale

    return Locale.parse(language).territories.get(country, country)
