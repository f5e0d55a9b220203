"""Editors' verdicts on quotes: accepted, flagged, and a note, kept in a local SQLite file.

A review is keyed by the article's content hash (SHA-256 of its decoded text) and the quote's
character offsets, so it survives restarts and re-runs, and follows the article under another file
name; an edited article is a new article. Reviews go out with the report (`annotate`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any


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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), check_same_thread=False)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS reviews(article TEXT, start INTEGER, end INTEGER, status TEXT, note TEXT, "
            "updated TEXT, PRIMARY KEY(article, start, end))")
        self.db.commit()

    def get(self, article_sha: str, start: int, end: int) -> Review:
        row = self.db.execute("SELECT status, note, updated FROM reviews WHERE article = ? AND start = ? AND end = ?",
                              (article_sha, start, end)).fetchone()
        return Review(Status(row[0]), row[1], row[2]) if row else Review()

    def set(self, article_sha: str, start: int, end: int, status: Status | str, note: str = "") -> Review:
        review = Review(Status(status), note, time.strftime("%Y-%m-%dT%H:%M:%S"))
        self.db.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?, ?)",
                        (article_sha, start, end, review.status.value, review.note, review.updated))
        self.db.commit()
        return review

    def of_article(self, article_sha: str) -> dict[tuple[int, int], Review]:
        rows = self.db.execute("SELECT start, end, status, note, updated FROM reviews WHERE article = ?", (article_sha,))
        return {(s, e): Review(Status(st), n, u) for s, e, st, n, u in rows}


def annotate(record: dict[str, Any], review: Review) -> dict[str, Any]:
    """A report record with the editor's verdict added (`editor_status`, `editor_note`, `editor_updated`)."""
    return {**record, "editor_status": review.status.value, "editor_note": review.note, "editor_updated": review.updated}
