"""Candidate retrieval: which paragraphs might a quote come from.

Lexical first, with SQLite FTS5 and BM25 over every paragraph (diacritics folded): a phrase query
for short quotes, an OR of the quote's content words for longer ones. A short quote's phrase query
is also ranked by the words around the quote in the article, and every paragraph that itself puts
the words in quotation marks is a candidate. The semantic stage (`embeddings`) only ever looks at
what this stage returns, so a check never embeds a whole corpus.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Cable, Paragraph
from .tokens import STOPWORDS, keys, tokenize

# Words that a paragraph itself puts in quotation marks ("down", 'a phase of greater harmony').
QUOTED_SPAN_RE = re.compile(r"(?<!\w)[\"“‘'](?=[^\W_])([^\"“”‘’'\n]{1,80}?)(?<=[^\W_]|[.,!?])[\"”’'](?!\w)")
QUOTED_SPAN_MAX_WORDS = 8


@dataclass(frozen=True)
class Hit:
    paragraph: Paragraph
    rank: float  # BM25 (lower is better, as SQLite gives it)


def phrase_key(text: str) -> str:
    """The folded keys of a phrase's words, space-joined: how quoted spans are looked up."""
    return " ".join(keys(text))


def quoted_spans(text: str) -> Iterator[str]:
    """The phrase keys of the short spans a paragraph puts in quotation marks."""
    for m in QUOTED_SPAN_RE.finditer(text):
        key = phrase_key(m.group(1))
        if key and key.count(" ") < QUOTED_SPAN_MAX_WORDS:
            yield key


def _fts_words(text: str) -> list[str]:
    return [t.text.replace('"', "") for t in tokenize(text) if t.text != "%"]


class Corpus:
    """Cables and an in-memory FTS5 index of their paragraphs."""

    def __init__(self, cables: dict[str, Cable]) -> None:
        self.cables = cables
        self.paragraphs: list[Paragraph] = [p for c in cables.values() for p in c.paragraphs]
        # a paragraph's row; (cable, start offset) is unique even where cables have no paragraph numbers
        self.position = {(p.cable_id, p.start): i for i, p in enumerate(self.paragraphs)}
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("CREATE VIRTUAL TABLE para USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany(
            "INSERT INTO para(rowid, text) VALUES (?, ?)", ((i, p.text) for i, p in enumerate(self.paragraphs))
        )
        self.db.execute("CREATE TABLE quoted(k TEXT, para INTEGER)")
        self.db.executemany(
            "INSERT INTO quoted VALUES (?, ?)",
            ((k, i) for i, p in enumerate(self.paragraphs) for k in dict.fromkeys(quoted_spans(p.text))),
        )
        self.db.execute("CREATE INDEX quoted_k ON quoted(k)")

    def __len__(self) -> int:
        return len(self.cables)

    def next_paragraph(self, p: Paragraph) -> Paragraph | None:
        i = self.position.get((p.cable_id, p.start))
        if i is None or i + 1 >= len(self.paragraphs):
            return None
        q = self.paragraphs[i + 1]
        return q if q.cable_id == p.cable_id else None

    def rows_of(self, cable_id: str) -> tuple[int, int]:
        """The row range [first, last] of a cable's paragraphs (they are stored together)."""
        cable = self.cables[cable_id]
        first = self.position[(cable_id, cable.paragraphs[0].start)]
        return first, first + len(cable.paragraphs) - 1

    # -- statistics -----------------------------------------------------------------------------
    def phrase_count(self, text: str) -> int:
        """How many paragraphs hold these words in this order."""
        words = _fts_words(text)
        if not words:
            return 0
        row = self.db.execute("SELECT count(*) FROM para WHERE para MATCH ?", ('"' + " ".join(words) + '"',)).fetchone()
        return int(row[0])

    def quoted_count(self, text: str) -> int:
        """How many paragraphs put exactly these words in quotation marks."""
        row = self.db.execute("SELECT count(DISTINCT para) FROM quoted WHERE k = ?", (phrase_key(text),)).fetchone()
        return int(row[0])

    # -- retrieval ------------------------------------------------------------------------------
    def _query(self, match: str, limit: int, where: str = "", args: tuple[object, ...] = ()) -> list[Hit]:
        rows = self.db.execute(
            f"SELECT rowid, bm25(para) FROM para WHERE para MATCH ? {where} ORDER BY bm25(para) LIMIT ?",
            (match, *args, limit),
        ).fetchall()
        return [Hit(self.paragraphs[r], rank) for r, rank in rows]

    @staticmethod
    def _phrase_match(text: str) -> str:
        words = _fts_words(text)
        return '"' + " ".join(words) + '"' if words else ""

    @staticmethod
    def _any_match(words: Iterable[str]) -> str:
        return " OR ".join('"' + w.replace('"', "") + '"' for w in dict.fromkeys(words))

    def phrase(self, text: str, limit: int = 200, context: Iterable[str] = ()) -> list[Hit]:
        """Paragraphs holding these words in this order; with `context` words, the paragraphs that
        also hold the most (and rarest) of them come first."""
        match = self._phrase_match(text)
        if not match:
            return []
        ctx = self._any_match(context)
        hits = self._query(f"{match} AND ({ctx})", limit) if ctx else []
        return hits + self._query(match, limit)

    def phrase_within(self, text: str, cable_ids: Iterable[str]) -> list[Hit]:
        """Paragraphs of these cables that hold these words in this order."""
        match = self._phrase_match(text)
        hits: list[Hit] = []
        for cid in cable_ids:
            if match and cid in self.cables:
                lo, hi = self.rows_of(cid)
                hits += self._query(match, 50, "AND rowid BETWEEN ? AND ?", (lo, hi))
        return hits

    def quoting(self, text: str, limit: int = 50) -> list[Paragraph]:
        """Paragraphs that put exactly these words in quotation marks."""
        rows = self.db.execute("SELECT DISTINCT para FROM quoted WHERE k = ? LIMIT ?", (phrase_key(text), limit))
        return [self.paragraphs[r] for (r,) in rows]

    def lexical(self, text: str, limit: int = 30) -> list[Hit]:
        """Paragraphs sharing the most (and rarest) content words with `text`."""
        words = [t.text.lower() for t in tokenize(text) if t.key not in STOPWORDS and len(t.key) > 2 and t.text != "%"]
        if not words:
            return []
        return self._query(self._any_match(words), limit)

    def search(self, segments: Iterable[str], limit: int = 10, context: Iterable[str] = (),
               cited: Iterable[str] = ()) -> list[Paragraph]:
        """Candidates for a quote given as its ellipsis-separated segments, best first, no repeats.

        For a short quote, `context` (words around the quote in the article) ranks the paragraphs
        holding the phrase, and `cited` (cables the article quotes elsewhere) are searched whole."""
        seen: dict[tuple[str, int], Paragraph] = {}
        segments = [s for s in segments if s.strip()]
        whole = " ".join(segments)
        n_words = len(re.findall(r"\w+", whole))
        hits: list[Hit] = []
        if n_words <= 4:
            hits += self.phrase_within(whole, cited)
            hits += self.phrase(whole, 50, context)
        hits += self.lexical(whole, limit if n_words > 4 else 5)
        if len(segments) > 1:
            for s in segments:
                hits += self.lexical(s, 5)
        for h in hits:
            seen.setdefault((h.paragraph.cable_id, h.paragraph.start), h.paragraph)
        if n_words <= 4:
            for p in self.quoting(whole):
                seen.setdefault((p.cable_id, p.start), p)
        return list(seen.values())
