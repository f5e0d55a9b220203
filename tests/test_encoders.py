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
