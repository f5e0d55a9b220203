#!/usr/bin/env python3
"""Verify the blind Spanish quote-provenance set (standard library only).

Usage: python3 verify_es.py [--corpus PATH]

Checks:
  * every gold quote occurs verbatim inside « » in its article, and ids run in article order;
  * every « » quote in an article has exactly one gold line;
  * keys and values are well formed (verdict/source/discrepancies/attribution);
  * every source cable exists in the corpus and is not on the excluded list;
  * the "english:" note occurs (whitespace-normalised) in the cable, and in the stated
    paragraph (paragraph 0 = SUBJECT line); also_acceptable entries are checked the same way;
  * attribution.cable_date equals the cable's date (meta "Created", else header DTG);
  * attribution.cable_signer appears near the end of the cable text.
Prints counts; exits non-zero on any failure.
"""
import argparse
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = "/work/shared/corpus/cablegate-6712.jsonl.gz"

EXCLUDED = set("""
02BOGOTA3281 04MADRID2303 05BOGOTA3863 05BRASILIA1164 05ISTANBUL38 05LIMA4748 05LIMA4861
05MADRID1585 05MADRID1604 05QUITO1978 05QUITO2057 06BOGOTA11488 06DUBLIN623 06KINSHASA1410
07ASMARA850 07MOSCOW1537 07PARIS4722 08ASHGABAT1399 08BAKU671 08BUENOSAIRES1742 08HARARE1016
08MANAMA192 08MANAMA592 08TRIPOLI104 09BAKU749 09BEIJING1970 09BEIJING2438 09CARACAS1401
09CARACAS750 09HAVANA490 09ISLAMABAD1119 09MADRID71 09MEXICO3573 09MEXICO748 09NAIROBI1171
09RANGOON378 09REYKJAVIK131 09SANAA1662 09TEGUCIGALPA645 09TELAVIV1098 09VATICAN113 10CAIRO117
10CARACAS179 10CARACAS219 10HARARE93 10MADRID187 10MADRID86 10MOSCOW317 10SANTIAGO25 10SEOUL62
10VATICAN33 09MEXICO2882 10MEXICO83
""".split())

KEYS = ["id", "article", "quote", "source", "also_acceptable", "verdict",
        "discrepancies", "attribution", "note"]
MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

errors = []


def err(msg):
    errors.append(msg)
    print("FAIL:", msg)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load_cables(path, wanted):
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in wanted:
                out[d["id"]] = d
    return out


def subject_of(text):
    m = re.search(r"SUBJECT:?\s*(.*?)(?:\n\s*\n|\n\s*REF|\n\s*Classified By|\n\s*¶)",
                  text, re.S | re.I)
    return norm(m.group(1)) if m else ""


def paragraphs_of(text):
    """Return {number: [normalised text, ...]} (a number may repeat in a cable)."""
    marks = list(re.finditer(r"¶\s*(\d+)\s*\.", text))
    if not marks:  # fall back to "1." at the start of a line
        marks = list(re.finditer(r"(?m)^\s*(\d{1,2})\.\s", text))
    paras = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        paras.setdefault(int(m.group(1)), []).append(norm(text[m.end():end]))
    return paras


def cable_date(d):
    meta = d.get("meta")
    metas = meta if isinstance(meta, str) else json.dumps(meta)
    m = re.search(re.escape(d["id"]) + r"\s+(\d{4}-\d{2}-\d{2})", metas)
    if m:
        return m.group(1)
    m = re.search(r"\b(\d{2})\d{4}Z\s+([A-Z]{3})\s+(\d{2})\b", d["text"])
    if m and m.group(2) in MONTHS:
        return "20%s-%02d-%s" % (m.group(3), MONTHS[m.group(2)], m.group(1))
    return None


def in_para(cab, para, english):
    e = norm(english)
    if para == 0:
        return e in subject_of(cab["text"])
    return any(e in p for p in paragraphs_of(cab["text"]).get(para, []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()

    gold = []
    with open(os.path.join(HERE, "gold_es.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    gold.append(json.loads(line))
                except ValueError as e:
                    err("gold line %d not JSON: %s" % (n, e))

    # --- articles vs gold -------------------------------------------------
    arts = sorted(x for x in os.listdir(os.path.join(HERE, "articles")) if x.endswith(".txt"))
    art_quotes = {}
    for a in arts:
        txt = open(os.path.join(HERE, "articles", a), encoding="utf-8").read()
        lines = txt.split("\n")
        if not lines[1].startswith("Por "):
            err("%s: line 2 is not a byline" % a)
        if "«" in lines[0] or "«" in lines[1]:
            err("%s: quote marks in headline/byline" % a)
        qs = [(m.start(), m.group(1)) for m in re.finditer(r"«([^»]*)»", txt)]
        if txt.count("«") != txt.count("»") or txt.count("«") != len(qs):
            err("%s: unbalanced « »" % a)
        art_quotes[a] = qs
        words = len(txt.split())
        print("article %s: %d words, %d quoted passages" % (a, words, len(qs)))
        if not 400 <= words <= 550:
            err("%s: %d words (want 400-550)" % (a, words))
        if not 6 <= len(qs) <= 9:
            err("%s: %d quotes (want 6-9)" % (a, len(qs)))

    seen_ids = set()
    by_art = {}
    for g in gold:
        if list(g.keys()) != KEYS:
            err("%s: keys %s" % (g.get("id"), list(g.keys())))
        if g["id"] in seen_ids:
            err("duplicate id %s" % g["id"])
        seen_ids.add(g["id"])
        by_art.setdefault(g["article"], []).append(g)
    for a in arts:
        qs = art_quotes[a]
        gl = by_art.get(a, [])
        gold_qs = [g["quote"] for g in gl]
        for pos, q in qs:
            c = gold_qs.count(q)
            if c != 1:
                err("%s: article quote has %d gold lines: %r" % (a, c, q[:60]))
        positions = []
        for g in gl:
            hits = [pos for pos, q in qs if q == g["quote"]]
            if not hits:
                err("%s: gold quote not found inside « » in %s" % (g["id"], a))
            else:
                positions.append(hits[0])
            nw = len(g["quote"].split())
            if not 5 <= nw <= 40:
                err("%s: quote has %d words (want 5-40)" % (g["id"], nw))
        if positions != sorted(positions):
            err("%s: gold lines not in article order" % a)
    for a in by_art:
        if a not in arts:
            err("gold refers to missing article %s" % a)

    # --- cables -----------------------------------------------------------
    wanted = set()
    for g in gold:
        if g["source"]:
            wanted.add(g["source"]["cable"])
        for alt in g["also_acceptable"]:
            wanted.add(alt["cable"])
    cables = load_cables(args.corpus, wanted)

    counts = {"quotes": len(gold), "translation": 0, "not_found": 0, "number_change": 0,
              "negation": 0, "attributions": 0, "misattributions": 0, "subject_quotes": 0}
    for g in gold:
        gid = g["id"]
        v = g["verdict"]
        if v not in ("translation", "not_found"):
            err("%s: bad verdict %r" % (gid, v))
        counts[v] = counts.get(v, 0) + 1
        if v == "not_found":
            if g["source"] is not None or g["also_acceptable"] or g["discrepancies"] or g["attribution"]:
                err("%s: not_found line must have null source and no extras" % gid)
            continue
        src = g["source"]
        if not src or set(src) != {"cable", "paragraph"} or not isinstance(src["paragraph"], int):
            err("%s: bad source %r" % (gid, src))
            continue
        cid = src["cable"]
        if cid in EXCLUDED:
            err("%s: cable %s is on the excluded list" % (gid, cid))
        if cid not in cables:
            err("%s: cable %s not in corpus" % (gid, cid))
            continue
        cab = cables[cid]
        if not g["note"].startswith("english: "):
            err("%s: note must start with 'english: '" % gid)
            continue
        eng = g["note"][len("english: "):]
        if norm(eng) not in norm(cab["text"]):
            err("%s: English note not found in %s" % (gid, cid))
        if not in_para(cab, src["paragraph"], eng):
            err("%s: English note not in %s paragraph %d" % (gid, cid, src["paragraph"]))
        if src["paragraph"] == 0:
            counts["subject_quotes"] += 1
        for alt in g["also_acceptable"]:
            if alt["cable"] in EXCLUDED or alt["cable"] not in cables:
                err("%s: bad also_acceptable cable %s" % (gid, alt["cable"]))
            elif not in_para(cables[alt["cable"]], alt["paragraph"], eng):
                err("%s: English note not in also_acceptable %s paragraph %d"
                    % (gid, alt["cable"], alt["paragraph"]))
        for dsc in g["discrepancies"]:
            if set(dsc) != {"kind", "quote_side", "source_side"} or \
                    dsc["kind"] not in ("number_change", "negation"):
                err("%s: bad discrepancy %r" % (gid, dsc))
                continue
            counts[dsc["kind"]] += 1
            if dsc["quote_side"] not in g["quote"]:
                err("%s: quote_side %r not in quote" % (gid, dsc["quote_side"]))
            if norm(dsc["source_side"]) not in norm(eng):
                err("%s: source_side %r not in English note" % (gid, dsc["source_side"]))
        at = g["attribution"]
        if at is not None:
            counts["attributions"] += 1
            if set(at) != {"claimed", "cable_signer", "cable_date", "ok"}:
                err("%s: bad attribution keys" % gid)
                continue
            art_txt = open(os.path.join(HERE, "articles", g["article"]), encoding="utf-8").read()
            if at["claimed"] not in art_txt:
                err("%s: claimed attribution text not in article" % gid)
            real = cable_date(cab)
            if at["cable_date"] != real:
                err("%s: cable_date %s != cable's date %s" % (gid, at["cable_date"], real))
            tail = cab["text"].rstrip()[-300:]
            if not re.search(r"\b%s\b" % re.escape(at["cable_signer"].upper()), tail.upper()):
                err("%s: signer %s not near end of %s" % (gid, at["cable_signer"], cid))
            if at["ok"] is False:
                counts["misattributions"] += 1
            elif at["ok"] is not True:
                err("%s: attribution.ok must be true/false" % gid)

    print("cables used: %s" % ", ".join(sorted(cables)))
    for k in ["quotes", "translation", "not_found", "number_change", "negation",
              "attributions", "misattributions", "subject_quotes"]:
        print("%-16s %d" % (k, counts[k]))
    if errors:
        print("FAILED: %d problem(s)" % len(errors))
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main()
