"""Score results against a gold file of hand-checked quotes, with the same figures as
`../shared/eval/score.py` (extract, source, not_found, verdict, discrepancy, misattribution, and
false support).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import limits
from .model import Verdict
from .record import Record, SourceRecord

QUOTE_CHARS = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛`´"})


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTE_CHARS)
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    return re.sub(r"\s+", " ", s).strip().strip("\"',.;: ").casefold()


def same_quote(gold: str, pred: str) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    if short in long_ and len(short) >= 0.8 * len(long_):
        return True
    return len(g) > 20 and difflib.SequenceMatcher(None, g, p).ratio() >= 0.9


def _src_key(s: Mapping[str, Any] | SourceRecord | None) -> tuple[str, Any] | None:
    if not s:
        return None
    if isinstance(s, SourceRecord):
        return (re.sub(r"\s+", "", s.cable).upper(), s.paragraph)
    return (re.sub(r"\s+", "", str(s.get("cable", ""))).upper(), s.get("paragraph"))


@dataclass
class Scores:
    extract: float
    source: float
    abstain: float
    verdict: float
    discrepancy: float
    misattribution: float
    false_support: int
    counts: str
    misses: list[str] = field(default_factory=list)
    wrong_source: int = 0  # a quote whose true source is known given another one
    flags: int = 0  # "misattributed" flags raised on gold quotes
    flags_right: int = 0  # of them, on quotes the gold calls misattributed

    def lines(self) -> list[str]:
        figures = (f"extract={self.extract:.3f} source={self.source:.3f} abstain={self.abstain:.3f} "
                   f"verdict={self.verdict:.3f} discrepancy={self.discrepancy:.3f} misattribution={self.misattribution:.3f}")
        return [f"  - {m}" for m in self.misses] + [self.counts, figures]


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    limits.regular_file(path)
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold: list[dict[str, Any]], pred: Sequence[Record | Mapping[str, Any]]) -> Scores:
    """The figures of `pred` (records, typed or as JSON objects) against the `gold` quotes."""
    by_article: dict[str, list[Record]] = {}
    for rec in pred:
        typed = rec if isinstance(rec, Record) else Record.from_json(rec)
        by_article.setdefault(typed.article, []).append(typed)
    found = src_ok = src_n = abst_ok = abst_n = false_support = verd_ok = wrong_source = flags = flags_right = 0
    disc_hit = disc_n = attr_hit = attr_n = 0
    misses: list[str] = []
    for g in gold:
        p = next((rec for rec in by_article.get(g["article"], []) if same_quote(g["quote"], rec.quote)), None)
        if p is None:
            misses.append(f"not extracted: {g['id']}: {g['quote'][:70]!r}")
            if g["source"] is None:
                abst_n += 1
            else:
                src_n += 1
            disc_n += len(g["discrepancies"])
            attr_n += bool(g.get("attribution") and g["attribution"].get("ok") is False)
            continue
        found += 1
        if g["verdict"] is None or p.verdict is Verdict(g["verdict"]):
            verd_ok += 1
        else:
            misses.append(f"verdict {p.verdict.value} != {g['verdict']}: {g['id']}")
        if g["source"] is None:
            abst_n += 1
            if p.verdict is Verdict.NOT_FOUND:
                abst_ok += 1
            else:
                misses.append(f"should be not_found, got {p.verdict.value} {_src_key(p.source)}: {g['id']}")
            if p.verdict.has_source:
                false_support += 1
        else:
            src_n += 1
            ok = {_src_key(g["source"])} | {_src_key(s) for s in g.get("also_acceptable", [])}
            if _src_key(p.source) in ok:
                src_ok += 1
            else:
                wrong_source += p.source is not None
                misses.append(f"source {_src_key(p.source)} != {_src_key(g['source'])}: {g['id']}")
        for d in g["discrepancies"]:
            disc_n += 1
            hit = any(
                pd.kind.value == d["kind"]
                and (
                    not (d["quote_side"] or d["source_side"])
                    or (d["quote_side"] and norm(d["quote_side"]) in norm(pd.quote_side))
                    or (d["source_side"] and norm(d["source_side"]) in norm(pd.source_side))
                )
                for pd in p.discrepancies
            )
            disc_hit += hit
            if not hit:
                misses.append(f"discrepancy {d['kind']} {d['quote_side']!r}/{d['source_side']!r} missed: {g['id']}")
        att = g.get("attribution")
        if p.attribution is not None and p.attribution.ok is False:
            flags += 1
            flags_right += bool(att and att.get("ok") is False)
            if not (att and att.get("ok") is False):
                misses.append(f"flagged misattributed, the gold says not: {g['id']}: {p.attribution.why}")
        if att and att.get("ok") is False:
            attr_n += 1
            if p.misattributed:
                attr_hit += 1
            else:
                misses.append(f"misattribution not flagged: {g['id']}")

    def rate(x: int, n: int) -> float:
        return x / n if n else 1.0

    counts = (f"extracted {found}/{len(gold)}; source {src_ok}/{src_n}; not_found {abst_ok}/{abst_n}; "
              f"false support {false_support}; wrong source {wrong_source}; misattributed flags right {flags_right}/{flags}; verdict {verd_ok}/{len(gold)}; discrepancies {disc_hit}/{disc_n}; "
              f"misattributions flagged {attr_hit}/{attr_n}")
    return Scores(rate(found, len(gold)), rate(src_ok, src_n), rate(abst_ok, abst_n), rate(verd_ok, len(gold)),
                  rate(disc_hit, disc_n), rate(attr_hit, attr_n), false_support, counts, misses, wrong_source, flags,
                  flags_right)
