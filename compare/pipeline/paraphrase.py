"""Paraphrase: no passage holds the quote's words, but one may say the same thing in other words.

Runs only when the lexical stages found no source. Its candidates are the lexical candidates and,
with an index's vectors, the paragraphs nearest in meaning; among their sentences that share a
content word with the quote, the closest (the mean cosine of two sentence models) is the source when
it clears `PARAPHRASE_MIN` and beats every other paragraph by `PARAPHRASE_MARGIN`. Embeddings score a
reversed claim nearly as close as a faithful one, so the chosen sentence is checked for changed
numbers, negations and opposites: a quote that changes it is a paraphrase changed in substance.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .. import multilingual
from ..embeddings import Embedder
from ..model import Decision, Language, Paragraph, Quote, Span, Verdict
from ..sentences import sentence_matches
from ..store import CorpusStore
from ..tokens import content_keys
from ..weights import (
    MIN_WORD_CHARS,
    PARAPHRASE_MARGIN,
    PARAPHRASE_MIN,
    PARAPHRASE_MIN_WORDS,
    PARAPHRASE_SENTENCE_HITS,
    PARAPHRASE_SENTENCE_MAX_WORDS,
    PARAPHRASE_SENTENCE_MIN_WORDS,
    SEMANTIC_CANDIDATES,
)
from . import reworded
from .alignment import align


def wanted(quote: Quote, language: Language | None) -> bool:
    """Long enough, and in English (or too short of common words to tell): the embedding model is an
    English one, and the cables are English; a quote in another language is the translation stage's."""
    return language in (None, Language.EN) and len(quote.text.split()) >= PARAPHRASE_MIN_WORDS


def candidates(quote: Quote, lexical: list[Paragraph], store: CorpusStore, embedder: Embedder) -> list[Paragraph]:
    """The lexical candidates, and with an index's vectors the paragraphs nearest in meaning (the
    MiniLM paragraph vectors, and the multilingual sentence index's nearest sentences)."""
    extra: list[Paragraph] = []
    if store.vectors is not None:
        found = store.vectors.search(embedder.embed([quote.text])[0], SEMANTIC_CANDIDATES)
        extra += store.paragraphs_with_hash(k for k, _ in found)
    if store.sentences is not None:
        hits = store.sentences.search(multilingual.embedder().embed([quote.text])[0], PARAPHRASE_SENTENCE_HITS)
        extra += [store.paragraph(h.row) for h in hits]
    seen = {p.key for p in lexical}
    out = list(lexical)
    for p in extra:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


def find(quote: Quote, paragraphs: list[Paragraph], embedder: Embedder) -> Decision | None:
    """The closest cable sentence among the candidates, if it says the same thing. Only sentences
    that share a content word with the quote are scored: a paraphrase keeps some of its words (a
    name, a noun), and embedding is the slow part of a check. Each sentence is scored by the mean of
    two models' cosines (MiniLM and the multilingual Universal Sentence Encoder: each separates
    rewrites from same-topic statements less well alone, benchmarks/paraphrase_curve.py); the best
    must clear `PARAPHRASE_MIN` and beat every other paragraph's best by `PARAPHRASE_MARGIN`."""
    words = {k for k in content_keys(quote.text) if len(k) >= MIN_WORD_CHARS}
    sentences: list[tuple[str, int, int, Paragraph]] = []
    for p in paragraphs:
        for m in sentence_matches(p.text):
            if PARAPHRASE_SENTENCE_MIN_WORDS <= len(m.group().split()) <= PARAPHRASE_SENTENCE_MAX_WORDS and words & set(content_keys(m.group())):
                sentences.append((m.group(), m.start(), m.end(), p))
    if not sentences:
        return None
    texts = [s[0] for s in sentences]
    vecs = embedder.embed([quote.text] + texts)
    use = multilingual.embedder().embed([quote.text] + [multilingual.readable(t) for t in texts])
    sims = ((vecs[1:] @ vecs[0]) + (use[1:] @ use[0])) / 2
    order = np.argsort(-sims)
    best = int(order[0])
    similarity = float(sims[best])
    text, start, end, p = sentences[best]
    rival = next((float(sims[k]) for k in order[1:] if (sentences[k][3].cable_id, sentences[k][3].start)
                  != p.key), 0.0)
    if similarity < PARAPHRASE_MIN or similarity - rival < PARAPHRASE_MARGIN:
        return None
    lead = len(text) - len(text.lstrip())
    changed = reworded.differences(quote.text, p.text, Span(start + lead, end), Span(start + lead, end), english=True)
    a = align(quote, p.cable_id, (p.number,), p.text)
    a = replace(a, start=start + lead, end=end, discrepancies=changed, score=similarity)
    why = ("no passage has these words; this one is closest in meaning, and the quote changes it" if changed
           else "no passage has these words; this one says the same in other words")
    return Decision(Verdict.PARAPHRASE, round(similarity, 4), a, (), False, changed, why)
