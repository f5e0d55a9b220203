"""Ray behind one module: checks on a Ray Data actor pool of opened checkers, index encoding on a
Ray actor pool (a GPU each where the cluster has them).

Local mode by default (a Ray instance started here with `workers` CPUs, stopped at exit); `address`
joins an existing cluster (`ray start --head`, or `auto` inside `ray job submit`). Every node needs
this package installed (`pip install 'compare[ray]'`) and, for a check, the index at the same path
(a copy on its local disk, or shared storage: workers open it read-only and immutable).

A check writes one part per batch of articles into the parts folder (`compare.parts`): a worker or
the driver killed at any point loses at most the batches in flight, which the same command redoes;
finished batches are found by their key and not checked again. The driver then writes the manifest
and merges the parts into the output.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .._version import __version__
from ..batch import journal_path
from ..checker import Checker, CheckerSpec
from ..encoders import Batch, Encoded, encode_paragraphs, encode_sentences
from ..errors import EngineUnavailableError
from ..model import Progress
from ..parts import Merged, PartSink, check_batch, merge

OBJECT_STORE_BYTES = 256 * 1024 * 1024  # local mode: batches of article paths and vectors, not data sets
IN_FLIGHT = 2  # encoding batches queued per actor: it never waits, the driver never holds many



def connect(address: str | None = None, workers: int = 2) -> Any:
    """Ray, started in local mode with `workers` CPUs, or joined to the cluster at `address`."""
    try:
        import ray
    except ImportError:
        raise EngineUnavailableError("ray", "Ray is not installed") from None
    if not ray.is_initialized():
        logging.getLogger("ray").setLevel(logging.ERROR)
        local: dict[str, Any] = ({"num_cpus": workers, "object_store_memory": OBJECT_STORE_BYTES}
                                 if address is None else {})
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                 **local)
    from ray.data import DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return ray


def _rss_mb() -> float:
    """This process's peak resident memory (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- checking ------------------------------------------------------------------------------------

class CheckWorker:
    """A Ray Data actor: opens its checker once, then checks batch after batch into the parts folder."""

    def __init__(self, spec: CheckerSpec, folder: str, opener: Callable[[CheckerSpec], Checker] | None = None) -> None:
        self.checker = (opener or CheckerSpec.open)(spec)
        self.sink = PartSink(folder)
        self.started = time.time()

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {k: [] for k in ("n", "key", "articles", "quotes", "errors", "reused", "pid",
                                                      "rss_mb")}
        for n, pairs in zip(rows["n"], rows["paths"], strict=True):
            named = dict(json.loads(str(pairs)))
            part = check_batch(self.checker, self.sink, list(named), named)
            out["n"].append(int(n))
            out["key"].append(part.key)
            out["articles"].append(len(part.articles))
            out["quotes"].append(part.quotes)
            out["errors"].append(json.dumps(part.errors))
            out["reused"].append(part.reused)
            out["pid"].append(os.getpid())
            out["rss_mb"].append(_rss_mb())
        return out


@dataclass(frozen=True)
class CheckReport:
    batches: int
    reused: int  # batches found done (a part of the same key was there)
    articles: int
    quotes: int
    errors: tuple[str, ...]
    start_s: float  # Ray's start (or connection)
    wall_s: float
    worker_rss_mb: dict[int, float] = field(default_factory=dict)  # peak resident memory by worker pid


def check(paths: list[str], spec: CheckerSpec, folder: str | Path, *, address: str | None = None, workers: int = 2,
          batch_size: int = 8, progress: Progress | None = None, names: Mapping[str, str] | None = None,
          opener: Callable[[CheckerSpec], Checker] | None = None) -> CheckReport:
    """Check the articles (paths or URLs, in this order; `names`: each one's path in the batch) on a
    Ray Data actor pool of `workers` checkers; each batch of `batch_size` articles into its part in
    `folder`; then the manifest (the parts in input order, for `compare.parts.merge`). `opener`
    opens a worker's checker (default: `spec.open()`)."""
    t0 = time.monotonic()
    ray = connect(address, workers)
    started = time.monotonic() - t0
    sink = PartSink(folder)
    names = names or {}
    batches = [paths[lo : lo + batch_size] for lo in range(0, len(paths), batch_size)]
    items = [{"n": n, "paths": json.dumps([[p, names.get(p, "")] for p in b])} for n, b in enumerate(batches)]
    ds = ray.data.from_items(items, override_num_blocks=max(1, len(items)))
    done = ds.map_batches(CheckWorker, fn_constructor_kwargs={"spec": spec, "folder": str(sink.folder), "opener": opener},
                          batch_size=1, compute=ray.data.ActorPoolStrategy(size=min(workers, len(items)) or 1),
                          num_cpus=1)
    keys: dict[int, str] = {}
    reused = quotes = articles = 0
    errors: list[str] = []
    rss: dict[int, float] = {}
    for row in done.iter_rows():
        n = int(row["n"])
        if n in keys:  # a batch redone after a worker was lost: its part is the same file
            continue
        keys[n] = str(row["key"])
        reused += bool(row["reused"])
        articles += int(row["articles"])
        quotes += int(row["quotes"])
        errors.extend(json.loads(row["errors"]))
        rss[int(row["pid"])] = max(rss.get(int(row["pid"]), 0.0), float(row["rss_mb"]))
        if progress:
            progress("articles", articles, len(paths))
    sink.write_manifest((keys[n] for n in range(len(batches))),
                        {"compare": __version__, "corpus": list(spec.corpus), "articles": len(paths),
                         "batch_size": batch_size})
    return CheckReport(len(batches), reused, articles, quotes, tuple(errors), started, time.monotonic() - t0, rss)


def parts_folder(output: str | Path) -> Path:
    """Where a run's parts go: beside its output."""
    return Path(f"{output}.parts")


def run_check(paths: list[str], spec: CheckerSpec, output: str | Path, **kwargs: Any) -> tuple[CheckReport, Merged]:
    """`check` into the parts folder beside `output`, then the parts merged into `output` (an earlier
    `--resume` journal of it removed: it no longer describes it)."""
    ran = check(paths, spec, parts_folder(output), **kwargs)
    merged = merge(parts_folder(output), output)
    journal_path(output).unlink(missing_ok=True)
    return ran, merged


# -- encoding ------------------------------------------------------------------------------------

class EncodeWorker:
    """A Ray actor holding one model: paragraph vectors (on its GPU if it has one) or multilingual
    sentence vectors."""

    def __init__(self, kind: str, model: str | None, device: str) -> None:
        self.kind, self.model, self.device = kind, model, device

    def encode(self, key: Any, texts: list[str]) -> tuple[Any, np.ndarray]:
        if self.kind == "paragraphs":
            from ..embeddings import load_model

            return key, encode_paragraphs(load_model(self.model, self.device), texts)
        return key, encode_sentences(texts)


class RayEncoder:
    """A `compare.encoders.BatchEncoder` on a Ray actor pool: `workers` actors, or one a GPU where
    the cluster has GPUs (paragraph vectors; the multilingual encoder runs on CPUs)."""

    def __init__(self, address: str | None = None, workers: int = 2) -> None:
        self.address, self.workers = address, workers
        self.start_s = 0.0

    def _actors(self, kind: str, model: str | None) -> list[Any]:
        t0 = time.monotonic()
        ray = connect(self.address, self.workers)
        self.start_s = time.monotonic() - t0
        gpus = int(ray.cluster_resources().get("GPU", 0)) if kind == "paragraphs" else 0
        actor = ray.remote(num_cpus=0 if gpus else 1, num_gpus=1 if gpus else 0, max_restarts=-1,
                           max_task_retries=-1)(EncodeWorker)
        return [actor.remote(kind, model, "cuda" if gpus else "cpu") for _ in range(gpus or self.workers)]

    def _run(self, kind: str, model: str | None, batches: Iterable[Batch]) -> Iterator[Encoded]:
        import ray
        from ray.util import ActorPool

        actors = self._actors(kind, model)
        pool = ActorPool(actors)
        todo = iter(batches)
        pending = 0
        try:
            for item in itertools.islice(todo, IN_FLIGHT * len(actors)):
                pool.submit(lambda a, v: a.encode.remote(*v), item)
                pending += 1
            while pending:
                yield pool.get_next_unordered()
                pending -= 1
                more = next(todo, None)
                if more is not None:
                    pool.submit(lambda a, v: a.encode.remote(*v), more)
                    pending += 1
        finally:  # their CPUs (and models' memory) back before the next stage's actors start
            for a in actors:
                ray.kill(a)

    def paragraphs(self, model: str | None, batches: Iterable[Batch]) -> Iterator[Encoded]:
        return self._run("paragraphs", model, batches)

    def sentences(self, batches: Iterable[Batch]) -> Iterator[Encoded]:
        return self._run("sentences", None, batches)
