"""Write news-style articles that quote real cables, with a gold file of where each quote came from:
the load for the latency benchmarks, and a check of quality beyond the three seed articles.

Each article cites one or two cables of the 6,712 real ones (by date and signer, as reporters do)
and quotes them: whole sentences, spans cut with an ellipsis, a span with a word dropped (an
unmarked change), a short phrase from the cited paragraph; and two quotations from public
statements that no cable holds.

    .venv/bin/python benchmarks/make_articles.py [--n 60] [--out benchmarks/out/articles]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import ingest  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "cablegate-6712.jsonl.gz"
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
PUBLIC = [
    "We will continue to work closely with our partners on the full range of issues before us",
    "The release of these documents puts lives at risk and undermines our diplomacy",
    "Our commitment to the relationship remains as strong as ever",
    "This government does not comment on leaked documents",
    "We are reviewing the matter and will respond in due course",
    "Nothing in these reports changes the fundamentals of our cooperation",
    "The ministry regrets the publication and rejects its conclusions",
    "These are the impressions of individual diplomats, not the policy of the United States",
]
FILLER = [
    "The cable was among thousands released this week.",
    "Officials declined to comment on the document.",
    "The embassy did not respond to a request for comment.",
    "Analysts said the assessment reflected long-standing concerns in Washington.",
]
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def spans(p_text: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(p_text) if 12 <= len(s.split()) <= 40 and "XXXX" not in s and s.endswith(".")
            and not re.search(r"[\"“”]", s)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "articles"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with gzip.open(REAL, "rt", encoding="utf-8") as f:
        pool = [c for line in f for c in ingest.parse_jsonl([line], "real") if c.date and len(c.paragraphs) >= 4]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    gold = []
    for k in range(args.n):
        cited = rng.sample(pool, 2)
        lines: list[str] = []
        add = lines.append

        name = f"article_{k:03d}.txt"
        add(f"Leaked cables offer a candid view of {cited[0].origin or 'the embassy'}'s work")
        for c in cited:
            y, m, d = (int(x) for x in c.date.split("-"))  # type: ignore[union-attr]
            who = c.signer.title() if c.signer else "the ambassador"
            usable = [(p, s) for p in c.paragraphs for s in spans(p.text)]
            if len(usable) < 3:
                continue
            picks = rng.sample(usable, 3)
            (p1, s1), (p2, s2), (p3, s3) = picks
            add(f"In a cable dated {MONTHS[m - 1]} {d}, {y}, {who} wrote that \"{s1.rstrip('.')}.\"")
            gold.append({"article": name, "quote": s1.rstrip(".") + ".", "source": {"cable": c.id, "paragraph": p1.number},
                         "verdict": "verbatim"})
            words = s2.split()
            cut = rng.randrange(4, len(words) - 4)
            gap = rng.randrange(2, 5)
            elided = " ".join(words[:cut]) + " ... " + " ".join(words[cut + gap:])
            add(f"The cable went on: \"{elided}\"")
            gold.append({"article": name, "quote": elided, "source": {"cable": c.id, "paragraph": p2.number},
                         "verdict": "elided"})
            words = s3.rstrip(".").split()
            drop = rng.randrange(2, len(words) - 2)
            altered = " ".join(words[:drop] + words[drop + 1:])
            add(f"{rng.choice(FILLER)} Another passage reads: \"{altered}.\"")
            gold.append({"article": name, "quote": altered + ".", "source": {"cable": c.id, "paragraph": p3.number},
                         "verdict": "altered"})
        statement = rng.choice(PUBLIC)
        add(f"\"{statement},\" a spokesman said on Monday.")
        gold.append({"article": name, "quote": statement + ",", "source": None, "verdict": "not_found"})
        add(rng.choice(FILLER))
        (out / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for i, g in enumerate(gold):
            g.update(id=f"synthetic-{i:04d}", also_acceptable=[], discrepancies=[], attribution=None)
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"{out}: {args.n} articles, {len(gold)} quotes", file=sys.stderr)


if __name__ == "__main__":
    main()
