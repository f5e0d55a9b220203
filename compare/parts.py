"""An idempotent result sink for checks run anywhere: one part file per batch of articles.

A part is named by its batch's key: a hash of the package version, the corpus fingerprint, the
check options and each article's name and content hash. Whatever checks the batch — any worker,
any number of times, two runners at once — writes the same bytes under the same name, first under
a temporary name of its own and then renamed over (an atomic replace), so a part is either whole or
absent, and a batch found done is not checked again. A part is JSON lines: a header (which articles,
their errors), then the contract's records of its articles in order.

`merge` joins the parts named by the folder's manifest (the batches of one run, in input order)
into the JSONL output every other command reads, written beside and renamed over. The single-machine
`--resume` journal (`compare.batch`) is separate and unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .batch import Outcome
from .checker import Checker, Source, check_many, read_source
from .errors import PartsError
from .model import Provenance
from .pipeline import CheckOptions
from .report import render

MANIFEST = "manifest.json"
SUFFIX = ".part.jsonl"


def batch_key(articles: Sequence[tuple[str, str]], provenance: Provenance, options: CheckOptions) -> str:
    """The key of a batch of (name, content sha256) articles checked with this package, corpus and options."""
    h = hashlib.sha256(json.dumps([provenance.as_dict(), repr(options)]).encode())
    for name, sha in articles:
        h.update(f"{name}\t{sha}\n".encode())
    return h.hexdigest()[:40]


def _write_atomic(target: Path, data: bytes) -> None:
    """Written under a name no other writer uses, flushed to disk, then renamed over `target`."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class Part:
    key: str
    articles: tuple[dict[str, Any], ...]  # {name, where, sha256, quotes, error}
    records: bytes  # the JSONL of its quotes
    reused: bool = False  # found done, not checked again

    @property
    def quotes(self) -> int:
        return sum(a["quotes"] for a in self.articles)

    @property
    def errors(self) -> list[str]:
        return [a["error"] for a in self.articles if a["error"]]


class PartSink:
    """A folder of parts."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def done(self, key: str) -> bool:
        return self.path(key).is_file()

    def write(self, key: str, names: Sequence[str], outcomes: Sequence[Outcome]) -> Part:
        """A batch's part (`names`: each article's name as its records give it)."""
        articles = tuple({"name": n, "where": o.path, "sha256": o.sha256, "quotes": len(o.results), "error": o.error}
                         for n, o in zip(names, outcomes, strict=True))
        records = "".join(render(list(o.results), "jsonl") for o in outcomes if o.results).encode("utf-8")
        header = json.dumps({"part": key, "articles": articles}, ensure_ascii=False).encode("utf-8") + b"\n"
        _write_atomic(self.path(key), header + records)
        return Part(key, articles, records)

    def read(self, key: str) -> Part:
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise PartsError(str(self.folder), f"the part of batch {key} is missing") from None
        head, _, records = data.partition(b"\n")
        try:
            header = json.loads(head)
            assert header["part"] == key
            articles = tuple(header["articles"])
        except (ValueError, KeyError, TypeError, AssertionError):
            raise PartsError(str(self.folder), f"{path.name} has no header of its batch") from None
        return Part(key, articles, records)

    def write_manifest(self, keys: Iterable[str], about: dict[str, Any]) -> None:
        """The batches of a run, in input order (what `merge` joins)."""
        _write_atomic(self.folder / MANIFEST,
                      json.dumps({**about, "parts": list(keys)}, ensure_ascii=False, indent=1).encode("utf-8"))

    def manifest(self) -> list[str]:
        path = self.folder / MANIFEST
        if not path.is_file():
            raise PartsError(str(self.folder), f"no {MANIFEST} (no run finished planning its batches here)")
        try:
            return list(json.loads(path.read_text("utf-8"))["parts"])
        except (ValueError, KeyError, TypeError):
            raise PartsError(str(self.folder), f"{MANIFEST} is not a manifest of parts") from None


@dataclass(frozen=True)
class Merged:
    parts: int
    articles: int
    quotes: int
    errors: tuple[str, ...]


def merge(folder: str | Path, output: str | Path) -> Merged:
    """Join the manifest's parts, in order, into `output` (JSONL; written beside, renamed over).
    Refused, with nothing written, when a part is missing or an article stands in two parts."""
    sink = PartSink(folder)
    parts = [sink.read(k) for k in sink.manifest()]
    seen: set[tuple[str, str]] = set()
    for p in parts:
        for a in p.articles:
            if (a["where"], a["name"]) in seen:
                raise PartsError(str(folder), f"{a['where']} stands in two batches of the manifest")
            seen.add((a["where"], a["name"]))
    _write_atomic(Path(output), b"".join(p.records for p in parts))
    return Merged(len(parts), len(seen), sum(p.quotes for p in parts), tuple(e for p in parts for e in p.errors))


def check_batch(checker: Checker, sink: PartSink, articles: Sequence[str | Source],
                names: Mapping[str, str] | None = None) -> Part:
    """One batch of articles (paths, URLs or sources; `names`: each path's name in the batch) into
    its part, unless a part of the same key is there already: what any worker does with any batch,
    as often as it is asked."""
    names = names or {}
    sources = [read_source(a, names.get(a, "")) if isinstance(a, str) else a for a in articles]
    key = batch_key([(s.path or s.name, s.sha256) for s in sources], checker.provenance, checker.pipeline.options)
    if sink.done(key):
        return replace(sink.read(key), reused=True)
    outcomes = list(check_many(sources, checker))
    return sink.write(key, [s.path or s.name for s in sources], outcomes)
