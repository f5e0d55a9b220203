"""The same passage in several cables: one passage, not rivals.

An embassy re-sends its paragraphs (Brasilia's terrorism paragraph stands in its February, May and
October 2009 reports), and a cable's summary repeats a paragraph of its body. A translated quote of
such a passage comes equally close to every copy, so a margin over "every other paragraph" would
never clear and the quote would come out "not found". Two windows are copies when the shorter (of
`COPY_MIN_WORDS` words or more) stands in the other's paragraph nearly letter for letter
(`COPY_MIN_RATIO`, rapidfuzz's partial ratio): the margin is then taken over passages that say
something else (`same_passage`, used by the translation stage).

Which copy the article quotes is settled by what it says (`settle`): a copy in a cable it quotes
elsewhere, else a copy in a cable of the month and year it gives a cable ("um telegrama de outubro de
2009"), else the closest, reported as ambiguous with the other copies beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from ..model import Alignment, Decision
from ..store import CorpusStore
from ..store.corpus import phrase
from ..weights import COPY_MIN_RATIO, COPY_MIN_WORDS, COPY_SEARCHED
from .words import REDACTION_RE

WORD_RE = re.compile(r"\S+")


@lru_cache(maxsize=1024)  # a candidate paragraph is compared with every window ranked above its own
def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def same_passage(window: str, paragraph: str, other_window: str, other_paragraph: str) -> bool:
    """Whether two windows are one passage: the shorter of the two, of `COPY_MIN_WORDS` words or more,
    stands in the other's paragraph at `COPY_MIN_RATIO` or more."""
    from rapidfuzz import fuzz

    a, b = _norm(window), _norm(other_window)
    if min(len(a.split()), len(b.split())) < COPY_MIN_WORDS:
        return False
    short, long_ = (a, _norm(other_paragraph)) if len(a) <= len(b) else (b, _norm(paragraph))
    return fuzz.partial_ratio(short, long_) >= COPY_MIN_RATIO


def _runs(text: str) -> list[str]:
    """Runs of `COPY_MIN_WORDS` words of a window, none with a redaction in it: phrases a copy holds."""
    words = WORD_RE.findall(text)
    out = []
    for i in range(0, max(1, len(words) - COPY_MIN_WORDS + 1), COPY_MIN_WORDS):
        run = words[i : i + COPY_MIN_WORDS]
        if len(run) == COPY_MIN_WORDS and not any(REDACTION_RE.match(w.strip(".,;:()'\"“”’")) for w in run):
            out.append(" ".join(run))
    return out


def of(store: CorpusStore, source: Alignment) -> list[Alignment]:
    """The other paragraphs of the corpus that hold the source's window (`same_passage`), each as an
    alignment on its copy of the words."""
    from rapidfuzz import fuzz

    window = source.text
    if len(window.split()) < COPY_MIN_WORDS:
        return []
    match = " OR ".join(p for p in (phrase(r) for r in _runs(window)) if p)
    if not match:
        return []
    out: list[Alignment] = []
    for hit in store.search(match, COPY_SEARCHED):
        p = hit.paragraph
        if (p.cable_id, p.number) == (source.cable_id, source.paragraph):
            continue
        found = fuzz.partial_ratio_alignment(_norm(window), p.text.casefold())
        if found is None or found.score < COPY_MIN_RATIO:
            continue
        out.append(replace(source, cable_id=p.cable_id, paragraph=p.number, paragraphs=(p.number,),
                           paragraph_text=p.text, start=found.dest_start, end=found.dest_end))
    return out


def settle(store: CorpusStore, decision: Decision, cited: Iterable[str],
           dated: Iterable[tuple[int, int | None]]) -> Decision:
    """The copy the article points at, with the other copies as candidates (ambiguous when nothing the
    article says chooses between them)."""
    source = decision.source
    if source is None:
        return decision
    copies = of(store, source)
    if not copies:
        return decision
    every = [source, *copies]
    quoted, when = set(cited), set(dated)
    cables = {a.cable_id for a in every if a.cable_id in quoted}
    if len(cables) != 1:
        cables = {a.cable_id for a in every if _dated(store, a.cable_id, when)}
    pointed = len(cables) == 1 and len({a.cable_id for a in every}) > 1  # the article names one of the cables
    best = next((a for a in every if a.cable_id in cables), source) if pointed else source
    others = tuple(a for a in every if a is not best)
    why = (decision.note + "; the same passage stands in " + ", ".join(f"{a.cable_id} ¶{a.paragraph}" for a in others)
           + ("; the article points at this cable" if pointed else ""))
    # one passage in several places: ambiguous unless the article points at the one cable that holds it once
    ambiguous = not pointed or any(a.cable_id == best.cable_id for a in others)
    return replace(decision, source=best, candidates=others + decision.candidates, ambiguous=ambiguous, note=why)


def _dated(store: CorpusStore, cable_id: str, when: set[tuple[int, int | None]]) -> bool:
    """Whether the cable's date is one the article gives a cable (a year, or a month of a year)."""
    date = store.cables[cable_id].date if cable_id in store.cables else None
    if not date or not when:
        return False
    year, month = int(date[:4]), int(date[5:7])
    return (year, month) in when or (year, None) in when
