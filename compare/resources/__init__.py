"""The resource files `scripts/build_background.py`, `scripts/build_phrase_prior.py` and
`scripts/build_routing.py` write, read once: `background.tsv.gz` (how many paragraphs of the 6,712
released cables hold each word), `phrase_prior.tsv` (how often a phrase nobody copied stands in a
corpus, by its length and rarity) and `routing.tsv` (the post each routing indicator names). The chance
test (`pipeline.chance`) asks the first two, the header parser the third; no stage opens a file.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..tokens import content_keys, keys
from ..weights import PHRASE_MIN_WORDS

RESOURCES = Path(__file__).parent
BACKGROUND = RESOURCES / "background.tsv.gz"
PHRASE_PRIOR = RESOURCES / "phrase_prior.tsv"


@dataclass(frozen=True)
class Background:
    """How many paragraphs of a large cable corpus hold each word."""

    paragraphs: int
    quoted_share: float  # the mean share of a word's occurrences that stand in quotation marks
    df: dict[str, int]

    def phrase_df(self, text: str, quoted: bool = False) -> float:
        """At most as many paragraphs hold a phrase as hold its rarest word."""
        n = float(min((self.df.get(k, 0) for k in keys(text)), default=0))
        return n * self.quoted_share if quoted else n


@lru_cache(maxsize=1)
def background() -> Background:
    meta: dict[str, float] = {}
    df: dict[str, int] = {}
    with gzip.open(BACKGROUND, "rt", encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            if key.startswith("#"):
                meta[key[1:]] = float(value)
            else:
                df[key] = int(value)
    return Background(int(meta["paragraphs"]), meta["quoted_share"], df)


def phrase_rarity(text: str) -> float:
    """How specific a phrase's words are: the summed inverse document frequency (log10) of its
    content words in cables in general (a word the background lacks counts as in one paragraph)."""
    bg = background()
    return sum(math.log10((bg.paragraphs + 1) / (bg.df.get(k, 0) + 1)) for k in content_keys(text))


@dataclass(frozen=True)
class PhrasePrior:
    """How often a phrase nobody copied stands in a corpus, by its length and rarity, measured
    leave-one-cable-out on real cables (`scripts/build_phrase_prior.py`)."""

    paragraphs: int  # the size of the corpus it was measured on
    cells: dict[tuple[int, int], tuple[int, int]]  # (words, rarity bin) -> (trials, found elsewhere)

    def p(self, text: str, n_paragraphs: int) -> float:
        """The chance that a phrase like `text`, written independently, stands somewhere in a corpus
        of `n_paragraphs` paragraphs. Pooled with the next less rare bin (never rarer ones: the
        estimate may only err high), add-one smoothed, scaled up to a larger corpus; never scaled
        down: a small corpus assembled around a story holds its phrases more often than chance."""
        n = len(keys(text))
        if n <= PHRASE_MIN_WORDS:
            return 1.0
        words, rarity = min(n, max(w for w, _ in self.cells)), int(phrase_rarity(text))
        trials = found = 0
        for r in (rarity, rarity - 1):
            t, f = self.cells.get((words, r), (0, 0))
            trials, found = trials + t, found + f
        if trials == 0:  # rarer than anything measured: the rarest measured bin of this length bounds it
            rarest = max((r for w, r in self.cells if w == words), default=None)
            if rarest is None or rarity < rarest:
                return 1.0
            trials, found = self.cells[(words, rarest)]
        p0 = (found + 1) / (trials + 2)
        return 1.0 - (1.0 - p0) ** (max(n_paragraphs, self.paragraphs) / self.paragraphs)


@lru_cache(maxsize=1)
def phrase_prior() -> PhrasePrior:
    paragraphs = 0
    cells: dict[tuple[int, int], tuple[int, int]] = {}
    with open(PHRASE_PRIOR, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#paragraphs"):
                paragraphs = int(line.split()[1])
            elif not line.startswith("#"):
                words, rarity, trials, found = map(int, line.split())
                cells[(words, rarity)] = (trials, found)
    return PhrasePrior(paragraphs, cells)


ROUTING = RESOURCES / "routing.tsv"


@lru_cache(maxsize=1)
def routing() -> dict[str, str]:
    """Which post each routing indicator names (`RUEHME`: MEXICO), as `scripts/build_routing.py` read
    it from the released cables."""
    out: dict[str, str] = {}
    with open(ROUTING, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                code, post, _ = line.rstrip("\n").split("\t")
                out[code] = post
    return out
