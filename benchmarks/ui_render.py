"""How long the review app takes to draw an article's cards once warm (model and corpus loaded).

Streamlit reruns the whole script on every click, so this is the wait an editor feels: the time of
a rerun of the app (Streamlit's AppTest, no browser) showing the Washington Post article (19
quotes), with the embedding model on; the first, cold run is printed too.

    .venv/bin/python benchmarks/ui_render.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    os.environ.setdefault("COMPARE_REVIEWS", str(Path(tempfile.mkdtemp()) / "reviews.sqlite"))
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=300)
    t = time.perf_counter()
    at.run()
    cold = time.perf_counter() - t
    at.multiselect(key="demo_articles").set_value(["003_515405a57c30b3c1.txt"])
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t)
    n = sum(1 for m in at.markdown if m.value.startswith("<div class='qc-card'>"))
    print(f"cold start (model, corpus, three articles checked and drawn): {cold:.1f} s")
    print(f"one article, {n} quote cards: first draw {first:.2f} s; warm rerun median {statistics.median(warm):.2f} s "
          f"(max {max(warm):.2f} s)")


if __name__ == "__main__":
    main()
