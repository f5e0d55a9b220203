"""The on-disk index: cables, paragraphs and their metadata in SQLite with an FTS5 index, and the
paragraph embeddings in a memory-mapped vector index (usearch).

    compare index build --corpus cables/ dump.jsonl.gz --out INDEX/
    compare check --corpus INDEX/ story.txt

The same schema backs the in-memory corpus of an ad-hoc check (`Corpus.from_cables`), so a check
reads an index exactly as it reads cables it parsed a moment ago.

Building is incremental and resumable. Each source file's progress is committed with the cables
read from it (every `BATCH` records of a dump), so a build killed at any moment, SIGKILL included,
leaves a valid index, and the next run goes on from the last commit. A cable read again is merged
by reference ID (the fuller text wins, missing metadata is filled in). Embeddings are keyed by a
hash of the paragraph's text: adding cables embeds only paragraphs whose text is new.

Why usearch for the vectors: a single-file HNSW index that can be served memory-mapped from disk
(`view`), so a check's memory does not grow with the corpus; half-precision vectors (768 bytes for
a 384-dimension MiniLM vector) that halve the file; incremental `add` for incremental builds; and a
small wheel with no system dependencies. faiss-cpu serves memory-mapped only some index types and
is a much larger install; hnswlib loads the whole graph into memory.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import cables as cable_io
from .errors import BadIndexError, MissingPathError, NoCablesError
from .model import Cable, Paragraph

DB_NAME = "index.sqlite"
VECTORS_NAME = "vectors.usearch"
SCHEMA_VERSION = "1"
BATCH = 2000  # dump records a commit
EMBED_BATCH = 256  # paragraphs an embedding call
EMBED_SAVE_EVERY = 40  # embedding batches between saves of the vector index
NULL_SAMPLE = 20_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS cables(
    id TEXT PRIMARY KEY, date TEXT, classification TEXT, origin TEXT, subject TEXT, tags TEXT,
    signer TEXT, classified_by TEXT, refs TEXT, source TEXT, length INTEGER);
CREATE TABLE IF NOT EXISTS paragraphs(
    rowid INTEGER PRIMARY KEY, cable TEXT NOT NULL, number INTEGER, marking TEXT, text TEXT NOT NULL,
    start INTEGER, end INTEGER, hash INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS paragraphs_cable ON paragraphs(cable);
CREATE INDEX IF NOT EXISTS paragraphs_hash ON paragraphs(hash);
CREATE VIRTUAL TABLE IF NOT EXISTS para USING fts5(
    text, content='paragraphs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(para, 'row');
CREATE TABLE IF NOT EXISTS quoted(k TEXT, para INTEGER);
CREATE INDEX IF NOT EXISTS quoted_k ON quoted(k);
CREATE INDEX IF NOT EXISTS quoted_para ON quoted(para);
CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, size INTEGER, mtime REAL, done INTEGER, complete INTEGER);
CREATE TABLE IF NOT EXISTS embedded(hash INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS null_sample(para INTEGER PRIMARY KEY, keys TEXT);
CREATE TABLE IF NOT EXISTS df(term TEXT PRIMARY KEY, doc INTEGER) WITHOUT ROWID;
"""

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


def text_hash(text: str) -> int:
    """A paragraph's content key: 63 bits of its SHA-1 (a vector index key, a SQLite integer)."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") >> 1


def create(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)
    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


def _cable_row(c: Cable) -> tuple[Any, ...]:
    return (c.id, c.date, c.classification, c.origin, c.subject, json.dumps(c.tags), c.signer, c.classified_by,
            json.dumps(c.references), c.source, c.text_length)


def cable_from_row(row: tuple[Any, ...], paragraphs: tuple[Paragraph, ...]) -> Cable:
    cid, date, cls, origin, subject, tags, signer, classified_by, refs, source, _ = row
    return Cable(cid, date, cls, origin, subject, tuple(json.loads(tags)), signer, classified_by,
                 tuple(json.loads(refs)), paragraphs, source)


def insert(db: sqlite3.Connection, cables: Iterable[Cable]) -> int:
    """Add cables (new reference IDs) with their paragraphs, full-text rows and quoted spans."""
    from .candidates import quoted_spans

    n = 0
    for c in cables:
        db.execute("INSERT INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?)", _cable_row(c))
        rows = []
        for p in c.paragraphs:
            cur = db.execute("INSERT INTO paragraphs(cable, number, marking, text, start, end, hash) VALUES (?,?,?,?,?,?,?)",
                             (c.id, p.number, p.marking, p.text, p.start, p.end, text_hash(p.text)))
            rows.append((cur.lastrowid, p.text))
        db.executemany("INSERT INTO para(rowid, text) VALUES (?, ?)", rows)
        db.executemany("INSERT INTO quoted VALUES (?, ?)",
                       [(k, r) for r, text in rows for k in dict.fromkeys(quoted_spans(text))])
        n += 1
    return n


def _delete(db: sqlite3.Connection, cable_id: str) -> None:
    rows = db.execute("SELECT rowid, text FROM paragraphs WHERE cable = ?", (cable_id,)).fetchall()
    db.executemany("INSERT INTO para(para, rowid, text) VALUES ('delete', ?, ?)", rows)
    db.executemany("DELETE FROM quoted WHERE para = ?", [(r,) for r, _ in rows])
    db.execute("DELETE FROM paragraphs WHERE cable = ?", (cable_id,))
    db.execute("DELETE FROM cables WHERE id = ?", (cable_id,))


def load_cable(db: sqlite3.Connection, cable_id: str) -> Cable | None:
    row = db.execute("SELECT * FROM cables WHERE id = ?", (cable_id,)).fetchone()
    if row is None:
        return None
    paras = tuple(Paragraph(cable_id, n, m, t, s, e) for n, m, t, s, e in db.execute(
        "SELECT number, marking, text, start, end FROM paragraphs WHERE cable = ? ORDER BY rowid", (cable_id,)))
    return cable_from_row(row, paras)


def upsert(db: sqlite3.Connection, c: Cable) -> str:
    """Add a cable, or merge it with the one of the same ID: 'added', 'replaced', 'kept'."""
    old = load_cable(db, c.id)
    if old is None:
        insert(db, [c])
        return "added"
    merged = cable_io.merge([old, c])[c.id]
    if merged.paragraphs is old.paragraphs:
        if merged != old:
            db.execute("DELETE FROM cables WHERE id = ?", (c.id,))
            db.execute("INSERT INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?)", _cable_row(merged))
        return "kept"
    _delete(db, c.id)
    insert(db, [merged])
    return "replaced"


# -- building ----------------------------------------------------------------------------------------

def _records(path: Path, skip: int) -> Iterator[tuple[int, list[Cable], float]]:
    """(record number, cables, share of the file read) for each record of a source after `skip`."""
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".json.gz", ".jsonl", ".json")):
        raw = open(path, "rb")  # noqa: SIM115 - closed below
        stream = gzip.open(raw, "rt", encoding="utf-8") if name.endswith(".gz") else open(path, encoding="utf-8")  # noqa: SIM115
        size = max(1, path.stat().st_size)
        try:
            for n, line in enumerate(stream, 1):
                if n <= skip:
                    continue
                yield n, list(cable_io.parse_jsonl([line], path.name, first_line=n)), raw.tell() / size
        finally:
            stream.close()
            raw.close()
    elif skip == 0:
        yield 1, cable_io.read_file(path), 1.0


def build(paths: Iterable[str | Path], out: str | Path, embed: bool = True, model: str | None = None,
          progress: Progress | None = None, batch: int = BATCH) -> dict[str, int]:
    """Build or extend the index in `out` from cable files and folders; returns counts."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = cable_io.expand_paths(paths)
    db = connect(out, writable=True)
    create(db)
    counts = {"added": 0, "replaced": 0, "kept": 0, "files": len(files), "skipped_files": 0}
    sizes = [f.stat().st_size for f in files]
    total_mb, before = max(1, sum(sizes) // 1_000_000), 0
    for f, size in zip(files, sizes, strict=True):
        before += size
        st = f.stat()
        key = str(f.resolve())
        row = db.execute("SELECT size, mtime, done, complete FROM sources WHERE path = ?", (key,)).fetchone()
        done = 0
        if row and row[0] == st.st_size and row[1] == st.st_mtime:
            if row[3]:
                counts["skipped_files"] += 1
                continue
            done = row[2]  # a build stopped inside this file: go on after its last commit
        pending = 0
        last = done
        for n, found, share in _records(f, done):
            for c in found:
                counts[upsert(db, c)] += 1
            last = n
            pending += 1
            if pending >= batch:
                db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,0)", (key, st.st_size, st.st_mtime, last))
                db.commit()
                pending = 0
            if progress:
                progress("reading cables (MB)", int((before - size + share * size) / 1_000_000), total_mb)
        db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,1)", (key, st.st_size, st.st_mtime, last))
        db.commit()
    n_cables = db.execute("SELECT count(*) FROM cables").fetchone()[0]
    if not n_cables:
        raise NoCablesError(", ".join(str(p) for p in files) or str(out))
    _build_null_sample(db)
    state = "{}:{}".format(*db.execute("SELECT count(*), max(rowid) FROM paragraphs").fetchone())
    if (db.execute("SELECT v FROM meta WHERE k = 'df_for'").fetchone() or [None])[0] != state:
        # word counts as a table: fts5vocab reads them from the full-text index at every lookup
        db.execute("DELETE FROM df")
        db.execute("INSERT INTO df SELECT term, doc FROM vocab")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('df_for', ?)", (state,))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%dT%H:%M:%S"),))
    db.commit()
    if embed:
        counts["embedded"] = embed_new(db, out, model, progress)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")  # one plain file again, readable from a read-only folder
    db.close()
    counts["cables"] = n_cables
    return counts


def _build_null_sample(db: sqlite3.Connection) -> None:
    """A fixed random sample of paragraphs with their content words, for `context.NullSample`."""
    from .tokens import content_keys

    rows = [r for (r,) in db.execute("SELECT rowid FROM paragraphs")]
    old = {r for (r,) in db.execute("SELECT para FROM null_sample")}
    if old and len(old) == min(NULL_SAMPLE, len(rows)) and old <= set(rows):
        return
    chosen = rows if len(rows) <= NULL_SAMPLE else random.Random(0).sample(rows, NULL_SAMPLE)
    db.execute("DELETE FROM null_sample")
    for lo in range(0, len(chosen), 5000):
        part = chosen[lo : lo + 5000]
        got = db.execute(
            f"SELECT p.rowid, p.text, c.subject FROM paragraphs p JOIN cables c ON c.id = p.cable "
            f"WHERE p.rowid IN ({','.join('?' * len(part))})", part).fetchall()
        db.executemany("INSERT INTO null_sample VALUES (?, ?)",
                       [(r, " ".join(sorted(set(content_keys(t + " " + (s or "")))))) for r, t, s in got])


def embed_new(db: sqlite3.Connection, out: Path, model: str | None, progress: Progress | None) -> int:
    """Embed every paragraph text not embedded yet; save the vector index as it goes."""
    from .embeddings import DEFAULT_MODEL, load_model

    name = model or DEFAULT_MODEL
    known = db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
    if known and known[0] != name:
        raise BadIndexError(out, f"its vectors were made with {known[0]!r}, not {name!r}; "
                                 f"build with --model {known[0]!r}, or into a new folder")
    todo_sql = ("SELECT p.hash, min(p.text) FROM paragraphs p LEFT JOIN embedded e ON e.hash = p.hash "
                "WHERE e.hash IS NULL GROUP BY p.hash")
    total = db.execute(f"SELECT count(*) FROM ({todo_sql})").fetchone()[0]
    if not total:
        return 0
    st_model = load_model(model)
    dim = getattr(st_model, "get_embedding_dimension", None) or st_model.get_sentence_embedding_dimension
    vectors = _open_vectors(out / VECTORS_NAME, dim(), writable=True)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (name,))
    db.commit()
    done = 0
    pending: list[int] = []
    rows = db.execute(todo_sql).fetchall()
    for lo in range(0, len(rows), EMBED_BATCH):
        part = [(h, t) for h, t in rows[lo : lo + EMBED_BATCH] if h not in vectors]
        if part:
            vecs = st_model.encode([t for _, t in part], batch_size=64, normalize_embeddings=True,
                                   show_progress_bar=False)
            vectors.add([h for h, _ in part], vecs)
        pending.extend(h for h, _ in rows[lo : lo + EMBED_BATCH])
        done += len(rows[lo : lo + EMBED_BATCH])
        if len(pending) >= EMBED_BATCH * EMBED_SAVE_EVERY or lo + EMBED_BATCH >= len(rows):
            _save_vectors(vectors, out / VECTORS_NAME)
            db.executemany("INSERT OR IGNORE INTO embedded VALUES (?)", [(h,) for h in pending])
            db.commit()
            pending = []
        if progress:
            progress("embedding paragraphs", done, total)
    return done


def _open_vectors(path: Path, ndim: int, writable: bool = False) -> Any:
    from usearch.index import Index

    index = Index(ndim=ndim, metric="cos", dtype="f16")
    if path.exists():
        if writable:
            index.load(str(path))
        else:
            index.view(str(path))
    return index


def _save_vectors(index: Any, path: Path) -> None:
    """Written beside, then renamed over: a kill never leaves a half-written vector index."""
    tmp = path.with_suffix(".tmp")
    index.save(str(tmp))
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


# -- opening -------------------------------------------------------------------------------------------

def is_index(path: str | Path) -> bool:
    return (Path(path) / DB_NAME).is_file()


def connect(directory: Path, writable: bool = False) -> sqlite3.Connection:
    path = directory / DB_NAME
    if writable:
        db = sqlite3.connect(str(path), check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db
    if not path.is_file():
        raise MissingPathError(str(path))
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    db.execute("PRAGMA mmap_size=1073741824")
    return db


def open_vectors(directory: Path, db: sqlite3.Connection) -> tuple[Any, str] | None:
    """The memory-mapped vector index and the model that made it, when the index has one."""
    path = directory / VECTORS_NAME
    row = db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
    if not path.is_file() or row is None:
        return None
    from usearch.index import Index

    index = Index.restore(str(path), view=True)
    if index is None:
        raise BadIndexError(directory, f"{VECTORS_NAME} is not a usearch index")
    return index, row[0]


def check_schema(directory: Path, db: sqlite3.Connection) -> None:
    try:
        row = db.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
    except sqlite3.DatabaseError as e:
        raise BadIndexError(directory, str(e)) from None
    if row is None or row[0] != SCHEMA_VERSION:
        raise BadIndexError(directory, f"schema {row[0] if row else '?'}, this compare reads {SCHEMA_VERSION}")


def stats(directory: Path) -> dict[str, Any]:
    db = connect(directory)
    check_schema(directory, db)
    size = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
    out = {
        "cables": db.execute("SELECT count(*) FROM cables").fetchone()[0],
        "paragraphs": db.execute("SELECT count(*) FROM paragraphs").fetchone()[0],
        "distinct_texts": db.execute("SELECT count(DISTINCT hash) FROM paragraphs").fetchone()[0],
        "embedded": db.execute("SELECT count(*) FROM embedded").fetchone()[0],
        "model": (db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone() or [None])[0],
        "bytes": size,
    }
    db.close()
    return out


