"""The pipeline, stage by stage, for one article:

    extract        the article's quotations, with what the article claims about them   -> Quote
    context        the words around each quote, and where its other quotes come from  -> QuoteContext
    candidates     the paragraphs that may hold its words (the store answers)          -> Paragraph
    align          each candidate aligned word by word, differences named              -> Alignment
    chance         a short quote's evidence: more than a chance hit of its words?      -> Evidence
    attribution    the article's claim checked against each candidate's cable          -> AttributionCheck
    decide         one source, or none, and the verdict                                -> Decision
    paraphrase     no passage holds the words: one that says the same in other words   -> Decision
    translation    a quote in another language: the passage it translates              -> Decision
                                                                                       -> QuoteResult

`Pipeline` holds a corpus store and the embedder, so repeated checks are fast. Each stage is a
module with typed input and output; this module only calls them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .. import retrieve
from .._version import __version__
from ..embeddings import Embedder
from ..errors import BadOptionError, NoQuotesError
from ..model import (
    Alignment,
    Article,
    AttributionCheck,
    Cable,
    Candidate,
    Decision,
    Paragraph,
    Progress,
    Provenance,
    Quote,
    QuoteResult,
    QuoteTokens,
    Severity,
    Verdict,
)
from ..store import CorpusStore
from ..store.cache import EmbeddingCache
from ..tokens import content_keys
from ..weights import (
    EXACT_ENOUGH,
    JOINED_EDGE_CHARS,
    JOINED_MAX,
    JOINED_MIN_MATCHED,
    JOINED_TOP,
    RARE_CANDIDATES,
    SEMANTIC_CANDIDATES,
)
from . import (
    attribution,
    candidates,
    chance,
    claims,
    context,
    copies,
    decide,
    extract,
    fragments,
    paraphrase,
    pieces,
    repeats,
    translation,
)
from . import language as lang
from .alignment import align, prepare


@dataclass(frozen=True)
class CheckOptions:
    semantic: bool = True  # look for paraphrases with the embedding model
    model: str | None = None  # a sentence-transformers model (a local folder); None: the packaged MiniLM
    strict: bool = False  # an unbalanced quotation mark is an error, not a warning


class Pipeline:
    def __init__(self, store: CorpusStore, options: CheckOptions | None = None) -> None:
        self.store = store
        self.options = options or CheckOptions()
        vectors = store.vectors if self.options.semantic else None
        if vectors is not None and self.options.model not in (None, vectors.model):
            raise BadOptionError(f"--model: the index's vectors were made with {vectors.model!r}, not "
                                 f"{self.options.model!r}; leave --model out, or build the index again with this model")
        self.embedder = (Embedder(vectors.model if vectors else self.options.model, EmbeddingCache())
                         if self.options.semantic else None)
        self.keys_of = lru_cache(maxsize=20_000)(self._keys_of)  # bounded: a batch checks thousands of articles
        self._null: chance.NullSample | None = None

    @property
    def corpus(self) -> CorpusStore:
        return self.store

    def warm(self) -> None:
        """Load the embedding model now (it loads at the first paraphrase search otherwise)."""
        if self.embedder is not None:
            self.embedder.model()

    def _keys_of(self, cable_id: str, paragraph_text: str) -> frozenset[str]:
        """A paragraph's content words, with its cable's subject: what an article's context may echo."""
        return frozenset(content_keys(paragraph_text + " " + (self.store.cables[cable_id].subject or "")))

    @property
    def null(self) -> chance.NullSample:
        if self._null is None:
            self._null = chance.NullSample.of(self.store)
        return self._null

    # -- one article -------------------------------------------------------------------------------
    def check_article(self, article: Article, progress: Progress | None = None) -> list[QuoteResult]:
        found = extract.extract(article, strict=self.options.strict)
        if not found:
            raise NoQuotesError(article.name)
        # Self-identifying quotes first: where they come from is context for the short ones around them.
        order = sorted(range(len(found)), key=lambda k: context.low_information(found[k].text))
        results: dict[int, QuoteResult] = {}
        identifying: list[QuoteResult] = []  # of the results so far, the only ones a quote's context reads
        for done, k in enumerate(order, 1):
            results[k] = self.check_quote(article, found[k], found, identifying)
            identifying.extend(context.identifying([results[k]]))
            if progress:
                progress(article.name, done, len(found))
        # A translation with no source yet, or a short quote whose words a cable holds but only by
        # chance so far, is tried again once every other quote is in: the cables the article quotes
        # after it are context too (articles quote several passages of a cable: "a "useful" and
        # "powerful interlocutor"").
        for i, k in enumerate(order):
            r = results[k]
            if r.verdict is not Verdict.NOT_FOUND or decide.not_a_cable_quote(r.quote):
                continue
            others = [results[j] for j in order if j != k]
            later = context.cited_cables(others) - context.cited_cables(results[j] for j in order[:i])
            here = context.block(article.text, r.quote.start)
            near = {o.source.cable_id for o in context.traced_near(others)
                    if o.source is not None and context.block(article.text, o.quote.start) == here}
            if (later and (translation.wanted(r.quote, r.language) or fragments.wanted(r.quote, r.language)
                           or any(a.cable_id in later for a in r.decision.candidates))
                    or (near and context.low_information(r.quote.text))):  # a short quote beside it, traced
                results[k] = self.check_quote(article, found[k], found, others)
        # The same words quoted twice come from one place (`repeats`).
        for k, again in repeats.traced([results[k] for k in range(len(found))]).items():
            results[k] = replace(results[k], decision=again, attribution=self.attributed(found[k], again))
        # A piece of a quotation the article interrupts with a tag («"…", escribió Pascual, "…"»), too
        # short to trace alone: from where the piece beside it comes.
        for k, joined in pieces.traced(self.store, article.text, [results[k] for k in range(len(found))]).items():
            results[k] = replace(results[k], decision=joined, attribution=self.attributed(found[k], joined))
        made = Provenance(__version__, self.store.fingerprint)
        return [replace(results[k], provenance=made) for k in range(len(found))]

    def quote_context(self, article: Article, q: Quote, all_quotes: list[Quote],
                      done: list[QuoteResult]) -> context.QuoteContext:
        n_docs = max(1, self.store.n_paragraphs)
        weights = context.idf_weights(context.context_words(article, q, all_quotes), self.store.df, n_docs)
        sources = context.article_sources(article, q, done, lambda c: len(self.store.cables[c].paragraphs),
                                          self.store.n_paragraphs)
        low = context.low_information(q.text)
        names = retrieve.names.context_names(self.store, q.context, q.text) if low else ()
        return context.QuoteContext(weights, sources, low, names)

    def aligned_candidates(self, q: Quote, ctx: context.QuoteContext) -> tuple[list[Alignment], list[Paragraph]]:
        """Alignments on the candidates, and the candidate paragraphs (best first)."""
        qt = prepare(q.text)
        segments = qt.segment_texts()
        paragraphs: list[Paragraph] = []
        out: list[Alignment] = []
        if not ctx.needs_context:  # its rarest words first: enough when they hold it all
            paragraphs = candidates.exact_first(candidates.by_rare_words(self.store, segments, RARE_CANDIDATES),
                                                segments)
            out = [align(q, p.cable_id, (p.number,), p.text, qt) for p in paragraphs]
        if not any(decide.supports(a) and a.score >= EXACT_ENOUGH for a in out):
            seen = {p.key for p in paragraphs}
            cited = ctx.sources.cables if ctx.needs_context else ()
            more = [p for p in candidates.search(self.store, segments, context=ctx.query_words(), cited=cited)
                    if p.key not in seen]
            paragraphs += more
            out += [align(q, p.cable_id, (p.number,), p.text, qt) for p in more]
        # a quote that runs from one paragraph into the next (and the next: a quotation over paragraphs)
        ranked = sorted(zip(out, paragraphs, strict=True), key=lambda x: -x[0].score)[:JOINED_TOP]
        if len(segments) > 1:  # a splice across paragraphs ("¶1 … ¶2"): each part aligned where it stands
            out += self.spliced(q, qt, ranked)
        for a, p in ranked:
            numbers: tuple[int | None, ...] = (p.number,)
            starts: tuple[int, ...] = (0,)
            text, last = p.text, p
            while (not decide.supports(a) and a.matched >= JOINED_MIN_MATCHED
                   and a.end >= len(text) - JOINED_EDGE_CHARS and len(numbers) < JOINED_MAX):
                nxt = self.store.next_paragraph(last)
                if nxt is None:
                    break
                numbers, starts = (*numbers, nxt.number), (*starts, len(text) + 1)
                text, last = text + " " + nxt.text, nxt
                a = align(q, p.cable_id, numbers, text, qt, starts)
                out.append(a)
        return out, paragraphs

    def spliced(self, q: Quote, qt: QuoteTokens, ranked: list[tuple[Alignment, Paragraph]]) -> list[Alignment]:
        """A quote whose parts (between ellipses) stand in neighbouring paragraphs, aligned on the two
        joined, where one paragraph alone leaves a part unmatched or changed."""
        out: list[Alignment] = []
        for a, p in ranked:
            if decide.supports(a) and not any(d.severity is Severity.SUBSTANTIVE for d in a.discrepancies):
                continue
            prev, nxt = self.store.previous_paragraph(p), self.store.next_paragraph(p)
            for first, second in ((prev, p), (p, nxt)):
                if first is not None and second is not None:
                    out.append(align(q, p.cable_id, (first.number, second.number), first.text + " " + second.text, qt,
                                     (0, len(first.text) + 1)))
        return out

    def candidate(self, q: Quote, a: Alignment, ctx: context.QuoteContext) -> Candidate:
        """An alignment with what `decide` weighs besides the words."""
        cable = self.store.cables[a.cable_id]
        evidence = None
        if ctx.needs_context and decide.supports(a):
            count = self.store.quoted_count(a.text) if a.quoted_in_source else self.store.phrase_count(a.text)
            evidence = chance.evidence(a, count, self.keys_of(a.cable_id, a.paragraph_text), ctx, self.null,
                                       max(1, self.store.n_paragraphs), self.claim_evidence(q, cable, a, ctx),
                                       1.0 if chance.names_only(q.text) else self.store.together(a.text))
        check = attribution.check(q.claim, cable, a) if decide.supports(a) else None
        return Candidate(a, check, ctx.sources.p(a.cable_id, a.paragraph_text)[1],
                         # ties: the earliest cable, then the body before the subject line (¶0)
                         (cable.date or "9999", a.cable_id, f"{a.paragraph or 9999:04d}"), evidence)

    def claim_evidence(self, q: Quote, cable: Cable, a: Alignment, ctx: context.QuoteContext) -> tuple[float, str]:
        """How likely a random paragraph fits the article's claims as well as this one (`Evidence.p_claim`):
        the share of the corpus in cables signed by the person the article says wrote the words, or
        the share holding the rarest name of the quote's sentence that this paragraph holds."""
        n = max(1, self.store.n_paragraphs)
        best: tuple[float, str] = (1.0, "")
        if cable.signer and attribution.signed_by(q.claim, cable):
            share = self.store.signed_paragraphs(cable.signer) / n
            best = min(best, (share, f"the article names its signer, {cable.signer}"))
        held = [k for k in ctx.names if k in self.keys_of(a.cable_id, a.paragraph_text)]
        if held:
            rarest = min(held, key=self.store.df)
            best = min(best, (self.store.df(rarest) / n, f"it names {rarest.title()}, as the article does beside the quote"))
        return best

    def check_quote(self, article: Article, q: Quote, all_quotes: list[Quote],
                    done: list[QuoteResult] | None = None) -> QuoteResult:
        skip = decide.not_a_cable_quote(q)
        if skip:
            return QuoteResult(q, Decision(Verdict.NOT_FOUND, 1.0, None, (), False, (), skip), None, article.repaired,
                               article_meta=article.meta)
        ctx = self.quote_context(article, q, all_quotes, done or [])
        alignments, paragraphs = self.aligned_candidates(q, ctx)
        cands = [self.candidate(q, a, ctx) for a in alignments]
        decision = decide.decide(q, cands)
        # A semantic guess never replaces a sound lexical source: when a passage holds the quote's own
        # words (set aside only as a possible chance hit), no other passage is its paraphrase.
        holds_words = any(decide.supports(c.alignment) for c in cands)
        language = lang.of_quote(q)
        if (cousin := decide.set_aside_cognate(q, decision, language)) is not None:  # "aggressiv", "aggressive"
            decision, holds_words = cousin, False
        if decision.source is None and not holds_words and self.embedder is not None and paraphrase.wanted(q, language):
            pool = paraphrase.candidates(q, paragraphs[:SEMANTIC_CANDIDATES], self.store, self.embedder)
            para = paraphrase.find(q, pool, self.embedder)
            if para is not None:
                decision = replace(para, candidates=decision.candidates)
        if decision.source is None and not holds_words and translation.wanted(q, language):
            by_meaning = translation.dated(self.store, translation.candidates(self.store, q, ctx.sources.cables),
                                           claims.cable_days(article.text, q.article_language), ctx.sources.cables)
            pointed = ctx.sources.cables | by_meaning.pointed
            translated = (translation.find(q, by_meaning, pointed)
                          or translation.find_elided(self.store, q, pointed))
            if translated is not None and translation.against_the_date(self.store, q, translated, by_meaning):
                translated = None  # the article dates the cable, and a candidate of that date is not the pick
            if translated is not None:  # the same passage in several cables: the one the article points at
                translated = copies.settle(self.store, translated, ctx.sources.cables,
                                           claims.cable_dates(article.text, q.article_language))
                decision = replace(translated, candidates=translated.candidates + decision.candidates)
        if decision.source is None and not holds_words and fragments.wanted(q, language) and language:
            short = fragments.find(self.store, q, language, ctx.sources.cables)
            if short is not None:
                decision = replace(short, candidates=short.candidates + decision.candidates)
        chosen = next((c for c in cands if c.alignment is decision.source), None) if decision.source else None
        check = chosen.attribution if chosen is not None else self.attributed(q, decision)
        return QuoteResult(q, decision, check, article.repaired, language, article.meta)

    def attributed(self, q: Quote, decision: Decision) -> AttributionCheck | None:
        """The article's claim about the quote checked against its source's cable (None without one)."""
        if decision.source is None:
            return None
        return attribution.check(q.claim, self.store.cables[decision.source.cable_id], decision.source,
                                 exact=decision.verdict is not Verdict.TRANSLATION)
