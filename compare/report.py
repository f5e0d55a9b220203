"""Results out: the contract's JSON objects (one per quote), and JSONL, JSON, CSV, Markdown, HTML and
a readable table built from them. Every text is escaped in HTML.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from .cards import CSS, LEGEND, card, escape, what_changed
from .model import Alignment, Cable, Claim, Discrepancy, QuoteResult, Severity, Verdict
from .record import AttributionRecord, CableFacts, DiscrepancyRecord, Record, SourceRecord
from .safe import json_safe, safe
from .store.reviews import Review, annotate
from .triage import ORDER, effect, finding, not_a_cable_quote, sort_key, story_verdict, summarize, verdict_label

FORMATS = ("table", "jsonl", "json", "csv", "markdown", "html")


def _source(a: Alignment, with_score: bool = False) -> SourceRecord:
    return SourceRecord(a.cable_id, a.paragraph, a.start, a.end, a.text, a.paragraph_text,
                        a.paragraphs if len(a.paragraphs) > 1 else (), a.quoted_in_source,
                        a.score if with_score else None)


def _claim(cl: Claim, ok: bool | None, why: str, cable: CableFacts | None) -> AttributionRecord:
    return AttributionRecord(cl.speaker, cl.verb, cl.authorship, cl.date_text, cl.cue, ok, why, cable)


def _attribution(r: QuoteResult) -> AttributionRecord | None:
    c, claim = r.attribution, r.quote.claim
    if c is None:
        return None if claim.empty else _claim(claim, None, "no source to compare with", None)
    return _claim(c.claim, c.ok, c.why, CableFacts(c.cable_signer, c.cable_classified_by, c.cable_date,
                                                   c.source_speakers))


def build_record(r: QuoteResult) -> Record:
    """One quote as the contract's record (docs/CONTRACT.md)."""
    q = r.quote
    return Record(
        article=q.article, quote=q.text, start=q.start, end=q.end, verdict=r.verdict, finding=finding(r),
        score=r.score, source=_source(r.source) if r.source else None,
        candidates=tuple(_source(c, with_score=True) for c in r.candidates), ambiguous=r.ambiguous,
        discrepancies=tuple(_discrepancy(d) for d in r.discrepancies), attribution=_attribution(r),
        article_text_repaired=r.article_text_repaired, quote_kind=q.kind,
        parts=tuple((p.start, p.end) for p in q.parts), language=r.language, article_meta=r.article_meta,
        note=r.note, article_path=r.article_path or q.article, article_sha256=r.article_sha256 or None,
        provenance=r.provenance.as_dict() if r.provenance is not None else None)


def to_record(r: QuoteResult) -> dict[str, Any]:
    """One quote as the contract's JSON object (docs/CONTRACT.md)."""
    return build_record(r).to_json()


def _discrepancy(d: Discrepancy) -> DiscrepancyRecord:
    qs, ss = d.quote_span, d.source_span
    return DiscrepancyRecord(d.kind, d.severity, d.quote_side, d.source_side, qs.start if qs else None,
                             qs.end if qs else None, ss.start if ss else None, ss.end if ss else None)


def summary(results: list[QuoteResult]) -> dict[str, Any]:
    return summarize(results).as_dict()


def render(results: list[QuoteResult], fmt: str, *, texts: Mapping[str, str] | None = None,
           cables: Mapping[str, Cable] | None = None, reviews: list[Review] | None = None) -> str:
    """The results in a format. `reviews`: the editor's review of each result (added to its record and
    shown in every format); `texts` (article name to text) and `cables`: for the HTML report's cards."""
    if reviews is not None and len(reviews) != len(results):
        raise ValueError("one review per result")
    if fmt in ("jsonl", "json"):
        records = [record(r, reviews[k] if reviews is not None else None) for k, r in enumerate(results)]
        if fmt == "jsonl":
            return "".join(json_safe(json.dumps(rec, ensure_ascii=False)) + "\n" for rec in records)
        whole = json.dumps({"summary": summary(results), "quotes": records}, ensure_ascii=False, indent=2)
        return json_safe(whole) + "\n"
    if fmt == "csv":
        return _csv(results, reviews, cables)
    if fmt == "markdown":
        return _markdown(results, reviews)
    if fmt == "html":
        return _html(results, reviews, texts or {}, cables)
    return safe(_table(results))  # for a terminal: what the input holds is shown, never obeyed


def record(r: QuoteResult, review: Review | None = None) -> dict[str, Any]:
    """The contract's record, with the editor's review when there is one."""
    return annotate(to_record(r), review) if review is not None else to_record(r)


def _where(r: QuoteResult) -> str:
    s = r.source
    if s is None:
        return "-"
    return f"{s.cable_id} ¶{s.paragraph}" if s.paragraph is not None else s.cable_id


def _issues(r: QuoteResult) -> str:
    parts = [explain(r, d) for d in r.discrepancies]
    if r.misattributed and r.attribution is not None:
        parts.append(f"misattributed: {r.attribution.why}")
    if r.ambiguous:
        parts.append("ambiguous")
    reason = not_a_cable_quote(r)
    if reason:
        parts.append(reason)
    elif r.note and r.verdict is Verdict.NOT_FOUND:
        parts.append(r.note)
    return "; ".join(parts)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _totals(results: list[QuoteResult]) -> str:
    return story_verdict(summarize(results))


def _ranked(results: list[QuoteResult]) -> list[int]:
    """The results' indexes, worst first across the batch (then by article and position)."""
    return sorted(range(len(results)), key=lambda k: sort_key(results[k]))


def _table(results: list[QuoteResult]) -> str:
    """The story's verdict, then each article under its headline with its own verdict and its quotes
    worst first, each led by its finding (the app's words)."""
    sections: dict[str, list[QuoteResult]] = {}
    for r in results:
        sections.setdefault(r.quote.article, []).append(r)
    lines = [_totals(results)] if len(sections) > 1 else []
    width = max(len(f.value) for f in ORDER)
    for article, rs in sections.items():
        m = rs[0].article_meta
        about = ", ".join(x for x in (m.outlet, m.date) if x)
        lines.append(f"\n{article}" + (f" — {m.headline}" if m.headline else "") + (f" ({about})" if about else ""))
        lines.append(f"  {_totals(rs)}")
        for r in sorted(rs, key=sort_key):
            lines.append(f"  {finding(r).value:<{width}}  {_where(r):<18} {r.quote.start:>6}  {_short(r.quote.text, 60)}")
            issues = _issues(r)
            if issues:
                lines.append(f"{'':<{width + 4}}{_short(issues, 110)}")
    return "\n".join(lines).lstrip("\n") + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run: text beginning with a formula character gets a leading
    single quote (OWASP's advice against CSV injection); numbers and booleans stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, buf: io.StringIO) -> None:
        self.w = csv.writer(buf)

    def writerow(self, row: list[Any]) -> None:
        self.w.writerow([csv_cell(v) for v in row])


def explain(r: QuoteResult, d: Discrepancy) -> str:
    """A difference in words: "substitution (changes the meaning): “steady” in the article, “tenuous” in
    the cable"."""
    return f"{d.kind.value} ({effect(r, d)}): {what_changed(d)}"


def worst(r: QuoteResult) -> str:
    found = Severity.worst(d.severity for d in r.discrepancies)
    return found.value if found is not None else ""


def _csv(results: list[QuoteResult], reviews: list[Review] | None, cables: Mapping[str, Cable] | None) -> str:
    """CSV for a spreadsheet: a UTF-8 byte order mark (Excel reads accents right); rows worst first,
    each led by its story's verdict and its finding (the app's words), then the contract's verdict and
    worst severity, the cable's date, subject and signer, differences in words, the article's outlet,
    author and date."""
    buf = io.StringIO()
    buf.write("\ufeff")
    w = _SafeWriter(buf)
    w.writerow(["story_verdict", "finding", "article", "start", "end", "quote", "verdict", "severity", "score", "cable",
                "paragraph", "cable_date", "subject", "signer", "source_text", "ambiguous", "discrepancies",
                "attribution_ok", "attribution_why", "outlet", "author", "article_date"]
               + (["editor_status", "editor_note"] if reviews is not None else []))
    stories: dict[str, list[QuoteResult]] = {}
    for r in results:
        stories.setdefault(r.quote.article, []).append(r)
    verdicts = {name: story_verdict(summarize(rs)) for name, rs in stories.items()}
    for k in _ranked(results):
        r = results[k]
        s, a = r.source, r.attribution
        cable = cables.get(s.cable_id) if cables is not None and s is not None else None
        w.writerow([verdicts[r.quote.article], finding(r).value, r.quote.article, r.quote.start, r.quote.end,
                    r.quote.text, r.verdict.value, worst(r), r.score, s.cable_id if s else "",
                    s.paragraph if s and s.paragraph is not None else "",
                    cable.date or "" if cable else "", cable.subject or "" if cable else "",
                    cable.signer or "" if cable else "", s.text if s else "", r.ambiguous,
                    "; ".join(explain(r, d) for d in r.discrepancies),
                    "" if a is None or a.ok is None else a.ok, a.why if a else "",
                    r.article_meta.outlet or "", r.article_meta.author or "", r.article_meta.date or ""]
                   + ([reviews[k].status.value, reviews[k].note] if reviews is not None else []))
    return buf.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&$])")  # $: math in Streamlit (KaTeX)


def markdown_text(text: str) -> str:
    """Text that a Markdown renderer shows as it is: every character it would act on (tags, links,
    images, emphasis, code, pipes, math) backslash-escaped; line breaks kept. The app passes every
    string from an article or a cable through it before a Streamlit call that renders Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def _md_cell(text: str) -> str:
    """A Markdown table cell that renders as the text it holds, on one line."""
    return markdown_text(" ".join(str(text).split()))


def _markdown(results: list[QuoteResult], reviews: list[Review] | None) -> str:
    editor = reviews is not None
    out = ["# Quote check", "", "**" + markdown_text(_totals(results)) + "**", "",
           "| finding | article | quote | verdict | source | differences |" + (" editor | note |" if editor else ""),
           "| --- | --- | --- | --- | --- | --- |" + (" --- | --- |" if editor else "")]
    for k in _ranked(results):
        r = results[k]
        row = (f"| {_md_cell(finding(r).value)} | {_md_cell(r.quote.article)} | {_md_cell(_short(r.quote.text, 90))} | "
               f"{_md_cell(verdict_label(r.verdict))} | {_md_cell(_where(r))} | {_md_cell(_issues(r))} |")
        if reviews is not None:
            row += f" {_md_cell(reviews[k].status.value)} | {_md_cell(reviews[k].note)} |"
        out.append(row)
    return "\n".join(out) + "\n"


def _html(results: list[QuoteResult], reviews: list[Review] | None, texts: Mapping[str, str],
          cables: Mapping[str, Cable] | None) -> str:
    """A page led by the story's verdict, then one section per article (its headline, outlet and
    date, its own verdict) with its cards worst first; all text escaped."""
    sections: dict[str, list[int]] = {}
    for k, r in enumerate(results):
        sections.setdefault(r.quote.article, []).append(k)
    parts = []
    for name, ks in sections.items():
        meta = results[ks[0]].article_meta
        byline = meta.byline(name)
        parts.append(f"<section><h2>{escape(meta.headline or name)}</h2>"
                     + (f"<p class='qc-meta'>{escape(byline)}</p>" if byline else "")
                     + f"<p><b>{escape(_totals([results[k] for k in ks]))}</b></p>")
        for k in sorted(ks, key=lambda k: sort_key(results[k])):
            r = results[k]
            cable = cables.get(r.source.cable_id) if cables is not None and r.source is not None else None
            text = texts.get(r.quote.article) or r.quote.context
            rv = reviews[k] if reviews is not None else None
            review = ""
            if rv is not None and rv.note:
                review = f"<div class='qc-meta'>Editor's note: {escape(rv.note)}</div>"
            parts.append(card(r, text, cable, cables=cables, review=rv) + review)
        parts.append("</section>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Quote check</title>"
        f"<style>body{{max-width:1250px;margin:24px auto;padding:0 24px;font-family:sans-serif}}{CSS}</style>"
        "</head><body>"
        f"<h1>Quote check</h1><p><b>{escape(_totals(results))}</b></p>{LEGEND}" + "".join(parts) + "</body></html>\n"
    )
