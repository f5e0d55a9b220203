"""The corpus database: its schema, connections, and the statements that write cables into it.

One schema backs both the in-memory corpus of an ad-hoc check and an index folder built by
`compare index build`, so a check reads an index exactly as it reads cables parsed a moment ago.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import sqlite3
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from ..errors import BadIndexError, DamagedIndexError, MissingPathError
from ..model import Cable, Paragraph
from ..tokens import content_keys, quoted_spans
from ..weights import NULL_SAMPLE_SEED, NULL_SAMPLE_SIZE

DB_NAME = "index.sqlite"
VECTORS_NAME = "vectors.usearch"
SCHEMA_VERSION = "4"  # 2: subject lines as paragraph 0; 3: "thirty-one" one key; 4: "per cent", currency signs

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


class Upsert(str, Enum):
    """What adding a cable did to the corpus."""

    ADDED = "added"
    REPLACED = "replaced"  # the same ID with fuller text
    KEPT = "kept"  # the same ID; the stored text was as full (metadata may have been filled in)


def text_hash(text: str) -> int:
    """A paragraph's content key: 63 bits of its SHA-1 (a vector index key, a SQLite integer)."""
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big") >> 1


def create(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)
    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


def is_index(path: str | Path) -> bool:
    return (Path(path) / DB_NAME).is_file()


def connect(directory: Path, writable: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """The index's database. Read-only by default; `immutable`: opened as a file nothing changes
    while it is read (SQLite takes no locks and writes nothing beside it: safe on a shared or
    read-only file system, and for any number of workers; only for an index no build is writing)."""
    path = directory / DB_NAME
    if writable:
        db = sqlite3.connect(str(path), check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db
    if not path.is_file():
        raise MissingPathError(str(path))
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    db = sqlite3.connect(uri, uri=True, check_same_thread=False)
    db.execute("PRAGMA mmap_size=1073741824")
    return db


TABLES = ("meta", "cables", "paragraphs", "para", "vocab", "quoted", "sources", "embedded", "null_sample", "df")
FINGERPRINT = "index.fingerprint"  # the database file as the last build left it (size, time, pages)
OPENED: list[Path] = []  # the index folders opened, the last last (named when a read finds damage)


def check_schema(directory: Path | str, db: sqlite3.Connection) -> None:
    """An index opened for reading: its tables all there and of this release's schema, and the file as
    its build left it (by its fingerprint; where that differs or is missing, SQLite's quick check of
    every page). A foreign or damaged database is refused with what to do."""
    directory = Path(directory)
    OPENED[:] = [directory]
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in TABLES if t not in names]
        if "meta" in missing:
            raise BadIndexError(directory, f"{DB_NAME} is no compare index (no table meta)")
        if missing:
            raise DamagedIndexError(directory, f"table {missing[0]} is missing")
        row = db.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            raise BadIndexError(directory, f"schema {row[0] if row else '?'}, this compare reads {SCHEMA_VERSION}")
        if file_stamp(directory) != _stored_fingerprint(directory):
            quick_check(directory, db)
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e):  # foreign, or its first page overwritten
            raise BadIndexError(directory, f"{DB_NAME} is not a SQLite database") from None
        raise DamagedIndexError(directory, str(e)) from None


def quick_check(directory: Path, db: sqlite3.Connection) -> None:
    """SQLite's quick check of every page (about 0.2 s for 100 MB); damage is refused."""
    try:
        row = db.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as e:
        raise DamagedIndexError(directory, str(e)) from None
    if not row or row[0] != "ok":
        raise DamagedIndexError(directory, " ".join(str(row[0] if row else "no answer from the quick check").split()))


def file_stamp(directory: Path) -> str:
    """The database file as it stands (size, modification time): a cheap check that nothing wrote it
    since the build (`FINGERPRINT`), before a quick check of every page is run instead."""
    try:
        st = (directory / DB_NAME).stat()
    except OSError:
        return ""
    return f"{st.st_size} {st.st_mtime_ns}"


def _stored_fingerprint(directory: Path) -> str:
    try:
        return (directory / FINGERPRINT).read_text(encoding="utf-8").strip()
    except OSError:
        return "-"


def write_fingerprint(directory: Path) -> None:
    """After a build has closed the database: what a later read compares the file with."""
    with contextlib.suppress(OSError):  # without one, a read runs the quick check
        (directory / FINGERPRINT).write_text(file_stamp(directory) + "\n", encoding="utf-8")


def fingerprint(db: sqlite3.Connection) -> str:
    """What a check's answers depend on in a corpus, as one hash: the schema version, every cable's
    metadata, every paragraph's place and text (its content hash), the embedding model, which texts
    are embedded and how many sentences the multilingual index holds. The same cables give the same
    fingerprint however the index was built (one process or a cluster, in any order of files)."""
    h = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for row in db.execute("SELECT * FROM cables ORDER BY id"):
        h.update(json.dumps([*row[:9], row[10]], ensure_ascii=False).encode("utf-8"))  # not `source`: where it was read
        for p in db.execute("SELECT number, marking, start, end, hash FROM paragraphs WHERE cable = ? ORDER BY rowid",
                            (row[0],)):
            h.update(repr(p).encode())
    h.update(f"model {meta(db, 'model')}\n".encode())
    for (k,) in db.execute("SELECT hash FROM embedded ORDER BY hash"):
        h.update(k.to_bytes(8, "big"))
    h.update(f"sentences {meta(db, 'sentences')}\n".encode())
    return h.hexdigest()[:32]


def meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


# -- cables in and out -------------------------------------------------------------------------------

def _cable_row(c: Cable) -> tuple[Any, ...]:
    return (c.id, c.date, c.classification, c.origin, c.subject, json.dumps(c.tags), c.signer, c.classified_by,
            json.dumps(c.references), c.source, c.text_length)


def cable_from_row(row: tuple[Any, ...], paragraphs: tuple[Paragraph, ...]) -> Cable:
    cid, date, cls, origin, subject, tags, signer, classified_by, refs, source, _ = row
    return Cable(cid, date, cls, origin, subject, tuple(json.loads(tags)), signer, classified_by,
                 tuple(json.loads(refs)), paragraphs, source)


SUBJECT = 0  # the paragraph number of a cable's subject line (CONTRACT.md): articles quote subjects too
SUBJECT_OFFSET = -1  # it has no place in the body: start and end are -1


def _subject(c: Cable) -> list[Paragraph]:
    return [Paragraph(c.id, SUBJECT, None, c.subject, SUBJECT_OFFSET, SUBJECT_OFFSET)] if c.subject else []


def insert(db: sqlite3.Connection, cables: Iterable[Cable]) -> int:
    """Add cables (new reference IDs) with their paragraphs, full-text rows and quoted spans. The
    subject line is stored and searched as paragraph 0; it is not one of `Cable.paragraphs`."""
    n = 0
    for c in cables:
        db.execute("INSERT INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?)", _cable_row(c))
        rows = []
        for p in [*_subject(c), *c.paragraphs]:
            cur = db.execute("INSERT INTO paragraphs(cable, number, marking, text, start, end, hash) VALUES (?,?,?,?,?,?,?)",
                             (c.id, p.number, p.marking, p.text, p.start, p.end, text_hash(p.text)))
            rows.append((cur.lastrowid, p.text))
        db.executemany("INSERT INTO para(rowid, text) VALUES (?, ?)", rows)
        db.executemany("INSERT INTO quoted VALUES (?, ?)",
                       [(k, r) for r, text in rows for k in dict.fromkeys(quoted_spans(text))])
        n += 1
    return n


def delete(db: sqlite3.Connection, cable_id: str) -> None:
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
        "SELECT number, marking, text, start, end FROM paragraphs WHERE cable = ? AND start != ? ORDER BY rowid",
        (cable_id, SUBJECT_OFFSET)))
    return cable_from_row(row, paras)


def replace_metadata(db: sqlite3.Connection, c: Cable) -> None:
    """New metadata for a stored cable whose paragraphs stay (the subject line, paragraph 0, with it)."""
    old = db.execute("SELECT subject FROM cables WHERE id = ?", (c.id,)).fetchone()
    db.execute("DELETE FROM cables WHERE id = ?", (c.id,))
    db.execute("INSERT INTO cables VALUES (?,?,?,?,?,?,?,?,?,?,?)", _cable_row(c))
    if old and old[0] != c.subject:  # the whole cable again: its rows must stay together and in order
        delete(db, c.id)
        insert(db, [c])


# -- statistics stored with the corpus ------------------------------------------------------------------

def build_null_sample(db: sqlite3.Connection) -> None:
    """A fixed random sample of paragraphs with their content words (and their cable's subject's),
    for the short-quote chance test (`pipeline.chance.NullSample`). The one place it is drawn."""
    rows = [r for (r,) in db.execute("SELECT rowid FROM paragraphs")]
    old = {r for (r,) in db.execute("SELECT para FROM null_sample")}
    if old and len(old) == min(NULL_SAMPLE_SIZE, len(rows)) and old <= set(rows):
        return
    chosen = rows if len(rows) <= NULL_SAMPLE_SIZE else random.Random(NULL_SAMPLE_SEED).sample(rows, NULL_SAMPLE_SIZE)
    db.execute("DELETE FROM null_sample")
    for lo in range(0, len(chosen), 5000):
        part = chosen[lo : lo + 5000]
        got = db.execute(
            f"SELECT p.rowid, p.text, c.subject FROM paragraphs p JOIN cables c ON c.id = p.cable "
            f"WHERE p.rowid IN ({','.join('?' * len(part))})", part).fetchall()
        db.executemany("INSERT INTO null_sample VALUES (?, ?)",
                       [(r, " ".join(sorted(set(content_keys(t + " " + (s or "")))))) for r, t, s in got])


def build_word_counts(db: sqlite3.Connection) -> None:
    """Word counts as a table (fts5vocab reads them from the full-text index at every lookup)."""
    state = "{}:{}".format(*db.execute("SELECT count(*), max(rowid) FROM paragraphs").fetchone())
    if meta(db, "df_for") != state:
        db.execute("DELETE FROM df")
        db.execute("INSERT INTO df SELECT term, doc FROM vocab")
        set_meta(db, "df_for", state)
