"""The same words quoted twice in one article come from one place.

An article repeats a quotation ("lavish gifts" in the lead and again in the body; a headline's words
again in the text). Each occurrence is checked with the context around it, and a short one may find a
pointer in one place and none in the other: the same words would then be "found" and "not found" in
one article. An occurrence with no source takes the source of an occurrence of the same words that has
one (the same letters, case and a closing stop aside), unless it is never looked for (a name, a title
inside a citation: `decide.not_a_cable_quote`); what the article says around it counts only where no
passage holds the words, as everywhere.

Input: the article's results, in order. Output: a `Decision` for each occurrence traced so, by index.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Decision, QuoteResult, Verdict
from . import decide


def _words(text: str) -> str:
    """The words as printed, letter case and a closing stop aside (offsets into either occurrence agree)."""
    return text.strip().rstrip(" .,;:!?").lower()


def traced(results: list[QuoteResult]) -> dict[int, Decision]:
    sources: dict[str, Decision] = {}
    for r in results:
        if r.source is not None and r.verdict is not Verdict.NOT_FOUND:
            sources.setdefault(_words(r.quote.text), r.decision)
    out: dict[int, Decision] = {}
    for k, r in enumerate(results):
        if r.verdict is Verdict.NOT_FOUND and not decide.not_a_cable_quote(r.quote):
            found = sources.get(_words(r.quote.text))
            if found is not None:
                out[k] = replace(found, note=found.note + "; the article quotes the same words elsewhere, traced there")
    return out
