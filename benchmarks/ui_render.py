"""The review app as an editor feels it, measured in a real browser (Debian's chromium driven by
Playwright), the app of a given commit ("before") beside the working tree's ("after") in the same run.

Time to the first card (the default): a new server with an empty embedding cache ("truly cold"),
a reload while that server's first model load is under way, and a new server with the cache warm;
for each, over `--watch` seconds after the page is idle, how often it reran on its own (its main
area greyed by Streamlit) and how often what the editor sees changed under them (the cards, their
order, the story's verdict, the first card's place).

    .venv/bin/python benchmarks/ui_render.py [--before a515470] [--watch 60]

`--full`: cold start to the first card, a redraw with the checks cached, and a filter change, for
the 65-quote demo and for a 390-quote batch (the demo articles and five more copies, uploaded).

    .venv/bin/python benchmarks/ui_render.py --full [--before dc39f79] [--no-semantic]

Each app runs as its own Streamlit server with a fresh reviews file and its own Python path (the
"before" app from a `git worktree` of the commit, with the editable install of this checkout
hidden from it). Times are wall-clock seconds from the browser's side: a page counts as drawn when
Streamlit's running indicator is gone and the cards are on the page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RUNNING = "[data-testid='stStatusWidget']"
# the caption under the cards, before ("13 of 65 quotes shown.") and after ("1–12 of 13 quotes shown (65 in all)")
SHOWN = ("document.body.innerText.includes('{n} of ') && document.body.innerText.match(/{n} of \\d+ quotes shown/) "
         "|| /of {n} quotes shown/.test(document.body.innerText)")
LAUNCH = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path if not type(f).__module__.startswith("__editable__")
                    and not getattr(f, "__module__", "").startswith("__editable__")]
sys.path.insert(0, {root!r})
from streamlit.web import cli
sys.argv = ["streamlit", "run", {app!r}, "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.port", {port!r}, "--browser.gatherUsageStats", "false"]
sys.exit(cli.main())
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    code = LAUNCH.format(root=str(root), app=str(root / "ui" / "app.py"), port=str(port))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=root, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"http://127.0.0.1:{port}"
        time.sleep(0.2)
    raise SystemExit(f"the app in {root} did not start")


def settle(page, timeout: float = 300) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit is idle (its running indicator gone for a moment)."""
    deadline = time.time() + timeout
    quiet = 0
    while time.time() < deadline:
        quiet = quiet + 1 if page.locator(RUNNING).count() == 0 else 0
        if quiet >= 3:
            return
        time.sleep(0.05)


def filter_median(page, box, narrowed: int, everything: int, times: int = 5) -> float:  # type: ignore[no-untyped-def]
    """A search for a cable ID, from typing Enter to the cards updated, `times` times (the search
    cleared between), the median: one measurement varies by as much as 0.3 s on this machine."""
    out = []
    for _ in range(times):
        settle(page)
        t = time.perf_counter()
        box.fill("10MEXICO83")
        box.press("Enter")
        page.wait_for_function(SHOWN.format(n=narrowed), timeout=120_000)
        out.append(time.perf_counter() - t)
        box.fill("")
        box.press("Enter")
        page.wait_for_function(SHOWN.format(n=everything), timeout=120_000)
    return statistics.median(out)


def measure(root: Path, label: str, semantic: bool, batch: list[Path], chromium) -> dict[str, float]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "COMPARE_REVIEWS": str(Path(tempfile.mkdtemp()) / "reviews.sqlite"),
           "COMPARE_SEMANTIC": "1" if semantic else "0"}
    proc, url = serve(root, env)
    out: dict[str, float] = {}
    try:
        page = chromium.new_page(viewport={"width": 1440, "height": 1000})
        t = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(".qc-card", timeout=600_000)
        out["cold: first card"] = time.perf_counter() - t
        settle(page)
        out["cold: page complete"] = time.perf_counter() - t
        out["cards drawn"] = page.locator(".qc-card").count()
        height = page.evaluate("document.querySelector('section.main, [data-testid=stMain]')?.scrollHeight || 0")
        out["page height (px)"] = height
        page.wait_for_timeout(1000)
        settle(page)
        t = time.perf_counter()
        page.reload()  # a new session: the page, the script, the checks from the cache
        page.wait_for_function(SHOWN.format(n=65), timeout=300_000)
        out["reopen the page (checks cached), cards shown"] = time.perf_counter() - t
        settle(page)
        box = page.get_by_label("Search quotes and cable IDs")
        out["filter (search a cable ID): cards updated, median of 5"] = filter_median(page, box, 13, 65)
        t = time.perf_counter()
        page.locator("input[type=file]").last.set_input_files([str(p) for p in batch])
        page.wait_for_function(SHOWN.format(n=65 + 65 * 5), timeout=1_200_000)
        out["batch: checked and drawn (390 quotes)"] = time.perf_counter() - t
        settle(page)
        out["batch: cards drawn"] = page.locator(".qc-card").count()
        out["batch: filter, cards updated, median of 5"] = filter_median(page, box, 13 * 6, 65 * 6)
        box.fill("10MEXICO83")
        box.press("Enter")
        page.wait_for_function(SHOWN.format(n=13 * 6), timeout=120_000)
        settle(page)
        t = time.perf_counter()
        page.reload()
        page.wait_for_function(SHOWN.format(n=65), timeout=300_000)
        out["batch: reopen the page (bundled articles again)"] = time.perf_counter() - t
        settle(page)
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


# What the editor sees of the page: the cards in order, the story's verdict, where the first card stands.
SIGNATURE = """() => [...document.querySelectorAll('.qc-card')].map(c => c.dataset.finding + '@' + c.dataset.article
  + ':' + c.dataset.start).join('|') + '#' + (document.querySelector('.qc-story') || {}).innerText + '#'
  + Math.round(document.querySelector('.qc-card')?.getBoundingClientRect().top || 0)"""
# A rerun of the whole page greys the main area's elements (Streamlit marks them stale) until redrawn: the
# summary and the cards greyed are a rerun the editor sees.
STALE = ("() => [...document.querySelectorAll(\"[data-testid='stMain'] [data-stale='true']\")]"
         ".some(e => e.querySelector('.qc-card, .qc-summary'))")


def watch_page(page, seconds: float) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """For `seconds`: how many times the page reran on its own (its main area greyed), and how many
    times what the editor sees (cards, their order, the verdict, the first card's place) changed."""
    reruns = changes = 0
    stale = False
    seen = page.evaluate(SIGNATURE)
    end = time.time() + seconds
    while time.time() < end:
        now_stale = page.evaluate(STALE)
        reruns += now_stale and not stale
        stale = now_stale
        sig = page.evaluate(SIGNATURE)
        changes += sig != seen
        seen = sig
        time.sleep(0.2)
    return reruns, changes


def first_card(root: Path, cache: Path, chromium, watch: float, reload_early: bool = False) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """A new server: seconds to the first card; with `reload_early`, the page reloaded as soon as the
    first card shows (the model still loading) and the seconds to the first card again; then, over
    the next `watch` seconds, the reruns and changes of the page that the editor did not ask for."""
    env = {**os.environ, "COMPARE_REVIEWS": str(Path(tempfile.mkdtemp()) / "reviews.sqlite"),
           "COMPARE_SEMANTIC": "1", "COMPARE_CACHE_DIR": str(cache)}
    proc, url = serve(root, env)
    out: dict[str, float] = {}
    try:
        page = chromium.new_page(viewport={"width": 1440, "height": 900})
        t = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(".qc-card", timeout=600_000)
        out["first card"] = time.perf_counter() - t
        if reload_early:
            t = time.perf_counter()
            page.reload()
            page.wait_for_selector(".qc-card", timeout=600_000)
            out["first card after a reload"] = time.perf_counter() - t
        # the page as the editor first reads it (12 cards and the verdict), not waiting for Streamlit to
        # be idle: the app of before holds its run open while the model loads
        page.wait_for_function("document.querySelectorAll('.qc-card').length === 12 && "
                               "document.querySelector('.qc-story')", timeout=600_000)
        page.wait_for_timeout(500)
        reruns, changes = watch_page(page, watch)
        out[f"reran on its own in the next {watch:.0f} s"] = reruns
        out[f"cards or verdict changed on their own in {watch:.0f} s"] = changes
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def time_to_first_card(root: Path, chromium, watch: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    cache = Path(tempfile.mkdtemp(prefix="embedding-cache-"))
    out = {f"truly cold: {k}": v for k, v in first_card(root, cache, chromium, watch).items()}
    cold = Path(tempfile.mkdtemp(prefix="embedding-cache-"))
    out |= {f"reload during the model load: {k}": v
            for k, v in first_card(root, cold, chromium, watch, reload_early=True).items() if k != "first card"}
    out |= {f"warm cache: {k}": v for k, v in first_card(root, cache, chromium, watch).items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default=None, help="the commit to compare with (default: a515470, before issue 20; "
                    "with --full, dc39f79: v0.2's last)")
    ap.add_argument("--no-semantic", dest="semantic", action="store_false")
    ap.add_argument("--full", action="store_true", help="the redraw, filter and 390-quote batch figures")
    ap.add_argument("--watch", type=float, default=60.0, help="seconds to watch for redraws after the first card")
    args = ap.parse_args()
    args.before = args.before or ("dc39f79" if args.full else "a515470")
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="ui-bench-"))
    old = work / "before"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.before], check=True,
                   capture_output=True)
    batch = []
    for k in range(5):  # the demo articles five times over, each copy its own article
        for p in sorted((ROOT / "data" / "articles").glob("*.txt")):
            copy = work / "batch" / f"copy{k}-{p.name}"
            copy.parent.mkdir(exist_ok=True)
            copy.write_text(p.read_text(encoding="utf-8") + f"\n\n(Copy {k}.)\n", encoding="utf-8")
            batch.append(copy)
    try:
        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            if args.full:
                results = {"before": measure(old, "before", args.semantic, batch, chromium),
                           "after": measure(ROOT, "after", args.semantic, batch, chromium)}
            else:
                results = {"before": time_to_first_card(old, chromium, args.watch),
                           "after": time_to_first_card(ROOT, chromium, args.watch)}
            chromium.close()
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)
    print(f"{'measured in chromium (s)':<62} {'before ' + args.before:>16} {'after':>10} {'ratio':>7}")
    for key in results["after"]:
        b, a = results["before"].get(key, float("nan")), results["after"][key]
        ratio = f"{b / a:.1f}x" if a and "drawn" not in key and "height" not in key else ""
        print(f"{key:<62} {b:>16.2f} {a:>10.2f} {ratio:>7}")


if __name__ == "__main__":
    main()
