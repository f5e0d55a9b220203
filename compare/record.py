"""The output contract's record (docs/CONTRACT.md, docs/record.schema.json), typed.

`report` builds one `Record` per quote and writes it with `to_json`; `stats`, `evaluate` and the app
read records back with `from_json`, so that a verdict, a finding or a language is an Enum member
everywhere, never a string spelled again. `to_json` writes the keys in the contract's order and
leaves out the optional ones that are empty, as the JSONL output always has; fields a later release
adds (or an editor's review, `editor_status`…) are kept in `extra` and written back unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import BadRecordError
from .model import ArticleMeta, DiscrepancyKind, Language, QuoteKind, Severity, Verdict
from .triage import Finding


@dataclass(frozen=True)
class SourceRecord:
    """A source or a candidate: the cable, its paragraph and the aligned span in its text."""

    cable: str
    paragraph: int | None
    start: int
    end: int
    text: str
    paragraph_text: str
    paragraphs: tuple[int | None, ...] = ()  # a quote across several paragraphs: their numbers
    quoted_in_source: bool = False
    score: float | None = None  # candidates only

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cable": self.cable, "paragraph": self.paragraph, "start": self.start,
                               "end": self.end, "text": self.text, "paragraph_text": self.paragraph_text}
        if self.paragraphs:
            out["paragraphs"] = list(self.paragraphs)
        if self.quoted_in_source:
            out["quoted_in_source"] = True
        if self.score is not None:
            out["score"] = self.score
        return out

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SourceRecord:
        return cls(d["cable"], d["paragraph"], d["start"], d["end"], d["text"], d["paragraph_text"],
                   tuple(d.get("paragraphs") or ()), bool(d.get("quoted_in_source")), d.get("score"))


@dataclass(frozen=True)
class DiscrepancyRecord:
    kind: DiscrepancyKind
    severity: Severity
    quote_side: str
    source_side: str
    quote_start: int | None = None  # offsets in the quote's text
    quote_end: int | None = None
    source_start: int | None = None  # offsets in the source's paragraph_text
    source_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "severity": self.severity.value,
                               "quote_side": self.quote_side, "source_side": self.source_side}
        if self.quote_start is not None:
            out["quote_start"], out["quote_end"] = self.quote_start, self.quote_end
        if self.source_start is not None:
            out["source_start"], out["source_end"] = self.source_start, self.source_end
        return out

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> DiscrepancyRecord:
        return cls(DiscrepancyKind.named(d["kind"]), Severity(d["severity"]), d["quote_side"], d["source_side"],
                   d.get("quote_start"), d.get("quote_end"), d.get("source_start"), d.get("source_end"))


@dataclass(frozen=True)
class CableFacts:
    """What the cable says about itself, against which the article's claim is compared."""

    signer: str | None
    classified_by: str | None
    date: str | None
    speakers: tuple[str, ...]  # who speaks the quoted words in the cable


@dataclass(frozen=True)
class AttributionRecord:
    """What the article claims about the quote, and (`cable`, when there is a source) how it compares."""

    claimed_speaker: str | None
    claimed_verb: str | None
    claimed_authorship: bool | None
    claimed_date: str | None
    cue: str | None
    ok: bool | None
    why: str
    cable: CableFacts | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"claimed_speaker": self.claimed_speaker, "claimed_verb": self.claimed_verb,
                               "claimed_authorship": self.claimed_authorship, "claimed_date": self.claimed_date,
                               "cue": self.cue}
        if self.cable is not None:
            out |= {"cable_signer": self.cable.signer, "cable_classified_by": self.cable.classified_by,
                    "cable_date": self.cable.date, "source_speakers": list(self.cable.speakers)}
        return out | {"ok": self.ok, "why": self.why}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> AttributionRecord:
        cable = None
        if "source_speakers" in d:
            cable = CableFacts(d.get("cable_signer"), d.get("cable_classified_by"), d.get("cable_date"),
                               tuple(d["source_speakers"]))
        return cls(d.get("claimed_speaker"), d.get("claimed_verb"), d.get("claimed_authorship"),
                   d.get("claimed_date"), d.get("cue"), d.get("ok"), d.get("why") or "", cable)


@dataclass(frozen=True)
class Record:
    """One quote as the contract's record."""

    article: str
    quote: str
    start: int
    end: int
    verdict: Verdict
    finding: Finding
    score: float
    source: SourceRecord | None
    candidates: tuple[SourceRecord, ...]
    ambiguous: bool
    discrepancies: tuple[DiscrepancyRecord, ...]
    attribution: AttributionRecord | None
    article_text_repaired: bool
    quote_kind: QuoteKind
    parts: tuple[tuple[int, int], ...]
    language: Language | None
    article_meta: ArticleMeta = field(default_factory=ArticleMeta)
    note: str = ""
    article_path: str = ""  # the article's path in the batch (the base name `article` when unset)
    article_sha256: str | None = None  # SHA-256 of the article file's bytes (a batch sets it)
    provenance: Mapping[str, Any] | None = None  # what made the record (model.Provenance.as_dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # fields this release does not know, kept

    @property
    def misattributed(self) -> bool:
        return self.attribution is not None and self.attribution.ok is False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article": self.article,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "verdict": self.verdict.value,
            "finding": self.finding.value,
            "score": self.score,
            "source": self.source.to_json() if self.source else None,
            "candidates": [c.to_json() for c in self.candidates],
            "ambiguous": self.ambiguous,
            "discrepancies": [d.to_json() for d in self.discrepancies],
            "attribution": self.attribution.to_json() if self.attribution else None,
            "article_text_repaired": self.article_text_repaired,
            "quote_kind": self.quote_kind.value,
            "parts": [list(p) for p in self.parts],
            "language": self.language.value if self.language else None,
            "article_path": self.article_path or self.article,
            "article_sha256": self.article_sha256 or None,
        }
        if not self.article_meta.empty:
            out["article_meta"] = self.article_meta.as_dict()
        if self.note:
            out["note"] = self.note
        if self.provenance is not None:
            out["provenance"] = dict(self.provenance)
        return out | dict(self.extra)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Record:
        """A record read back; `BadRecordError` (saying which field) for one that is not the contract's."""
        try:
            meta = d.get("article_meta") or {}
            return cls(
                article=d["article"], quote=d["quote"], start=d["start"], end=d["end"],
                verdict=Verdict(d["verdict"]), finding=_finding(d), score=d["score"],
                source=SourceRecord.from_json(d["source"]) if d.get("source") else None,
                candidates=tuple(SourceRecord.from_json(c) for c in d.get("candidates") or ()),
                ambiguous=bool(d.get("ambiguous")),
                discrepancies=tuple(DiscrepancyRecord.from_json(x) for x in d.get("discrepancies") or ()),
                attribution=AttributionRecord.from_json(d["attribution"]) if d.get("attribution") else None,
                article_text_repaired=bool(d.get("article_text_repaired")),
                quote_kind=QuoteKind(d.get("quote_kind") or QuoteKind.QUOTATION.value),
                parts=tuple((int(a), int(b)) for a, b in d.get("parts") or ((d["start"], d["end"]),)),
                language=Language(d["language"]) if d.get("language") else None,
                article_meta=ArticleMeta(**{k: meta.get(k) for k in ("headline", "outlet", "author", "date")}),
                note=d.get("note") or "",
                article_path=d.get("article_path") or "",
                article_sha256=d.get("article_sha256") or None,
                provenance=d.get("provenance"),
                extra={k: v for k, v in d.items() if k not in KNOWN},
            )
        except KeyError as e:
            raise BadRecordError(f"a record without its {e.args[0]!r} field") from None
        except (ValueError, TypeError) as e:
            raise BadRecordError(f"a record with a field this release cannot read ({e})") from None


def _finding(d: Mapping[str, Any]) -> Finding:
    """A record's finding; an earlier release's "verbatim" and "cosmetic" read as faithful."""
    found = Finding.named(str(d.get("finding") or ""))
    if found is None:
        raise BadRecordError(f"a record with an unknown finding {d.get('finding')!r}")
    return found


KNOWN = frozenset({"article", "quote", "start", "end", "verdict", "finding", "score", "source", "candidates",
                   "ambiguous", "discrepancies", "attribution", "article_text_repaired", "quote_kind", "parts",
                   "language", "article_path", "article_sha256", "article_meta", "note", "provenance"})
