"""What every difference rule reads and returns: one alignment step in its texts (`Step`), what a
rule found (`Found`), and where words stand (`words`, `where`, `span`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...model import Discrepancy, Op, QuoteTokens, Span
from ...tokens import Token


@dataclass(frozen=True)
class Described:
    discrepancies: list[Discrepancy]
    matched: int
    score: float


@dataclass(frozen=True)
class Step:
    """One alignment step that is not a run of equal words, with both texts around it."""

    op: Op
    qt: QuoteTokens
    qtoks: list[Token]
    ptext: str
    ptoks: list[Token]

    @property
    def qtext(self) -> str:
        return self.qt.text

    @property
    def qs(self) -> list[Token]:
        return self.qtoks[self.op.q1 : self.op.q2]

    @property
    def ps(self) -> list[Token]:
        return self.ptoks[self.op.p1 : self.op.p2]

    def sides(self) -> tuple[Span, Span]:
        """The characters of the step's words on both sides (a replacement has both)."""
        qw, pw = words(self.qtoks, self.op.q1, self.op.q2), words(self.ptoks, self.op.p1, self.op.p2)
        assert qw and pw
        return qw, pw


@dataclass(frozen=True)
class Found:
    """What a rule names for one step: its differences, the quote words it counts as matched, and
    how many of them differ cosmetically (each lowers the score a little)."""

    discrepancies: tuple[Discrepancy, ...]
    matched: int = 0
    cosmetic_words: int = 0


Rule = Callable[[Step], Found | None]
"""A difference rule: what it names for one step, or None when the step is not its kind."""


def words(toks: list[Token], i1: int, i2: int) -> Span | None:
    """The characters of tokens i1..i2-1."""
    return Span(toks[i1].start, toks[i2 - 1].end) if i1 < i2 else None


def where(text: str, toks: list[Token], i1: int, i2: int, parens: bool = False) -> Span | None:
    """The characters of tokens i1..i2-1, with the parentheses around them (`parens`)."""
    if i1 >= i2:
        return None
    a, b = toks[i1].start, toks[i2 - 1].end
    if parens:
        while a > 0 and text[a - 1] in "( ":
            if text[a - 1] == "(":
                a -= 1
                break
            a -= 1
        if text[a : a + 1] != "(":
            a = toks[i1].start
        close = text.find(")", b, b + 2)
        if close != -1 and text[a : a + 1] == "(":
            b = close + 1
    return Span(a, b)


def span(text: str, toks: list[Token], i1: int, i2: int, parens: bool = False) -> str:
    w = where(text, toks, i1, i2, parens)
    return text[w.start : w.end] if w else ""
