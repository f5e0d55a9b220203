"""The Python API: `check(articles, corpus)` runs the whole pipeline and returns typed results.

    >>> from compare import check, load_corpus
    >>> corpus = load_corpus(["data/cables"])
    >>> results = check(["data/articles/003_515405a57c30b3c1.txt"], corpus)
    >>> results[0].verdict
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import alignment as al
from . import articles as art
from . import attribution, cables, index, quotes, verdict
from . import context as ctx
from .candidates import Corpus, phrase_key
from .embeddings import Embedder
from .errors import BadOptionError, NoQuotesError
from .model import Alignment, Article, Paragraph, Quote, QuoteResult, Verdict
from .tokens import content_keys

PARAPHRASE_MIN = 0.70  # cosine between the quote and a cable sentence (calibrated: tests/test_paraphrase.py)
PARAPHRASE_MIN_WORDS = 6
SEMANTIC_CANDIDATES = 5
RARE_CANDIDATES = 50  # paragraphs holding a long quote's rarest words, looked at for its exact words
EXACT_ENOUGH = 0.9  # a long quote aligned this well on a paragraph that holds its word runs: no wider search

Progress = Callable[[str, int, int], None]


def load_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Cables from files and folders (text pages, HTML pages, JSONL dumps), indexed for search; or an
    index folder built by `compare index build`, opened as it is."""
    paths = list(paths)
    indexes = [p for p in paths if index.is_index(p)]
    if indexes:
        if len(paths) > 1:
            raise BadOptionError(f"--corpus: {indexes[0]} is an index; give it alone, or add the other "
                                 "cables to it with `compare index build --corpus ... --out " f"{indexes[0]}`")
        return Corpus.open(indexes[0])
    return Corpus.from_cables(cables.load(paths))


class Checker:
    """Holds a corpus, its vocabulary statistics and the embedder, so repeated checks are fast."""

    def __init__(self, corpus: Corpus, model: str | None = None, semantic: bool = True, strict: bool = False) -> None:
        self.corpus = corpus
        self.semantic = semantic
        self.strict = strict
        vectors = corpus.vectors if semantic else None
        if vectors is not None and model not in (None, vectors[1]):
            raise BadOptionError(f"--model: the index's vectors were made with {vectors[1]!r}, not {model!r}; "
                                 "leave --model out, or build the index again with this model")
        self.embedder = Embedder(vectors[1] if vectors else model) if semantic else None
        self.keys_of = lru_cache(maxsize=20_000)(self._keys_of)  # bounded: a batch checks thousands of articles
        self._null: ctx.NullSample | None = None

    # -- statistics --------------------------------------------------------------------------
    def _keys_of(self, cable_id: str, paragraph_text: str) -> frozenset[str]:
        """A paragraph's content words, with its cable's subject: what an article's context may echo."""
        cable = self.corpus.cables[cable_id]
        return frozenset(content_keys(paragraph_text + " " + (cable.subject or "")))

    @property
    def null(self) -> ctx.NullSample:
        """The null sample: stored in an index, drawn from the corpus otherwise."""
        if self._null is None:
            stored = self.corpus.db.execute("SELECT keys FROM null_sample").fetchall()
            if stored:
                self._null = ctx.NullSample([frozenset(k.split()) for (k,) in stored])
            else:
                rows = [r for (r,) in self.corpus.db.execute("SELECT rowid FROM paragraphs")]
                self._null = ctx.NullSample.of(len(rows), lambda i: self.keys_of(
                    self.corpus.paragraph(rows[i]).cable_id, self.corpus.paragraph(rows[i]).text))
        return self._null

    # -- one article ---------------------------------------------------------------------------
    def check_article(self, article: Article, progress: Progress | None = None) -> list[QuoteResult]:
        found = quotes.extract(article, strict=self.strict)
        if not found:
            raise NoQuotesError(article.name)
        # Self-identifying quotes first: where they come from is context for the short ones around them.
        order = sorted(range(len(found)), key=lambda k: ctx.low_information(found[k].text))
        results: dict[int, QuoteResult] = {}
        for done, k in enumerate(order, 1):
            results[k] = self.check_quote(article, found[k], found, list(results.values()))
            if progress:
                progress(article.name, done, len(found))
        return [results[k] for k in range(len(found))]

    @staticmethod
    def _block(text: str, pos: int) -> tuple[int, int]:
        lo = max(text.rfind("\n\n", 0, pos), 0)
        hi = text.find("\n\n", pos)
        return lo, len(text) if hi == -1 else hi

    def _context_keys(self, article: Article, q: Quote, all_quotes: list[Quote]) -> set[str]:
        """The content words of the article block around the quote, other quotations left out."""
        text = article.text
        lo = self._block(text, q.start)[0]
        hi = self._block(text, q.end)[1]
        chunk = list(text[lo:hi])
        for other in all_quotes:
            for part in other.parts:
                for k in range(max(part.start, lo), min(part.end, hi)):
                    chunk[k - lo] = " "
        return set(content_keys("".join(chunk))) - set(content_keys(q.text))

    def _article_sources(self, article: Article, q: Quote, done: list[QuoteResult]) -> ctx.ArticleSources:
        cited = [r for r in done if r.source is not None and r.verdict.supported
                 and not ctx.low_information(r.quote.text)]
        block = self._block(article.text, q.start)
        cables = frozenset(r.source.cable_id for r in cited if r.source)
        return ctx.ArticleSources(
            near=frozenset((r.source.cable_id, r.source.paragraph_text) for r in cited
                           if r.source and self._block(article.text, r.quote.start) == block),
            paragraphs=frozenset((r.source.cable_id, r.source.paragraph_text) for r in cited if r.source),
            cables=cables,
            cable_paragraphs=sum(len(self.corpus.cables[c].paragraphs) for c in cables),
            n_paragraphs=self.corpus.n_paragraphs,
        )

    def _align_all(self, q: Quote, short: bool, context: Iterable[str] = (), cited: Iterable[str] = ()
                   ) -> tuple[list[Alignment], list[Paragraph]]:
        """Alignments on the lexical candidates, and the candidates (best first)."""
        qt = al.prepare(q.text)
        segments = [q.text[qt.tokens[a].start : qt.tokens[b - 1].end] for a, b, _ in qt.segments] or [q.text]
        paragraphs: list[Paragraph] = []
        out: list[Alignment] = []
        if not short:  # its rarest words first: enough when they hold it all
            paragraphs = _exact_first(self.corpus.by_rare_words(segments, RARE_CANDIDATES), segments)
            out = [al.align(q, p.cable_id, (p.number,), p.text, qt) for p in paragraphs]
        if not any(verdict.supports(a) and a.score >= EXACT_ENOUGH for a in out):
            seen = {(p.cable_id, p.start) for p in paragraphs}
            more = [p for p in self.corpus.search(segments, context=context, cited=cited) if (p.cable_id, p.start) not in seen]
            paragraphs += more
            out += [al.align(q, p.cable_id, (p.number,), p.text, qt) for p in more]
        # a quote that runs from one paragraph into the next
        ranked = sorted(zip(out, paragraphs, strict=True), key=lambda x: -x[0].score)[:5]
        for a, p in ranked:
            if not verdict.supports(a) and a.matched >= 3 and a.end >= len(p.text) - 3:
                nxt = self.corpus.next_paragraph(p)
                if nxt is not None:
                    out.append(al.align(q, p.cable_id, (p.number, nxt.number), p.text + " " + nxt.text, qt))
        return out, paragraphs

    def check_quote(self, article: Article, q: Quote, all_quotes: list[Quote],
                    done: list[QuoteResult] | None = None) -> QuoteResult:
        skip = verdict.kind_skips_matching(q)
        if skip:
            return QuoteResult(q, Verdict.NOT_FOUND, 1.0, None, (), False, (), None, article.repaired, skip)
        n_docs = max(1, self.corpus.n_paragraphs)
        weights = ctx.idf_weights(self._context_keys(article, q, all_quotes), self.corpus.df, n_docs)
        sources = self._article_sources(article, q, done or [])
        needs_context = ctx.low_information(q.text)
        # the rarest context words rank the paragraphs that hold a short quote's words
        query_words = sorted(weights, key=lambda k: -weights[k])[:12] if needs_context else []
        alignments, paragraphs = self._align_all(q, needs_context, query_words, sources.cables if needs_context else ())

        def evidence(a: Alignment) -> ctx.Evidence:
            count = self.corpus.quoted_count(a.text) if a.quoted_in_source else self.corpus.phrase_count(a.text)
            return ctx.evidence(count, a.text, a.quoted_in_source, n_docs, weights,
                                self.keys_of(a.cable_id, a.paragraph_text), self.null,
                                sources.p(a.cable_id, a.paragraph_text))

        def claim_fit(a: Alignment) -> float:
            chk = attribution.check(q.claim, self.corpus.cables[a.cable_id], a)
            return 0.0 if chk is None or chk.ok is None else (1.0 if chk.ok else -1.0)

        def article_fit(a: Alignment) -> float:
            return 1.0 if sources.p(a.cable_id, a.paragraph_text)[1] else 0.0

        def order(a: Alignment) -> tuple[str, ...]:
            return (self.corpus.cables[a.cable_id].date or "9999", a.cable_id, f"{a.paragraph or 0:04d}")

        d = verdict.decide(q, alignments, claim_fit, evidence if needs_context else None, article_fit, order)
        note = d.note
        source, decided, score = d.source, d.verdict, d.score
        if source is None and self.semantic and len(q.text.split()) >= PARAPHRASE_MIN_WORDS:
            para = self._paraphrase(q, self._semantic_candidates(q, paragraphs[:SEMANTIC_CANDIDATES]))
            if para is not None:
                source, decided, score = para[0], Verdict.PARAPHRASE, para[1]
                note = "no passage has these words; this one says the same in other words"
        check = attribution.check(q.claim, self.corpus.cables[source.cable_id], source) if source else None
        return QuoteResult(
            quote=q,
            verdict=decided,
            score=score,
            source=source,
            candidates=d.candidates,
            ambiguous=d.ambiguous,
            discrepancies=d.discrepancies if decided.supported else (),
            attribution=check,
            article_text_repaired=article.repaired,
            note=note,
        )

    def _semantic_candidates(self, q: Quote, lexical: list[Paragraph]) -> list[Paragraph]:
        """The lexical candidates, and with an index's vectors the paragraphs nearest in meaning."""
        vectors = self.corpus.vectors
        if vectors is None or self.embedder is None:
            return lexical
        found = vectors[0].search(self.embedder.embed([q.text])[0], SEMANTIC_CANDIDATES)
        rows = self.corpus.rows_with_hash(int(k) for k in found.keys)
        seen = {(p.cable_id, p.start) for p in lexical}
        extra = [p for p in map(self.corpus.paragraph, rows) if (p.cable_id, p.start) not in seen]
        return lexical + extra

    def _paraphrase(self, q: Quote, paragraphs: list[Paragraph]) -> tuple[Alignment, float] | None:
        """The closest cable sentence among the candidates, if it says the same thing. Only sentences
        that share a content word with the quote are embedded: a paraphrase keeps some of its
        words (a name, a noun), and embedding is the slow part of a check."""
        assert self.embedder is not None
        words = {k for k in content_keys(q.text) if len(k) > 2}
        sentences: list[tuple[str, int, int, Paragraph]] = []
        for p in paragraphs:
            for m in re.finditer(r"[^.!?]+[.!?]*", p.text):
                if 4 <= len(m.group().split()) <= 80 and words & set(content_keys(m.group())):
                    sentences.append((m.group(), m.start(), m.end(), p))
        if not sentences:
            return None
        vecs = self.embedder.embed([q.text] + [s[0] for s in sentences])
        sims = vecs[1:] @ vecs[0]
        best = int(sims.argmax())
        if float(sims[best]) < PARAPHRASE_MIN:
            return None
        text, start, end, p = sentences[best]
        lead = len(text) - len(text.lstrip())
        a = al.align(q, p.cable_id, (p.number,), p.text)
        a = replace(a, start=start + lead, end=end, discrepancies=(), score=float(sims[best]))
        return a, round(float(sims[best]), 4)


@lru_cache(maxsize=8192)
def _spaced_keys(text: str) -> str:
    return f" {phrase_key(text)} "


def _exact_first(paragraphs: list[Paragraph], segments: list[str], others: int = 10) -> list[Paragraph]:
    """The paragraphs that hold the quote's longest unbracketed run word for word (case and accents
    folded), all of them, then the best `others` of the rest: where near-copies of a passage crowd
    the full-text ranking, the exact source is still aligned."""
    runs = [r for seg in segments for r in al.BRACKET_RE.split(seg)]
    key = _spaced_keys(max(runs, key=len)) if runs else ""
    if key.strip() == "":
        return paragraphs[:others]
    exact = [p for p in paragraphs if key in _spaced_keys(p.text)]
    return exact + [p for p in paragraphs if p not in exact][:others]


def check(
    article_paths: Iterable[str | Path],
    corpus: Corpus | Iterable[str | Path],
    model: str | None = None,
    semantic: bool = True,
    strict: bool = False,
    progress: Progress | None = None,
) -> list[QuoteResult]:
    """Check every quote of every article against the corpus (a `Corpus` or cable paths)."""
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    checker = Checker(corpus, model=model, semantic=semantic, strict=strict)
    out: list[QuoteResult] = []
    for path in article_paths:
        out.extend(checker.check_article(art.read(path), progress))
    return out
