"""Retrieval: which paragraphs may hold a quote's words, one strategy a module.

Each strategy takes the store and a `Query` (the quote's segments, its language, the words and names
around it in the article, the cables the article quotes elsewhere) and returns `Retrieved`
paragraphs, best first, each saying which strategy found it and why. The pipeline composes them
(`pipeline.candidates` for a quote in the cables' language, `pipeline.translation` for one in
another); full-text syntax comes only from the store's expression builders (`store.corpus`).

Adding a strategy is one module here that calls `register`, plus its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Paragraph
from ..store import CorpusStore


@dataclass(frozen=True)
class Query:
    segments: tuple[str, ...]  # the quote's words, split at its ellipses
    language: str | None = None  # ISO 639-1 of the quote, when known
    context: tuple[str, ...] = ()  # the rarest content words around the quote in the article
    names: tuple[str, ...] = ()  # names the article's sentence gives with the quote (folded)
    cited: frozenset[str] = field(default_factory=frozenset)  # cables the article quotes elsewhere
    english: tuple[tuple[str, ...], ...] = ()  # a quote in another language: its words put into English

    @property
    def text(self) -> str:
        return " ".join(s for s in self.segments if s.strip())


@dataclass(frozen=True)
class Retrieved:
    paragraph: Paragraph
    strategy: str
    why: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return self.paragraph.key


Strategy = Callable[[CorpusStore, Query, int], list[Retrieved]]
STRATEGIES: dict[str, Strategy] = {}


def register(name: str) -> Callable[[Strategy], Strategy]:
    def wrap(fn: Strategy) -> Strategy:
        STRATEGIES[name] = fn
        return fn

    return wrap


def unique(found: Iterable[Retrieved]) -> list[Retrieved]:
    """Each paragraph once, where it first came."""
    seen: dict[tuple[str, int], Retrieved] = {}
    for r in found:
        seen.setdefault(r.key, r)
    return list(seen.values())


def paragraphs(found: Iterable[Retrieved]) -> list[Paragraph]:
    return [r.paragraph for r in unique(found)]


from . import crosslingual, names, pairs, phrase, rare, tolerant  # noqa: E402,F401  (registers the strategies)
