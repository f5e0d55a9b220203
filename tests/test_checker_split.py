"""The library's reading of a command line's files (`checker.split_corpus`, `checker.default_jobs`):
which positional paths are the corpus and which the articles, and how many processes check them."""

from __future__ import annotations

import os

import pytest

from compare.checker import Corpus, default_jobs, split_corpus
from compare.errors import BadOptionError
from compare.store.schema import DB_NAME

from .conftest import DATA

CABLES = DATA / "cables"
ARTICLES = DATA / "articles"


def test_leading_paths_holding_cables_are_the_corpus_the_rest_articles():
    pages = [str(CABLES / "002_10c17707f1ffe592.txt"), str(CABLES / "004_ca864dd119893e33.txt")]
    story = str(ARTICLES / "003_515405a57c30b3c1.txt")
    split = split_corpus([*pages, story], [])
    assert split.paths == pages and split.articles == [story]
    # the files read while telling them apart (all but the first, a corpus path whatever it holds) are kept
    assert sorted(p.name for p in split.parsed) == ["003_515405a57c30b3c1.txt", "004_ca864dd119893e33.txt"]
    assert split.parsed[CABLES / "004_ca864dd119893e33.txt"] and not split.parsed[ARTICLES / "003_515405a57c30b3c1.txt"]
    assert split.open().n_paragraphs > 0


def test_articles_given_apart_are_taken_as_given():
    split = split_corpus([str(CABLES)], [str(ARTICLES)])
    assert split.paths == [str(CABLES)] and split.articles == [str(ARTICLES)] and not split.parsed


def test_a_corpus_with_no_article_after_it_is_refused():
    with pytest.raises(BadOptionError, match="no ARTICLE given"):
        split_corpus([str(CABLES), str(CABLES / "004_ca864dd119893e33.txt")], [])


def test_jobs_several_only_over_an_index_and_several_articles(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"")  # what makes a folder an index folder
    index = Corpus([str(tmp_path)], [])
    files = Corpus([str(CABLES)], [])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    assert default_jobs(3, files, 1) == 3  # asked for
    assert default_jobs(None, index, 4) == min(cores, 4)
    assert default_jobs(None, index, 3) == 1  # too few articles to pay for opening the index again
    assert default_jobs(None, files, 40) == 1  # cable files would be parsed once per process
