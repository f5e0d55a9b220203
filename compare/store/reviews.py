"""Editors' verdicts on quotes: accepted, flagged, and a note, kept in a local SQLite file; and an
editor's correction of what an article says about itself (outlet, author, date), kept beside them.

A review is keyed by the article's content hash (SHA-256 of its decoded text) and the quote's
character offsets, so it survives restarts and re-runs, and follows the article under another file
name; an edited article is a new article. Reviews go out with the report (`annotate`).

Safe under concurrent editors: the review app serves every browser session from one store, each
session in its own thread, and several app processes may share one file. Each thread has its own
connection; the file is in WAL mode (readers never block the writer); each write is one
`BEGIN IMMEDIATE` transaction, retried while another writer holds the lock, and either commits or
raises `ReviewStoreError`: a write is never lost silently.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ..errors import ReviewStoreError
from ..model import ArticleMeta

BUSY_TIMEOUT_MS = 5_000  # SQLite waits this long for a lock before it reports "database is locked"
RETRIES = 6  # then the write is tried again this many times, with a growing pause


class Status(str, Enum):
    UNREVIEWED = "unreviewed"
    ACCEPTED = "accepted"
    FLAGGED = "flagged"


@dataclass(frozen=True)
class Review:
    status: Status = Status.UNREVIEWED
    note: str = ""
    updated: str = ""


def default_path() -> Path:
    base = os.environ.get("COMPARE_REVIEWS") or os.path.join(
        os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share")), "compare", "reviews.sqlite")
    return Path(base)


class ReviewStore:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self._local = threading.local()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._write("CREATE TABLE IF NOT EXISTS reviews(article TEXT, start INTEGER, end INTEGER, status TEXT, "
                        "note TEXT, updated TEXT, PRIMARY KEY(article, start, end))", ())
            self._write("CREATE TABLE IF NOT EXISTS article_meta(article TEXT PRIMARY KEY, outlet TEXT, author TEXT, "
                        "date TEXT, updated TEXT)", ())
        except OSError as e:
            raise ReviewStoreError(self.path, str(e)) from None

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
                db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.Error as e:
                raise ReviewStoreError(self.path, str(e)) from None
            self._local.db = db
        return db

    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        """One statement in its own immediate transaction: committed, or an error raised."""
        last = ""
        for attempt in range(RETRIES + 1):
            db = self._db()
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.execute(sql, args)
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
                return
            except sqlite3.OperationalError as e:
                last = str(e)
                if "locked" not in last and "busy" not in last:
                    break
                time.sleep(0.05 * (attempt + 1))
            except sqlite3.Error as e:
                last = str(e)
                break
        raise ReviewStoreError(self.path, f"the review could not be saved ({last})")

    def _read(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        try:
            return self._db().execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise ReviewStoreError(self.path, f"the reviews could not be read ({e})") from None

    def get(self, article_sha: str, start: int, end: int) -> Review:
        rows = self._read("SELECT status, note, updated FROM reviews WHERE article = ? AND start = ? AND end = ?",
                          (article_sha, start, end))
        return Review(Status(rows[0][0]), rows[0][1], rows[0][2]) if rows else Review()

    def set(self, article_sha: str, start: int, end: int, status: Status | str, note: str = "") -> Review:
        review = Review(Status(status), note, time.strftime("%Y-%m-%dT%H:%M:%S"))
        self._write("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?)",
                    (article_sha, start, end, review.status.value, review.note, review.updated))
        return review

    def of_article(self, article_sha: str) -> dict[tuple[int, int], Review]:
        rows = self._read("SELECT start, end, status, note, updated FROM reviews WHERE article = ?", (article_sha,))
        return {(s, e): Review(Status(st), n, u) for s, e, st, n, u in rows}


    # -- an article's outlet, author and date, as an editor corrected them --------------------------------

    def correct_meta(self, article_sha: str, outlet: str | None, author: str | None, date: str | None) -> None:
        """Keep an editor's outlet, author and date for the article (keyed by its content hash, as the
        reviews): each as given, an empty one meaning "not stated"."""
        clean = [" ".join((v or "").split()) or None for v in (outlet, author, date)]
        self._write("INSERT OR REPLACE INTO article_meta VALUES (?, ?, ?, ?, ?)",
                    (article_sha, *clean, time.strftime("%Y-%m-%dT%H:%M:%S")))

    def clear_meta(self, article_sha: str) -> None:
        """Forget the editor's correction: the article's own metadata again."""
        self._write("DELETE FROM article_meta WHERE article = ?", (article_sha,))

    def meta_correction(self, article_sha: str) -> tuple[str | None, str | None, str | None] | None:
        """The editor's (outlet, author, date) for the article, or None when nobody corrected it."""
        rows = self._read("SELECT outlet, author, date FROM article_meta WHERE article = ?", (article_sha,))
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def meta_of(self, article_sha: str, read: ArticleMeta) -> ArticleMeta:
        """The article's metadata as read from it (`read`), with the editor's correction over it."""
        fixed = self.meta_correction(article_sha)
        if fixed is None:
            return read
        return ArticleMeta(read.headline, *fixed)


def annotate(record: dict[str, Any], review: Review) -> dict[str, Any]:
    """A report record with the editor's verdict added (`editor_status`, `editor_note`, `editor_updated`)."""
    return {**record, "editor_status": review.status.value, "editor_note": review.note, "editor_updated": review.updated}
