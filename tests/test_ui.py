"""The review app: its main flows with Streamlit's AppTest (no browser), and the page in a real
browser (Debian's chromium driven by Playwright), which also saves screenshots to screenshots/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from compare import store
from compare.cards import escape
from compare.store.reviews import ReviewStore, Status

from .conftest import DATA, ROOT

APP = str(ROOT / "ui" / "app.py")
INJECTION = ('The memo said "<script>alert(1)</script> is what we found" and also '
             '"<img src=x onerror=alert(1)> was attached to the cable."')


@pytest.fixture()
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARE_SEMANTIC", "0")
    monkeypatch.setenv("COMPARE_REVIEWS", str(tmp_path / "reviews.sqlite"))
    return tmp_path


def app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def cards(at):
    return [m.value for m in at.markdown if m.value.startswith("<div class='qc-card'>")]


def test_opens_on_the_demo_corpus_with_the_three_articles(env):
    at = app()
    assert len(cards(at)) == 65
    metrics = {m.label: int(m.value) for m in at.metric}
    assert sum(metrics[v] for v in ("verbatim", "cosmetic", "elided", "altered", "paraphrase", "not found")) == 65
    assert metrics["misattributed"] == 2
    assert "65 of 65 quotes shown." in [c.value for c in at.main.caption]
    first = next(c for c in cards(at) if "09MEXICO2882 ¶6" in c)
    assert "qc-quote" in first and "qc-span" in first


def test_filters_and_search(env):
    at = app()
    at.multiselect(key="f_verdict").set_value(["altered"]).run()
    shown = cards(at)
    assert len(shown) == 2 and all("qc-altered" in c for c in shown)
    assert any("qc-substantive-d" in c for c in shown)
    at.multiselect(key="f_verdict").set_value([]).run()
    at.checkbox(key="f_misattributed").check().run()
    assert len(cards(at)) == 2 and all("Misattributed" in c for c in cards(at))
    at.checkbox(key="f_misattributed").uncheck().run()
    at.text_input(key="f_search").input("10MEXICO83").run()
    assert cards(at) and all("10MEXICO83" in c for c in cards(at))


def articles_of(store: ReviewStore) -> list[str]:
    import sqlite3

    return [a for (a,) in sqlite3.connect(store.path).execute("SELECT DISTINCT article FROM reviews")]


def test_an_editors_review_survives_a_restart(env):
    at = app()
    radios = [r for r in at.radio if r.key and r.key.startswith("st_")]
    notes = [t for t in at.text_input if t.key and t.key.startswith("note_")]
    radios[1].set_value(Status.FLAGGED).run()
    notes = [t for t in at.text_input if t.key and t.key.startswith("note_")]
    notes[1].input("check the date with the desk").run()
    store = ReviewStore(env / "reviews.sqlite")
    flagged = [(r.status.value, r.note) for reviews in map(store.of_article, articles_of(store)) for r in reviews.values()]
    assert flagged == [("flagged", "check the date with the desk")]
    again = app()  # a new session: the review comes back from the file
    radios = [r for r in again.radio if r.key and r.key.startswith("st_")]
    assert radios[1].value == Status.FLAGGED
    again.multiselect(key="f_review").set_value(["flag"]).run()
    assert len(cards(again)) == 1


def test_pasted_html_is_shown_as_text_and_runs_nothing(env):
    at = app()
    at.multiselect(key="demo_articles").set_value([]).run()
    at.text_area(key="pasted").input(INJECTION).run()
    shown = cards(at)
    assert len(shown) == 2
    page = "".join(shown)
    assert escape("<script>alert(1)</script>") in page and escape("<img src=x onerror=alert(1)>") in page
    assert "<script" not in page and "<img" not in page


def test_bad_articles_give_a_message_not_a_traceback(env):
    at = app()
    at.multiselect(key="demo_articles").set_value([]).run()
    at.text_area(key="pasted").input("An article without a single quotation in it.").run()
    assert not at.exception
    assert any("no quotations found" in w.value for w in at.warning)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "looks like a binary file"),
        ("utf16.txt", b"\xff\xfe" + "He said \"down\" twice.".encode("utf-16-le")[:9], "could not decode"),
    ],
)
def test_bad_uploads_give_a_message_in_the_page(env, name, data, message):
    at = app()
    at.file_uploader(key="article_files").set_value((name, data, "text/plain")).run()
    assert not at.exception
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert len(cards(at)) == 65  # the bundled articles are still checked


def test_uploaded_cable_files_and_article(env):
    at = app()
    at.radio(key="corpus_kind").set_value("Upload cable files").run()
    assert any("Choose the cables" in i.value for i in at.info)
    pages = [(p.name, p.read_bytes(), "text/plain") for p in sorted((DATA / "cables").glob("*.txt"))]
    at.file_uploader(key="cable_files").set_value(pages).run()
    at.multiselect(key="demo_articles").set_value([]).run()
    story = (DATA / "articles" / "003_515405a57c30b3c1.txt").read_bytes()
    at.file_uploader(key="article_files").set_value(("wapo.txt", story, "text/plain")).run()
    shown = cards(at)
    assert len(shown) == 19 and any("10MEXICO83 ¶6" in c for c in shown)


def test_an_index_folder_as_corpus(env):
    store.build([DATA / "cables"], env / "ix", embed=False)
    at = app()
    at.radio(key="corpus_kind").set_value("Index folder").run()
    at.text_input(key="index_folder").input(str(env / "ix")).run()
    assert len(cards(at)) == 65
    at.text_input(key="index_folder").input(str(env / "nowhere")).run()
    assert not at.exception and any("no such file or folder" in e.value for e in at.error)


# -- a real browser ------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(env):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    pytest.importorskip("playwright")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", APP, "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


def test_in_a_real_browser(server):
    from playwright.sync_api import sync_playwright

    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    dialogs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        page = browser.new_page(viewport={"width": 1500, "height": 1800})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server)
        page.wait_for_selector(".qc-card", timeout=90_000)  # drawn over a websocket: wait for the cards
        page.wait_for_function("document.querySelectorAll('.qc-card').length === 65", timeout=60_000)
        assert page.locator(".qc-quote").count() >= 65
        assert page.locator(".qc-span").count() >= 40
        assert page.locator(".qc-substantive-d").count() > 0 and page.locator(".qc-hidden").count() > 0
        page.screenshot(path=str(shots / "app-demo.png"))
        card = page.locator(".qc-card", has_text="sophisticated players").first
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(shots / "card-verbatim.png"))
        page.locator(".qc-card:has(.qc-altered)").first.screenshot(path=str(shots / "card-altered.png"))

        # the script-injection article: pasted, shown as text, runs nothing
        box = page.get_by_label("…or paste an article")
        box.fill(INJECTION)
        box.press("Control+Enter")
        page.wait_for_selector(".qc-card:has-text('alert(1)')", timeout=60_000)
        assert page.locator(".qc-quote", has_text="<script>alert(1)</script> is what we found").count() == 1
        assert page.locator(".qc-quote", has_text="<img src=x onerror=alert(1)> was attached").count() == 1
        assert page.locator(".qc-card img").count() == 0 and page.locator(".qc-card script").count() == 0
        page.locator(".qc-card", has_text="alert(1)").first.screenshot(path=str(shots / "card-injection.png"))
        browser.close()
    assert dialogs == []


def test_the_app_shows_what_the_api_finds(env):
    """Parity: every card of the app (its verdict, article and offsets, source and score) is the
    API's result for the same article, and nothing more or less."""
    import html
    import re

    from compare import api
    from compare.pipeline import CheckOptions

    at = app()
    head = re.compile(r"qc-badge qc-(\w+)'>\w+</span><span class='qc-meta'>score ([\d.]+) · (.+?) · "
                      r"characters (\d+)–(\d+)")
    shown = set()
    for c in cards(at):
        m = head.search(html.unescape(c))
        assert m, c[:300]
        verdict, score, article, start, end = m.groups()
        shown.add((article, int(start), int(end), verdict, score))
    paths = sorted((DATA / "articles").glob("*.txt"))
    results = api.check(paths, [DATA / "cables"], CheckOptions(semantic=False))
    expected = {(r.quote.article, r.quote.start, r.quote.end, r.verdict.value, f"{r.score:.2f}") for r in results}
    assert shown == expected
