"""Find the quotations in an article, with what the article claims about their source.

Straight, curly and single quotation marks and guillemets; nested quotes stay inside their outer
quote; a quote may run over a paragraph break when the break is a wrapping artifact; a quotation
interrupted by a speech tag that ends in a comma (`"We have 18 months," he said, "and if ...`) is one
quotation with a splice. Apostrophes (`Mexico's`) and mixed marks (`‘losing'`) are not boundaries.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import UnbalancedQuotesError
from ..lexicon import AUTHOR_VERBS, MONTH_NUMBER, MONTH_RE
from ..lexicon import SPEECH_VERB_RE as SPEECH_VERBS
from ..model import Article, Claim, Quote, QuoteKind, Span
from . import entities

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
DOC_NOUNS = r"(?:cable|dispatch|memo|memorandum|assessment|document|message|report|telegram|dated)"
DATE_RE = re.compile(MONTH_RE + r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?:of\s+)?(?P<year>(?:19|20)\d{2}))?")
_DATE = r"(?P<date>" + DATE_RE.pattern + r"|(?P<year_only>(?:19|20)\d{2})\b)"
_DOC = r"(?:cable|dispatch|memo|memorandum|assessment|document|message|report|telegram|analysis|note)s?"
DOCUMENT_DATE_RES = [re.compile(p, re.I if i else 0) for i, p in enumerate([
    r"\b(?:a|an|the|one|his|her|its|their|that|this|in|[Aa]nother)\s+" + _DATE + r"\s+" + _DOC + r"\b",
    r"\b" + _DOC + r"\s+(?:was\s+|were\s+)?(?:dated|sent|written|signed|filed|issued|from)\s+(?:on\s+|in\s+)?" + _DATE,
    r"\bdated\s+(?:on\s+)?" + _DATE,
    r"\b(?:wrote|cabled|reported|warned|noted|added|said|signed)\s+(?:on\s+|in\s+)" + _DATE,
    r"\b(?:in|on)\s+" + _DATE + r",?\s+(?:the\s+)?(?:ambassador|embassy|diplomats?|officials?|consulate)\b[^.]{0,40}?\b(?:wrote|cabled|reported)\b",
])]
NOT_NAMES = {
    "In", "The", "A", "An", "According", "One", "But", "And", "Also", "On", "At", "As", "After",
    "Before", "When", "While", "This", "That", "These", "Those", "He", "She", "They", "It", "We",
    "Secretary", "State", "Department", "US", "U.S.", "Embassy", "President", "Ambassador", "Gen.",
    "Former", "Deputy", "Mexican", "Mexico", "Washington", "Thursday", "Monday", "Tuesday",
    "Wednesday", "Friday", "Saturday", "Sunday", "Shortly", "Meanwhile", "Officially", "Looking",
    "Sometimes", "Well", "Now", "Yes", "There", "Some", "Many", "Cable", "Cables", "Memo", "Army",
    "Navy", "Foreign", "Ministry", "American", "Congress", "Pres.", "Amb.", "Sen.", "Rep.", "Mr.",
    "Mrs.", "Ms.", "Dr.", "Undersecretary", "Interior", "Leaked", "WikiLeaks", "Clinton's",
    "Officials", "Diplomats", "Analysts", "Critics", "Experts", "Sources", "Authorities", "Observers",
    "Investigators", "Prosecutors", "Lawmakers", "Residents", "Witnesses", "Reporters", "Documents",
}  # fmt: skip
ABBREV = r"(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Amb|Lt|Col|Maj|Sgt|Jr|Sr|Inc|Co|Corp|No|vs|U\.S|[A-Z])"
SENTENCE_END = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘A-Z(]|\s*\n\s*\n|\s*$)")
ABBREV_RE = re.compile(r"\b" + ABBREV + r"$")
NAME_RE = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][\w’'.-]*\s+){0,3}[A-ZÁÉÍÓÚÑ][\w’'-]*[a-zá-ú]")


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


def _double_quotes(text: str, name: str, strict: bool) -> list[_Raw]:
    """Double-quoted spans. A quotation that runs over paragraphs opens each paragraph with a mark and
    closes only the last (the convention in print): its paragraphs come back as raws joined to the one
    before. A mark left open is a quotation to the end of its paragraph (with a warning), so that the
    quotes inside it are not taken for quotations of their own."""
    marks = [m.start() for m in re.finditer(r'["“”„«»]', text)]
    out: list[_Raw] = []
    open_at: int | None = None
    joined = False  # the quotation open now continues the one before it

    def left_open(at: int, until: int) -> None:
        _unbalanced(name, text, at, strict)
        if re.search(r"[^\W\d_]", text[at + 1 : until]):
            out.append(_Raw(at + 1, until, at, joined))

    for i in marks:
        kind = _is_opener(text, i)
        if open_at is None:
            if kind is False:
                _unbalanced(name, text, i, strict)
                continue
            open_at, joined = i, False
            continue
        between = text[open_at + 1 : i]
        brk = re.search(r"\n[ \t]*\n", between)
        if brk and kind is True:
            if re.fullmatch(r"\s*", between[brk.end():]):  # the next paragraph opens the same quotation
                out.append(_Raw(open_at + 1, open_at + 1 + brk.start(), open_at, joined))
                open_at, joined = i, True
            else:
                left_open(open_at, open_at + 1 + brk.start())
                open_at, joined = i, False
            continue
        if kind is True and not brk:
            # an opener while one is open: nested double quotes are rare; treat the first as stray
            _unbalanced(name, text, open_at, strict)
            open_at, joined = i, False
            continue
        if len(re.findall(r"\n[ \t]*\n", between)) > 1:
            assert brk is not None
            left_open(open_at, open_at + 1 + brk.start())
            open_at, joined = (i, False) if kind is not False else (None, False)
            continue
        out.append(_Raw(open_at + 1, i, open_at, joined))
        open_at, joined = None, False
    if open_at is not None:
        end = re.search(r"\n[ \t]*\n", text[open_at:])
        left_open(open_at, open_at + end.start() if end else len(text))
    return out


def _single_quotes(text: str, inside: list[_Raw]) -> list[_Raw]:
    covered = [(r.open_mark, r.end + 1) for r in inside]
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—]))[‘'](?=[A-Za-z])([^‘’'\n]{1,200}?[A-Za-z.,!?])[’'](?![A-Za-z])", text, re.M):
        if any(a <= m.start() < b for a, b in covered):
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


def _sentence(masked: str, start: int, end: int) -> tuple[int, int]:
    para_start = max(masked.rfind("\n\n", 0, start), masked.rfind("\n \n", 0, start))
    lo = para_start + 1 if para_start >= 0 else 0
    for m in _ends(masked, lo, start):
        lo = m.end()
    stop = next(_ends(masked, end, len(masked)), None)
    para_end = masked.find("\n\n", end)
    hi = stop.end() if stop else len(masked)
    if para_end != -1 and para_end < hi:
        hi = para_end
    return lo, hi


def _name(words: str) -> str | None:
    for m in reversed(list(NAME_RE.finditer(words))):
        if re.search(r"[’']s$", m.group()):
            continue
        parts = [w for w in m.group().split() if w not in NOT_NAMES and not DATE_RE.fullmatch(w.rstrip(","))
                 and not re.search(r"[’']s$", w)]
        if parts:
            return " ".join(parts)
    return None


def _claim(masked: str, raw: _Raw, lo: int, hi: int) -> Claim:
    before = masked[lo : raw.open_mark]
    after = masked[raw.end + 1 : hi]
    sentence = masked[lo:hi]
    speaker = verb = cue = None
    authorship = False
    m = re.match(r"\s*,?\s*(?P<verb>" + SPEECH_VERBS + r")\s+(?P<who>[^,.;\"“”Q]+?)(?=\s+(?:in|on|at|to|during|about)\b|[,.;]|$)", after)
    m2 = re.match(
        r"\s*,?\s*(?P<who>[^,.;\"“”Q]{1,60}?)\s+(?:also\s+)?(?P<verb>" + SPEECH_VERBS + r"|was quoted as saying)\b(?P<rest>[^.;\"“”Q]*)", after
    )
    if m:
        who, verb, cue = m.group("who"), m.group("verb"), after[: m.end()].strip(" ,")
    elif m2:
        who, verb, cue = m2.group("who"), m2.group("verb").split()[0], after[: m2.end()].strip(" ,")
    else:
        vm = list(re.finditer(r"\b(?P<verb>" + SPEECH_VERBS + r")\b(?:\s+that)?", before))
        who = None
        if vm:
            verb = vm[-1].group("verb")
            head = before[: vm[-1].start()]
            who = head.rsplit(",", 1)[-1] if not re.search(r"\b(?:he|she)\s*$", head) else head
            if _name(who) is None:
                who = head
            cue = before[vm[-1].start() - len(who) if len(who) < vm[-1].start() else 0 : vm[-1].end()].strip()
        else:
            nm = re.search(r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s*$", before)
            if nm:
                who, cue = nm.group(1), nm.group(1)
    if who is not None:
        speaker = _name(who)
        if speaker and " " not in speaker and re.search(r"\b" + re.escape(speaker.lower()) + r"\b", masked):
            speaker = None  # "Officials said": a word the article also writes in lower case is no name
        if speaker and not entities.is_person(speaker, masked[lo:hi]):
            speaker = None  # "Rome said", "reports the Guardian": a place or an outlet is no speaker
    if verb in AUTHOR_VERBS or re.search(r"\bin (?:the|a|his|her|one)\b[^.]{0,30}\b(?:cable|dispatch|memo)\b", after[:80]):
        authorship = True
    if speaker is None and verb is None:
        cue = None
    date_text, year, month, day = _document_date(sentence)
    return Claim(speaker, verb, authorship, date_text, year, month, day, cue)


def _document_date(sentence: str) -> tuple[str | None, int | None, int | None, int | None]:
    """The date the article gives the cable itself: "a Jan. 29 cable", "a cable dated Oct. 5, 2009",
    "a dispatch sent in November of 2009", "wrote in 2010", "a 2008 memo". A dateline ("Dec. 3") or
    an event's date ("the September 2009 elections") is no claim about the cable."""
    for rx in DOCUMENT_DATE_RES:
        m = rx.search(sentence)
        if m is None:
            continue
        d = m.groupdict()
        if d.get("mon") == "May" and not (d.get("day") or d.get("year")):
            continue
        month = MONTH_NUMBER[d["mon"][:3].lower()] if d.get("mon") else None
        year = d.get("year") or d.get("year_only")
        return (m.group("date").strip(), int(year) if year else None, month,
                int(d["day"]) if d.get("day") else None)
    return None, None, None, None


SPLICE_TAG = re.compile(r"\s*(?P<tag>[^\"“”.!?\n]{1,60}?\b(?:" + SPEECH_VERBS + r")\b[^\"“”.!?\n]{0,60}?),\s*$")


def _only_a_tag(tag: str) -> bool:
    """A speech tag and nothing more: one speech verb, no second clause."""
    return (len(re.findall(r"\b(?:" + SPEECH_VERBS + r")\b", tag)) == 1
            and not re.search(r",\s*(?:and|but|while|as|who|which)\b", tag))


def _kind(text: str, quote_text: str, raw: _Raw) -> QuoteKind:
    before = text[max(0, raw.open_mark - 60) : raw.open_mark]
    after = text[raw.end + 1 : raw.end + 20]
    if re.search(r"[A-Z][\w'-]+, [A-Z][\w'-]+(?: [A-Z]\.)?\.\s*$", before) or re.match(r"\s*\((?:19|20)\d{2}\)", after):
        return QuoteKind.TITLE
    words = quote_text.strip(" ,.;:").split()
    if 1 < len(words) <= 3 and all(w[:1].isupper() for w in words) and raw.open_mark > 0 and not re.search(r"[.!?:]\s*$", text[: raw.open_mark]):
        return QuoteKind.NAME
    if len(quote_text.split()) <= 4 and not re.search(r"[.!?]\W*$", quote_text.strip()):
        return QuoteKind.SCARE
    return QuoteKind.QUOTATION


def extract(article: Article, strict: bool = False) -> list[Quote]:
    text = article.text
    raws = _double_quotes(text, article.name, strict)
    raws += _single_quotes(text, raws)
    raws.sort(key=lambda r: r.start)
    raws = [r for r in raws if re.search(r"[^\W\d_]", text[r.start : r.end])]
    masked = _mask(text, raws)
    quotes: list[Quote] = []
    i = 0
    while i < len(raws):
        group = [raws[i]]
        tags: list[str] = []
        while i + 1 < len(raws):
            a, b = group[-1], raws[i + 1]
            if b.joined:
                group.append(b)
                i += 1
                continue
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
        lo, hi = _sentence(masked, group[0].open_mark, group[-1].end)
        claim = _claim(masked, group[-1] if len(group) == 1 else group[0], lo, hi)
        if claim.empty and len(group) > 1:
            claim = _claim(masked, group[-1], lo, hi)
        context = " ".join(text[lo:hi].split())
        quotes.append(
            Quote(
                article=article.name,
                text=quote_text,
                start=parts[0].start,
                end=parts[-1].end,
                parts=tuple(parts),
                kind=_kind(text, quote_text, group[0]),
                context=context,
                claim=claim,
                splice_tags=tuple(tags),
            )
        )
    return quotes
