"""Encoders behind one protocol (`embeddings.Encoder`), cached by `Embedder`, searched through one
nearest-neighbour protocol (`store.vectors.VectorIndex`): shown with the bag-of-words encoder
(`hashed_words.HashedWords`, no model) on the real paragraphs of the seed cables (data/cables)."""

from __future__ import annotations

import numpy as np
import pytest

from compare import indexing
from compare.embeddings import Embedder, Encoder
from compare.hashed_words import HashedWords
from compare.store import CorpusStore, build_state, schema
from compare.store.sentences import SentenceIndex
from compare.store.vectors import new_index

from .conftest import DATA

# a real sentence of 10MEXICO83 (data/cables), as an article might reword it
SOURCE = ("The failure to reduce violence has focused attention on the military’s perceived failures and led to a "
          "major course change in January to switch the overall command in Ciudad Juarez from the military to the "
          "federal police.")
QUOTED = ("the failure to reduce violence focused attention on perceived failures of the military and led to a change "
          "of course: command in Juarez went from the military to the federal police")


class Counting(HashedWords):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return super().encode(texts)


@pytest.fixture(scope="module")
def paragraphs(seed_cables):
    return [p for c in seed_cables.values() for p in c.paragraphs if len(p.text.split()) >= 8]


def test_unit_vectors_close_for_shared_words_far_otherwise():
    enc: Encoder = HashedWords()
    v = enc.encode([SOURCE, QUOTED, "Grain exports to Egypt rose in the second quarter.", ""])
    assert v.shape == (4, enc.dimension) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0) and not v[3].any()
    assert v[0] @ v[1] > 0.6 > 0.2 > v[0] @ v[2]


def test_the_embedder_caches_whatever_encoder_it_is_given():
    enc = Counting()
    embedder = Embedder(enc)
    first = embedder.embed([SOURCE, QUOTED, SOURCE])
    again = embedder.embed([QUOTED])
    assert enc.seen == [SOURCE, QUOTED] and np.array_equal(first[1], again[0])
    assert embedder.embed([]).shape == (0, enc.dimension)


def test_paragraph_search_through_the_vector_protocol_finds_the_source(paragraphs):
    enc = HashedWords()
    index = new_index(enc.dimension, enc.name)
    index.add(range(len(paragraphs)), enc.encode([p.text for p in paragraphs]))
    ((key, score), *_) = index.search(enc.encode([QUOTED])[0], 3)
    assert SOURCE in paragraphs[key].text and score > 0.3


def test_an_index_build_with_an_injected_encoder(tmp_path):
    """Paragraph vectors and the sentence index, both built with the bag-of-words encoder, answer
    through the same protocol: no model loaded."""
    out = tmp_path / "ix"
    indexing.build([DATA / "cables"], out, embed=False)
    db = schema.connect(out, writable=True)
    enc = HashedWords()
    assert indexing.embed_new(db, out, None, None, encoder=enc) > 100
    indexing.sentences.build(build_state.paragraph_texts(db), out, encoder=enc)
    db.close()
    store = CorpusStore.open(out)
    assert store.vectors is not None and store.vectors.model == enc.name
    ((key, _),) = store.vectors.search(enc.encode([QUOTED])[0], 1)
    sentences = SentenceIndex.open(out)
    assert sentences is not None
    hit = sentences.search(enc.encode([QUOTED])[0], 1)[0]
    assert store.paragraph(hit.row).text[hit.start : hit.end].startswith(SOURCE[:60])
    assert any(SOURCE in p.text for p in store.paragraphs_with_hash([key]))


# -- the multilingual encoder, injected (`multilingual.using`) -------------------------------------

def test_an_injected_multilingual_encoder_holds_for_its_block_only():
    from compare import multilingual

    default = multilingual.embedder()
    assert default.encoder.name == multilingual.MODEL_ID and multilingual.embedder() is default
    with multilingual.using(HashedWords(32)) as outer:
        assert multilingual.embedder() is outer and multilingual.encoder().dimension == 32
        with multilingual.using(HashedWords(16)) as inner:
            assert multilingual.embedder() is inner and multilingual.encoder().dimension == 16
        assert multilingual.embedder() is outer
    assert multilingual.embedder() is default


def test_every_stage_reads_the_multilingual_space_through_the_injected_encoder(words_multilingual, seed_cables):
    """A Spanish quote of a seed cable: the quote's words put into English through the lexicon (the
    corpus vocabulary encoded by the injected encoder), the translation stage's windows encoded by
    it too. What it finds with a bag of words is not the point here (test_translation uses the model)."""
    from compare import crosslingual, ingest
    from compare.pipeline import CheckOptions, Pipeline

    store = CorpusStore.in_memory(seed_cables.values())
    text = ('Según el cable, "los militares no estaban entrenados para patrullar las calles ni para hacer cumplir '
            'la ley", escribió el diplomático.')
    (r,) = Pipeline(store, CheckOptions(semantic=False)).check_article(ingest.article_from_text(text, "es.txt"))
    assert r.language == "es"
    seen = set(words_multilingual.seen)
    assert {"militares", "patrullar"} <= seen  # the quote's words, to be put into English
    assert "military" in seen  # the corpus's English vocabulary, encoded for the lexicon
    assert any("patrullar las calles" in t for t in seen)  # the quote and its windows, by the translation stage
    assert crosslingual.of(store).vectors.shape == (len(crosslingual.english_words(store)), words_multilingual.dimension)


def test_a_lexicon_is_kept_per_encoder_and_the_default_key_is_the_one_kept_before(seed_cables):
    """The lexicon is keyed by the encoder that made it; the Universal Sentence Encoder's key is the one
    earlier releases kept their lexicons under, so that they are found again, not encoded again."""
    import hashlib

    from compare import crosslingual, multilingual

    store = CorpusStore.in_memory(seed_cables.values())
    words = crosslingual.english_words(store)
    before = hashlib.sha256(b"usem3 512\n" + "\n".join(words).encode()).hexdigest()[:24]
    assert crosslingual._key(words) == before
    with multilingual.using(HashedWords(16)):
        small, small_key = crosslingual.of(store), crosslingual._key(words)
        assert crosslingual.of(store) is small  # once per store and encoder
    with multilingual.using(HashedWords(32)):
        large = crosslingual.of(store)
    assert small_key != before and small.words == large.words == tuple(words)
    assert small.vectors.shape[1] == 16 and large.vectors.shape[1] == 32


# -- a sentence-transformers model (the tiny one of conftest) through the code that loads MiniLM ---

def test_an_index_with_paragraph_and_sentence_vectors_and_a_check_that_reads_both(tmp_path, tiny_model,
                                                                                words_multilingual):
    """`index build` with paragraph vectors (a sentence-transformers model, loaded by path as MiniLM is)
    and the multilingual sentence index; then a check with the semantic stages on: the paraphrase
    stage asks both indexes, and a verbatim quote's record is the one the lexical check gives."""
    from compare import ingest, report
    from compare.embeddings import SentenceTransformerEncoder
    from compare.pipeline import CheckOptions, Pipeline
    from compare.store import stats

    out = tmp_path / "ix"
    built = indexing.build([DATA / "cables"], out, model=tiny_model, multilingual=True)
    assert built.embedded == stats(out).distinct_texts > 100
    corpus = CorpusStore.open(out)
    assert corpus.vectors is not None and corpus.vectors.model == tiny_model and corpus.sentences is not None
    p = corpus.cables["10MEXICO83"].paragraph(5)
    encoder = SentenceTransformerEncoder(tiny_model)
    assert encoder.dimension == 32
    ((key, score),) = corpus.vectors.search(encoder.encode([p.text])[0], 1)
    assert corpus.paragraphs_with_hash([key]) == [p] and score == pytest.approx(1.0, abs=1e-3)

    semantic = Pipeline(corpus, CheckOptions(semantic=True))
    assert semantic.embedder is not None and semantic.embedder.model_name == tiny_model
    text = f'The cable said "{QUOTED}", an official wrote.\n\nIt also said "{SOURCE[:-1]}".'
    article = ingest.article_from_text(text, "story.txt")
    ours = semantic.check_article(article)
    assert QUOTED in words_multilingual.seen  # the sentence index asked, through the multilingual encoder
    assert any(k == semantic.embedder._key(QUOTED) for k in semantic.embedder.memory)  # the paragraph vectors too
    lexical = Pipeline(corpus, CheckOptions(semantic=False)).check_article(article)
    verbatim = [i for i, r in enumerate(lexical) if r.verdict.value == "verbatim"]
    assert verbatim and all(report.to_record(ours[i]) == report.to_record(lexical[i]) for i in verbatim)
