"""Name every difference between a quote and its aligned source, with its severity.

Cosmetic: case, diacritics, number format, spelling (a corrected typo), hyphenation, white space,
punctuation, splice. Editorial: elision (with the words it hides), bracketed edits. Substantive:
insertion, deletion, substitution, a changed number, a dropped or added hedge or negation.
Typography alone (curly or straight quotes, dash style, line breaks, a trailing comma or full
stop inside the quotation marks) is no discrepancy at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..lexicon import ANY_SPEECH_VERB_RE, ELLIPSIS_RE, HEDGES, NEGATIONS
from ..model import Discrepancy, Op, OpTag, QuoteTokens, Segment, Severity, Span
from ..model import DiscrepancyKind as K
from ..tokens import CURRENCY_SIGNS, DASH_CHARS, QUOTE_CHARS, STOPWORDS, Token, fold, is_number
from ..weights import COSMETIC_PENALTY, SUBSTANTIVE_PENALTY
from . import words

CURRENCY_KEYS = frozenset(CURRENCY_SIGNS.values())

SPEECH_TAG_RE = re.compile(r"\b(?:" + ANY_SPEECH_VERB_RE + r")\b", re.I)


@dataclass(frozen=True)
class Described:
    discrepancies: list[Discrepancy]
    matched: int
    score: float


def _strip_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _keys_negation(tokens: list[Token], text: str) -> bool:
    for i, t in enumerate(tokens):
        if t.key in NEGATIONS:
            return True
        if t.key == "t" and i > 0 and tokens[i - 1].key.endswith("n") and text[tokens[i - 1].end : t.start] in "'’":
            return True
    return False


def _gap_norm(gap: str) -> str:
    g = "".join("" if c in QUOTE_CHARS else "-" if c in DASH_CHARS else c for c in gap)
    return re.sub(r"\s+", " ", g)


def _gap_kind(qgap: str, pgap: str) -> K | None:
    q, p = _gap_norm(qgap), _gap_norm(pgap)
    if q == p or q.strip() == p.strip() and (q.strip() or (" " in q) == (" " in p)):
        return None
    qs, ps = q.replace(" ", ""), p.replace(" ", "")
    if qs == ps:
        return K.WHITESPACE
    if {qs, ps} <= {"", "-"} and "-" in (qs + ps):
        return K.HYPHENATION
    return K.PUNCTUATION


def _span(text: str, toks: list[Token], i1: int, i2: int, parens: bool = False) -> str:
    where = _where(text, toks, i1, i2, parens)
    return text[where.start : where.end] if where else ""


def _words(toks: list[Token], i1: int, i2: int) -> Span | None:
    """The characters of tokens i1..i2-1."""
    return Span(toks[i1].start, toks[i2 - 1].end) if i1 < i2 else None


def _where(text: str, toks: list[Token], i1: int, i2: int, parens: bool = False) -> Span | None:
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


def _word_kind(q: Token, p: Token, first: bool) -> list[K]:
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


def _substantive(qtoks: list[Token], ptoks: list[Token], qtext: str, ptext: str) -> K:
    if _keys_negation(qtoks, qtext) != _keys_negation(ptoks, ptext) or (
        any(t.key in NEGATIONS for t in qtoks + ptoks)
    ):
        return K.NEGATION
    qh = {t.key for t in qtoks} & HEDGES
    ph = {t.key for t in ptoks} & HEDGES
    if qh != ph:
        return K.HEDGE
    if qtoks and ptoks and all(is_number(t.key) for t in qtoks + ptoks if t.key != "percent"):
        return K.NUMBER_CHANGE
    if any(is_number(t.key) for t in qtoks) != any(is_number(t.key) for t in ptoks) and qtoks and ptoks:
        return K.NUMBER_CHANGE
    if len(qtoks) == len(ptoks) and any(words.antonyms(q.key, p.key) for q, p in zip(qtoks, ptoks, strict=True)):
        return K.ANTONYM
    if not qtoks:
        return K.DELETION
    if not ptoks:
        return K.INSERTION
    return K.SUBSTITUTION


def _is_splice(ptext: str, ptoks: list[Token], p1: int, p2: int) -> bool:
    before = ptext[ptoks[p1 - 1].end : ptoks[p1].start] if p1 > 0 else ""
    after = ptext[ptoks[p2 - 1].end : ptoks[p2].start] if p2 < len(ptoks) else ""
    words = ptext[ptoks[p1].start : ptoks[p2 - 1].end]
    return (
        any(c in "”\"’" for c in before)
        and any(c in "“\"‘" for c in after)
        and p2 - p1 <= 6
        and bool(SPEECH_TAG_RE.search(words))
    )


def describe(qt: QuoteTokens, ptext: str, ptoks: list[Token], segments: list[Segment]) -> Described:
    qtext, qtoks = qt.text, qt.tokens
    out: list[Discrepancy] = []
    matched = 0
    cosmetic_words = 0
    last_p: int | None = None
    nf_done: set[int] = set()
    for si, seg in enumerate(segments):
        if si > 0:
            first_p = next((o.p1 for o in seg.ops if o.tag in (OpTag.EQUAL, OpTag.REPLACE)), None)
            prev_end = qtoks[segments[si - 1].q2 - 1].end
            mark = _ellipsis_span(qtext, prev_end, qtoks[seg.q1].start)
            marked = qtext[mark.start : mark.end]
            if last_p is not None and first_p is not None:
                lo, hi = (ptoks[last_p - 1].end, ptoks[first_p].start) if first_p > last_p else (0, 0)
                hidden = ptext[lo:hi]
                lead = len(hidden) - len(hidden.lstrip(" ,;:\n"))
                kept = hidden.strip(" ,;:\n")
                out.append(Discrepancy(K.ELISION, marked, kept, mark,
                                       Span(lo + lead, lo + lead + len(kept)) if kept else None))
            else:
                out.append(Discrepancy(K.ELISION, marked, "", mark))
        prev_pair: tuple[int, int] | None = None
        for op in _merge_split_words(_merge_redactions(list(seg.ops), qtoks, ptoks), qtoks, ptoks):
            if op.tag is OpTag.EQUAL:
                for k in range(op.q2 - op.q1):
                    qi, pi = op.q1 + k, op.p1 + k
                    matched += 1
                    if "[" in qtoks[qi].text:  # "[t]he" for "The": a marked edit inside a word
                        out.append(Discrepancy(K.BRACKETED, qtoks[qi].text, ptoks[pi].text,
                                               _words(qtoks, qi, qi + 1), _words(ptoks, pi, pi + 1)))
                        prev_pair = (qi, pi)
                        continue
                    kinds = _word_kind(qtoks[qi], ptoks[pi], first=qi == 0)
                    for kind in kinds:
                        if kind is K.NUMBER_FORMAT:
                            if qi in nf_done:
                                continue
                            qa, qb, pa, pb = _number_span(qtoks, ptoks, qi, pi)
                            nf_done.update(range(qa, qb))
                            qw, pw = _words(qtoks, qa, qb), _words(ptoks, pa, pb)
                            assert qw and pw
                            out.append(Discrepancy(kind, qtext[qw.start : qw.end], ptext[pw.start : pw.end], qw, pw))
                        else:
                            out.append(Discrepancy(kind, qtoks[qi].text, ptoks[pi].text,
                                                   _words(qtoks, qi, qi + 1), _words(ptoks, pi, pi + 1)))
                        cosmetic_words += 1
                    if prev_pair is not None and prev_pair == (qi - 1, pi - 1) and not {qi - 1, qi} <= nf_done:
                        gk = _gap_kind(qtext[qtoks[qi - 1].end : qtoks[qi].start], ptext[ptoks[pi - 1].end : ptoks[pi].start])
                        qgap, pgap = Span(qtoks[qi - 1].end, qtoks[qi].start), Span(ptoks[pi - 1].end, ptoks[pi].start)
                        if gk is K.PUNCTUATION:
                            qa = qtoks[qi - 2].start if qi >= 2 else qtoks[qi - 1].start
                            pa = ptoks[pi - 2].start if pi >= 2 else ptoks[pi - 1].start
                            out.append(Discrepancy(gk, qtext[qa : qtoks[qi].start].strip(), ptext[pa : ptoks[pi].start].strip(),
                                                   qgap, pgap))
                            cosmetic_words += 1
                        elif gk is not None:
                            out.append(Discrepancy(gk, qtext[qtoks[qi - 1].start : qtoks[qi].end], ptext[ptoks[pi - 1].start : ptoks[pi].end],
                                                   qgap, pgap))
                            cosmetic_words += 1
                    prev_pair = (qi, pi)
                continue
            prev_pair = None
            qs, ps = qtoks[op.q1 : op.q2], ptoks[op.p1 : op.p2]
            if op.tag in (OpTag.REPLACE, OpTag.INSERT) and qs and all(qt.bracketed[op.q1 : op.q2]):
                base = max(0, qs[0].start - 1)
                m = re.search(r"\[[^\]]*\]", qtext[base : qs[-1].end + 1])
                qw = Span(base + m.start(), base + m.end()) if m else _words(qtoks, op.q1, op.q2)
                assert qw
                out.append(Discrepancy(K.BRACKETED, qtext[qw.start : qw.end], _span(ptext, ptoks, op.p1, op.p2),
                                       qw, _words(ptoks, op.p1, op.p2)))
                matched += len(qs)
                continue
            if op.tag is OpTag.DELETE and _is_splice(ptext, ptoks, op.p1, op.p2):
                spoken = _words(ptoks, op.p1, op.p2)
                assert spoken
                out.append(Discrepancy(K.SPLICE, "", ptext[spoken.start : spoken.end], None, spoken))
                continue
            if op.tag is OpTag.REPLACE and words.redaction(ps) and _a_name(qs, qtext):
                qw, pw = _words(qtoks, op.q1, op.q2), _words(ptoks, op.p1, op.p2)
                assert qw and pw
                out.append(Discrepancy(K.REDACTION, qtext[qw.start : qw.end], ptext[pw.start : pw.end], qw, pw))
                matched += len(qs)
                continue
            if op.tag is OpTag.REPLACE and "".join(t.key for t in qs) == "".join(t.key for t in ps):
                # one word written as two or split in two ("by-product"/"byproduct", "SE CRETLY")
                qw, pw = _words(qtoks, op.q1, op.q2), _words(ptoks, op.p1, op.p2)
                assert qw and pw
                qside, pside = qtext[qw.start : qw.end], ptext[pw.start : pw.end]
                hyphen = any(c in DASH_CHARS for c in qside + pside)
                out.append(Discrepancy(K.HYPHENATION if hyphen else K.WHITESPACE, qside, pside, qw, pw))
                matched += len(qs)
                cosmetic_words += len(qs)
                continue
            if op.tag is OpTag.REPLACE and words.same_name(qs, ps):
                qw, pw = _words(qtoks, op.q1, op.q2), _words(ptoks, op.p1, op.p2)
                assert qw and pw
                out.append(Discrepancy(K.NAME_SPELLING, qtext[qw.start : qw.end], ptext[pw.start : pw.end], qw, pw))
                matched += len(qs)
                cosmetic_words += len(qs)
                continue
            if op.tag is OpTag.REPLACE and len(qs) == len(ps):
                if all(words.spelling(q, p) for q, p in zip(qs, ps, strict=True)):
                    for q, p in zip(qs, ps, strict=True):
                        out.append(Discrepancy(K.SPELLING, q.text, p.text, Span(q.start, q.end), Span(p.start, p.end)))
                    matched += len(qs)
                    cosmetic_words += len(qs)
                    continue
            kind = _substantive(qs, ps, qtext, ptext)
            qw, pw = _where(qtext, qtoks, op.q1, op.q2, parens=True), _where(ptext, ptoks, op.p1, op.p2, parens=True)
            if pw is None and op.p1 < len(ptoks):  # an insertion: where in the source it would stand
                pw = Span(ptoks[op.p1].start, ptoks[op.p1].start)
            out.append(Discrepancy(kind, qtext[qw.start : qw.end] if qw else "", ptext[pw.start : pw.end] if pw else "",
                                   qw, pw))
        ends = [o.p2 for o in seg.ops if o.tag in (OpTag.EQUAL, OpTag.REPLACE)]
        if ends:
            last_p = max(ends)
    # The article's own speech tags between the parts of a spliced quote ("…held," Ray wrote, "Mugabe…")
    # are marked by its quotation marks (the record's `parts`): no difference from the source.
    out = _merge_case_runs(out, qtext, ptext)
    n = sum(1 for b in qt.bracketed if not b) or 1
    substantive = sum(1 for d in out if d.severity is Severity.SUBSTANTIVE)
    score = max(0.0, min(1.0, matched / max(n, 1))) - SUBSTANTIVE_PENALTY * substantive - COSMETIC_PENALTY * cosmetic_words
    return Described(out, min(matched, n), round(max(0.0, score), 4))


def _a_name(toks: list[Token], text: str | None) -> bool:
    """Words that can be a person's name: capitalised, joined by hyphens ("Lee Hyun-soo"), or small
    words inside it ("de", "bin"): what an article prints where the release has XXXXXXXXXXXX."""
    return bool(toks) and all(
        t.text[:1].isupper() or t.key in STOPWORDS or (k > 0 and toks[k - 1].end + 1 == t.start)
        for k, t in enumerate(toks))


def _merge_case_runs(found: list[Discrepancy], qtext: str, ptext: str) -> list[Discrepancy]:
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


def _merge_split_words(ops: list[Op], qtoks: list[Token], ptoks: list[Token]) -> list[Op]:
    """Neighbouring unmatched words that spell the same letters on both sides ("by" "product" /
    "byproduct"; "Secretly" / "SE" "CRETLY") become one replacement, which `describe` calls a
    hyphenation or white-space difference."""
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if (prev is not None and op.tag is not OpTag.EQUAL and prev.tag is not OpTag.EQUAL
                and prev.q2 == op.q1 and prev.p2 == op.p1):
            q1, q2, p1, p2 = prev.q1, op.q2, prev.p1, op.p2
            if q2 > q1 and p2 > p1 and "".join(t.key for t in qtoks[q1:q2]) == "".join(t.key for t in ptoks[p1:p2]):
                out[-1] = Op(OpTag.REPLACE, q1, q2, p1, p2)
                continue
        out.append(op)
    return out


def _merge_redactions(ops: list[Op], qtoks: list[Token], ptoks: list[Token]) -> list[Op]:
    """A name of several words printed where the release has one `XXXXXXXXXXXX`: the alignment
    gives one word to the X's and leaves the others unmatched beside them; they are one redaction."""
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if prev is not None and {prev.tag, op.tag} == {OpTag.REPLACE, OpTag.INSERT}:
            rep = prev if prev.tag is OpTag.REPLACE else op
            ins = op if rep is prev else prev
            if (words.redaction(ptoks[rep.p1 : rep.p2]) and ins.q2 - ins.q1 <= 4
                    and _a_name(qtoks[ins.q1 : ins.q2], None)):
                out[-1] = Op(OpTag.REPLACE, min(prev.q1, op.q1), max(prev.q2, op.q2), rep.p1, rep.p2)
                continue
        out.append(op)
    return out


def _ellipsis_span(qtext: str, lo: int, hi: int) -> Span:
    """The ellipsis marks between two segments' words, exactly: from the first mark to the last,
    without the spaces, quotation marks or punctuation around them."""
    marks = [m for m in ELLIPSIS_RE.finditer(qtext, lo, hi) if m.group().strip()]
    if not marks:
        return Span(lo, hi)
    a, b = marks[0].start(), marks[-1].end()
    while a < b and qtext[a].isspace():
        a += 1
    while b > a and qtext[b - 1].isspace():
        b -= 1
    return Span(a, b)


def _number_span(qtoks: list[Token], ptoks: list[Token], qi: int, pi: int) -> tuple[int, int, int, int]:
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
