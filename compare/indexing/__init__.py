"""Building an index folder: `compare index build --corpus CABLES --out INDEX`.

Orchestration above the store: cables are read (`ingest`), merged, written (`store.schema`),
encoded (`embeddings`, `multilingual`) and their vectors stored (`store.vectors`,
`store.sentences`); the store only stores. `corpus_cache` builds the index of a corpus given as
files, once. Another builder (several processes, a cluster) plugs in beside `build`.

Building is incremental and resumable. Each source file's progress is committed with the cables
read from it (every `BATCH` records of a dump), so a build killed at any moment, SIGKILL included,
leaves a valid index, and the next run goes on from the last commit. A cable read again is merged
by reference ID (the fuller text wins, missing metadata is filled in). Embeddings are keyed by a
hash of the paragraph's text: adding cables embeds only paragraphs whose text is new.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ingest
from ..embeddings import Encoder, SentenceTransformerEncoder
from ..errors import BadIndexError, NoCablesError
from ..model import Cable
from ..store import build_state, schema
from ..store import sentences as stored_sentences
from ..store.build_state import IndexStats, stats
from ..store.schema import Upsert
from ..store.vectors import create_vectors
from . import sentences

BATCH = 2000  # dump records a commit
EMBED_BATCH = 256  # paragraphs an embedding call
EMBED_SAVE_EVERY = 40  # embedding batches between saves of the vector index

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)

__all__ = ["BuildReport", "IndexStats", "build", "embed_new", "stats", "upsert"]


def upsert(db: Any, c: Cable) -> Upsert:
    """Add a cable, or merge it with the one of the same ID."""
    old = schema.load_cable(db, c.id)
    if old is None:
        schema.insert(db, [c])
        return Upsert.ADDED
    merged = ingest.merge([old, c])[c.id]
    if merged.paragraphs is old.paragraphs:
        if merged != old:
            schema.replace_metadata(db, merged)
        return Upsert.KEPT
    schema.delete(db, c.id)
    schema.insert(db, [merged])
    return Upsert.REPLACED


@dataclass(frozen=True)
class BuildReport:
    """What one `build` did."""

    cables: int  # in the index now
    added: int
    replaced: int
    kept: int
    files: int
    skipped_files: int  # read by an earlier build and unchanged
    embedded: int = 0  # paragraph texts embedded by this run


def _records(path: Path, skip: int) -> Iterator[tuple[int, tuple[Cable, ...], float]]:
    """(record number, cables, share of the file read) for each record of a source after `skip`,
    from the reader its format calls for (`ingest.registry`)."""
    for record in ingest.reader_for(path).read(path, skip):
        yield record.number, record.cables, record.share


def build(paths: Iterable[str | Path], out: str | Path, embed: bool = True, model: str | None = None,
          progress: Progress | None = None, batch: int = BATCH, multilingual: bool = False) -> BuildReport:
    """Build or extend the index in `out` from cable files and folders; `multilingual`: also the
    sentence vectors that find translated quotes (`store.sentences`; about 15 minutes for 6,712
    cables on two cores, made again whenever cables were added or replaced)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = ingest.expand_paths(paths)
    db = schema.connect(out, writable=True)
    schema.create(db)
    counts = dict.fromkeys(Upsert, 0)
    skipped = 0
    sizes = [f.stat().st_size for f in files]
    total_mb, before = max(1, sum(sizes) // 1_000_000), 0
    for f, size in zip(files, sizes, strict=True):
        before += size
        st = f.stat()
        key = str(f.resolve())
        state = build_state.source_state(db, key)
        done = 0
        if state and state[0] == st.st_size and state[1] == st.st_mtime:
            if state[3]:
                skipped += 1
                continue
            done = state[2]  # a build stopped inside this file: go on after its last commit
        pending = 0
        last = done
        for n, found, share in _records(f, done):
            for c in found:
                counts[upsert(db, c)] += 1
            last = n
            pending += 1
            if pending >= batch:
                build_state.mark_source(db, key, st.st_size, st.st_mtime, last, complete=False)
                pending = 0
            if progress:
                progress("reading cables (MB)", int((before - size + share * size) / 1_000_000), total_mb)
        build_state.mark_source(db, key, st.st_size, st.st_mtime, last, complete=True)
    n_cables = build_state.cable_count(db)
    if not n_cables:
        raise NoCablesError(", ".join(str(p) for p in files) or str(out))
    schema.build_null_sample(db)
    schema.build_word_counts(db)
    schema.set_meta(db, "built", time.strftime("%Y-%m-%dT%H:%M:%S"))
    db.commit()
    embedded = embed_new(db, out, model, progress) if embed else 0
    changed = counts[Upsert.ADDED] + counts[Upsert.REPLACED] > 0
    if multilingual and (changed or stored_sentences.SentenceIndex.open(out) is None):
        sentences.build(build_state.paragraph_texts(db), out, progress, build_state.paragraph_count(db))
    elif changed:  # stale: rows moved; build again with --multilingual
        stored_sentences.remove(out)
    build_state.close_for_reading(db)
    return BuildReport(n_cables, counts[Upsert.ADDED], counts[Upsert.REPLACED], counts[Upsert.KEPT], len(files),
                       skipped, embedded)


def embed_new(db: Any, out: Path, model: str | None, progress: Progress | None,
              encoder: Encoder | None = None) -> int:
    """Embed every paragraph text not embedded yet (with `encoder`, by default the sentence-transformers
    model `model`); save the vector index as it goes."""
    encoder = encoder or SentenceTransformerEncoder(model, batch_size=64)
    name = encoder.name
    known = schema.meta(db, "model")
    if known and known != name:
        raise BadIndexError(out, f"its vectors were made with {known!r}, not {name!r}; "
                                 f"build with --model {known!r}, or into a new folder")
    rows = build_state.texts_to_embed(db)
    total = len(rows)
    if not total:
        return 0
    vectors = create_vectors(out, encoder.dimension, name)
    schema.set_meta(db, "model", name)
    db.commit()
    done = 0
    pending: list[int] = []
    for lo in range(0, len(rows), EMBED_BATCH):
        part = [(h, t) for h, t in rows[lo : lo + EMBED_BATCH] if h not in vectors]
        if part:
            vecs = encoder.encode([t for _, t in part])
            vectors.add([h for h, _ in part], vecs)
        pending.extend(h for h, _ in rows[lo : lo + EMBED_BATCH])
        done += len(rows[lo : lo + EMBED_BATCH])
        if len(pending) >= EMBED_BATCH * EMBED_SAVE_EVERY or lo + EMBED_BATCH >= len(rows):
            vectors.save(out / schema.VECTORS_NAME)
            build_state.mark_embedded(db, pending)
            pending = []
        if progress:
            progress("embedding paragraphs", done, total)
    return done
