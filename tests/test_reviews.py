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
