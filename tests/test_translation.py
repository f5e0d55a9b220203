"""Spanish articles quoting English cables in translation: found by what survives translation
(names, numbers, cognates) and by meaning (the multilingual sentence encoder). The translations are
ours, of real sentences of the seed cables; quotes of things no cable says must find nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import ingest
from compare.model import Verdict
from compare.pipeline import language

from .conftest import DATA


def check(checker, text):
    return checker.check_article(ingest.article_from_text(text, "es.txt"))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('Según el cable, "los militares no estaban entrenados para patrullar las calles ni para hacer cumplir '
         'la ley", escribió el diplomático.', ("10MEXICO83", 6)),
        # a part of a long sentence: found by the word windows around its anchors (a clause window dilutes it)
        ('El embajador advirtió que "las instituciones de seguridad mexicanas a menudo están atrapadas en una '
         'competencia de suma cero".', ("10MEXICO83", 5)),
        ('Gutiérrez dijo: "Tenemos 18 meses, y si no producimos un éxito tangible que sea reconocible para el '
         'pueblo mexicano, será difícil sostener la confrontación".', ("09MEXICO2882", 6)),
        # a short quote (six words) of a cable sentence
        ('El cable afirma que Calderón "ha apostado tanto de su reputación" en Ciudad Juárez.',
         ("09MEXICO2882", 8)),
    ],
)
def test_spanish_translations_of_cable_passages(seed_checker, text, source):
    results = check(seed_checker, text)
    assert all(r.language == "es" for r in results if len(r.quote.text.split()) >= 4)
    if source is None:
        assert all(r.verdict is Verdict.NOT_FOUND for r in results)
        return
    (r,) = [r for r in results if r.verdict is Verdict.TRANSLATION]
    assert (r.source.cable_id, r.source.paragraph) == source and not r.ambiguous


@pytest.mark.parametrize(
    "text",
    [
        'El presidente dijo en conferencia de prensa que "la economía crecerá un tres por ciento el próximo año".',
        'La portavoz afirmó: "El gobierno no negociará con los grupos criminales bajo ninguna circunstancia".',
        'El alcalde prometió "más parques, más escuelas y mejores calles para todos los vecinos del barrio".',
    ],
)
def test_spanish_quotes_no_cable_holds_find_nothing(seed_checker, text):
    for r in check(seed_checker, text):
        assert r.verdict is Verdict.NOT_FOUND, (r.quote.text, r.source)


@pytest.mark.parametrize(
    ("text", "code"),
    [("The military was not trained to patrol the streets.", "en"),
     ("Los militares no estaban entrenados para patrullar las calles.", "es"),
     ("Les militaires n'étaient pas formés pour patrouiller dans les rues.", "fr"),
     ("Calderón", None)],
)
def test_language(text, code):
    assert language.detect(text) == code


@pytest.mark.slow
def test_against_the_6712_cable_dump_no_translation_is_given_a_wrong_source():
    from compare.api import load_corpus
    from compare.pipeline import CheckOptions, Pipeline

    from .conftest import shared

    p = Pipeline(load_corpus([shared("corpus/cablegate-6712.jsonl.gz")]), CheckOptions(semantic=False))
    text = ('Gutiérrez dijo: "Tenemos 18 meses, y si no producimos un éxito tangible que sea reconocible para el '
            'pueblo mexicano, será difícil sostener la confrontación".\n\nEl embajador advirtió que "las '
            'instituciones de seguridad mexicanas a menudo están atrapadas en una competencia de suma cero".\n\n'
            'La portavoz afirmó: "El gobierno no negociará con los grupos criminales bajo ninguna circunstancia".')
    got = [(r.verdict, r.source and (r.source.cable_id, r.source.paragraph)) for r in check(p, text)]
    assert got[0] == (Verdict.TRANSLATION, ("09MEXICO2882", 6))
    assert got[1] in ((Verdict.NOT_FOUND, None), (Verdict.TRANSLATION, ("10MEXICO83", 5)))
    assert got[2] == (Verdict.NOT_FOUND, None)


# -- the multilingual sentence index (compare index build --multilingual) ------------------------

@pytest.fixture(scope="module")
def ml_index(tmp_path_factory):
    from compare import indexing
    from compare.store import CorpusStore

    out = tmp_path_factory.mktemp("ml")
    indexing.build([DATA / "cables"], out, embed=False, multilingual=True)
    return CorpusStore.open(out)


def test_the_sentence_index_finds_a_translation_by_meaning(ml_index):
    from compare import multilingual

    spanish = "los militares no estaban entrenados para patrullar las calles ni para hacer cumplir la ley"
    hits = ml_index.sentences.search(multilingual.embedder().embed([spanish])[0], 3)
    first = ml_index.paragraph(hits[0].row)
    assert (first.cable_id, first.number) == ("10MEXICO83", 6)
    assert "not trained to patrol the streets" in first.text[hits[0].start : hits[0].end]
    assert hits[0].similarity > 0.6 and [h.similarity for h in hits] == sorted((h.similarity for h in hits),
                                                                               reverse=True)


def test_with_the_index_a_translated_quote_is_traced_and_an_invented_one_is_not(ml_index):
    from compare.pipeline import CheckOptions, Pipeline

    checker = Pipeline(ml_index, CheckOptions(semantic=False))
    (r,) = check(checker, 'Según un cable, "el Ejército es lento, evita los riesgos y no actúa según la inteligencia '
                          'que recibe", escribió el diplomático.')
    assert r.verdict in (Verdict.TRANSLATION, Verdict.NOT_FOUND)  # found, or (never wrong) not found
    if r.source is not None:
        assert r.source.cable_id == "10MEXICO83"
    (r,) = check(checker, 'La portavoz afirmó: "El gobierno no negociará con los grupos criminales bajo ninguna '
                          'circunstancia".')
    assert r.verdict is Verdict.NOT_FOUND


def test_a_rebuild_after_new_cables_drops_stale_sentence_vectors(tmp_path, words_multilingual):
    from compare import indexing
    from compare.store.sentences import VECTORS

    pages = sorted((DATA / "cables").glob("*.txt"))
    indexing.build(pages[:1], tmp_path, embed=False, multilingual=True)
    assert (tmp_path / VECTORS).exists()
    indexing.build(pages, tmp_path, embed=False)  # rows moved: the old vectors would point at wrong paragraphs
    assert not (tmp_path / VECTORS).exists()


@given(st.text(alphabet=st.sampled_from(list("abc de.;,!?\n\"")), max_size=300))
@settings(max_examples=200, derandomize=True, deadline=None)
def test_sentence_spans_are_in_order_inside_the_text_and_cover_its_words(text):
    from compare.indexing.sentences import split

    spans = list(split(text))
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    covered = set().union(*(range(a, b) for a, b in spans)) if spans else set()
    assert all(k in covered for k, c in enumerate(text) if c.isalpha())  # no word left out


# -- what a translation is checked for: numbers as values, negations --------------------------------

@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("una fortuna de 1.300 millones de dólares", [1.3e9]),
        ("with a fortune of USD 1.3 billion", [1.3e9]),
        ("ofrecer un 8,5% cuando había un 4% disponible", [8.5, 4.0]),
        ("offering 8.5% when 4% was available", [8.5, 4.0]),
        ("7,559 y 7.559 y 7559", [7559.0, 7559.0, 7559.0]),
        ("un soborno de 20 millones de pesos (8.500 dólares)", [2e7, 8500.0]),
        ("diez patrulleros y ten aircraft", [10.0, 10.0]),
        ("a la una, one of them", []),  # articles, not numbers
    ],
)
def test_amounts_are_read_as_values_in_either_writing(text, values):
    from compare.pipeline.reworded import amounts

    assert [a.value for a in amounts(text)] == values


@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=0, max_value=99))
@settings(max_examples=200, derandomize=True, deadline=None)
def test_english_and_spanish_separators_give_the_same_value(n, cents):
    from compare.pipeline.reworded import amounts

    english = f"{n:,}.{cents:02d}"
    spanish = english.replace(",", "_").replace(".", ",").replace("_", ".")
    reference = n + cents / 100
    assert [a.value for a in amounts(english)] == [a.value for a in amounts(spanish)] == [round(reference, 6)]


@pytest.mark.parametrize(
    ("quote", "source", "changed"),
    [
        ("una fortuna de 1.300 millones de dólares", "a fortune of USD 1.3 billion.", None),
        ("de unos diez homicidios al día", "from about eight homicides a day", ("diez homicidios", "eight homicides")),
        ("el 69 por ciento consideraba", "69 percent considered", None),
        ("el 96 por ciento consideraba", "69 percent considered", ("96 por ciento", "69 percent")),
        ("una cifra enorme", "USD 1.3 billion", None),  # the quote gives no number: nothing to compare
    ],
)
def test_changed_numbers(quote, source, changed):
    from compare.pipeline.reworded import changed_numbers

    assert changed_numbers(quote, source) == changed


@pytest.mark.parametrize(
    ("quote", "source", "flagged"),
    [
        ("Zapatero es un político de convicciones", 'Zapatero is not a "conviction" politician', True),
        ("podría prolongarse y tenía garantías de éxito", "could spin out and had no guarantee of success", True),
        ("los militares no estaban entrenados", "the military was trained", True),
        ("Los barcos no llevarán misiles", "The ships will not carry missiles", False),
        ("no pudo llegar a tiempo", "was unable to arrive in time", False),
        ("sin duda entiende la relación", "he undoubtedly understands the relationship", False),
        ("sin embargo, la embajada insiste", "However, the Embassy insists", False),
        ("nunca ha pedido tutelas", "has never asked for tutelage", False),
    ],
)
def test_changed_negation(quote, source, flagged):
    from compare.pipeline.reworded import changed_negation

    assert (changed_negation(quote, source) is not None) is flagged


def test_a_translation_that_drops_the_negation_is_changed_in_substance(seed_checker):
    from compare import triage
    from compare.model import DiscrepancyKind

    results = check(seed_checker, 'Según el cable, "los militares estaban entrenados para patrullar las calles y '
                                  'para hacer cumplir la ley", escribió el diplomático.')
    (r,) = results
    assert r.verdict is Verdict.TRANSLATION and (r.source.cable_id, r.source.paragraph) == ("10MEXICO83", 6)
    assert DiscrepancyKind.NEGATION in {d.kind for d in r.discrepancies}
    assert triage.finding(r) is triage.Finding.CHANGED


GUTIERREZ = ('Gutiérrez dijo: "Tenemos 18 meses, y si no producimos un éxito tangible que sea reconocible para el '
             'pueblo mexicano, será difícil sostener la confrontación".')
JOINT = 'Según el diplomático, «hay que empezar por una buena evaluación conjunta de los grupos criminales».'


def test_a_quote_of_a_cable_the_article_quotes_elsewhere_is_found_among_its_paragraphs(seed_checker):
    # alone, no name or number points at a cable, but its words put into English ("joint assessment",
    # "criminal groups": compare.crosslingual) bring ¶9 among the candidates, and it is clearly closest
    (alone,) = check(seed_checker, JOINT)
    assert alone.verdict is Verdict.TRANSLATION
    assert (alone.source.cable_id, alone.source.paragraph) == ("09MEXICO2882", 9)
    # with a quote of 09MEXICO2882 after it, the cable's paragraphs are its candidates: ¶9, "Gutierrez
    # thought that to start we need a good joint assessment of organized criminal groups"
    first, second = check(seed_checker, JOINT + " " + GUTIERREZ)
    assert (second.source.cable_id, second.source.paragraph) == ("09MEXICO2882", 6)
    assert first.verdict is Verdict.TRANSLATION and (first.source.cable_id, first.source.paragraph) == ("09MEXICO2882", 9)


def test_a_statement_no_cable_holds_stays_unsupported_beside_a_quote_of_a_cable(seed_checker):
    text = 'La portavoz afirmó: "El gobierno no negociará con los grupos criminales bajo ninguna circunstancia". '
    results = check(seed_checker, text + GUTIERREZ)
    assert results[0].verdict is Verdict.NOT_FOUND
    assert results[1].verdict is Verdict.TRANSLATION


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("El cable lleva por título «Elementos del equipo de política del Gobierno interesados en la seguridad».",
         True),
        ("«Ciudad Juárez en un punto de inflexión», titulaba la embajada su cable de marzo de 2009.", True),
        ('In a cable titled "Ciudad Juarez at a tipping point," the embassy described the city.', True),
        ("«Ciudad Juárez está en un punto de inflexión», escribió el cónsul.", False),
        ('"Ciudad Juarez is at a tipping point," the consul wrote.', False),
        ("El gobierno, encabezado por Lagos, dijo sobre ese asunto que «la frontera marítima no está resuelta».",
         False),
        ('The delegation, headed by the minister, raised the subject: "the border is not settled."', False),
    ],
)
def test_the_article_saying_a_quote_is_a_cable_title(text, subject):
    from compare.pipeline import extract

    (q,) = extract.extract(ingest.article_from_text(text, "t.txt"))
    assert q.claim.subject is subject


def test_a_translation_of_two_sentences_with_one_left_out_between_is_found_by_its_sentences(seed_checker):
    """The article keeps two sentences of ¶7 and drops what stands between them, with no ellipsis: the
    whole is close to no passage, each sentence to its own, and the second confirms the first's cable."""
    text = ('El cable recoge que "Gutiérrez cree que lo que se necesita es una hoja de ruta clara para los años '
            'que quedan de cooperación en seguridad. Tello Peón estuvo de acuerdo y sugirió que no hay tiempo para '
            'proyectos piloto".')
    (r,) = [r for r in check(seed_checker, text) if r.verdict is Verdict.TRANSLATION]
    assert (r.source.cable_id, r.source.paragraph) == ("09MEXICO2882", 7)
    assert "another of its sentences" in r.decision.note


def test_a_quote_is_split_into_sentences_only_without_an_ellipsis():
    from compare.model import Claim, Language, Quote, QuoteKind, Span
    from compare.pipeline import translation

    def quote(text):
        return Quote(article="a", text=text, start=0, end=len(text), parts=(Span(0, len(text)),),
                     kind=QuoteKind.QUOTATION, context=text, claim=Claim(), article_language=Language.ES)

    two = quote("El ministro no confía en sus asesores más cercanos. Nadie en el gabinete habla hoy de reformas "
                "económicas serias.")
    assert [q.text for q in translation.sentences(two)] == [
        "Nadie en el gabinete habla hoy de reformas económicas serias.",
        "El ministro no confía en sus asesores más cercanos."]
    assert translation.sentences(quote("El ministro no confía en sus asesores más cercanos.")) == []
    assert translation.sentences(quote("El ministro no confía en sus asesores. … Nadie habla hoy de reformas "
                                       "económicas serias.")) == []


@pytest.mark.parametrize("dated, found", [
    ("el 5 de octubre de 2009", True),     # the found cable's own date
    ("el 3 de marzo de 2009", True),       # no candidate of that date: the article's error, flagged
    ("el 29 de enero de 2010", False),     # another candidate cable is of that very date
])
def test_the_articles_date_to_the_day_can_speak_against_a_translations_source(seed_checker, dated, found):
    text = (f'En un cable fechado {dated}, Gutiérrez dijo: "Tenemos 18 meses, y si no producimos un éxito '
            'tangible que sea reconocible para el pueblo mexicano, será difícil sostener la confrontación".')
    results = [r for r in check(seed_checker, text) if len(r.quote.text.split()) > 5]
    (r,) = results
    assert (r.verdict is Verdict.TRANSLATION) is found, (r.verdict, r.source and r.source.cable_id)
    if found:
        assert (r.source.cable_id, r.source.paragraph) == ("09MEXICO2882", 6)
        assert r.attribution.ok is (dated == "el 5 de octubre de 2009")


@pytest.mark.parametrize("dated, found", [
    ("", None),                                                  # no pointer: too close to its neighbours
    ("La embajada envió un cable fechado el 10 de noviembre de 2009. ", ("09MEXICO3195", 12)),  # its day
    ("La embajada envió un cable fechado el 23 de octubre de 2009. ", None),  # another cable's day
    ("La embajada envió un cable en noviembre de 2009. ", None),  # a month is not a day
])
def test_a_cable_of_the_day_the_article_gives_is_pointed_at_as_a_cable_it_quotes(seed_checker, dated, found):
    text = dated + 'Según los diplomáticos, "la cooperación en inteligencia con Washington nunca fue mejor", añadieron.'
    (r,) = [r for r in check(seed_checker, text) if len(r.quote.text.split()) > 4]
    assert (r.source and (r.source.cable_id, r.source.paragraph)) == found, r.decision.note
    if found:
        assert "of the day the article gives a cable" in r.decision.note


@pytest.mark.parametrize("text, lang, days", [
    ("Un télégramme de l'ambassade à Paris, daté du 25 août 2009, évoque", "fr", {(2009, 8, 25)}),
    ("En un cable fechado el 10 de noviembre de 2009, y otro de marzo de 2008", "es", {(2009, 11, 10)}),
    ("In a Dec. 17, 2009 cable, and a cable dated March 2008", "en", {(2009, 12, 17)}),
    ("um telegrama de outubro de 2009", "pt", set()),
])
def test_the_days_an_article_gives_a_cable(text, lang, days):
    from compare.pipeline import claims

    assert claims.cable_days(text, lang) == days


def test_a_summary_restating_its_body_is_no_rival_of_it(seed_cables):
    """A cable's summary says again what its body says in other words: the two windows are one
    statement, not rivals, so a translation close to both is not turned away for want of a margin
    between them. Another paragraph of the cable, saying something else, stays a rival, and so does
    a window too short to be a statement."""
    from compare.pipeline import translation

    cable = seed_cables["09MEXICO3573"]
    para = {p.number: p for p in cable.paragraphs}

    def window(n, words):
        p = para[n]
        a = p.text.index(words)
        return (p, a, a + len(words))

    summary = window(1, "Arturo Beltran Leyva’s death will not solve Mexico’s drug problem, but it will hopefully "
                        "generate the momentum necessary to make sustained progress against other drug trafficking "
                        "organizations.")
    body = window(8, "ABL’s death will certainly not resolve Mexico’s drug problem, but it will likely generate the "
                     "momentum necessary within the GOM security apparatus to make sustained and real progress "
                     "against the country’s drug trafficking organizations.")
    other = window(2, "Mexican Navy (SEMAR) sources revealed on the night of December 17 that SEMAR forces killed "
                      "Arturo Beltran Leyva")
    assert not translation._rival(body, summary) and not translation._rival(summary, body)
    assert translation._rival(body, other)
    assert translation._rival(window(8, "ABL’s death will certainly"), window(1, "Arturo Beltran Leyva’s death"))


def test_of_two_restatements_the_one_holding_more_of_the_quotes_words_is_the_source(seed_cables):
    """The encoder may put a summary a few hundredths closer to a quote than the body paragraph it
    restates; the restatement holding more of the quote's words is the source. A paragraph saying
    something else, or holding fewer of the words, does not take the place of the closest."""
    from compare.pipeline.translation import Fit, _fullest

    cable = seed_cables["09MEXICO3573"]
    para = {p.number: p for p in cable.paragraphs}

    def fit(n, words, similarity, meaning):
        p = para[n]
        a = p.text.index(words)
        return Fit(p, a, a + len(words), similarity, meaning, meaning)

    summary = fit(1, "Arturo Beltran Leyva’s death will not solve Mexico’s drug problem, but it will hopefully generate "
                     "the momentum necessary to make sustained progress against other drug trafficking organizations.",
                  0.70, 0.45)
    body = fit(8, "ABL’s death will certainly not resolve Mexico’s drug problem, but it will likely generate the momentum "
                  "necessary within the GOM security apparatus to make sustained and real progress against the "
                  "country’s drug trafficking organizations.", 0.66, 0.65)
    other = fit(2, "Mexican Navy (SEMAR) sources revealed on the night of December 17 that SEMAR forces killed Arturo "
                   "Beltran Leyva", 0.60, 0.90)
    assert _fullest((summary, body, other))[0].number == 8
    assert _fullest((summary, other)) is None  # holds more words, but says something else
    assert _fullest((body, summary)) is None  # the closest already holds the most
