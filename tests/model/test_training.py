"""Training as tools/train_text_model.py runs it (scikit-learn, installed with the test extras):
two views of the same mail, the whole-words view never reading a word's pieces."""
from nejtak.bot.model import text as text_model
from tools.train_text_model import Example, Vectors, train

PITCHES = ["Our agency grows your sales with marketing", "Marketing agency offer: more leads this month",
           "We are an agency for online marketing and leads", "Book a call with our marketing agency"]
WANTED = ["Thanks for the invoice, see you on Tuesday", "The meeting moved to Tuesday, thanks",
          "Invoice attached for the chairs, thanks again", "See you at the school on Tuesday"]


def _examples() -> list[Example]:
    return ([Example("\n" + t, True, 1.0, "w01", f"p{i}") for i, t in enumerate(PITCHES)]
            + [Example("\n" + t, False, 1.0, "w02", f"w{i}") for i, t in enumerate(WANTED)])


def test_training_gives_a_word_pieces_view_and_a_whole_words_view():
    vectors = Vectors(_examples())
    model = train(vectors, list(range(len(vectors.examples))), C=10.0)
    assert isinstance(model, text_model.TwoViews)
    pieces, words = model.views
    assert pieces.meta["pieces"] is True and words.meta["pieces"] is False
    # the words view's matrix holds whole words and pairs only, the pieces view's also their pieces
    whole = {text_model._word_bucket(w) for t in PITCHES + WANTED for w in text_model._tokens(t)[0]}
    assert text_model._bucket("genc") in set(vectors.pieces.indices) - set(vectors.words.indices)
    assert whole <= set(vectors.words.indices)
    # an unseen form of a pitch word: its pieces lean to a pitch, as whole words it is unknown
    assert pieces.score("\nagencies").logit > words.score("\nagencies").logit == words.bias
    assert model.score("\nOur marketing agency").logit > 0 > model.score("\nSee you on Tuesday, thanks").logit


def test_both_views_are_saved_and_found_again(tmp_path):
    vectors = Vectors(_examples())
    model = train(vectors, list(range(len(vectors.examples))), C=10.0)
    model.save(tmp_path / "m.bin.gz")
    again = text_model.load(tmp_path / "m.bin.gz")
    text = "\nOur marketing agency, see you on Tuesday"
    assert again.score(text).views == model.score(text).views
