"""Editors' reviews under concurrency: every write is read back, from threads sharing one store (as
the app's sessions do) and from several processes sharing one file; nothing raises but a clear error."""

from __future__ import annotations

import multiprocessing as mp
import threading

import pytest

from compare.errors import ReviewStoreError
from compare.store.reviews import Review, ReviewStore, Status

N = 200


def writer(store: ReviewStore, who: int, errors: list[Exception]) -> None:
    try:
        for k in range(N):
            store.set(f"article-{who}", k, k + 5, Status.FLAGGED if k % 2 else Status.ACCEPTED, f"note {who}/{k}")
    except Exception as e:  # collected: the test fails on any
        errors.append(e)


def reader(store: ReviewStore, stop: threading.Event, errors: list[Exception]) -> None:
    try:
        while not stop.is_set():
            for who in range(4):
                store.of_article(f"article-{who}")
    except Exception as e:
        errors.append(e)


def assert_all_written(path, writers: int) -> None:
    store = ReviewStore(path)
    for who in range(writers):
        got = store.of_article(f"article-{who}")
        assert len(got) == N
        assert all(got[(k, k + 5)].note == f"note {who}/{k}" for k in range(N))


def test_threads_sharing_one_store_lose_nothing(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite")  # one store for every session, as the app holds it
    errors: list[Exception] = []
    stop = threading.Event()
    readers = [threading.Thread(target=reader, args=(store, stop, errors)) for _ in range(2)]
    writers = [threading.Thread(target=writer, args=(store, who, errors)) for who in range(4)]
    for t in readers + writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    for t in readers:
        t.join()
    assert errors == []
    assert_all_written(tmp_path / "r.sqlite", 4)


def _process(path: str, who: int) -> int:
    errors: list[Exception] = []
    writer(ReviewStore(path), who, errors)
    return len(errors)


def test_processes_sharing_one_file_lose_nothing(tmp_path):
    path = str(tmp_path / "r.sqlite")
    ReviewStore(path)
    with mp.get_context("spawn").Pool(4) as pool:
        assert pool.starmap(_process, [(path, who) for who in range(4)]) == [0, 0, 0, 0]
    assert_all_written(path, 4)


def test_a_review_survives_and_unknown_quotes_are_unreviewed(tmp_path):
    ReviewStore(tmp_path / "r.sqlite").set("a", 1, 9, "flagged", "check the number")
    store = ReviewStore(tmp_path / "r.sqlite")
    assert store.get("a", 1, 9).status is Status.FLAGGED and store.get("a", 1, 9).note == "check the number"
    assert store.get("a", 2, 9) == Review()


def test_an_unwritable_place_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReviewStoreError, match="COMPARE_REVIEWS"):
        ReviewStore(tmp_path / "file" / "reviews.sqlite")


# -- an article's outlet, author and date, as an editor corrects them (issue 20, item 5) -------------

def test_an_editors_outlet_author_and_date_survive_and_reach_every_surface(tmp_path, demo):
    import csv
    import io
    import json

    from compare import ingest, report, stats, triage
    from compare.record import Record

    from .conftest import DATA

    articles = [ingest.read_article(p) for p in sorted((DATA / "articles").glob("*.txt"))]
    checked = [(a, [r for r in demo if r.quote.article == a.name]) for a in articles]
    unstated = next(a for a in articles if not a.meta.outlet)  # the demo has articles that name no outlet
    assert [rs for a, rs in checked if a is unstated][0]
    store = ReviewStore(tmp_path / "r.sqlite")
    assert triage.with_corrections(checked, store) == checked  # nothing corrected: nothing changes
    meta = triage.correct_meta(store, unstated, " El  Universal ", "Ana  Pérez", "6 de diciembre de 2010")
    assert (meta.outlet, meta.author, meta.date, meta.headline) == (
        "El Universal", "Ana Pérez", "2010-12-06", unstated.meta.headline)

    again = ReviewStore(tmp_path / "r.sqlite")  # a restart: the correction comes back from the file
    fixed = triage.with_corrections(checked, again)
    (article, results), = [(a, rs) for a, rs in fixed if a.sha256 == unstated.sha256]
    assert article.meta == meta and all(r.article_meta == meta for r in results)
    assert all(a.meta == b.meta for (a, _), (b, _) in zip(checked, fixed, strict=True) if a is not unstated)

    everything = [r for _, rs in fixed for r in rs]
    rows = list(csv.DictReader(io.StringIO(report.render(everything, "csv").lstrip("\ufeff"))))
    mine = [row for row in rows if row["article"] == unstated.name]
    assert mine and all((row["outlet"], row["author"], row["article_date"]) == ("El Universal", "Ana Pérez",
                                                                                "2010-12-06") for row in mine)
    records = [Record.from_json(json.loads(line)) for line in report.render(everything, "jsonl").splitlines()]
    tally = {row.key: len(row.quotes) for row in stats.tally(records, stats.By.OUTLET)}
    before = {row.key: len(row.quotes) for row in stats.tally([report.build_record(r) for _, rs in checked
                                                                for r in rs], stats.By.OUTLET)}
    assert tally["El Universal"] > 0 and tally.get(stats.UNKNOWN, 0) == before.get(stats.UNKNOWN, 0) - tally["El Universal"]

    # an empty field is "not stated"; a date that is no date is kept as typed; the correction can be undone
    meta = triage.correct_meta(store, unstated, "El Universal", "", "late 2010")
    assert (meta.author, meta.date) == (None, "late 2010")
    store.clear_meta(unstated.sha256)
    assert triage.with_corrections(checked, store) == checked
