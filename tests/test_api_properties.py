"""Properties of the whole API on random input: random articles with every kind of quotation mark
around real cable words and random noise, against the real seed cables and random corpora. No
exception escapes; every offset slices exactly to the text it names (quotes and their parts in the
article, sources in their paragraphs, every difference on both sides)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import ingest
from compare.errors import CompareError
from compare.model import Cable, Paragraph, QuoteResult
from compare.pipeline import CheckOptions, Pipeline
from compare.store import CorpusStore

MARKS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ('"', ""), ("", '"'), ("“", '"')]
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
WORDS = st.sampled_from(["the", "army", "was", "not", "trained", "to", "patrol", "streets", "said", "Calderón", "2%", "two", "percent", "…", "[sic]", "XXXXXXXXXXXX", "according", "to", "a", "cable", "dated", "Jan.", "29,", "2010", "wrote", "Feeley", "—", "risk", "averse,", "down"])


@st.composite
def articles(draw, sentences: list[str]) -> str:
    out = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 4))
        if kind in (0, 4):
            piece = draw(st.sampled_from(sentences))
            lo = draw(st.integers(0, max(0, len(piece) - 5)))
            piece = piece[lo : lo + draw(st.integers(1, 200))]
        if kind == 4:  # an elision or a bracketed edit inside real words
            a = draw(st.integers(0, len(piece)))
            b = draw(st.integers(a, len(piece)))
            piece = piece[:a] + draw(st.sampled_from([" ... ", "…", " . . . ", "...", " [the army] ", "[sic]"])) + piece[b:]
        elif kind == 1:
            piece = " ".join(draw(st.lists(WORDS, min_size=1, max_size=12)))
        else:
            piece = draw(NOISE)
        if kind == 3:
            out.append(piece)
            continue
        left, right = draw(st.sampled_from(MARKS))
        tag = draw(st.sampled_from(["", " he said, ", ", wrote Feeley in a Jan. 29 cable. ", "\n\n", " "]))
        out.append(f"{draw(NOISE)} {left}{piece}{right}{tag}")
    return "".join(out)


def assert_offsets(text: str, r: QuoteResult) -> None:
    q = r.quote
    assert 0 <= q.start <= q.end <= len(text)
    assert q.start == q.parts[0].start and q.end == q.parts[-1].end
    assert q.text == " ".join(text[p.start : p.end] for p in q.parts)
    for a in ([r.source] if r.source else []) + list(r.candidates):
        assert 0 <= a.start <= a.end <= len(a.paragraph_text)
        assert a.text == a.paragraph_text[a.start : a.end]
    for d in r.discrepancies:
        if d.quote_span is not None:
            assert q.text[d.quote_span.start : d.quote_span.end] == d.quote_side, d
        if d.source_span is not None and r.source is not None:
            assert r.source.paragraph_text[d.source_span.start : d.source_span.end] == d.source_side, d


def check_text(pipeline: Pipeline, text: str) -> list[QuoteResult]:
    try:
        return pipeline.check_article(ingest.article_from_text(text, "h.txt"))
    except CompareError:  # no quotations, an empty article: a clear error is a right answer
        return []


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data())
def test_random_articles_against_the_seed_cables(seed_checker, seed_cables, data):
    sentences = [p.text for c in list(seed_cables.values())[:6] for p in c.paragraphs]
    text = data.draw(articles(sentences))
    article = ingest.article_from_text(text, "h.txt") if text.strip() else None
    for r in check_text(seed_checker, text):
        assert article is not None
        assert_offsets(article.text, r)


@st.composite
def corpora(draw) -> list[Cable]:
    cables = []
    for k in range(draw(st.integers(1, 4))):
        paras = tuple(Paragraph(f"10TEST{k + 1}", n + 1, None, draw(st.text(min_size=1, max_size=120)), n * 10,
                                n * 10 + 5) for n in range(draw(st.integers(1, 4))))
        cables.append(Cable(f"10TEST{k + 1}", "2010-01-0" + str(k + 1), None, None,
                            draw(st.none() | st.text(max_size=40)), (), None, None, (), paras, "h"))
    return cables


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(cables=corpora(), data=st.data())
def test_random_corpora(cables, data):
    pipeline = Pipeline(CorpusStore.in_memory(cables), CheckOptions(semantic=False))
    sentences = [p.text for c in cables for p in c.paragraphs] + [c.subject or "x" for c in cables]
    text = data.draw(articles(sentences))
    article = ingest.article_from_text(text, "h.txt") if text.strip() else None
    for r in check_text(pipeline, text):
        assert article is not None
        assert_offsets(article.text, r)
