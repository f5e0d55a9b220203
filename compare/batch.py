"""Checking many articles: folders expanded, both cores used, results streamed as each article is
done, and a run that a rerun resumes.

A resumable run writes JSONL and, beside it, `OUTPUT.done`: one line per finished article (its
path, content hash, the output's length once its quotes were written, and a SHA-256 of the output
up to there). A rerun verifies the output against the journal (and refuses, exit 2, when they
disagree), truncates the output to the last finished article, so a run killed mid-write leaves no
half article, skips every article already done whose text has not changed, and tries again the
articles that failed.
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
from .errors import CompareError, MissingPathError, ResumeMismatchError
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
    """The `.done` file beside a resumable output: which articles are finished, where the output
    stood after each, and a SHA-256 of the output up to there. A resume trusts nothing it cannot
    verify: the recorded size and checksum must match the output, or it refuses (exit 2)."""

    FIELDS = {"path": str, "sha256": str, "offset": int, "quotes": int, "error": str, "output_sha256": str}

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(output.name + ".done")
        self.hash = hashlib.sha256()

    def _refuse(self, why: str) -> ResumeMismatchError:
        return ResumeMismatchError(str(self.output), str(self.path), why)

    def _entries(self) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_bytes().decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise self._refuse("the journal is not UTF-8 text") from None
        entries: list[dict[str, Any]] = []
        for k, line in enumerate(lines):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                if k == len(lines) - 1:
                    break  # the last line, cut off by a kill: that article is not finished
                raise self._refuse(f"line {k + 1} of the journal is not JSON") from None
            if not isinstance(rec, dict) or any(not isinstance(rec.get(f), t) for f, t in self.FIELDS.items()):
                raise self._refuse(f"line {k + 1} of the journal is not a journal entry")
            if rec["offset"] < (entries[-1]["offset"] if entries else 0):
                raise self._refuse(f"line {k + 1} of the journal goes back in the output")
            entries.append(rec)
        return entries

    def finished(self) -> tuple[dict[str, str], list[str]]:
        """({path: sha256} of the articles finished, the articles that failed before and are to be
        tried again). The output is verified against the journal and cut back to its last entry."""
        if not self.path.exists():
            self.output.write_bytes(b"")
            self.path.write_text("", encoding="utf-8")
            return {}, []
        if not self.output.is_file():
            raise self._refuse("the output is missing")
        entries = self._entries()
        end = entries[-1]["offset"] if entries else 0
        size = self.output.stat().st_size
        if size < end:
            raise self._refuse(f"the output has {size} bytes, the journal says {end} were written")
        with open(self.output, "rb") as f:
            while f.tell() < end:
                self.hash.update(f.read(min(1 << 20, end - f.tell())))
        if entries and self.hash.hexdigest() != entries[-1]["output_sha256"]:
            raise self._refuse("the output was changed since the journal was written")
        with open(self.output, "r+b") as f:
            f.truncate(end)
        done = {e["path"]: e["sha256"] for e in entries if not e["error"]}
        failed = [e["path"] for e in entries if e["error"] and e["path"] not in done]
        return done, failed

    def record(self, outcome: Outcome, written: bytes, offset: int) -> None:
        self.hash.update(written)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"path": outcome.path, "sha256": outcome.sha256, "offset": offset,
                                "quotes": len(outcome.results), "error": outcome.error,
                                "output_sha256": self.hash.hexdigest()}) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def discard(self) -> None:
        """A plain (not resumable) run writes this output: an old journal beside it would lie."""
        self.path.unlink(missing_ok=True)


def write_resumable(paths: list[str], output: Path, settings: Settings, jobs: int,
                    on_outcome: Callable[[Outcome], None] | None = None, checker: Any = None,
                    on_retry: Callable[[list[str]], None] | None = None) -> list[Outcome]:
    """Check `paths` into a JSONL `output`, skipping what an earlier run of the same output did
    (verified: see `Journal`); articles that failed before are tried again."""
    journal = Journal(output)
    done, failed = journal.finished()
    todo = [p for p in paths if done.get(p) != _digest(p)] if done else list(paths)
    retry = [p for p in failed if p in todo]
    if retry and on_retry:
        on_retry(retry)
    outcomes = []
    for outcome in run(todo, settings, jobs, checker):
        data = (render(list(outcome.results), "jsonl") if outcome.results else "").encode("utf-8")
        with open(output, "ab") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            offset = f.tell()
        journal.record(outcome, data, offset)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes
