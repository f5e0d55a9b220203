"""`check --resume` never loses data: what the journal says is verified against the output, a plain
run leaves no stale journal, failed articles are retried, and SIGTERM stops a batch cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compare.cli import main

from .conftest import DATA, ROOT

CABLES = str(DATA / "cables")
ARTICLES = sorted(str(p) for p in (DATA / "articles").glob("*.txt"))
ALL_QUOTES = 65  # the three demo articles


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(out, *articles, resume=True, extra=()):
    return ["check", "--no-semantic", "--corpus", CABLES, "--format", "jsonl", "-o", str(out),
            *(["--resume"] if resume else []), *extra, "--", *articles]


def quotes(out) -> list[tuple[str, int]]:
    return [(r["article"], r["start"]) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]


@pytest.fixture()
def full(capsys, tmp_path):
    """A finished resumable run over the three articles: (output, its quotes)."""
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, *check(out, *ARTICLES))
    assert code == 0
    got = quotes(out)
    assert len(got) == ALL_QUOTES
    return out, got


def test_a_plain_run_between_two_resumes_loses_nothing(capsys, full):
    out, before = full
    code, _, _ = run(capsys, *check(out, ARTICLES[0], resume=False))
    # the plain run's journal describes its own output (one article), not the earlier run's
    journal = [json.loads(line) for line in (out.parent / "out.jsonl.done").read_text(encoding="utf-8").splitlines()]
    assert code == 0 and [e["path"] for e in journal] == [ARTICLES[0]]
    code, _, err = run(capsys, *check(out, *ARTICLES))
    assert code == 0 and "1 of 3 articles already done" in err, err
    data = out.read_bytes()
    assert b"\x00" not in data
    assert sorted(quotes(out)) == sorted(before)


def test_a_journal_past_the_end_of_the_output_is_refused(capsys, full):
    out, _ = full
    done = out.parent / "out.jsonl.done"
    lines = done.read_text(encoding="utf-8").splitlines()
    out.write_bytes(out.read_bytes()[:100])  # the output cut short behind the journal's back
    code, _, err = run(capsys, *check(out, *ARTICLES))
    assert code == 2 and err.count("\n") == 1 and "cannot resume" in err and "fewer than" in err
    assert len(out.read_bytes()) == 100 and b"\x00" not in out.read_bytes()
    assert done.read_text(encoding="utf-8").splitlines() == lines  # nothing touched


def test_an_output_changed_since_is_refused(capsys, full):
    out, _ = full
    data = out.read_bytes()
    out.write_bytes(data.replace(b'"verbatim"', b'"altered"', 1) + b" " * 2)
    code, _, err = run(capsys, *check(out, *ARTICLES))
    assert code == 2 and err.count("\n") == 1 and "are not what" in err


@pytest.mark.parametrize(
    ("journal", "why"),
    [
        (b'{"path": "a.txt", "sha256": "", "offset": -5, "checksum": "", "error": ""}\n', "goes back"),
        (b'{"path": "a.txt", "offset": 0}\n', "not a record"),
        (b'["a.txt", 0]\n', "not a record"),
        (b'"just a string"\n', "not a record"),
        (b"\xff\xfe\x00garbage\n", "not UTF-8"),
        (b"{not json}\n{}\n", "not JSON"),
    ],
)
def test_a_corrupt_journal_is_refused_in_one_line(capsys, full, journal, why):
    out, _ = full
    (out.parent / "out.jsonl.done").write_bytes(journal)
    code, _, err = run(capsys, *check(out, *ARTICLES))
    assert code == 2 and err.count("\n") == 1 and why in err and "Traceback" not in err


def test_a_run_killed_mid_write_is_cut_back_and_finished(capsys, full):
    out, before = full
    done = out.parent / "out.jsonl.done"
    first = done.read_text(encoding="utf-8").splitlines()[0]
    done.write_text(first + "\n" + first[:20], encoding="utf-8")  # the journal's last line cut off too
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"article": "half a li')
    code, _, err = run(capsys, *check(out, *ARTICLES))
    assert code == 0 and "1 of 3 articles already done" in err
    assert quotes(out) == before
    assert len(done.read_text(encoding="utf-8").splitlines()) == 3


def test_articles_that_failed_are_retried(capsys, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text((DATA / "articles" / "003_515405a57c30b3c1.txt").read_text(encoding="utf-8")
                     + '\nA last line opens a quotation "that never closes.\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, *check(out, ARTICLES[0], str(story), extra=("--strict",)))
    assert code == 2 and "unbalanced quotation mark" in err
    n_first = len(quotes(out))
    code, _, err = run(capsys, *check(out, ARTICLES[0], str(story)))  # the same text, without --strict
    assert code == 0 and "1 of 2 articles already done; retrying 1 that failed before" in err
    got = quotes(out)
    assert len(got) > n_first and {a for a, _ in got} == {"000_995af477f538a050.txt", "story.txt"}


def test_a_changed_article_is_checked_again_and_said_so(capsys, tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes((DATA / "articles" / "003_515405a57c30b3c1.txt").read_bytes())
    out = tmp_path / "out.jsonl"
    assert run(capsys, *check(out, ARTICLES[0], str(story)))[0] == 0
    n = len(quotes(out))
    with open(story, "a", encoding="utf-8") as f:
        f.write('\nThe embassy called it "a new paragraph of quotes".\n')
    code, _, err = run(capsys, *check(out, ARTICLES[0], str(story)))
    assert code == 0
    assert err == (f"compare: resuming {out}: 1 of 2 articles already done\n"
                   f"compare: {story} changed since the earlier run: checked again; its earlier quotes are taken "
                   f"out of {out}\n")
    got = quotes(out)
    assert len(got) == n + 1  # the changed article's quotes once, the new one among them
    assert len(set(got)) == len(got)
    texts = [r["quote"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())]
    assert "a new paragraph of quotes" in texts
    # and the journal still verifies the output: a third run has nothing to do and changes nothing
    before = out.read_bytes()
    code, _, err = run(capsys, *check(out, ARTICLES[0], str(story)))
    assert code == 0 and out.read_bytes() == before
    assert err == f"compare: resuming {out}: 2 of 2 articles already done\n"


def test_sigterm_stops_a_batch_cleanly_and_a_resume_finishes_it(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(8):  # enough work that SIGTERM comes in the middle
        for p in ARTICLES:
            (folder / f"{i}_{os.path.basename(p)}").write_bytes(Path(p).read_bytes())
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "compare.cli", *check(out, str(folder), extra=("--jobs", "2"))]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    done = tmp_path / "out.jsonl.done"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if done.exists() and done.read_text(encoding="utf-8").count("\n") >= 2:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    text = err.decode()
    assert proc.returncode == 143, text
    assert "Traceback" not in text and "BrokenPipe" not in text
    assert text.count("\n") == 1 and "terminated" in text
    code = subprocess.run(argv, env=env, capture_output=True, timeout=300).returncode
    assert code == 0
    assert len(quotes(out)) == 8 * ALL_QUOTES
