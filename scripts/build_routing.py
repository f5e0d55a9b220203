"""Build compare/resources/routing.tsv: which post each routing indicator names (`DE RUEHME #2498`: the
Embassy in Mexico), read from a released cable corpus. A cable whose ID is known (`08MEXICO2498`) and
whose routing line carries the same serial number (`#2498`) pairs the indicator with the post's name as
its IDs write it. An indicator is kept when every pairing agrees, or when the commonest post holds
nine in ten of its pairings (a relayed cable carries another post's line now and then).

    .venv/bin/python scripts/build_routing.py ../shared/corpus/cablegate-6712.jsonl.gz

The header parser (`compare.ingest.header`) reads the table to name a cable that carries no ID, only its
routing line and date-time group.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "compare" / "resources" / "routing.tsv"
ROUTING_RE = re.compile(r"\bDE\s+(RUEH[A-Z]{1,3})\s+#(\d{1,5})")
ID_RE = re.compile(r"\d\d([A-Z]+)(\d+)$")
AGREEMENT = 0.9


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", help="a JSONL (.gz) of cables: {id, meta, text}")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    with gzip.open(args.dump, "rt", encoding="utf-8") if args.dump.endswith(".gz") else open(args.dump, encoding="utf-8") as f:
        for line in f:
            cable = json.loads(line)
            m = ID_RE.match(str(cable.get("id", "")))
            if not m:
                continue
            for r in ROUTING_RE.finditer(cable.get("text", "")):
                if int(r.group(2)) == int(m.group(2)):
                    seen[r.group(1)][m.group(1)] += 1
    rows = []
    for code, posts in sorted(seen.items()):
        post, n = posts.most_common(1)[0]
        if n / sum(posts.values()) >= AGREEMENT:
            rows.append((code, post, n))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(f"# routing indicator\tpost\tcables that pair them (built by scripts/build_routing.py from "
                  f"{Path(args.dump).name})\n")
        for code, post, n in rows:
            out.write(f"{code}\t{post}\t{n}\n")
    print(f"{len(rows)} routing indicators of {len(seen)} written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
