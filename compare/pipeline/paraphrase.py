"""Paraphrase: no passage holds the quote's words, but one may say the same thing in other words.

Runs only when the lexical stages found no source. Its candidates are the lexical candidates and,
with an index's vectors, the paragraphs nearest in meaning; among their sentences that share a
content word with the quote, the closest by cosine is the source when it clears `PARAPHRASE_MIN`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..embeddings import Embedder
from ..model import Decision, Paragraph, Quote, Verdict
from ..store import CorpusStore
from ..tokens import content_keys
from ..weights import PARAPHRASE_MIN, PARAPHRASE_MIN_WORDS, SEMANTIC_CANDIDATES
from .alignment import align

SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")


def wanted(quote: Quote, language: str | None) -> bool:
    """Long enough, and in English (or too short of common words to tell): the embedding model is an
    English one, and the cables are English; a quote in another language is the translation stage's."""
    return language in (None, "en") and len(quote.text.split()) >= PARAPHRASE_MIN_WORDS


def candidates(quote: Quote, lexical: list[Paragraph], store: CorpusStore, embedder: Embedder) -> list[Paragraph]:
    """The lexical candidates, and with an index's vectors the paragraphs nearest in meaning."""
    vectors = store.vectors
    if vectors is None:
        return lexical
    found = vectors.search(embedder.embed([quote.text])[0], SEMANTIC_CANDIDATES)
    seen = {(p.cable_id, p.start) for p in lexical}
    extra = [p for p in store.paragraphs_with_hash(k for k, _ in found) if (p.cable_id, p.start) not in seen]
    return lexical + extra


def find(quote: Quote, paragraphs: list[Paragraph], embedder: Embedder) -> Decision | None:
    """The closest cable sentence among the candidates, if it says the same thing. Only sentences
    that share a content word with the quote are embedded: a paraphrase keeps some of its words (a
    name, a noun), and embedding is the slow part of a check."""
    words = {k for k in content_keys(quote.text) if len(k) > 2}
    sentences: list[tuple[str, int, int, Paragraph]] = []
    for p in paragraphs:
        for m in SENTENCE_RE.finditer(p.text):
            if 4 <= len(m.group().split()) <= 80 and words & set(content_keys(m.group())):
                sentences.append((m.group(), m.start(), m.end(), p))
    if not sentences:
        return None
    vecs = embedder.embed([quote.text] + [s[0] for s in sentences])
    sims = vecs[1:] @ vecs[0]
    best = int(sims.argmax())
    similarity = float(sims[best])
    if similarity < PARAPHRASE_MIN:
        return None
    text, start, end, p = sentences[best]
    lead = len(text) - len(text.lstrip())
    a = align(quote, p.cable_id, (p.number,), p.text)
    a = replace(a, start=start + lead, end=end, discrepancies=(), score=similarity)
    return Decision(Verdict.PARAPHRASE, round(similarity, 4), a, (), False, (),
                    "no passage has these words; this one says the same in other words")
