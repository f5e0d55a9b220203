"""compare's review app: each quote beside its source, every difference marked, editors' verdicts kept.

    .venv/bin/streamlit run ui/app.py

A thin layer over the library: `compare.api` checks, `compare.cards` draws (every text escaped),
`compare.review` keeps the editors' verdicts, `compare.report` writes the downloads.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from compare import api, cards, ingest, report, triage  # noqa: E402
from compare.errors import CompareError  # noqa: E402
from compare.model import Article, QuoteResult, Severity, Verdict  # noqa: E402
from compare.pipeline import CheckOptions, Pipeline  # noqa: E402
from compare.store.reviews import Review, ReviewStore, Status, default_path  # noqa: E402

DEMO_CABLES = ROOT / "data" / "cables"
DEMO_ARTICLES = ROOT / "data" / "articles"
UPLOADS = Path(tempfile.gettempdir()) / "compare-uploads"
STATUS_LABELS = {Status.UNREVIEWED: "not reviewed", Status.ACCEPTED: "accept", Status.FLAGGED: "flag"}


# -- loading, once ----------------------------------------------------------------------------------

@st.cache_resource(show_spinner="Loading the cables…")
def load_checker(corpus: tuple[str, ...], semantic: bool) -> Pipeline:
    return Pipeline(api.load_corpus(list(corpus)), CheckOptions(semantic=semantic))


@st.cache_resource
def _review_store(path: str) -> ReviewStore:
    return ReviewStore(path)


def review_store() -> ReviewStore:
    return _review_store(str(default_path()))


@st.cache_data(show_spinner=False, max_entries=256)
def check_article(_checker: Pipeline, checker_key: str, name: str, text: str, sha: str,
                  repaired: bool) -> list[QuoteResult]:
    """The library's check of the article as read (its mojibake repair flag included), cached."""
    return _checker.check_article(Article(name, text, repaired, sha))


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


# -- the page ----------------------------------------------------------------------------------------

def sidebar() -> tuple[tuple[str, ...] | None, list[Article], bool]:
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
    semantic = st.sidebar.checkbox("Look for paraphrases (embedding model)", key="semantic",
                                   value=os.environ.get("COMPARE_SEMANTIC", "1") != "0")

    st.sidebar.header("Articles")
    demo = sorted(p.name for p in DEMO_ARTICLES.glob("*.txt"))
    chosen = st.sidebar.multiselect("Bundled articles", demo, default=demo, key="demo_articles")
    uploads = st.sidebar.file_uploader("Upload articles (.txt, .html)", type=["txt", "html", "htm"],
                                       accept_multiple_files=True, key="article_files")
    pasted = st.sidebar.text_area("…or paste an article", key="pasted", height=120)
    found: list[Article] = []
    for name in chosen:
        found.append(ingest.read_article(DEMO_ARTICLES / name))
    for f in uploads or []:
        try:
            found.append(read_upload(f.name, f.getvalue()))
        except CompareError as e:
            st.error("Upload skipped: " + report.markdown_text(str(e)))
    if pasted.strip():
        try:
            found.append(read_upload("pasted.txt", pasted.encode("utf-8")))
        except CompareError as e:
            st.error("Pasted text skipped: " + report.markdown_text(str(e)))
    st.sidebar.caption("Editors' reviews are kept in " + report.markdown_text(str(review_store().path)))
    return corpus, found, semantic


def run_checks(checker: Pipeline, key: str, found: list[Article]) -> dict[str, tuple[Article, list[QuoteResult]]]:
    out = {}
    bar = st.progress(0.0, text="Checking…")
    for i, a in enumerate(found, 1):
        bar.progress(i / len(found), text=f"Checking {a.name} ({i}/{len(found)})")
        try:
            out[a.sha256 + a.name] = (a, check_article(checker, key, a.name, a.text, a.sha256, a.repaired))
        except CompareError as e:
            st.warning(report.markdown_text(f"{a.name}: {e}"))
    bar.empty()
    return out


def summary(results: list[QuoteResult]) -> None:
    counts = triage.summarize(results)
    cols = st.columns(len(Verdict) + 2)
    for col, v in zip(cols, Verdict, strict=False):
        col.metric(v.value.replace("_", " "), counts.verdicts.get(v, 0))
    cols[-2].metric("misattributed", counts.misattributed)
    cols[-1].metric("ambiguous", counts.ambiguous)
    st.caption("Differences: " + ", ".join(f"{counts.severities.get(s, 0)} {s.value}" for s in Severity))


def filters(results: list[QuoteResult]) -> triage.Filter:
    c1, c2, c3 = st.columns(3)
    verdicts = c1.multiselect("Verdict", [v.value for v in Verdict], key="f_verdict")
    severities = c2.multiselect("Difference", [s.value for s in Severity], key="f_severity")
    articles = c3.multiselect("Article", sorted({r.quote.article for r in results}), key="f_article")
    c4, c5, c6, c7 = st.columns([1, 1, 1, 2])
    ambiguous = c4.checkbox("Ambiguous only", key="f_ambiguous")
    misattributed = c5.checkbox("Misattributed only", key="f_misattributed")
    reviews = c6.multiselect("Review", list(STATUS_LABELS.values()), key="f_review")
    search = c7.text_input("Search quotes and cable IDs", key="f_search")
    return triage.Filter(frozenset(map(Verdict, verdicts)), frozenset(map(Severity, severities)), frozenset(articles),
                         ambiguous, misattributed, frozenset(s for s, label in STATUS_LABELS.items() if label in reviews),
                         search)


def review_widgets(store: ReviewStore, a: Article, r: QuoteResult, current: Review, k: str) -> None:
    q = r.quote

    def save() -> None:
        store.set(a.sha256, q.start, q.end, st.session_state[f"st_{k}"], st.session_state[f"note_{k}"])

    c1, c2 = st.columns([1, 2])
    c1.radio("Editor", list(Status), index=list(Status).index(current.status), key=f"st_{k}", horizontal=True,
             format_func=lambda s: STATUS_LABELS[s], on_change=save, label_visibility="collapsed")
    c2.text_input("Note", value=current.note, key=f"note_{k}", on_change=save, placeholder="Editor's note",
                  label_visibility="collapsed")


def downloads(store: ReviewStore, checked: dict[str, tuple[Article, list[QuoteResult]]], checker: Pipeline) -> None:
    """The report with the editors' reviews, written when a button is clicked (not at every rerun)."""

    def export(fmt: str) -> Callable[[], str]:
        def write() -> str:
            reviewed = triage.with_reviews(checked.values(), store)
            texts = {a.name: a.text for a, _ in checked.values()}
            return report.render(reviewed.results, fmt, texts=texts, reviews=reviewed.reviews, cables=checker.corpus.cables)

        return write

    cols = st.columns(4)
    for col, (fmt, label, mime, ext) in zip(cols, [("csv", "CSV", "text/csv", "csv"),
                                                   ("json", "JSON", "application/json", "json"),
                                                   ("html", "HTML", "text/html", "html"),
                                                   ("markdown", "Markdown", "text/markdown", "md")], strict=True):
        col.download_button(f"Download {label}", export(fmt), file_name=f"quote-check.{ext}", mime=mime,
                            key=f"dl_{fmt}")


def main() -> None:
    st.set_page_config(page_title="compare: quote provenance", layout="wide")
    st.title("Where did that quote come from?")
    st.caption("Every quote of the articles, beside the cable paragraph it comes from, with every difference marked.")
    corpus, found, semantic = sidebar()
    if corpus is None:
        st.info("Choose the cables to check against in the sidebar.")
        return
    if not found:
        st.info("Choose, upload or paste an article in the sidebar.")
        return
    try:
        checker = load_checker(corpus, semantic)
    except CompareError as e:
        st.error(report.markdown_text(str(e)))
        return
    checked = run_checks(checker, f"{corpus}|{semantic}", found)
    results = [r for _, rs in checked.values() for r in rs]
    if not results:
        return
    summary(results)
    store = review_store()
    downloads(store, checked, checker)
    flt = filters(results)
    st.markdown(f"<style>{cards.CSS}</style>{cards.LEGEND}", unsafe_allow_html=True)
    shown = 0
    for key, (a, rs) in checked.items():
        reviews = store.of_article(a.sha256)
        for r in rs:
            current = reviews.get((r.quote.start, r.quote.end), Review())
            if not flt.keep(r, current.status):
                continue
            shown += 1
            cable = checker.corpus.cables.get(r.source.cable_id) if r.source else None
            st.markdown(cards.card(r, a.text, cable, cables=checker.corpus.cables), unsafe_allow_html=True)
            review_widgets(store, a, r, current, f"{key[:16]}_{r.quote.start}_{r.quote.end}")
    st.caption(f"{shown} of {len(results)} quotes shown.")


main()
