"""`--engine ray` in local mode, started by these tests: the same output as `compare check --jobs 1`,
a worker killed mid-batch and a driver killed mid-run lose nothing and duplicate nothing, and an
index whose vectors were encoded by Ray workers answers as one built in one process."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from compare import indexing, store
from compare.checker import Checker, CheckerSpec
from compare.cli import main
from compare.errors import OutputLockedError
from compare.parts import MANIFEST, merge
from compare.pipeline import CheckOptions, Pipeline

from .conftest import DATA

ray = pytest.importorskip("ray")
ray_runner = pytest.importorskip("compare.runners.ray_runner")

CABLES = DATA / "cables"
ARTICLES = sorted(str(p) for p in (DATA / "articles").glob("*.txt"))
LEXICAL = CheckOptions(semantic=False)


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    from ray import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import the tests
    ray_runner.connect(None, workers=2)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    out = tmp_path_factory.mktemp("ix") / "cables.index"
    indexing.build([CABLES], out, embed=False)
    return out


@pytest.fixture(scope="module")
def jobs_1(tmp_path_factory, index):
    out = tmp_path_factory.mktemp("cli") / "out.jsonl"
    assert main(["check", "--no-semantic", "--jobs", "1", "--format", "jsonl", "-o", str(out),
                 "--corpus", str(index), "--", *ARTICLES]) == 0
    return out.read_bytes()


def test_ray_output_is_the_jobs_1_output(tmp_path, capsys, index, jobs_1):
    out = tmp_path / "out.jsonl"
    code = main(["check", "--engine", "ray", "--workers", "2", "--batch-size", "1", "--no-semantic", "--format",
                 "jsonl", "-o", str(out), "--corpus", str(index), "--", str(DATA / "articles")])
    err = capsys.readouterr().err
    assert code == 0, err
    assert out.read_bytes() == jobs_1  # in input order, so sorted too
    assert sorted(out.read_bytes().splitlines()) == sorted(jobs_1.splitlines())
    assert "3 articles" in err and "3 batches on Ray (0 found done before)" in err
    manifest = json.loads((tmp_path / "out.jsonl.parts" / MANIFEST).read_text())
    assert len(manifest["parts"]) == 3
    # the same command again: every batch found done, the same bytes
    assert main(["check", "--engine", "ray", "--batch-size", "1", "--no-semantic", "--format", "jsonl", "-o",
                 str(out), "--corpus", str(index), "--", str(DATA / "articles")]) == 0
    assert "(3 found done before)" in capsys.readouterr().err
    assert out.read_bytes() == jobs_1


def _dies_once(marker: str):
    """A checker opener whose checker ends its worker process in the middle of its first batch,
    once (the marker file says it happened)."""

    def opener(spec: CheckerSpec) -> Checker:
        checker = spec.open()
        plain = checker.outcome

        def outcome(source):
            done = plain(source)
            if not os.path.exists(marker):
                Path(marker).write_text(str(os.getpid()))
                os._exit(1)  # the worker dies with one article of its batch checked, nothing written
            return done

        checker.outcome = outcome  # type: ignore[method-assign]
        return checker

    return opener


def test_a_worker_killed_mid_batch_is_replaced_and_the_batch_redone(tmp_path, index, jobs_1):
    marker = tmp_path / "killed"
    spec = CheckerSpec((str(index),), LEXICAL, immutable=True)
    ran = ray_runner.check(ARTICLES, spec, tmp_path / "parts", workers=2, batch_size=2,
                           opener=_dies_once(str(marker)))
    assert marker.exists()  # a worker did die
    assert ran.batches == 2 and ran.articles == 3 and not ran.errors
    merged = merge(tmp_path / "parts", tmp_path / "out.jsonl")
    assert merged.articles == 3 and merged.parts == 2
    assert (tmp_path / "out.jsonl").read_bytes() == jobs_1  # nothing lost, nothing twice
    assert not list((tmp_path / "parts").glob(".*.tmp"))


def test_a_run_stopped_part_way_goes_on_where_it_was(tmp_path, index, jobs_1):
    spec = CheckerSpec((str(index),), LEXICAL, immutable=True)
    out = tmp_path / "out.jsonl"
    folder = ray_runner.parts_folder(out)
    first = ray_runner.check(ARTICLES[:1], spec, folder, batch_size=1)  # the driver "killed" after one batch:
    (folder / MANIFEST).unlink()  # no manifest yet,
    (folder / f".{'0' * 40}.part.jsonl.dead.tmp").write_text('{"part": "half')  # a part half written
    out.write_text("an earlier, unrelated output\n")
    ran, merged = ray_runner.run_check(ARTICLES, spec, out, batch_size=1)
    assert first.reused == 0 and ran.reused == 1 and ran.batches == 3
    assert out.read_bytes() == jobs_1 and merged.quotes == jobs_1.count(b"\n")


def test_a_second_run_on_the_same_output_is_refused_while_one_runs(tmp_path, capsys, index):
    from compare.batch import OutputLock

    out = tmp_path / "out.jsonl"
    with OutputLock(out):
        code = main(["check", "--engine", "ray", "--no-semantic", "--format", "jsonl", "-o", str(out),
                     "--corpus", str(index), "--", ARTICLES[0]])
    err = capsys.readouterr().err
    assert code == 2 and str(OutputLockedError(str(out), os.getpid(), False)) in err
    assert not out.exists() and not ray_runner.parts_folder(out).exists()


def test_an_index_encoded_on_ray_holds_what_one_built_in_one_process_holds(tmp_path, tiny_model):
    """The paragraph vectors by the tiny test model (conftest: a sentence-transformers model loaded by
    path, here and in the Ray workers, as MiniLM is), the sentence vectors by the multilingual model."""
    cables = [CABLES / "004_ca864dd119893e33.txt"]
    here, there = tmp_path / "here.index", tmp_path / "ray.index"
    indexing.build(cables, here, model=tiny_model, multilingual=True)
    indexing.build(cables, there, model=tiny_model, multilingual=True,
                   encoder=ray_runner.RayEncoder(None, workers=2))
    for name in ("sentences.npy", "sentence-spans.npy"):
        assert (here / name).read_bytes() == (there / name).read_bytes()
    a, b = store.CorpusStore.open(here), store.CorpusStore.open(there)
    assert a.fingerprint == b.fingerprint and a.vectors is not None and b.vectors is not None
    assert sorted(a.vectors.index.keys) == sorted(b.vectors.index.keys)
    assert all((a.vectors.index[k] == b.vectors.index[k]).all() for k in a.vectors.index.keys)
    # a rebuild encodes nothing: no encoder is even asked
    assert a.vectors.model == tiny_model
    assert indexing.build(cables, there, model=tiny_model, multilingual=True, encoder=None).embedded == 0


@pytest.mark.slow
def test_an_index_encoded_on_ray_answers_the_seed_set_as_one_built_in_one_process(tmp_path):
    here, there = tmp_path / "here.index", tmp_path / "ray.index"
    indexing.build([CABLES], here, multilingual=True)
    indexing.build([CABLES], there, multilingual=True, encoder=ray_runner.RayEncoder(None, workers=2))
    a, b = store.CorpusStore.open(here), store.CorpusStore.open(there)
    for path in ARTICLES:  # the seed articles, the paraphrase and translation stages on
        text = Path(path).read_bytes()
        ours, theirs = (Checker(Pipeline(s, CheckOptions())).check_text(Path(path).name, text) for s in (a, b))
        assert ours == theirs and ours


@pytest.mark.slow
def test_the_driver_killed_mid_run_then_the_same_command_gives_the_jobs_1_output(tmp_path, index, jobs_1):
    import signal
    import subprocess
    import time

    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "compare.cli", "check", "--engine", "ray", "--batch-size", "1", "--no-semantic",
            "--format", "jsonl", "-o", str(out), "--corpus", str(index), "--", *ARTICLES]
    first = subprocess.Popen(argv, stderr=subprocess.DEVNULL, start_new_session=True)
    parts = ray_runner.parts_folder(out)
    deadline = time.monotonic() + 240
    while not list(parts.glob("*.part.jsonl")) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)  # the driver and the Ray it started, at once
    first.wait()
    assert not (parts / MANIFEST).exists() and not out.exists()  # killed before the end
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == jobs_1
    assert "found done before" in done.stderr and "(0 found done before)" not in done.stderr
