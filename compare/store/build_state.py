"""What index builds leave in an index folder, read and written for the builder (`compare.indexing`):
how far each source file was read, which paragraph texts have vectors, and the index's figures
(`stats`). The store only stores: reading cables and encoding texts are the builder's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema


@dataclass(frozen=True)
class IndexStats:
    cables: int
    paragraphs: int
    distinct_texts: int
    embedded: int
    model: str | None
    bytes: int


def source_state(db: Any, key: str) -> tuple[int, float, int, bool] | None:
    """(size, mtime, records done, complete) of a source file an earlier build read, if one did."""
    row = db.execute("SELECT size, mtime, done, complete FROM sources WHERE path = ?", (key,)).fetchone()
    return (row[0], row[1], row[2], bool(row[3])) if row else None


def mark_source(db: Any, key: str, size: int, mtime: float, done: int, complete: bool) -> None:
    """Commit a source file's progress with the cables read from it."""
    db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?)", (key, size, mtime, done, int(complete)))
    db.commit()


def cable_count(db: Any) -> int:
    return int(db.execute("SELECT count(*) FROM cables").fetchone()[0])


def paragraph_count(db: Any) -> int:
    return int(db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])


def paragraph_texts(db: Any) -> Iterator[tuple[int, str]]:
    """(row, text) of every paragraph, subject lines too, in row order."""
    yield from db.execute("SELECT rowid, text FROM paragraphs ORDER BY rowid")


def texts_to_embed(db: Any) -> list[tuple[int, str]]:
    """(hash, text) of every paragraph text without a vector yet (subject lines have none)."""
    return db.execute("SELECT p.hash, min(p.text) FROM paragraphs p LEFT JOIN embedded e ON e.hash = p.hash "
                      "WHERE e.hash IS NULL AND p.start != ? GROUP BY p.hash", (schema.SUBJECT_OFFSET,)).fetchall()


def mark_embedded(db: Any, hashes: Iterable[int]) -> None:
    db.executemany("INSERT OR IGNORE INTO embedded VALUES (?)", [(h,) for h in hashes])
    db.commit()


def close_for_reading(db: Any) -> None:
    """Close a written index as one plain file again, readable from a read-only folder."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()


def stats(directory: Path) -> IndexStats:
    db = schema.connect(directory)
    schema.check_schema(directory, db)
    schema.quick_check(directory, db)  # `index info` says whether every page is sound
    size = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
    out = IndexStats(
        cables=db.execute("SELECT count(*) FROM cables").fetchone()[0],
        paragraphs=db.execute("SELECT count(*) FROM paragraphs WHERE start != ?", (schema.SUBJECT_OFFSET,)).fetchone()[0],
        distinct_texts=db.execute("SELECT count(DISTINCT hash) FROM paragraphs WHERE start != ?",
                                  (schema.SUBJECT_OFFSET,)).fetchone()[0],
        embedded=db.execute("SELECT count(*) FROM embedded").fetchone()[0],
        model=schema.meta(db, "model"),
        bytes=size,
    )
    db.close()
    return out
