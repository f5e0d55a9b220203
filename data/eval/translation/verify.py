#!/usr/bin/env python3
"""Check data/eval/translation/items.jsonl against the Cablegate dump.

Usage (from the repository root):
    .venv/bin/python data/eval/translation/verify.py [items.jsonl] [corpus.jsonl.gz]

For every item: the shape (id, lang, kind, split, source/english present exactly for positives), the
word count of the quote for its kind, and the split rule (1st, 3rd, ... item of each (lang, kind) is
calibration). For every positive: the cable exists in the dump, and its `english` text occurs in the
named paragraph as `compare` numbers it (compare.ingest.paragraphs.split; paragraph 0 = the subject),
compared after normalising white space, curly quotes and doubled quotes only. Also: no positive names a
cable that ../shared/eval/real-dev/gold.jsonl or another data/eval file names.
Exit 1 and one line per problem when anything fails.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, ROOT)

from compare.ingest.paragraphs import split  # noqa: E402

ITEMS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "items.jsonl")
CORPUS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "corpus", "cablegate-6712.jsonl.gz")
LIMITS = {"short": (1, 4), "medium": (5, 15), "long": (16, 40), "negative": (1, 40)}
LANGS = {"es", "fr", "pt", "de"}
TYPO = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
CABLE_ID = re.compile(r"\b\d{2}[A-Z]{3,}\d+\b")


def norm(s: str) -> str:
    return " ".join(s.translate(TYPO).replace('""', '"').split())


def subject(text: str) -> str:
    m = re.search(r"SUBJECT:\s*(.*?)(?:\n\s*\n|\n\s*REF|\n\s*Classified|\n\s*CLASSIFIED)", text, re.S)
    return m.group(1) if m else ""


def excluded_ids() -> set[str]:
    ids: set[str] = set()
    paths = [os.path.join(ROOT, "..", "shared", "eval", "real-dev", "gold.jsonl")]
    paths += glob.glob(os.path.join(ROOT, "data", "eval", "*.jsonl"))
    paths += [p for p in glob.glob(os.path.join(ROOT, "data", "eval", "*", "*.jsonl"))
              if os.path.dirname(os.path.abspath(p)) != HERE]
    for p in paths:
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                ids.update(CABLE_ID.findall(f.read()))
    return ids


def main() -> int:
    with open(ITEMS, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    wanted = {it["source"]["cable"] for it in items if it.get("source")}
    cables: dict[str, str] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in wanted:
                cables[r["id"]] = r["text"]
    banned = excluded_ids()
    problems: list[str] = []
    order: Counter = Counter()
    ids: set[str] = set()
    for it in items:
        iid = it.get("id", "?")
        if iid in ids:
            problems.append(f"{iid}: duplicate id")
        ids.add(iid)
        lang, kind = it.get("lang"), it.get("kind")
        if lang not in LANGS or kind not in LIMITS:
            problems.append(f"{iid}: bad lang/kind {lang}/{kind}")
            continue
        order[lang, kind] += 1
        want = "calibration" if order[lang, kind] % 2 == 1 else "test"
        if it.get("split") != want:
            problems.append(f"{iid}: split {it.get('split')} breaks the alternation rule (want {want})")
        n = len(it["quote"].replace("«", " ").replace("»", " ").split())
        lo, hi = LIMITS[kind]
        if not lo <= n <= hi:
            problems.append(f"{iid}: {n} words, outside {lo}-{hi} for {kind}")
        src, en = it.get("source"), it.get("english")
        if kind == "negative":
            if src is not None or en is not None:
                problems.append(f"{iid}: a negative has a source or english text")
            continue
        if not src or not en:
            problems.append(f"{iid}: a positive without source or english")
            continue
        cid, num = src["cable"], src["paragraph"]
        if cid in banned:
            problems.append(f"{iid}: cable {cid} is named by real-dev gold or another eval set")
        text = cables.get(cid)
        if text is None:
            problems.append(f"{iid}: cable {cid} not in the dump")
            continue
        if num == 0:
            para = subject(text)
        else:
            found = [p.text for p in split(text).paragraphs if p.number == num]
            if not found:
                problems.append(f"{iid}: {cid} has no paragraph {num} as compare numbers it")
                continue
            para = found[0]
        if norm(en) not in norm(para):
            problems.append(f"{iid}: english text not in {cid} ¶{num}: {en[:70]!r}")
    for p in problems:
        print(p)
    pos = sum(1 for it in items if it.get("kind") != "negative")
    print(f"{len(items)} items, {pos} positives checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
