"""Cards: each quote beside its source, every difference marked, as HTML (the HTML report and the
review app draw the same cards).

On the left, the article's passage with the quote marked; on the right, the source paragraph with
the aligned span marked and the cable's metadata. Differences are marked by class in both texts:
cosmetic, editorial (the words an ellipsis hides shown greyed in place), substantive. Every piece of
article and cable text goes through `escape`: nothing in them is ever markup, HTML or Markdown (the
app hands cards to a Markdown renderer, which would still read `![x](url)`, `**bold**` or a blank
line inside escaped HTML; those characters go out as character references).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import Alignment, Cable, Discrepancy, DiscrepancyKind, Quote, QuoteResult, Severity
from .store.reviews import Review, Status
from .triage import (
    COLOURS,
    ORDER,
    PROBLEMS,
    Finding,
    changes_meaning,
    effect,
    finding,
    not_a_cable_quote,
    score_words,
    story_verdict,
    summarize,
    verdict_label,
)

CONTEXT_CHARS = 200  # article text shown on either side of a quote, at most
SOURCE_CONTEXT = 120  # source text shown on either side of the matched sentences, at most

CSS = """
.qc-card{border:1px solid #d0d4da;border-radius:8px;margin:0 0 14px;padding:10px 12px;background:#fff;
  font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1f2328}
.qc-head{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:6px}
.qc-badge{border-radius:12px;padding:1px 10px;font-weight:600;font-size:13px;color:#fff}
TONES
.qc-verdict{border:1px solid #d0d4da;border-radius:12px;padding:0 8px;font-size:12px;color:#57606a}
.qc-review{border-radius:12px;padding:0 8px;font-size:12px;font-weight:600}
.qc-review-accepted{background:#dafbe1;color:#1a7f37}.qc-review-flagged{background:#ffebe9;color:#cf222e}
.qc-where{font-weight:600;font-size:14px}
details.qc-more summary{cursor:pointer}
.qc-meta{color:#57606a;font-size:13px}
.qc-flag{color:#bf3989;font-weight:600;font-size:13px}
.qc-cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.qc-col h4{margin:0 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#57606a}
.qc-text{white-space:pre-wrap;background:#f6f8fa;border-radius:6px;padding:6px 8px;max-height:14em;overflow:auto}
.qc-quote{background:#fff8c5;border-bottom:2px solid #d4a72c}
.qc-span{background:#ddf4ff;border-bottom:2px solid #54aeff}
.qc-cosmetic-d{background:#dafbe1;outline:1px dashed #4ac26b;padding:0 2px}
.qc-editorial-d{background:#eef4ff;outline:1px dashed #0969da;padding:0 2px}
.qc-hidden{color:#8c959f;text-decoration:line-through;background:#eaeef2}
.qc-substantive-d{background:#ffebe9;outline:2px solid #cf222e;font-weight:600;padding:0 3px}
.qc-unmarked-d{background:#fff8c5;outline:2px dashed #9a6700;padding:0 3px}
.qc-article{font-size:13px;color:#57606a;margin:-2px 0 4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.qc-subject{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;font-style:italic}
@media (max-width:1200px){.qc-text{max-height:7.5em}.qc-card{font-size:14px}.qc-subject{-webkit-line-clamp:1}}
.qc-caret{display:inline-block;min-width:.9em;text-align:center;font-weight:700}
.qc-diffs{margin:0 0 6px;padding-left:18px;font-size:14px}
.qc-sev-substantive{color:#cf222e;font-weight:600}.qc-sev-unmarked{color:#9a6700;font-weight:600}
.qc-sev-editorial{color:#0969da;font-weight:600}.qc-sev-cosmetic{color:#4c8c2b;font-weight:600}
.qc-attr-bad{color:#bf3989;font-weight:600}.qc-attr-ok{color:#1a7f37}
.qc-legend span{margin-right:10px;padding:0 4px}
.qc-none{color:#57606a;font-style:italic}
.qc-summary{border-radius:8px;padding:6px 12px;margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,
  sans-serif;color:#1f2328}
.qc-summary.qc-bad{background:#ffebe9;border:1px solid #ff8182}.qc-summary.qc-good{background:#dafbe1;
  border:1px solid #4ac26b}
.qc-story{margin:0 0 4px;font-weight:600;font-size:15px;line-height:1.35}
.qc-counts{display:flex;flex-wrap:wrap;gap:2px 14px;font-size:13px}
.qc-count b{font-size:17px;margin-right:3px}
NUMBERS
""".replace("TONES", "".join(f".qc-{tone}{{background:{hex_}}}" for tone, hex_ in COLOURS.items())).replace(
    "NUMBERS", "".join(f".qc-n-{tone}{{color:{hex_}}}" for tone, hex_ in COLOURS.items()))

LEGEND = ("<div class='qc-legend qc-meta'><span class='qc-quote'>quote</span><span class='qc-span'>matched source</span>"
          "<span class='qc-cosmetic-d'>cosmetic</span><span class='qc-editorial-d'>marked edit</span>"
          "<span class='qc-hidden'>words an ellipsis hides</span><span class='qc-unmarked-d'>unmarked, keeps the meaning</span>"
          "<span class='qc-substantive-d'>changes the meaning</span></div>")


_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:"}
                         | {"\n": "&#10;", "\r": "&#13;", "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "'": "&#39;"})


def escape(text: str) -> str:
    """Text as text only: each character HTML would act on, each a Markdown renderer would act on, and
    line breaks (which end an HTML block in Markdown) as a character reference, in one pass (so that
    no reference is escaped again)."""
    return text.translate(_ESCAPES)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str


def highlight(text: str, marks: Iterable[Mark], lo: int = 0, hi: int | None = None) -> str:
    """`text[lo:hi]`, escaped, with each mark a <span> of its class (overlaps nest as class lists)."""
    hi = len(text) if hi is None else hi
    marks = [m for m in marks if m.end >= lo and m.start <= hi and m.end >= m.start]
    carets = {m.start: m.cls for m in marks if m.start == m.end}  # where words were inserted
    spans = [m for m in marks if m.start < m.end]
    cuts = sorted({lo, hi, *carets, *(max(lo, m.start) for m in spans), *(min(hi, m.end) for m in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:] + [hi], strict=True):
        if a in carets:
            out.append(f"<span class='{carets.pop(a)} qc-caret' title='words added or left out here'>‸</span>")
        if a >= b:
            continue
        piece = escape(text[a:b])
        classes = [m.cls for m in spans if m.start <= a and b <= m.end]
        out.append(f"<span class='{' '.join(dict.fromkeys(classes))}'>{piece}</span>" if classes else piece)
    return "".join(out)


def to_article(q: Quote, k: int) -> int:
    """An offset in the quote's text as an offset in the article (its parts joined by one space)."""
    pos = 0
    for part in q.parts:
        length = part.end - part.start
        if k <= pos + length:
            return part.start + (k - pos)
        pos += length + 1
    return q.parts[-1].end


def _cls(r: QuoteResult, d: Discrepancy) -> str:
    if d.severity is Severity.SUBSTANTIVE:
        return "qc-substantive-d" if changes_meaning(r, d) else "qc-unmarked-d"
    return "qc-editorial-d" if d.severity is Severity.EDITORIAL else "qc-cosmetic-d"


def article_marks(r: QuoteResult) -> list[Mark]:
    q = r.quote
    marks = [Mark(p.start, p.end, "qc-quote") for p in q.parts]
    for d in r.discrepancies:
        if d.quote_span and d.quote_span.end > d.quote_span.start:
            marks.append(Mark(to_article(q, d.quote_span.start), to_article(q, d.quote_span.end), _cls(r, d)))
    return marks


def source_marks(r: QuoteResult, a: Alignment) -> list[Mark]:
    marks = [Mark(a.start, a.end, "qc-span")]
    for d in r.discrepancies if a is r.source else ():
        if d.source_span and (d.source_span.end > d.source_span.start or d.severity is Severity.SUBSTANTIVE):
            cls = "qc-hidden" if d.kind is DiscrepancyKind.ELISION else _cls(r, d)
            marks.append(Mark(d.source_span.start, d.source_span.end, cls))
    return marks


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The article's paragraph around a quote, cut at word boundaries if it runs long."""
    block = text.rfind("\n\n", 0, start)
    lo = 0 if block < 0 else block + 2
    if start - lo > CONTEXT_CHARS:
        lo = text.find(" ", start - CONTEXT_CHARS, start) + 1 or start - CONTEXT_CHARS
    block_end = text.find("\n\n", end)
    hi = len(text) if block_end == -1 else block_end
    if hi - end > CONTEXT_CHARS:
        cut = text.rfind(" ", end, end + CONTEXT_CHARS)
        hi = cut if cut > end else end + CONTEXT_CHARS
    return lo, hi


def _excerpt(text: str, marks: list[Mark], start: int, end: int) -> str:
    lo, hi = _window(text, start, end)
    cut_before = lo > 0 and text[max(0, lo - 2) : lo] != "\n\n"
    cut_after = hi < len(text) and text[hi : hi + 2] != "\n\n"
    return ("…" if cut_before else "") + highlight(text, marks, lo, hi) + ("…" if cut_after else "")


def _meta(cable: Cable | None, a: Alignment) -> str:
    e = escape
    para = f" ¶{a.paragraph}" if a.paragraph is not None else ""
    if len(a.paragraphs) > 1:
        para = " ¶" + "–".join(str(n) for n in a.paragraphs)
    head = f"<b>{e(a.cable_id)}{e(para)}</b>"
    if cable is None:
        return head
    bits = [cable.date, cable.classification, cable.origin, f"signed {cable.signer}" if cable.signer else None]
    line = " · ".join(e(b) for b in bits if b)
    subject = f"<span class='qc-subject' title='{e(cable.subject)}'>{e(cable.subject)}</span>" if cable.subject else ""
    return f"{head} <span class='qc-meta'>{line}</span>{subject}"


def _diff_list(r: QuoteResult) -> str:
    if not r.discrepancies:
        return ""
    items = [f"<li><span class='qc-sev-{_cls(r, d)[3:-2]}'>{escape(d.kind.value)}</span> "
             f"({escape(effect(r, d))}): {escape(what_changed(d))}</li>" for d in r.discrepancies]
    return f"<ul class='qc-diffs'>{''.join(items)}</ul>"


def what_changed(d: Discrepancy) -> str:
    """A difference in words an editor reads at once: “steady” in the article, “tenuous” in the cable."""
    return d.kind.words.say(d.quote_side, d.source_side)


def _attribution(r: QuoteResult) -> str:
    e = escape
    a = r.attribution
    claim = r.quote.claim
    if a is None:
        if claim.empty:
            return ""
        who = " ".join(x for x in (claim.speaker, claim.verb, claim.date_text) if x)
        return f"<div class='qc-meta'>Attribution: {e(who)} (no source to compare with)</div>"
    if a.ok is False:
        return f"<div class='qc-attr-bad'>⚠ Misattributed: {e(a.why)}</div>"
    if a.ok is True:
        return f"<div class='qc-attr-ok'>✓ Attribution fits: {e(a.why)}</div>"
    return f"<div class='qc-meta'>Attribution: {e(a.why)}</div>" if a.why else ""


def closest(r: QuoteResult, cables: Mapping[str, Cable] | None = None) -> str:
    """The other candidates: for a quote with no source, the closest passages and their scores."""
    if not r.candidates:
        return "<div class='qc-none'>No passage of the corpus comes close.</div>"
    rows = []
    for c in r.candidates:
        excerpt = _excerpt(c.paragraph_text, [Mark(c.start, c.end, "qc-span")], c.start, c.end)
        rows.append(f"<div class='qc-col'><div>{_meta((cables or {}).get(c.cable_id), c)} "
                    f"<span class='qc-meta'>{c.score:.2f} of the quote's wording found here</span></div><div class='qc-text'>{excerpt}</div></div>")
    return "".join(rows)


# Not `compare.sentences`: an excerpt is cut only where a stop is followed by white space ("U.S." and
# "1.5" stay whole), after a closing quotation mark or bracket.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+")


def source_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences holding `text[start:end]`, with up to `SOURCE_CONTEXT` characters of the text
    around them, cut at word boundaries."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    lo = max((e for e in ends if e <= start), default=0)
    hi = min((e for e in ends if e >= end), default=len(text))
    if lo > 0:
        cut = text.find(" ", max(0, lo - SOURCE_CONTEXT), lo)
        lo = 0 if lo <= SOURCE_CONTEXT else (cut + 1 if cut >= 0 else lo)
    if hi < len(text):
        cut = text.rfind(" ", hi, hi + SOURCE_CONTEXT)
        hi = len(text) if len(text) - hi <= SOURCE_CONTEXT else (cut if cut > hi else hi)
    return lo, hi


def _source_text(r: QuoteResult, a: Alignment) -> str:
    """The matched sentences with a line of context; the whole paragraph one click away."""
    text, marks = a.paragraph_text, source_marks(r, a)
    lo, hi = source_window(text, min([a.start] + [m.start for m in marks]), max([a.end] + [m.end for m in marks]))
    if lo == 0 and hi == len(text):
        return f"<div class='qc-text'>{highlight(text, marks)}</div>"
    part = ("…" if lo > 0 else "") + highlight(text, marks, lo, hi) + ("…" if hi < len(text) else "")
    where = f"¶{a.paragraph}" if a.paragraph else "the subject line" if a.paragraph == 0 else "the text"
    return (f"<div class='qc-text'>{part}</div><details class='qc-more'><summary class='qc-meta'>Whole of "
            f"{escape(where)}</summary><div class='qc-text'>{highlight(text, marks)}</div></details>")


def summary(results: Iterable[QuoteResult], reviewed: int) -> str:
    """The story's verdict and a count for every finding (the same words and numbers), one block that
    wraps on a narrow screen, each count with `data-label`/`data-value` for scripts."""
    results = list(results)
    counts = summarize(results)
    f = counts.findings
    bad = any(f.get(k) for k in PROBLEMS)
    items = [(k.value, str(f.get(k, 0)), k.tone) for k in ORDER] + [("reviewed", f"{reviewed} of {len(results)}", "")]
    spans = "".join(f"<span class='qc-count' data-label='{escape(label)}' data-value='{escape(value)}'>"
                    f"<b{f' class=qc-n-{tone}' if tone else ''}>{escape(value)}</b>{escape(label)}</span>"
                    for label, value, tone in items)
    return (f"<div class='qc-summary {'qc-bad' if bad else 'qc-good'}'><p class='qc-story'>"
            f"{escape(story_verdict(counts))}</p><div class='qc-counts'>{spans}</div></div>")


def _review_chip(review: Review | None) -> str:
    if review is None or (review.status is Status.UNREVIEWED and not review.note):
        return ""
    if review.status is Status.UNREVIEWED:
        return f"<span class='qc-review'>✎ “{escape(review.note)}”</span>"
    word = {Status.ACCEPTED: "✓ reviewed: accepted", Status.FLAGGED: "⚑ reviewed: flagged"}[review.status]
    note = f" — “{escape(review.note)}”" if review.note else ""
    return f"<span class='qc-review qc-review-{review.status.value}'>{word}{note}</span>"


def card(r: QuoteResult, article_text: str, cable: Cable | None = None, with_candidates: bool = True,
         cables: Mapping[str, Cable] | None = None, review: Review | None = None, article: str = "") -> str:
    """One quote's card, as an HTML fragment (style it with `CSS`): a badge with the worst finding,
    the article's sentence beside the source's, the differences in words, the attribution; `article`:
    the article's name, shown on the card where cards of many articles are mixed (worst first)."""
    e = escape
    q = r.quote
    f = finding(r)
    left = _excerpt(article_text, article_marks(r), q.start, q.end)
    flags = []
    if r.ambiguous:
        flags.append("<span class='qc-flag'>ambiguous: other passages fit as well</span>")
    if r.misattributed and f is not Finding.MISATTRIBUTED:
        flags.append("<span class='qc-flag'>also misattributed</span>")
    where = ""
    if r.source is not None:
        para = f" ¶{r.source.paragraph}" if r.source.paragraph is not None else ""
        if len(r.source.paragraphs) > 1:
            para = " ¶" + "–".join(str(n) for n in r.source.paragraphs)
        where = f"<span class='qc-where'>{e(r.source.cable_id + para)}</span>"
    chip = (f"<span class='qc-verdict' title='the verdict'>{e(verdict_label(r.verdict))}</span>"
            if f in (Finding.FAITHFUL, Finding.REWORDED) else "")  # which kind of faithful or reworded
    head = (f"<div class='qc-head'><span class='qc-badge qc-{f.tone}'>{e(f.value)}</span>"
            f"{chip}{where}{_review_chip(review)}"
            f"{''.join(flags)}</div>")
    if r.source is not None:
        right = f"<div>{_meta(cable, r.source)}</div>{_source_text(r, r.source)}"
    elif f is Finding.NOT_A_CABLE_QUOTE:
        right = f"<div class='qc-none'><b>Not a cable quote:</b> {e(not_a_cable_quote(r))}</div>"
    else:
        why = e(r.note) if r.note else "nothing in the corpus supports these words"
        right = f"<div class='qc-none'><b>No support found.</b> {why}</div>"
    body = (f"<div class='qc-cols'><div class='qc-col'><h4>Article</h4><div class='qc-text'>{left}</div></div>"
            f"<div class='qc-col'><h4>Source</h4>{right}</div></div>")
    note = f"<div class='qc-meta'>{e(r.note)}</div>" if r.note and r.source is not None else ""
    others = ""
    if with_candidates and (r.candidates or (r.source is None and f.value != "not a cable quote")):
        label = "Closest passages" if r.source is None else "Other candidate sources"
        others = f"<details class='qc-more'><summary class='qc-meta'>{label}</summary>{closest(r, cables)}</details>"
    data = (f" data-article='{e(q.article)}' data-start='{q.start}' data-end='{q.end}' "
            f"data-verdict='{r.verdict.value}' data-finding='{e(f.value)}' data-score='{r.score:.2f}'")
    # one line: the article (where cards of many articles are mixed) and the score in words
    about = e(score_words(r)) + (f" · in “{e(article)}”" if article else "")
    line = f"<div class='qc-article' title='{about}'>{about}</div>"
    # what is wrong before the evidence: the attribution and the differences, then the two texts
    return f"<div class='qc-card'{data}>{head}{line}{_attribution(r)}{_diff_list(r)}{body}{note}{others}</div>"
