"""Spanish articles quoting English cables in translation: found by what survives translation
(names, numbers, cognates) and by meaning (the multilingual sentence encoder). The translations are
ours, of real sentences of the seed cables; quotes of things no cable says must find nothing."""

from __future__ import annotations

import pytest

from compare import ingest
from compare.model import Verdict
from compare.pipeline import language


def check(checker, text):
    return checker.check_article(ingest.article_from_text(text, "es.txt"))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('Según el cable, "los militares no estaban entrenados para patrullar las calles ni para hacer cumplir '
         'la ley", escribió el diplomático.', ("10MEXICO83", 6)),
        # the translation of a part of a long sentence scores 0.62, no more than same-topic passages of
        # other cables do at 6,712 cables: below the bar, so no source (never a wrong one)
        ('El embajador advirtió que "las instituciones de seguridad mexicanas a menudo están atrapadas en una '
         'competencia de suma cero".', None),
        ('Gutiérrez dijo: "Tenemos 18 meses, y si no producimos un éxito tangible que sea reconocible para el '
         'pueblo mexicano, será difícil sostener la confrontación".', ("09MEXICO2882", 6)),
        # short quotes, and a quote no cable holds
        ('El cable afirma que Calderón "ha apostado tanto de su reputación" en Ciudad Juárez, donde '
         '"la violencia sigue siendo muy alta".', None),
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
