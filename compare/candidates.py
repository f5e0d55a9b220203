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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Cable, Paragraph
from .tokens import STOPWORDS, fold, keys, tokenize

# Words that a paragraph itself puts in quotation marks ("down", 'a phase of greater harmony').
QUOTED_SPAN_RE = re.compile(r"(?<!\w)[\"“‘'](?=[^\W_])([^\"“”‘’'\n]{1,80}?)(?<=[^\W_]|[.,!?])[\"”’'](?!\w)")
QUOTED_SPAN_MAX_WORDS = 8
COMMON = 200  # paragraphs: a phrase or word in more is common (its posting list is long)
BRACKETED = re.compile(r"\[[^\]\n]{0,80}\]")


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


class Cables(Mapping[str, Cable]):
    """The corpus's cables by reference ID, read from its database when first asked for."""

    def __init__(self, db: sqlite3.Connection) -> None:
        from .index import load_cable

        self.db = db
        self._get = lru_cache(maxsize=8192)(lambda cable_id: load_cable(db, cable_id))

    def __getitem__(self, cable_id: str) -> Cable:
        c = self._get(cable_id)
        if c is None:
            raise KeyError(cable_id)
        return c

    def __contains__(self, cable_id: object) -> bool:
        return isinstance(cable_id, str) and self._get(cable_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (cid for (cid,) in self.db.execute("SELECT id FROM cables ORDER BY id"))

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM cables").fetchone()[0])


class Corpus:
    """Cables and an FTS5 index of their paragraphs, in SQLite: in memory for cables parsed for one
    check (`from_cables`), or on disk for an index built earlier (`open`, see `index`)."""

    def __init__(self, db: sqlite3.Connection, directory: Path | None = None) -> None:
        self.db = db
        self.directory = directory
        self.cables = Cables(db)
        self.n_paragraphs = int(db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
        self.paragraph = lru_cache(maxsize=65536)(self._paragraph)
        self.df = lru_cache(maxsize=1 << 18)(self._df)
        self.phrase_count = lru_cache(maxsize=4096)(self._phrase_count)
        self.quoted_count = lru_cache(maxsize=4096)(self._quoted_count)
        try:
            self._df_table = "df" if db.execute("SELECT 1 FROM df LIMIT 1").fetchone() else "vocab"
        except sqlite3.OperationalError:  # an index from before the table
            self._df_table = "vocab"
        self._vectors: tuple[Any, str] | None | bool = False  # not looked for yet

    @classmethod
    def from_cables(cls, cables: dict[str, Cable]) -> Corpus:
        from .index import create, insert

        db = sqlite3.connect(":memory:", check_same_thread=False)
        create(db)
        insert(db, cables.values())
        db.commit()
        return cls(db)

    @classmethod
    def open(cls, directory: str | Path) -> Corpus:
        from .index import check_schema, connect

        directory = Path(directory)
        db = connect(directory)
        check_schema(directory, db)
        return cls(db, directory)

    def __len__(self) -> int:
        return len(self.cables)

    def _paragraph(self, row: int) -> Paragraph:
        """The paragraph stored in this row (`paragraph`, cached)."""
        cid, n, m, t, s, e = self.db.execute(
            "SELECT cable, number, marking, text, start, end FROM paragraphs WHERE rowid = ?", (row,)).fetchone()
        return Paragraph(cid, n, m, t, s, e)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph, in storage order (a cable's paragraphs together)."""
        for cid, n, m, t, s, e in self.db.execute(
                "SELECT cable, number, marking, text, start, end FROM paragraphs ORDER BY rowid"):
            yield Paragraph(cid, n, m, t, s, e)

    def row_of(self, p: Paragraph) -> int | None:
        row = self.db.execute("SELECT rowid FROM paragraphs WHERE cable = ? AND start = ? AND text = ?",
                              (p.cable_id, p.start, p.text)).fetchone()
        return row[0] if row else None

    def next_paragraph(self, p: Paragraph) -> Paragraph | None:
        row = self.row_of(p)
        nxt = self.db.execute("SELECT min(rowid) FROM paragraphs WHERE cable = ? AND rowid > ?",
                              (p.cable_id, row)).fetchone() if row is not None else None
        return self.paragraph(nxt[0]) if nxt and nxt[0] is not None else None

    def rows_of(self, cable_id: str) -> tuple[int, int]:
        """The row range [first, last] of a cable's paragraphs (they are stored together)."""
        lo, hi = self.db.execute("SELECT min(rowid), max(rowid) FROM paragraphs WHERE cable = ?", (cable_id,)).fetchone()
        return (lo, hi) if lo is not None else (0, -1)

    @property
    def vectors(self) -> tuple[Any, str] | None:
        """The index's memory-mapped paragraph vectors and their model, if it has them."""
        if self._vectors is False:
            from .index import open_vectors

            self._vectors = open_vectors(self.directory, self.db) if self.directory else None
        return self._vectors  # type: ignore[return-value]

    def rows_with_hash(self, keys: Iterable[int]) -> list[int]:
        keys = list(keys)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return [r for (r,) in self.db.execute(f"SELECT rowid FROM paragraphs WHERE hash IN ({marks})", keys)]

    def _df(self, term: str) -> int:
        """How many paragraphs hold this (folded) word (`df`, cached): from an index's table of word
        counts, or from the full-text index itself."""
        row = self.db.execute(f"SELECT doc FROM {self._df_table} WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    # -- statistics -----------------------------------------------------------------------------
    def _phrase_count(self, text: str) -> int:
        """How many paragraphs hold these words in this order (`phrase_count`, cached)."""
        words = _fts_words(text)
        if not words:
            return 0
        row = self.db.execute("SELECT count(*) FROM para WHERE para MATCH ?", ('"' + " ".join(words) + '"',)).fetchone()
        return int(row[0])

    def _quoted_count(self, text: str) -> int:
        """How many paragraphs put exactly these words in quotation marks (`quoted_count`, cached)."""
        row = self.db.execute("SELECT count(DISTINCT para) FROM quoted WHERE k = ?", (phrase_key(text),)).fetchone()
        return int(row[0])

    # -- retrieval ------------------------------------------------------------------------------
    def _query(self, match: str, limit: int, where: str = "", args: tuple[object, ...] = ()) -> list[Hit]:
        rows = self.db.execute(
            f"SELECT rowid, bm25(para) FROM para WHERE para MATCH ? {where} ORDER BY bm25(para) LIMIT ?",
            (match, *args, limit),
        ).fetchall()
        return [Hit(self.paragraph(r), rank) for r, rank in rows]

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
        if self.phrase_count(text) <= limit:  # every paragraph that holds it
            return self._query(match, limit)
        telling = [w for w in context if self.df(w) <= self.telling_df]
        return self._query(f"{match} AND ({self._any_match(telling)})", limit) if telling else []

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
        return [self.paragraph(r) for (r,) in rows.fetchall()]

    @property
    def telling_df(self) -> int:
        """A word in more paragraphs than this (one in fifty) says little about where a quote is from,
        and its posting list is long."""
        return max(COMMON, self.n_paragraphs // 50)

    def rare_words(self, text: str, most: int) -> list[str]:
        """The `most` rarest content words of `text` that the corpus holds (bracketed words left out:
        they are the article's, not the cable's), rarest first."""
        text = BRACKETED.sub(" ", text)
        words = {fold(t.text) for t in tokenize(text) if t.key not in STOPWORDS and len(t.key) > 2 and t.text != "%"}
        held = [(self.df(w), w) for w in words if w.isalnum()]
        return [w for df, w in sorted(x for x in held if x[0])][:most]

    def lexical(self, text: str, limit: int = 30) -> list[Hit]:
        """Paragraphs holding at least two of the quote's five rarest words (one, for a quote that has
        only one). A conjunction of rare words costs as little as their posting lists, which a
        disjunction of common ones does not; and a changed word still leaves pairs that hold."""
        words = self.rare_words(text, 5)
        telling = [w for w in words if self.df(w) <= self.telling_df]
        words = telling if len(telling) >= 2 else words
        if not words or (len(words) == 1 and not telling):
            return []
        if len(words) == 1:
            return self._query(self._any_match(words), limit)
        pairs = [f'("{a}" AND "{b}")' for i, a in enumerate(words) for b in words[i + 1 :]]
        return self._query(" OR ".join(pairs), limit)

    def loose(self, text: str, limit: int = 10) -> list[Hit]:
        """Paragraphs sharing any of the quote's rarer words: the last resort, for a paraphrase."""
        words = [w for w in self.rare_words(text, 8) if self.df(w) <= self.telling_df]
        return self._query(self._any_match(words), limit) if words else []

    def by_rare_words(self, segments: Iterable[str], limit: int = 20) -> list[Paragraph]:
        """The paragraphs that hold all three of a long quote's rarest words: where a faithful quote
        comes from, found from the shortest posting lists."""
        words = self.rare_words(" ".join(segments), 3)
        if len(words) < 2:
            return []
        return _unique(self._query(" AND ".join(f'"{w}"' for w in words), limit))

    def search(self, segments: Iterable[str], limit: int = 10, context: Iterable[str] = (),
               cited: Iterable[str] = ()) -> list[Paragraph]:
        """Candidates for a quote given as its ellipsis-separated segments, best first, no repeats.

        A long quote: the paragraphs that hold all its rarest words (`by_rare_words`), those that
        hold pairs of them (`lexical`: also finds a quote whose words were changed), and, when those
        are few, those that share any (`loose`). A short quote: the paragraphs that hold the
        phrase, ranked by `context` (words around the quote in the article), those of `cited`
        cables (quoted elsewhere in the article), and those that put the words in quotation marks
        themselves."""
        segments = [s for s in segments if s.strip()]
        whole = " ".join(segments)
        n_words = len(re.findall(r"\w+", whole))
        hits: list[Hit] = []
        if n_words <= 4:
            hits += self.phrase_within(whole, cited)
            hits += self.phrase(whole, 50, context)
            if n_words == 4:
                hits += self.lexical(whole, 5)
            return _unique(hits, self.quoting(whole))
        found = self.by_rare_words(segments, limit)
        hits += self.lexical(whole, limit)
        if len(segments) > 1:
            for s in segments:
                hits += self.lexical(s, 5)
        if len(found) + len(hits) < limit:
            hits += self.loose(whole, limit)
        return _unique([Hit(p, 0.0) for p in found] + hits)


def _unique(hits: list[Hit], more: Iterable[Paragraph] = ()) -> list[Paragraph]:
    seen: dict[tuple[str, int], Paragraph] = {}
    for p in [h.paragraph for h in hits] + list(more):
        seen.setdefault((p.cable_id, p.start), p)
    return list(seen.values())
