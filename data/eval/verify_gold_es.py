#!/usr/bin/env python3
"""Verify data/eval/gold_es.jsonl against the articles and the Cablegate corpus (standard library only).

Checks, for every gold line:
  - shape (keys, verdict values), unique id, article file exists;
  - the quote is printed in the article exactly, between quotation marks;
  - translation/verbatim: the English words in the note ("english source sentence: ...") occur in the
    stated paragraph of the stated cable (whitespace-normalised, case-insensitive); a verbatim quote
    occurs there itself; every other corpus paragraph holding those words is listed in also_acceptable;
  - discrepancies: quote_side occurs in the quote, source_side in the English source words;
  - not_found: source is null and the quote occurs nowhere in the corpus;
  - attribution: cable_signer and cable_date match the cable (signer = closing name, date = meta Created).
Also: each es_*.txt article has a headline, a byline, 300-600 words.
Usage: python3 verify_gold_es.py [corpus.jsonl.gz]
"""
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/corpus/cablegate-6712.jsonl.gz")
GOLD = HERE / "gold_es.jsonl"
ARTICLES = HERE / "articles"
NOTE_PREFIX = "english source sentence: "
VERDICTS = {"translation", "verbatim", "not_found"}
KEYS = ["id", "article", "quote", "source", "also_acceptable", "verdict", "discrepancies", "attribution", "note"]
OPEN_Q, CLOSE_Q = "«“\"", "»”\""

MARK_RE = re.compile(r"(?m)^[ \t\u00a0]*(?:¶[ \t]*)?(\d{1,2})\.[ \t\u00a0]*\(")
SUBJECT_RE = re.compile(r"SUBJECT:?[ \t]*(.*?)(?=\n[ \t]*\n|\n[ \t]*REF\b|\n[ \t]*Classified [Bb]y|\n[ \t]*CLASSIFIED BY|\Z)", re.S)
NOT_SIGNERS = {"CABLE", "ENDS", "END", "COMMENT", "SUMMARY", "NOTE", "SIPDIS", "NOFORN", "UNCLASSIFIED",
               "CONFIDENTIAL", "SECRET", "OF", "USD", "GOS", "GOM", "USG", "GBRV", "ETA", "OAS", "EU"}


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split()).lower()


def paragraphs(text):
    """{number: text}: the subject line as 0, then the numbered paragraphs (marks must increase by 1-3)."""
    out = {}
    m = SUBJECT_RE.search(text)
    if m:
        out[0] = " ".join(m.group(1).split())
    marks, last = [], 0
    for mm in MARK_RE.finditer(text):
        n = int(mm.group(1))
        if last < n <= last + 3:
            marks.append((mm.start(), n))
            last = n
    for i, (start, n) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out[n] = " ".join(text[start:end].split())
    return out


def signer(text):
    tail = re.sub(r"=+\s*CABLE ENDS\s*=+", " ", text).rstrip()[-300:]
    names = [w for w in re.findall(r"\b[A-Z][A-Z'\-]{2,}\b", tail) if w not in NOT_SIGNERS and set(w) != {"X"}]
    return names[-1] if names else None


def created(meta):
    m = re.search(r"\d{2}[A-Z]+\d+\s+(\d{4}-\d{2}-\d{2})", meta)
    return m.group(1) if m else None


def load_corpus():
    cables = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            cables[d["id"]] = {"paras": {k: norm(v) for k, v in paragraphs(d["text"]).items()},
                               "signer": signer(d["text"]), "date": created(d.get("meta", "")),
                               "flat": norm(d["text"])}
    return cables


def main():
    cables = load_corpus()
    errors, counts, ids = [], {}, set()
    lines = [l for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    articles_seen = set()
    for ln, line in enumerate(lines, 1):
        def err(msg):
            errors.append(f"line {ln} ({g.get('id', '?')}): {msg}")
        try:
            g = json.loads(line)
        except json.JSONDecodeError as e:
            g = {}
            err(f"bad JSON: {e}")
            continue
        if list(g) != KEYS:
            err(f"keys {list(g)} != {KEYS}")
        if g.get("id") in ids:
            err("duplicate id")
        ids.add(g.get("id"))
        verdict = g.get("verdict")
        counts[verdict] = counts.get(verdict, 0) + 1
        if verdict not in VERDICTS:
            err(f"bad verdict {verdict}")
        art = ARTICLES / g.get("article", "")
        if not art.is_file():
            err(f"no article {art}")
            continue
        articles_seen.add(art.name)
        atext = art.read_text(encoding="utf-8")
        quote = g["quote"]
        hits = [m.start() for m in re.finditer(re.escape(quote), atext)]
        if not hits:
            err("quote not printed in the article")
        elif not any(h > 0 and atext[h - 1] in OPEN_Q and atext[h + len(quote):h + len(quote) + 1] in CLOSE_Q for h in hits):
            err("quote not between quotation marks in the article")
        note = g.get("note", "")
        src = g.get("source")
        if verdict == "not_found":
            if src is not None or g.get("also_acceptable"):
                err("not_found must have source null and no also_acceptable")
            nq = norm(quote)
            if any(nq in c["flat"] for c in cables.values()):
                err("invented quote occurs in the corpus")
            continue
        if not note.startswith(NOTE_PREFIX):
            err("note must start with 'english source sentence: '")
            continue
        eng = norm(note[len(NOTE_PREFIX):])
        if not src or src.get("cable") not in cables:
            err(f"unknown source {src}")
            continue
        paras = cables[src["cable"]]["paras"]
        p = src.get("paragraph")
        if p not in paras:
            err(f"cable {src['cable']} has no paragraph {p}")
            continue
        if eng not in paras[p]:
            err(f"english source words not in {src['cable']} para {p}: {eng!r}")
        if verdict == "verbatim" and norm(quote) not in paras[p]:
            err("verbatim quote not in the stated paragraph")
        holders = {(cid, n) for cid, c in cables.items() if eng in c["flat"] for n, t in c["paras"].items() if eng in t}
        allowed = {(src["cable"], p)} | {(a["cable"], a["paragraph"]) for a in g.get("also_acceptable", [])}
        if holders - allowed:
            err(f"english words also in {sorted(holders - allowed)}, not listed in also_acceptable")
        if allowed - holders:
            err(f"also_acceptable paragraphs without the english words: {sorted(allowed - holders)}")
        for d in g.get("discrepancies", []):
            if d.get("kind") not in {"number_change", "negation"}:
                err(f"bad discrepancy kind {d}")
            if norm(d.get("quote_side", "")) not in norm(quote):
                err(f"quote_side {d.get('quote_side')!r} not in quote")
            if norm(d.get("source_side", "")) not in eng:
                err(f"source_side {d.get('source_side')!r} not in english source words")
        a = g.get("attribution")
        if a is not None:
            c = cables[src["cable"]]
            if a.get("cable_signer") != c["signer"]:
                err(f"cable_signer {a.get('cable_signer')} != {c['signer']}")
            if a.get("cable_date") != c["date"]:
                err(f"cable_date {a.get('cable_date')} != {c['date']}")
            if not isinstance(a.get("ok"), bool) or not a.get("claimed"):
                err("attribution needs claimed and boolean ok")
    for art in sorted(ARTICLES.glob("es_*.txt")):
        t = art.read_text(encoding="utf-8")
        ls = t.split("\n")
        words = len(t.split())
        if not (300 <= words <= 600):
            errors.append(f"{art.name}: {words} words, not 300-600")
        if len(ls) < 3 or not ls[1].startswith("Por ") or ls[2].strip():
            errors.append(f"{art.name}: needs headline, 'Por ...' byline, blank line")
        if art.name not in articles_seen:
            errors.append(f"{art.name}: no gold lines")
    print(f"{len(lines)} gold quotes in {len(articles_seen)} articles; by verdict: {dict(sorted(counts.items()))}")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
