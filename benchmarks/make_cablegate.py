"""Build a Cablegate-sized corpus (251,287 cables) from the 6,712 real ones, for the scale benchmarks.

The real cables go in unchanged (so the seed cables are inside). Each synthetic cable takes a real
cable as its template (classification, origin, subject, tags, signer, paragraph count and lengths)
under a new reference ID and date, and fills its paragraphs with sentences drawn from the whole real
corpus, recombined across cables. Recombining 56,000 paragraphs into 2.1 million copies every real
sentence about 37 times; were they all copied with a light edit, every quote would have dozens of
near-duplicates one word away, which the real release does not have. So the copies are of three
kinds, in the proportions that keep the near-duplicate density of the release (measured on the
6,712 cables: 2.0% of the distinct sentences of six words or more stand word for word in another
cable): a few word for word, as many with a light edit (a word replaced, dropped or swapped, a
number changed), and the rest rewritten, half their longer words replaced by words of the corpus,
so that their length, function words and word frequencies stay those of real cables. Size,
vocabulary and posting-list lengths are the release's; so is the share of quotes with near-copies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import ingest  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
DUPLICATED = 0.020  # share of real sentences that stand word for word in another cable
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
WORD_RE = re.compile(r"[A-Za-z]{4,}")


def edit(sentence: str, rng: random.Random, vocab: list[str]) -> str:
    """A light edit: one word replaced, dropped, swapped with its neighbour, or a number changed."""
    words = sentence.split(" ")
    if len(words) < 3:
        return sentence + " " + rng.choice(vocab)
    op = rng.random()
    i = rng.randrange(1, len(words))
    if op < 0.55:  # a word replaced by another word of the corpus
        if WORD_RE.fullmatch(words[i].strip(".,;:")):
            tail = words[i][len(words[i].rstrip(".,;:")):]
            words[i] = rng.choice(vocab) + tail
        else:
            words.insert(i, rng.choice(vocab))
    elif op < 0.75:  # a word dropped
        del words[i]
    elif op < 0.9:  # two words swapped
        j = i - 1 if i > 1 else i + 1
        if j >= len(words) or words[i] == words[j]:
            words.insert(i, rng.choice(vocab))
        else:
            words[i], words[j] = words[j], words[i]
    else:  # a number changed, or a word added
        nums = [k for k, w in enumerate(words) if re.fullmatch(r"\d+[.,]?", w)]
        if nums:
            k = rng.choice(nums)
            words[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), words[k])
        else:
            words.insert(i, rng.choice(vocab))
    return " ".join(words)


def rewrite(sentence: str, rng: random.Random, vocab: list[str]) -> str:
    """Half the longer words replaced by words of the corpus: the shape of a cable sentence, not its content."""
    out = []
    for w in sentence.split(" "):
        core = w.strip(".,;:()\"'")
        if WORD_RE.fullmatch(core) and rng.random() < 0.5:
            w = w.replace(core, rng.choice(vocab))
        elif core.isdigit():
            w = w.replace(core, str(rng.randint(1, 2010)))
        out.append(w)
    return " ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cables", type=int, default=251_287)
    ap.add_argument("--real", default=str(REAL))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "cablegate-251287.jsonl.gz"))
    ap.add_argument("--seed", type=int, default=2010)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    with gzip.open(args.real, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    parsed = [c for r in records for c in ingest.parse_jsonl([json.dumps(r)], "real")]
    pool = [s for c in parsed for p in c.paragraphs for s in SENTENCE_RE.split(p.text) if s.strip()]
    vocab = [w for s in pool[::3] for w in WORD_RE.findall(s)]  # word occurrences: drawn as often as used
    print(f"{len(records)} real cables, {len(parsed)} parsed, {len(pool)} sentences, {len(set(vocab))} words "
          f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    n_synthetic = args.cables - len(records)
    mean_sentences = len(pool) / max(1, sum(len(c.paragraphs) for c in parsed))
    uses = n_synthetic * sum(len(c.paragraphs) for c in parsed) / max(1, len(parsed)) * mean_sentences / len(pool)
    exact = 1 - (1 - DUPLICATED) ** (1 / max(1.0, uses))  # per copy, so that DUPLICATED of sentences get one
    print(f"each real sentence is copied about {uses:.0f} times; {exact:.5f} of the copies word for word, as many "
          "with a light edit, the rest rewritten", file=sys.stderr)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    used: set[str] = {c.id for c in parsed}
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=3) as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for k in range(n_synthetic):
            t = rng.choice(parsed)
            year = int(t.date[:4]) if t.date else 2000 + rng.randrange(10)
            origin = re.match(r"\d{2}([A-Z]+)", t.id).group(1)  # type: ignore[union-attr]
            number = rng.randrange(100, 99_999)
            cid = f"{year % 100:02d}{origin}{number}"
            while cid in used:
                number += 1
                cid = f"{year % 100:02d}{origin}{number}"
            used.add(cid)
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            meta = (f"Reference ID Created Released Classification Origin {cid} {day} {rng.randrange(24):02d}:"
                    f"{rng.randrange(60):02d} 2011-08-30 01:44 {t.classification or 'CONFIDENTIAL'} "
                    f"{t.origin or 'Embassy ' + origin.title()}")
            body = []
            for n, p in enumerate(t.paragraphs, 1):
                k_sent = max(1, len(SENTENCE_RE.split(p.text)))
                sents = []
                for _ in range(k_sent):
                    s = rng.choice(pool)
                    roll = rng.random()
                    sents.append(s if roll < exact else edit(s, rng, vocab) if roll < 2 * exact else rewrite(s, rng, vocab))
                mark = p.marking or "(C)"
                body.append(f"¶{n}. {mark} " + " ".join(sents))
            header = (f"{t.classification or 'CONFIDENTIAL'} {origin} {number:06d}\n\nSIPDIS\n\n"
                      f"E.O. 12958: DECL: {year + 10}/01/01\nTAGS: {' '.join(t.tags) or 'PREL'}\n"
                      f"SUBJECT: {t.subject or 'NONE'}\n\nClassified By: {t.classified_by or 'Ambassador'}.\n")
            text = header + "\n" + "\n\n".join(body) + f"\n\n{t.signer or 'XXXXXXXXXXXX'}\n"
            f.write(json.dumps({"id": cid, "meta": meta, "text": text}, ensure_ascii=False) + "\n")
            if (k + 1) % 20_000 == 0:
                print(f"{k + 1}/{n_synthetic} synthetic cables ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print(f"{out}: {args.cables} cables ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
