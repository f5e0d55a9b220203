"""One vocabulary everywhere: the same findings, in the same words, with the same counts, in the app,
the CLI's table, CSV, JSON, JSONL, Markdown, HTML, `compare stats` and `--fail-on`."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter

import pytest

from compare.cli import main
from compare.triage import Finding

from .conftest import DATA

CABLES = str(DATA / "cables")
CHANGED = ('The cable said Mexico\'s army "has taken a light beating on human rights issues from international and '
           'domestic human rights organizations."\n')


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The bundled articles and one with a change of meaning, so that most findings occur."""
    folder = tmp_path_factory.mktemp("articles")
    for p in sorted((DATA / "articles").glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz_light.txt").write_text(CHANGED, encoding="utf-8")
    return folder


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-semantic", "--corpus", CABLES, *args])
    out, err = capsys.readouterr()
    return code, out, err


def counted(values) -> dict[str, int]:
    return dict(Counter(values))


def test_every_surface_has_the_same_words_and_counts(articles, capsys, tmp_path):
    names = [f.value for f in Finding]

    code, out, _ = cli(capsys, "--format", "json", str(articles))
    report = json.loads(out)
    expected = report["summary"]["findings"]
    story = report["summary"]["verdict"]
    assert code == 0 and set(expected) <= set(names)
    assert counted(q["finding"] for q in report["quotes"]) == expected
    assert expected["changed in substance"] == 1 and expected["edited without a mark"] == 2
    for f, n in expected.items():  # the story's verdict says each count in the finding's words
        label = f"with {f}" if f == "no support found" else f
        assert re.search(rf"\b{n} (?:quotes? )?{label}\b", story), (f, n, story)

    code, out, _ = cli(capsys, "--format", "jsonl", str(articles))
    assert counted(json.loads(line)["finding"] for line in out.splitlines()) == expected

    code, out, _ = cli(capsys, "--format", "csv", str(articles))
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert list(rows[0])[:2] == ["story_verdict", "finding"]
    assert counted(r["finding"] for r in rows) == expected
    ranks = [names.index(r["finding"]) for r in rows]
    assert ranks == sorted(ranks)  # worst first
    assert rows[0]["finding"] == "changed in substance" and rows[0]["article"] == "zz_light.txt"

    code, out, _ = cli(capsys, "--format", "markdown", str(articles))
    assert html.unescape(out.splitlines()[2].strip("*").replace("\\", "")) == story
    md = [line.split(" | ")[0].lstrip("| ").replace("\\", "") for line in out.splitlines()[6:]]
    assert counted(md) == expected

    code, out, _ = cli(capsys, "--format", "html", str(articles))
    assert counted(html.unescape(f) for f in re.findall(r"data-finding='([^']*)'", out)) == expected
    assert html.escape(story, quote=False) in out or story in html.unescape(out)

    code, out, _ = cli(capsys, "--format", "table", str(articles))
    assert out.splitlines()[0] == story
    width = max(map(len, names))
    table = [line[2 : 2 + width].strip() for line in out.splitlines()
             if line.startswith("  ") and line[2 : 2 + width].strip() in names]
    assert counted(table) == expected

    out_file = tmp_path / "out.jsonl"
    assert cli(capsys, "--format", "jsonl", "-o", str(out_file), str(articles))[0] == 0
    assert main(["stats", str(out_file), "--by", "article", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    for f in (Finding.CHANGED, Finding.UNSUPPORTED, Finding.MISATTRIBUTED):
        assert sum(r[f.key] for r in rows) == expected.get(f.value, 0), f
    assert sum(r["quotes"] for r in rows) == sum(expected.values()) - expected.get("not a cable quote", 0)
    assert main(["stats", str(out_file)]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert all(f.value in head for f in (Finding.CHANGED, Finding.UNSUPPORTED, Finding.MISATTRIBUTED))

    for f, n in expected.items():  # --fail-on takes the findings' names, and trips on exactly those quotes
        code, _, err = cli(capsys, "--fail-on", f.replace(" ", "_"), str(articles))
        assert code == 3 and len(err.splitlines()) == n and all(f"{f} (" in line for line in err.splitlines())


def test_the_app_counts_as_the_reports(articles, tmp_path, monkeypatch, capsys):
    from streamlit.testing.v1 import AppTest

    from .test_ui import APP, summary_of

    monkeypatch.setenv("COMPARE_SEMANTIC", "0")
    monkeypatch.setenv("COMPARE_REVIEWS", str(tmp_path / "reviews.sqlite"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.text_area(key="pasted").input(CHANGED).run()
    story, counts = summary_of(at)
    code, out, _ = cli(capsys, "--format", "json", str(articles))
    report = json.loads(out)["summary"]
    assert story == report["verdict"]
    assert {k: int(v) for k, v in counts.items() if k != "reviewed" and v != "0"} == report["findings"]
