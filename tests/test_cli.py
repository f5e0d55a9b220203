"""The command line: exact output, exit statuses, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compare import cards
from compare.cli import main

from .conftest import DATA, shared

CABLES = str(DATA / "cables")
STORY = DATA / "articles" / "003_515405a57c30b3c1.txt"  # its speakers are told apart by spaCy's entities


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(
        'One memo said the military "has taken a serious beating on human rights issues from international '
        'and domestic human rights organizations."\n\nDiplomats praised "unprecedented cooperation" from Mexico.\n',
        encoding="utf-8",
    )
    return p


def test_table_output_is_exact(capsys, article):
    code, out, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, str(article))
    assert code == 0
    assert out == (
        "story.txt\n"
        "  1 quote with no support found; 1 faithful (of 2 quotes).\n"
        "  no support found       -                     160  unprecedented cooperation\n"
        "  faithful               10MEXICO83 ¶11         28  has taken a serious beating on human rights issues from "
        "int…\n"
    )


def test_jsonl_follows_the_contract(capsys, article):
    code, out, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--format", "jsonl", str(article))
    first, second = (json.loads(line) for line in out.splitlines())
    for field in ("article", "quote", "start", "end", "verdict", "score", "source", "candidates", "ambiguous",
                  "discrepancies", "attribution"):
        assert field in first
    assert first["source"]["cable"] == "10MEXICO83" and first["source"]["paragraph"] == 11
    src = first["source"]
    assert src["paragraph_text"][src["start"] : src["end"]] == src["text"]
    text = article.read_text(encoding="utf-8")
    assert text[first["start"] : first["end"]] == first["quote"]
    assert second["verdict"] == "not_found" and second["source"] is None


def test_fail_on_exits_3_and_names_the_quotes(capsys, article):
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--fail-on", "not_found", str(article))
    assert code == 3
    assert err == "compare: --fail-on: story.txt:160: no support found (not_found) 'unprecedented cooperation'\n"
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--fail-on", "altered", str(article))
    assert code == 0 and err == ""
    # the findings' names: "Diplomats praised" makes the phrase a cable's words, with no support found
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--fail-on",
                       "changed_in_substance,misattributed", str(article))
    assert code == 0 and err == ""
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--fail-on", "no support found",
                       str(article))
    assert code == 3 and "no support found (not_found)" in err
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--fail-on", "wrong", str(article))
    assert code == 2 and "unknown finding(s) wrong; choose from the findings changed_in_substance, misattributed," in err


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html"])
def test_other_formats(capsys, article, fmt):
    code, out, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--format", fmt, str(article))
    assert code == 0 and "10MEXICO83" in out


def test_html_escapes_article_text(capsys, tmp_path):
    p = tmp_path / "x.txt"
    p.write_text('He wrote "<script>alert(1)</script> is not a quote from anything" here.', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--format", "html", str(p))
    assert code == 0 and "<script>alert" not in out and cards.escape("<script>alert(1)</script>") in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks like a binary file"),
        (b"No quotation marks in this article at all.", "no quotations found"),
        (b"\xff\xfe" + 'He said "down" twice.'.encode("utf-16-le")[:9], "could not decode the text"),
    ],
)
def test_bad_articles_give_one_line_and_exit_2(capsys, tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, str(p))
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_missing_paths_and_empty_corpus(capsys, tmp_path, article):
    code, _, err = run(capsys, "check", "--corpus", str(tmp_path / "none"), str(article))
    assert code == 2 and "no such file or folder" in err
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "note.txt").write_text("nothing here")
    code, _, err = run(capsys, "check", "--corpus", str(tmp_path / "c"), str(article))
    assert err == (f"compare: error: no cables found in {tmp_path / 'c'}; give cable pages (text or HTML), a JSONL "
                   "dump with {id, meta, text} records, or folders of them\n")
    assert code == 2


def test_cables_lists_parsed_cables(capsys):
    code, out, _ = run(capsys, "cables", str(DATA / "cables" / "004_ca864dd119893e33.txt"))
    assert code == 0
    assert out.splitlines()[0].startswith("08MEXICO2498  2008-08-14  ?  Mexico  signer=?  paragraphs=10")


def test_eval_prints_the_scorer_figures(capsys):
    gold = shared("eval/seed_quotes.jsonl")
    seeds = shared("seeds")
    code, out, _ = run(capsys, "eval", str(gold), "--no-semantic", "--corpus",
                       str(seeds / "002_10c17707f1ffe592.txt"), str(seeds / "004_ca864dd119893e33.txt"),
                       *(str(seeds / n) for n in ("000_995af477f538a050.txt", "001_3fff195fcdb3c5d7.txt",
                                                  "003_515405a57c30b3c1.txt")))
    assert code == 0
    counts, figures = out.splitlines()[-2:]
    assert counts.startswith("extracted 65/65;")  # the two cable pages are the corpus, the rest articles
    assert figures.startswith("extract=1.000 source=")


def test_index_build_info_and_check_against_it(capsys, tmp_path, article):
    ix = tmp_path / "ix"
    code, out, err = run(capsys, "index", "build", "--no-embed", "--corpus", CABLES, "--out", str(ix))
    assert code == 0 and out == ""
    assert err == (f"compare: reading cables (MB): 0/1 (0%) after 0 s\n{ix}: 13 cables; this run added 13, replaced 0 "
                   "with fuller text, kept 0; 0 paragraph texts embedded; 0 of 2 files already read\n")
    code, out, _ = run(capsys, "index", "info", str(ix))
    assert code == 0 and out.startswith(f"{ix}: 13 cables, 141 paragraphs (141 distinct texts), 0 embedded")
    _, from_pages, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, str(article))
    _, from_index, _ = run(capsys, "check", "--no-semantic", "--corpus", str(ix), str(article))
    assert from_index == from_pages


def test_batch_over_a_folder_resumes_where_it_stopped(capsys, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for p in sorted((DATA / "articles").glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    argv = ["check", "--no-semantic", "--corpus", CABLES, "--format", "jsonl", "-o", str(out), "--resume",
            "--jobs", "2", str(folder)]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "empty.txt: the file is empty" in err and "1 of 4 articles could not be checked" in err
    full = out.read_text(encoding="utf-8")
    assert len(full.splitlines()) == 65
    journal = (tmp_path / "out.jsonl.done").read_text(encoding="utf-8").splitlines()
    assert len(journal) == 4
    # a run killed after the first article, in the middle of writing the second
    (tmp_path / "out.jsonl.done").write_text(journal[0] + "\n", encoding="utf-8")
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"article": "half a li')
    code, _, _ = run(capsys, *argv)
    assert out.read_text(encoding="utf-8") == full
    assert len((tmp_path / "out.jsonl.done").read_text(encoding="utf-8").splitlines()) == 4


def test_resume_needs_jsonl_and_an_output(capsys, article):
    code, _, err = run(capsys, "check", "--no-semantic", "--corpus", CABLES, "--resume", str(article))
    assert code == 2 and "--resume needs --format jsonl and -o FILE" in err


def test_corpus_pages_then_articles_without_a_separator(capsys):
    seeds = DATA / "articles"
    code, out, _ = run(capsys, "check", "--no-semantic", "--corpus", str(DATA / "cables" / "002_10c17707f1ffe592.txt"),
                       str(DATA / "cables" / "004_ca864dd119893e33.txt"), str(seeds / "003_515405a57c30b3c1.txt"))
    assert code == 0 and "19 quotes" in out
    assert out.startswith("003_515405a57c30b3c1.txt — WikiLeaks cables reveal U.S. concern over Mexico's ability to "
                          "fight drug cartels (Washington Post Foreign Service, 2010-12-03)\n")


def test_eval_takes_articles_after_a_separator(capsys):
    gold = shared("eval/seed_quotes.jsonl")
    code, out, _ = run(capsys, "eval", str(gold), "--no-semantic", "--corpus", CABLES, "--",
                       *(str(p) for p in sorted((DATA / "articles").glob("*.txt"))))
    assert code == 0 and out.splitlines()[-2].startswith("extracted 65/65;")


def test_a_folder_of_articles_after_the_corpus(capsys):
    code, out, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, str(DATA / "articles"))
    assert code == 0
    assert out.startswith("2 quotes misattributed, 5 with no support found; 2 edited without a mark, 3 edited, "
                          "33 faithful, 20 not a cable quote (of 65 quotes).\n")


def test_corpus_files_are_parsed_once(capsys, monkeypatch):
    from compare import ingest
    from compare.ingest import cables

    seen: list[str] = []
    real = ingest.read_file
    counted = lambda p: seen.append(p.name) or real(p)  # noqa: E731
    monkeypatch.setattr(ingest, "read_file", counted)  # the split of the command line reads through this name,
    monkeypatch.setattr(cables, "read_file", counted)  # the corpus (api.load_corpus, ingest.load) through this one
    code, _, _ = run(capsys, "check", "--no-semantic", "--corpus", CABLES, str(DATA / "articles"))
    assert code == 0
    assert sorted(seen) == ["000_995af477f538a050.txt", "001_3fff195fcdb3c5d7.txt", "002_10c17707f1ffe592.txt",
                            "003_515405a57c30b3c1.txt", "004_ca864dd119893e33.txt"]


def test_no_article_after_the_corpus(capsys):
    code, out, err = run(capsys, "check", "--corpus", CABLES, str(DATA / "cables" / "004_ca864dd119893e33.txt"))
    assert code == 2 and out == ""
    assert err == ("compare: error: no ARTICLE given; put the article files after the --corpus paths, after -- or "
                   "another option\n")


def test_usage_errors_are_one_line(capsys, article):
    code, out, err = run(capsys, "check", "--corpus", CABLES, "--jobs", "0", str(article))
    assert (code, out) == (2, "")
    assert err == ("compare: error: Invalid value for '-j' / '--jobs': 0 is not in the range x>=1. "
                   "(see compare check --help)\n")


def test_help_shows_options_and_examples(capsys):
    code, out, err = run(capsys, "check", "--help")
    assert code == 0 and err == ""
    assert out.startswith("Usage: compare check [OPTIONS] ARTICLE...\n")
    for option in ("--corpus PATH [PATH ...]", "--model FOLDER", "--no-semantic", "--strict", "-j, --jobs N",
                   "--format [table|jsonl|json|csv|markdown|html]", "--fail-on FINDINGS", "-o, --output FILE",
                   "--resume", "-h, --help"):
        assert option in out, option
    assert "  compare eval gold.jsonl --corpus cables/ -- articles/*.txt\n" in out
    assert "3 a --fail-on finding was found" in out
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("Usage: compare [OPTIONS] COMMAND [ARGS]...\n")
    assert [line.split()[0] for line in out.split("Commands:\n")[1].splitlines()[:4]] == ["cables", "check", "eval",
                                                                                       "index"]
    code, out, _ = run(capsys, "index", "build", "--help")
    assert code == 0 and "--no-embed" in out and "--out FOLDER" in out
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, "compare 0.2.0\n")


def test_progress_lines_in_a_log(monkeypatch, capsys):
    from compare import cli

    clock = iter([0.0, 1.0, 2.0, 40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    with cli._log_lines(30.0) as log:
        log("reading", 1, 10)  # t=1: too soon
        log("reading", 2, 10)  # t=2: too soon
        log("reading", 5, 10)  # t=40: a line
        log("reading", 10, 10)  # t=41: the last one
        log("reading", 10, 10)  # t=42: not again
        log("embedding", 3, None)  # t=42: a new stage, 30 s since the start: a line
        log("embedding", 4, None)  # t=43: too soon; printed at the end (t=44)
    assert capsys.readouterr().err == ("compare: reading: 5/10 (50%) after 40 s\n"
                                       "compare: reading: 10/10 (100%) after 41 s\n"
                                       "compare: embedding: 3 after 42 s\n"
                                       "compare: embedding: 4 after 44 s\n")


def test_a_check_without_the_model_never_imports_torch():
    """spaCy's named entities without torch and without spaCy's command line (compare.imports): a
    --no-semantic check does not pay for their imports; both stay importable afterwards."""
    code = ("import sys; from compare.cli import main; "
            f"rc = main(['check', '--no-semantic', '--corpus', {CABLES!r}, {str(STORY)!r}]); "
            "heavy = [m for m in ('torch', 'typer', 'weasel', 'httpx', 'spacy.cli') if m in sys.modules]; "
            "assert rc == 0 and 'spacy' in sys.modules and not heavy, (rc, 'spacy' in sys.modules, heavy); "
            "import torch; print('torch', bool(torch.__version__)); "
            "import spacy, spacy.cli; print('spacy.cli', spacy.cli.info is spacy.cli.info, 'typer' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "faithful" in done.stdout and done.stdout.endswith("torch True\nspacy.cli True True\n")
