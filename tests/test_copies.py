"""One passage in several cables (`pipeline.copies`): Embassy Brasilia re-sent its terrorism paragraphs
in its reports of February, May and October 2009 (four real cables of the release in
data/fixtures/brasilia-resent.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import ingest
from compare.model import Alignment, Decision, Verdict
from compare.pipeline import claims, copies
from compare.store import CorpusStore

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "fixtures" / "brasilia-resent.jsonl"


@pytest.fixture(scope="module")
def store() -> CorpusStore:
    return CorpusStore.in_memory(ingest.read_file(FIXTURE))


def window(store: CorpusStore, cable: str, number: int, words: str) -> Alignment:
    p = store.cables[cable].paragraph(number)
    assert p is not None
    start = p.text.index(words)
    return Alignment(cable, number, (number,), p.text, start, start + len(words), 0, 0, (), 0.8)


def translated(source: Alignment) -> Decision:
    return Decision(Verdict.TRANSLATION, 0.8, source, (), False, (), "the quote translates this passage")


OPERATIONALLY = "effectively work with their U.S. counterparts and diligently pursue investigative leads"
IN_REALITY = ("In reality, several Islamic groups with known or suspected ties to extremist organizations have "
              "branches in Brazil")


def test_a_paragraph_re_sent_in_a_later_report_is_found_in_both(store):
    found = copies.of(store, window(store, "09BRASILIA671", 5, OPERATIONALLY))
    assert [(a.cable_id, a.paragraph) for a in found] == [("09BRASILIA1216", 5)]
    (copy,) = found
    assert "diligently pursue investigative leads" in copy.text


def test_a_sentence_re_sent_inside_a_longer_paragraph_is_found_there(store):
    found = copies.of(store, window(store, "09BRASILIA229", 15, IN_REALITY))
    assert ("09BRASILIA1216", 6) in {(a.cable_id, a.paragraph) for a in found}


def test_the_month_the_article_gives_the_cable_picks_the_copy(store):
    source = window(store, "09BRASILIA671", 5, OPERATIONALLY)  # May 2009
    october = copies.settle(store, translated(source), cited=(), dated={(2009, 10)})
    assert (october.source.cable_id, october.ambiguous) == ("09BRASILIA1216", False)
    assert ("09BRASILIA671", 5) in {(a.cable_id, a.paragraph) for a in october.candidates}
    unsaid = copies.settle(store, translated(source), cited=(), dated=())
    assert (unsaid.source.cable_id, unsaid.ambiguous) == ("09BRASILIA671", True)  # the closest, flagged
    cited = copies.settle(store, translated(window(store, "09BRASILIA1216", 6, IN_REALITY)),
                          cited={"09BRASILIA229"}, dated={(2009, 10)})
    assert cited.source.cable_id == "09BRASILIA229"  # a cable the article quotes elsewhere comes first


def test_different_passages_on_one_subject_are_not_copies(store):
    may, feb = store.cables["09BRASILIA671"].paragraph(5), store.cables["09BRASILIA229"].paragraph(15)
    assert may is not None and feb is not None
    assert not copies.same_passage(may.text[:300], may.text, feb.text[:300], feb.text)
    assert copies.same_passage(OPERATIONALLY, may.text, OPERATIONALLY.replace("U.S.", "US"),
                               store.cables["09BRASILIA1216"].paragraph(5).text)  # type: ignore[union-attr]
    assert not copies.same_passage("the Brazilian government", may.text, "the Brazilian government", feb.text)  # too short


@pytest.mark.parametrize(("text", "language", "dates"), [
    ("Segundo um telegrama de outubro de 2009 da Embaixada, o Brasil nega.", "pt", {(2009, 10)}),
    ("Según un cable de marzo de 2010, el embajador escribió que no.", "es", {(2010, 3)}),
    ("In a cable dated Oct. 5, 2008, the ambassador wrote that it was over.", "en", {(2008, 10)}),
    ("Eine Depesche vom Juni 2009 beschreibt ihn als eitel.", "de", {(2009, 6)}),
    ("Les élections de juin 2009 ont été remportées par le parti.", "fr", set()),  # an event's date
])
def test_the_dates_an_article_gives_its_cables(text, language, dates):
    assert claims.cable_dates(text, language) == dates


def test_a_translated_quote_of_a_re_sent_paragraph_is_traced_to_the_cable_the_article_dates(store):
    """My own Portuguese rendering, through the whole pipeline: the May and October reports hold the
    same paragraph; the article says October 2009."""
    from compare.pipeline import CheckOptions, Pipeline

    text = ("Brasil nega terrorismo\n\nUm telegrama de outubro de 2009 da Embaixada em Brasília diz que o governo "
            "“continua a ser um parceiro cooperativo no combate ao terrorismo e a atividades relacionadas que "
            "poderiam contribuir para facilitar atentados na região ou em outros lugares”.\n")
    (r,) = Pipeline(store, CheckOptions(semantic=False)).check_article(ingest.article_from_text(text, "pt.txt"))
    assert r.decision.verdict is Verdict.TRANSLATION
    assert (r.decision.source.cable_id, r.decision.source.paragraph) == ("09BRASILIA1216", 5)
    assert "09BRASILIA671" in {a.cable_id for a in r.decision.candidates}


def test_an_elided_translation_is_traced_by_its_parts(store):
    """«A ... B»: two renderings spliced; the whole is close to neither passage, its part to its own.
    My own Portuguese: an opening on something else, then the Brasilia sentence re-sent in two reports."""
    from compare.model import Claim, Language, Quote, QuoteKind, Span
    from compare.pipeline import translation

    text = ("As eleições municipais de outubro foram as mais disputadas da história recente do país, com dezenas de "
            "candidatos em cada cidade e muitas surpresas ... na realidade, vários grupos islâmicos com laços "
            "conhecidos ou suspeitos com organizações extremistas têm filiais no Brasil e são suspeitos de realizar "
            "atividades de financiamento")
    q = Quote("pt.txt", text, 0, len(text), (Span(0, len(text)),), QuoteKind.QUOTATION, text, Claim(),
              article_language=Language.PT)
    assert [p.text[:14] for p in translation.parts(q)] == ["na realidade, ", "As eleições mu"]  # longest first
    assert translation.find(q, translation.candidates(store, q, [])) is None  # the whole: no source
    found = translation.find_elided(store, q)
    assert found is not None and found.verdict is Verdict.TRANSLATION
    assert (found.source.cable_id, found.source.paragraph) in {("09BRASILIA229", 15), ("09BRASILIA1216", 6)}


def test_a_short_quote_far_ahead_of_its_cited_cables_other_paragraphs_is_traced(store):
    """Four words of my own Portuguese ("situação das terras indígenas": "the status of indigenous people and
    lands", 09BRASILIA1216 ¶6), in an article that quotes that cable elsewhere: under the short-quote bar
    (0.85), but close and far ahead of the cable's other paragraphs. Alone, no source."""
    from compare.model import Claim, Language, Quote, QuoteKind, Span
    from compare.pipeline import translation

    text = "situação das terras indígenas"
    q = Quote("pt.txt", text, 0, len(text), (Span(0, len(text)),), QuoteKind.QUOTATION, text, Claim(),
              article_language=Language.PT)
    cited = ["09BRASILIA1216"]
    found = translation.find(q, translation.candidates(store, q, cited), cited)
    assert found is not None and (found.source.cable_id, found.source.paragraph) == ("09BRASILIA1216", 6)
    assert translation.find(q, translation.candidates(store, q, []), []) is None
