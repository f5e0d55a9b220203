"""The editor's triage: what is worst about each quote, the story in one line, articles known by
their headlines, and newsroom statistics over a batch's output (`compare stats`)."""

from __future__ import annotations

import json
import re

import pytest

from compare import ingest, report, stats
from compare.cli import cli, main
from compare.ingest import metadata
from compare.model import ArticleMeta
from compare.triage import Finding, finding, not_a_cable_quote, sort_key, story_verdict, summarize

from .conftest import DATA, by_text

CABLES = str(DATA / "cables")



# real quotes of the bundled articles and what an editor must be told first
FINDINGS = [
    ("Tony Tormenta", Finding.NOT_A_CABLE_QUOTE),  # a nickname
    ("Leaked Diplomatic Cables Show Strong Concerns", Finding.NOT_A_CABLE_QUOTE),  # the article's own title
    ("unprecedented cooperation", Finding.NOT_A_CABLE_QUOTE),  # two words, attributed to no one
    ("Does he like to get into debates", Finding.UNSUPPORTED),  # a cable's words, not in this corpus
    # Pascual's reaction to the leak: "… said Thursday night that …" in the sentence before
    ("We have underscored our appreciation", Finding.NOT_A_CABLE_QUOTE),
    ("The Mexico-U.S. partnership will remain rock-solid", Finding.NOT_A_CABLE_QUOTE),
    ("stolen cables", Finding.NOT_A_CABLE_QUOTE),  # "which the White House described as"
    ("Confidentiality is fundamental", Finding.NOT_A_CABLE_QUOTE),  # "said in comments to The New York Times"
    ("miscalculated", Finding.UNSUPPORTED),  # a cable's word (Aznar's account in a Madrid cable)
    ("leadership style", Finding.UNSUPPORTED),  # "In another cable from Washington …": a cable not in this corpus
    # reactions to the leak: said of the cables ("the content of the memos is", "says that the dispatches …"),
    # and Calderon's criticism before it
    ("incomplete and inaccurate", Finding.NOT_A_CABLE_QUOTE),
    ("do not represent U.S. policy", Finding.NOT_A_CABLE_QUOTE),
    ("the spying of the Americans", Finding.NOT_A_CABLE_QUOTE),
    ("sophisticated players", Finding.FAITHFUL),
    ("GOM (government of Mexico)", Finding.UNMARKED),  # a gloss of an acronym, unmarked: the meaning kept
    ("It would also be excellent", Finding.UNMARKED),  # "also" added, "a" dropped: function words
]


@pytest.mark.parametrize(("words", "expected"), FINDINGS)
def test_findings_on_real_quotes(demo, words, expected):
    assert finding(by_text(demo, words)) is expected


def test_misattributed_quotes_come_first(demo):
    ranked = sorted(demo, key=sort_key)
    head = [finding(r) for r in ranked[:3]]
    assert head == [Finding.MISATTRIBUTED, Finding.MISATTRIBUTED, Finding.UNSUPPORTED]
    assert [f.group for f in map(finding, ranked)] == sorted(f.group for f in map(finding, ranked))
    assert all(r.misattributed for r in ranked if finding(r) is Finding.MISATTRIBUTED)


def test_the_story_in_one_line(demo):
    assert story_verdict(summarize(demo)) == (
        "2 quotes misattributed, 5 with no support found; 2 edited without a mark, 3 edited, 33 faithful, "
        "20 not a cable quote (of 65 quotes).")
    one = [by_text(demo, "sophisticated players")]
    assert story_verdict(summarize(one)) == "No problems found; 1 faithful (of 1 quote)."


def test_a_public_statement_is_not_a_cable_quote(seed_checker):
    a = ingest.article_from_text('"We will never negotiate with the cartels," the minister told reporters on '
                                 "Tuesday in Mexico City.", "pressconf.txt")
    (r,) = seed_checker.check_article(a)
    assert r.source is None and "on the record" in not_a_cable_quote(r)
    b = ingest.article_from_text('"We will never negotiate with the cartels," the minister told reporters, '
                                 "according to a cable from the embassy.", "cable.txt")
    (r,) = seed_checker.check_article(b)
    assert r.source is None and finding(r) is Finding.UNSUPPORTED  # offered as a cable's words


# -- articles by name ---------------------------------------------------------------------------

HEADS = [
    ("WikiLeaks cables reveal U.S. concern\n\nBy William Booth and Nick Miroff\nWashington Post Foreign Service\n"
     "Friday, December 3, 2010; 12:45 PM\n\nMEXICO CITY - The cables say...",
     ArticleMeta("WikiLeaks cables reveal U.S. concern", "Washington Post Foreign Service",
                 "William Booth and Nick Miroff", "2010-12-03")),
    ("\n\n12-8-2010\n\nLeaked Diplomatic Cables Show Strong Concerns\n\nBody text here.",
     ArticleMeta("Leaked Diplomatic Cables Show Strong Concerns", None, None, "2010-12-08")),
    ("Kayani is desperate\nBy Ann Lee, The Daily Ledger, 3 December 2010\n\nText.",
     ArticleMeta("Kayani is desperate", "The Daily Ledger", "Ann Lee", "2010-12-03")),
    ("Los cables de Juárez\nPor Ana Ruiz, El Diario, 5 de diciembre de 2010\n\nTexto.",
     ArticleMeta("Los cables de Juárez", "El Diario", "Ana Ruiz", "2010-12-05")),
    ("The cable said so. Then it said more.\n", ArticleMeta()),  # a body only: nothing guessed
]


@pytest.mark.parametrize(("text", "expected"), HEADS)
def test_headline_outlet_author_and_date_from_the_first_lines(text, expected):
    assert metadata.from_text(text) == expected


def test_an_html_page_gives_its_own_metadata():
    page = ("<html><head><title>Cables show doubts - The Ledger</title><meta property='og:site_name' content="
            "'The Ledger'><meta name='author' content='Ann Lee'><meta property='article:published_time' "
            "content='2010-12-03'></head><body><article><h1>Cables show doubts</h1><p>The embassy wrote that "
            "\"the talks went well\" in a cable.</p></article></body></html>")
    meta = ingest.article_from_text(page, "p.html").meta
    assert (meta.outlet, meta.author, meta.date) == ("The Ledger", "Ann Lee", "2010-12-03")
    assert meta.headline and "Cables show doubts" in meta.headline


def test_records_carry_the_article_and_its_finding(demo):
    rec = report.to_record(by_text(demo, "sophisticated players"))
    assert rec["finding"] == "faithful" and rec["verdict"] == "verbatim"
    assert rec["article_meta"] == {"headline": "WikiLeaks cables reveal U.S. concern over Mexico's ability to fight "
                                               "drug cartels", "outlet": "Washington Post Foreign Service",
                                   "author": "William Booth and Nick Miroff", "date": "2010-12-03"}


# -- newsroom statistics ------------------------------------------------------------------------

@pytest.fixture()
def batch(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["check", "--no-semantic", "--corpus", CABLES, "--format", "jsonl", "-o", str(out),
                 str(DATA / "articles")]) == 0
    capsys.readouterr()
    return out


def test_stats_by_outlet_exact(batch, capsys):
    assert main(["stats", str(batch)]) == 0
    assert capsys.readouterr().out == (
        "outlet                           quotes  changed in substance  no support found  misattributed\n"
        "----------------------------------------------------------------------------------------------\n"
        "(not stated)                         30             0 ( 0.0%)         3 (10.0%)      2 ( 6.7%)\n"
        "Washington Post Foreign Service      15             0 ( 0.0%)         2 (13.3%)      0 ( 0.0%)\n")


def test_stats_quotes_behind_a_row(batch, capsys):
    assert main(["stats", str(batch), "--by", "cable", "--quotes", "09MEXICO2882"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 18 and all("09MEXICO2882" in x for x in lines)
    assert sum(x.startswith("edited without a mark") for x in lines) == 2


def test_stats_json_and_counts_agree_with_the_records(batch, capsys):
    assert main(["stats", str(batch), "--by", "author", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    records = stats.read_records(batch)
    for row in rows:
        assert row["quotes"] == len(row["records"]["quotes"])
        assert row["changed_in_substance"] == len(row["records"]["changed_in_substance"])
        for k in row["records"]["changed_in_substance"]:
            assert records[k].finding is Finding.CHANGED
    assert {r["key"] for r in rows} == {"(not stated)", "William Booth", "Nick Miroff"}


@pytest.mark.parametrize(("content", "message"), [
    (b"", "no records"),
    (b"not json\n", "an article or other text, not the records of a check"),
    (b'{"quote": "a", "verdict": "verbatim", "finding": "faithful"}\nnot json\n', "not JSON"),
    (b'{"id": "x"}\n', "not a record of `compare check --format jsonl`"),
    (b'{"quote": "a", "verdict": "verbatim", "source": null}\n', "a record without a finding"),
])
def test_stats_bad_input_says_how_to_fix_it(tmp_path, capsys, content, message):
    f = tmp_path / "bad.jsonl"
    f.write_bytes(content)
    assert main(["stats", str(f)]) == 2
    err = capsys.readouterr().err
    assert message in err and "give the JSONL output of `compare check --format jsonl`" in err and err.count("\n") == 1


def test_stats_on_an_article_names_commands_that_exist(capsys):
    article = DATA / "articles" / "003_515405a57c30b3c1.txt"
    assert main(["stats", str(article)]) == 2
    err = capsys.readouterr().err
    assert "an article or other text, not the records of a check" in err and "compare batch" not in err
    named = set(re.findall(r"`compare (\w+)", err))
    assert named == {"check", "stats"} and named <= set(cli.commands)


def test_stats_unknown_row(batch, capsys):
    assert main(["stats", str(batch), "--quotes", "Le Monde"]) == 2
    assert "no such outlet" in capsys.readouterr().err
