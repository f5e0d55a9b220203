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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ingest
from ..embeddings import Encoder, SentenceTransformerEncoder
from ..encoders import BatchEncoder
from ..errors import BadIndexError, CompareError, NoCablesError
from ..model import Cable, Progress
from ..store import build_state, schema
from ..store import sentences as stored_sentences
from ..store.build_state import IndexStats, stats
from ..store.schema import Upsert
from ..store.vectors import create_vectors
from . import sentences

BATCH = 2000  # dump records a commit
EMBED_BATCH = 256  # paragraphs an embedding call
EMBED_SAVE_EVERY = 40  # embedding batches between saves of the vector index


__all__ = ["BuildReport", "IndexStats", "build", "embed_new", "start_over", "stats", "upsert"]


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
          progress: Progress | None = None, batch: int = BATCH, multilingual: bool = False,
          encoder: BatchEncoder | None = None, fresh: bool = False) -> BuildReport:
    """Build or extend the index in `out` from cable files and folders; `multilingual`: also the
    sentence vectors that find translated quotes (`store.sentences`; about 15 minutes for 6,712
    cables on two cores, made again whenever cables were added or replaced). `encoder`: who runs
    the models (`compare.encoders`; default: this process). Reading and parsing are one pass here
    whatever the encoder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = ingest.expand_paths(paths)
    if fresh:
        start_over(out)
    existed = (out / schema.DB_NAME).exists()
    db = schema.connect(out, writable=True)
    if existed:  # added to: only an index whole, of this release, is written into
        try:
            schema.check_schema(out, db)
            schema.quick_check(out, db)
        except CompareError:
            db.close()
            raise
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
    embedded = embed_new(db, out, model, progress, runner=encoder) if embed else 0
    changed = counts[Upsert.ADDED] + counts[Upsert.REPLACED] > 0
    if multilingual and (changed or stored_sentences.SentenceIndex.open(out) is None):
        n = sentences.build(build_state.paragraph_texts(db), out, progress, build_state.paragraph_count(db),
                            runner=encoder)
        schema.set_meta(db, "sentences", str(n))
    elif changed:  # stale: rows moved; build again with --multilingual
        stored_sentences.remove(out)
        db.execute("DELETE FROM meta WHERE k = 'sentences'")
    elif schema.meta(db, "sentences") is None and (have := stored_sentences.SentenceIndex.open(out)) is not None:
        schema.set_meta(db, "sentences", str(len(have)))  # built before the count was recorded
    schema.set_meta(db, "fingerprint", schema.fingerprint(db))
    db.commit()
    build_state.close_for_reading(db)
    schema.write_fingerprint(out)
    return BuildReport(n_cables, counts[Upsert.ADDED], counts[Upsert.REPLACED], counts[Upsert.KEPT], len(files),
                       skipped, embedded)


def start_over(out: Path) -> None:
    """`--fresh`: the index's own files in `out` removed (nothing else there is touched)."""
    for name in (schema.DB_NAME, schema.DB_NAME + "-wal", schema.DB_NAME + "-shm", schema.DB_NAME + "-journal",
                 schema.VECTORS_NAME, schema.FINGERPRINT, *stored_sentences.FILES, "lexicon.npz"):
        (out / name).unlink(missing_ok=True)


def embed_new(db: Any, out: Path, model: str | None, progress: Progress | None,
              encoder: Encoder | None = None, runner: BatchEncoder | None = None) -> int:
    """Embed every paragraph text not embedded yet (with `encoder`, by default the sentence-transformers
    model `model`; run by `runner`, `compare.encoders`, in this process unless given); save the
    vector index as it goes."""
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
    pending = [h for h, _ in rows if h in vectors]  # in the vectors saved before a stop, not yet recorded
    todo = [(h, t) for h, t in rows if h not in vectors]
    batches = ((tuple(h for h, _ in part), [t for _, t in part])
               for part in (todo[lo : lo + EMBED_BATCH] for lo in range(0, len(todo), EMBED_BATCH)))
    done = len(pending)
    encoded = (runner.paragraphs(model, batches) if runner is not None
               else ((keys, encoder.encode(texts)) for keys, texts in batches))
    for keys, vecs in encoded:
        vectors.add(list(keys), vecs)
        pending.extend(keys)
        done += len(keys)
        if len(pending) >= EMBED_BATCH * EMBED_SAVE_EVERY:
            _save(db, out, vectors, pending)
            pending = []
        if progress:
            progress("embedding paragraphs", done, total)
    _save(db, out, vectors, pending)
    return done


def _save(db: Any, out: Path, vectors: Any, hashes: list[int]) -> None:
    """The vectors saved (renamed over), then their texts recorded as embedded: a stop in between
    leaves vectors that the next build records without encoding them again."""
    vectors.save(out / schema.VECTORS_NAME)
    build_state.mark_embedded(db, hashes)
