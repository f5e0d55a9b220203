"""Checking a batch's articles: one after another over one checker, or in a pool of processes that
each open the corpus once; outcomes in the order of the paths, a bad article reported in its
outcome instead of raised."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import ingest
from ..api import load_corpus
from ..errors import CompareError, UnreadableInputError
from ..pipeline import CheckOptions, Pipeline
from .outcome import Outcome, file_digest
from .scanning import stat_problem


@dataclass(frozen=True)
class Settings:
    corpus: tuple[str, ...]
    options: CheckOptions


_checker: Pipeline | None = None
_init_error = ""


def _init(settings: Settings) -> None:
    """A worker's checker (a failure is kept and reported per article: a pool whose initializer
    raises would start workers for ever). The parent handles SIGINT and SIGTERM; a worker just ends."""
    global _checker, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        _checker = Pipeline(load_corpus(settings.corpus), settings.options)
    except CompareError as e:
        _init_error = str(e)


def check_one(path: str, checker: Pipeline | None = None, name: str | None = None) -> Outcome:
    """One article, with a bad article reported in the outcome instead of raised. Its quotes carry
    `name` (the path relative to the batch's root) and the SHA-256 of the file's bytes."""
    checker = checker or _checker
    if checker is None:
        return Outcome(path, "", (), _init_error or "the corpus could not be opened")
    with warnings.catch_warnings(record=True) as caught:  # kept with the outcome, not streamed
        warnings.simplefilter("always")
        outcome = _check_one(path, checker, name)
    return replace(outcome, warnings=tuple(str(w.message) for w in caught))


def _check_one(path: str, checker: Pipeline, name: str | None) -> Outcome:
    try:
        try:
            article = ingest.read_article(path)
        except OSError as e:
            problem = stat_problem(path)
            raise problem or UnreadableInputError(path, e.strerror or type(e).__name__) from None
        digest = file_digest(path)
        results = tuple(replace(r, article_path=name or r.quote.article, article_sha256=digest or article.sha256)
                        for r in checker.check_article(article))
        return Outcome(path, digest, results, text=article.text)
    except CompareError as e:
        return Outcome(path, file_digest(path), (), str(e))


def _check_named(item: tuple[str, str | None]) -> Outcome:
    return check_one(item[0], None, item[1])


def run(paths: list[str], settings: Settings, jobs: int = 1, checker: Pipeline | None = None,
        names: dict[str, str] | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`, from `jobs` processes (each opens the corpus once); `names`
    gives each path's name in the batch (`scan`'s `names`)."""
    names = names or {}
    if jobs <= 1 or len(paths) <= 1:
        if checker is None:
            try:  # here, not _init: the parent keeps its own signal handlers
                checker = Pipeline(load_corpus(settings.corpus), settings.options)
            except CompareError as e:
                yield from (Outcome(p, "", (), str(e)) for p in paths)
                return
        for p in paths:
            yield check_one(p, checker, names.get(p))
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        yield from pool.imap(_check_named, [(p, names.get(p)) for p in paths], chunksize=1)

