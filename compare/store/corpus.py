"""The corpus store: cables and their paragraphs in SQLite with an FTS5 index, their statistics,
and the paragraph vectors. Every read the pipeline makes of the corpus goes through here.

In memory for cables parsed for one check (`CorpusStore.in_memory`), or on disk for an index
built earlier (`CorpusStore.open`, see `indexing.build`). Retrieval *policy* (which words to look
for, in what order) is the pipeline's (`pipeline.candidates`); this module only answers queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Cable, Paragraph
from ..tokens import STOPWORDS, phrase_key, tokenize
from ..weights import COMMON_PARAGRAPHS, COMMON_SHARE
from . import schema
from .sentences import SentenceIndex
from .vectors import VectorIndex, open_vectors


@dataclass(frozen=True)
class Hit:
    paragraph: Paragraph
    rank: float  # BM25 (lower is better, as SQLite gives it)


# -- full-text query expressions (FTS5 syntax is the store's business) --------------------------------

def fts_words(text: str) -> list[str]:
    return [t.text.replace('"', "") for t in tokenize(text) if t.text != "%"]


def phrase(text: str) -> str:
    """These words in this order."""
    words = fts_words(text)
    return '"' + " ".join(words) + '"' if words else ""


def any_of(words: Iterable[str]) -> str:
    return " OR ".join('"' + w.replace('"', "") + '"' for w in dict.fromkeys(words))


def all_of(words: Iterable[str]) -> str:
    return " AND ".join('"' + w.replace('"', "") + '"' for w in dict.fromkeys(words))


def any_pair(words: list[str]) -> str:
    """Any two of these words."""
    return " OR ".join(f'("{a}" AND "{b}")' for i, a in enumerate(words) for b in words[i + 1 :])


def prefix(word: str) -> str:
    """Any word that starts with these letters (`blond*`: blond, blonde, blondes)."""
    word = word.replace('"', "")
    return f'"{word}"*' if word else ""


def tolerant_phrase(words: list[str], stems: list[str]) -> str:
    """These words in this order, each written as itself or, where a stem is given, as any word
    that starts with the stem (`"voluptuous" + "blond"*`)."""
    parts = [prefix(s) if s else '"' + w.replace('"', "") + '"' for w, s in zip(words, stems, strict=True)]
    return " + ".join(p for p in parts if p)


def any_of_groups(groups: list[list[str]], least: int) -> str:
    """Paragraphs holding a word of at least `least` of the groups (each group: one word of a quote
    put into the corpus's language, in several ways)."""
    ors = ["(" + any_of(g) + ")" for g in groups if g]
    if not ors:
        return ""
    least = max(1, min(least, len(ors)))
    if least == 1:
        return " OR ".join(ors)
    from itertools import combinations

    return " OR ".join("(" + " AND ".join(c) + ")" for c in combinations(ors, least))


class Cables(Mapping[str, Cable]):
    """The corpus's cables by reference ID, read from its database when first asked for."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._get = lru_cache(maxsize=8192)(lambda cable_id: schema.load_cable(db, cable_id))

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


class CorpusStore:
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
        self._vectors: VectorIndex | None = None
        self._vectors_opened = False
        self._sentences: SentenceIndex | None = None
        self._sentences_opened = False
        self._null: list[frozenset[str]] | None = None
        self._fingerprint: str | None = None

    @classmethod
    def in_memory(cls, cables: Iterable[Cable]) -> CorpusStore:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        schema.create(db)
        schema.insert(db, cables)
        schema.build_null_sample(db)
        db.commit()
        return cls(db)

    @classmethod
    def open(cls, directory: str | Path, immutable: bool = False) -> CorpusStore:
        """An index folder, read-only; `immutable`: with no locks at all (`schema.connect`), for
        workers reading one finished index from shared or read-only storage."""
        directory = Path(directory)
        db = schema.connect(directory, immutable=immutable)
        schema.check_schema(directory, db)
        return cls(db, directory)

    @property
    def fingerprint(self) -> str:
        """The corpus's content fingerprint (`schema.fingerprint`): recorded by `compare index build`,
        else computed once here (an index from before the field, or cables parsed in memory)."""
        if self._fingerprint is None:
            self._fingerprint = schema.meta(self.db, "fingerprint") or schema.fingerprint(self.db)
        return self._fingerprint

    def __len__(self) -> int:
        return len(self.cables)

    # -- paragraphs -------------------------------------------------------------------------------
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

    def previous_paragraph(self, p: Paragraph) -> Paragraph | None:
        row = self.row_of(p)
        prev = self.db.execute("SELECT max(rowid) FROM paragraphs WHERE cable = ? AND rowid < ?",
                               (p.cable_id, row)).fetchone() if row is not None else None
        return self.paragraph(prev[0]) if prev and prev[0] is not None else None

    def rows_of(self, cable_id: str) -> tuple[int, int]:
        """The row range [first, last] of a cable's paragraphs (they are stored together)."""
        lo, hi = self.db.execute("SELECT min(rowid), max(rowid) FROM paragraphs WHERE cable = ?", (cable_id,)).fetchone()
        return (lo, hi) if lo is not None else (0, -1)

    def paragraphs_with_hash(self, keys: Iterable[int]) -> list[Paragraph]:
        """The paragraphs whose text has these content hashes (vector keys)."""
        keys = list(keys)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(f"SELECT rowid FROM paragraphs WHERE hash IN ({marks})", keys)
        return [self.paragraph(r) for (r,) in rows]

    # -- statistics -------------------------------------------------------------------------------
    def _df(self, term: str) -> int:
        """How many paragraphs hold this (folded) word (`df`, cached): from an index's table of word
        counts, or from the full-text index itself."""
        row = self.db.execute(f"SELECT doc FROM {self._df_table} WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    @property
    def common_df(self) -> int:
        """A word in more paragraphs than this says little about where a quote is from, and its
        posting list is long."""
        return max(COMMON_PARAGRAPHS, self.n_paragraphs // COMMON_SHARE)

    def _phrase_count(self, text: str) -> int:
        """How many paragraphs hold these words in this order (`phrase_count`, cached)."""
        match = phrase(text)
        if not match:
            return 0
        return int(self.db.execute("SELECT count(*) FROM para WHERE para MATCH ?", (match,)).fetchone()[0])

    def together(self, text: str) -> float:
        """Of the paragraphs holding the rarest content word of `text`, the share holding all of its
        content words, anywhere in them (1.0 for one word): how much rarer the words are together than
        the rarest alone ("interlocutor" is in 221 paragraphs, "powerful interlocutor" 11 of them)."""
        words = list(dict.fromkeys(w.casefold() for w in fts_words(text)
                                   if w.casefold() not in STOPWORDS and any(c.isalpha() for c in w)))
        if len(words) < 2:
            return 1.0
        rarest = min(self.match_count(all_of([w])) for w in words)
        return min(1.0, self.match_count(all_of(words)) / rarest) if rarest else 1.0

    def match_count(self, match: str) -> int:
        """How many paragraphs match a full-text expression (`match_count`, cached): a prefix's
        document frequency, say."""
        return self._match_count(match)

    @lru_cache(maxsize=4096)  # noqa: B019 - one store lives as long as its process
    def _match_count(self, match: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM para WHERE para MATCH ?", (match,)).fetchone()[0])

    def _quoted_count(self, text: str) -> int:
        """How many paragraphs put exactly these words in quotation marks (`quoted_count`, cached)."""
        row = self.db.execute("SELECT count(DISTINCT para) FROM quoted WHERE k = ?", (phrase_key(text),)).fetchone()
        return int(row[0])

    @lru_cache(maxsize=1024)  # noqa: B019 - one store lives as long as its process
    def signed_paragraphs(self, signer: str) -> int:
        """How many paragraphs stand in cables with this signer."""
        row = self.db.execute("SELECT count(*) FROM paragraphs p JOIN cables c ON c.id = p.cable WHERE c.signer = ?",
                              (signer,)).fetchone()
        return int(row[0])

    def vocabulary(self, min_df: int) -> list[str]:
        """The corpus's words of at least three letters held by at least `min_df` paragraphs, in
        alphabetical order."""
        rows = self.db.execute(f"SELECT term FROM {self._df_table} WHERE doc >= ? AND length(term) >= 3 "
                               "AND term NOT GLOB '*[^a-z]*' ORDER BY term", (min_df,))
        return [t for (t,) in rows]

    def null_sample(self) -> list[frozenset[str]]:
        """The content words of a fixed random sample of paragraphs (`schema.build_null_sample`)."""
        if self._null is None:
            self._null = [frozenset(k.split()) for (k,) in self.db.execute("SELECT keys FROM null_sample")]
        return self._null

    # -- queries ----------------------------------------------------------------------------------
    def search(self, match: str, limit: int, within: tuple[int, int] | None = None) -> list[Hit]:
        """Paragraphs matching a full-text expression (`phrase`, `any_of`, ...), best first; `within`
        limits them to a row range (one cable's paragraphs, `rows_of`)."""
        if not match:
            return []
        where, args = ("AND rowid BETWEEN ? AND ?", within) if within else ("", ())
        rows = self.db.execute(
            f"SELECT rowid, bm25(para) FROM para WHERE para MATCH ? {where} ORDER BY bm25(para) LIMIT ?",
            (match, *args, limit),
        ).fetchall()
        return [Hit(self.paragraph(r), rank) for r, rank in rows]

    def quoting(self, text: str, limit: int = 50) -> list[Paragraph]:
        """Paragraphs that put exactly these words in quotation marks."""
        rows = self.db.execute("SELECT DISTINCT para FROM quoted WHERE k = ? LIMIT ?", (phrase_key(text), limit))
        return [self.paragraph(r) for (r,) in rows.fetchall()]

    # -- vectors ----------------------------------------------------------------------------------
    @property
    def sentences(self) -> SentenceIndex | None:
        """The index's multilingual sentence vectors (`compare index build --multilingual`), if any."""
        if not self._sentences_opened:
            self._sentences_opened = True
            self._sentences = SentenceIndex.open(self.directory) if self.directory else None
        return self._sentences

    @property
    def vectors(self) -> VectorIndex | None:
        """The index's paragraph vectors (memory-mapped), if it has them."""
        if not self._vectors_opened:
            self._vectors_opened = True
            self._vectors = open_vectors(self.directory, schema.meta(self.db, "model")) if self.directory else None
        return self._vectors
