"""Results out: the contract's JSON objects (one per quote), and JSONL, JSON, CSV, Markdown, HTML and
a readable table built from them. Every text is escaped in HTML.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from .model import Alignment, AttributionCheck, Cable, Discrepancy, QuoteResult
from .triage import summarize

FORMATS = ("table", "jsonl", "json", "csv", "markdown", "html")


def _source(a: Alignment | None, with_score: bool = False) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {
        "cable": a.cable_id,
        "paragraph": a.paragraph,
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "paragraph_text": a.paragraph_text,
    }
    if len(a.paragraphs) > 1:
        out["paragraphs"] = list(a.paragraphs)
    if a.quoted_in_source:
        out["quoted_in_source"] = True
    if with_score:
        out["score"] = a.score
    return out


def _attribution(c: AttributionCheck | None, claim_only: dict[str, Any] | None) -> dict[str, Any] | None:
    if c is None:
        return claim_only
    cl = c.claim
    return {
        "claimed_speaker": cl.speaker,
        "claimed_verb": cl.verb,
        "claimed_authorship": cl.authorship,
        "claimed_date": cl.date_text,
        "cue": cl.cue,
        "cable_signer": c.cable_signer,
        "cable_classified_by": c.cable_classified_by,
        "cable_date": c.cable_date,
        "source_speakers": list(c.source_speakers),
        "ok": c.ok,
        "why": c.why,
    }


def to_record(r: QuoteResult) -> dict[str, Any]:
    """One quote as the contract's JSON object (../shared/CONTRACT.md)."""
    q = r.quote
    claim = None
    if not q.claim.empty:
        claim = {
            "claimed_speaker": q.claim.speaker,
            "claimed_verb": q.claim.verb,
            "claimed_authorship": q.claim.authorship,
            "claimed_date": q.claim.date_text,
            "cue": q.claim.cue,
            "ok": None,
            "why": "no source to compare with",
        }
    rec: dict[str, Any] = {
        "article": q.article,
        "quote": q.text,
        "start": q.start,
        "end": q.end,
        "verdict": r.verdict.value,
        "score": r.score,
        "source": _source(r.source),
        "candidates": [_source(c, with_score=True) for c in r.candidates],
        "ambiguous": r.ambiguous,
        "discrepancies": [_discrepancy(d) for d in r.discrepancies],
        "attribution": _attribution(r.attribution, claim),
        "article_text_repaired": r.article_text_repaired,
        "quote_kind": q.kind.value,
        "parts": [[p.start, p.end] for p in q.parts],
    }
    if r.note:
        rec["note"] = r.note
    return rec


def _discrepancy(d: Discrepancy) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": d.kind.value, "severity": d.severity.value, "quote_side": d.quote_side,
                           "source_side": d.source_side}
    if d.quote_span:  # offsets in the quote's text
        out["quote_start"], out["quote_end"] = d.quote_span.start, d.quote_span.end
    if d.source_span:  # offsets in the source's paragraph_text
        out["source_start"], out["source_end"] = d.source_span.start, d.source_span.end
    return out


def summary(results: list[QuoteResult]) -> dict[str, Any]:
    return summarize(results).as_dict()


def render(results: list[QuoteResult], fmt: str, *, texts: Mapping[str, str] | None = None,
           cables: Mapping[str, Cable] | None = None, extra: list[dict[str, Any]] | None = None) -> str:
    """The results in a format. `extra`: fields to add to each quote's record (an editor's review);
    `texts` (article name to text) and `cables`: for the HTML report's cards."""
    records = [to_record(r) for r in results]
    if extra:
        records = [{**rec, **more} for rec, more in zip(records, extra, strict=True)]
    if fmt == "jsonl":
        return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    if fmt == "json":
        return json.dumps({"summary": summary(results), "quotes": records}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(records)
    if fmt == "markdown":
        return _markdown(records, summary(results))
    if fmt == "html":
        return _html(results, records, summary(results), texts or {}, cables)
    return _table(records, summary(results))


def _where(rec: dict[str, Any]) -> str:
    s = rec["source"]
    if not s:
        return "-"
    return f"{s['cable']} ¶{s['paragraph']}" if s["paragraph"] is not None else s["cable"]


def _issues(rec: dict[str, Any]) -> str:
    parts = [f"{d['kind']}: {d['quote_side']!r}→{d['source_side']!r}" for d in rec["discrepancies"]]
    a = rec["attribution"]
    if a and a.get("ok") is False:
        parts.append(f"MISATTRIBUTED: {a['why']}")
    if rec["ambiguous"]:
        parts.append("ambiguous")
    if rec.get("note") and rec["verdict"] == "not_found":
        parts.append(rec["note"])
    return "; ".join(parts)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _table(records: list[dict[str, Any]], summ: dict[str, Any]) -> str:
    lines = []
    article = None
    for rec in records:
        if rec["article"] != article:
            article = rec["article"]
            lines.append(f"\n{article}")
        lines.append(f"  {rec['start']:>6}  {rec['verdict']:<10} {_where(rec):<18} {_short(rec['quote'], 60)}")
        issues = _issues(rec)
        if issues:
            lines.append(f"{'':<37}{_short(issues, 110)}")
    v = ", ".join(f"{k} {n}" for k, n in sorted(summ["verdicts"].items()))
    lines.append(f"\n{summ['quotes']} quotes: {v}; {summ['misattributed']} misattributed, {summ['ambiguous']} ambiguous")
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


def _csv(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = _SafeWriter(buf)
    editor = any("editor_status" in rec for rec in records)
    w.writerow(["article", "start", "end", "quote", "verdict", "score", "cable", "paragraph", "source_text",
                "ambiguous", "discrepancies", "attribution_ok", "attribution_why"]
               + (["editor_status", "editor_note"] if editor else []))
    for rec in records:
        s, a = rec["source"] or {}, rec["attribution"] or {}
        w.writerow([rec["article"], rec["start"], rec["end"], rec["quote"], rec["verdict"], rec["score"],
                    s.get("cable", ""), s.get("paragraph", ""), s.get("text", ""), rec["ambiguous"],
                    "; ".join(f"{d['kind']}({d['severity']}): {d['quote_side']} -> {d['source_side']}" for d in rec["discrepancies"]),
                    "" if a.get("ok") is None else a.get("ok"), a.get("why", "")]
                   + ([rec.get("editor_status", ""), rec.get("editor_note", "")] if editor else []))
    return buf.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>&])")


def markdown_text(text: str) -> str:
    """Text that a Markdown renderer shows as it is: every character it would act on (tags, links,
    images, emphasis, code, pipes) backslash-escaped; line breaks kept."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def _md_cell(text: str) -> str:
    """A Markdown table cell that renders as the text it holds, on one line."""
    return markdown_text(" ".join(str(text).split()))


def _markdown(records: list[dict[str, Any]], summ: dict[str, Any]) -> str:
    editor = any("editor_status" in rec for rec in records)
    out = ["# Quote check", "", f"{summ['quotes']} quotes: " + ", ".join(f"{k} {n}" for k, n in sorted(summ["verdicts"].items())), "",
           "| article | quote | verdict | source | differences |" + (" editor | note |" if editor else ""),
           "| --- | --- | --- | --- | --- |" + (" --- | --- |" if editor else "")]
    for rec in records:
        out.append(f"| {_md_cell(rec['article'])} | {_md_cell(_short(rec['quote'], 90))} | {rec['verdict']} | "
                   f"{_md_cell(_where(rec))} | {_md_cell(_issues(rec))} |"
                   + (f" {_md_cell(rec.get('editor_status', ''))} | {_md_cell(rec.get('editor_note', ''))} |" if editor else ""))
    return "\n".join(out) + "\n"


def _html(results: list[QuoteResult], records: list[dict[str, Any]], summ: dict[str, Any],
          texts: Mapping[str, str], cables: Mapping[str, Cable] | None) -> str:
    """A page of cards: each quote beside its source, every difference marked (all text escaped)."""
    from .cards import CSS, LEGEND, card

    e = html.escape
    parts = []
    for r, rec in zip(results, records, strict=True):
        cable = cables.get(r.source.cable_id) if cables is not None and r.source is not None else None
        text = texts.get(r.quote.article) or r.quote.context
        review = ""
        if rec.get("editor_status") and rec["editor_status"] != "unreviewed" or rec.get("editor_note"):
            review = (f"<div class='qc-meta'>Editor: <b>{e(rec.get('editor_status', ''))}</b> "
                      f"{e(rec.get('editor_note', ''))}</div>")
        parts.append(card(r, text, cable, cables=cables) + review)
    verdicts = ", ".join(f"{e(k)} {n}" for k, n in sorted(summ["verdicts"].items()))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Quote check</title>"
        f"<style>body{{max-width:1250px;margin:auto;font-family:sans-serif}}{CSS}</style></head><body>"
        f"<h1>Quote check</h1><p>{summ['quotes']} quotes: {verdicts}; {summ['misattributed']} misattributed, "
        f"{summ['ambiguous']} ambiguous</p>{LEGEND}" + "".join(parts) + "</body></html>\n"
    )
