"""The Python API: `check(articles, corpus)` runs the whole pipeline and returns typed results.

    >>> from compare import CheckOptions, check, load_corpus
    >>> corpus = load_corpus(["data/cables"])
    >>> results = check(["data/articles/003_515405a57c30b3c1.txt"], corpus, CheckOptions(semantic=False))
    >>> results[0].verdict
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from . import ingest
from .errors import BadOptionError
from .indexing.corpus_cache import cached_index
from .model import Cable, QuoteResult
from .pipeline import CheckOptions, Pipeline, Progress
from .store import CorpusStore, is_index


def load_corpus(paths: Iterable[str | Path], cache: bool = True, *,
                parsed: Mapping[Path, list[Cable]] | None = None) -> CorpusStore:
    """Cables from files and folders (text pages, HTML pages, JSONL dumps), indexed for search (a
    large corpus once, into the cache: `indexing.corpus_cache`); or an index folder built by
    `compare index build`, opened as it is. `parsed`: files already read (their cables, as
    `checker.split_corpus` keeps them), not read again."""
    paths = list(paths)
    indexes = [p for p in paths if is_index(p)]
    if indexes:
        if len(paths) > 1:
            raise BadOptionError(f"--corpus: {indexes[0]} is an index; give it alone, or add the other "
                                 "cables to it with `compare index build --corpus ... --out " f"{indexes[0]}`")
        return CorpusStore.open(indexes[0])
    cached = cached_index(paths) if cache else None
    if cached is not None:
        return CorpusStore.open(cached)
    return CorpusStore.in_memory(ingest.load(paths, parsed).values())


def check(article_paths: Iterable[str | Path], corpus: CorpusStore | Iterable[str | Path],
          options: CheckOptions | None = None, progress: Progress | None = None) -> list[QuoteResult]:
    """Check every quote of every article against the corpus (a `CorpusStore` or cable paths)."""
    store = corpus if isinstance(corpus, CorpusStore) else load_corpus(corpus)
    pipeline = Pipeline(store, options or CheckOptions())
    out: list[QuoteResult] = []
    for path in article_paths:
        out.extend(pipeline.check_article(ingest.read_article(path), progress))
    return out
