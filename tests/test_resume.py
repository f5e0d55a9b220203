"""A resume never loses or invents quotes: it verifies the journal against the output, refuses when
they disagree, retries articles that failed, and a plain run leaves no stale journal behind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compare.cli import main

from .conftest import DATA

CABLES = str(DATA / "cables")
ARTICLES = sorted(str(p) for p in (DATA / "articles").glob("*.txt"))


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--no-semantic", "--corpus", CABLES, "--format", "jsonl", *args])
    return code, capsys.readouterr().err


def quotes(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def full(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert run(capsys, "-o", str(out), "--resume", *ARTICLES)[0] == 0
    return out


def test_a_plain_run_over_a_resumable_output_then_a_resume_loses_nothing(tmp_path, capsys, full):
    assert len(quotes(full)) == 65
    assert run(capsys, "-o", str(full), ARTICLES[0])[0] == 0  # a plain run: its own output, no journal
    assert not Path(str(full) + ".done").exists()
    assert run(capsys, "-o", str(full), "--resume", *ARTICLES)[0] == 0
    data = full.read_bytes()
    assert b"\x00" not in data and len(quotes(full)) == 65
    assert sorted((q["article"], q["start"]) for q in quotes(full)) == sorted(
        {(q["article"], q["start"]) for q in quotes(full)})


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda out, done: out.write_bytes(out.read_bytes()[:100]), "bytes"),
        (lambda out, done: out.write_bytes(out.read_bytes().replace(b"verbatim", b"altered!")), "changed"),
        (lambda out, done: done.write_text(done.read_text().replace('"offset": ', '"offset": 99999999')), "journal"),
        (lambda out, done: done.write_text(done.read_text().replace('"offset": ', '"offset": -')), "goes back"),
        (lambda out, done: done.write_text('["not", "an", "object"]\n' + done.read_text()), "not a journal entry"),
        (lambda out, done: done.write_text(done.read_text().replace('"sha256"', '"hash"', 1)), "not a journal entry"),
        (lambda out, done: done.write_bytes(b"\xff\xfe\x00garbage\n" + done.read_bytes()), "not UTF-8"),
        (lambda out, done: done.write_text("{broken\n" + done.read_text()), "not JSON"),
        (lambda out, done: out.unlink(), "missing"),
    ],
)
def test_a_resume_refuses_what_it_cannot_verify(tmp_path, capsys, full, damage, words):
    done = Path(str(full) + ".done")
    damage(full, done)
    before = full.read_bytes() if full.exists() else None
    code, err = run(capsys, "-o", str(full), "--resume", *ARTICLES)
    assert code == 2 and "cannot resume" in err and words in err
    assert len(err.strip().splitlines()) == 1
    assert (full.read_bytes() if full.exists() else None) == before  # nothing touched


def test_a_line_cut_off_by_a_kill_is_an_unfinished_article(tmp_path, capsys, full):
    done = Path(str(full) + ".done")
    lines = done.read_text().splitlines()
    done.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:20])  # the last entry half written
    assert run(capsys, "-o", str(full), "--resume", *ARTICLES)[0] == 0
    assert len(quotes(full)) == 65


def test_articles_that_failed_are_tried_again(tmp_path, capsys):
    out, folder = tmp_path / "out.jsonl", tmp_path / "articles"
    folder.mkdir()
    for a in ARTICLES:
        shutil.copy(a, folder)
    late = folder / "late.txt"
    late.write_text("", encoding="utf-8")  # empty: cannot be checked yet
    code, err = run(capsys, "-o", str(out), "--resume", str(folder))
    assert code == 2 and "late.txt" in err and len(quotes(out)) == 65
    late.write_text('The cable said the army "has taken a serious beating" lately.', encoding="utf-8")
    code, err = run(capsys, "-o", str(out), "--resume", str(folder))
    assert code == 0 and "trying again 1 article" in err
    assert len(quotes(out)) == 66


@pytest.mark.parametrize("target", ["folder", "missing/out.jsonl"])
def test_output_must_be_a_file_in_a_folder_that_exists(tmp_path, capsys, target):
    (tmp_path / "folder").mkdir()
    code, err = run(capsys, "-o", str(tmp_path / target), ARTICLES[0])
    assert code == 2 and len(err.strip().splitlines()) == 1 and "-o" in err
