"""Recognition as a user meets it: pitches in eleven languages refused in their own language,
a buyer never refused, a stranger's false familiarity, follow-ups judged on their own quoted
pitch, history above any content. Texts here are written for these tests, not taken from the
training corpus."""
from __future__ import annotations

import itertools
import json

import pytest

from nejtak.bot.config import parse
from nejtak.bot.mail.reader import read_message
from nejtak.bot.model import text as text_model
from nejtak.bot.pipeline import HISTORY_WINS, Pipeline
from nejtak.bot.sender_history import SenderHistory
from nejtak.bot.signals.base import judged_text

OWNER = "anna@holm.example"
CONFIG = parse(f'mode = "auto"\n[owner]\nname = "Anna Holm"\naddresses = ["{OWNER}"]\n'
               f'trusted_authserv_ids = ["mx.holm.example"]\n[reply]\nmax_per_hour = 1000\n', "t.toml")


def mail(body: str, subject: str, sender: str = "ola@vendor.example", extra: str = "",
         html: bool = False) -> bytes:
    ctype = "text/html" if html else "text/plain"
    return (f"Return-Path: <{sender}>\r\nAuthentication-Results: mx.holm.example; "
            f"dmarc=pass header.from={sender.rsplit('@', 1)[1]}\r\nFrom: Ola Berg <{sender}>\r\n"
            f"To: Anna <{OWNER}>\r\nSubject: {subject}\r\nDate: Tue, 01 Dec 2026 09:00:00 +0100\r\n"
            f"Message-ID: <{abs(hash(body))}@vendor.example>\r\n{extra}"
            f"Content-Type: {ctype}; charset=utf-8\r\n\r\n{body}\r\n").encode()


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(CONFIG, store=None)


def decide(pipeline, raw: bytes, history: SenderHistory | None = None):
    return pipeline.decide(read_message(raw, "t"), history or SenderHistory())


PITCHES = {
    "nl": ("Meer klanten via Google?", "Hallo Anna,\n\nWij zijn een online marketingbureau uit Utrecht en helpen "
           "zzp'ers om hoger in Google te komen. Voor € 249 per maand verzorgen wij uw SEO en advertenties. "
           "Zullen we volgende week een kort belletje inplannen?\n\nMet vriendelijke groet,\nDaan"),
    "fi": ("Lisää asiakkaita verkosta", "Hei Anna,\n\nOlemme digitaalisen markkinoinnin toimisto Tampereelta ja "
           "autamme pienyrityksiä saamaan lisää asiakkaita hakukoneista. Pakettimme maksaa 299 € kuukaudessa. "
           "Sopisiko lyhyt puhelu ensi viikolla?\n\nTerveisin,\nMikko"),
    "fr": ("Plus de clients grâce à Google", "Bonjour Anna,\n\nNous sommes une agence de marketing digital à Lyon "
           "et nous aidons les indépendants à gagner en visibilité. Notre offre de référencement démarre à 249 € "
           "par mois. Seriez-vous disponible pour un court appel la semaine prochaine ?\n\nCordialement,\nJulien"),
    "es": ("Más clientes desde Google", "Hola Anna:\n\nSomos una agencia de marketing digital de Valencia y "
           "ayudamos a autónomos a conseguir más clientes. Nuestro plan de posicionamiento cuesta 249 € al mes. "
           "¿Te viene bien una llamada corta la semana que viene?\n\nUn saludo,\nJavier"),
    "it": ("Più clienti da Google", "Buongiorno Anna,\n\nsiamo un'agenzia di marketing digitale di Bologna e "
           "aiutiamo i professionisti a trovare nuovi clienti online. Il nostro pacchetto SEO costa 249 € al "
           "mese. Avrebbe dieci minuti la prossima settimana per una breve chiamata?\n\nCordiali saluti,\nLuca"),
    "de": ("Mehr Kunden über Google", "Hallo Anna,\n\nwir sind eine Online-Marketing-Agentur aus Köln und helfen "
           "Selbstständigen, bei Google besser gefunden zu werden. Unser SEO-Paket kostet 249 € im Monat. "
           "Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?\n\nBeste Grüße\nJonas"),
}


@pytest.mark.parametrize("lang", list(PITCHES))
def test_a_pitch_is_answered_in_its_own_language(pipeline, lang):
    subject, body = PITCHES[lang]
    d = decide(pipeline, mail(body, subject))
    assert d.verdict.unsolicited and d.action == "reply", d.verdict.report()
    assert d.reply.language == lang


BUYERS = [
    ("Offerte website", "Hoi Anna,\n\nWij zijn een kleine fysiotherapiepraktijk in Delft en willen onze website "
     "laten vernieuwen. Kunt u een offerte sturen? Wat zou het ongeveer kosten en heeft u in januari tijd?\n\n"
     "Groet,\nEls de Vries"),
    ("Demande de devis", "Bonjour,\n\nJ'ai trouvé votre site en cherchant une consultante en organisation. Nous "
     "sommes une association de 12 salariés à Nantes. Pourriez-vous nous envoyer un devis pour deux jours "
     "d'atelier en février ? Quels sont vos tarifs ?\n\nBien à vous,\nClaire Moreau"),
    ("Anfrage Workshop", "Guten Tag Frau Holm,\n\nwir sind ein Handwerksbetrieb mit 20 Mitarbeitenden und suchen "
     "jemanden, der uns bei der Neuordnung unserer Abläufe hilft. Könnten Sie uns ein Angebot für einen "
     "Workshop schicken? Was würde es kosten?\n\nFreundliche Grüße\nPetra Lang"),
    ("Quote for a process review", "Hi Anna,\n\nA colleague pointed me to your website. We run a small logistics "
     "company in Aarhus and need help mapping our order process. Could you send me a quote for a two-day "
     "review, and are you available in February?\n\nBest,\nMark Jensen"),
]


@pytest.mark.parametrize("subject,body", BUYERS)
def test_someone_who_wants_to_buy_is_never_refused(pipeline, subject, body):
    d = decide(pipeline, mail(body, subject, sender="buyer@customer.example"))
    assert d.reply is None and not d.verdict.unsolicited, d.verdict.report()


def test_a_strangers_false_familiarity_counts_for_a_pitch_and_a_known_senders_does_not(pipeline):
    body = ("Hej Anna,\n\nSom vi pratade om skickar jag här vårt erbjudande på kontorsstädning: "
            "2 490 kr i månaden. Hör av dig när det passar!\n\nHälsningar\nOla")
    stranger = decide(pipeline, mail(body, "Erbjudandet"))
    assert any(h.name == "FAKE_FAMILIARITY" for h in stranger.verdict.hits)
    assert not any(h.name == "PHRASE_WANTED_CONTEXT" for h in stranger.verdict.hits)
    known = decide(pipeline, mail(body, "Erbjudandet"), SenderHistory(owner_wrote_to=True))
    assert not any(h.name == "FAKE_FAMILIARITY" for h in known.verdict.hits)


def test_a_follow_up_is_judged_on_the_senders_own_quoted_pitch_not_the_owners(pipeline):
    bump = "Hi Anna, just bumping this to the top of your inbox. Any thoughts?\n\nOla\n\n"
    quote = ("On Tue, 24 Nov 2026 at 09:12, Ola Berg <ola@vendor.example> wrote:\n"
             "> We help consultants win 30% more clients with done-for-you LinkedIn outreach.\n"
             "> Packages from 399 EUR a month. Worth a 15-minute call?\n")
    msg = read_message(mail(bump + quote, "Re: LinkedIn outreach"), "t")
    assert "LinkedIn outreach" in judged_text(msg, [OWNER])
    owners = quote.replace("Ola Berg <ola@vendor.example>", f"Anna Holm <{OWNER}>")
    msg = read_message(mail(bump + owners, "Re: LinkedIn outreach"), "t")
    assert "LinkedIn outreach" not in judged_text(msg, [OWNER]).split("\n", 1)[1]


def test_an_html_only_pitch_is_judged_on_its_text(pipeline):
    subject, body = PITCHES["fr"]
    html = "<html><body><table><tr><td>" + body.replace("\n\n", "</td></tr><tr><td>") + "</td></tr></table>" \
           '<img src="https://t.tracker.example/p.gif" width="1" height="1"></body></html>'
    d = decide(pipeline, mail(html, subject, html=True))
    learned = next(h for h in d.verdict.hits if h.name == "LEARNED_TEXT")
    assert learned.weight > 0 and d.verdict.unsolicited


def test_sender_history_always_wins_over_content(pipeline):
    subject, body = PITCHES["de"]
    d = decide(pipeline, mail(body, subject), SenderHistory(owner_wrote_to=True))
    assert not d.verdict.unsolicited and d.reply is None
    assert d.verdict.hits[-1].name == HISTORY_WINS or d.verdict.score < CONFIG.classifier.required


def test_the_text_model_explains_itself():
    model = text_model.shipped()
    assert model is not None and model.meta["examples"] >= 2000
    score = model.score("Our SEO agency helps small businesses get more clients. Book a 15-minute call.")
    assert score.probability > 0.5 and score.drivers  # named words or word pieces
    assert all(isinstance(name, str) and name for name, _ in score.drivers)


def test_a_subject_word_is_a_feature_of_its_own_and_named_as_such():
    from array import array

    text = "Partnership proposal\nHello, how are you doing this week?"
    weights = array("f", [0.0]) * text_model.DIM
    idf = array("f", [1.0]) * text_model.DIM
    subject_word = text_model._bucket("s:partnership")
    weights[subject_word] = 5.0
    model = text_model.TextModel(idf, weights, 0.0)
    with_subject = model.score(text)
    assert with_subject.logit > 0
    assert with_subject.drivers[0][0] == "partnership (subject)"
    # the same word in the body only is not the subject's feature
    assert model.score("\nHello, a partnership proposal: how are you doing this week?").logit == 0


def _one_word_model(feature: str, weight: float, pieces: bool = True) -> text_model.TextModel:
    """A model that knows one feature only: weight on its bucket, idf 1 everywhere."""
    from array import array

    weights = array("f", [0.0]) * text_model.DIM
    weights[text_model._bucket(feature)] = weight
    return text_model.TextModel(array("f", [1.0]) * text_model.DIM, weights, 0.0, {"pieces": pieces})


def test_the_shipped_model_reads_a_mail_as_word_pieces_and_as_whole_words():
    model = text_model.shipped()
    assert isinstance(model, text_model.TwoViews)
    pieces, words = model.views
    assert pieces.pieces and not words.pieces
    text = "Quick question\nWould it make sense to connect next week about your lead generation?"
    score = model.score(text)
    assert score.views == (pieces.score(text).logit, words.score(text).logit)
    assert score.logit == pytest.approx(sum(score.views) / 2)


def test_the_whole_words_view_never_reads_a_words_pieces():
    text = "\nOur agency grows your sales"
    assert _one_word_model("genc", 4.0).score(text).logit > 0  # "genc", a piece of "agency"
    assert _one_word_model("genc", 4.0, pieces=False).score(text).logit == 0
    assert _one_word_model("w:agency", 4.0, pieces=False).score(text).logit > 0


def test_the_whole_words_view_names_what_it_read_not_a_piece_in_the_same_bucket():
    """Buckets are shared by hashing: a word pair can land where a piece of another word does.
    The whole-words view read the pair, so its evidence names the pair."""
    pieces = {text_model._bucket(g): g for g in text_model._grams("casa")[1:]}
    names = ("".join(letters) for letters in itertools.product("abcdefghij", repeat=7))  # no digits: read as 0
    pair = next(f"{name} offer" for name in names if text_model._bucket(f"p:{name} offer") in pieces)
    words_view = _one_word_model(f"p:{pair}", 4.0, pieces=False)
    score = words_view.score(f"\ncasa {pair}")
    assert score.logit > 0 and score.drivers[0][0] == pair


def test_each_view_is_capped_alone_before_the_two_are_averaged(pipeline):
    """A view that is sure beyond the cap carries no more than the whole weight: one view's
    certainty cannot outvote the other's doubt by more than the cap allows."""
    text = "\n" + " ".join(["agency"] * 40)
    sure = _one_word_model("w:agency", 500.0)
    doubtful = _one_word_model("w:agency", -1.0, pieces=False)
    both = text_model.TwoViews(sure, doubtful)
    text_model.use(both)
    try:
        from nejtak.bot.signals.learned import LOGIT_FOR_FULL_WEIGHT, text_factor

        score = both.score(text)
        assert score.views[0] > 8 * LOGIT_FOR_FULL_WEIGHT and score.views[1] < 0
        d = decide(pipeline, mail(text.strip(), ""), SenderHistory())
        weight = CONFIG.classifier.weights["LEARNED_TEXT"]
        hit = d.verdict.hit("LEARNED_TEXT")
        expected = weight * (1.0 + text_factor(score.views[1], score.words)) / 2
        assert hit.weight == pytest.approx(expected, abs=0.01)
        assert hit.weight < weight * text_factor(score.logit, score.words)  # not the mean's, capped after
    finally:
        text_model._loaded.clear()


def test_two_views_are_saved_in_one_file_and_one_view_still_loads(tmp_path):
    both = text_model.TwoViews(_one_word_model("w:agency", 3.0), _one_word_model("w:agency", -1.0, pieces=False))
    both.save(tmp_path / "two.bin.gz")
    again = text_model.load(tmp_path / "two.bin.gz")
    assert isinstance(again, text_model.TwoViews)
    assert again.score("\nour agency").views == both.score("\nour agency").views
    both.views[0].save(tmp_path / "one.bin.gz")
    one = text_model.load(tmp_path / "one.bin.gz")
    assert isinstance(one, text_model.TextModel) and one.score("\nour agency").logit > 0
    with pytest.raises(ValueError):
        text_model.TwoViews(both.views[1], both.views[0])  # pieces first, then whole words


def test_a_model_saved_as_shipped_is_mapped_and_scores_as_saved(tmp_path):
    """The shipped file is not compressed: it is mapped, not unpacked, at start."""
    both = text_model.TwoViews(_one_word_model("w:agency", 3.0), _one_word_model("w:agency", -1.0, pieces=False))
    both.save(tmp_path / "text_model.bin")
    assert (tmp_path / "text_model.bin").stat().st_size > 16 * text_model.DIM  # two views, 8 bytes a bucket
    again = text_model.load(tmp_path / "text_model.bin")
    assert again.score("\nour agency").views == both.score("\nour agency").views
    assert again.views[0].score("\nour agency").drivers[0][0] == "agency"
    idf = again.views[0].idf
    assert not idf.flags.writeable and idf.flags.aligned  # a view of the mapped file, not a copy
    # saved again over the file a process has mapped: renamed over it, never rewritten in place,
    # so the process keeps scoring from the file it mapped
    text_model.TwoViews(_one_word_model("w:agency", -2.0), _one_word_model("w:agency", -1.0, pieces=False)
                        ).save(tmp_path / "text_model.bin")
    assert again.score("\nour agency").views == both.score("\nour agency").views
    assert text_model.load(tmp_path / "text_model.bin").score("\nour agency").views[0] < 0
    assert [p.name for p in tmp_path.iterdir()] == ["text_model.bin"]  # no temporary left
    assert (tmp_path / "text_model.bin").stat().st_mode & 0o777 == 0o644  # readable by any user of nejtak


@pytest.mark.parametrize("damage", ["empty", "cut", "header", "nested", "huge header", "one view of two"])
def test_a_damaged_model_file_is_refused_clearly_and_mail_is_judged_without_it(tmp_path, monkeypatch, caplog, damage):
    one = _one_word_model("w:agency", 3.0).packed()
    nested = b"[" * 100_000  # json.loads would recurse past Python's limit
    both = text_model.TwoViews(_one_word_model("w:agency", 3.0), _one_word_model("w:agency", -1.0, pieces=False))
    both.save(tmp_path / "both.bin")
    two = (tmp_path / "both.bin").read_bytes()
    broken = {"empty": b"", "cut": one[:len(one) // 2], "header": b"\x00\x00\x00\x05{bad}" + one[9:],
              "nested": len(nested).to_bytes(4, "big") + nested + one[4:],
              "huge header": (1 << 30).to_bytes(4, "big") + one[4:],
              "one view of two": two[:len(both.views[0].packed(views=2))]}[damage]  # cut where the second begins
    (tmp_path / "text_model.bin").write_bytes(broken)
    with pytest.raises(ValueError, match="damaged text model"):
        text_model.load(tmp_path / "text_model.bin")
    monkeypatch.setattr(text_model, "MODEL_FILE", tmp_path / "text_model.bin")
    monkeypatch.setattr(text_model, "_loaded", [])
    with caplog.at_level("ERROR", logger="nejtak.model"):
        assert text_model.shipped() is None and text_model.shipped() is None
    assert sum("cannot be read" in r.getMessage() for r in caplog.records) == 1  # said once
    d = decide(Pipeline(CONFIG, None), mail("Book a call with our SEO agency.", "Our SEO agency"), SenderHistory())
    assert d.verdict.hit("LEARNED_TEXT") is None  # judged, by the other signals


def test_a_model_of_another_size_is_refused(tmp_path):
    one = _one_word_model("w:agency", 3.0)
    meta = json.dumps({"bias": 0.0, "dim": 262144}).encode()  # a model from before 2026-12-03
    (tmp_path / "old.bin").write_bytes(len(meta).to_bytes(4, "big") + meta + one.idf.tobytes()[:4 * 262144]
                                       + one.weights.tobytes()[:4 * 262144])
    with pytest.raises(ValueError, match="262144 buckets"):
        text_model.load(tmp_path / "old.bin")


LIST_REPLY = ("Re: [tools-users] packaging the 2.3 release", "Hi all,\n\nI can confirm the build works on Debian "
              "12 with the patch above. We also offer the tarball on our mirror if that helps, the price of "
              "bandwidth is not an issue for us. Would it make sense to tag the release this week?\n\nRegards,\nOla")
LIST_HEADERS = "List-Id: Tools users <tools-users.lists.example>\r\nList-Post: <mailto:tools-users@lists.example>\r\n"


def test_a_reply_in_a_mailing_list_thread_counts_against_a_pitch(pipeline):
    """Members of a list the owner reads answer each other in threads; a seller posts anew."""
    subject, body = LIST_REPLY
    threaded = decide(pipeline, mail(body, subject, extra=LIST_HEADERS + "In-Reply-To: <a1@lists.example>\r\n"))
    hit = threaded.verdict.hit("LIST_DISCUSSION")
    assert hit is not None and hit.weight == -3.0 and "tools-users" in hit.evidence
    direct = decide(pipeline, mail(body, subject, extra="In-Reply-To: <a1@lists.example>\r\n"))
    new_post = decide(pipeline, mail(body, subject, extra=LIST_HEADERS))
    assert direct.verdict.hit("LIST_DISCUSSION") is None and new_post.verdict.hit("LIST_DISCUSSION") is None
    assert threaded.verdict.score == pytest.approx(direct.verdict.score - 3.0, abs=0.01)


def test_a_pitch_posted_to_a_list_as_a_new_thread_is_still_recognised(pipeline):
    """(and not answered: list mail never is, by the reply rules)"""
    subject, body = PITCHES["de"]
    d = decide(pipeline, mail(body, subject, extra=LIST_HEADERS))
    assert d.verdict.hit("LIST_DISCUSSION") is None
    assert d.verdict.unsolicited and d.action != "reply" and d.blocked_by is not None, d.verdict.report()


def _newsletter(links: int) -> str:
    """A long seminar newsletter: many paragraphs, a link under most of them."""
    paras = [f"Lesson {i}: how to read a balance sheet, why margins matter, and what a company's cash "
             f"flow tells you about its next year. Read the whole lesson on our site and join the "
             f"discussion with other readers on the boards this week." for i in range(1, 22)]
    parts = [p + (f"\nhttps://seminar.example/m?i={i}" if i <= links else "") for i, p in enumerate(paras, 1)]
    return "\n\n".join(parts)


def test_a_long_mail_with_many_links_counts_against_a_pitch(pipeline):
    """A newsletter (here 21 lessons, 800 words) is bulk mail, not a person's offer; no pitch of the
    corpus or the real mail has 500 words. The same text with few links is judged on its words."""
    linky = decide(pipeline, mail(_newsletter(links=20), "Online seminar, lesson 2"))
    hit = linky.verdict.hit("NEWSLETTER_SHAPE")
    assert hit is not None and hit.weight == -3.0 and "20 links" in hit.evidence, linky.verdict.report()
    plain = decide(pipeline, mail(_newsletter(links=3), "Online seminar, lesson 2"))
    assert plain.verdict.hit("NEWSLETTER_SHAPE") is None
    short = decide(pipeline, mail(*reversed(PITCHES["de"])))
    assert short.verdict.hit("NEWSLETTER_SHAPE") is None and short.verdict.unsolicited
