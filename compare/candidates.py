"""Candidate retrieval: which paragraphs might a quote come from.

Lexical first, with SQLite FTS5 and BM25 over every paragraph (diacritics folded): a phrase query
for short quotes, an OR of the quote's content words for longer ones. The semantic stage
(`embeddings`) only ever looks at what this stage returns, so a check never embeds a whole corpus.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Cable, Paragraph
from .tokens import STOPWORDS, tokenize


@dataclass(frozen=True)
class Hit:
    paragraph: Paragraph
    rank: float  # BM25 (lower is better, as SQLite gives it)


class Corpus:
    """Cables and an in-memory FTS5 index of their paragraphs."""

    def __init__(self, cables: dict[str, Cable]) -> None:
        self.cables = cables
        self.paragraphs: list[Paragraph] = [p for c in cables.values() for p in c.paragraphs]
        self.position = {(p.cable_id, p.number): i for i, p in enumerate(self.paragraphs)}
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE para USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany(
            "INSERT INTO para(rowid, text) VALUES (?, ?)", ((i, p.text) for i, p in enumerate(self.paragraphs))
        )

    def __len__(self) -> int:
        return len(self.cables)

    def next_paragraph(self, p: Paragraph) -> Paragraph | None:
        i = self.position.get((p.cable_id, p.number))
        if i is None or i + 1 >= len(self.paragraphs):
            return None
        q = self.paragraphs[i + 1]
        return q if q.cable_id == p.cable_id else None

    def _query(self, match: str, limit: int) -> list[Hit]:
        rows = self.db.execute(
            "SELECT rowid, bm25(para) FROM para WHERE para MATCH ? ORDER BY bm25(para) LIMIT ?", (match, limit)
        ).fetchall()
        return [Hit(self.paragraphs[r], rank) for r, rank in rows]

    def phrase(self, text: str, limit: int = 200) -> list[Hit]:
        """Paragraphs holding these words in this order."""
        words = [t.text for t in tokenize(text) if t.text != "%"]
        if not words:
            return []
        return self._query('"' + " ".join(w.replace('"', "") for w in words) + '"', limit)

    def lexical(self, text: str, limit: int = 30) -> list[Hit]:
        """Paragraphs sharing the most (and rarest) content words with `text`."""
        words = dict.fromkeys(
            t.text.lower() for t in tokenize(text) if t.key not in STOPWORDS and len(t.key) > 2 and t.text != "%"
        )
        if not words:
            return []
        return self._query(" OR ".join('"' + w.replace('"', "") + '"' for w in words), limit)

    def search(self, segments: Iterable[str], limit: int = 10) -> list[Paragraph]:
        """Candidates for a quote given as its ellipsis-separated segments, best first, no repeats."""
        seen: dict[tuple[str, int | None], Paragraph] = {}
        segments = [s for s in segments if s.strip()]
        whole = " ".join(segments)
        n_words = len(re.findall(r"\w+", whole))
        hits: list[Hit] = []
        if n_words <= 4:
            hits += self.phrase(whole)
        hits += self.lexical(whole, limit if n_words > 4 else 5)
        if len(segments) > 1:
            for s in segments:
                hits += self.lexical(s, 5)
        for h in hits:
            seen.setdefault((h.paragraph.cable_id, h.paragraph.number), h.paragraph)
        return list(seen.values())
