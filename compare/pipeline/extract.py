"""Find the quotations in an article, with what the article claims about their source.

Straight, curly and single quotation marks and guillemets; nested quotes stay inside their outer
quote; a quote may run over a paragraph break when the break is a wrapping artifact; a quotation
interrupted by a speech tag that ends in a comma (`"We have 18 months," he said, "and if ...`) is one
quotation with a splice. Apostrophes (`Mexico's`) and mixed marks (`‘losing'`) are not boundaries.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..errors import UnbalancedQuotesError
from ..lexicon import ABBREVIATIONS, alternation
from ..lexicon import SPEECH_VERB_RE as SPEECH_VERBS
from ..model import Article, Claim, Quote, QuoteKind, Span
from ..tokens import has_words
from ..weights import (
    CUE_WINDOW,
    NAME_QUOTE_MAX_WORDS,
    NAME_WINDOW,
    SCARE_MAX_WORDS,
    TITLE_LINE_CHARS,
    TITLE_LINE_MIN_WORDS,
    TITLE_LINE_SHARE,
    WRAPPED_MAX_CHARS,
    WRAPPED_MIN_CHARS,
    WRAPPED_MIN_LINES,
    WRAPPED_SHARE,
)
from . import claims, standing
from .language import detect

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
# an abbreviation of any of the languages (`lexicon.ABBREVIATIONS`) or one capital (an initial)
ABBREV = r"(?:" + alternation(tuple({re.escape(a) for words in ABBREVIATIONS.values() for a in words})) + r"|[A-Z])"
# (?<![.!?]): a run of marks is tried from its start only (every match starts there anyway), so that a
# run of 100,000 full stops is one pass, not 100,000
SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"”’'»]?(?=\s+[\"“‘«¿¡A-ZÁÉÍÓÚÑ(]|\s*\n\s*\n|\s*$)")
ABBREV_RE = re.compile(r"\b" + ABBREV + r"$")
# `\S` is what `str.strip()` keeps: "nothing but white space between two offsets" is a search that stops
# at the first character it finds, not a copy of what lies between them
NOT_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class _Raw:
    start: int  # the first character inside the marks
    end: int
    open_mark: int  # offset of the opening mark
    joined: bool = False  # continues the quotation before it (the next paragraph of a long quotation)


def _is_opener(text: str, i: int) -> bool | None:
    c = text[i]
    if c in OPEN_DOUBLE:
        return True
    if c in CLOSE_DOUBLE:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-"):
        return False
    return None


def _closes_by_spacing(text: str, i: int, opened: str) -> bool:
    """A mark that opens by its shape but closes by where it stands: after a word and before a space or
    a sign ("…Vertiefung“ nötig"), or the partner of the mark that opened („…“, »…«)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    partner = (opened == "„" and text[i] == "“") or (opened == "»" and text[i] == "«")
    return not before.isspace() and (partner or after.isspace() or after in ".,;:!?)]—–-")


def _opens_by_spacing(text: str, i: int) -> bool:
    """A closing-shaped mark that opens: after a space or the start, before a word (»Angela«)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


class _Breaks:
    """Where the paragraph breaks (`\\n[ \\t]*\\n`, or any line break in a text that is not
    hard-wrapped) of a text stand, found once: the first one at or after a position is a look-up, not
    a scan (a paragraph with thousands of marks stays linear)."""

    def __init__(self, text: str, wrapped: bool = True) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in re.finditer(r"\n(?=[ \t]*\n)" if wrapped else r"\n", text):  # overlapping ones included
            self.starts.append(m.start())
            self.ends.append(text.index("\n", m.end()) + 1 if wrapped else m.end())

    def next_start(self, at: int, default: int) -> int:
        """Where the first break at or after `at` starts, or `default`."""
        k = bisect_left(self.starts, at)
        return self.starts[k] if k < len(self.starts) else default

    def within(self, lo: int, hi: int) -> bool:
        """`re.search(r"\\n[ \\t]*\\n", text[lo:hi])` is not None."""
        k = bisect_left(self.starts, lo)
        return k < len(self.starts) and self.ends[k] <= hi


def _double_quotes(text: str, name: str, strict: bool, wrapped: bool = True) -> list[_Raw]:
    """Double-quoted spans. A quotation that runs over paragraphs opens each paragraph with a mark and
    closes only the last (the convention in print): its paragraphs come back as raws joined to the one
    before. A mark left open is a quotation to the end of its paragraph (with a warning), so that the
    quotes inside it are not taken for quotations of their own. Curly marks nest (“… (“César”), …”);
    two apostrophes stand for a double mark (''términos'')."""
    marks = [m.start() for m in re.finditer(r'["“”„«»]|(?<![\'’])(?:\'\'|’’|‘‘)(?![\'’])', text)]
    breaks = _Breaks(text, wrapped)
    out: list[_Raw] = []
    open_at: int | None = None
    joined = False  # the quotation open now continues the one before it
    skip_to = -1  # the closing mark of a nested quotation: marks up to it belong to the outer one

    def left_open(at: int, until: int) -> None:
        _unbalanced(name, text, at, strict)
        if re.search(r"[^\W\d_]", text[at + 1 : until]):
            out.append(_Raw(at + 1, until, at, joined))

    def width(at: int) -> int:
        return 2 if text[at : at + 2] in ("\'\'", "’’", "‘‘") else 1

    for i in marks:
        if i <= skip_to:
            continue
        if open_at is not None and text[open_at] == "«" and text[i] != "»" and not breaks.within(open_at + 1, i):
            continue  # «… “rendición” …»: inside guillemets, curly and straight quotes are nested quotes
        kind = _is_opener(text, i)
        if open_at is not None and kind is True and text[i] in "“«" and _closes_by_spacing(text, i, text[open_at]):
            kind = False  # German „…“ and »…«, and a “ written after the words it closes ("…Vertiefung“ nötig)
        elif open_at is None and text[i] in "»”" and _opens_by_spacing(text, i):
            kind = True  # »…«, the German and Danish guillemets; ”…” (a closing shape typed for both marks)
        if open_at is None:
            if kind is False:
                _unbalanced(name, text, i, strict)
                continue
            open_at, joined = i, False
            continue
        between = text[open_at + 1 : i]
        brk = re.search(r"\n[ \t]*\n", between)
        if not brk and not wrapped and kind is True:  # one paragraph a line: the next line opens the quotation
            brk = re.search(r"\n(?=[ \t]*$)", between)
        if brk and kind is True:
            if re.fullmatch(r"\s*", between[brk.end():]):  # the next paragraph opens the same quotation
                out.append(_Raw(open_at + 1, open_at + 1 + brk.start(), open_at, joined))
                open_at, joined = i, True
            else:
                left_open(open_at, open_at + 1 + brk.start())
                open_at, joined = i, False
            continue
        if kind is True and not brk:
            if text[open_at] in "“„" and text[i] in "“„":
                # “… (“César”), quien …”: a nested quotation when its closing mark and the outer one's follow
                stop = breaks.next_start(i, len(text))
                inner = text.find("”", i, stop)
                if inner >= 0 and text.find("”", inner + 1, stop) >= 0:
                    skip_to = inner
                    continue
            # an opener while one is open: nested double quotes are rare; treat the first as stray
            _unbalanced(name, text, open_at, strict)
            open_at, joined = i, False
            continue
        if len(re.findall(r"\n[ \t]*\n", between)) > 1:
            assert brk is not None
            left_open(open_at, open_at + 1 + brk.start())
            open_at, joined = (i, False) if kind is not False else (None, False)
            continue
        out.append(_Raw(open_at + width(open_at), i, open_at, joined))
        open_at, joined = None, False
    if open_at is not None:
        end = re.search(r"\n[ \t]*\n", text[open_at:])
        left_open(open_at, open_at + end.start() if end else len(text))
    return out


def _single_quotes(text: str, inside: list[_Raw]) -> list[_Raw]:
    covered = sorted((r.open_mark, r.end + 1) for r in inside)  # the double quotes: apart, in order
    starts = [a for a, _ in covered]
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—]))[‘'](?=[A-Za-z])([^‘’'\n]{1,200}?[A-Za-z.,!?])[’'](?![A-Za-z])", text, re.M):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < covered[k][1]:
            continue
        out.append(_Raw(m.start(1), m.end(1), m.start()))
    return out


def _unbalanced(name: str, text: str, at: int, strict: bool) -> None:
    snippet = " ".join(text[at : at + 40].split())
    if strict:
        raise UnbalancedQuotesError(name, at, snippet)
    warnings.warn(f"{name}: skipped an unbalanced quotation mark at character {at} ({snippet!r})", stacklevel=3)


def _mask(text: str, raws: list[_Raw]) -> str:
    chars = list(text)
    for r in raws:
        for k in range(r.start, r.end):
            if chars[k].isalnum():
                chars[k] = "Q"
    return "".join(chars)


def _ends(masked: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    for m in SENTENCE_END.finditer(masked, lo, hi):
        if m.group()[0] == "." and ABBREV_RE.search(masked, max(0, m.start() - 6), m.start()):
            continue
        yield m


_END_BLOCK = frozenset(".!?\"”’'»")  # what a sentence end and the white space after it are made of


class _Sentences:
    """The sentence ends and paragraph breaks of a masked article, found once, so that the sentence
    around each quotation is a look-up (linear in the quotes of a paragraph, not quadratic)."""

    def __init__(self, masked: str, wrapped: bool = True) -> None:
        self.masked = masked
        ends = list(_ends(masked, 0, len(masked)))
        self.end_starts = [m.start() for m in ends]
        self.end_ends = [m.end() for m in ends]
        if wrapped:  # a blank line ends a paragraph
            self.width = 2
            self.double = [m.start() for m in re.finditer(r"(?=\n\n)", masked)]  # overlapping, as str.find sees them
            self.spaced = [m.start() for m in re.finditer(r"(?=\n \n)", masked)]
        else:  # any line break does
            self.width = 1
            self.double = [m.start() for m in re.finditer(r"\n", masked)]
            self.spaced = []

    def breaks_within(self, lo: int, hi: int) -> bool:
        """A paragraph break starts in `masked[lo:hi]`."""
        return any(k < len(found) and found[k] < hi for found in (self.double, self.spaced)
                   for k in (bisect_left(found, lo),))

    def _last_before(self, found: list[int], width: int, start: int) -> int:
        """`masked.rfind(pattern, 0, start)` for a pattern of `width` characters found at `found`."""
        k = bisect_right(found, start - width) - 1
        return found[k] if k >= 0 else -1

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence from the quotation's opening mark (`start`) to its closing one (`end`):
        the same bounds as scanning for sentence ends from the paragraph's start, with `start` as
        the end of the text (a mark right before an opening quotation ends a sentence there)."""
        masked = self.masked
        para_start = max(self._last_before(self.double, self.width, start), self._last_before(self.spaced, 3, start))
        lo = para_start + 1 if para_start >= 0 else 0
        # Only the run of sentence-end marks, quotation marks and white space right before `start`
        # can end differently when the text is cut at `start`: it is scanned as cut; the ends before
        # it are the whole text's.
        q = start
        while q > lo and (masked[q - 1] in _END_BLOCK or masked[q - 1].isspace()):
            q -= 1
        k = bisect_left(self.end_starts, q) - 1
        if k >= 0 and self.end_starts[k] >= lo:
            lo = self.end_ends[k]
        for m in _ends(masked, q, start):
            lo = m.end()
        # a quotation that ends its sentence inside the marks ("… with President Obama.” The cables …")
        k = bisect_left(self.end_starts, end - 1 if end > start and masked[end - 1] in ".!?" else end)
        hi = self.end_ends[k] if k < len(self.end_starts) else len(masked)
        k = bisect_left(self.double, end)
        if k < len(self.double) and self.double[k] < hi:
            hi = self.double[k]
        return lo, hi


def _paragraph_break(wrapped: bool) -> str:
    """A paragraph break: a blank line; in a text that is not hard-wrapped, any line break."""
    return r"\n[ \t]*\n" if wrapped else r"\n"


def hard_wrapped(text: str) -> bool:
    """Most of the text's lines that run on into another stop at about the same width (a page saved
    with hard line breaks): there a single line break is no paragraph break."""
    lines = text.split("\n")
    runs = [len(a.rstrip()) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(runs) < WRAPPED_MIN_LINES:
        return False
    inside = sum(WRAPPED_MIN_CHARS <= n <= WRAPPED_MAX_CHARS for n in runs)
    return inside >= WRAPPED_SHARE * len(runs)




def _previous(sentences: _Sentences, lo: int) -> str:
    """The sentence before the one that starts at `lo`, when the same paragraph holds it (at most
    `NAME_WINDOW` characters of it: what a claim carried over reads)."""
    masked = sentences.masked
    j, floor = lo, max(0, lo - NAME_WINDOW)
    while j > floor and masked[j - 1].isspace():
        j -= 1
    if j <= floor or sentences.breaks_within(j, lo):
        return ""
    plo, _ = sentences.sentence(j - 1, j - 1)
    return masked[max(plo, lo - NAME_WINDOW) : lo]


SPLICE_TAG = re.compile(r"\s*(?P<tag>[^\"“”.!?\n]{1,60}?\b(?:" + SPEECH_VERBS + r")\b[^\"“”.!?\n]{0,60}?),\s*$")


def _only_a_tag(tag: str) -> bool:
    """A speech tag and nothing more: one speech verb, no second clause."""
    return (len(re.findall(r"\b(?:" + SPEECH_VERBS + r")\b", tag)) == 1
            and not re.search(r",\s*(?:and|but|while|as|who|which)\b", tag))


def _ends_clause(text: str, at: int) -> bool:
    """`re.search(r"[.!?:]\\s*$", text[:at])`, looking back from `at` only; a blank line before `at` (a
    new paragraph: a heading's first word is capitalised by its place, "\n\n“Vaniteux”") ends one too."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and (text[i] in ".!?:" or text.count("\n", i, at) >= 2)  # noqa: PLR2004 - a blank line


def _title_case(text: str, at: int) -> bool:
    """Whether the line holding `at` capitalises its words (a headline: "Gaddafi's 'Voluptuous Blonde'
    Nurse And Alleged Lover, Flees Libya"): there a capital says nothing of a name. Looks at the line's
    first `TITLE_LINE_CHARS` characters around `at` only."""
    lo = text.rfind("\n", max(0, at - TITLE_LINE_CHARS), at) + 1 or max(0, at - TITLE_LINE_CHARS)
    hi = text.find("\n", at, at + TITLE_LINE_CHARS)
    words = TITLE_WORD_RE.findall(text[lo : hi if hi >= 0 else at + TITLE_LINE_CHARS])
    return len(words) >= TITLE_LINE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_LINE_SHARE * len(words)


TITLE_WORD_RE = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: "and", "of", "the" stay lower case


def _ends_sentence(text: str) -> bool:
    """`re.search(r"[.!?]\\W*$", text)`: a full stop, question or exclamation mark among the
    characters after the last word character; looking back from the end only (linear)."""
    i = len(text) - 1
    while i >= 0 and not (text[i].isalnum() or text[i] == "_"):
        if text[i] in ".!?":
            return True
        i -= 1
    return False


def _kind(text: str, quote_text: str, raw: _Raw, language: str | None, lead: int) -> QuoteKind:
    """The quotation's kind. `lead`: where the text's first character that is not white space stands
    (found once per article: whether anything stands before a mark is then no scan of the text)."""
    before = text[max(0, raw.open_mark - 60) : raw.open_mark]
    after = text[raw.end + 1 : raw.end + 20]
    if re.search(r"[A-Z][\w'-]+, [A-Z][\w'-]+(?: [A-Z]\.)?\.\s*$", before) or re.match(r"\s*\((?:19|20)\d{2}\)", after):
        return QuoteKind.TITLE
    words = quote_text.strip(" ,.;:").split()
    mid_sentence = (raw.open_mark > 0 and not _ends_clause(text, raw.open_mark) and raw.open_mark > lead
                    and not _title_case(text, raw.open_mark))
    # "Tony Tormenta", "April 6 Movement", and (outside German, which capitalises its nouns) "Clinton"
    if (mid_sentence and (1 < len(words) <= NAME_QUOTE_MAX_WORDS or (len(words) == 1 and language not in ("de", None)))
            and all(w[:1].isupper() or w.isdigit() for w in words) and any(w[:1].isupper() for w in words)):
        return QuoteKind.NAME
    if len(quote_text.split()) <= SCARE_MAX_WORDS and not _ends_sentence(quote_text.strip()):
        return QuoteKind.SCARE
    return QuoteKind.QUOTATION


def _one_speaker(quotes: list[Quote], continued: list[bool]) -> list[Quote]:
    """The paragraphs of one long quotation (each opens with a mark, only the last closes: the print
    convention) are quotations of their own, each traced to its own passage, but of one speaker: a
    paragraph whose sentence says nothing takes what the article says of the quotation, before its
    first paragraph ("The ambassador wrote:") or after its last ("…,” the cable said")."""
    out = list(quotes)
    k = 0
    while k < len(out):
        end = k + 1
        while end < len(out) and continued[end]:
            end += 1
        if end - k > 1:
            said = next((q.claim for q in (out[k], out[end - 1]) if _says(q.claim)), None)
            for j in range(k, end):
                q = out[j]
                # a paragraph of a long quotation is a quotation, however short ("It resists modernization,")
                kind = QuoteKind.QUOTATION if q.kind is QuoteKind.SCARE else q.kind
                claim = said if said is not None and not _says(q.claim) and kind is not QuoteKind.NAME else q.claim
                out[j] = replace(q, kind=kind, claim=claim)
        k = end
    return out


def _says(claim: Claim) -> bool:
    """Whether the article's sentence says anything of the quotation: a speaker, a verb, a date, a
    classification, or a title."""
    return not claim.empty or claim.cue is not None or claim.verb is not None or claim.subject


def extract(article: Article, strict: bool = False) -> list[Quote]:
    text = article.text
    wrapped = hard_wrapped(text)
    raws = _double_quotes(text, article.name, strict, wrapped)
    raws += _single_quotes(text, raws)
    raws.sort(key=lambda r: r.start)
    raws = [r for r in raws if re.search(r"[^\W\d_]", text[r.start : r.end])]
    masked = _mask(text, raws)
    sentences = _Sentences(masked, wrapped)
    contexts: dict[tuple[int, int], str] = {}
    # the article's own words (its quotations left out): the language its claims are written in
    language = detect(re.sub(r"\bQ+\b", " ", masked)) or detect(text)
    lead = len(text) - len(text.lstrip())  # the first character that is not white space
    quotes: list[Quote] = []
    frames: list[standing.Frame] = []
    continued: list[bool] = []  # the quote is the next paragraph of the quotation before it
    last_hi = -1
    i = 0
    while i < len(raws):
        group = [raws[i]]
        tags: list[str] = []
        while i + 1 < len(raws):
            a, b = group[-1], raws[i + 1]
            if b.joined:  # the next paragraph of a long quotation: a quotation of its own, of one speaker
                break
            between = text[a.end + 1 : b.open_mark]
            tm = SPLICE_TAG.fullmatch(between)
            # a speech tag inside one sentence of the source: the first part ends with a comma (the
            # sentence goes on), and the tag is only a tag ("Ambassador Charles Ray wrote", not "the
            # cable said, and other commanders said to have fled": the article's words for a gap)
            if (tm and text[a.start : a.end].rstrip().endswith(",") and _only_a_tag(tm.group("tag"))
                    and (text[b.start : b.end].lstrip()[:1].islower() or tm.group("tag").strip()[:1].isupper()
                         or re.match(r"\s*(?:" + SPEECH_VERBS + r")\b", tm.group("tag")))):
                group.append(b)
                tags.append(tm.group("tag").strip(" ,"))
                i += 1
            else:
                break
        i += 1
        parts = []
        for r in group:
            s, e = r.start, r.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            parts.append(Span(s, e))
        quote_text = " ".join(text[p.start : p.end] for p in parts)
        lo, hi = sentences.sentence(group[0].open_mark, group[-1].end)
        words = has_words(quote_text)  # a letter or signs ("a", "X") is traced to nothing: no claim read
        first = group[-1] if len(group) == 1 else group[0]
        claim = claims.read(masked, first.open_mark, first.end, lo, hi, language) if words else Claim()
        if claim.empty and len(group) > 1 and words:
            claim = claims.read(masked, group[-1].open_mark, group[-1].end, lo, hi, language)
        if (lo, hi) not in contexts:  # one sentence's quotations share it
            contexts[(lo, hi)] = " ".join(text[lo:hi].split())
        context = contexts[(lo, hi)]
        previous = _previous(sentences, lo)
        claim = claims.carried(claim, previous, language) if words else claim
        claim = claims.referred(claim, masked, lo, hi, language) if words else claim
        if words and not claim.subject and claims.names_document(masked, group[0].open_mark, lo, language, quote_text):
            claim = replace(claim, subject=True)
        kind = _kind(text, quote_text, group[0], language, lead)
        # what stands around the quote in its sentence, within `CUE_WINDOW` (bounded: a sentence of
        # thousands of quotations costs the same per quotation)
        frames.append(standing.Frame(
            quote_text, kind, masked[max(lo, group[0].open_mark - CUE_WINDOW) : group[0].open_mark],
            masked[group[-1].end + 1 : min(hi, group[-1].end + 1 + CUE_WINDOW)],
            previous, claim,
            # the next paragraph of a long quotation; or it opens its sentence, and the sentence before
            # it is the one of the quote before it
            continues=group[0].joined or (NOT_SPACE.search(masked, lo, group[0].open_mark) is None and last_hi >= 0
                       and not masked[last_hi:lo].strip()
                       and not sentences.breaks_within(last_hi, lo))))
        last_hi = hi
        continued.append(group[0].joined)
        quotes.append(
            Quote(
                article=article.name,
                text=quote_text,
                start=parts[0].start,
                end=parts[-1].end,
                parts=tuple(parts),
                kind=kind,
                context=context,
                claim=claim if kind is not QuoteKind.NAME else Claim(),  # a name is nobody's words: no attribution
                splice_tags=tuple(tags),
                article_language=language,
            )
        )
    quotes = _one_speaker(quotes, continued)
    readings = standing.classify(frames, language)
    return [replace(q, not_cable=r.reason) if r.standing in (standing.Standing.PUBLIC, standing.Standing.OWN) else q
            for q, r in zip(quotes, readings, strict=True)]
