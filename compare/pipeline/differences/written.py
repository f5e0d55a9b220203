"""The same words written differently (cosmetic): case, diacritics, number format, and the gaps
between two matched words (punctuation, white space, hyphenation). Typography alone (curly or
straight quotes, dash style, line breaks) is no difference at all."""

from __future__ import annotations

import re
import unicodedata

from ...model import Discrepancy, Op, QuoteTokens, Span
from ...model import DiscrepancyKind as K
from ...tokens import CURRENCY_SIGNS, DASH_CHARS, QUOTE_CHARS, Token, fold, is_number
from .base import Found, words
from .bracketed import in_word

CURRENCY_KEYS = frozenset(CURRENCY_SIGNS.values())


def equal_run(op: Op, qt: QuoteTokens, ptext: str, ptoks: list[Token], prev_pair: tuple[int, int] | None,
              number_done: set[int]) -> tuple[Found, tuple[int, int] | None]:
    """Every matched word pair of a run of equal words: how it is written on each side, and the gap
    before it. `prev_pair` is the pair matched just before the run (the gap is only compared
    between neighbours); `number_done` the quote words already named as part of a number."""
    qtext, qtoks = qt.text, qt.tokens
    out: list[Discrepancy] = []
    matched = cosmetic_words = 0
    for k in range(op.q2 - op.q1):
        qi, pi = op.q1 + k, op.p1 + k
        matched += 1
        bracketed = in_word(qtoks, ptoks, qi, pi)
        if bracketed is not None:
            out.append(bracketed)
            prev_pair = (qi, pi)
            continue
        for kind in word_kinds(qtoks[qi], ptoks[pi], first=qi == 0):
            if kind is K.NUMBER_FORMAT:
                if qi in number_done:
                    continue
                qa, qb, pa, pb = number_span(qtoks, ptoks, qi, pi)
                number_done.update(range(qa, qb))
                qw, pw = words(qtoks, qa, qb), words(ptoks, pa, pb)
                assert qw and pw
                out.append(Discrepancy(kind, qtext[qw.start : qw.end], ptext[pw.start : pw.end], qw, pw))
            else:
                out.append(Discrepancy(kind, qtoks[qi].text, ptoks[pi].text,
                                       words(qtoks, qi, qi + 1), words(ptoks, pi, pi + 1)))
            cosmetic_words += 1
        if prev_pair is not None and prev_pair == (qi - 1, pi - 1) and not {qi - 1, qi} <= number_done:
            gap = _gap(qtext, qtoks, ptext, ptoks, qi, pi)
            if gap is not None:
                out.append(gap)
                cosmetic_words += 1
        prev_pair = (qi, pi)
    return Found(tuple(out), matched, cosmetic_words), prev_pair


def _gap(qtext: str, qtoks: list[Token], ptext: str, ptoks: list[Token], qi: int, pi: int) -> Discrepancy | None:
    """How the gap before matched pair (qi, pi) differs, if it does."""
    gk = gap_kind(qtext[qtoks[qi - 1].end : qtoks[qi].start], ptext[ptoks[pi - 1].end : ptoks[pi].start])
    qgap, pgap = Span(qtoks[qi - 1].end, qtoks[qi].start), Span(ptoks[pi - 1].end, ptoks[pi].start)
    if gk is K.PUNCTUATION:
        # the word before the gap's left word, where there is one (indexes, not a threshold)
        qa = qtoks[qi - 2].start if qi >= 2 else qtoks[qi - 1].start  # noqa: PLR2004
        pa = ptoks[pi - 2].start if pi >= 2 else ptoks[pi - 1].start  # noqa: PLR2004
        return Discrepancy(gk, qtext[qa : qtoks[qi].start].strip(), ptext[pa : ptoks[pi].start].strip(), qgap, pgap)
    if gk is not None:
        return Discrepancy(gk, qtext[qtoks[qi - 1].start : qtoks[qi].end], ptext[ptoks[pi - 1].start : ptoks[pi].end],
                           qgap, pgap)
    return None


def _strip_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _gap_norm(gap: str) -> str:
    g = "".join("" if c in QUOTE_CHARS else "-" if c in DASH_CHARS else c for c in gap)
    return re.sub(r"\s+", " ", g)


def gap_kind(qgap: str, pgap: str) -> K | None:
    q, p = _gap_norm(qgap), _gap_norm(pgap)
    if q == p or q.strip() == p.strip() and (q.strip() or (" " in q) == (" " in p)):
        return None
    qs, ps = q.replace(" ", ""), p.replace(" ", "")
    if qs == ps:
        return K.WHITESPACE
    if {qs, ps} <= {"", "-"} and "-" in (qs + ps):
        return K.HYPHENATION
    return K.PUNCTUATION


def word_kinds(q: Token, p: Token, first: bool) -> list[K]:
    if q.text == p.text or q.key != p.key:
        return []
    if fold(q.text) != fold(p.text):
        return [K.NUMBER_FORMAT]
    kinds = []
    qa, pa = _strip_marks(q.text), _strip_marks(p.text)
    if q.text.casefold() != p.text.casefold():
        kinds.append(K.DIACRITICS)
    if qa != pa and qa.casefold() == pa.casefold():
        if not (first and qa == pa[:1].lower() + pa[1:] and pa[:1].isupper()):
            kinds.append(K.CASE)
    return kinds


def merge_case_runs(found: list[Discrepancy], qtext: str, ptext: str) -> list[Discrepancy]:
    """Neighbouring words that differ only in case are one difference ("New Russian Defense Minister"
    / "NEW RUSSIAN DEFENSE MINISTER"): a subject line quoted in title case reads as one change."""
    out: list[Discrepancy] = []
    for d in found:
        prev = out[-1] if out else None
        if (prev is not None and d.kind is K.CASE and prev.kind is K.CASE and prev.quote_span and d.quote_span
                and prev.source_span and d.source_span
                and not re.search(r"[^\W_]", qtext[prev.quote_span.end : d.quote_span.start])
                and not re.search(r"[^\W_]", ptext[prev.source_span.end : d.source_span.start])):
            qs, ps = Span(prev.quote_span.start, d.quote_span.end), Span(prev.source_span.start, d.source_span.end)
            out[-1] = Discrepancy(K.CASE, qtext[qs.start : qs.end], ptext[ps.start : ps.end], qs, ps)
            continue
        out.append(d)
    return out


def number_span(qtoks: list[Token], ptoks: list[Token], qi: int, pi: int) -> tuple[int, int, int, int]:
    """A number with its percent sign or word, on both sides: `2%` / `two percent`."""
    qa, qb, pa, pb = qi, qi + 1, pi, pi + 1
    if qtoks[qi].key == "percent" and qi > 0 and pi > 0 and is_number(qtoks[qi - 1].key) and qtoks[qi - 1].key == ptoks[pi - 1].key:
        qa, pa = qi - 1, pi - 1
    elif is_number(qtoks[qi].key) and qi + 1 < len(qtoks) and pi + 1 < len(ptoks) and qtoks[qi + 1].key == "percent" == ptoks[pi + 1].key:
        qb, pb = qi + 2, pi + 2
    elif (qtoks[qi].key in CURRENCY_KEYS and qi + 1 < len(qtoks) and pi + 1 < len(ptoks)
          and is_number(qtoks[qi + 1].key) and qtoks[qi + 1].key == ptoks[pi + 1].key):
        qb, pb = qi + 2, pi + 2  # "$100" / "USD 100"
    return qa, qb, pa, pb
