"""Checking many articles: folders expanded, both cores used, results streamed as each article is
done, and a run that a rerun resumes.

A resumable run writes JSONL and, beside it, `OUTPUT.done`: one line per finished article (its
path, content hash, and the output's length once its quotes were written). A rerun truncates the
output to the last finished article, so a run killed mid-write leaves no half article, and skips
every article already done whose text has not changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ingest
from .api import load_corpus
from .errors import CompareError, MissingPathError
from .model import QuoteResult
from .pipeline import CheckOptions, Pipeline
from .report import render

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".md"}


def expand(paths: Iterable[str]) -> list[str]:
    """Article paths, folders expanded to the text and HTML files inside them (sorted); `-` kept."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if not path.exists():
            raise MissingPathError(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class Outcome:
    path: str
    sha256: str
    results: tuple[QuoteResult, ...]
    error: str = ""  # a CompareError's message when the article could not be checked
    text: str = ""  # the article's text, as the quotes' offsets count it


@dataclass(frozen=True)
class Settings:
    corpus: tuple[str, ...]
    options: CheckOptions


_checker: Any = None
_init_error = ""


def _init(settings: Settings) -> None:
    """A worker's checker (a failure is kept and reported per article: a pool whose initializer
    raises would start workers for ever)."""
    global _checker, _init_error
    try:
        _checker = Pipeline(load_corpus(settings.corpus), settings.options)
    except CompareError as e:
        _init_error = str(e)


def _digest(path: str) -> str:
    if path == "-":
        return ""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check_one(path: str, checker: Any = None) -> Outcome:
    """One article, with a bad article reported in the outcome instead of raised."""
    checker = checker or _checker
    if checker is None:
        return Outcome(path, "", (), _init_error or "the corpus could not be opened")
    try:
        article = ingest.read_article(path)
        return Outcome(path, _digest(path), tuple(checker.check_article(article)), text=article.text)
    except CompareError as e:
        return Outcome(path, _digest(path) if os.path.isfile(path) else "", (), str(e))


def run(paths: list[str], settings: Settings, jobs: int = 1, checker: Any = None) -> Iterator[Outcome]:
    """Outcomes in the order of `paths`, from `jobs` processes (each opens the corpus once)."""
    if jobs <= 1 or len(paths) <= 1:
        if checker is None:
            _init(settings)
            checker = _checker
        for p in paths:
            yield check_one(p, checker)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        yield from pool.imap(check_one, paths, chunksize=1)


class Journal:
    """The `.done` file beside a resumable output: which articles are finished, and where."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(output.name + ".done")

    def finished(self) -> dict[str, str]:
        """{path: sha256} of the finished articles; the output is cut back to the last of them."""
        done: dict[str, str] = {}
        end = 0
        if self.path.exists() and self.output.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    break  # a line cut off by a kill
                done[rec["path"]] = rec["sha256"]
                end = rec["offset"]
            with open(self.output, "r+b") as f:
                f.truncate(end)
        else:
            self.output.write_bytes(b"")
            self.path.write_text("", encoding="utf-8")
        return done

    def record(self, outcome: Outcome, offset: int) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"path": outcome.path, "sha256": outcome.sha256, "offset": offset,
                                "quotes": len(outcome.results), "error": outcome.error}) + "\n")


def write_resumable(paths: list[str], output: Path, settings: Settings, jobs: int,
                    on_outcome: Callable[[Outcome], None] | None = None, checker: Any = None) -> list[Outcome]:
    """Check `paths` into a JSONL `output`, skipping what an earlier run of the same output did."""
    journal = Journal(output)
    done = journal.finished()
    todo = [p for p in paths if done.get(p) != _digest(p)] if done else list(paths)
    outcomes = []
    for outcome in run(todo, settings, jobs, checker):
        text = render(list(outcome.results), "jsonl") if outcome.results else ""
        with open(output, "a", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            offset = f.tell()
        journal.record(outcome, offset)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes
