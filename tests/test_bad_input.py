"""Bad input, one table: every row is (files laid out, command, exit status, words on stderr).

A single bad input exits 2 with exactly one line on stderr; a batch skips its bad entries (one line
each), finishes the good ones, and exits 2; nothing ever prints a traceback.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from compare.cli import main

from .conftest import DATA

CABLES = str(DATA / "cables")
GOOD = (DATA / "articles" / "003_515405a57c30b3c1.txt").read_bytes()
GOOD_QUOTES = 19  # the quotes of that article
CABLE_PAGE = (DATA / "cables" / "004_ca864dd119893e33.txt").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4
UTF16_CUT = b"\xff\xfe" + 'He said "down" twice.'.encode("utf-16-le")[:9]
NO_QUOTES = b"No quotation marks in this article at all, only plain reporting.\n"
UNBALANCED = b'The envoy wrote that "the talks went well and then he left.\n'
GOOD_RECORD = json.dumps({"id": "10MEXICO83", "text": CABLE_PAGE.decode("utf-8")}).encode() + b"\n"

# setups: bytes = a file; DIR = a folder; ("link", target); ("noperm", bytes or DIR)
DIR = "DIR"
CHECK = "check --no-semantic --corpus {C} "
JSONL = "--format jsonl -o {t}/out.jsonl "


@dataclass
class Row:
    id: str
    files: dict[str, object]
    argv: str
    code: int
    words: tuple[str, ...]
    bad: int | None = None  # a batch: how many entries are skipped (the good article is checked in full)
    stdin: bytes | None = None
    xfail: str = ""
    before: str = ""  # a command run first (e.g. to leave a journal behind)
    journal: bytes | None = None  # then written over out.jsonl.done


ROWS = [
    # -- articles: missing paths
    Row("missing-file", {}, CHECK + "{t}/none.txt", 2, ("none.txt: no such file or folder",)),
    Row("missing-folder", {}, CHECK + "-- {t}/nodir/", 2, ("no such file or folder",)),
    Row("missing-in-folder-path", {"a.txt": GOOD}, CHECK + "{t}/a.txt/b.txt", 2, ("no such file or folder",)),
    Row("dangling-link", {"a.txt": ("link", "gone.txt")}, CHECK + "{t}/a.txt", 2, ("no such file or folder",)),
    # -- folders as files
    Row("empty-folder", {"arch": DIR}, CHECK + "-- {t}/arch", 2, ("no article files found",)),
    Row("folder-of-pdfs", {"arch/x.pdf": PNG}, CHECK + "-- {t}/arch", 2, ("no article files found",)),
    Row("folder-named-txt", {"arch.txt": DIR}, CHECK + "-- {t}/arch.txt", 2, ("no article files found",)),
    # -- empty, binary, undecodable
    Row("empty", {"a.txt": b""}, CHECK + "{t}/a.txt", 2, ("the file is empty",)),
    Row("blank", {"a.txt": b" \n\n\t \n"}, CHECK + "{t}/a.txt", 2, ("the file is empty",)),
    Row("empty-html", {"a.html": b"   "}, CHECK + "{t}/a.html", 2, ("the file is empty",)),
    Row("png", {"a.txt": PNG}, CHECK + "{t}/a.txt", 2, ("looks like a binary file",)),
    Row("elf", {"a.html": ELF}, CHECK + "{t}/a.html", 2, ("looks like a binary file",)),
    Row("utf16-cut", {"a.txt": UTF16_CUT}, CHECK + "{t}/a.txt", 2, ("could not decode the text",)),
    Row("stdin-empty", {}, CHECK + "-", 2, ("the file is empty",), stdin=b""),
    Row("stdin-binary", {}, CHECK + "-", 2, ("looks like a binary file",), stdin=PNG),
    # -- unreadable, link loops
    Row("unreadable", {"a.txt": ("noperm", GOOD)}, CHECK + "{t}/a.txt", 2, ("a.txt: cannot be read",)),
    Row("link-loop", {"a.txt": ("link", "a.txt")}, CHECK + "{t}/a.txt", 2, ("points back to itself",)),
    Row("link-loop-pair", {"a.txt": ("link", "b.txt"), "b.txt": ("link", "a.txt")}, CHECK + "{t}/a.txt", 2,
        ("points back to itself",)),
    # -- articles with nothing to check
    Row("no-quotes", {"a.txt": NO_QUOTES}, CHECK + "{t}/a.txt", 2, ("no quotations found",)),
    Row("no-quotes-html", {"a.html": b"<html><body><p>" + NO_QUOTES + b"</p></body></html>"}, CHECK + "{t}/a.html",
        2, ("no quotations found",)),
    Row("unbalanced-strict", {"a.txt": UNBALANCED}, CHECK + "--strict {t}/a.txt", 2,
        ("unbalanced quotation mark", "without --strict")),
    Row("unbalanced-lenient", {"a.txt": GOOD + UNBALANCED}, CHECK + "{t}/a.txt", 0,
        ("skipped an unbalanced quotation mark",)),
    # -- batches: the bad entries skipped, the good article complete
    Row("batch-missing", {"good.txt": GOOD}, CHECK + JSONL + "{t}/good.txt {t}/none.txt", 2,
        ("none.txt: no such file or folder", "1 of 2 articles"), bad=1),
    Row("batch-missing-first", {"good.txt": GOOD}, CHECK + JSONL + "{t}/none.txt {t}/good.txt", 2,
        ("no such file or folder",), bad=1),
    Row("batch-link-loop", {"good.txt": GOOD, "loop.txt": ("link", "loop.txt")}, CHECK + JSONL + "{t}/good.txt {t}/loop.txt",
        2, ("points back to itself",), bad=1),
    Row("batch-unreadable", {"good.txt": GOOD, "x.txt": ("noperm", GOOD)}, CHECK + JSONL + "{t}/good.txt {t}/x.txt", 2,
        ("x.txt: cannot be read",), bad=1),
    Row("batch-empty", {"good.txt": GOOD, "e.txt": b""}, CHECK + JSONL + "{t}/good.txt {t}/e.txt", 2,
        ("the file is empty",), bad=1),
    Row("batch-binary", {"good.txt": GOOD, "b.txt": PNG}, CHECK + JSONL + "{t}/good.txt {t}/b.txt", 2,
        ("looks like a binary file",), bad=1),
    Row("batch-undecodable", {"good.txt": GOOD, "u.txt": UTF16_CUT}, CHECK + JSONL + "{t}/good.txt {t}/u.txt", 2,
        ("could not decode",), bad=1),
    Row("batch-no-quotes", {"good.txt": GOOD, "n.txt": NO_QUOTES}, CHECK + JSONL + "{t}/good.txt {t}/n.txt", 2,
        ("no quotations found",), bad=1),
    Row("batch-strict", {"good.txt": GOOD, "n.txt": UNBALANCED}, CHECK + JSONL + "--strict {t}/good.txt {t}/n.txt", 2,
        ("unbalanced quotation mark",), bad=1),
    Row("batch-folder-mixed", {"arch/good.txt": GOOD, "arch/e.txt": b"", "arch/l.txt": ("link", "l.txt"),
                               "arch/b.html": ELF}, CHECK + JSONL + "-- {t}/arch", 2,
        ("points back to itself", "the file is empty", "binary", "3 of 4 articles"), bad=3),
    Row("batch-folder-dangling", {"arch/good.txt": GOOD, "arch/d.txt": ("link", "gone.txt")}, CHECK + JSONL + "-- {t}/arch",
        2, ("d.txt: no such file or folder",), bad=1),
    Row("batch-folder-unreadable-file", {"arch/good.txt": GOOD, "arch/x.txt": ("noperm", GOOD)},
        CHECK + JSONL + "-- {t}/arch", 2, ("x.txt: cannot be read",), bad=1),
    Row("batch-folder-unreadable-sub", {"arch/good.txt": GOOD, "arch/sub": ("noperm", DIR)},
        CHECK + JSONL + "-- {t}/arch", 2, ("sub: cannot be read",), bad=1),
    Row("batch-folder-link-to-parent", {"arch/good.txt": GOOD, "arch/up": ("link", ".")},
        CHECK + JSONL + "-- {t}/arch", 0, (), bad=0),
    Row("batch-resume-bad", {"good.txt": GOOD, "e.txt": b""}, CHECK + JSONL + "--resume {t}/good.txt {t}/e.txt", 2,
        ("the file is empty",), bad=1),
    Row("batch-jobs-2", {"good.txt": GOOD, "e.txt": b"", "b.txt": PNG},
        CHECK + JSONL + "--jobs 2 {t}/good.txt {t}/e.txt {t}/b.txt", 2, ("2 of 3 articles",), bad=2),
    # -- bad -o targets
    Row("o-folder", {"good.txt": GOOD, "o": DIR}, CHECK + "-o {t}/o {t}/good.txt", 2, ("is a folder",)),
    Row("o-folder-jsonl", {"good.txt": GOOD, "o": DIR}, CHECK + "--format jsonl -o {t}/o {t}/good.txt", 2,
        ("is a folder",)),
    Row("o-folder-resume", {"good.txt": GOOD, "o": DIR}, CHECK + "--format jsonl --resume -o {t}/o {t}/good.txt", 2,
        ("is a folder",)),
    Row("o-missing-folder", {"good.txt": GOOD}, CHECK + "-o {t}/no/out.txt {t}/good.txt", 2, ("does not exist",)),
    Row("o-under-a-file", {"good.txt": GOOD}, CHECK + "-o {t}/good.txt/out.txt {t}/good.txt", 2, ("does not exist",)),
    # -- bad options
    Row("fail-on-unknown", {"good.txt": GOOD}, CHECK + "--fail-on wrong {t}/good.txt", 2, ("unknown finding(s) wrong",)),
    Row("fail-on-one-unknown", {"good.txt": GOOD}, CHECK + "--fail-on verbatim,bogus {t}/good.txt", 2,
        ("unknown finding(s) bogus",)),
    Row("resume-no-o", {"good.txt": GOOD}, CHECK + "--format jsonl --resume {t}/good.txt", 2, ("--resume needs",)),
    Row("resume-table", {"good.txt": GOOD}, CHECK + "-o {t}/out.txt --resume {t}/good.txt", 2, ("--resume needs",)),
    Row("jobs-0", {"good.txt": GOOD}, CHECK + "--jobs 0 {t}/good.txt", 2, ("--jobs", "0 is not in the range")),
    Row("jobs-negative", {"good.txt": GOOD}, CHECK + "--jobs -1 {t}/good.txt", 2, ("--jobs", "-1 is not in the range")),
    Row("jobs-word", {"good.txt": GOOD}, CHECK + "--jobs many {t}/good.txt", 2, ("--jobs", "not a valid integer")),
    Row("format-unknown", {"good.txt": GOOD}, CHECK + "--format pdf {t}/good.txt", 2, ("--format", "pdf")),
    Row("option-unknown", {"good.txt": GOOD}, CHECK + "--frobnicate {t}/good.txt", 2, ("No such option '--frobnicate'",)),
    Row("no-corpus", {"good.txt": GOOD}, "check {t}/good.txt", 2, ("Missing option '--corpus'",)),
    Row("no-article", {}, CHECK, 2, ("no ARTICLE given",)),
    Row("command-unknown", {}, "frobnicate", 2, ("No such command",)),
    Row("eval-no-gold", {"good.txt": GOOD}, "eval {t}/gold.jsonl --no-semantic --corpus {C} -- {t}/good.txt", 2,
        ("gold.jsonl", "does not exist")),
    Row("cables-missing", {}, "cables {t}/none.txt", 2, ("no such file or folder",)),
    Row("cables-none", {"n.txt": NO_QUOTES}, "cables {t}/n.txt", 2, ("no cables found",)),
    Row("index-info-not-index", {"ix": DIR}, "index info {t}/ix", 2, ("no such file or folder",)),
    # -- corrupt corpora
    Row("corpus-missing", {"good.txt": GOOD}, "check --no-semantic --corpus {t}/none -- {t}/good.txt", 2,
        ("no such file or folder",)),
    Row("corpus-not-gzip", {"good.txt": GOOD, "c.jsonl.gz": b"not gzip at all\n"},
        "check --no-semantic --corpus {t}/c.jsonl.gz -- {t}/good.txt", 2, ("c.jsonl.gz",)),
    Row("corpus-truncated-gz", {"good.txt": GOOD, "c.jsonl.gz": gzip.compress(GOOD_RECORD * 20)[:300]},
        "check --no-semantic --corpus {t}/c.jsonl.gz -- {t}/good.txt", 2, ("c.jsonl.gz",)),
    Row("corpus-binary-jsonl", {"good.txt": GOOD, "c.jsonl": ELF},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl",)),
    Row("corpus-latin1-jsonl", {"good.txt": GOOD, "c.jsonl": b'{"id": "x", "text": "caf\xe9 \xff"}\n'},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl",)),
    Row("corpus-bad-json", {"good.txt": GOOD, "c.jsonl": GOOD_RECORD + b"{not json\n"},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl, line 2", "not JSON")),
    Row("corpus-no-text", {"good.txt": GOOD, "c.jsonl": b'{"id": "10MEXICO83", "meta": "x"}\n'},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("no 'text' field",)),
    Row("corpus-array-line", {"good.txt": GOOD, "c.jsonl": b"[1, 2]\n"},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl, line 1",)),
    Row("corpus-text-not-string", {"good.txt": GOOD, "c.jsonl": b'{"id": "10MEXICO83", "text": ["a", "b"]}\n'},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl, line 1", "not a string")),
    Row("corpus-id-not-string", {"good.txt": GOOD, "c.jsonl": b'{"id": 83, "text": "1. (C) Some text here."}\n'},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl, line 1", "'id' is a int")),
    Row("corpus-no-id", {"good.txt": GOOD, "c.jsonl": b'{"text": "1. (C) A paragraph with no header at all."}\n'},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("c.jsonl, line 1", "no reference ID")),
    Row("corpus-empty-jsonl", {"good.txt": GOOD, "c.jsonl": b""},
        "check --no-semantic --corpus {t}/c.jsonl -- {t}/good.txt", 2, ("no cables found",)),
    Row("corpus-folder-no-cables", {"good.txt": GOOD, "c/note.txt": b"nothing here"},
        "check --no-semantic --corpus {t}/c -- {t}/good.txt", 2, ("no cables found", "{id, meta, text}")),
    Row("corpus-empty-folder", {"good.txt": GOOD, "c": DIR},
        "check --no-semantic --corpus {t}/c -- {t}/good.txt", 2, ("no cables found",)),
    Row("corpus-empty-page", {"good.txt": GOOD, "c.txt": b""},
        "check --no-semantic --corpus {t}/c.txt -- {t}/good.txt", 2, ("the file is empty",)),
    Row("corpus-binary-page", {"good.txt": GOOD, "c.txt": PNG},
        "check --no-semantic --corpus {t}/c.txt -- {t}/good.txt", 2, ("looks like a binary file",)),
    Row("corpus-unreadable", {"good.txt": GOOD, "c.txt": ("noperm", CABLE_PAGE)},
        "check --no-semantic --corpus {t}/c.txt -- {t}/good.txt", 2, ("c.txt",)),
    Row("corpus-link-loop", {"good.txt": GOOD, "c.txt": ("link", "c.txt")},
        "check --no-semantic --corpus {t}/c.txt -- {t}/good.txt", 2, ("c.txt",)),
    Row("corpus-folder-with-link-loop", {"good.txt": GOOD, "c/p.txt": CABLE_PAGE, "c/l.txt": ("link", "l.txt")},
        "check --no-semantic --corpus {t}/c -- {t}/good.txt", 0, ()),
    Row("corpus-index-garbage", {"good.txt": GOOD, "ix/index.sqlite": b"garbage" * 100},
        "check --no-semantic --corpus {t}/ix -- {t}/good.txt", 2, ("not a usable compare index",)),
    Row("corpus-index-plus-files", {"good.txt": GOOD, "ix/index.sqlite": b"garbage"},
        "check --no-semantic --corpus {t}/ix {C} -- {t}/good.txt", 2, ("is an index; give it alone",)),
    # -- corrupt journals (a resumable run over good.txt first)
    Row("done-negative-offset", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("cannot resume",),
        before=CHECK + JSONL + "--resume {t}/good.txt",
        journal=b'{"path": "x", "sha256": "", "offset": -1, "checksum": "", "error": ""}\n'),
    Row("done-missing-key", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("not a record",),
        before=CHECK + JSONL + "--resume {t}/good.txt", journal=b'{"path": "x", "offset": 0}\n'),
    Row("done-not-object", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("not a record",),
        before=CHECK + JSONL + "--resume {t}/good.txt", journal=b"[1, 2, 3]\n"),
    Row("done-not-utf8", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("not UTF-8",),
        before=CHECK + JSONL + "--resume {t}/good.txt", journal=b"\xff\xfe\xfd\n"),
    Row("done-past-the-end", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("fewer than",),
        before=CHECK + JSONL + "--resume {t}/good.txt",
        journal=b'{"path": "x", "sha256": "", "offset": 99999999, "checksum": "", "error": ""}\n'),
    Row("done-wrong-checksum", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("are not what",),
        before=CHECK + JSONL + "--resume {t}/good.txt",
        journal=b'{"path": "x", "sha256": "", "offset": 10, "checksum": "00", "error": ""}\n'),
    Row("done-not-json", {"good.txt": GOOD}, CHECK + JSONL + "--resume {t}/good.txt", 2, ("not JSON",),
        before=CHECK + JSONL + "--resume {t}/good.txt", journal=b"{nope\n{}\n"),
]


def _lay_out(root: Path, files: dict[str, object]) -> None:
    for name, spec in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if spec == DIR:
            p.mkdir()
        elif isinstance(spec, bytes):
            p.write_bytes(spec)
        elif spec[0] == "link":
            p.symlink_to(spec[1])
        else:  # noperm
            if spec[1] == DIR:
                p.mkdir()
                (p / "inside.txt").write_bytes(GOOD)
            else:
                p.write_bytes(spec[1])
            p.chmod(0)
            if os.access(p, os.R_OK):
                pytest.skip("running as root: a chmod 000 file is still readable")


def _argv(spec: str, tmp: Path) -> list[str]:
    return shlex.split(spec.format(t=tmp, C=CABLES))


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id, marks=[pytest.mark.xfail(strict=True, reason=r.xfail)]
                                              if r.xfail else []) for r in ROWS])
def test_bad_input(row: Row, tmp_path, capsys, monkeypatch):
    _lay_out(tmp_path, row.files)
    if row.before:
        assert main(_argv(row.before, tmp_path)) == 0
        capsys.readouterr()
    if row.journal is not None:
        (tmp_path / "out.jsonl.done").write_bytes(row.journal)
    if row.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(row.stdin)))
    try:
        code = main(_argv(row.argv, tmp_path))
    finally:
        for p in tmp_path.rglob("*"):  # let pytest clean up
            if not p.is_symlink():
                p.chmod(0o755)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert code == row.code, err
    for w in row.words:
        assert w in err, err
    if row.bad is None:
        assert err.count("\n") == (1 if row.code or row.words else 0), err  # one line, and only one
        assert out == "" or row.code == 0
    else:
        assert err.count("compare: skipped:") == row.bad, err
        lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        assert sum(r["article"] == "good.txt" for r in lines) == GOOD_QUOTES
        assert {r["article"] for r in lines} == {"good.txt"}


def test_the_table_is_large_enough():
    assert len(ROWS) >= 60 and len({r.id for r in ROWS}) == len(ROWS)
