"""Checking articles anywhere: a `Checker` opened once per worker, text in, the contract's records out.

    >>> from compare.checker import Checker
    >>> checker = Checker.open(["cables.index"], immutable=True)   # once per worker
    >>> records = checker.check_text("story.txt", text)          # no file needed

`check_many` checks many articles (files, object-store URLs or texts) and yields one `Outcome`
each, in order, a bad article reported in its outcome instead of raised: the one loop behind
`compare check`, and what each worker of a distributed runner (`compare.runners`) calls on its batch.
Nothing here knows about an engine; everything a worker needs to open its own checker is a
`CheckerSpec`, which pickles.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import batch, ingest
from ._version import __version__
from .api import load_corpus
from .errors import BadOptionError, CompareError, MissingPathError, UnreadableInputError
from .model import Article, ArticleMeta, Cable, Provenance, QuoteResult
from .pipeline import CheckOptions, Pipeline
from .report import record
from .store import CorpusStore, is_index

Outcome = batch.Outcome


@dataclass(frozen=True)
class CheckerSpec:
    """What a worker needs to open its own checker: the corpus (an index folder, or cable files)
    and the options. `immutable`: open an index with no locks (`store.schema.connect`)."""

    corpus: tuple[str, ...]
    options: CheckOptions = CheckOptions()
    immutable: bool = False

    def open(self) -> Checker:
        return Checker.open(self.corpus, self.options, immutable=self.immutable)


@dataclass(frozen=True)
class Source:
    """An article as read from somewhere: the name its records give it, its bytes (or text), where
    it was read from; `error` when it could not be read."""

    name: str
    data: bytes | str = b""
    where: str = ""
    meta: ArticleMeta | None = None
    error: str = ""
    path: str = ""  # its path in the batch (`article_path`); default: its name

    @property
    def sha256(self) -> str:
        raw = self.data.encode("utf-8") if isinstance(self.data, str) else self.data
        return hashlib.sha256(raw).hexdigest() if raw or not self.error else ""


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def read_source(path: str, name: str = "") -> Source:
    """An article file, or an object-store URL (`s3://…`, `gs://…`, any fsspec file system), as a
    `Source` (`name`: its path in the batch); a file that cannot be read gives a `Source` with its error."""
    return replace(_read(path), path=name)


def _read(path: str) -> Source:
    if is_url(path):
        try:
            import fsspec
        except ImportError:
            return Source(posixpath.basename(path), where=path,
                          error=f"{path}: reading URLs needs fsspec (pip install fsspec)")
        try:
            with fsspec.open(path, "rb") as f:
                return Source(posixpath.basename(path.rstrip("/")), f.read(), path)
        except (OSError, ValueError) as e:
            return Source(posixpath.basename(path), where=path, error=str(UnreadableInputError(path, str(e))))
    p = Path(path[len("file://"):] if path.startswith("file://") else path)
    try:
        return Source(p.name, p.read_bytes(), path)
    except FileNotFoundError:
        return Source(p.name, where=path, error=str(MissingPathError(path)))
    except OSError as e:
        return Source(p.name, where=path, error=str(UnreadableInputError(path, e.strerror or type(e).__name__)))


class Checker:
    """A pipeline over one opened corpus, kept for as many articles as a worker checks."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    @classmethod
    def open(cls, corpus: Iterable[str | Path], options: CheckOptions | None = None, *,
             immutable: bool = False) -> Checker:
        from .store import CorpusStore, is_index

        paths = [str(p) for p in corpus]
        if immutable and len(paths) == 1 and is_index(paths[0]):
            store = CorpusStore.open(paths[0], immutable=True)
        else:
            store = load_corpus(paths)
        return cls(Pipeline(store, options or CheckOptions()))

    @property
    def provenance(self) -> Provenance:
        """The package version and the corpus's fingerprint that every record of this checker carries."""
        return Provenance(__version__, self.pipeline.store.fingerprint)

    def warm(self) -> None:
        self.pipeline.warm()

    def article(self, name: str, text: str | bytes, meta: ArticleMeta | Mapping[str, str] | None = None) -> Article:
        """An article from its text (or its bytes, decoded as from a file); `meta` (headline, outlet,
        author, date) over what the text says of itself."""
        article = ingest.from_text(ingest.decode_bytes(text, name) if isinstance(text, bytes) else text, name)
        if meta:
            given = meta if isinstance(meta, ArticleMeta) else ArticleMeta(**dict(meta))
            article = replace(article, meta=ArticleMeta(**{k: getattr(given, k) or getattr(article.meta, k)
                                                           for k in ("headline", "outlet", "author", "date")}))
        return article

    def results(self, article_id: str, text: str | bytes, *, meta: ArticleMeta | Mapping[str, str] | None = None,
                path: str = "") -> list[QuoteResult]:
        """The results of an article given as its text or bytes; `path`: its path in the batch
        (`article_path`; default: `article_id`). `article_sha256` is the bytes' hash, or the text's."""
        article = self.article(article_id, text, meta)
        digest = hashlib.sha256(text).hexdigest() if isinstance(text, bytes) else article.sha256
        return [replace(r, article_path=path or article_id, article_sha256=digest)
                for r in self.pipeline.check_article(article)]

    def check_text(self, article_id: str, text: str | bytes, *,
                   meta: ArticleMeta | Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        """The contract's records (one JSON-ready dict a quote) of an article given as its text.
        Raises a `CompareError` for an article with no quotes or bad input."""
        return [record(r) for r in self.results(article_id, text, meta=meta)]

    def outcome(self, source: Source) -> Outcome:
        """One article's outcome, a bad one reported in it instead of raised."""
        if source.error:
            return Outcome(source.where or source.name, source.sha256, (), source.error)
        try:
            article = self.article(source.name, source.data, source.meta)
            digest = source.sha256 if isinstance(source.data, bytes) else article.sha256
            results = tuple(replace(r, article_path=source.path or source.name, article_sha256=digest)
                            for r in self.pipeline.check_article(article))
            return Outcome(source.where or source.name, source.sha256, results, text=article.text)
        except CompareError as e:
            return Outcome(source.where or source.name, source.sha256, (), str(e))


def check_many(articles: Iterable[str | Source], checker: Checker | None = None, *,
               spec: CheckerSpec | None = None, jobs: int = 1, names: Mapping[str, str] | None = None) -> Iterator[Outcome]:
    """An outcome for each article (a path, an object-store URL or a `Source`), in order. One
    process with `checker` (opened from `spec` if not given); `jobs` processes for paths on this
    machine (`batch.run`: each opens the corpus once). `names`: each path's name in the batch
    (`article_path`, as `batch.scan` gives them)."""
    items = list(articles)
    names = dict(names or {})
    if jobs > 1 and checker is None and spec is not None and all(isinstance(a, str) and not is_url(a) for a in items):
        yield from batch.run([str(a) for a in items], batch.Settings(spec.corpus, spec.options), jobs, names=names)
        return
    if checker is None:
        if spec is None:
            raise ValueError("check_many needs a checker or a spec")
        try:
            checker = spec.open()
        except CompareError as e:
            for a in items:
                yield Outcome(a if isinstance(a, str) else a.where or a.name, "", (), str(e))
            return
    for a in items:
        if isinstance(a, str) and not is_url(a) and not a.startswith("file://"):
            yield batch.check_one(a, checker.pipeline, names.get(a))  # stdin, links as the CLI reads them
        else:
            yield checker.outcome(read_source(a, names.get(a, "")) if isinstance(a, str) else a)


def expand(paths: Iterable[str]) -> batch.Expansion:
    """Article paths as `batch.scan` finds them (folders expanded, each named from the batch's root,
    as absolute paths that any worker can open on a shared file system), then object-store URLs,
    folders listed through fsspec (the files with an article's suffix, sorted; each named from the
    folder given)."""
    paths = list(paths)
    local = batch.scan([p for p in paths if not is_url(p)])
    out = batch.Expansion(problems=local.problems)
    for f in local.files:
        where = f if f == "-" else os.path.abspath(f)
        out.files.append(where)
        out.names[where] = local.names.get(f, posixpath.basename(f))
    for p in (p for p in paths if is_url(p)):
        try:
            import fsspec

            fs, root = fsspec.core.url_to_fs(p)
            protocol = p.split("://", 1)[0]
            if fs.isdir(root):
                for f in sorted(fs.find(root)):
                    if posixpath.splitext(f)[1].lower() in batch.ARTICLE_SUFFIXES:
                        url = f"{protocol}://{f.lstrip('/')}"
                        out.files.append(url)
                        out.names[url] = posixpath.relpath(f, root)
            elif fs.exists(root):
                out.files.append(p)
                out.names[p] = posixpath.basename(root)
            else:
                out.problems.append(MissingPathError(p))
        except ImportError:
            out.problems.append(UnreadableInputError(p, "reading URLs needs fsspec (pip install fsspec)"))
        except (OSError, ValueError) as e:
            out.problems.append(UnreadableInputError(p, str(e)))
    return out


# -- a command line's files: which are the corpus, which the articles (each file parsed once) ---------------

@dataclass
class Corpus:
    """A command line's corpus paths and article paths (`split_corpus`), with the cable files read while
    telling them apart, so that `open` reads each file once."""

    paths: list[str]
    articles: list[str]
    parsed: dict[Path, list[Cable]] = field(default_factory=dict)

    def open(self) -> CorpusStore:
        """The corpus as `api.load_corpus` opens it, the files read while splitting not read again."""
        return load_corpus(self.paths, parsed=self.parsed)


def split_corpus(corpus: Sequence[str], articles: Sequence[str]) -> Corpus:
    """`--corpus A B story.txt`: the corpus is the leading paths that hold cables (index folders,
    dumps, folders with a cable in them, files in which cables are found); the articles are the rest.
    What is parsed here is kept, so that each file is read once."""
    if articles:
        return Corpus(list(corpus), list(articles))
    out = Corpus(list(corpus[:1]), [])

    def holds_cables(p: str) -> bool:
        path = Path(p)
        if is_index(p) or p.endswith((".jsonl", ".gz")):
            return True
        if not path.exists():
            return False
        try:
            files = ingest.expand_paths([path])
        except CompareError:
            return False
        any_cable = False
        for f in files:
            try:
                out.parsed[f] = ingest.read_file(f)
            except (CompareError, OSError):
                out.parsed[f] = []
            any_cable = any_cable or bool(out.parsed[f])
        return any_cable

    rest = list(corpus[1:])
    while rest and holds_cables(rest[0]):
        out.paths.append(rest.pop(0))
    if not rest:
        raise BadOptionError("no ARTICLE given; put the article files after the --corpus paths, after -- "
                             "or another option")
    out.articles = rest
    return out


def check_paths(paths: Sequence[str], corpus: Corpus, pipeline: Pipeline, jobs: int | None = None,
                names: Mapping[str, str] | None = None) -> Iterator[Outcome]:
    """A command line's articles checked against its corpus, an outcome each, in order: over
    `pipeline` (opened on the corpus by the caller, so that a bad corpus or option fails before
    anything else) in this process, or in `default_jobs` processes (each opens the corpus once)."""
    n_jobs = default_jobs(jobs, corpus, len(paths))
    return check_many(paths, Checker(pipeline) if n_jobs == 1 else None,
                      spec=CheckerSpec(tuple(corpus.paths), pipeline.options), jobs=n_jobs, names=names)


def default_jobs(jobs: int | None, corpus: Corpus, n_articles: int) -> int:
    """How many processes check the articles: `jobs` when given; else, over an index folder and four
    articles or more, one per core up to four (each opens the index; cable files given as the corpus
    would be parsed once per process, so one); else one."""
    if jobs:
        return jobs
    indexed = len(corpus.paths) == 1 and is_index(corpus.paths[0])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 4) if indexed and n_articles >= 4 else 1
