"""Nothing injected: article and cable text reaches every output as text. CSV cells cannot start a
formula; the Markdown report and the cards (which the app hands to a Markdown renderer) turn no
payload into markup."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import cards, ingest, report

from .conftest import DATA

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "+HYPERLINK(\"http://127.0.0.1:9/x\")",
    "-2+3",
    "@SUM(A1:A2)",
    "![pwn](http://127.0.0.1:9/pixel.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold** and `code` and [link](http://127.0.0.1:9/)",
]


def article(payload: str) -> str:
    # the payload inside a quotation that spans a blank line, and in the prose around it
    return (f'{payload}\n\nThe cable said "The military was not trained to patrol the streets {payload}\n\n'
            f'and it shows," an official wrote. {payload}')


@pytest.fixture(scope="module")
def results(seed_checker):
    out = {}
    for payload in PAYLOADS:
        a = ingest.article_from_text(article(payload), "=HYPERLINK(1).txt")
        out[payload] = (a, seed_checker.check_article(a))
    return out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_never_start_a_formula(results, payload):
    _, rs = results[payload]
    rows = list(csv.reader(io.StringIO(report.render(rs, "csv"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert len(rows) == len(rs) + 1


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_markdown_report_renders_no_payload(results, payload):
    _, rs = results[payload]
    text = report.render(rs, "markdown")
    assert not re.search(r"(?<!\\)<", text)  # no tag: every < escaped
    assert not re.search(r"(?<!\\)\]\(", text)  # no link or image
    assert "**bold**" not in text and not re.search(r"(?<!\\)`", text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_cards_hold_no_markup_from_the_text(results, payload):
    a, rs = results[payload]
    for r in rs:
        page = cards.card(r, a.text)
        assert "<script" not in page and "<img" not in page and "](" not in page and "**" not in page
        assert "\n\n" not in page  # a blank line would end the HTML block in a Markdown renderer
        assert "`" not in page
        # the text is all there, as text
        visible = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert r.quote.text.split()[0] in visible


def test_markdown_text_shows_as_written():
    assert report.markdown_text("![x](y) **b** <i>") == r"\!\[x\]\(y\) \*\*b\*\* \<i\>"


def test_triage_filters_and_counts_as_the_report_does(results):
    from compare import triage
    from compare.model import Verdict

    rs = [r for _, found in results.values() for r in found]
    counts = triage.summarize(rs)
    assert counts.quotes == len(rs) == sum(counts.verdicts.values())
    assert report.summary(rs)["verdicts"] == {v.value: n for v, n in counts.verdicts.items()}
    flt = triage.Filter(verdicts=frozenset({Verdict.NOT_FOUND}))
    assert [r for r in rs if flt.keep(r)] == [r for r in rs if r.verdict is Verdict.NOT_FOUND]
    assert all(triage.Filter(search="10mexico83").keep(r) == bool(r.source and r.source.cable_id == "10MEXICO83")
               or "10mexico83" in r.quote.text.casefold() for r in rs)


def test_every_format_carries_the_editors_reviews(results):
    from compare.store.reviews import Review, Status

    _, rs = results[PAYLOADS[0]]
    reviews = [Review(Status.FLAGGED if k == 0 else Status.UNREVIEWED, "=check the date" if k == 0 else "")
               for k in range(len(rs))]
    rows = list(csv.reader(io.StringIO(report.render(rs, "csv", reviews=reviews))))
    assert rows[0][-2:] == ["editor_status", "editor_note"] and rows[1][-2:] == ["flagged", "'=check the date"]
    assert '"editor_status": "flagged"' in report.render(rs, "jsonl", reviews=reviews)
    assert "flagged" in report.render(rs, "markdown", reviews=reviews)
    page = report.render(rs, "html", reviews=reviews)
    assert "⚑ reviewed: flagged" in page and "Editor's note: =check the date" in page


def test_csv_for_a_spreadsheet(seed_checker):
    a = ingest.read_article(DATA / "articles" / "000_995af477f538a050.txt")
    rs = seed_checker.check_article(a)
    text = report.render(rs, "csv", cables=seed_checker.store.cables)
    assert text.startswith("\ufeff")  # Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    sourced = [row for row in rows if row["cable"] == "09MEXICO3061"]
    assert sourced and all(row["cable_date"] == "2009-10-23" and row["signer"] == "PASCUAL" and row["subject"]
                           for row in sourced)
    assert any(row["severity"] == "cosmetic" and "in the article" in row["discrepancies"] for row in rows)
    assert not any("->" in row["discrepancies"] for row in rows)


@given(st.text(max_size=200))
@settings(max_examples=300, derandomize=True, deadline=None)
def test_escape_is_exactly_reversible(text):
    """An escaped text reads back as itself: no character is lost and no reference escaped twice
    (an apostrophe once came out as `&&#35;x27;`), and nothing in it is markup."""
    out = cards.escape(text)
    assert html.unescape(out) == text
    assert not re.search(r"[<>'\"`*_\[\]()#!|~\n&]", re.sub(r"&(?:#\d+|amp|lt|gt|quot);", "", out))
