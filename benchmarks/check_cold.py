"""`compare check --no-semantic` of one seed article, cold (a new process each time), a given commit
("before") beside the working tree ("after") in the same run, alternating: wall-clock seconds and the
CPU seconds of the process (user + system; on a shared machine the CPU time is the steadier figure).

    .venv/bin/python benchmarks/check_cold.py [--before a515470] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
# the checkout's own `compare`, not the editable install of this working tree
LAUNCH = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path if not type(f).__module__.startswith("__editable__")
                    and not getattr(f, "__module__", "").startswith("__editable__")]
sys.path.insert(0, {root!r})
from compare.cli import main
sys.exit(main({args!r}))
"""


def once(root: Path, args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", LAUNCH.format(root=str(root), args=args)], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="a515470")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    args = ["check", "--no-semantic", "--corpus", str(SEEDS / "002_10c17707f1ffe592.txt"),
            str(SEEDS / "004_ca864dd119893e33.txt"), "--", str(SEEDS / "000_995af477f538a050.txt")]
    old = Path(tempfile.mkdtemp(prefix="check-cold-")) / "before"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), a.before], check=True,
                   capture_output=True)
    runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    try:
        for _ in range(a.runs):
            runs["before"].append(once(old, args))
            runs["after"].append(once(ROOT, args))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)
    print(f"{'compare check --no-semantic, one seed article (median of ' + str(a.runs) + ')':<60} "
          f"{'before ' + a.before:>16} {'after':>8} {'ratio':>6}")
    for k, name in enumerate(("wall-clock s", "CPU s (user + system)")):
        b = statistics.median(r[k] for r in runs["before"])
        n = statistics.median(r[k] for r in runs["after"])
        print(f"{name:<60} {b:>16.2f} {n:>8.2f} {b / n:>5.1f}x")


if __name__ == "__main__":
    main()
