"""The engine-neutral pieces of checking anywhere: a checker that takes text, the corpus fingerprint
in every record, an index opened with no locks, and an idempotent sink of parts that `merge` joins
into what `compare check --jobs 1` writes."""

from __future__ import annotations

import json
import multiprocessing as mp
import shutil
import sqlite3
from pathlib import Path

import pytest

from compare import indexing, report
from compare.checker import Checker, CheckerSpec, Source, check_many
from compare.cli import main
from compare.errors import BadIndexError, NoQuotesError, PartsError
from compare.parts import PartSink, check_batch, merge
from compare.pipeline import CheckOptions
from compare.store import CorpusStore

from .conftest import DATA

CABLES = DATA / "cables"
ARTICLES = sorted(str(p) for p in (DATA / "articles").glob("*.txt"))
LEXICAL = CheckOptions(semantic=False)


@pytest.fixture(scope="module")
def checker():
    return Checker.open([CABLES], LEXICAL)


@pytest.fixture(scope="module")
def jobs_1(tmp_path_factory):
    """`compare check --jobs 1` on the demo articles, as JSONL."""
    out = tmp_path_factory.mktemp("cli") / "out.jsonl"
    assert main(["check", "--no-semantic", "--jobs", "1", "--format", "jsonl", "-o", str(out),
                 "--corpus", str(CABLES), "--", *ARTICLES]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    out = tmp_path_factory.mktemp("ix") / "cables.index"
    indexing.build([CABLES], out, embed=False)
    return out


def test_check_text_needs_no_file_and_gives_the_commands_records(checker, jobs_1):
    want = [json.loads(line) for line in jobs_1.splitlines()]
    got = []
    for path in ARTICLES:
        with open(path, "rb") as f:
            got += checker.check_text(path.rsplit("/", 1)[1], f.read())
    assert got == want
    assert json.loads(json.dumps(got)) == got  # plain JSON all through
    assert {r["provenance"]["corpus"] for r in got} == {checker.provenance.corpus}
    text = Path(ARTICLES[-1]).read_text(encoding="utf-8")
    mine = checker.check_text("mine", text, meta={"outlet": "The Daily Test"})
    assert {r["article"] for r in mine} == {"mine"}
    assert {r["article_meta"]["outlet"] for r in mine} == {"The Daily Test"}
    with pytest.raises(NoQuotesError):
        checker.check_text("empty-handed", "Nothing is quoted in this text at all.")


def test_the_fingerprint_is_the_corpus_content_however_it_was_built(tmp_path, index, checker):
    opened = CorpusStore.open(index)
    assert opened.fingerprint == checker.provenance.corpus  # parsed in memory: the same cables
    copy = tmp_path / "elsewhere"
    shutil.copytree(CABLES, copy)
    other = tmp_path / "again.index"
    indexing.build([copy / p.name for p in sorted(CABLES.iterdir(), reverse=True)], other, embed=False)
    assert CorpusStore.open(other).fingerprint == opened.fingerprint  # other folder, other order
    one = tmp_path / "one.index"
    indexing.build([CABLES / "002_10c17707f1ffe592.txt"], one, embed=False)
    assert CorpusStore.open(one).fingerprint != opened.fingerprint


def test_an_immutable_index_takes_no_lock_and_writes_nothing(index):
    before = sorted(p.name for p in index.iterdir())
    writer = sqlite3.connect(index / "index.sqlite", isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # a build holding the file: a plain reader must wait
    try:
        with pytest.raises(BadIndexError, match="locked"):
            CorpusStore.open(index)
        spec = CheckerSpec((str(index),), LEXICAL, immutable=True)
        (outcome,) = check_many([ARTICLES[-1]], spec=spec)
        assert not outcome.error and outcome.results
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert sorted(p.name for p in index.iterdir()) == before


def test_a_batch_is_written_once_and_redoing_it_changes_nothing(tmp_path, checker):
    sink = PartSink(tmp_path / "parts")
    part = check_batch(checker, sink, ARTICLES[:2])
    assert not part.reused and part.quotes > 0 and [a["name"] for a in part.articles] == [
        p.rsplit("/", 1)[1] for p in ARTICLES[:2]]
    data = sink.path(part.key).read_bytes()
    (sink.folder / f".{part.key}.part.jsonl.deadbeef.tmp").write_bytes(data[:100])  # a writer killed mid-write
    again = check_batch(checker, sink, ARTICLES[:2])
    assert again.reused and again.key == part.key and sink.path(part.key).read_bytes() == data
    changed = tmp_path / ARTICLES[0].rsplit("/", 1)[1]
    changed.write_text(Path(ARTICLES[0]).read_text(encoding="utf-8") + '\nHe added: "nothing more."\n',
                       encoding="utf-8")
    edited = check_batch(checker, sink, [str(changed), ARTICLES[1]])
    assert edited.key != part.key and not edited.reused  # new text, new batch
    missing = check_batch(checker, sink, [str(tmp_path / "gone.txt"), ARTICLES[1]])
    assert len(missing.errors) == 1 and "gone.txt" in missing.errors[0]


def _runner(folder: str, order: list[int]) -> None:
    checker = Checker.open([CABLES], LEXICAL)
    sink = PartSink(folder)
    keys = [check_batch(checker, sink, [ARTICLES[k]]).key for k in order]
    sink.write_manifest(sorted(keys, key=lambda k: {key: n for n, key in zip(order, keys, strict=True)}[k]), {})


def test_two_runners_on_one_folder_give_the_jobs_1_output(tmp_path, jobs_1):
    folder = tmp_path / "parts"
    ctx = mp.get_context("fork")
    runners = [ctx.Process(target=_runner, args=(str(folder), order))
               for order in (list(range(len(ARTICLES))), list(reversed(range(len(ARTICLES)))))]
    for r in runners:
        r.start()
    for r in runners:
        r.join(300)
        assert r.exitcode == 0
    report = merge(folder, tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == jobs_1
    assert report.parts == report.articles == len(ARTICLES) and not report.errors
    assert not list(folder.glob(".*.tmp"))
    # a part gone: refused, the output left as it was
    next(folder.glob("*.part.jsonl")).unlink()
    with pytest.raises(PartsError, match="missing"):
        merge(folder, tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == jobs_1


def test_check_many_reads_files_urls_and_texts_in_order(checker):
    fsspec = pytest.importorskip("fsspec")
    text = Path(ARTICLES[0]).read_bytes()
    fsspec.filesystem("memory").pipe("/bucket/in-memory.txt", text)
    got = list(check_many([ARTICLES[1], Source("given.txt", text), "file://" + ARTICLES[2],
                           "memory://bucket/in-memory.txt", "memory://bucket/gone.txt"], checker))
    assert [o.path for o in got][:4] == [ARTICLES[1], "given.txt", "file://" + ARTICLES[2],
                                         "memory://bucket/in-memory.txt"]
    assert [bool(o.results) for o in got] == [True, True, True, True, False] and "gone.txt" in got[4].error
    assert {r.quote.article for r in got[3].results} == {"in-memory.txt"}
    same = [[{k: v for k, v in report.record(r).items() if k not in ("article", "article_path")}
             for r in o.results] for o in got]
    assert same[1] == same[3]  # the same text from a URL: the same records
