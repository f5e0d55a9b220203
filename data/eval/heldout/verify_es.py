#!/usr/bin/env python3
"""Standard-library verifier for the held-out Spanish gold set (gold_es.jsonl).

Checks
  1. schema: unique ids, known verdicts, source null iff verdict not_found,
     discrepancy kinds, attribution fields;
  2. every quote is printed in its article between quotation marks
     (« » or “ ”), and every quoted span of an es_h* article has a gold line;
  3. for verdict "translation": the note "english: <words>" stands in the
     stated paragraph of the stated cable (whitespace/case-normalised;
     paragraph 0 = SUBJECT line, n = the paragraph numbered "n." / "¶n.");
     a discrepancy's source_side stands in those English words and its
     quote_side in the quote;
  4. attribution: cable_signer is the cable's closing signature and
     cable_date is the cable's "Created" date; ok=false entries only
     reported;
  5. verdict "not_found": the quote is absent from every cable text;
  6. article form: headline, "Por ..." byline, 300-550 words.

Usage: python3 verify_es.py [--corpus PATH]   (exit status 0 = all pass)
"""
import argparse
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = "/work/shared/corpus/cablegate-6712.jsonl.gz"
VERDICTS = {"translation", "not_found"}
DISC_KINDS = {"number_change", "negation"}
QUOTE_SPAN = re.compile(r"«([^»]*)»|“([^”]*)”")


def norm(s):
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()


def paragraphs(text):
    """{0: subject, n: body of paragraph numbered n}."""
    out = {}
    m = re.search(r"SUBJECT:\s*(.*?)(?:\n\s*\n|\n\s*(?:REF|Ref|Classified|CLASSIFIED|SENSITIVE)\b)",
                  text, re.S)
    if m:
        out[0] = m.group(1)
    marks = list(re.finditer(r"(?m)^\s*¶?\s*(\d{1,2})\s*\.\s+(?=\(|[A-Z])", text))
    for k, mm in enumerate(marks):
        n = int(mm.group(1))
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.setdefault(n, text[mm.end():end])
    return out


def signer(text):
    t = re.sub(r"=+\s*CABLE ENDS\s*=+", "", text).rstrip(" \n>")
    words = re.findall(r"[A-Z][A-Z'\-]+", t[-200:])
    return words[-1] if words else None


def created(meta):
    m = re.search(r"\b(\d{4}-\d{2}-\d{2})\s+\d{2}:\d{2}", meta)
    return m.group(1) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()

    errors, infos = [], []
    gold = []
    with open(os.path.join(HERE, "gold_es.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    gold.append(json.loads(line))
                except json.JSONDecodeError as e:
                    errors.append(f"gold line {i}: bad JSON ({e})")

    # ---- schema
    seen = set()
    for g in gold:
        gid = g.get("id")
        if gid in seen:
            errors.append(f"{gid}: duplicate id")
        seen.add(gid)
        for key in ("article", "quote", "source", "also_acceptable", "verdict",
                    "discrepancies", "attribution", "note"):
            if key not in g:
                errors.append(f"{gid}: missing field {key}")
        v = g.get("verdict")
        if v not in VERDICTS:
            errors.append(f"{gid}: unknown verdict {v}")
        if (v == "not_found") != (g.get("source") is None):
            errors.append(f"{gid}: source must be null exactly when verdict is not_found")
        for d in g.get("discrepancies") or []:
            if d.get("kind") not in DISC_KINDS or "quote_side" not in d or "source_side" not in d:
                errors.append(f"{gid}: malformed discrepancy {d}")
        a = g.get("attribution")
        if a is not None and set(a) != {"claimed", "cable_signer", "cable_date", "ok"}:
            errors.append(f"{gid}: malformed attribution {a}")

    # ---- articles
    arts = {}
    for g in gold:
        name = g["article"]
        if name not in arts:
            p = os.path.join(HERE, "articles", name)
            if not os.path.exists(p):
                errors.append(f"{g['id']}: article {name} missing")
                arts[name] = None
                continue
            arts[name] = open(p, encoding="utf-8").read()
        text = arts[name]
        if text is None:
            continue
        q = g["quote"]
        if f"«{q}»" not in text and f"“{q}”" not in text:
            errors.append(f"{g['id']}: quote not printed between quotation marks in {name}")
    import glob
    for p in glob.glob(os.path.join(HERE, "articles", "es_h*.txt")):
        name = os.path.basename(p)
        if name not in arts:
            errors.append(f"{name}: article has no gold lines")
            arts[name] = open(p, encoding="utf-8").read()
    for name, text in sorted(arts.items()):
        if text is None:
            continue
        lines = text.split("\n")
        if len(lines) < 3 or not lines[1].startswith("Por ") or not lines[0].strip():
            errors.append(f"{name}: needs headline on line 1 and 'Por ...' byline on line 2")
        nw = len(text.split())
        if not 300 <= nw <= 550:
            errors.append(f"{name}: {nw} words, outside 300-550")
        golded = {g["quote"] for g in gold if g["article"] == name}
        for m in QUOTE_SPAN.finditer(text):
            span = m.group(1) if m.group(1) is not None else m.group(2)
            if span not in golded:
                errors.append(f"{name}: quoted span without gold line: {span[:60]!r}")

    # ---- corpus
    needed = {g["source"]["cable"] for g in gold if g.get("source")}
    cables = {}
    not_found = [(g["id"], norm(g["quote"])) for g in gold if g.get("verdict") == "not_found"]
    hits = {gid: [] for gid, _ in not_found}
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in needed:
                cables[d["id"]] = d
            if not_found:
                nt = norm(d["text"])
                for gid, nq in not_found:
                    if nq in nt:
                        hits[gid].append(d["id"])
    for gid, found in hits.items():
        if found:
            errors.append(f"{gid}: 'not_found' quote occurs in {found[:3]}")

    for g in gold:
        if g.get("verdict") != "translation":
            continue
        gid = g["id"]
        cid, par = g["source"]["cable"], g["source"]["paragraph"]
        d = cables.get(cid)
        if d is None:
            errors.append(f"{gid}: cable {cid} not in corpus")
            continue
        note = g.get("note") or ""
        if not note.startswith("english: "):
            errors.append(f"{gid}: note must start with 'english: '")
            continue
        eng = norm(note[len("english: "):])
        if len(eng.split()) < 3:
            errors.append(f"{gid}: English words too short to identify a passage")
        paras = paragraphs(d["text"])
        if par not in paras:
            errors.append(f"{gid}: {cid} has no paragraph {par}")
            continue
        if eng not in norm(paras[par]):
            where = [n for n, p in paras.items() if eng in norm(p)]
            errors.append(f"{gid}: English words not in {cid} para {par}"
                          + (f" (found in {where})" if where else ""))
        else:
            others = [n for n, p in paras.items() if n != par and eng in norm(p)]
            if others:
                infos.append(f"{gid}: English words also in {cid} para {others}")
        for disc in g.get("discrepancies") or []:
            if norm(disc["source_side"]) not in eng:
                errors.append(f"{gid}: source_side {disc['source_side']!r} not in English words")
            if norm(disc["quote_side"]) not in norm(g["quote"]):
                errors.append(f"{gid}: quote_side {disc['quote_side']!r} not in quote")
        a = g.get("attribution")
        if a:
            if a["cable_signer"] != signer(d["text"]):
                errors.append(f"{gid}: signer {a['cable_signer']} != cable signature {signer(d['text'])}")
            if a["cable_date"] != created(d["meta"]):
                errors.append(f"{gid}: date {a['cable_date']} != Created {created(d['meta'])}")
            if not a["ok"]:
                infos.append(f"{gid}: attribution marked wrong (claimed {a['claimed']!r})")

    counts = {}
    for g in gold:
        counts[g.get("verdict")] = counts.get(g.get("verdict"), 0) + 1
    ndisc = sum(1 for g in gold if g.get("discrepancies"))
    print(f"{len(gold)} gold lines in {len(arts)} articles; verdicts {counts}; "
          f"with discrepancies {ndisc}")
    for s in infos:
        print("info:", s)
    for s in errors:
        print("FAIL:", s)
    print("RESULT:", "PASS" if not errors else f"FAIL ({len(errors)} problems)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
