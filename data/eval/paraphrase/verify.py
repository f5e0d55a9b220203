#!/usr/bin/env python3
"""Check the paraphrase calibration set (paraphrases.jsonl) against the cable corpus.

Standard library only. Exits 1 on any failure, 0 when every check passes.

    python3 data/eval/paraphrase/verify.py [--corpus PATH] [--set PATH]

Checks:
  * every line is a JSON object with id, kind, cable, source_sentence, quote;
  * ids are unique; kind is "rewrite" or "same_topic"; 30 of each;
  * every cable id exists in the corpus; 12-15 distinct cables are used;
  * rewrite: source_sentence occurs in its cable's text once runs of
    whitespace are collapsed to one space on both sides;
  * same_topic: source_sentence is null and the quote is not itself a
    passage of the cable;
  * quote length 8-35 words; rewrite source sentence length 12-40 words;
  * rewrite: every number in the quote (digit run such as 1,600 or 12.5)
    also appears in the source sentence;
  * rewrite: word-overlap share <= 0.6, where the share is the fraction of
    the quote's distinct content words (lowercased alphabetic runs of 4+
    letters) that also occur among the source sentence's content words.
    The mean share is reported.
"""

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = "/work/shared/corpus/cablegate-6712.jsonl.gz"
DEFAULT_SET = HERE / "paraphrases.jsonl"

N_EACH = 30
MAX_SHARE = 0.6
QUOTE_WORDS = (8, 35)
SOURCE_WORDS = (12, 40)
CABLES = (12, 15)

WS = re.compile(r"\s+")
WORD = re.compile(r"[a-z]+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def collapse(text):
    return WS.sub(" ", text).strip()


def content_words(text):
    return {w for w in WORD.findall(text.lower()) if len(w) >= 4}


def overlap_share(quote, source):
    q = content_words(quote)
    if not q:
        return 1.0
    return len(q & content_words(source)) / len(q)


def load_corpus(path, wanted):
    texts = {}
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if rec.get("id") in wanted:
                texts[rec["id"]] = collapse(rec.get("text") or "")
    return texts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="cable corpus (.jsonl or .jsonl.gz)")
    ap.add_argument("--set", default=str(DEFAULT_SET), help="paraphrases.jsonl to check")
    args = ap.parse_args(argv)

    errors = []
    items = []
    try:
        lines = Path(args.set).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        print(f"FAIL: cannot read {args.set}: {e}")
        return 1
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})")
            continue
        missing = {"id", "kind", "cable", "source_sentence", "quote"} - set(rec)
        if missing:
            errors.append(f"line {n}: missing fields {sorted(missing)}")
            continue
        items.append(rec)

    ids = [r["id"] for r in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        errors.append(f"duplicate ids: {dupes}")

    kinds = {"rewrite": 0, "same_topic": 0}
    for r in items:
        if r["kind"] not in kinds:
            errors.append(f"{r['id']}: unknown kind {r['kind']!r}")
        else:
            kinds[r["kind"]] += 1
    for k, v in kinds.items():
        if v != N_EACH:
            errors.append(f"{v} {k} items, expected {N_EACH}")

    cables = sorted({r["cable"] for r in items})
    if not CABLES[0] <= len(cables) <= CABLES[1]:
        errors.append(f"{len(cables)} distinct cables, expected {CABLES[0]}-{CABLES[1]}")
    try:
        texts = load_corpus(args.corpus, set(cables))
    except (OSError, ValueError) as e:
        print(f"FAIL: cannot read corpus {args.corpus}: {e}")
        return 1
    for c in cables:
        if c not in texts:
            errors.append(f"cable {c} not in corpus {args.corpus}")

    shares = []
    for r in items:
        rid, cable, quote, src = r["id"], r["cable"], r["quote"], r["source_sentence"]
        text = texts.get(cable)
        nq = len(quote.split())
        if not QUOTE_WORDS[0] <= nq <= QUOTE_WORDS[1]:
            errors.append(f"{rid}: quote has {nq} words, expected {QUOTE_WORDS[0]}-{QUOTE_WORDS[1]}")
        if r["kind"] == "rewrite":
            if not isinstance(src, str) or not src.strip():
                errors.append(f"{rid}: rewrite without a source_sentence")
                continue
            ns = len(src.split())
            if not SOURCE_WORDS[0] <= ns <= SOURCE_WORDS[1]:
                errors.append(f"{rid}: source sentence has {ns} words, expected {SOURCE_WORDS[0]}-{SOURCE_WORDS[1]}")
            if text is not None and collapse(src) not in text:
                errors.append(f"{rid}: source_sentence not found in {cable}")
            missing_nums = [x for x in NUMBER.findall(quote) if x not in src]
            if missing_nums:
                errors.append(f"{rid}: numbers {missing_nums} in quote but not in source sentence")
            share = overlap_share(quote, src)
            shares.append(share)
            if share > MAX_SHARE:
                errors.append(f"{rid}: word-overlap share {share:.2f} > {MAX_SHARE}")
            if collapse(quote).lower() == collapse(src).lower():
                errors.append(f"{rid}: quote is identical to its source sentence")
        elif r["kind"] == "same_topic":
            if src is not None:
                errors.append(f"{rid}: same_topic must have source_sentence null")
            if text is not None and collapse(quote).rstrip(".") in text:
                errors.append(f"{rid}: same_topic quote occurs verbatim in {cable}")

    print(f"set:     {args.set}")
    print(f"corpus:  {args.corpus}")
    print(f"items:   {len(items)} ({kinds['rewrite']} rewrite, {kinds['same_topic']} same_topic)")
    print(f"cables:  {len(cables)}: {', '.join(cables)}")
    if shares:
        print(
            f"overlap: mean {sum(shares) / len(shares):.3f}, min {min(shares):.2f}, "
            f"max {max(shares):.2f} (limit {MAX_SHARE})"
        )
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
