"""compare's review app: an editor's triage screen. The story's verdict first, then each quote beside
its source, worst first, every difference marked, editors' verdicts kept; newsroom statistics over
an archive on a second page.

    .venv/bin/streamlit run ui/app.py

A thin layer over the library: `compare.api` checks, `compare.triage` ranks and counts,
`compare.cards` draws (every text escaped), `compare.store.reviews` keeps the editors' verdicts,
`compare.report` writes the downloads and `compare.stats` counts an archive.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from compare import api, cards, ingest, report, stats, triage  # noqa: E402
from compare.errors import CompareError, ReviewStoreError  # noqa: E402
from compare.model import Article, ArticleMeta, QuoteResult  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline  # noqa: E402
from compare.store import CorpusStore  # noqa: E402
from compare.store.reviews import Review, ReviewStore, Status, default_path  # noqa: E402
from compare.triage import Finding  # noqa: E402

DEMO_CABLES = ROOT / "data" / "cables"
DEMO_ARTICLES = ROOT / "data" / "articles"
UPLOADS = Path(tempfile.gettempdir()) / "compare-uploads"
STATUS_LABELS = {Status.UNREVIEWED: "not reviewed", Status.ACCEPTED: "accept", Status.FLAGGED: "flag"}
PAGE_SIZE = 12  # cards drawn at once: a page an editor reads, and a redraw under a second
ALL_ARTICLES = "All articles"


# -- loading, once ----------------------------------------------------------------------------------

@st.cache_resource(show_spinner="Loading the cables…")
def load_store(corpus: tuple[str, ...]) -> CorpusStore:
    return api.load_corpus(list(corpus))


@st.cache_resource(show_spinner=False)
def load_checker(corpus: tuple[str, ...], semantic: bool) -> Pipeline:
    return Pipeline(load_store(corpus), CheckOptions(semantic=semantic))


@st.cache_resource
def semantic_ready() -> set[tuple[str, ...]]:
    """The corpora whose full checker (embedding model included) is loaded: shared by every session,
    so that only the very first page waits for it."""
    return set()


@st.cache_resource
def _review_store(path: str) -> ReviewStore:
    return ReviewStore(path)


def review_store() -> ReviewStore | None:
    """The editors' reviews; None when the store cannot be used (reviews off: the checks still show)."""
    try:
        return _review_store(str(default_path()))
    except ReviewStoreError:
        return None


def review_store_problem() -> str:
    try:
        _review_store(str(default_path()))
    except ReviewStoreError as e:
        return str(e)
    return ""


@st.cache_data(show_spinner=False, max_entries=512)
def check_article(_checker: Pipeline, checker_key: str, name: str, text: str, sha: str, repaired: bool,
                  meta: tuple[str | None, ...]) -> list[QuoteResult]:
    """The library's check of the article as read (its mojibake repair flag included), cached."""
    return _checker.check_article(Article(name, text, repaired, sha, ArticleMeta(*meta)))


def read_upload(name: str, data: bytes) -> Article:
    """An uploaded or pasted article; a `CompareError` with a message for the page if it is bad."""
    return ingest.article_from_text(ingest.decode_bytes(data, name), name)


def save_uploads(files: list) -> tuple[str, ...]:  # type: ignore[type-arg]
    """Uploaded cable files, written once under a name from their content, so a rerun reuses them."""
    paths = []
    for f in files:
        data = f.getvalue()
        folder = UPLOADS / hashlib.sha256(data).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(f.name).name
        if not path.exists():
            path.write_bytes(data)
        paths.append(str(path))
    return tuple(sorted(paths))


@st.cache_data(show_spinner=False)
def demo_articles() -> dict[str, Article]:
    """The bundled articles, read once (not at every rerun): file name to article."""
    return {p.name: ingest.read_article(p) for p in sorted(DEMO_ARTICLES.glob("*.txt"))}


# -- the sidebar --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    corpus: tuple[str, ...] | None
    articles: list[Article]
    semantic: bool
    view: str


def sidebar() -> Choice:
    view = st.sidebar.radio("View", ["Quotes", "Newsroom statistics"], key="view", horizontal=True)
    st.sidebar.header("Corpus")
    kind = st.sidebar.radio("Cables to check against", ["Bundled demo (13 cables)", "Upload cable files", "Index folder"],
                            key="corpus_kind")
    corpus: tuple[str, ...] | None = (str(DEMO_CABLES),)
    if kind == "Upload cable files":
        files = st.sidebar.file_uploader("Cable files: " + ingest.describe(),
                                         accept_multiple_files=True, key="cable_files")
        corpus = save_uploads(files) if files else None
    elif kind == "Index folder":
        folder = st.sidebar.text_input("Folder made by `compare index build`", key="index_folder")
        corpus = (folder,) if folder else None
    semantic = st.sidebar.checkbox("Look for paraphrases and translations (embedding model)", key="semantic",
                                   value=os.environ.get("COMPARE_SEMANTIC", "1") != "0")

    st.sidebar.header("Articles")
    demo = demo_articles()
    chosen = st.sidebar.multiselect("Bundled articles", list(demo), default=list(demo), key="demo_articles",
                                    format_func=lambda n: demo[n].title if n in demo else n)
    uploads = st.sidebar.file_uploader("Upload articles (.txt, .html)", type=["txt", "html", "htm"],
                                       accept_multiple_files=True, key="article_files")
    pasted = st.sidebar.text_area("…or paste an article", key="pasted", height=120)
    found: list[Article] = [demo[name] for name in chosen if name in demo]
    for f in uploads or []:
        try:
            found.append(read_upload(f.name, f.getvalue()))
        except CompareError as e:
            st.error("Upload skipped: " + report.markdown_text(str(e)))
    if pasted.strip():
        data = pasted.encode("utf-8")
        try:
            found.append(read_upload(f"pasted-{hashlib.sha256(data).hexdigest()[:8]}.txt", data))
        except CompareError as e:
            st.error("Pasted text skipped: " + report.markdown_text(str(e)))
    store = review_store()
    if store is None:
        st.warning("Editors' reviews are off: " + report.markdown_text(review_store_problem()))
    else:
        st.sidebar.caption("Editors' reviews are kept in " + report.markdown_text(str(store.path))
                           + " (set COMPARE_REVIEWS to keep them elsewhere).")
    return Choice(corpus, found, semantic, view)


# -- checking -----------------------------------------------------------------------------------------

Checked = dict[str, tuple[Article, list[QuoteResult]]]


def run_checks(checker: Pipeline, key: str, found: list[Article]) -> Checked:
    out = {}
    bar = st.progress(0.0, text="Checking…")
    for i, a in enumerate(found, 1):
        bar.progress(i / len(found), text=f"Checking {report.markdown_text(a.title)} ({i}/{len(found)})")
        try:
            meta = (a.meta.headline, a.meta.outlet, a.meta.author, a.meta.date)
            out[a.sha256 + a.name] = (a, check_article(checker, key, a.name, a.text, a.sha256, a.repaired, meta))
        except CompareError as e:
            st.warning(report.markdown_text(str(e)))
    bar.empty()
    return out


# -- the quotes page ----------------------------------------------------------------------------------

def filters(checked: Checked) -> tuple[triage.Filter, str, str]:
    titles = {a.name: a.title for a, _ in checked.values()}
    c1, c2, c3 = st.columns([2, 2, 1])
    found = c1.multiselect("Show", [f.value for f in Finding], key="f_finding",
                           placeholder="every finding")
    article = c2.selectbox("Article", [ALL_ARTICLES, *titles], key="f_article",
                           format_func=lambda n: titles.get(n, n))
    order = c3.radio("Order", ["worst first", "article order"], key="order", horizontal=True)
    c4, c5, c6 = st.columns([1, 1.3, 1.7])
    reviews = c4.multiselect("Review", list(STATUS_LABELS.values()), key="f_review", placeholder="any")
    misattributed = c5.checkbox("Misattributed only", key="f_misattributed")
    search = c6.text_input("Search quotes and cable IDs", key="f_search")
    flt = triage.Filter(articles=frozenset() if article == ALL_ARTICLES else frozenset({article}),
                        misattributed_only=misattributed,
                        reviews=frozenset(s for s, label in STATUS_LABELS.items() if label in reviews),
                        search=search, findings=frozenset(map(Finding, found)))
    return flt, order, article


def review_widgets(store: ReviewStore, a: Article, r: QuoteResult, current: Review, k: str) -> None:
    """Accept or flag: one small control under each card (a click again clears it). Notes are
    written in one panel under the page: twelve pairs of widgets made a filter 0.3 s slower."""
    q = r.quote

    def save() -> None:
        status = st.session_state[f"st_{k}"] or Status.UNREVIEWED
        store.set(a.sha256, q.start, q.end, status, store.of_article(a.sha256).get((q.start, q.end), Review()).note)

    st.segmented_control("Editor", [Status.ACCEPTED, Status.FLAGGED], key=f"st_{k}", on_change=save,
                         default=current.status if current.status is not Status.UNREVIEWED else None,
                         format_func=lambda s: STATUS_LABELS[s], label_visibility="collapsed")


def notes_panel(store: ReviewStore, shown: list[tuple[str, Article, QuoteResult, Review, str]]) -> None:
    """The editor's note on one quote of this page (saved with its review mark, shown on its card)."""
    if not shown:
        return
    labels = {k: f"“{' '.join(r.quote.text.split()[:8])}…”" + (f" ({r.source.cable_id} ¶{r.source.paragraph})"
                                                             if r.source else "")
              for _, _, r, _, k in shown}
    c1, c2 = st.columns([2, 3])
    pick = c1.selectbox("Editor's note on", list(labels), key="note_pick", format_func=lambda k: labels[k])
    _, a, r, rv, k = next(row for row in shown if row[4] == pick)

    def save() -> None:
        q = r.quote
        now = store.of_article(a.sha256).get((q.start, q.end), Review())
        store.set(a.sha256, q.start, q.end, now.status, st.session_state[f"note_{k}"])

    c2.text_input("Note", value=rv.note, key=f"note_{k}", on_change=save, placeholder="Editor's note (Enter saves)")


def downloads(store: ReviewStore | None, checked: Checked, checker: Pipeline) -> None:
    """The report with the editors' reviews, written when a button is clicked (not at every rerun)."""

    def export(fmt: str) -> Callable[[], str]:
        def write() -> str:
            texts = {a.name: a.text for a, _ in checked.values()}
            if store is None:  # reviews off
                return report.render([r for _, rs in checked.values() for r in rs], fmt, texts=texts,
                                     cables=checker.corpus.cables)
            reviewed = triage.with_reviews(checked.values(), store)
            return report.render(reviewed.results, fmt, texts=texts, reviews=reviewed.reviews,
                                 cables=checker.corpus.cables)

        return write

    cols = st.columns([2, 1, 1, 1, 1], vertical_alignment="center")
    cols[0].caption("Download the report, with the editors' reviews:")
    for col, (fmt, label, mime, ext) in zip(cols[1:], [("csv", "CSV", "text/csv", "csv"),
                                                   ("json", "JSON", "application/json", "json"),
                                                   ("html", "HTML", "text/html", "html"),
                                                   ("markdown", "Markdown", "text/markdown", "md")], strict=True):
        col.download_button(label, export(fmt), file_name=f"quote-check.{ext}", mime=mime,
                            key=f"dl_{fmt}", on_click="ignore")


def article_head(a: Article, rs: list[QuoteResult]) -> None:
    st.subheader(report.markdown_text(a.title), anchor=False)
    byline = a.meta.byline(a.name)
    st.caption(report.markdown_text(byline + " — " if byline else "") + report.markdown_text(
        triage.story_verdict(triage.summarize(rs))))


@st.fragment
def quotes_page(checked: Checked, checker: Pipeline) -> None:
    """Summary, filters and one page of cards: a fragment, so that a filter or a review redraws this
    part only (the summary counts reviews)."""
    store = review_store()
    reviews = {key: store.of_article(a.sha256) if store else {} for key, (a, _) in checked.items()}
    rows = [(key, a, r, reviews[key].get((r.quote.start, r.quote.end), Review()))
            for key, (a, rs) in checked.items() for r in rs]
    st.html(f"<style>{cards.CSS}</style>")  # once; st.html sets HTML as it is (no Markdown pass: faster)
    st.html(cards.summary([r for _, _, r, _ in rows], sum(rv.status is not Status.UNREVIEWED for *_, rv in rows)))
    flt, order, _ = filters(checked)
    keep = [row for row in rows if flt.keep(row[2], row[3].status)]
    position = {key: k for k, key in enumerate(checked)}
    if order == "worst first":
        keep.sort(key=lambda row: (position[row[0]], triage.sort_key(row[2])))
    pages = max(1, -(-len(keep) // PAGE_SIZE))
    page = min(int(st.session_state.get("page", 1)), pages)
    st.html(cards.LEGEND)
    current = None
    shown = []
    for key, a, r, rv in keep[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        if key != current:
            current = key
            article_head(a, checked[key][1])
        cable = checker.corpus.cables.get(r.source.cable_id) if r.source else None
        st.html(cards.card(r, a.text, cable, cables=checker.corpus.cables, review=rv))
        k = f"{key[:16]}_{r.quote.start}_{r.quote.end}"
        if store is not None:
            review_widgets(store, a, r, rv, k)
        shown.append((key, a, r, rv, k))
    if store is not None:
        notes_panel(store, shown)
    lo = (page - 1) * PAGE_SIZE + 1 if keep else 0
    st.caption(f"{lo}–{min(page * PAGE_SIZE, len(keep))} of {len(keep)} quotes shown "
               f"({len(rows)} in all), page {page} of {pages}.")
    if pages > 1:
        st.number_input("Page", min_value=1, max_value=pages, value=page, key="page")


# -- the statistics page ------------------------------------------------------------------------------

def records_for_stats(checked: Checked) -> list[dict[str, Any]] | None:
    source = st.radio("Figures over", ["The articles checked here", "A batch's output (JSONL)"], key="stats_source",
                      horizontal=True)
    if source.startswith("The articles"):
        return [report.to_record(r) for _, rs in checked.values() for r in rs]
    upload = st.file_uploader("The JSONL of `compare check --format jsonl -o out.jsonl archive/`", type=["jsonl"],
                              key="stats_file")
    if upload is None:
        st.info("Upload a batch's JSONL output to count a whole archive.")
        return None
    try:
        return stats.parse_records(upload.getvalue().decode("utf-8-sig", errors="replace"), upload.name)
    except CompareError as e:
        st.error(report.markdown_text(str(e)))
        return None


def statistics_page(checked: Checked) -> None:
    import altair as alt  # the statistics page only

    st.header("Newsroom statistics", anchor=False)
    st.caption("Of the cable quotes (titles, nicknames, public statements and scare quotes are not counted): "
               "how many were changed in substance, had no support found, or were misattributed.")
    records = records_for_stats(checked)
    if not records:
        return
    by = stats.By(st.selectbox("Per", [b.value for b in stats.By], key="stats_by"))
    rows = stats.tally(records, by)
    if not rows:
        st.info("No cable quotes to count.")
        return
    names = tuple(f.value for _, f in stats.PARTS)  # one vocabulary: the findings' words
    table = [{by.value: r.key, "quotes": len(r.quotes),
              **{f.value: r.rate(getattr(r, attr)) for attr, f in stats.PARTS}} for r in rows]
    long = [{by.value: t[by.value], "measure": m, "rate": t[m]} for t in table for m in names]
    if by is stats.By.MONTH:
        chart = alt.Chart(alt.Data(values=long)).mark_line(point=True).encode(
            x=alt.X(f"{by.value}:O", title="month"), y=alt.Y("rate:Q", axis=alt.Axis(format="%")),
            color="measure:N")
    else:
        chart = alt.Chart(alt.Data(values=long)).mark_bar().encode(
            y=alt.Y(f"{by.value}:N", sort=None, title=None), x=alt.X("rate:Q", axis=alt.Axis(format="%")),
            color="measure:N", yOffset="measure:N")
    st.altair_chart(chart, use_container_width=True)
    st.dataframe(table, hide_index=True, use_container_width=True, column_config={
        m: st.column_config.ProgressColumn(m, format="percent", min_value=0, max_value=1) for m in names})
    key = st.selectbox("The quotes behind a row", [r.key for r in rows], key="stats_row")
    row = next(r for r in rows if r.key == key)
    st.dataframe([{"finding": stats.finding_of(records[k]).value, "article": records[k].get("article"),
                   "quote": records[k].get("quote"),
                   "source": (f"{records[k]['source']['cable']} ¶{records[k]['source']['paragraph']}"
                              if records[k].get("source") else "")} for k in row.quotes],
                 hide_index=True, use_container_width=True)


# -- the page -----------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="compare: quote provenance", layout="wide")
    st.markdown("#### Where did that quote come from?")  # small: the story's verdict is what an editor reads first
    choice = sidebar()
    if choice.corpus is None:
        st.info("Choose the cables to check against in the sidebar.")
        return
    if not choice.articles:
        st.info("Choose, upload or paste an article in the sidebar.")
        return
    try:
        load_store(choice.corpus)
    except CompareError as e:
        st.error(report.markdown_text(str(e)))
        return
    # The lexical stages first, so that cards show while the embedding model loads; then the full check.
    ready = choice.corpus in semantic_ready()
    semantic = choice.semantic and ready
    checker = load_checker(choice.corpus, semantic)
    checked = run_checks(checker, f"{choice.corpus}|{semantic}", choice.articles)
    if not any(rs for _, rs in checked.values()):
        return
    if choice.view == "Newsroom statistics":
        statistics_page(checked)
    else:
        quotes_page(checked, checker)
        downloads(review_store(), checked, checker)  # outside the fragment: a filter does not redraw them
    if choice.semantic and not ready:
        with st.spinner("Loading the embedding model to look for paraphrases and translations…"):
            full = load_checker(choice.corpus, True)
            full.warm()
        # the models' millions of objects live as long as the server: out of the garbage collector's
        # sight, so that a collection during a rerun does not walk them (a filter was 0.1-0.3 s slower)
        gc.freeze()
        semantic_ready().add(choice.corpus)
        st.rerun()


main()
