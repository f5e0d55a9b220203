"""Align a quote on a paragraph, word by word, with rapidfuzz.

The quote is cut at its ellipses; the segments are aligned in order, each after the previous one,
so that the words an ellipsis hides are the paragraph words between two segments. Square-bracketed
words are marked edits and never have to match. Each segment is first placed with
`partial_ratio_alignment` over folded keys, then aligned token by token with Levenshtein opcodes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from ..lexicon import BRACKET_RE, ELLIPSIS_RE
from ..model import Alignment, Op, OpTag, Quote, QuoteTokens, Segment
from ..tokens import STOPWORDS, Token, is_number, key_of, tokenize, unbracketed_key
from ..weights import (
    EXACT_WINDOW_WORDS,
    SPELLING_EDITS,
    SPELLING_LENGTH_GAP,
    SPELLING_LONG_CHARS,
    SPELLING_LONG_EDITS,
    SPELLING_MIN_CHARS,
)
from . import words
from .differences import describe

NEVER = "\x00"  # a key that matches nothing: bracketed words


def _join_bracketed_letters(text: str, tokens: list[Token]) -> list[Token]:
    """A bracket inside a word (`[t]he`, `govern[s]`) changes its letters, not the words: one token,
    keyed as the word it spells, with the brackets in its text."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        if prev is not None and (
            (text[prev.end : t.start] == "]" and text[prev.start - 1 : prev.start] == "[")  # [t]he
            or (text[prev.end : t.start] == "[" and text[t.end : t.end + 1] == "]")  # govern[s]
        ):
            end = t.end + (1 if text[prev.end : t.start] == "[" else 0)
            start = prev.start - (1 if text[prev.start - 1 : prev.start] == "[" else 0)
            out[-1] = Token(text[start:end], key_of(prev.text + t.text), start, end)
            continue
        out.append(t)
    return out


def prepare(text: str) -> QuoteTokens:
    tokens = _join_bracketed_letters(text, tokenize(text))
    # brackets, cuts and tokens all come in text order: each found by bisection (linear in the marks)
    brackets = [(m.start(), m.end()) for m in BRACKET_RE.finditer(text)]
    opens = [a for a, _ in brackets]

    def in_brackets(at: int) -> bool:
        k = bisect_right(opens, at) - 1
        return k >= 0 and at < brackets[k][1]

    bracketed = [in_brackets(t.start) and "[" not in t.text for t in tokens]
    cuts = [(m.start(), m.end(), m.group()) for m in ELLIPSIS_RE.finditer(text) if m.group().strip()]
    segments: list[tuple[int, int, str]] = []
    starts = [t.start for t in tokens]
    prev_end, prev_ell = 0, ""
    for a, b, ell in [*cuts, (len(text), len(text), "")]:
        first, stop = bisect_left(starts, prev_end), bisect_left(starts, a)  # tokens with prev_end <= start < a
        if stop > first:
            segments.append((first, stop, prev_ell.strip()))
            prev_ell = ell
        elif ell:
            prev_ell = prev_ell + ell
        prev_end = b
    return QuoteTokens(text, tokens, bracketed, segments)


def _find_exact(keys: list[str], pkeys: list[str], lo: int, prefer: Callable[[int, int], bool] | None) -> int | None:
    n = len(keys)
    hits = [j for j in range(lo, len(pkeys) - n + 1) if pkeys[j : j + n] == keys]
    if prefer is not None:
        for j in hits:
            if prefer(j, j + n):
                return j
    return hits[0] if hits else None


def _window(keys: list[str], pkeys: list[str], lo: int,
            prefer: Callable[[int, int], bool] | None = None) -> tuple[int, int]:
    """Where in pkeys[lo:] the segment most likely sits: a token range, generously wide."""
    n = len(keys)
    if n <= EXACT_WINDOW_WORDS and NEVER not in keys:
        j = _find_exact(keys, pkeys, lo, prefer)
        if j is not None:
            return j, j + n
    joined = " ".join(pkeys[lo:])
    starts, pos = [], 0
    for k in pkeys[lo:]:
        starts.append(pos)
        pos += len(k) + 1
    res = fuzz.partial_ratio_alignment(" ".join(k for k in keys if k != NEVER) or "x", joined)
    if res is None:
        return lo, lo
    first = lo + max(0, next((i for i, s in enumerate(starts) if s + len(pkeys[lo + i]) > res.dest_start), 0))
    last = lo + next((i for i, s in enumerate(starts) if s >= res.dest_end), len(starts))
    margin = max(4, n // 4)
    return max(lo, first - margin), min(len(pkeys), last + margin)


def _same_class(a: str, b: str) -> bool:
    """Two words that may stand for each other: two numbers, or two content words."""
    if is_number(a) or is_number(b):
        return is_number(a) and is_number(b)
    return a not in STOPWORDS and b not in STOPWORDS and a != NEVER


def fit(q: list[str], p: list[str], spelling: bool = False, near: dict[str, frozenset[str]] | None = None) -> list[Op]:
    """Fitting alignment: all of `q` against the best substring of `p` (free ends in `p`).

    Match +2, a spelling variant (with `spelling`, or a pair in `near`) +1, mismatch -1, a skipped word on
    either side -1. Returns ops with q/p indices local to the inputs; no leading or trailing source-only ops.
    """
    m, n = len(q), len(p)
    if m == 0:
        return []
    if n == 0:
        return [Op(OpTag.INSERT, 0, m, 0, 0)]
    near_sets = spelling_variants(q, p) if spelling else {}
    for k, v in (near or {}).items():
        near_sets[k] = near_sets.get(k, frozenset()) | v
    no_near: frozenset[str] = frozenset()
    H = [[0] * (n + 1) for _ in range(m + 1)]
    T = [[0] * (n + 1) for _ in range(m + 1)]  # 1 diag, 2 up (quote word unmatched), 3 left (source word skipped)
    for i in range(1, m + 1):
        H[i][0] = -i
        T[i][0] = 2
    for i in range(1, m + 1):
        qi = q[i - 1]
        near_qi = near_sets.get(qi, no_near)
        Hi, Hp, Ti = H[i], H[i - 1], T[i]
        for j in range(1, n + 1):
            pj = p[j - 1]
            if qi == pj:
                s = 2
            elif pj in near_qi:
                s = 1
            else:
                s = -1
            best, t = Hp[j - 1] + s, 1
            up = Hp[j] - 1
            if up > best:
                best, t = up, 2
            left = Hi[j - 1] - 1
            if left > best:
                best, t = left, 3
            Hi[j], Ti[j] = best, t
    last, tm = H[m], T[m]
    # among equally good ends, one where the quote's last word stands against a source word: a word the
    # quote replaced at its edge ("12525" for the cable's "6262") is a substitution, not an insertion
    def replaced(k: int) -> bool:  # the last word alone differs, right after a matched one
        return k > 1 and m > 1 and tm[k] == 1 and q[-2] == p[k - 2] and _same_class(q[-1], p[k - 1])

    j = max(range(n + 1), key=lambda k: (last[k], replaced(k), -k)) if n else 0
    i = m
    pairs: list[tuple[OpTag, int, int]] = []  # (kind, i, j) per step, reversed
    while i > 0:
        t = T[i][j] if j > 0 else 2
        if t == 1:
            pairs.append((OpTag.EQUAL if q[i - 1] == p[j - 1] else OpTag.REPLACE, i - 1, j - 1))
            i, j = i - 1, j - 1
        elif t == 2:  # noqa: PLR2004 - the back-pointer's code for an insertion (1: a pair, else a deletion)
            pairs.append((OpTag.INSERT, i - 1, j))
            i -= 1
        else:
            pairs.append((OpTag.DELETE, i, j - 1))
            j -= 1
    pairs.reverse()
    ops: list[Op] = []
    for kind, a, b in pairs:
        qa, qb = (a, a + 1) if kind is not OpTag.DELETE else (a, a)
        pa, pb = (b, b + 1) if kind is not OpTag.INSERT else (b, b)
        if ops and ops[-1].tag == kind and ops[-1].q2 == qa and ops[-1].p2 == pa:
            ops[-1] = Op(kind, ops[-1].q1, qb, ops[-1].p1, pb)
        else:
            ops.append(Op(kind, qa, qb, pa, pb))
    return ops


def spelling_variants(q: list[str], p: list[str]) -> dict[str, frozenset[str]]:
    """For each quote key, the source keys that are the same word misspelt: both at least four
    letters, not numbers, lengths within two, and one edit apart (two from eight letters on)."""
    uq = [a for a in dict.fromkeys(q) if a != NEVER and len(a) >= SPELLING_MIN_CHARS and not a[:1].isdigit()]
    up = [b for b in dict.fromkeys(p) if len(b) >= SPELLING_MIN_CHARS and not b[:1].isdigit()]
    if not uq or not up:
        return {}
    dist = process.cdist(uq, up, scorer=DamerauLevenshtein.distance, score_cutoff=SPELLING_LONG_EDITS, dtype=np.int32)
    lq, lp = np.array([len(a) for a in uq]), np.array([len(b) for b in up])
    allowed = np.where(np.minimum.outer(lq, lp) < SPELLING_LONG_CHARS, SPELLING_EDITS, SPELLING_LONG_EDITS)
    ok = (dist > 0) & (dist <= allowed) & (np.abs(np.subtract.outer(lq, lp)) <= SPELLING_LENGTH_GAP)
    return {uq[i]: frozenset(up[j] for j in np.flatnonzero(row)) for i, row in enumerate(ok) if row.any()}


def _bracket_letters(tokens: list[Token]) -> dict[str, frozenset[str]]:
    """A word whose letters the article added in brackets ("travel[s]") pairs with the word without them
    ("travel"): the article's marked edit, not another word."""
    out: dict[str, frozenset[str]] = {}
    for t in tokens:
        if "[" in t.text and (bare := unbracketed_key(t.text)) and bare != t.key:
            out[t.key] = out.get(t.key, frozenset()) | {bare}
    return out


def align_tokens(qt: QuoteTokens, ptoks: list[Token], ptext: str = "") -> list[Segment]:
    keys = [NEVER if b else t.key for t, b in zip(qt.tokens, qt.bracketed, strict=True)]
    pkeys = [t.key for t in ptoks]
    out: list[Segment] = []
    lo = 0
    for q1, q2, ell in qt.segments:
        skeys = keys[q1:q2]
        def quoted(a: int, b: int) -> bool:  # a short quote the source itself puts in quotation marks
            return bool(ptext) and _quoted(ptext, ptoks[a].start, ptoks[b - 1].end)

        w0, w1 = _window(skeys, pkeys, lo, quoted)
        ops = [Op(o.tag, q1 + o.q1, q1 + o.q2, w0 + o.p1, w0 + o.p2)
               for o in fit(skeys, pkeys[w0:w1], spelling=True, near=_bracket_letters(qt.tokens[q1:q2]))]
        ops = _trim_at_redaction(ops, ptoks, first=not out, last=q2 == len(keys))
        out.append(Segment(q1, q2, tuple(ops), ell))
        matched_p = [o.p2 for o in ops if o.tag is OpTag.EQUAL]
        if matched_p:
            lo = max(matched_p)
    return out


def _redacted(tok: Token) -> bool:
    return words.redaction([tok])


def _trim_at_redaction(ops: list[Op], ptoks: list[Token], first: bool, last: bool) -> list[Op]:
    """A name the article prints at the start (end) of its quote, where the release has `XXXXXXXXXXXX`:
    the name stands for the X's alone, not for the source words before (after) them as well."""
    if first and ops and ops[0].tag is OpTag.INSERT and ops[0].p1 > 0 and _redacted(ptoks[ops[0].p1 - 1]):
        o = ops[0]
        ops = [Op(OpTag.REPLACE, o.q1, o.q2, o.p1 - 1, o.p1), *ops[1:]]
    if last and ops and ops[-1].tag is OpTag.INSERT and ops[-1].p1 < len(ptoks) and _redacted(ptoks[ops[-1].p1]):
        o = ops[-1]
        ops = [*ops[:-1], Op(OpTag.REPLACE, o.q1, o.q2, o.p1, o.p1 + 1)]
    if first and ops and ops[0].tag is OpTag.REPLACE:
        o = ops[0]
        k = next((j for j in range(o.p1, o.p2) if _redacted(ptoks[j])), None)
        if k is not None and k > o.p1:
            ops = [Op(o.tag, o.q1, o.q2, k, o.p2), *ops[1:]]
    if last and ops and ops[-1].tag is OpTag.REPLACE:
        o = ops[-1]
        k = next((j for j in range(o.p2 - 1, o.p1 - 1, -1) if _redacted(ptoks[j])), None)
        if k is not None and k + 1 < o.p2:
            ops = [*ops[:-1], Op(o.tag, o.q1, o.q2, o.p1, k + 1)]
    return ops


def _quoted(ptext: str, start: int, end: int) -> bool:
    before = ptext[max(0, start - 2) : start]
    after = ptext[end : end + 3]
    return any(c in "“\"‘'«" for c in before) and any(c in "”\"’'»" for c in after)


@lru_cache(maxsize=4096)
def _paragraph_tokens(ptext: str) -> list[Token]:
    return tokenize(ptext)


def align(quote: Quote, cable_id: str, numbers: tuple[int | None, ...], ptext: str,
          qt: QuoteTokens | None = None, starts: tuple[int, ...] | None = None) -> Alignment:
    """`qt`: the quote already prepared, when one quote is aligned on many paragraphs. `starts`: where
    each of several joined paragraphs (`numbers`) begins in `ptext`; the alignment names the paragraphs
    its span covers, the first as its paragraph (a span inside the second of two joined paragraphs is
    that paragraph's)."""
    qt = qt or prepare(quote.text)
    ptoks = _paragraph_tokens(ptext)
    segments = align_tokens(qt, ptoks, ptext)
    described = describe(qt, ptext, ptoks, segments)
    equal_p = [(o.p1, o.p2) for s in segments for o in s.ops if o.tag in (OpTag.EQUAL, OpTag.REPLACE)]
    if equal_p:
        start = ptoks[min(a for a, _ in equal_p)].start
        end = ptoks[max(b for _, b in equal_p) - 1].end
    else:
        start = end = 0
    n = sum(1 for b in qt.bracketed if not b) or 1
    if starts is not None and len(starts) == len(numbers) > 1 and end > start:
        first = max(0, bisect_right(starts, start) - 1)
        last = max(first, bisect_right(starts, end - 1) - 1)
        numbers = numbers[first : last + 1]
    return Alignment(
        cable_id=cable_id,
        paragraph=numbers[0],
        paragraphs=numbers,
        paragraph_text=ptext,
        start=start,
        end=end,
        matched=described.matched,
        quote_tokens=n,
        discrepancies=tuple(described.discrepancies),
        score=described.score,
        quoted_in_source=_quoted(ptext, start, end),
    )
