"""Newsroom statistics over a batch's output: how often an outlet's, an author's or a month's cable
quotes were changed in substance, had no support found or were misattributed, and which cables get
misquoted.

Reads the contract's records (`compare check --format jsonl -o out.jsonl archive/`), so that an
archive checked once can be counted many ways. Every figure keeps the quotes behind it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from . import limits
from .errors import BadRecordError, MissingPathError
from .record import Record
from .triage import Finding

UNKNOWN = "(not stated)"


class By(str, Enum):
    OUTLET = "outlet"
    AUTHOR = "author"
    CABLE = "cable"
    MONTH = "month"
    ARTICLE = "article"


def finding_of(rec: Record) -> Finding:
    """A record's finding (`triage.finding`, written into every record as `finding`; an earlier
    release's "verbatim" and "cosmetic" read as faithful when the record is read)."""
    return rec.finding


def keys_of(rec: Record, by: By) -> list[str]:
    meta = rec.article_meta
    if by is By.OUTLET:
        return [meta.outlet or UNKNOWN]
    if by is By.AUTHOR:
        return [a.strip() for a in (meta.author or UNKNOWN).replace(" and ", ",").split(",") if a.strip()]
    if by is By.MONTH:
        return [(meta.date or "")[:7] or UNKNOWN]
    if by is By.ARTICLE:
        return [article_key(rec)]
    return [rec.source.cable if rec.source else UNKNOWN]


def article_key(rec: Record, versions: int = 1) -> str:
    """An article's row: its headline (if it has one) and its path in the batch (the contract's
    `article`, a base name, for records made before 2026-12-07), so that two articles named alike in
    two folders stay apart; `versions` > 1 (the same path checked with different contents) adds the
    start of the content hash."""
    path = rec.article_path or rec.article or UNKNOWN
    if versions > 1 and rec.article_sha256:
        path += f" @{rec.article_sha256[:8]}"
    headline = rec.article_meta.headline
    return f"{headline} ({path})" if headline else path


# What a row counts, in the findings' own words (the app's and the reports' vocabulary): the Row
# attribute, and the finding whose label names the column ("changed in substance" ->
# `changed_in_substance` in JSON and CSV).
PARTS = (("changed", Finding.CHANGED), ("unsupported", Finding.UNSUPPORTED), ("misattributed", Finding.MISATTRIBUTED))


def column(finding: Finding) -> str:
    return finding.value.replace(" ", "_")


@dataclass
class Row:
    key: str
    quotes: list[int] = field(default_factory=list)  # indexes of the records counted (cable quotes)
    changed: list[int] = field(default_factory=list)
    unsupported: list[int] = field(default_factory=list)
    misattributed: list[int] = field(default_factory=list)

    def rate(self, part: list[int]) -> float:
        return len(part) / len(self.quotes) if self.quotes else 0.0

    def as_dict(self) -> dict[str, Any]:
        parts = {column(f): getattr(self, name) for name, f in PARTS}
        return {"key": self.key, "quotes": len(self.quotes),
                **{col: len(ks) for col, ks in parts.items()},
                **{f"{col}_rate": round(self.rate(ks), 4) for col, ks in parts.items()},
                "records": {"quotes": self.quotes, **parts}}


def tally(records: Iterable[Record], by: By) -> list[Row]:
    """One row per outlet (author, cable, month, article): the cable quotes counted (titles, nicknames,
    public statements and scare quotes are not), and of them those changed in substance, with no support
    found, misattributed (each quote under its one finding, as the app and the reports count it);
    worst rate first. By cable, only quotes with a source count."""
    rows: dict[str, Row] = {}
    records = list(records)
    versions: dict[str, set[str]] = {}
    for rec in records:
        versions.setdefault(rec.article_path or rec.article, set()).add(rec.article_sha256 or "")
    for k, rec in enumerate(records):
        f = finding_of(rec)
        if f is Finding.NOT_A_CABLE_QUOTE or (by is By.CABLE and rec.source is None):
            continue
        keys = ([article_key(rec, len(versions[rec.article_path or rec.article]))]
                if by is By.ARTICLE else keys_of(rec, by))
        for key in keys:
            row = rows.setdefault(key, Row(key))
            row.quotes.append(k)
            if f is Finding.CHANGED:
                row.changed.append(k)
            if f is Finding.UNSUPPORTED:
                row.unsupported.append(k)
            if f is Finding.MISATTRIBUTED:
                row.misattributed.append(k)
    return sorted(rows.values(), key=lambda r: (-(len(r.changed) + len(r.unsupported) + len(r.misattributed))
                                                / max(1, len(r.quotes)), -len(r.quotes), r.key))


def read_records(path: str | Path) -> list[Record]:
    """The records of a JSONL output file; a clear error for a file that is not one."""
    p = Path(path)
    limits.regular_file(p)
    if not p.is_file():
        raise MissingPathError(str(p))
    return parse_records(p.read_bytes().decode("utf-8-sig", errors="replace"), str(p))


def parse_records(text: str, name: str) -> list[Record]:
    """The records of JSONL text (an uploaded file's, say); `name` for the error messages. Every line
    is read as JSON first, then each is typed (`Record.from_json`)."""
    raw: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            if not raw and not line.lstrip().startswith(("{", "[")):
                raise BadRecordError(f"{name}: an article or other text, not the records of a check") from None
            raise BadRecordError(f"{name}:{n}: not JSON ({e.msg})") from None
        if not isinstance(rec, dict) or "quote" not in rec or "verdict" not in rec:
            raise BadRecordError(f"{name}:{n}: not a record of `compare check --format jsonl`")
        if Finding.named(str(rec.get("finding") or "")) is None:
            raise BadRecordError(f"{name}:{n}: a record without a finding (made by a release before 0.3); "
                                 "check the articles again with this release")
        raw.append((n, rec))
    if not raw:
        raise BadRecordError(f"{name}: no records")
    out: list[Record] = []
    for n, rec in raw:
        try:
            out.append(Record.from_json(rec))
        except BadRecordError as e:
            raise BadRecordError(f"{name}:{n}: {e.why}") from None
    return out


def table(rows: list[Row], by: By, limit: int | None = None) -> str:
    """A plain-text table, one row per group."""
    shown = rows[:limit] if limit else rows
    width = max([len(by.value)] + [min(40, len(r.key)) for r in shown])
    labels = [f.value for _, f in PARTS]
    widths = [max(12, len(label)) for label in labels]
    head = f"{by.value:<{width}}  {'quotes':>6}  " + "  ".join(f"{label:>{w}}" for label, w in zip(labels, widths,
                                                                                                    strict=True))
    lines = [head, "-" * len(head)]
    for r in shown:
        cells = [f"{len(p):>3} ({r.rate(p):>5.1%})" for p in (getattr(r, name) for name, _ in PARTS)]
        key = r.key if len(r.key) <= 40 else r.key[:39] + "…"
        lines.append(f"{key:<{width}}  {len(r.quotes):>6}  " + "  ".join(f"{c:>{w}}" for c, w in zip(cells, widths,
                                                                                                        strict=True)))
    if limit and len(rows) > limit:
        lines.append(f"… and {len(rows) - limit} more")
    return "\n".join(lines) + "\n"


def as_json(rows: list[Row], limit: int | None = None) -> str:
    """The rows as a JSON list (`--format json`), control characters of the input escaped."""
    from .safe import json_safe

    return json_safe(json.dumps([r.as_dict() for r in rows[:limit] if r], ensure_ascii=False, indent=2))


def as_csv(rows: list[Row], by: By, limit: int | None = None) -> str:
    """The rows as CSV (`--format csv`), one a group; a key a spreadsheet would run as a formula is
    quoted (`report.csv_cell`)."""
    import csv
    import io

    from .report import csv_cell

    out = io.StringIO()
    w = csv.writer(out)
    cols = [k for k in rows[0].as_dict() if k not in ("key", "records")] if rows else []
    w.writerow([by.value, *cols])
    for r in rows[:limit]:
        d = r.as_dict()
        w.writerow([csv_cell(r.key), *(d[c] for c in cols)])
    return out.getvalue()
