"""The cases a hostile or careless input used to break (issue 17): nothing lost, nothing hangs,
nothing reaches a terminal as a command. Fast cases only; the slow ones are in benchmarks/stress.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from compare import batch
from compare.cli import main

from .conftest import DATA, ROOT

CABLES = str(DATA / "cables")
SMALL = DATA / "articles" / "003_515405a57c30b3c1.txt"  # 19 quotes
OTHER = DATA / "articles" / "001_3fff195fcdb3c5d7.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(out, *articles, resume=True, corpus=CABLES, extra=()):
    return ["check", "--no-semantic", "--corpus", corpus, "--format", "jsonl", "-o", str(out),
            *(["--resume"] if resume else []), *extra, "--", *map(str, articles)]


def records(out) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


# -- data loss -----------------------------------------------------------------------------------

def test_resume_over_an_output_without_a_journal_refuses_and_touches_nothing(capsys, tmp_path):
    out = tmp_path / "o.jsonl"
    assert run(capsys, *check(out, SMALL, resume=False))[0] == 0
    (tmp_path / "o.jsonl.done").unlink()  # an output written some other way, or its journal lost
    before = out.read_bytes()
    code, _, err = run(capsys, *check(out, OTHER))
    assert code == 2 and err.count("\n") == 1 and "no journal" in err and "without --resume" in err
    assert out.read_bytes() == before and not (tmp_path / "o.jsonl.done").exists()


def test_a_plain_run_then_resume_adds_and_keeps_both(capsys, tmp_path):
    out = tmp_path / "o.jsonl"
    assert run(capsys, *check(out, SMALL, resume=False))[0] == 0
    n = len(records(out))
    code, _, err = run(capsys, *check(out, SMALL, OTHER))
    assert code == 0 and "1 of 2 articles already done" in err
    got = records(out)
    assert len(got) > n and {r["article"] for r in got} == {SMALL.name, OTHER.name}


@pytest.mark.parametrize("extra", [("--model", "/no/such/model"), ()])
def test_a_failed_plain_run_leaves_the_output_and_its_journal(capsys, tmp_path, extra):
    out = tmp_path / "o.jsonl"
    assert run(capsys, *check(out, SMALL, OTHER))[0] == 0
    output, journal = out.read_bytes(), (tmp_path / "o.jsonl.done").read_bytes()
    corpus = str(tmp_path / "no-such-corpus") if not extra else CABLES
    argv = check(out, SMALL, resume=False, corpus=corpus, extra=extra)
    if extra:  # semantic on, with a model that is not there
        argv.remove("--no-semantic")
    code, _, err = run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1
    assert out.read_bytes() == output and (tmp_path / "o.jsonl.done").read_bytes() == journal
    assert sorted(os.listdir(tmp_path)) == ["o.jsonl", "o.jsonl.done"]  # no lock or part file left


def test_a_second_run_on_the_same_output_refuses_at_once(capsys, tmp_path):
    out = tmp_path / "o.jsonl"
    with batch.OutputLock(out):  # another run holds the output
        code, _, err = run(capsys, *check(out, SMALL))
    assert code == 2 and err.count("\n") == 1 and f"pid {os.getpid()}" in err and "is writing it" in err
    assert not out.exists()
    # once it is done, a run goes ahead; a lock file left by a run that was killed is stale
    (tmp_path / "o.jsonl.lock").write_text("999999999\n")
    code, _, err = run(capsys, *check(out, SMALL))
    assert code == 0, err
    assert not (tmp_path / "o.jsonl.lock").exists()


def test_two_concurrent_resumes_never_duplicate(tmp_path):
    out = tmp_path / "o.jsonl"
    argv = [sys.executable, "-m", "compare.cli", *check(out, SMALL, OTHER)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    codes = sorted(p.wait(timeout=300) for p in procs)
    errs = [p.stderr.read().decode() for p in procs if p.stderr]
    for p in procs:
        for f in (p.stdout, p.stderr):
            if f:
                f.close()
    assert codes in ([0, 2], [0, 0]), errs  # [0, 0]: the second started after the first had finished
    got = [(r["article_path"], r["start"]) for r in records(out)]
    assert len(got) == len(set(got))
    if codes == [0, 2]:
        assert any("is writing it" in e and e.count("\n") == 1 for e in errs), errs


def test_articles_with_one_base_name_in_two_folders_stay_apart(capsys, tmp_path):
    for sub in ("a", "b"):  # the same story in two folders: the same headline too
        (tmp_path / "in" / sub).mkdir(parents=True)
        shutil.copy(SMALL, tmp_path / "in" / sub / "story.txt")
    out = tmp_path / "o.jsonl"
    assert run(capsys, *check(out, tmp_path / "in"))[0] == 0
    got = records(out)
    assert {r["article"] for r in got} == {"story.txt"}  # the contract's field, unchanged
    assert {r["article_path"] for r in got} == {"a/story.txt", "b/story.txt"}
    assert all(len(r["article_sha256"]) == 64 for r in got)
    journal = [json.loads(line) for line in (tmp_path / "o.jsonl.done").read_text(encoding="utf-8").splitlines()]
    assert [e["name"] for e in journal] == ["a/story.txt", "b/story.txt"]
    code, table, _ = run(capsys, "stats", str(out), "--by", "article", "--format", "json")
    rows = json.loads(table)
    assert code == 0 and len(rows) == 2 and all("story.txt)" in r["key"] for r in rows), rows
    assert rows[0]["quotes"] == rows[1]["quotes"]


def test_a_renamed_article_is_reported_not_duplicated(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SMALL, folder / "one.txt")
    shutil.copy(OTHER, folder / "two.txt")
    out = tmp_path / "o.jsonl"
    assert run(capsys, *check(out, folder))[0] == 0
    n = len(records(out))
    (folder / "two.txt").rename(folder / "renamed.txt")
    code, _, err = run(capsys, *check(out, folder))
    assert code == 0 and "renamed" in err and "two.txt" in err
    got = records(out)
    assert len(got) == n and {r["article_path"] for r in got} == {"one.txt", "renamed.txt"}
    (folder / "one.txt").unlink()
    code, _, err = run(capsys, *check(out, folder))
    assert code == 0 and "one.txt was checked by an earlier run and is gone" in err
    assert len(records(out)) == n  # reported; its quotes kept
