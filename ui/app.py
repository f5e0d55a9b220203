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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from compare import api, cards, imports, ingest, report, stats, triage  # noqa: E402
from compare.errors import CompareError, ReviewStoreError  # noqa: E402
from compare.model import Article, ArticleMeta, QuoteResult  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline  # noqa: E402
from compare.record import Record  # noqa: E402
from compare.store import CorpusStore  # noqa: E402
from compare.store.reviews import Review, ReviewStore, Status, default_path  # noqa: E402
from compare.triage import Finding  # noqa: E402

imports.spacy_without_torch()  # the lexical findings never wait for torch (the model loads it later)
DEMO_CABLES = ROOT / "data" / "cables"
DEMO_ARTICLES = ROOT / "data" / "articles"
UPLOADS = Path(tempfile.gettempdir()) / "compare-uploads"
STATUS_LABELS = {Status.UNREVIEWED: "not reviewed", Status.ACCEPTED: "accept", Status.FLAGGED: "flag"}
MARKS = {Status.ACCEPTED: "accept", Status.FLAGGED: "flag", Status.UNREVIEWED: "clear"}  # under each card
# Streamlit's page padding, smaller: at 1,024 x 768 the story's verdict and the first card show at once
PAGE_CSS = ("<style>[data-testid='stMainBlockContainer']{padding-top:3.6rem;padding-bottom:2rem}"
            "[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']{gap:0.6rem}</style>")
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
def loading() -> dict[tuple[str, ...], Future[Pipeline]]:
    """The corpora whose full checker is loading or loaded, shared by every session."""
    return {}


@st.cache_resource(show_spinner=False)
def semantic_checker(_store: CorpusStore, corpus: tuple[str, ...]) -> Future[Pipeline]:
    """The full checker (embedding model included), loaded in a thread once per server: the page shows
    the lexical findings at once, and no session waits for the model (nor reruns when it is ready)."""

    def load() -> Pipeline:
        full = Pipeline(_store, CheckOptions(semantic=True))
        full.warm()
        # the models' millions of objects live as long as the server: out of the garbage collector's
        # sight, so that a collection during a rerun does not walk them (a filter was 0.1-0.3 s slower)
        gc.freeze()
        return full

    future = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compare-model").submit(load)
    loading()[corpus] = future
    return future


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
    status: Any = None  # the sidebar's place for the embedding model's status


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
    status = st.sidebar.container()

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
    return Choice(corpus, found, semantic, view, status)


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
    """Two rows of filters, their labels inside the boxes (the first card shows at 1,024 x 768)."""
    titles = {a.name: a.title for a, _ in checked.values()}
    c1, c2, c3 = st.columns([2, 2, 1.3], vertical_alignment="center")
    found = c1.multiselect("Show", [f.value for f in Finding], key="f_finding", placeholder="Show: every finding",
                           label_visibility="collapsed")
    article = c2.selectbox("Article", [ALL_ARTICLES, *titles], key="f_article",
                           format_func=lambda n: titles.get(n, n), label_visibility="collapsed")
    order = c3.radio("Order", ["worst first", "article order"], key="order", horizontal=True,
                     label_visibility="collapsed")
    c4, c5, c6 = st.columns([2, 2, 1.3], vertical_alignment="center")
    search = c4.text_input("Search quotes and cable IDs", key="f_search", label_visibility="collapsed",
                           placeholder="Search quotes and cable IDs")
    reviews = c5.multiselect("Review", list(STATUS_LABELS.values()), key="f_review", placeholder="Review: any",
                             label_visibility="collapsed")
    misattributed = c6.checkbox("Misattributed only", key="f_misattributed")
    flt = triage.Filter(articles=frozenset() if article == ALL_ARTICLES else frozenset({article}),
                        misattributed_only=misattributed,
                        reviews=frozenset(s for s, label in STATUS_LABELS.items() if label in reviews),
                        search=search, findings=frozenset(map(Finding, found)))
    return flt, order, article


def review_widgets(store: ReviewStore, a: Article, r: QuoteResult, current: Review, k: str) -> None:
    """Accept, flag or clear: one small control under each card. A second click on the chosen mark
    keeps it (clearing is its own choice). Notes are written in one panel under the page: twelve pairs
    of widgets made a filter 0.3 s slower."""
    q = r.quote
    key = f"st_{k}"

    def save() -> None:
        now = store.of_article(a.sha256).get((q.start, q.end), Review())
        chosen = st.session_state[key]
        if chosen is None:  # the chosen mark clicked again: the mark stays
            st.session_state[key] = now.status if now.status is not Status.UNREVIEWED else None
            return
        store.set(a.sha256, q.start, q.end, chosen, now.note)
        if chosen is Status.UNREVIEWED:
            st.session_state[key] = None

    st.segmented_control("Editor", list(MARKS), key=key, on_change=save,
                         default=current.status if current.status is not Status.UNREVIEWED else None,
                         format_func=lambda s: MARKS[s], label_visibility="collapsed")


def notes_panel(store: ReviewStore, shown: list[tuple[str, Article, QuoteResult, Review, str]]) -> None:
    """The editor's note on one quote of this page (saved with its review mark, shown on its card)."""
    if not shown:
        return
    labels = {k: f"“{' '.join(r.quote.text.split()[:8])}…”" + (f" ({r.source.cable_id} ¶{r.source.paragraph})"
                                                             if r.source else "")
              for _, _, r, _, k in shown}
    c1, c2 = st.columns([2, 3])
    if st.session_state.get("note_pick") not in labels:  # a quote of another page or filter
        st.session_state.pop("note_pick", None)
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


def meta_panel(store: ReviewStore, checked: Checked) -> None:
    """An article's outlet, author and date as read from it, for the editor to correct: kept with the
    reviews (`triage.correct_meta`), shown in the headlines, the statistics page and the downloads."""
    with st.expander("Outlet, author and date of an article: correct them here"):
        titles = {key: a.title for key, (a, _) in checked.items()}
        key = st.selectbox("Article", list(titles), key="meta_pick", format_func=lambda k: titles[k])
        a = checked[key][0]
        k = a.sha256[:16]
        names = {f: f"meta_{f}_{k}" for f in ("outlet", "author", "date")}

        def save() -> None:
            triage.correct_meta(store, a, **{f: st.session_state[n] for f, n in names.items()})

        def reset() -> None:
            store.clear_meta(a.sha256)
            for n in names.values():
                st.session_state.pop(n, None)

        with st.form(f"meta_{k}", border=False):
            c1, c2, c3 = st.columns(3)
            c1.text_input("Outlet", value=a.meta.outlet or "", key=names["outlet"])
            c2.text_input("Author", value=a.meta.author or "", key=names["author"])
            c3.text_input("Date", value=a.meta.date or "", key=names["date"],
                          help="YYYY-MM-DD, or as printed (read as a date where it is one)")
            st.form_submit_button("Save outlet, author and date", key=f"meta_save_{k}", on_click=save)
        if store.meta_correction(a.sha256) is not None:
            st.button("Use what the article says", key=f"meta_reset_{k}", on_click=reset)


def article_head(a: Article, rs: list[QuoteResult]) -> None:
    st.subheader(report.markdown_text(a.title), anchor=False)
    byline = a.meta.byline(a.name)
    st.caption(report.markdown_text(byline + " — " if byline else "") + report.markdown_text(
        triage.story_verdict(triage.summarize(rs))))


@st.fragment
def quotes_page(checked: Checked, checker: Pipeline) -> None:
    """Summary, filters and one page of cards, worst first across all the articles (each card names
    its article) or in article order under each article's headline: a fragment, so that a filter or a
    review redraws this part only (the summary counts reviews)."""
    store = review_store()
    reviews = {key: store.of_article(a.sha256) if store else {} for key, (a, _) in checked.items()}
    rows = [(key, a, r, reviews[key].get((r.quote.start, r.quote.end), Review()))
            for key, (a, rs) in checked.items() for r in rs]
    st.html(f"<style>{cards.CSS}</style>{PAGE_CSS}")  # once; st.html sets HTML as it is (no Markdown pass)
    st.html(cards.summary([r for _, _, r, _ in rows], sum(rv.status is not Status.UNREVIEWED for *_, rv in rows)))
    flt, order, _ = filters(checked)
    keep = [row for row in rows if flt.keep(row[2], row[3].status)]
    worst_first = order == "worst first"
    if worst_first:  # across the batch: the worst finding of any article first, the article named on its card
        keep.sort(key=lambda row: triage.sort_key(row[2]))
    pages = max(1, -(-len(keep) // PAGE_SIZE))
    page = min(int(st.session_state.get("page", 1)), pages)
    mixed = worst_first and len({row[0] for row in keep}) > 1  # cards of many articles: each names its own
    current = None
    shown = []
    for key, a, r, rv in keep[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        if key != current and not mixed:
            current = key
            article_head(a, checked[key][1])
        cable = checker.corpus.cables.get(r.source.cable_id) if r.source else None
        st.html(cards.card(r, a.text, cable, cables=checker.corpus.cables, review=rv, article=a.title if mixed else ""))
        k = f"{key[:16]}_{r.quote.start}_{r.quote.end}"
        if store is not None:
            review_widgets(store, a, r, rv, k)
        shown.append((key, a, r, rv, k))
    st.html(cards.LEGEND)
    if store is not None:
        notes_panel(store, shown)
    lo = (page - 1) * PAGE_SIZE + 1 if keep else 0
    st.caption(f"{lo}–{min(page * PAGE_SIZE, len(keep))} of {len(keep)} quotes shown "
               f"({len(rows)} in all), page {page} of {pages}.")
    if pages > 1:
        st.number_input("Page", min_value=1, max_value=pages, value=page, key="page")


# -- the statistics page ------------------------------------------------------------------------------

def records_for_stats(checked: Checked) -> list[Record] | None:
    source = st.radio("Figures over", ["The articles checked here", "A batch's output (JSONL)"], key="stats_source",
                      horizontal=True)
    if source.startswith("The articles"):
        return [report.build_record(r) for _, rs in checked.values() for r in rs]
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
    st.caption("Of the cable quotes (titles, nicknames, public statements and scare quotes, the findings "
               "“not a cable quote”, are not counted): how many were changed in substance, had no support found, "
               "or were misattributed, each quote under its one finding.")
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
    # each finding in its cards' colour (red changed in substance, orange no support found, ...)
    color = alt.Color("measure:N", title="finding", sort=list(names),
                      scale=alt.Scale(domain=list(names), range=[f.colour for _, f in stats.PARTS]))
    if by is stats.By.MONTH:
        chart = alt.Chart(alt.Data(values=long)).mark_line(point=True).encode(
            x=alt.X(f"{by.value}:O", title="month"), y=alt.Y("rate:Q", axis=alt.Axis(format="%")),
            color=color)
    else:
        chart = alt.Chart(alt.Data(values=long)).mark_bar().encode(
            y=alt.Y(f"{by.value}:N", sort=None, title=None), x=alt.X("rate:Q", axis=alt.Axis(format="%")),
            color=color, yOffset=alt.YOffset("measure:N", sort=list(names)))
    st.altair_chart(chart, use_container_width=True)
    st.dataframe(table, hide_index=True, use_container_width=True, column_config={
        f.value: st.column_config.ProgressColumn(f.value, format="percent", min_value=0, max_value=1, color=f.colour)
        for _, f in stats.PARTS})
    key = st.selectbox("The quotes behind a row", [r.key for r in rows], key="stats_row")
    row = next(r for r in rows if r.key == key)
    shown = [records[k] for k in row.quotes]
    st.dataframe([{"finding": rec.finding.value, "article": rec.article, "quote": rec.quote,
                   "source": f"{rec.source.cable} ¶{rec.source.paragraph}" if rec.source else ""} for rec in shown],
                 hide_index=True, use_container_width=True)


# -- the page -----------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="compare: where did that quote come from?", layout="wide")
    st.sidebar.markdown("#### Where did that quote come from?")  # the story's verdict is what an editor reads first
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
    # The lexical findings at once; the embedding model loads in the background and is used from the
    # next run that the editor asks for (or any new session), so the page never moves on its own.
    store = load_store(choice.corpus)
    future = loading().get(choice.corpus) if choice.semantic else None
    ready = future is not None and future.done() and future.exception() is None
    checker = future.result() if future is not None and ready else load_checker(choice.corpus, False)
    checked = run_checks(checker, f"{choice.corpus}|{ready}", choice.articles)
    reviews = review_store()
    if reviews is not None:  # the editors' outlet, author and date over what the articles say
        checked = dict(zip(checked, triage.with_corrections(checked.values(), reviews), strict=True))
    if any(rs for _, rs in checked.values()):
        if choice.view == "Newsroom statistics":
            statistics_page(checked)
        else:
            quotes_page(checked, checker)
            downloads(reviews, checked, checker)  # outside the fragment: a filter does not redraw them
            if reviews is not None:
                meta_panel(reviews, checked)
    if choice.semantic and not ready:  # started once the cards are drawn: it does not slow the first ones
        with choice.status:
            model_status(semantic_checker(store, choice.corpus))


@st.fragment(run_every=2)
def model_status(future: Future[Pipeline]) -> None:
    """In the sidebar, while the embedding model loads: the findings shown are the lexical ones; when it
    is ready, a button adds the paraphrases and translations (the page changes only when asked)."""
    if not future.done():
        st.caption("Loading the embedding model in the background; the findings shown need no model. "
                   "Paraphrases and translations can be added when it is ready.")
    elif future.exception() is not None:
        st.warning("The embedding model could not be loaded: " + report.markdown_text(str(future.exception())))
    elif st.button("Add paraphrases and translations", key="semantic_go", type="primary"):
        st.rerun(scope="app")


main()
